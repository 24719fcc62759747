"""The learner's record in a real browser, where it used to lie: a content update between two
builds, storage that throws, a record of another version, two tabs, "show the answer" then
"try again", the certificate's rules, final-test mistakes in review, spaced repetition across days."""
from __future__ import annotations

import datetime
import functools
import http.server
import json
import re
import sys
import threading

import pytest
import yaml
from playwright.sync_api import expect

from conftest import CHROMIUM_ARGS, PHONE, ROOT, QuietHandler, mkdocs_build
from test_browser_quiz import answer

sys.path.insert(0, str(ROOT / "hooks"))
from lib import quizbank, quizview  # noqa: E402

KEY = "course-progress-v1"
CHAPTER = "chapters/01-what-it-is/"
AT = "2030-01-01T10:00:00.000Z"


def passed(quiz_ids):
    """Answers that pass the given quizzes, as a learner's earlier visit would have stored them."""
    bank = quizbank.load_bank(ROOT / "quizzes")
    return {q["id"]: {"key": quizview.fingerprint(q), "choice": quizview.right_ids(q), "at": AT}
            for quiz in quiz_ids for q in bank[quiz].questions}


def record(**parts):
    return {"version": 2, "answers": {}, "quizzes": {}, "review": {}, "finals": [], **parts}


def seed(page, server, value):
    page.goto(server + "en/404.html")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, value if isinstance(value, str) else json.dumps(value)])


def stored(page):
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "null")


def all_quizzes():
    return list(quizbank.load_bank(ROOT / "quizzes"))


# ---- a content update between two builds ----

class Site:
    """One address whose files can be switched from one build to the next (same origin, same storage)."""
    def __init__(self):
        self.directory = None
        outer = self

        class Handler(QuietHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(outer.directory), **kwargs)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"


