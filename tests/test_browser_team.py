"""Trainers' journeys in a real browser: an assignment link with its banner, completion reports
pasted into the gradebook (a learner's own report, e-mail damage, duplicates, tampering, the older
code; 300 generated reports sorted, filtered, exported as CSV and printed)."""
from __future__ import annotations

import base64
import csv
import io
import json
import re

from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import PHONE
from gradebook_data import generate
from test_browser_progress import pass_quiz
from test_browser_site import AXE, WCAG


def fnv1a(text: str) -> str:
    """The reports' checksum (docs/assets/course-core.js), over UTF-16 code units as JavaScript counts them."""
    h = 0x811C9DC5
    units = text.encode("utf-16-le")
    for i in range(0, len(units), 2):
        h = ((h ^ int.from_bytes(units[i:i + 2], "little")) * 0x01000193) & 0xFFFFFFFF
    return f"{h:08x}"


def co1(report: dict) -> str:
    """A report code of the first version, as the course made them before version 2."""
    payload = base64.urlsafe_b64encode(json.dumps(report, ensure_ascii=False).encode()).decode().rstrip("=")
    return f"CO1.{payload}.{fnv1a(payload)}"


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


def by_e_mail(text: str, width: int = 60) -> str:
    """What a mail client may do to a report: hard-wrap long lines, then quote the lot in a reply."""
    lines = []
    for line in text.splitlines():
        lines += [line[i:i + width] for i in range(0, len(line), width)] or [""]
    return "\n".join("> " + line for line in lines)


def show(page, text):
    page.locator("[data-team-input]").fill(text)
    page.locator("[data-action=show-team]").click()


def test_a_learners_report_reaches_the_gradebook_whatever_e_mail_did_to_it(page, server):
    """The learner's own report (assignment done on time), broken across lines and quoted, pasted
    twice; a tampered and a cut-off copy are listed with their line and name; an older CO1 code reads."""
    link = make_link(page, server, "en/", ["opened-boxes"], "2030-05-31", "Before the meeting")
    number = re.search(r"Assignment number: ([0-9a-f]{6})", page.locator("[data-assign-message]").inner_text()).group(1)
    page.goto(link)
    pass_quiz(page, server + "en/cases/opened-boxes/")
    page.goto(server + "en/progress/")
    page.locator("[data-report-name]").fill("Anna Ivanova")
    page.locator("[data-action=copy-report]").click()
    report = page.locator("[data-report-text]").input_value()
    code = re.search(r"CO2\.([\w-]+)\.([0-9a-f]{8})", report)
    assert "Anna Ivanova" in report and "1 of 16" in report and code and len(code.group(0)) < 200
    payload = code.group(1)
    middle = len(payload) // 2
    tampered = report.replace(payload, payload[:middle] + ("A" if payload[middle] != "A" else "B") + payload[middle + 1:])
    cut = report[:-12]
    old = co1({"n": "Олег Петров", "d": "2025-03-01", "l": "ru", "s": {"ikea": 90, "nordstrom": 100}, "f": None})
    pasted = "\n".join(["Hello, my report:", by_e_mail(report), "", "Again, in case:", report, "", tampered, "", cut, "", "Oleg:", old])
    page.goto(server + "en/trainer/team/")
    show(page, pasted)
    said = page.locator("[data-team-errors]").inner_text()
    assert "Reports accepted: 3." in said and "Duplicate reports merged: 1" in said and "Reports not accepted: 2" in said
    rows = page.locator(".gradebook__table tbody tr")
    expect(rows).to_have_count(2)
    anna = page.locator(".gradebook__table tbody tr", has_text="Anna Ivanova")
    cells = anna.locator("td")
    assert cells.nth(1).inner_text() == "1 / 16"
    boxes = anna.locator("td.gradebook__cell--passed")
    assert boxes.count() == 1 and "passed" in boxes.inner_text() and "100%" in boxes.inner_text() and "first attempt" in boxes.inner_text()
    assert anna.locator("td.gradebook__cell--not_started").count() == 16, "15 lessons and the final test not started"
    assert f"No. {number} · ✓ done" in anna.inner_text() and "on time (due 2030-05-31)" in anna.inner_text()
    oleg = page.locator(".gradebook__table tbody tr", has_text="Олег Петров")
    assert "(CO1)" in oleg.inner_text() and "2 / 16" in oleg.inner_text() and oleg.locator("td.gradebook__cell--unknown").count() == 15
    refused = page.locator("[data-team-refused] li").all_inner_texts()
    lines = pasted.splitlines()
    first_tampered = lines.index(tampered.splitlines()[1]) + 1
    assert refused[0].startswith(f"Line {first_tampered}, ") and "Anna Ivanova" in refused[0] and "does not match its text" in refused[0]
    assert refused[1].startswith(f"Line {first_tampered + 3}, ") and "Anna Ivanova" in refused[1] and "cut short" in refused[1]
    assert page.js_errors == [] and page.outside_requests == []


