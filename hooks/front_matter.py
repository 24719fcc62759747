"""Every page's front matter reads, and names what the site shows of it.

MkDocs quietly treats front matter it cannot parse as no front matter at all, so a stray
": " in a description would silently drop the page's title, description and quiz. This hook
stops the build instead, naming the file and the YAML problem.
"""
from __future__ import annotations

import yaml
from mkdocs.exceptions import PluginError

REQUIRED = ("title", "description")


def problems_of(source: str) -> list[str]:
    """What is wrong with a page's front matter ([] when nothing is)."""
    if not source.startswith("---"):
        return ["no front matter (it needs at least: " + ", ".join(REQUIRED) + ")"]
    try:
        _, front, _ = source.split("---", 2)
        meta = yaml.safe_load(front)
    except ValueError:
        return ["front matter is not closed by a line '---'"]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        return [f"front matter is not valid YAML{where}: {getattr(error, 'problem', error)} (quote a text that contains ': ')"]
    if not isinstance(meta, dict):
        return ["front matter is not a set of 'key: value' lines"]
    return [f"front matter has no '{key}'" for key in REQUIRED if not meta.get(key)]


def on_page_markdown(markdown_text, page, config, files):
    problems = problems_of(page.file.content_string)
    if problems:
        raise PluginError(f"docs/{page.file.src_uri}: " + "; ".join(problems))
    return markdown_text
