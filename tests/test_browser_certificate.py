"""The certificate as a learner prints it (Chromium's own PDF, page size from the print CSS): one
landscape A4 page in every language, with the name, the date in words, the score, the number of
lessons passed and a number the team overview finds in the learner's report. The branded copy is
checked by tests/test_company.py's branded build, which calls branded_certificate() below."""
from __future__ import annotations

import csv
import io
import json
import unicodedata

from pypdf import PdfReader

from conftest import LANGS
from test_browser_record import KEY, all_quizzes, passed, record, seed
from test_browser_team import fnv1a

FINAL = {"at": "2030-12-02T10:00:00.000Z", "right": 19, "total": 20, "passed": True, "lang": "en"}  # after every lesson's pass
DATE = {"ru": "2 декабря 2030 г.", "el": "2 Δεκεμβρίου 2030", "en": "2 December 2030"}
TITLE = {"ru": "СЕРТИФИКАТ О ПРОХОЖДЕНИИ КУРСА", "el": "ΒΕΒΑΙΩΣΗ ΟΛΟΚΛΗΡΩΣΗΣ", "en": "CERTIFICATE OF COMPLETION"}  # set in capitals
NAME = "Мария  Παπαδοπούλου-Smith"


def number(name: str, day: str, right: int, total: int) -> str:
    """The certificate number as docs/assets/course-core.js derives it, computed here independently."""
    who = " ".join(unicodedata.normalize("NFC", name).split()).lower()
    h = fnv1a("|".join(["customer-orientation", who, day, f"{right}/{total}"])).upper()
    return f"{h[:4]}-{h[4:]}"


def printed(page) -> tuple[list, str]:
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    return pdf.pages, " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)


def test_the_certificate_is_one_landscape_page_in_every_language_and_its_number_is_in_the_report(page, server):
    seed(page, server, record(answers=passed(all_quizzes()), finals=[FINAL]))
    expected = number(NAME, "2030-12-02", 19, 20)
    printed_ru = ""
    for lang, prefix in LANGS.items():
        page.goto(server + prefix + "certificate/")
        page.locator("[data-name-input]").fill(NAME)
        assert page.locator("[data-number]").inner_text() == expected
        pages, text = printed(page)
        printed_ru = text if lang == "ru" else printed_ru
        assert len(pages) == 1, lang
        assert pages[0].mediabox.width > pages[0].mediabox.height, f"{lang}: landscape"
        assert round(float(pages[0].mediabox.width)) == 842, f"{lang}: A4"
        assert "Мария Παπαδοπούλου-Smith" in text and expected in text and DATE[lang] in text, (lang, text)
        assert TITLE[lang] in text and "16" in text and "19" in text
        assert "(а)" not in text and "Nordstrom" not in text, "no gendered endings, no list of sixteen titles"
        assert "Распечатать" not in text and "Print or save" not in text, "only the sheet is printed"
    assert "курс «Клиентоориентированность» пройден, итоговый тест сдан" in printed_ru
    page.locator("[data-name-input]").fill("Αικατερίνη-Κωνσταντίνα Παπαδοπούλου-Χατζηκωνσταντίνου Wolfeschlegelsteinhausen")
    assert len(printed(page)[0]) == 1, "the longest name the field takes still fits on the one page"
    page.locator("[data-name-input]").fill(NAME)

    # the learner's report carries what the number is made of; the team overview finds it
    page.goto(server + "el/progress/")
    assert page.locator("[data-report-name]").input_value() == NAME, "one name for certificate and report"
    report = page.locator("[data-report-text]").input_value()
    page.goto(server + "trainer/team/")
    page.locator("[data-team-input]").fill(report)
    page.locator("[data-action=show-team]").click()
    assert page.locator(".gradebook__table tbody .gradebook__cert").inner_text() == expected
    with page.expect_download() as download:  # Russian regional settings: Excel expects semicolons
        page.locator("[data-action=export-team]").click()
    raw = open(download.value.path(), "rb").read()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert raw.startswith(b"\xef\xbb\xbf") and len(rows) == 2 and rows[1][0] == NAME.strip() and rows[1][-1] == expected
    assert rows[0][3] == "Что такое клиентоориентированность: статус" and rows[1][3] == "пройдено"
    check = page.locator("[data-cert-number]")
    check.fill(expected.lower().replace("-", " "))
    page.locator("[data-action=check-cert]").click()
    said = page.locator("[data-cert-result]").inner_text()
    assert said.startswith(f"✓ Номер {expected} совпадает с отчётом: {' '.join(NAME.split())}") and "2030-12-02" in said and "95%" in said
    check.fill("0000-0000" if expected != "0000-0000" else "1111-1111")
    page.locator("[data-action=check-cert]").click()
    assert page.locator("[data-cert-result]").inner_text().startswith("✗ Ни один вставленный отчёт")
    assert page.js_errors == [] and page.outside_requests == []


def branded_certificate(page, base: str) -> None:
    """A branded build's certificate: the company's name, logo and signatory, on one landscape page."""
    page.goto(base + "en/404.html")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps(record(answers=passed(all_quizzes()), finals=[FINAL]))])
    page.goto(base + "en/certificate/")
    page.locator("[data-name-input]").fill("Anna Ivanova")
    logo = page.evaluate("() => { const i = document.querySelector('.certificate__logo'); return i && i.complete && i.naturalWidth; }")
    assert logo == 48, "the logo loads on the certificate"
    pages, text = printed(page)
    assert len(pages) == 1 and pages[0].mediabox.width > pages[0].mediabox.height
    assert "Northwind Furniture" in text and "Maria Petrova" in text and "Head of Training" in text and "Anna Ivanova" in text
    assert "Signature" not in text, "the signatory's name replaces the plain caption"
