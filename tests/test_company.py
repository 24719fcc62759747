"""A course a company makes its own from company.yml: what a branded build shows, what a bad
settings file says, and that without the file nothing changes."""
from __future__ import annotations

import functools
import http.server
import re
import shutil
import sys
import threading

import pytest

from conftest import DESKTOP, LANGS, ROOT, QuietHandler
from test_browser_certificate import branded_certificate

sys.path.insert(0, str(ROOT / "hooks"))
from lib import company  # noqa: E402

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48"><rect width="48" height="48" fill="#1b4f8a"/></svg>'
VALUES = {"ru": ("Что вы решаете сами: обмен или возврат до 5", "Кому передать: старший смены", "Наш срок ответа: в течение 2 часов"),
          "el": ("Τι αποφασίζετε μόνοι σας: αλλαγή ή επιστροφή", "Σε ποιον το μεταβιβάζετε: ο υπεύθυνος βάρδιας", "Ο δικός μας χρόνος απάντησης: εντός 2 ωρών"),
          "en": ("What you may decide alone: an exchange or a refund", "Who to hand it to: the shift manager", "Our response time: within 2 hours")}


def test_contrast_is_measured_as_wcag_defines_it():
    assert company.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert company.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic just-fails grey
    assert company.contrast("#00695c", "#ffffff") >= company.AA  # the course's own teal passes


def test_settings_problems_are_listed_in_plain_words(tmp_path):
    problems = company.problems_of({"name": "X", "colours": {"primary": "teal"}, "colour": 1}, tmp_path)
    assert "company.yml: unknown setting(s): 'colour' was unexpected" in problems
    assert "company.yml: 'colours.primary': should be a colour written #rrggbb (like #00695c), not 'teal'" in problems
    assert company.problems_of({"values": {"escalate_to": {"ru": "a", "en": "b"}}}, tmp_path)[0].startswith(
        "company.yml: 'values.escalate_to': should be one text, or ru/el/en texts")


def test_a_branded_build_shows_the_company_on_the_site(project_copy, build_copy, browser, tmp_path):
    (project_copy / "branding").mkdir()
    (project_copy / "branding/logo.svg").write_text(LOGO, encoding="utf-8")
    shutil.copy(project_copy / "company.example.yml", project_copy / "company.yml")
    code, out = build_copy(project_copy)
    assert code == 0, out
    site = tmp_path / "out"
    assert (site / "assets/company/logo.svg").read_text(encoding="utf-8") == LOGO  # one copy, shared like every asset
    for lang, prefix in LANGS.items():
        html = (site / prefix / "standards/complaint-handling/index.html").read_text(encoding="utf-8")
        text = re.sub(r"<[^>]+>", "", html).replace("\u00a0", " ")
        assert all(value in text for value in VALUES[lang]), lang
        assert 'alt="Northwind Furniture"' in html and "assets/company/logo.svg" in html
        assert '<span>Northwind Furniture</span> · ' in html  # the printed page's header
    ours = (site / "en/standards/service-standard/index.html").read_text(encoding="utf-8")
    assert "Ours: calls answered by the third ring" in ours

    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    page = browser.new_page(**DESKTOP)
    try:
        page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/en/standards/complaint-handling/")
        seen = page.evaluate("""() => {
            const logo = document.querySelector('.md-header .md-logo img');
            const link = document.querySelector('.md-typeset p a, .md-typeset li a');
            return {
                header: getComputedStyle(document.querySelector('.md-header')).backgroundColor,
                link: getComputedStyle(link).color,
                logo: logo && logo.complete && logo.naturalWidth,
                footer: document.querySelector('.md-copyright').innerText,
            };
        }""")
        branded_certificate(page, f"http://127.0.0.1:{httpd.server_address[1]}/")
    finally:
        page.close()
        httpd.shutdown()
    assert seen["header"] == "rgb(27, 79, 138)"  # #1b4f8a
    assert seen["link"] == "rgb(27, 79, 138)"
    assert seen["logo"] == 48, "the logo loads"
    assert "Northwind Furniture" in seen["footer"]


def test_a_pale_colour_and_a_missing_logo_stop_the_build(project_copy, build_copy):
    (project_copy / "company.yml").write_text(
        'name: "Pale Ltd"\nlogo: branding/missing.png\ncolours:\n  primary: "#777777"\n  accent: "#00695c"\n', encoding="utf-8")
    code, out = build_copy(project_copy)
    assert code != 0
    assert "company.yml: 'logo': the file branding/missing.png does not exist" in out
    assert "company.yml: 'colours.primary': #777777 has a contrast of 4.48:1 with white" in out
    assert "at least 4.5:1 (WCAG AA)" in out
    assert "colours.accent" not in out, "a colour that passes is not named"
    assert "Traceback" not in out


def test_a_misspelt_company_value_in_a_page_stops_the_build(project_copy, build_copy):
    page = project_copy / "docs/el/standards/complaint-handling.md"
    page.write_text(page.read_text(encoding="utf-8").replace("company.escalate_to %}", "company.escalate %}"), encoding="utf-8")
    code, out = build_copy(project_copy)
    assert code != 0
    assert "docs/el/standards/complaint-handling.md: company value:" in out and "escalate" in out


def test_without_settings_the_course_is_unchanged(built_site):
    if (ROOT / "company.yml").exists():
        pytest.skip("this project has its own company.yml")
    for lang, prefix in LANGS.items():
        html = (built_site / prefix / "standards/complaint-handling/index.html").read_text(encoding="utf-8")
        assert "<style>" not in html.split("</head>")[0].split("course.css")[-1], "no colours over the course's own"
        assert "assets/company" not in html and "md-copyright__highlight" not in html
        assert "{{" not in html and "{%" not in html and not any(v.split(":")[0] in html for v in VALUES[lang])
        source = (ROOT / "docs" / lang / "standards/complaint-handling.md").read_text(encoding="utf-8")
        first = re.search(r"^- \[ \] (.*?)\{% if company", source, re.M).group(1)
        assert first.split(",")[0] in html  # today's wording, as written
    assert not (built_site / "assets/company").exists()