def test_stored_answers_survive_a_content_update_by_meaning(page, built_site, project_copy, tmp_path):
    site = Site()
    site.directory = built_site  # before the update: the project as it is, built once for the session
    page.goto(site.url + "en/" + CHAPTER)
    forms = page.locator(".quiz-q").all()
    for form in forms:
        answer(page, form, right=True)
    total = len(forms)
    assert f"Score: {total} of {total} (100%)" in page.locator(".quiz__score").inner_text()

    path = project_copy / "quizzes" / "ch01-what-it-is.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    questions = data["questions"]
    single = next(q for q in questions if q["type"] == "single")
    single["options"] = list(reversed(single["options"]))           # reordered: same answer
    changed = next(q for q in questions if q["type"] == "single" and q is not single)
    right_at = next(i for i, o in enumerate(changed["options"]) if o.get("correct"))
    changed["options"][right_at].pop("correct")                     # the right answer is another option now
    changed["options"][0 if right_at else 1]["correct"] = True
    removed = next(q for q in questions if q["type"] == "truefalse")
    questions.remove(removed)
    questions.append({"id": "ch01-added-since", "type": "truefalse", "answer": True,
                      "prompt": {"ru": "Новый вопрос?", "el": "Νέα ερώτηση;", "en": "A new question?"},
                      "explanation": {"ru": "Да.", "el": "Ναι.", "en": "Yes."}})
    path.write_text("# yaml-language-server: $schema=quiz.schema.json\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    after = tmp_path / "after"
    result = mkdocs_build(project_copy, after)
    assert result.returncode == 0, result.stdout + result.stderr
    assert quizview.fingerprint(changed) != stored(page)["answers"][changed["id"]]["key"]
    site.directory = after

    page.goto(site.url + "en/" + CHAPTER)
    kept = total - 2   # one removed, one changed
    assert f"Answered: {kept} of {total}" in page.locator(".quiz__score").inner_text()
    reordered = page.locator(f"#q-{single['id']}")
    assert reordered.locator(".quiz-q__status").inner_text().startswith("✓ Right!")
    assert reordered.locator(".quiz-opt.is-wrong").count() == 0
    mark = reordered.locator(".quiz-opt[data-correct] .quiz-opt__mark").inner_text()
    assert "your answer" in mark, "the ✓ is on the option the learner chose, wherever it moved"
    fresh = page.locator(f"#q-{changed['id']}")
    assert fresh.locator(".quiz-q__status").inner_text() == "" and fresh.locator("[data-action=check]").is_visible()
    assert fresh.locator(".quiz-opt.is-wrong, .quiz-opt.is-right").count() == 0, "nothing false is shown"
    assert page.locator("#q-ch01-added-since .quiz-q__status").inner_text() == ""
    assert page.locator(".md-nav__link .course-passed").count() == 0, "the navigation does not say passed"
    page.goto(site.url + "en/progress/")
    assert f"in progress: {kept} of {total}" in page.locator("[data-key='chapters/01-what-it-is/']").inner_text()
    assert "0 of 16" in page.locator("[data-overall]").inner_text()
    assert page.js_errors == []
    site.httpd.shutdown()


# ---- storage that throws ----

READ_THROWS = "Storage.prototype.getItem = function () { throw new DOMException('denied', 'SecurityError'); };"
WRITE_THROWS = "Storage.prototype.setItem = function () { throw new DOMException('denied', 'SecurityError'); };"
QUOTA = "Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };"


@pytest.mark.parametrize("script", [READ_THROWS, WRITE_THROWS, QUOTA], ids=["read", "write", "quota"])
def test_with_storage_refused_quizzes_still_pass_and_the_page_says_how_to_keep_them(browser, server, tmp_path, script):
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(script)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "en/" + CHAPTER)
    forms = page.locator(".quiz-q").all()
    for form in forms:
        answer(page, form, right=True)
    total = len(forms)
    assert f"Score: {total} of {total} (100%)" in page.locator(".quiz__score").inner_text() and "Quiz passed" in page.locator(".quiz__score").inner_text()
    notice = page.locator("[data-course-notice]")
    expect(notice).to_be_visible()
    assert "save them to a file" in notice.inner_text()
    with page.expect_download() as download:
        notice.locator("button").click()
    saved = tmp_path / "kept.json"
    download.value.save_as(saved)
    kept = json.loads(saved.read_text())
    assert len(kept["progress"]["answers"]) == total, "the export holds what the page could not store"
    page.goto(server + "en/progress/")
    page.once("dialog", lambda d: d.accept())
    page.locator("[data-action=reset-all]").click()
    # with only reading refused, the reset can be written (and is reported); otherwise never
    expect(page.locator("[data-message]")).to_have_text(re.compile("^Progress reset" if script == READ_THROWS else "^✗ Your progress was not reset"))
    page.locator("[data-import-file]").set_input_files(str(saved))
    expect(page.locator("[data-message]")).to_have_text(re.compile("^✗ The file was read, but this browser did not let"))
    assert errors == []
    context.close()


# ---- another version, imports ----

def test_a_record_of_another_version_is_never_overwritten_and_imports_are_checked(page, server, tmp_path):
    newer = json.dumps({"version": 3, "answers": {"x": {"anything": True}}, "news": [1]})
    seed(page, server, newer)
    page.goto(server + "el/" + CHAPTER)
    answer(page, page.locator(".quiz-q").first, right=True)
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == newer
    assert "μορφή 3" in page.locator("[data-course-notice]").inner_text()
    page.evaluate(f"localStorage.removeItem('{KEY}')")
    page.goto(server + "en/progress/")
    page.locator("[data-import-file]").wait_for(state="attached")
    mine = record(answers=passed(["opened-boxes"]))
    cases = [
        ({"format": "course-progress", "version": 3, "progress": {"version": 3}}, "^✗ This file was saved by another version"),
        ({"format": "course-progress", "version": 2, "progress": record()}, "^✗ This file holds no answers"),
        ({"format": "course-progress", "version": 2, "progress": record(answers={"q": "yes"})}, r"^✗ This progress file is damaged \(/answers/q"),
        ({"format": "course-progress", "version": 2, "progress": mine}, "^✓"),
    ]
    for content, said in cases:
        path = tmp_path / "file.json"
        path.write_text(json.dumps(content))
        page.evaluate("document.querySelector('[data-message]').textContent = ''")
        page.locator("[data-import-file]").set_input_files(str(path))
        expect(page.locator("[data-message]")).to_have_text(re.compile(said))
    assert "✓ passed\t100%" in page.locator("[data-key='cases/opened-boxes/']").inner_text()
    # an older answer from a file does not replace a newer one here
    newer_here = stored(page)
    qid = next(iter(newer_here["answers"]))
    newer_here["answers"][qid]["at"] = "2031-01-01T00:00:00.000Z"
    newer_here["answers"][qid]["choice"] = ["00000000"]
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps(newer_here)])
    page.reload()
    path.write_text(json.dumps({"format": "course-progress", "version": 2, "progress": mine}))
    page.locator("[data-import-file]").set_input_files(str(path))
    expect(page.locator("[data-message]")).to_have_text(re.compile("^✓"))
    assert stored(page)["answers"][qid]["choice"] == ["00000000"]
    assert page.js_errors == []


