"""The final test, the certificate and "review my mistakes" in a real browser."""
from __future__ import annotations

import io

from pypdf import PdfReader

from test_browser_quiz import answer
from test_browser_record import all_quizzes, passed, record, seed


def shown(page):
    return page.locator(".quiz-bank__item:not([hidden]) .quiz-q").all()


def test_fail_then_pass_the_final_test_and_print_the_certificate(page, server):
    """Changed on purpose: the certificate needs every lesson as well (seeded here as passed)."""
    seed(page, server, record(answers=passed(all_quizzes())))
    page.goto(server + "en/certificate/")
    assert page.locator("[data-locked]").is_visible()
    assert page.locator("[data-missing] li").all_inner_texts() == ["Final test — not passed yet"]
    page.goto(server + "en/final-test/")
    page.locator("[data-action=start]").click()
    first = shown(page)
    assert len(first) == 20
    first_ids = {f.get_attribute("data-qid") for f in first}
    lessons = {f.locator("xpath=..").get_attribute("data-quiz") for f in first}
    assert len(lessons) == 16, "every chapter and case has a question"
    for form in first:
        answer(page, form, right=False)
    result = page.locator("[data-bank-result]").inner_text()
    assert "Score: 0 of 20 (0%)" in result and "You need 80% to pass" in result
    page.locator("[data-action=start]").click()
    second = shown(page)
    assert {f.get_attribute("data-qid") for f in second} != first_ids, "a fresh set"
    for i, form in enumerate(second):
        answer(page, form, right=i != 0)
    assert "Score: 19 of 20 (95%)" in page.locator("[data-bank-result]").inner_text()
    page.locator("[data-bank-next] a").click()
    page.wait_for_url("**/en/certificate/")
    page.locator("[data-name-input]").fill("Maria Papadopoulou")
    sheet = page.locator("[data-sheet]")
    assert "Maria Papadopoulou" in sheet.inner_text() and "19 of 20 (95%)" in sheet.inner_text()
    # changed on purpose: the sheet prints on one landscape A4 page (its own page size), title in capitals
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert len(pdf.pages) == 1 and pdf.pages[0].mediabox.width > pdf.pages[0].mediabox.height
    assert "Maria Papadopoulou" in text and "19 of 20 (95%)" in text and "CERTIFICATE OF COMPLETION" in text
    assert "Your full name" not in text and not text.split("CERTIFICATE OF COMPLETION")[0].strip(), "only the sheet is printed"


def test_the_certificate_speaks_the_learners_language(page, server):
    seed(page, server, record(answers=passed(all_quizzes())))
    page.goto(server + "el/final-test/")
    page.locator("[data-action=start]").click()
    for form in shown(page):
        answer(page, form, right=True)
    page.goto(server + "el/certificate/")
    page.locator("[data-name-input]").fill("Γιώργος")
    text = page.locator("[data-sheet]").inner_text()
    assert "ΒΕΒΑΙΩΣΗ ΟΛΟΚΛΗΡΩΣΗΣ" in text and "ελληνικά" in text and "20 από 20 (100%)" in text  # changed on purpose: title


def test_a_mistake_comes_back_in_review_with_its_chapter(page, server):
    """Changed on purpose: two right answers in a row no longer clear a mistake; spaced
    repetition does (tests/test_browser_record.py follows it across days)."""
    page.goto(server + "en/chapters/02-why-it-pays/")
    wrong = page.locator(".quiz-q").first
    qid = wrong.get_attribute("data-qid")
    answer(page, wrong, right=False)
    page.goto(server + "en/review/")
    forms = shown(page)
    assert [f.get_attribute("data-qid") for f in forms] == [qid]
    source = page.locator(".quiz-bank__item:not([hidden]) .quiz-bank__from a")
    assert source.inner_text() == page.locator(".md-nav__link[href$='chapters/02-why-it-pays/']").first.inner_text().strip()
    answer(page, forms[0], right=True)
    assert "comes back on" in forms[0].locator(".quiz-q__status").inner_text()
    page.reload()
    assert shown(page) == []
    assert "Coming back later: 1" in page.locator("[data-bank-status]").inner_text()
