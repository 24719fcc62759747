"""One script and one stylesheet for the course: the files listed in mkdocs.yml's
``extra_javascript`` and ``extra_css`` (readable sources in docs/assets/) are joined in their
listed order, minified, and served as ``assets/course.min.js`` (deferred) and
``assets/course.min.css``; the pages link those two instead of the sources. Seven scripts and
two stylesheets, unminified, cost a phone a request each and about a second of blocking time.

The minifiers are rjsmin and rcssmin (pinned in requirements.txt): small, well-kept, pure
Python with no build tool to install, and they only remove what is safe to remove (comments,
spaces), so the shipped code is the source, the same classic scripts that run from file://.
Each file's address carries a hash of its content, so a new build is never hidden by a cache.

Also: the iframe-worker shim (``extra.polyfills``) exists for search from file:// only: it is
kept in the offline build (OFFLINE=true) and dropped from every page of the site served online.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.plugins import event_priority

from lib.build import root

SCRIPT = "assets/course.min.js"
STYLE = "assets/course.min.css"
_state: dict = {}


def sources(config, key: str) -> list[str]:
    return [str(item) for item in config[key]]


def bundle(project: Path, docs_dir: str, paths: list[str], minify) -> str:
    """The files joined in order, each minified, each introduced by its name."""
    parts = []
    for path in paths:
        text = (project / docs_dir / path).read_text(encoding="utf-8")
        parts.append(f"/* {path} */\n" + minify(text).strip())
    return "\n".join(parts) + "\n"


def offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    enabled = getattr(plugin, "config", {}).get("enabled") if plugin else False
    return bool(enabled) or os.environ.get("OFFLINE", "").lower() in ("1", "true", "yes")


@event_priority(-120)  # after mkdocs-static-i18n has set up the language's config
def on_config(config):
    project = root(config)
    scripts = [s for s in sources(config, "extra_javascript") if s != SCRIPT.split("?")[0] and not s.startswith(SCRIPT)]
    styles = [s for s in sources(config, "extra_css") if not s.startswith(STYLE)]
    if scripts:
        _state["js"] = bundle(project, config.docs_dir, scripts, lambda t: rjsmin.jsmin(t, keep_bang_comments=True))
        _state["js_sources"] = scripts
    if styles:
        _state["css"] = bundle(project, config.docs_dir, styles, lambda t: rcssmin.cssmin(t, keep_bang_comments=True))
        _state["css_sources"] = styles
    digest = lambda text: hashlib.sha256(text.encode()).hexdigest()[:10]  # noqa: E731
    script = ExtraScriptValue(f"{SCRIPT}?v={digest(_state['js'])}")
    script.defer = True
    config["extra_javascript"] = [script]
    config["extra_css"] = [f"{STYLE}?v={digest(_state['css'])}"]
    if not offline(config):
        config.extra["polyfills"] = []
    return config


def on_post_build(config):
    site = Path(config.site_dir)
    for name, key in ((SCRIPT, "js"), (STYLE, "css")):
        target = site / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_state[key], encoding="utf-8")
