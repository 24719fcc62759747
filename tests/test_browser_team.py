"""Trainers' journeys in a real browser: an assignment link with its banner, and completion
reports pasted into the team overview."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from test_browser_progress import pass_quiz


def make_link(page, server, prefix, lessons, due, message):
    page.goto(server + prefix + "trainer/assign/")
    for quiz in lessons:
        page.locator(f"input[name=lesson][value='{quiz}']").check()
    page.locator("[data-assign-due]").fill(due)
    page.locator("[data-assign-text]").fill(message)
    page.locator("[data-action=make-link]").click()
    return page.locator("[data-assign-link]").input_value()


def test_an_assignment_link_shows_a_banner_with_progress_on_every_page(page, server):
    link = make_link(page, server, "en/", ["ch01-what-it-is", "minibus-driver"], "2030-05-31", "Please finish before the team meeting")
    assert link.startswith(server + "en/#assign=")
    page.evaluate("localStorage.clear()")
    greek = link.replace(server + "en/", server + "el/")  # the same code works in every language
    page.goto(greek)
    banner = page.locator("[data-assignment]")
    expect(banner).to_be_visible()
    text = banner.inner_text()
    assert "Σας έχει ανατεθεί εργασία" in text and "Please finish before the team meeting" in text
    assert "0 από 2" in text and "2030-05-31" in text
    assert "#assign" not in page.url
    pass_quiz(page, server + "el/cases/minibus-driver/")
    page.goto(server + "el/reference/glossary/")
    assert "1 από 2" in banner.inner_text()
    assert "✓ ολοκληρώθηκε" in banner.inner_text()
    page.goto(server + "chapters/03-who-is-your-customer/")
    assert "Вам назначено задание" in banner.inner_text()
    page.locator("[data-action=dismiss-assignment]").click()
    page.reload()
    expect(banner).to_be_hidden()


def test_a_damaged_assignment_link_is_refused(page, server):
    link = make_link(page, server, "", ["ikea"], "", "x")
    page.goto(link[:-3] + ("000" if not link.endswith("000") else "111"))
    assert "повреждена" in page.locator("[data-assignment]").inner_text()


def test_a_report_pasted_into_the_team_overview_shows_a_row(page, server):
    pass_quiz(page, server + "en/cases/opened-boxes/")
    page.goto(server + "en/progress/")
    page.locator("[data-report-name]").fill("Anna Ivanova")
    page.locator("[data-action=copy-report]").click()
    report = page.locator("[data-report-text]").input_value()
    assert "Anna Ivanova" in report and "1 of 16" in report and re.search(r"CO1\.[\w-]+\.[0-9a-f]{8}", report)
    page.goto(server + "trainer/team/")
    page.locator("[data-team-input]").fill("Привет, вот мой отчёт:\n" + report)
    page.locator("[data-action=show-team]").click()
    row = page.locator(".team-tool__table tbody tr")
    expect(row).to_have_count(1)
    assert "Anna Ivanova" in row.inner_text() and "1 / 16" in row.inner_text() and "100%" in row.inner_text()
    assert "Принято отчётов: 1." in page.locator("[data-team-errors]").inner_text()


def test_a_tampered_report_code_is_refused(page, server):
    pass_quiz(page, server + "en/cases/small-gestures/")
    page.goto(server + "en/progress/")
    page.locator("[data-report-name]").fill("Bob")
    code = re.search(r"CO1\.([\w-]+)\.([0-9a-f]{8})", page.locator("[data-report-text]").input_value())
    payload = code.group(1)
    tampered = "CO1." + payload[:-2] + ("AA" if payload[-2:] != "AA" else "BB") + "." + code.group(2)
    typo = "CO1." + payload + "." + code.group(2)[:-1] + ("0" if code.group(2)[-1] != "0" else "1")
    page.goto(server + "en/trainer/team/")
    page.locator("[data-team-input]").fill(tampered + "\n" + typo)
    page.locator("[data-action=show-team]").click()
    assert "Reports not accepted: 2" in page.locator("[data-team-errors]").inner_text()
    expect(page.locator(".team-tool__table")).to_be_hidden()
