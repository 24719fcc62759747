"""Every link and anchor in the built site resolves, and stays in its own language.

MkDocs checks Markdown links, but not links written as raw HTML nor anchors that hooks add
after Markdown. Once every language is built, this hook reads each built page, resolves each
relative ``href``/``src`` to a file of the site and each ``#fragment`` to an id on the target
page, and refuses a page of one language that links into another language's pages (the
language switcher, marked by ``hreflang``, is the one place meant to do so), and refuses a link
that runs code when clicked (``javascript:``, ``vbscript:``, ``data:``), however it was
written. Errors name the source Markdown file.

Before anything is built, it also reads every page's Markdown links: one into another
language's folder is named as such (MkDocs would only say "not found", since each language's
build sees its own files alone).
"""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from lib import build
from lib.links import MARKDOWN_LINK, link_problem

SOURCES: dict[str, str] = {}  # built page path (relative to site/) -> its Markdown source


IDS = re.compile(r"""\s(?:id|name)\s*=\s*["']([^"']*)["']""")
LINK_TAGS = re.compile(r"<(a|area|img|link|script|source|iframe)\b([^>]*)>", re.I)
TARGET = re.compile(r"""\b(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
ALTERNATE = re.compile(r"""\bhreflang\b|\brel\s*=\s*["']?(?:alternate|canonical)\b""", re.I)


class PageScan:
    """The ids a built page offers and the links it makes: a regular-expression scan of the
    tags that can carry them (a full HTML parser gives the same answers, far slower). An
    attribute is only looked at in tags that can link; alternates (the language switcher,
    hreflang) are the one place meant to link into another language."""

    def __init__(self, html: str) -> None:
        self.ids: set[str] = {unescape(i) for i in IDS.findall(html) if i}
        self.links: list[tuple[str, str]] = []  # (tag, url)
        for match in LINK_TAGS.finditer(html):
            attrs = match.group(2)
            if "=" not in attrs or ALTERNATE.search(attrs):
                continue
            for target in TARGET.finditer(attrs):
                url = unescape(target.group(2) or target.group(3) or target.group(4) or "")
                if url:
                    self.links.append((match.group(1).lower(), url))


def scan(path: Path) -> PageScan:
    html = path.read_text(encoding="utf-8")
    return PageScan(re.sub(r"<script\b.*?</script>|<!--.*?-->", "", html, flags=re.S))


def language_of(rel: PurePosixPath, others: set[str]) -> str | None:
    """The locale folder a site path belongs to, '' for the default language, None for shared files."""
    first = rel.parts[0] if rel.parts else ""
    if first in others:
        return first
    if first in ("assets", "search") or rel.suffix not in ("", ".html"):
        return None
    return ""


def check_site(site: Path, others: set[str], sources: dict[str, str] | None = None) -> list[str]:
    """Return one message per broken link, broken anchor or cross-language link.

    Every page repeats the navigation's links, so a link is resolved once per folder it is
    made from (the cache), against the set of the site's files read once: the cost grows with
    the number of distinct links, not with pages times links."""
    sources = sources or {}
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    scans = {rel: scan(site / rel) for rel in files if rel.endswith(".html")}
    resolved_cache: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    problems = []
    for rel, parsed in sorted(scans.items()):
        if rel.endswith("404.html"):
            continue  # served at any depth; its links are absolute to the site root
        where = sources.get(rel, f"site/{rel}")
        page_dir = PurePosixPath(rel).parent
        source_lang = language_of(PurePosixPath(rel), others)
        for tag, url in parsed.links:
            key = (page_dir.as_posix(), url)
            if key not in resolved_cache:
                resolved_cache[key] = resolve(url, page_dir, files)
            problem, target_rel = resolved_cache[key]
            target_rel = rel if target_rel is SAME_PAGE else target_rel
            if problem:
                problems.append(f"{where}: {problem}")
                continue
            if target_rel is None:
                continue  # an address outside the site
            target_lang = language_of(PurePosixPath(target_rel), others)
            if target_rel != rel and target_lang is not None and source_lang != target_lang:
                problems.append(f"{where}: link {url!r} leads into another language's pages")
                continue
            fragment = unquote(urlsplit(url).fragment)
            if fragment and target_rel in scans and fragment not in scans[target_rel].ids:
                problems.append(f"{where}: link {url!r}: no anchor #{fragment} on the target page")
    return problems


SAME_PAGE = "#"


def resolve(url: str, page_dir: PurePosixPath, files: set[str]) -> tuple[str | None, str | None]:
    """(problem, None) for a link that cannot work; (None, site path of the target) for a link
    inside the site (the page itself for '#anchor'); (None, None) for an outside address."""
    problem = link_problem(url)
    if problem:
        return problem, None
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None, None
    if parts.path.startswith("/"):
        return f"absolute link {url!r}", None
    if not parts.path:
        return None, SAME_PAGE
    resolved = normalise(page_dir / unquote(parts.path))
    if resolved is None:
        return f"link {url!r} leaves the site", None
    target = resolved.as_posix()
    if target not in files:
        target = (resolved / "index.html").as_posix() if resolved.parts else "index.html"
        if target not in files:
            return f"link {url!r} points to a missing page or file", None
    return None, target


def normalise(path: PurePosixPath) -> PurePosixPath | None:
    out: list[str] = []
    for part in path.parts:
        if part in ("", "."):
            continue
        if part == "..":
            if not out:
                return None
            out.pop()
        else:
            out.append(part)
    return PurePosixPath(*out) if out else PurePosixPath(".")




def cross_language_links(docs_dir: Path, locales: list[str]) -> list[str]:
    """One message per Markdown link that leads out of its page's language folder."""
    problems = []
    for locale in locales:
        folder = docs_dir / locale
        for path in sorted(folder.rglob("*.md")):
            text = path.read_bytes().decode("utf-8", "replace")
            for match in MARKDOWN_LINK.finditer(text):
                url = next(g for g in match.groups() if g)
                target = urlsplit(url)
                if target.scheme or target.netloc or not target.path:
                    continue
                resolved = normalise(PurePosixPath(path.relative_to(docs_dir).parent.as_posix()) / unquote(target.path))
                if resolved is None or not resolved.parts or resolved.parts[0] == locale:
                    continue
                name = f"docs/{path.relative_to(docs_dir).as_posix()}"
                other = resolved.parts[0]
                if other in locales:
                    same = PurePosixPath(locale, *resolved.parts[1:])
                    problems.append(f"{name}: the link '{url}' leads into the {other} pages; every language links within "
                                    f"its own folder (the same page here is docs/{same})")
                elif resolved.suffix == ".md":
                    problems.append(f"{name}: the link '{url}' leads out of docs/{locale}/ to a page of no language")
    return problems


def on_pre_build(config) -> None:
    if build.is_nested_build(config):
        return  # all languages' pages are read at once
    problems = cross_language_links(Path(config.docs_dir), build.built_languages(config))
    if problems:
        raise PluginError("Links that leave their language:\n  " + "\n  ".join(problems))


def on_post_page(output, page, config):
    SOURCES[Path(page.file.abs_dest_path).relative_to(config.site_dir).as_posix()] = f"docs/{page.file.src_uri}"
    return output


@event_priority(-300)  # after every language is built and the search index is split
def on_post_build(config) -> None:
    if build.is_nested_build(config):
        return
    others = set(build.built_languages(config)) - {build.default_language(config)}
    problems = check_site(Path(config.site_dir), others, SOURCES)
    if problems:
        raise PluginError("Broken links in the built site:\n  " + "\n  ".join(problems))
