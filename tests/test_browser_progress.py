"""The learner's overview in a real browser: the course path, My progress, export and import."""
from __future__ import annotations

import json
import re

import yaml
from playwright.sync_api import expect

from conftest import ROOT

from test_browser_quiz import answer


def pass_quiz(page, url):
    page.goto(url)
    for form in page.locator(".quiz-q").all():
        answer(page, form, right=True)


def row(page, key):
    return page.locator(f"[data-key='{key}']")


def test_completing_a_quiz_updates_the_path_and_my_progress(page, server):
    page.goto(server)
    first = page.locator("[data-continue]")
    assert "Начать курс" in first.inner_text()
    assert "не начато" in row(page, "chapters/01-what-it-is/").inner_text()
    pass_quiz(page, server + "cases/minibus-driver/")
    page.goto(server + "chapters/02-why-it-pays/")  # opened, not finished
    page.goto(server)
    assert "пройдено, 100%" in row(page, "cases/minibus-driver/").inner_text()
    assert "в процессе" in row(page, "chapters/02-why-it-pays/").inner_text()
    assert first.get_attribute("href").endswith("chapters/02-why-it-pays/"), "continue where you left off"
    assert "Продолжить" in first.inner_text()
    page.goto(server + "el/progress/")
    assert "ολοκληρώθηκε, 100%" in row(page, "cases/minibus-driver/").locator("[data-status]").inner_text()
    assert row(page, "cases/minibus-driver/").locator("[data-score]").inner_text() == "100% (πρώτη προσπάθεια: 100%)"
    assert "1 από 16 (6%)" in page.locator("[data-overall]").inner_text()
    assert "Τελευταία δραστηριότητα: 20" in page.locator("[data-last]").inner_text()


def test_export_clear_and_import_brings_everything_back(page, server, tmp_path):
    pass_quiz(page, server + "en/cases/opened-boxes/")
    page.goto(server + "en/standards/daily-questions/")
    page.locator(".task-list-item label").first.click()
    page.goto(server + "en/progress/")
    with page.expect_download() as download:
        page.locator("[data-action=export]").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text())
    assert data["format"] == "course-progress" and data["progress"]["version"] == 2
    assert len(data["progress"]["answers"]) == 7, "every answer of the case"
    page.evaluate("localStorage.clear()")
    page.reload()
    assert "not started" in row(page, "cases/opened-boxes/").inner_text()
    page.locator("[data-import-file]").set_input_files(str(saved))
    expect(page.locator("[data-message]")).to_have_text(re.compile("^✓"))
    assert "passed, 100%" in row(page, "cases/opened-boxes/").inner_text()
    page.goto(server + "en/standards/daily-questions/")
    assert page.locator(".task-list-item input").first.is_checked()


def test_an_import_from_the_first_format_is_read_by_meaning(page, server, tmp_path):
    """Changed on purpose: a file of the first format (answers by position) is read against the
    current questions; an answer is kept only where the bank still agrees with it, and a "right"
    with no choice to check it by (or a removed question) is not taken on trust."""
    page.goto(server + "en/progress/")
    bank = yaml.safe_load((ROOT / "quizzes/ch01-what-it-is.yml").read_text(encoding="utf-8"))["questions"]
    single = next(q for q in bank if q["type"] in ("single", "scenario"))
    right = next(i for i, o in enumerate(single["options"]) if o.get("correct"))
    other_id = next(q["id"] for q in bank if q["id"] != single["id"])
    other = {"format": "course-progress", "version": 1, "progress": {
        "version": 1,
        "questions": {single["id"]: {"answered": True, "right": True, "choice": [right], "at": "2030-01-01T00:00:00Z"},
                      other_id: {"answered": True, "right": True, "at": "2030-01-01T00:00:00Z"},
                      "question-removed-since": {"answered": True, "right": False, "at": "2030-01-01T00:00:00Z"},
                      "broken": "yes"},
        "quizzes": {"ch01-what-it-is": {"score": 3, "total": 99, "passed": True, "date": "2030-01-01"}, "x": 5},
        "extra": [1, 2, 3]}}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(other))
    page.locator("[data-import-file]").set_input_files(str(path))
    expect(page.locator("[data-message]")).to_have_text(re.compile("^✓"))
    assert "in progress: 1 of" in row(page, "chapters/01-what-it-is/").inner_text(), "a stored pass is not taken on trust"
    page.goto(server + "en/chapters/01-what-it-is/")
    assert page.locator(f"#q-{single['id']} .quiz-q__status").inner_text().startswith("✓")
    assert page.locator(f"#q-{other_id} .quiz-q__status").inner_text() == ""
    assert page.js_errors == []


def test_a_file_that_is_not_progress_is_refused_and_changes_nothing(page, server, tmp_path):
    pass_quiz(page, server + "en/cases/small-gestures/")
    page.goto(server + "en/progress/")
    for content in ["not json at all", json.dumps({"format": "something-else"}), json.dumps([1, 2])]:
        path = tmp_path / "bad.json"
        path.write_text(content)
        page.evaluate("document.querySelector('[data-message]').textContent = ''")
        page.locator("[data-import-file]").set_input_files(str(path))
        expect(page.locator("[data-message]")).to_have_text(re.compile("^✗ This is not a course progress file"))
    assert "passed, 100%" in row(page, "cases/small-gestures/").inner_text()
