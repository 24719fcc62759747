"""Every chapter, case and checklist has its parts, the same in all three languages."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

DOCS = ROOT / "docs"
LANGS = ("ru", "el", "en")
CHAPTERS = sorted(p.name for p in (DOCS / "ru/chapters").glob("*.md"))
CASES = sorted(p.name for p in (DOCS / "ru/cases").glob("*.md"))
STANDARDS = sorted(p.name for p in (DOCS / "ru/standards").glob("*.md"))
H2 = re.compile(r"^## .*\{#([a-z0-9-]+)\}\s*$", re.M)


def read(lang, folder, name):
    text = (DOCS / lang / folder / name).read_text(encoding="utf-8")
    _, front, body = text.split("---", 2)
    return yaml.safe_load(front), body


def section(body, sid):
    match = re.search(r"^## .*\{#" + sid + r"\}\s*$(.*?)(?=^## |\Z)", body, re.M | re.S)
    assert match, f"no section #{sid}"
    return match.group(1)


def items(text):
    return re.findall(r"^(?:- |\d+\. )(?!\[)", text, re.M)


def quiz_of(meta):
    return yaml.safe_load((ROOT / "quizzes" / f"{meta['quiz']}.yml").read_text(encoding="utf-8"))


def test_the_course_has_its_whole_page_tree():
    assert len(CHAPTERS) == 10 and len(CASES) == 6 and len(STANDARDS) == 7


@pytest.mark.parametrize("name", CHAPTERS)
def test_a_chapter_has_every_part_in_every_language(name):
    ids = {}
    for lang in LANGS:
        meta, body = read(lang, "chapters", name)
        assert meta["title"] and meta["description"] and isinstance(meta["minutes"], int)
        ids[lang] = H2.findall(body)
        assert ids[lang][0] == "objectives" and ids[lang][-2:] == ["at-work-tomorrow", "takeaways"], ids[lang]
        assert 3 <= len(items(section(body, "objectives"))) <= 5
        assert 2 <= len(items(section(body, "at-work-tomorrow"))) <= 3
        assert 3 <= len(items(section(body, "takeaways"))) <= 6
        assert len(re.findall(r"^## ", body, re.M)) == len(ids[lang]), "every section heading has an id"
        words = len(re.findall(r"\w+", body))
        assert 800 <= words <= 2600, f"{lang}: {words} words"
    assert ids["ru"] == ids["el"] == ids["en"]
    quiz = quiz_of(meta)
    types = {q["type"] for q in quiz["questions"]}
    assert len(quiz["questions"]) >= 8 and len(types) >= 3 and "scenario" in types
    for q in quiz["questions"]:
        for option in q.get("options", []):
            assert option.get("correct") or "feedback" in option, f"{q['id']}: a wrong option teaches"


@pytest.mark.parametrize("name", CASES)
def test_a_case_has_every_part_in_every_language(name):
    ids = {}
    for lang in LANGS:
        meta, body = read(lang, "cases", name)
        ids[lang] = H2.findall(body)
        for part in ["objectives", "story", "what-was-done", "why-it-worked", "in-your-job", "discussion", "takeaways"]:
            assert part in ids[lang], f"{lang}/{name}: no #{part}"
        assert 2 <= len(items(section(body, "discussion"))) <= 3
    assert ids["ru"] == ids["el"] == ids["en"]
    quiz = quiz_of(meta)
    assert len(quiz["questions"]) >= 6
    assert all(q["explanation"] for q in quiz["questions"])


@pytest.mark.parametrize("name", STANDARDS)
def test_a_checklist_has_the_same_items_in_every_language(name):
    counts = {}
    for lang in LANGS:
        meta, body = read(lang, "standards", name)
        assert meta.get("checklist") is True
        sections = H2.findall(body)
        assert sections[:2] == ["objectives", "how-to-use"]
        counts[lang] = [(sid, len(re.findall(r"^- \[ \] \S", section(body, sid), re.M))) for sid in sections[2:]]
        assert all(n >= 3 for _, n in counts[lang]), counts[lang]
    assert counts["ru"] == counts["el"] == counts["en"]


def test_every_glossary_link_target_is_a_term():
    terms = {t["id"] for t in yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))["terms"]}
    linked = set()
    for page in DOCS.rglob("*.md"):
        linked |= set(re.findall(r"glossary\.md#([a-z0-9-]+)", page.read_text(encoding="utf-8")))
    assert linked <= terms, linked - terms


def test_every_tooltip_form_of_the_glossary_occurs_in_its_language():
    text = {lang: "\n".join(p.read_text(encoding="utf-8") for p in (DOCS / lang).rglob("*.md")) for lang in LANGS}
    missing = []
    for term in yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))["terms"]:
        for lang in LANGS:
            assert term[lang]["term"] and term[lang]["definition"]
            missing += [f"{term['id']} {lang}: {form}" for form in term[lang]["forms"] if form not in text[lang]]
    assert missing == []


SESSIONS = sorted(p.name for p in (DOCS / "ru/trainer").glob("*.md") if p.stem not in ("index", "answer-key", "assign", "team"))


def test_every_chapter_and_case_has_a_session_plan():
    assert sorted(SESSIONS) == sorted(CHAPTERS + CASES)


@pytest.mark.parametrize("name", SESSIONS)
def test_a_session_plan_has_every_part_in_every_language(name):
    ids, rows = {}, {}
    for lang in LANGS:
        meta, body = read(lang, "trainer", name)
        assert 45 <= meta["minutes"] <= 60
        assert (ROOT / "quizzes" / f"{meta['answer_key']}.yml").exists()
        ids[lang] = H2.findall(body)
        assert ids[lang] == ["objectives", "session-plan", "discussion", "exercise", "debrief", "answer-key"]
        assert 3 <= len(items(section(body, "objectives"))) <= 5
        plan = [r for r in section(body, "session-plan").splitlines() if re.match(r"\|\s*\d", r)]
        rows[lang] = [r.split("|")[1].strip() for r in plan]
        end = re.findall(r"(\d+):(\d+)\s*$", rows[lang][-1])[0]
        assert int(end[0]) * 60 + int(end[1]) == meta["minutes"], rows[lang][-1]
        assert 3 <= len(re.findall(r"^\d+\. ", section(body, "discussion"), re.M)) <= 5
        assert section(body, "answer-key").strip() == ""
    assert ids["ru"] == ids["el"] == ids["en"] and rows["ru"] == rows["el"] == rows["en"]
