"""Diagrams in pages (hooks/lib/diagrams.py): each marker ``<!-- diagram: name -->`` in a page's
Markdown becomes the named diagram, drawn inline in the page's language.

Checked once, before any page (every diagram against its texts, every page's markers against the
diagrams), so a mistake stops the build with the file named instead of surfacing as a broken
picture in one language. Put in before the search plugin reads the page (priority above its
default 0), so the captions and text alternatives can be found by search.
"""
from __future__ import annotations


from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from lib import build, diagrams
from lib.build import CONTEXT

_loaded: dict = {}


def on_pre_build(config) -> None:
    """Every problem at once: the diagrams' own, and the pages' markers."""
    problems, found = [], {}
    try:
        found = diagrams.load_cached(build.root(config))
    except diagrams.SourceError as error:
        problems.append(str(error))
    if not build.is_nested_build(config):  # the pages are the same files in every language build
        names = diagrams.names(build.root(config))
        usage = diagrams.usage_problems(build.page_sources(config), names)
        if usage:
            problems.append("Diagrams in pages have problems:\n  " + "\n  ".join(usage))
    if problems:
        raise PluginError("\n".join(problems))
    _loaded.clear()
    _loaded.update(found)


@event_priority(50)  # before the search plugin indexes the page
def on_page_content(html, page, config, files):
    try:
        return diagrams.put_in(html, _loaded, CONTEXT.lang)
    except KeyError as error:
        raise PluginError(f"docs/{CONTEXT.lang}/{page.file.src_uri}: no diagram is called {error}") from None