def test_a_phone_sees_the_gradebook_in_its_own_scrolling_region(browser, server):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(server + "el/trainer/team/")
    show(page, generate(page, 12)["text"])
    assert "Αναφορές που έγιναν δεκτές: 12." in page.locator("[data-team-errors]").inner_text()
    layout = page.evaluate("""() => ({page: document.scrollingElement.scrollWidth, view: innerWidth,
        region: document.querySelector('.gradebook__scroll').scrollWidth, box: document.querySelector('.gradebook__scroll').clientWidth,
        button: document.querySelector('.gradebook__sort').getBoundingClientRect().height})""")
    assert layout["page"] <= layout["view"], "the page itself does not scroll sideways"
    assert layout["region"] > layout["box"], "the table scrolls inside its region"
    assert layout["button"] >= 24
    context.close()


def test_300_reports_sorted_filtered_exported_and_printed(page, server):
    page.goto(server + "en/trainer/team/")
    data = generate(page, 300)
    people = data["people"]
    show(page, data["text"])
    assert "Reports accepted: 300." in page.locator("[data-team-errors]").inner_text()
    rows = page.locator(".gradebook__table tbody tr")
    expect(rows).to_have_count(50)
    assert page.locator("[data-team-rows]").inner_text() == "Rows 1–50 of 300"
    region = page.locator(".gradebook__scroll")
    assert region.bounding_box()["height"] <= 0.75 * 900, "one scrolling region, not 60 screens"
    region.evaluate("r => r.scrollTop = 400")
    assert abs(page.locator(".gradebook__table thead th").first.bounding_box()["y"] - region.bounding_box()["y"]) < 3, "the header row stays"

    # sort by chapter 3 with the keyboard: failed first, then in progress, passed by score
    heading = page.locator("th[data-col=ch03-who-is-your-customer]")
    heading.locator("button").focus()
    page.keyboard.press("Enter")
    assert heading.get_attribute("aria-sort") == "ascending"
    page.keyboard.press("Enter")
    assert heading.get_attribute("aria-sort") == "descending"
    best = max((p["lessons"].get("ch03-who-is-your-customer") or {}).get("score") or 0 for p in people
               if (p["lessons"].get("ch03-who-is-your-customer") or {}).get("grade") == "passed")
    top = rows.first.locator("td").nth(4)
    assert top.get_attribute("class").endswith("--passed") and f"{best}%" in top.inner_text()
    assert rows.nth(1).locator("td").nth(4).get_attribute("class").endswith("--passed")

    # filter by name, then by status
    page.locator("[data-filter-name]").fill("γιώργος")
    giorgos = [p for p in people if "Γιώργος" in p["name"]]
    assert page.locator("[data-team-shown]").inner_text() == f"In the table: {len(giorgos)} of 300."
    page.locator("[data-filter-name]").fill("")
    page.locator("[data-filter-status]").select_option("failed")
    failed = [p for p in people if not p["cert"] and (any(x["grade"] == "failed" for x in p["lessons"].values())
                                                      or (p["final"] and not p["final"]["passed"]))]
    assert page.locator("[data-team-shown]").inner_text() == f"In the table: {len(failed)} of 300."
    assert all("✗" in r for r in rows.all_inner_texts())
    page.locator("[data-filter-status]").select_option("all")

    # the summary row and the questions most often missed
    summary = page.locator(".gradebook__table tfoot td").nth(2).inner_text()
    passed_ch1 = sum(1 for p in people if (p["lessons"].get("ch01-what-it-is") or {}).get("grade") == "passed")
    assert summary.startswith(f"{passed_ch1} of 300; avg. ")
    assert page.locator("[data-team-missed] li").count() == 10 and "Ch. " in page.locator("[data-team-missed] li").first.inner_text()

    # export: UTF-8 with a BOM, every field quoted, every alphabet intact
    with page.expect_download() as download:
        page.locator("[data-action=export-team]").click()
    raw = open(download.value.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(table) == 301 and len(table[0]) == 3 + 16 * 3 + 4 + 5 and all(len(r) == len(table[0]) for r in table)
    assert table[0][:4] == ["Employee", "Report date", "Passed", "What customer orientation is: status"]
    assert sorted(r[0] for r in table[1:]) == sorted(p["name"] for p in people), "names in three alphabets, quotes and commas kept"
    assert '"Пётр ""Quoted"" Name 2"'.encode() in raw

    # paper: landscape pages, the header row on each
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert len(pdf.pages) > 3
    assert all(p.mediabox.width > p.mediabox.height for p in pdf.pages)
    texts = [p.extract_text() for p in pdf.pages]
    table_pages = [t for t in texts if "missed by" not in t]  # the list of most missed questions may follow on a page of its own
    assert len(table_pages) > 3 and all("Employee" in t for t in table_pages)
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "Download the table" not in text and all(p["name"].split()[-1] in text for p in people[-5:])

    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run({include: [['.team-tool']]}, {runOnly: {type: 'tag', values: tags}})", WCAG)
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []
    assert page.js_errors == [] and page.outside_requests == []
