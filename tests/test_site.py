"""The built site: one page tree in three languages, each page in its own language."""
from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import LANGS

PAGE_LANG = re.compile(r'<html lang="([a-z]+)"')


def pages(site: Path, lang: str) -> set[str]:
    root = site / LANGS[lang]
    others = {p.rstrip("/") for p in LANGS.values() if p}
    found = set()
    for html in root.rglob("index.html"):
        rel = html.relative_to(root).as_posix()
        if rel.split("/")[0] in others | {"assets", "search"}:
            continue
        found.add(rel)
    return found


def test_every_language_has_the_same_pages(built_site):
    ru, el, en = (pages(built_site, lang) for lang in LANGS)
    assert ru == el == en
    assert {"index.html", "chapters/01-what-it-is/index.html", "cases/nordstrom/index.html",
            "standards/service-standard/index.html", "reference/glossary/index.html"} <= ru
    # home, 4 learner pages, 10 chapters, 6 cases, 7 checklists, 3 reference, 20 trainer pages
    assert len(ru) == 1 + 4 + 10 + 6 + 7 + 3 + 20


def test_each_page_declares_its_language(built_site):
    for lang in LANGS:
        for rel in pages(built_site, lang):
            html = (built_site / LANGS[lang] / rel).read_text(encoding="utf-8")
            assert PAGE_LANG.search(html).group(1) == lang, f"{LANGS[lang]}{rel}"


def test_navigation_and_theme_labels_are_translated(built_site):
    el = (built_site / "el/chapters/01-what-it-is/index.html").read_text(encoding="utf-8")
    en = (built_site / "en/chapters/01-what-it-is/index.html").read_text(encoding="utf-8")
    ru = (built_site / "chapters/01-what-it-is/index.html").read_text(encoding="utf-8")
    assert "Κεφάλαια" in el and "Περιπτώσεις" in el and "Αναζήτηση" in el
    assert "Chapters" in en and "Cases" in en and "Search" in en
    assert "Главы" in ru and "Кейсы" in ru and "Поиск" in ru


def test_headings_get_readable_unicode_anchors(built_site):
    html = (built_site / "chapters/01-what-it-is/index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h[2-4] id="([^"]+)"', html)
    assert "objectives" in ids and "takeaways" in ids
    assert not [i for i in ids if re.fullmatch(r"_\d+", i)], ids
    assert any(re.search(r"[а-я]", i) for i in ids), "level-3 headings keep their Russian words"


def test_the_404_page_speaks_every_language(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")
    for text in ("Страница не найдена", "Η σελίδα δεν βρέθηκε", "Page not found"):
        assert text in html


def test_each_language_has_its_own_search_index_in_scopes(built_site):
    for lang, prefix in LANGS.items():
        folder = built_site / prefix / "search"
        stub = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
        assert stub["docs"] == [] and stub["config"]["course"]["lang"] == lang, "pages load no documents"
        learner = json.loads((folder / "learner.json").read_text(encoding="utf-8"))
        trainer = json.loads((folder / "trainer.json").read_text(encoding="utf-8"))
        pages = {d["location"].split("#")[0] for d in learner}
        assert "chapters/01-what-it-is/" in pages and "reference/glossary/" in pages
        assert not any(p.startswith(("el/", "en/", "trainer/", "final-test/", "review/")) for p in pages)
        assert {d["location"].split("#")[0] for d in trainer} >= {"trainer/answer-key/", "trainer/01-what-it-is/"}
        assert all(set(d) <= {"location", "title", "text", "boost"} for d in learner + trainer), "text stored once"


def test_no_asset_is_loaded_from_elsewhere(built_site):
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert not re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', text), html
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
