"""Every link and anchor in the built site resolves, and stays in its own language.

MkDocs checks Markdown links, but not links written as raw HTML nor anchors that hooks add
after Markdown. Each page is scanned as it is written, in its final form after every other
hook (reading the pages back from disk after the build cost as much again). Once every
language is built, this hook resolves each relative ``href``/``src`` to a file of the site and
each ``#fragment`` to an id on the target page, and refuses a page of one language that links
into another language's pages (the language switcher, marked by ``hreflang``, is the one place
meant to do so), and refuses a link that runs code when clicked (``javascript:``,
``vbscript:``, ``data:``), however it was written. Errors name the source Markdown file.

Before anything is built, it also reads every page's Markdown links: one into another
language's folder is named as such (MkDocs would only say "not found", since each language's
build sees its own files alone).
"""
from __future__ import annotations

import functools
import os
import posixpath
import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from lib import build
from lib.links import link_problem, link_targets

SOURCES: dict[str, str] = {}  # built page path (relative to site/) -> its Markdown source
SCANS: dict = {}  # built page path -> its PageScan, made as the page is written


IDS = re.compile(r"""(?:id|name)\s*=\s*["']([^"']*)["']""")  # preceded by a space: checked in PageScan
# tag names are ASCII case-insensitive (HTML): Unicode case folding made this scan a third slower;
# the look-ahead turns most tags (div, span, li…) away on their first letter, before each name is tried
LINK_TAGS = re.compile(r"<(?=[ails])(a|area|img|link|script|source|iframe)\b([^>]*)>", re.I | re.A)
TARGET = re.compile(r"""\b(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
ALTERNATE = re.compile(r"""\bhreflang\b|\brel\s*=\s*["']?(?:alternate|canonical)\b""", re.I)
STRIPPED = re.compile(r"<(?:script\b[^>]*>[^<]*(?:<(?!/script>)[^<]*)*</script>|!--[^-]*(?:-(?!->)[^-]*)*-->)")  # scripts and comments


class PageScan:
    """The ids a built page offers and the links it makes: a regular-expression scan of the
    tags that can carry them (a full HTML parser gives the same answers, far slower). An
    attribute is only looked at in tags that can link; alternates (the language switcher,
    hreflang) are the one place meant to link into another language."""

    def __init__(self, html: str) -> None:
        self.html = html
        self._ids: set[str] | None = None
        self._all_ids: set[str] | None = None
        self.links: list[str] = [url for _, attrs in LINK_TAGS.findall(html) for url in tag_links(attrs)]

    def has_anchor(self, fragment: str) -> bool:
        """Whether an element of the page has this id (or name). The ids written as id="…"
        are found by a fast search with a literal start; only an anchor not among them pays for
        the search of every way of writing one."""
        if self._ids is None:
            self._ids = {unescape(i) for i in plain_ids(self.html)}
        if fragment in self._ids:
            return True
        if self._all_ids is None:
            # "id=" searched alone is several times faster than with the space before it; the
            # space (so that data-id= is no anchor) is checked on the few matches
            self._all_ids = {unescape(m.group(1)) for m in IDS.finditer(self.html) if m.group(1) and self.html[m.start() - 1] in " \t\n\r"}
        return fragment in self._all_ids


def plain_ids(html: str) -> list[str]:
    """The values of the page's id="…" attributes: str.find skips ahead faster than a regular
    expression with the same literal start (the same answers as findall(r' id="([^"]*)"'))."""
    found, find = [], html.find
    at = find(' id="')
    while at != -1:
        end = find('"', at + 5)
        if end == -1:
            break
        found.append(html[at + 5:end])
        at = find(' id="', end)
    return found


@functools.lru_cache(maxsize=None)
def tag_links(attrs: str) -> tuple[str, ...]:
    """The addresses one tag's attributes link to. Every page repeats the navigation's tags, so
    each distinct tag is read once."""
    if "=" not in attrs or ALTERNATE.search(attrs):
        return ()
    urls = (unescape(t.group(2) or t.group(3) or t.group(4) or "") for t in TARGET.finditer(attrs))
    return tuple(url for url in urls if url)


def scan(html: str) -> PageScan:
    return PageScan(STRIPPED.sub("", html))


def language_of(rel: str, others: set[str]) -> str | None:
    """The locale folder a site path belongs to, '' for the default language, None for shared files."""
    first = rel.split("/", 1)[0]
    if first in others:
        return first
    if first in ("assets", "search") or posixpath.splitext(rel)[1] not in ("", ".html"):
        return None
    return ""


def site_files(site: Path) -> set[str]:
    found = set()
    for folder, _, names in os.walk(site):
        prefix = posixpath.relpath(Path(folder).as_posix(), site.as_posix())
        found.update(names if prefix == "." else (f"{prefix}/{name}" for name in names))
    return found


def check_site(site: Path, others: set[str], sources: dict[str, str] | None = None,
               scans: dict[str, PageScan] | None = None) -> list[str]:
    """Return one message per broken link, broken anchor or cross-language link.

    `scans` holds the pages already scanned as they were written (on_post_page); any other
    HTML file of the site is read from disk. Every page repeats the navigation's links: where
    an address leads from a folder is worked out once per folder and address, with string
    operations on the set of the site's files read once."""
    sources = sources or {}
    files = site_files(site)
    scans = {rel: (scans or {}).get(rel) or scan((site / rel).read_text(encoding="utf-8")) for rel in files if rel.endswith(".html")}
    # (folder, address) -> (problem, site file, anchor, the file's language)
    outcomes: dict[tuple[str, str], tuple[str | None, str | None, str, str | None]] = {}
    problems = []
    for rel, parsed in sorted(scans.items()):
        if rel.endswith("404.html"):
            continue  # served at any depth; its links are absolute to the site root
        where = sources.get(rel, f"site/{rel}")
        page_dir = posixpath.dirname(rel)
        source_lang = language_of(rel, others)
        for url in parsed.links:
            outcome = outcomes.get((page_dir, url))
            if outcome is None:
                problem, target_rel, fragment = link_target(page_dir, url, files)
                outcome = outcomes[(page_dir, url)] = (problem, target_rel, fragment,
                                                       language_of(target_rel, others) if target_rel else None)
            problem, target_rel, fragment, target_lang = outcome
            if problem:
                problems.append(f"{where}: {problem}")
                continue
            if target_rel is None:
                continue  # an address outside the site
            if not target_rel:
                target_rel = rel  # the page itself
            elif target_rel != rel and target_lang is not None and source_lang != target_lang:
                problems.append(f"{where}: link {url!r} leads into another language's pages")
                continue
            if fragment and target_rel in scans and not scans[target_rel].has_anchor(fragment):
                problems.append(f"{where}: link {url!r}: no anchor #{fragment} on the target page")
    return problems


def link_target(page_dir: str, url: str, files: set[str]) -> tuple[str | None, str | None, str]:
    """(problem, site file, anchor) of a link from a folder of the site: a problem for a link that
    cannot work or leads nowhere; file None for an address outside the site, '' for the page itself."""
    problem, path, fragment = address(url)
    if problem or path is None:
        return problem, None, ""
    if not path:
        return None, "", fragment
    joined = normalise(page_dir, path)
    if joined is None:
        return f"link {url!r} leaves the site", None, ""
    target_rel = target_file(joined, files)
    if target_rel is None:
        return f"link {url!r} points to a missing page or file", None, ""
    return None, target_rel, fragment


@functools.lru_cache(maxsize=None)
def address(url: str) -> tuple[str | None, str | None, str]:
    """(problem, path, anchor) of a link: a problem for a link that cannot work; path None for an
    address outside the site, '' for an anchor on the same page, else the relative path."""
    problem = link_problem(url)
    if problem:
        return problem, None, ""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None, None, ""
    if parts.path.startswith("/"):
        return f"absolute link {url!r}", None, ""
    return None, unquote(parts.path), unquote(parts.fragment)


def target_file(joined: str, files: set[str]) -> str | None:
    """The site file a normalised relative path serves: itself, or the folder's index.html."""
    if joined in files:
        return joined
    index = "index.html" if joined == "." else f"{joined}/index.html"
    return index if index in files else None


def normalise(folder: str, path: str) -> str | None:
    """A relative path taken from a folder of the site (or of docs/), normalised; None when it
    climbs out of the top ("." is the top itself)."""
    # posixpath.join, spelt out: it was half this function's time, called for every link of every page
    joined = posixpath.normpath(path if not folder or path.startswith("/") else f"{folder}/{path}")
    return None if joined == ".." or joined.startswith("../") else joined


def cross_language_links(sources: dict[str, dict[str, bytes]]) -> list[str]:
    """One message per Markdown link that leads out of its page's language folder (`sources`:
    every page's Markdown by language, lib.build.page_sources())."""
    problems = []
    locales = list(sources)
    for locale, pages in sources.items():
        for page, data in pages.items():
            text = data.decode("utf-8", "replace")
            source = f"{locale}/{page}"
            folder = posixpath.dirname(source)
            for url in link_targets(text):
                target = urlsplit(url)
                if target.scheme or target.netloc or not target.path:
                    continue
                resolved = normalise(folder, unquote(target.path))
                if resolved is None or resolved == "." or resolved.split("/")[0] == locale:
                    continue
                name = f"docs/{source}"
                other, _, rest = resolved.partition("/")
                if other in locales:
                    problems.append(f"{name}: the link '{url}' leads into the {other} pages; every language links within "
                                    f"its own folder (the same page here is docs/{locale}/{rest})")
                elif posixpath.splitext(resolved)[1] == ".md":
                    problems.append(f"{name}: the link '{url}' leads out of docs/{locale}/ to a page of no language")
    return problems


def on_pre_build(config) -> None:
    if build.is_nested_build(config):
        return  # all languages' pages are read at once
    SOURCES.clear()
    SCANS.clear()
    problems = cross_language_links(build.page_sources(config))
    if problems:
        raise PluginError("Links that leave their language:\n  " + "\n  ".join(problems))


@event_priority(-1000)  # the page as it is written, after every hook has changed it
def on_post_page(output, page, config):
    """Scan the page here, from the text MkDocs is about to write, instead of reading it back
    from disk after the build."""
    rel = page.file.dest_uri  # where the page is written, relative to the site (also in other languages' builds)
    SOURCES[rel] = f"docs/{page.file.src_uri}"
    SCANS[rel] = scan(output)
    return output


@event_priority(-300)  # after every language is built and the search index is split
def on_post_build(config) -> None:
    if build.is_nested_build(config):
        return
    others = set(build.built_languages(config)) - {build.default_language(config)}
    with build.gc_paused():
        problems = check_site(Path(config.site_dir), others, SOURCES, SCANS)
    if problems:
        raise PluginError("Broken links in the built site:\n  " + "\n  ".join(problems))
