"""The site in a real browser: language switching, search, privacy, accessibility."""
from __future__ import annotations

from pathlib import Path

import pytest

import axe_playwright_python

AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def search(page, base, query):
    """Type a query into Material's search box and return the result links."""
    page.goto(base)
    box = page.locator("input[data-md-component=search-query]")
    page.wait_for_function("() => document.querySelector('.md-search') !== null")
    box.focus()
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)"
        " || document.querySelectorAll('.md-search-result__item').length > 0", timeout=15000)
    return page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")


@pytest.mark.parametrize("target, prefix", [("el", "el/"), ("en", "en/"), ("ru", "")])
def test_the_language_switcher_lands_on_the_same_chapter(page, server, target, prefix):
    start = "el/" if target == "ru" else ""
    page.goto(server + start + "chapters/05-touchpoints/")
    page.locator(".md-header__option .md-select").hover()
    page.locator(f".md-select__link[hreflang={target}]").click()
    page.wait_for_load_state()
    assert page.url == server + prefix + "chapters/05-touchpoints/"
    assert page.locator("html").get_attribute("lang") == target


@pytest.mark.parametrize("query", ["πελάτης", "πελατης", "ΠΕΛΑΤΗΣ"])
def test_greek_search_finds_greek_pages_with_or_without_accents(page, server, query):
    links = search(page, server + "el/", query)
    assert any("/el/chapters/" in link for link in links), links
    assert all(link.startswith(server + "el/") for link in links), "only Greek pages are offered"


@pytest.mark.parametrize("query, target", [("водителю", "cases/minibus-driver/"), ("клиента", "chapters/")])
def test_russian_search_finds_other_grammatical_forms(page, server, query, target):
    links = search(page, server, query)
    assert any(link.startswith(server + target) for link in links), links
    assert not any(link.startswith((server + "el/", server + "en/")) for link in links)


def test_english_search_finds_english_pages(page, server):
    links = search(page, server + "en/", "touchpoints")
    assert any("/en/chapters/05-touchpoints/" in link for link in links), links
    assert all(link.startswith(server + "en/") for link in links)


def test_pages_make_no_request_outside_the_site(page, server):
    for path in ["", "el/chapters/01-what-it-is/", "en/cases/ikea/", "standards/touchpoint-audit/"]:
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    assert page.outside_requests == []
    assert page.js_errors == []


@pytest.mark.parametrize("prefix", ["", "el/", "en/"])
@pytest.mark.parametrize("path", ["", "chapters/06-beyond-expectations/", "cases/nordstrom/"])
def test_accessibility_audit_finds_no_violations(page, server, prefix, path):
    page.goto(server + prefix + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []


def test_the_404_page_follows_the_address_language(page, server, built_site):
    # GitHub Pages answers any missing address with the root 404.html: do the same here.
    page.route("**/no-such-page/", lambda route: route.fulfill(status=404, path=built_site / "404.html"))
    page.goto(server + "el/no-such-page/")
    assert page.locator(".course-404:visible h1").inner_text() == "Η σελίδα δεν βρέθηκε"
    page.goto(server + "en/chapters/no-such-page/")
    assert page.locator(".course-404:visible h1").inner_text() == "Page not found"
    page.goto(server + "no-such-page/")
    assert page.locator(".course-404:visible h1").inner_text() == "Страница не найдена"
