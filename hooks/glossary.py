"""The glossary (glossary.yml, described by glossary.schema.json) shown where it is needed:
the page with ``glossary: true`` in its front matter gets every term in its language, with
a link to where the course teaches it; every other page gets the terms' definitions as
abbreviations, so a term in the text (not in a heading) shows its definition on hover or focus.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import jsonschema
import yaml
from mkdocs.exceptions import PluginError

_cache: dict = {"signature": None, "terms": []}


def load(config) -> list[dict]:
    root = Path(config.config_file_path).parent
    path = root / "glossary.yml"
    signature = (str(path), path.stat().st_mtime_ns)
    if signature != _cache["signature"]:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as error:
            raise PluginError(f"glossary.yml: invalid YAML: {error}") from None
        schema = json.loads((root / "glossary.schema.json").read_text(encoding="utf-8"))
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
        ids = [t.get("id") for t in (data or {}).get("terms", []) if isinstance(t, dict)]
        problems = [f"glossary.yml: {'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]
        problems += [f"glossary.yml: term id '{i}' appears more than once" for i in sorted({i for i in ids if ids.count(i) > 1})]
        if problems:
            raise PluginError("The glossary has problems:\n  " + "\n  ".join(problems))
        _cache.update(signature=signature, terms=data["terms"])
    return _cache["terms"]


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


def abbreviations(terms: list[dict], lang: str, text: str) -> str:
    """Abbreviation definitions for the forms that occur in the text (each costs a pattern)."""
    lines = []
    for term in terms:
        entry = term[lang]
        for form in entry["forms"]:
            if form in text:
                lines.append(f"*[{form}]: {plain(entry['term'])}: {plain(entry['definition'])}")
    return "\n".join(lines)


HEADING = re.compile(r"<(h[1-6])\b[^>]*>.*?</\1>", re.S)
ABBR = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.S)


def on_page_content(html, page, config, files):
    """Headings stay plain: a tooltip underline across a title reads as a link."""
    return HEADING.sub(lambda m: ABBR.sub(r"\1", m.group(0)), html)


def on_page_markdown(markdown_text, page, config, files):
    lang = config.plugins["i18n"].current_language
    terms = load(config)
    if page.meta.get("glossary"):
        return f"{markdown_text.rstrip()}\n\n{term_list(terms, lang, config.extra['labels']['glossary_taught'])}"
    return f"{markdown_text.rstrip()}\n\n{abbreviations(terms, lang, markdown_text)}\n"
