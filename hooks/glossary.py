"""The glossary (glossary.yml, described by glossary.schema.json) shown where it is needed:
the page with ``glossary: true`` in its front matter gets every term in its language, with
a link to where the course teaches it; every other page gets the terms' definitions as
abbreviations, so a term in the text (not in a heading) shows its definition on hover or focus.

The terms are marked in the rendered page (mark()), the same <abbr> elements Markdown's abbr
extension made when the hook handed it each page's forms, but after the search plugin has read
the page: the tooltips repeated every definition at each use of its term (a third more HTML for
the search plugin to parse, 590 KB over the course), and the extension compiled a pattern for
each page and walked its tree again. tests/test_glossary_marks.py holds the two to the same result.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import ahocorasick
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from lib import build, schema as schema_check
from lib.build import CONTEXT
from lib.links import link_problem, link_targets
from lib.sources import LANGUAGE_NAMES, SourceError, kind_of, read_yaml

FILE = "glossary.yml"
_cache: dict = {"signature": None, "terms": [], "finders": {}}


def problems_of(data, docs_dir: Path, locales: list[str]) -> list[str]:
    """Every problem of the glossary, each naming the term id (never a list position)."""
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        return [f"{FILE}: the file should hold 'terms:', a list of terms (it holds {kind_of(data)})"]
    schema = schema_check.read(Path(__file__).resolve().parent.parent / "glossary.schema.json")
    problems = []
    for error in schema_check.errors(schema, data):
        path = list(error.absolute_path)
        term = data["terms"][path[1]] if len(path) >= 2 and isinstance(path[1], int) else None
        tid = term.get("id") if isinstance(term, dict) else None
        where = f"{FILE}: term '{tid}'" if tid else f"{FILE}: term #{path[1] + 1} (no id)" if term is not None else FILE
        field = ".".join(str(p) for p in path[2:])
        if error.validator == "required":
            missing = [k for k in error.validator_value if not (isinstance(error.instance, dict) and k in error.instance)]
            what = ", ".join(f"no {LANGUAGE_NAMES[k]} entry" if k in LANGUAGE_NAMES else f"'{k}' is missing" for k in missing)
        elif error.validator == "pattern" and path[-1] in ("term", "definition"):
            what = "is blank"
        elif error.validator == "pattern" and path[-1] == "chapter":
            what = f"'{error.instance}' should be a page of the language folder, like chapters/02-why-it-pays.md#anchor"
        elif error.validator == "pattern" and path[-1] == "id":
            what = f"id '{error.instance}' should be lower-case letters, digits and single hyphens"
        elif error.validator == "type":
            wanted = {"string": "a text", "array": "a list", "object": "a set of 'key: value' lines"}.get(error.validator_value, error.validator_value)
            what = f"should be {wanted}, not {kind_of(error.instance)}"
        elif error.validator == "additionalProperties":
            what = f"unexpected field(s): {error.message.split('(')[-1].rstrip(')')}"
        else:
            what = error.message[:160]
        problems.append(f"{where}: {field + ': ' if field else ''}{what}")
    terms = [t for t in data["terms"] if isinstance(t, dict) and isinstance(t.get("id"), str)]
    ids = [t["id"] for t in terms]
    problems += [f"{FILE}: term id '{i}' appears more than once" for i in sorted({i for i in ids if ids.count(i) > 1})]
    for term in terms:
        where = f"{FILE}: term '{term['id']}'"
        chapter = term.get("chapter")
        if isinstance(chapter, str):
            for locale in locales:
                if not (docs_dir / locale / chapter.split("#")[0]).is_file():
                    problems.append(f"{where}: chapter '{chapter}' does not exist in docs/{locale}/")
                    break
        for lang in LANGUAGE_NAMES:
            entry = term.get(lang)
            if not isinstance(entry, dict) or not isinstance(entry.get("definition"), str):
                continue
            for url in link_targets(entry["definition"]):
                problem = link_problem(url)
                if not problem and not build.is_web_address(url) and not (docs_dir / lang / "reference" / url.split("#")[0]).resolve().is_file():
                    problem = f"the link '{url}' points to no page (links in a definition are relative to reference/glossary.md)"
                if problem:
                    problems.append(f"{where}: definition ({lang}): {problem}")
    return problems


def load(config) -> list[dict]:
    """The terms, read and checked again only when glossary.yml changes."""
    path = build.root(config) / FILE
    signature = (str(path), path.stat().st_mtime_ns, path.stat().st_size)
    if signature != _cache["signature"]:
        try:
            data = read_yaml(path, FILE)
        except SourceError as error:
            raise PluginError(str(error)) from None
        problems = problems_of(data, Path(config.docs_dir), build.built_languages(config))
        if problems:
            raise PluginError("The glossary has problems:\n  " + "\n  ".join(problems))
        _cache.update(signature=signature, terms=data["terms"], finders={})
    return _cache["terms"]


def on_pre_build(config) -> None:
    load(config)  # before any page: a mistake in the glossary is not a mistake of a page


def sort_key(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))


def plain(text: str) -> str:
    """A definition as tooltip text: no Markdown emphasis, no line breaks."""
    return re.sub(r"[*_`]", "", " ".join(text.split()))


def term_list(terms: list[dict], lang: str, taught_label: str) -> str:
    parts = []
    for term in sorted(terms, key=lambda t: sort_key(t[lang]["term"])):
        entry = term[lang]
        text = f"### {entry['term']} {{#{term['id']}}}\n\n{entry['definition']}\n"
        if term.get("chapter"):
            text += f"\n[{taught_label}](../{term['chapter']})\n"
        parts.append(text)
    return "\n".join(parts)


def finder(terms: list[dict], lang: str) -> tuple:
    """Every form of the language in one Aho-Corasick automaton (pyahocorasick), with each form's
    tooltip text (its last term's, as Markdown's abbreviations would keep): one pass over a page
    finds every place where one of the language's 100-odd forms occurs."""
    if lang not in _cache["finders"]:  # emptied whenever glossary.yml is read again
        automaton = ahocorasick.Automaton()
        tooltips: dict[str, str] = {}
        for term in terms:
            tooltip = f"{plain(term[lang]['term'])}: {plain(term[lang]['definition'])}"
            tooltip = tooltip.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            for form in term[lang]["forms"]:
                tooltips[form] = tooltip
                automaton.add_word(form, (len(form), form))
        automaton.make_automaton()
        _cache["finders"][lang] = (automaton, tooltips)
    return _cache["finders"][lang]


