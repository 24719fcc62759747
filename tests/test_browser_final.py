"""The final test, the certificate and "review my mistakes" in a real browser."""
from __future__ import annotations

import io

from pypdf import PdfReader

from test_browser_quiz import answer


def shown(page):
    return page.locator(".quiz-bank__item:not([hidden]) .quiz-q").all()


def test_fail_then_pass_the_final_test_and_print_the_certificate(page, server):
    page.goto(server + "en/certificate/")
    assert page.locator("[data-locked]").is_visible()
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
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert len(pdf.pages) == 1
    assert "Maria Papadopoulou" in text and "19 of 20 (95%)" in text and "Certificate of completion" in text
    assert "Your full name" not in text and "Chapters" not in text.split("Certificate of completion")[0], "only the sheet is printed"


def test_the_certificate_speaks_the_learners_language(page, server):
    page.goto(server + "el/final-test/")
    page.locator("[data-action=start]").click()
    for form in shown(page):
        answer(page, form, right=True)
    page.goto(server + "el/certificate/")
    page.locator("[data-name-input]").fill("Γιώργος")
    text = page.locator("[data-sheet]").inner_text()
    assert "Βεβαίωση παρακολούθησης" in text and "ελληνικά" in text and "20 από 20 (100%)" in text


def test_mistakes_come_back_until_answered_right_twice(page, server):
    page.goto(server + "en/chapters/02-why-it-pays/")
    wrong = page.locator(".quiz-q").first
    qid = wrong.get_attribute("data-qid")
    answer(page, wrong, right=False)
    page.goto(server + "en/review/")
    forms = shown(page)
    assert [f.get_attribute("data-qid") for f in forms] == [qid]
    answer(page, forms[0], right=True)
    forms[0].locator("[data-action=retry]").click()
    answer(page, forms[0], right=True)
    assert "leaves your list" in page.locator("[data-bank-status]").inner_text()
    page.reload()
    assert shown(page) == []
    assert "No mistakes to review" in page.locator("[data-bank-status]").inner_text()