# ---- two tabs ----

def test_two_tabs_answering_at_once_lose_nothing_and_both_update(page, server):
    other = page.context.new_page()
    page.goto(server + "en/" + CHAPTER)
    other.goto(server + "en/" + CHAPTER)
    forms_a, forms_b = page.locator(".quiz-q").all(), other.locator(".quiz-q").all()
    for i in range(4):
        answer(page, forms_a[2 * i], right=True)
        answer(other, forms_b[2 * i + 1], right=True)
    expect(page.locator(".quiz__score")).to_contain_text("Answered: 8 of")
    expect(other.locator(".quiz__score")).to_contain_text("Answered: 8 of")
    assert len(stored(page)["answers"]) == 8
    assert forms_a[1].locator(".quiz-q__status").inner_text().startswith("✓"), "the other tab's answer shows here"
    # a write racing in between: the other tab writes while this one still holds its old copy
    other.evaluate("""() => { const r = JSON.parse(localStorage.getItem('course-progress-v1'));
        r.last = {page: 'cases/ikea/', at: new Date(Date.now() + 1000).toISOString()}; localStorage.setItem('course-progress-v1', JSON.stringify(r)); }""")
    answer(page, forms_a[8], right=True)
    data = stored(page)
    assert len(data["answers"]) == 9 and data["last"]["page"] == "cases/ikea/"
    other.close()


# ---- honest scores ----

def test_show_the_answer_then_try_again_does_not_count(browser, server):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(server + "en/" + CHAPTER)
    forms = page.locator(".quiz-q").all()
    first = forms[0]
    first.locator("[data-action=reveal]").tap()
    first.locator("[data-action=retry]").tap()
    first.locator(".quiz-opt[data-correct] input").first.tap()
    first.locator("[data-action=check]").tap()
    assert "does not count yet" in first.locator(".quiz-q__status").inner_text()
    for form in forms[1:]:
        answer(page, form, right=True)
    total = len(forms)
    assert f"Score: {total - 1} of {total}" in page.locator(".quiz__score").inner_text()
    page.reload()
    assert f"Score: {total - 1} of {total}" in page.locator(".quiz__score").inner_text()
    page.goto(server + "en/review/")
    assert page.locator(".quiz-bank__item:not([hidden]) .quiz-q").count() == 1, "a shown answer goes to review"
    context.close()


# ---- the certificate ----

