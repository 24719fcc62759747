"""Every page's source reads: it is UTF-8, and its front matter is valid YAML that names what
the site shows of the page.

MkDocs stops with a traceback on a byte that is not UTF-8, and quietly treats front matter it
cannot parse as no front matter at all (a stray ": " in a description would silently drop the
page's title, description and quiz). Before anything is rendered, this hook reads every page
of every language and stops the build listing each problem with its file and line.
"""
from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from lib import build
from lib.sources import SourceError, decode, parse_yaml

REQUIRED = ("title", "description")
# the same test MkDocs applies (mkdocs.utils.meta.YAML_RE): what it does not match is not front matter
FRONT = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


def problems_of(source: str, name: str) -> list[str]:
    """What is wrong with a page's front matter ([] when nothing is)."""
    if not source.startswith("---"):
        return [f"{name}: no front matter (the page must start with a line '---', then at least: {', '.join(REQUIRED)})"]
    match = FRONT.match(source)
    if not match:
        return [f"{name}: the front matter is not closed: put a line '---' after its last key"]
    try:
        meta = parse_yaml(match.group(1), name, first_line=2)
    except SourceError as error:
        # a front matter never closed runs on into the page, up to some later '---' (a rule):
        # its first line that cannot be "key: value" is where the closing '---' is missing
        for number, line in enumerate(match.group(1).split("\n"), 2):
            if line.strip() and not line.startswith((" ", "\t", "-", "#")) and ":" not in line:
                return [f"{name}: line {number} ('{line[:40]}') is not 'key: value': the front matter is not closed — "
                        "put a line '---' after its last key"]
        return [str(error)]
    if not isinstance(meta, dict):
        return [f"{name}: the front matter should be 'key: value' lines"]
    return [f"{name}: the front matter has no '{key}'" for key in REQUIRED if not meta.get(key)]


def page_problems(sources: dict[str, dict[str, bytes]]) -> list[str]:
    problems = []
    for locale, pages in sources.items():
        for page, data in pages.items():
            name = f"docs/{locale}/{page}"
            try:
                problems += problems_of(decode(data, name), name)
            except SourceError as error:
                problems.append(str(error))
    return problems


def on_pre_build(config) -> None:
    if build.is_nested_build(config):
        return  # every language's pages are checked at once, before the first is built
    problems = page_problems(build.page_sources(config))
    if problems:
        raise PluginError("Pages that cannot be read:\n  " + "\n  ".join(problems))
