"""The SCORM package (``python3 dev.py scorm``): when the build is asked for one
(``COURSE_SCORM=1.2`` or ``2004``, as dev.py does, with the offline build's plain .html links
that an LMS's content server needs), the finished site gets the launch page ``scorm.html``
(overrides/scorm-launch.html: it holds the LMS session and shows the course in a frame, with
docs/assets/lms.js) and ``imsmanifest.xml`` (hooks/lib/scorm.py) listing every file of it.
Without COURSE_SCORM nothing is added.

A package is what a learner gets from the LMS, so it holds the learner's course only: the
trainers' section (its answer key above all, which would give away every graded answer) is
left out of the package's navigation and files.
"""
from __future__ import annotations

from pathlib import Path

import pathspec
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from lib import build, labels, scorm


TRAINERS = "trainer/"  # the trainers' pages, in every language's folder


def for_trainers(item) -> bool:
    """A navigation entry (as mkdocs.yml writes it) that leads only to trainers' pages."""
    if isinstance(item, dict):
        return all(for_trainers(value) for value in item.values())
    if isinstance(item, list):
        return bool(item) and all(for_trainers(value) for value in item)
    return isinstance(item, str) and item.startswith(TRAINERS)


def on_config(config):
    if not config.extra.get("scorm"):
        return config
    config.nav = [item for item in config.nav or [] if not for_trainers(item)]
    kept = config.exclude_docs.patterns if config.exclude_docs else []  # what mkdocs.yml excludes, if anything
    config.exclude_docs = pathspec.GitIgnoreSpec([*kept, *pathspec.GitIgnoreSpec.from_lines([TRAINERS]).patterns])
    return config


@event_priority(-400)  # after every language is built and every link is checked (-300)
def on_post_build(config) -> None:
    version = str(config.extra.get("scorm") or "")
    if build.is_nested_build(config) or not version:
        return
    if version not in scorm.VERSIONS:
        raise PluginError(f"COURSE_SCORM is {version!r}: it should be 1.2 or 2004")
    if config.use_directory_urls:
        raise PluginError("A SCORM package needs plain .html links: build it with OFFLINE=true (python3 dev.py scorm does)")
    site = Path(config.site_dir)
    context = build.CONTEXT
    names = context.site_names
    start = {lang: ("" if lang == context.default else f"{lang}/") + "index.html" for lang in context.languages}
    html = context.template("scorm-launch.html").render(
        version=version, start=start, default=context.default, lang=context.default,
        title=" · ".join(names[lang] for lang in context.languages),
        labels=labels.load(build.root(config)).all(context.default))
    (site / scorm.LAUNCH).write_text(html, encoding="utf-8")
    files = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    title = " / ".join(names[lang] for lang in context.languages)
    (site / "imsmanifest.xml").write_bytes(scorm.manifest(version, f"customer-orientation-scorm{version.replace('.', '')}", title, files))
