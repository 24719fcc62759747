"""The offline copy offered on the published site: when the build is given the zip that
``python3 dev.py offline`` made (``COURSE_OFFLINE_ZIP``, as the publishing workflow does), it
is copied to ``downloads/`` and the home page of every language links to it
(overrides/partials/offline-download.html).
"""
from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from lib import build


@event_priority(-250)  # after every language is built, before the link check (-300)
def on_post_build(config) -> None:
    if build.is_nested_build(config) or not config.extra.get("offline_zip"):
        return
    source = Path(config.config_file_path).parent / config.extra["offline_zip"]
    if not source.is_file():
        raise PluginError(f"COURSE_OFFLINE_ZIP names {source}, which does not exist: run `python3 dev.py offline` first")
    target = Path(config.site_dir) / "downloads" / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
