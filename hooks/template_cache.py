"""Each template compiled once per build, not once per language.

mkdocs-static-i18n builds every language with a new Jinja environment, and Jinja compiles each
template (Material's and ours) anew in each: a third of the build's template work was
compiling the same sources three times. Jinja's own bytecode cache, kept in memory for the
build process, gives every later environment the compiled code; a template whose source has
changed (``mkdocs serve``) has another checksum and is compiled again. Nothing is written to disk.
"""
from __future__ import annotations

from jinja2 import BytecodeCache
from mkdocs.plugins import event_priority


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self.compiled: dict[str, tuple[str, object]] = {}  # bucket key -> (source checksum, code)

    def load_bytecode(self, bucket) -> None:
        checksum, code = self.compiled.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = (bucket.checksum, bucket.code)


CACHE = MemoryBytecodeCache()


@event_priority(200)  # before any template is loaded
def on_env(env, config, files):
    env.bytecode_cache = CACHE
    return env
