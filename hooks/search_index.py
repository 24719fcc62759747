"""Give each language its own search index, in scopes, loaded only when search is opened.

mkdocs-static-i18n stacks every language into one ``search/search_index.json``. After the
last language is built, this hook splits it per language (``search/`` for the default
language, ``<lang>/search/`` for the others, where ``overrides/main.html`` points each
language's pages) and writes, per language:

- ``search_index.json``: what Material's page script fetches on every page load. It holds the
  search configuration only (no documents), so a page that is read and not searched downloads
  a few hundred bytes instead of the whole course.
- ``learner.json``: the learner's scope (chapters, cases, standards, reference): what the
  search worker wrapper (docs/assets/javascripts/workers/course-search.js) fetches when the
  learner first opens search. The answer key and the question-bank pages (final test,
  review) are in no scope; the other "My learning" pages and the home page hold no topic.
- ``trainer.json``: the trainer's pages, which the wrapper adds to the learner scope when
  search is opened from a trainer page. A learner's search never returns them.

Each document's text is stored once, as Material wrote it. The words are analysed in the
browser, by the wrapper, with one function for the indexed words and the query (lower case,
accents folded, stemmed by script: Russian and Greek by lunr-languages' stemmers, Latin
words by lunr's Porter stemmer), so every query is processed exactly as the words it must
find. ``boost`` ranks a page by what it is for: the chapters and cases teach a topic, the
glossary and the reading lists only name it.

For the offline copy the same files are written as scripts (``.js``): from file:// Material
and the wrapper load them with script tags, which browsers allow where fetch is refused.
"""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from lib import build

# Lunr's own field boosts: a word in a page's title or a section's heading counts ten times
# a word in its text (Material's default, 1000, lets a glossary heading outrank any chapter).
FIELDS = {"title": {"boost": 10.0}, "text": {"boost": 1.0}}
# What each kind of page is for, as a lunr document boost (first matching prefix wins);
# pages of no scope are left out of search.
SCOPES = [  # (prefix of the page key, scope, boost)
    ("chapters/", "learner", 1.5),
    ("cases/", "learner", 1.5),
    ("standards/", "learner", 1.0),
    ("reference/glossary/", "learner", 0.3),
    ("reference/", "learner", 0.5),
    ("trainer/answer-key/", "trainer", 0.5),
    ("trainer/", "trainer", 0.8),
]
FILES = {"learner": "learner", "trainer": "trainer"}


def scope_of(location: str) -> tuple[str, float] | None:
    """The scope and boost of a document by its location, or None when search leaves it out."""
    for prefix, scope, boost in SCOPES:
        if location.startswith(prefix):
            return scope, boost
    return None


def split_index(index: dict, locales: list[str], default: str) -> dict[str, dict[str, list]]:
    """Return {locale: {scope: [docs]}}, locations relative to the language's root."""
    result = {}
    for locale in locales:
        prefix = "" if locale == default else f"{locale}/"
        others = tuple(f"{o}/" for o in locales if o != default and o != locale)
        scopes: dict[str, list] = {scope: [] for scope in FILES}
        for doc in index["docs"]:
            location = doc["location"]
            if prefix and not location.startswith(prefix):
                continue
            if not prefix and location.startswith(others):
                continue
            location = location[len(prefix):]
            kind = scope_of(location)
            if kind is None:
                continue
            scope, boost = kind
            entry = {"location": location, "title": doc["title"], "text": doc["text"]}
            if boost != 1.0:
                entry["boost"] = boost
            scopes[scope].append(entry)
        result[locale] = scopes
    return result


def search_config(index: dict, locale: str) -> dict:
    """The configuration Material's worker reads, and the wrapper's part of it under ``course``.

    ``lang: ["en"]`` keeps Material from loading lunr-languages' pipelines (the wrapper sets
    its own analysis); ``pipeline`` keeps the trimmer and the stemmer, which the wrapper
    replaces with its own, and drops English stop words, which would hide Latin names."""
    return {
        "lang": ["en"],
        "separator": index["config"]["separator"],
        "pipeline": ["trimmer", "stemmer"],
        "fields": FIELDS,
        "course": {"lang": locale, "files": FILES},
    }


def write(target: Path, data, offline: bool, name: str, served: bool = True) -> None:
    """`offline`: also as a script, for pages opened from disk; `served`: as JSON, for pages
    served over HTTP (the published site; a SCORM package, which an LMS serves, needs both)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if offline:
        # opened from disk, Material reads its index as a script; the wrapper reads the scopes so
        target.with_suffix(".js").write_text(f"var {name} = {text}", encoding="utf-8")
    if served:
        target.write_text(text, encoding="utf-8")


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config) -> None:
    if build.is_nested_build(config):  # the outer build does the work once
        return
    site = Path(config.site_dir)
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    locales = build.built_languages(config)
    default = build.default_language(config)
    offline_plugin = config.plugins.get("material/offline")
    offline = bool(offline_plugin and offline_plugin.config.enabled)
    served = not offline or bool(config.extra.get("scorm"))  # the SCORM package: hooks/scorm_package.py
    if offline:
        path.unlink()
    for locale, scopes in split_index(index, locales, default).items():
        folder = site / ("" if locale == default else locale) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        write(folder / "search_index.json", {"config": search_config(index, locale), "docs": []}, offline, "__index", served)
        for scope, name in FILES.items():
            write(folder / f"{name}.json", scopes[scope], offline, f"__course_{scope}", served)