# Where a term stays plain: headings (a tooltip underline across a title reads as a link), code,
# what is not text (scripts, styles, drawings and their captions), a term already marked
UNMARKED = re.compile(r"<(h[1-6]|pre|code|script|style|svg|textarea|abbr|figure)\b.*?</\1>", re.S)


def _word(char: str) -> bool:
    """A word character as regular expressions' \\b sees it (letters, digits, underscore)."""
    return char.isalnum() or char == "_"


def mark(html: str, automaton, tooltips: dict[str, str]) -> str:
    """Each form of the glossary in the page's text as <abbr title="term: definition">, as
    Markdown's abbr extension marks it: whole words only, the longest form where several start
    at one place, never overlapping, never inside a tag or in the parts UNMARKED keeps plain."""
    found = sorted((end + 1 - size, -size, form) for end, (size, form) in automaton.iter(html))
    if not found:
        return html
    kept = [m.span() for m in UNMARKED.finditer(html)]
    skip = 0  # the first kept part that does not end before the current form
    out, last = [], 0
    for start, minus_size, form in found:
        end = start - minus_size
        if start < last:
            continue  # inside the form marked last
        if (start > 0 and _word(html[start - 1])) == _word(html[start]) or (end < len(html) and _word(html[end])) == _word(html[end - 1]):
            continue  # not a whole word
        while skip < len(kept) and kept[skip][1] <= start:
            skip += 1
        if skip < len(kept) and kept[skip][0] < end:
            continue  # in a heading, code, a drawing or a term already marked
        if html.rfind("<", 0, start) > html.rfind(">", 0, start):
            continue  # inside a tag (an attribute)
        out += (html[last:start], '<abbr title="', tooltips[form], '">', form, "</abbr>")
        last = end
    if not out:
        return html
    out.append(html[last:])
    return "".join(out)


@event_priority(-100)  # after the search plugin has read the page: its index needs no tooltips
def on_page_context(context, page, config, nav):
    """Every page but the glossary's own gets its terms marked, in what MkDocs rendered from its
    Markdown (a quiz, put in later, is not: a tooltip there would give answers away)."""
    if not page.meta.get("glossary") and page.content:
        page.content = mark(page.content, *finder(_cache["terms"], CONTEXT.lang))
    return context


def on_page_markdown(markdown_text, page, config, files):
    if page.meta.get("glossary"):
        return f"{markdown_text.rstrip()}\n\n{term_list(_cache['terms'], CONTEXT.lang, CONTEXT.labels['glossary_taught'])}"
    return markdown_text
