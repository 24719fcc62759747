"""Data for templates: a dict whose keys are also its attributes.

Jinja reads ``q.id`` by trying the attribute first and the key second; on a plain dict the
attribute fails, with an exception, for every field a template reads: that was half the time of
rendering a quiz. A Fields is the same dict (code and json.dumps read it as one) whose instance
dictionary is itself, so the attribute is found at once. (A key named like a dict method,
items or keys, would read as its value here, where a plain dict gives the method: none is.)
"""
from __future__ import annotations


class Fields(dict):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.__dict__ = self