def test_the_certificate_is_locked_until_every_lesson_and_the_final_test_are_passed(page, server):
    quizzes = all_quizzes()
    final = [{"at": AT, "right": 19, "total": 20, "passed": True, "lang": "en"}]
    seed(page, server, record(finals=final))
    page.goto(server + "en/certificate/")
    assert page.locator("[data-sheet]").is_hidden()
    missing = page.locator("[data-missing] li")
    assert missing.count() == 16 and "Still to pass (16)" in page.locator("[data-locked]").inner_text()
    seed(page, server, record(answers=passed(quizzes[1:])))
    page.goto(server + "en/certificate/")
    items = missing.all_inner_texts()
    assert len(items) == 2 and items[-1].startswith("Final test — not passed yet")
    href = missing.first.locator("a").get_attribute("href")
    seed(page, server, record(answers=passed(quizzes[1:]), finals=final))
    page.goto(server + "en/certificate/")
    assert missing.count() == 1 and page.locator("[data-sheet]").is_hidden()
    page.locator("[data-missing] a").click()
    page.wait_for_load_state()
    assert page.url.endswith(href.replace("../", "")), "the link leads to the missing lesson"
    for form in page.locator(".quiz-q").all():
        answer(page, form, right=True)
    page.goto(server + "en/certificate/")
    assert page.locator("[data-sheet]").is_visible() and page.locator("[data-locked]").is_hidden()
    assert "16 of 16" in page.locator("[data-lessons]").inner_text()
    assert "19 of 20 (95%)" in page.locator("[data-score]").inner_text()


# ---- the final test and review ----

def test_final_test_mistakes_name_their_chapters_and_reach_review(page, server):
    page.goto(server + "en/final-test/")
    page.locator("[data-action=start]").click()
    forms = page.locator(".quiz-bank__item:not([hidden]) .quiz-q").all()
    wrong = forms[:5]
    for form in forms:
        answer(page, form, right=form not in wrong)
    assert "Score: 15 of 20" in page.locator("[data-bank-result]").inner_text()
    chapters = {page.locator(f".quiz-bank__item:has(#{f.get_attribute('id')})").get_attribute("data-quiz") for f in wrong}
    revisit = page.locator("[data-bank-revisit] li")
    assert revisit.count() == len(chapters)
    assert "mistakes:" in revisit.first.inner_text() and revisit.first.locator("a").get_attribute("href").startswith("../")
    ids = {f.get_attribute("data-qid") for f in wrong}
    page.goto(server + "en/review/")
    shown = page.locator(".quiz-bank__item:not([hidden])")
    assert {shown.nth(i).locator(".quiz-q").get_attribute("data-qid") for i in range(shown.count())} == ids
    source = shown.first.locator(".quiz-bank__from")
    assert source.inner_text().startswith("From: ") and source.locator("a").get_attribute("href").startswith("../")


def test_review_brings_a_mistake_back_after_1_3_and_7_days(page, server):
    def on(day):
        page.clock.set_fixed_time(datetime.datetime(2030, 3, day, 12, 0))

    on(1)
    page.goto(server + "en/chapters/02-why-it-pays/")
    wrong = page.locator(".quiz-q").first
    answer(page, wrong, right=False)
    page.goto(server + "en/review/")
    forms = page.locator(".quiz-bank__item:not([hidden]) .quiz-q").all()
    assert len(forms) == 1
    answer(page, forms[0], right=True)
    assert "comes back on 2\xa0March\xa02030" in forms[0].locator(".quiz-q__status").inner_text()
    forms[0].locator("[data-action=retry]").click()
    answer(page, forms[0], right=True)
    assert "Already counted today" in forms[0].locator(".quiz-q__status").inner_text(), "pressing Try again does not count twice"
    page.reload()
    assert page.locator(".quiz-bank__item:not([hidden])").count() == 0
    assert "Coming back later: 1, the next on 2\xa0March\xa02030" in page.locator("[data-bank-status]").inner_text()
    for day, next_day in [(2, "5\xa0March\xa02030"), (5, "12\xa0March\xa02030")]:
        on(day)
        page.reload()
        form = page.locator(".quiz-bank__item:not([hidden]) .quiz-q").first
        answer(page, form, right=True)
        assert f"comes back on {next_day}" in form.locator(".quiz-q__status").inner_text()
    on(12)
    page.reload()
    form = page.locator(".quiz-bank__item:not([hidden]) .quiz-q").first
    answer(page, form, right=True)
    assert "leaves your list" in form.locator(".quiz-q__status").inner_text()
    on(20)
    page.reload()
    assert "No mistakes to review" in page.locator("[data-bank-status]").inner_text()
