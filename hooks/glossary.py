"""The glossary (glossary.yml, described by glossary.schema.json) shown where it is needed:
the page with ``glossary: true`` in its front matter gets every term in its language, with
a link to where the course teaches it; every other page gets the terms' definitions as
abbreviations, so a term in the text (not in a heading) shows its definition on hover or focus.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import ahocorasick
from mkdocs.exceptions import PluginError

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
    """Every form of the language in one Aho-Corasick automaton (pyahocorasick), with each term's
    tooltip text: one pass over a page finds which of the language's 100-odd forms occur in it
    (a substring test per form was most of this hook's time)."""
    if lang not in _cache["finders"]:  # emptied whenever glossary.yml is read again
        automaton = ahocorasick.Automaton()
        for term in terms:
            for form in term[lang]["forms"]:
                automaton.add_word(form, form)
        automaton.make_automaton()
        # each form's place in the glossary's order (its first) and its tooltip (its last term's,
        # as a dict built in that order would keep): a page's few forms are sorted, not every form tested
        tooltips: dict[str, tuple[int, str]] = {}
        for term in terms:
            tooltip = f"{plain(term[lang]['term'])}: {plain(term[lang]['definition'])}"
            for form in term[lang]["forms"]:
                tooltips[form] = (tooltips.get(form, (len(tooltips), ""))[0], tooltip)
        _cache["finders"][lang] = (automaton, tooltips)
    return _cache["finders"][lang]


def abbreviations(terms: list[dict], lang: str, text: str) -> dict[str, str]:
    """The abbreviations (form: tooltip) for the forms that occur in the text (each costs a
    pattern), in the glossary's order."""
    automaton, tooltips = finder(terms, lang)
    found = sorted({form for _, form in automaton.iter(text)}, key=lambda form: tooltips[form][0])
    return {form: tooltips[form][1] for form in found}


HEADING = re.compile(r"<(h[1-6])\b[^>]*>.*?</\1>", re.S)
ABBR = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.S)


def on_page_content(html, page, config, files):
    """Headings stay plain: a tooltip underline across a title reads as a link."""
    config.mdx_configs.get("abbr", {}).pop("glossary", None)  # the page's abbreviations were for it alone
    return HEADING.sub(lambda m: ABBR.sub(r"\1", m.group(0)), html)


def on_page_markdown(markdown_text, page, config, files):
    lang = CONTEXT.lang
    terms = _cache["terms"]  # read (again, if glossary.yml changed) by this build's on_pre_build
    if page.meta.get("glossary"):
        return f"{markdown_text.rstrip()}\n\n{term_list(terms, lang, CONTEXT.labels['glossary_taught'])}"
    # Handed to Markdown's abbr extension through its own option (glossary), read when MkDocs
    # makes the page's Markdown converter, right after this event: the same <abbr> elements as
    # '*[form]: …' definitions appended to the page, without Markdown parsing each of them as
    # a block of the page first.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = abbreviations(terms, lang, markdown_text)
    return markdown_text
