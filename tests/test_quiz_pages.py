"""Quizzes on the built pages, and the build errors that tie pages and quiz files together."""
from __future__ import annotations

import re
import shutil

import yaml

from conftest import LANGS, ROOT


def quiz_html(site, lang, page):
    html = (site / LANGS[lang] / page / "index.html").read_text(encoding="utf-8")
    return html[html.index('<section class="quiz"'):]


def test_every_chapter_and_case_ends_with_its_quiz_in_its_language(built_site):
    for lang in LANGS:
        for page in ["chapters/01-what-it-is", "chapters/10-making-it-happen", "cases/ikea", "cases/opened-boxes"]:
            html = quiz_html(built_site, lang, page)
            assert html.count("<fieldset") == html.count("<legend>") >= 6
            assert 'role="status"' in html
    bank = yaml.safe_load((ROOT / "quizzes/ch02-why-it-pays.yml").read_text(encoding="utf-8"))
    first = bank["questions"][0]["prompt"]
    for lang in LANGS:
        html = quiz_html(built_site, lang, "chapters/02-why-it-pays")
        plain = re.sub(r"<[^>]+>", "", html).replace("\u00a0", " ")  # the build sets non-breaking spaces
        assert re.sub(r"[*_`]", "", first[lang])[:40] in plain


def test_a_page_naming_a_missing_quiz_stops_the_build(project_copy, build_copy):
    page = project_copy / "docs/en/chapters/03-who-is-your-customer.md"
    page.write_text(page.read_text(encoding="utf-8").replace("quiz: ch03-who-is-your-customer", "quiz: ch03-typo"), encoding="utf-8")
    code, out = build_copy(project_copy)
    assert code != 0
    assert "docs/en/chapters/03-who-is-your-customer.md: names quiz 'ch03-typo', but there is no quizzes/ch03-typo.yml" in out


def test_a_quiz_file_no_page_uses_stops_the_build(project_copy, build_copy):
    text = (project_copy / "quizzes/nordstrom.yml").read_text(encoding="utf-8")
    (project_copy / "quizzes/orphan.yml").write_text(text.replace("id: nordstrom-", "id: orphan-"), encoding="utf-8")
    code, out = build_copy(project_copy)
    assert code != 0
    assert "quizzes/orphan.yml is used by no page" in out


def test_a_broken_quiz_file_stops_the_build_with_its_name(project_copy, build_copy):
    path = project_copy / "quizzes/ch04-internal-customer.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("type: ordering", "type: sorting", 1), encoding="utf-8")
    code, out = build_copy(project_copy)
    assert code != 0
    assert "quizzes/ch04-internal-customer.yml: question" in out and "unknown type 'sorting'" in out


def test_the_answer_key_lists_every_quiz_with_its_answers(built_site):
    bank = sorted(p.stem for p in (ROOT / "quizzes").glob("*.yml"))
    for lang in LANGS:
        html = (built_site / LANGS[lang] / "trainer/answer-key/index.html").read_text(encoding="utf-8")
        keys = re.findall(r'<section class="answer-key" id="key-([a-z0-9-]+)"', html)
        assert sorted(keys) == bank
        assert keys[0] == "ch01-what-it-is" and keys[9] == "ch10-making-it-happen", "in the order of the navigation"
        assert html.count("✓ ") >= len(bank) * 4
        assert f'course-questions-{lang}.gift.txt' in html


def test_a_moodle_gift_file_holds_the_whole_bank_in_each_language(built_site):
    bank = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "quizzes").glob("*.yml")}
    for lang in LANGS:
        gift = (built_site / LANGS[lang] / f"downloads/course-questions-{lang}.gift.txt").read_text(encoding="utf-8")
        assert gift.count("$CATEGORY:") == len(bank)
        for quiz in bank.values():
            for q in quiz["questions"]:
                assert f"::{q['id']}::[markdown]" in gift
        # every question is one block: no blank line inside, braces balanced once escapes are removed
        for block in gift.split("\n\n"):
            if block.startswith("::"):
                plain = block.replace("\\{", "").replace("\\}", "")
                assert plain.count("{") == plain.count("}") == 1, block[:80]


def test_gift_escapes_its_special_characters():
    import sys
    sys.path.insert(0, str(ROOT / "hooks"))
    import quiz_exports
    from lib import quizbank

    text = {"ru": "a: b {c} = d # e ~ f", "el": "x", "en": "x"}
    quiz = quizbank.Quiz("q", ROOT / "q.yml", {"title": text, "questions": [
        {"id": "q-1", "type": "single", "prompt": text, "explanation": text,
         "options": [{"text": text, "correct": True}, {"text": text, "feedback": text}]},
        {"id": "q-2", "type": "multiple", "prompt": text, "explanation": text,
         "options": [{"text": text, "correct": True}, {"text": text, "correct": True}, {"text": text}]},
    ]})
    gift = quiz_exports.to_gift({"q": quiz}, "ru", "Course", ["q"])
    assert "a\\: b \\{c\\} \\= d \\# e \\~ f" in gift
    assert "$CATEGORY: $course$/Course/a: b {c} = d # e ~ f\n" in gift, "Moodle reads category lines unescaped"
    assert "~%50%" in gift and "~%-100%" in gift


def test_a_session_plan_ends_with_its_own_quiz_key(built_site):
    for lang in LANGS:
        html = (built_site / LANGS[lang] / "trainer/nordstrom/index.html").read_text(encoding="utf-8")
        assert re.findall(r'<section class="answer-key" id="key-([a-z0-9-]+)"', html) == ["nordstrom"]
        assert "gift.txt" not in html
