#!/usr/bin/env python3
"""CPU time of each project hook in one build (a benchmark aid, not a test):

    .venv/bin/python tests/hook_times.py [mkdocs build options]      (run in the project folder)

Runs `mkdocs build` in this process with every hook event of hooks/ wrapped by a timer, then
prints the build's CPU time, the hooks' share and the costliest hook events. The hooks' own
time does not count what their output costs MkDocs and the theme (a longer page, more Markdown).
"""
from __future__ import annotations

import atexit
import collections
import functools
import sys
import time

from mkdocs import plugins

TIMES: collections.Counter = collections.Counter()
_register = plugins.PluginCollection._register_event


def _timed_register(self, event_name, method, plugin_name=None):
    module = str(getattr(method, "__module__", ""))
    if (plugin_name or "").startswith("hooks/") or module.startswith("hooks"):
        name = f"{plugin_name or module}.{getattr(method, '__name__', event_name)}"
        inner = method

        @functools.wraps(inner)
        def method(*args, **kwargs):
            start = time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                TIMES[name] += time.process_time() - start

    return _register(self, event_name, method, plugin_name)


@atexit.register
def _report() -> None:
    total = time.process_time()
    print(f"one build: {total:.2f} CPU s, of which the hooks' own events {sum(TIMES.values()):.2f} s:")
    for name, seconds in TIMES.most_common(8):
        print(f"  {seconds:6.3f} s  {name}")


if __name__ == "__main__":
    plugins.PluginCollection._register_event = _timed_register
    from mkdocs.__main__ import cli

    sys.argv = ["mkdocs", "build", *sys.argv[1:]]
    cli()
