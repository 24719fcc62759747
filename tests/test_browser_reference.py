"""Checklists, printing and glossary tooltips in a real browser."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

CHECKLIST = "standards/touchpoint-audit/"


def boxes(page):
    return page.locator(".md-content .task-list-item input[type=checkbox]")


def test_a_ticked_item_stays_ticked_and_can_be_reset(page, server):
    page.goto(server + "en/" + CHECKLIST)
    assert boxes(page).count() >= 15
    page.locator(".task-list-item label").nth(2).click()
    assert boxes(page).nth(2).is_checked()
    assert page.locator(".checklist-bar__count").inner_text().startswith("Ticked: 1 of")
    page.reload()
    assert boxes(page).nth(2).is_checked()
    page.goto(server + "el/" + CHECKLIST)
    assert boxes(page).nth(2).is_checked(), "ticks follow the learner into another language"
    page.locator("[data-action=reset-checklist]").click()
    assert not boxes(page).nth(2).is_checked()
    page.reload()
    assert boxes(page).locator("xpath=.").evaluate_all("els => els.filter(e => e.checked).length") == 0


LAYOUT_SHIFTS = """window.__shift = 0; new PerformanceObserver(list => {
    for (const entry of list.getEntries()) window.__shift += entry.value;
}).observe({type: 'layout-shift', buffered: true});"""


def test_a_checklist_and_my_progress_do_not_move_once_drawn(browser, server):
    """On a phone, with ticks saved, nothing on the checklist moves after the first paint: the
    build labels the items and writes the count (hooks/checklists.py, checklist-bar.html), and
    the page is drawn as with JavaScript from the start (main.html), so the script's work shows
    in place (Lighthouse counted 0.07 of layout shift here)."""
    phone = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = phone.new_page()
    page.add_init_script("localStorage.setItem('course-checklists-v1', JSON.stringify({version: 1, pages: {'%s': [0, 2]}}))" % CHECKLIST)
    page.add_init_script(LAYOUT_SHIFTS)
    page.goto(server + CHECKLIST)
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert boxes(page).nth(2).is_checked() and not boxes(page).nth(2).is_disabled()
    assert page.locator(".checklist-bar__count").inner_text() == f"Отмечено: 2 из {boxes(page).count()}"
    assert page.locator(".task-list-item > label > input").count() == boxes(page).count(), "labelled in the build"
    assert page.evaluate("window.__shift") < 0.01
    page.goto(server + "progress/")  # My progress: its summary lines are written by the build too
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert "0 из 16" in page.locator("[data-overall]").inner_text()
    assert page.evaluate("window.__shift") < 0.01
    phone.close()


def test_a_checkbox_works_with_the_keyboard(page, server):
    page.goto(server + CHECKLIST)
    boxes(page).first.focus()
    page.keyboard.press("Space")
    assert boxes(page).first.is_checked()


def test_corrupt_checklist_storage_does_not_break_the_page(page, server):
    page.goto(server + CHECKLIST)
    page.evaluate("localStorage.setItem('course-checklists-v1', '{oops')")
    page.reload()
    page.locator(".task-list-item label").first.click()
    assert boxes(page).first.is_checked()
    assert page.js_errors == []


@pytest.mark.parametrize("prefix, title, nav_word, reset", [
    ("", "Аудит точек контакта", "Главы", "Снять все отметки"),
    ("el/", "σημείων επαφής", "Κεφάλαια", "Καθαρισμός"),
    ("en/", "touchpoint", "Chapters", "Clear all ticks"),
])
def test_a_printed_checklist_is_a_clean_handout(page, server, prefix, title, nav_word, reset):
    page.goto(server + prefix + CHECKLIST)
    page.locator(".task-list-item label").first.click()  # ticked on screen, empty on paper
    first = page.locator(".task-list-item").first.inner_text().strip()
    last = page.locator(".task-list-item").last.inner_text().strip()
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(p.extract_text() for p in pdf.pages)
    flat = " ".join(text.split())
    assert len(pdf.pages) <= 3
    assert " ".join(first.split())[:40] in flat and " ".join(last.split())[:40] in flat
    assert title.lower() in flat.lower()
    assert nav_word not in flat, "no navigation on paper"
    assert reset not in flat, "no buttons on paper"


@pytest.mark.parametrize("prefix, word", [("", "клиентоориентированность"), ("el/", "πελατοκεντρικότητα"), ("en/", "customer orientation")])
def test_glossary_terms_show_their_definition_on_hover_or_focus(page, server, prefix, word):
    page.goto(server + prefix + "chapters/02-why-it-pays/")
    terms = page.locator(".md-content abbr[title]")
    assert terms.count() >= 3
    titles = terms.evaluate_all("els => els.map(e => e.title)")
    assert any(t.lower().startswith(word) for t in titles), titles[:5]
    assert terms.first.get_attribute("tabindex") == "0"


def test_the_glossary_lists_every_term_in_each_language(page, server):
    for prefix, heading in [("", "пожизненная ценность"), ("el/", "διαχρονική αξία"), ("en/", "lifetime value")]:
        page.goto(server + prefix + "reference/glossary/")
        assert heading in page.locator("#lifetime-value").inner_text().lower()
        assert page.locator(".md-content h3[id]").count() >= 40


@pytest.mark.parametrize("prefix, nav_word, check, answer_word", [
    ("", "Кейсы", "Показать ответ", "Правильный ответ"),
    ("el/", "Περιπτώσεις", "Δείτε την απάντηση", "Σωστή απάντηση"),
    ("en/", "Cases", "Show the answer", "Right answer"),
])
def test_a_chapter_prints_its_quiz_as_questions_without_answers(page, server, prefix, nav_word, check, answer_word):
    page.goto(server + prefix + "chapters/08-service-standards/")
    first_question = " ".join(page.locator(".quiz-q legend").first.inner_text().split())[-30:]
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert first_question in text, "the questions are printed"
    assert answer_word not in text, "not their answers"
    assert check not in text and nav_word not in text, "no buttons, no navigation"


def test_the_whole_answer_key_folds_each_quiz_and_prints_whole(page, server):
    """160 questions are not laid out at load: each quiz's questions are folded under its
    heading; a link to a quiz of the key opens it, and on paper every question is there."""
    page.goto(server + "en/trainer/answer-key/")
    folds = page.locator(".answer-key__fold")
    assert folds.count() == page.locator("section.answer-key").count() >= 16
    assert folds.evaluate_all("els => els.filter(e => e.open).length") == 0
    last = page.locator(".answer-key__prompt").last
    assert not last.is_visible()
    page.emulate_media(media="print")
    assert last.is_visible(), "printed whole"
    page.emulate_media(media="screen")
    page.locator("#key-ikea summary").click()
    assert page.locator("#key-ikea .answer-key__prompt").first.is_visible()
    page.goto(server + "en/trainer/answer-key/#key-nordstrom")
    assert page.locator("#key-nordstrom .answer-key__fold").evaluate("d => d.open")
    assert not page.js_errors


def test_the_trainers_answer_key_prints_with_the_answers(page, server):
    page.goto(server + "en/trainer/nordstrom/")
    page.locator("[data-print=key]").check()  # "What to print": the plan with its key
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "Session plan" in text and "✓" in text and "Cases" not in text
