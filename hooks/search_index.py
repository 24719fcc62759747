"""Give each language its own search index, with Greek accents and case folded.

mkdocs-static-i18n stacks every language into one ``search/search_index.json`` whose lunr
set-up cannot find Greek words. After the last language is built, this hook splits that file
into one index per language (``search/`` for the default language, ``<lang>/search/`` for
the others, where ``overrides/main.html`` points each language's pages; for the offline copy
also as ``search_index.js``), sets lunr's
languages for each, and adds a field ``folded``: the page text without accents. The search
worker wrapper (docs/assets/javascripts/workers/course-search.js) folds and stems each query
alike, so that "πελατης" and "ΠΕΛΑΤΗΣ" find "πελάτης", and "клиента" finds "клиент".
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from mkdocs.plugins import event_priority

from lib import build

# lunr pipelines per language: "en" first keeps Latin words (names, brands) searchable.
LUNR_LANGUAGES = {"ru": ["en", "ru"], "el": ["en", "el"], "en": ["en"]}


COMBINING = re.compile("[\u0300-\u0305\u0307-\u036f]")  # accents, diaeresis, the dots of ё; not й's breve


def fold(text: str) -> str:
    """Lower-case and strip diacritics (τόνος, διαλυτικά, ё -> е; й is kept): the form a
    hurried search uses. docs/assets/javascripts/workers/course-search.js folds queries alike."""
    return unicodedata.normalize("NFC", COMBINING.sub("", unicodedata.normalize("NFD", text.lower())))


def split_index(index: dict, locales: list[str], default: str) -> dict[str, dict]:
    """Return {locale: index} with each locale's entries, locations relative to its root."""
    result = {}
    for locale in locales:
        prefix = "" if locale == default else f"{locale}/"
        others = tuple(f"{o}/" for o in locales if o != default and o != locale)
        docs = []
        for doc in index["docs"]:
            location = doc["location"]
            if prefix and not location.startswith(prefix):
                continue
            if not prefix and location.startswith(others):
                continue
            docs.append({**doc, "location": location[len(prefix):], "folded": fold(doc["text"] + " " + doc["title"])})
        config = {**index["config"], "lang": LUNR_LANGUAGES.get(locale, ["en"])}
        config["fields"] = {**config.get("fields", {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}),
                            "folded": {"boost": 1.0}}
        result[locale] = {"config": config, "docs": docs}
    return result


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config) -> None:
    if build.is_nested_build(config):  # the outer build does the work once
        return
    site = Path(config.site_dir)
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    locales = build.built_languages(config)
    default = build.default_language(config)
    for locale, part in split_index(index, locales, default).items():
        target = site / ("" if locale == default else locale) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
        target.write_text(text, encoding="utf-8")
        offline = config.plugins.get("material/offline")
        if offline and offline.config.enabled:
            # opened from disk, Material reads the index as a script instead
            target.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")
