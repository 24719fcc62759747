"""The site in a real browser: language switching, search, privacy, accessibility."""
from __future__ import annotations

from pathlib import Path

import pytest

import axe_playwright_python
from conftest import PHONE

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


# Material's script starts at the reader's first interaction (docs/assets/theme.js): until then
# the page is drawn as Material would draw it; the first touch, key or scroll starts it, and what
# the reader did first is not lost.
MATERIAL_RUNNING = "() => typeof window.component$ !== 'undefined'"  # Material's script publishes its components


def phone_page(browser, **options):
    context = browser.new_context(**PHONE, **options)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("requestfailed", lambda r: page.errors.append(r.url))
    return context, page


class HeldBack:
    """A script (Material's, unless named) held back until release(), as a slow connection would."""

    def __init__(self, page, script="**/assets/javascripts/bundle.*.min.js"):
        self.held, self.released = [], False
        page.route(script, self.hold)

    def hold(self, route):
        if self.released:
            route.continue_()
        else:
            self.held.append(route)

    def release(self):
        self.released = True
        for route in self.held:
            route.continue_()


@pytest.mark.parametrize("prefix, toggle", [("", "Светлая тема"), ("el/", "Φωτεινό θέμα"), ("en/", "Light theme")])
def test_a_phone_in_dark_mode_gets_the_dark_page_before_material_runs_and_search_on_first_tap(browser, server, prefix, toggle):
    context, page = phone_page(browser, color_scheme="dark")
    page.goto(server + prefix + "chapters/01-what-it-is/")
    page.wait_for_load_state("networkidle")
    assert not page.evaluate(MATERIAL_RUNNING), "Material waits for the reader"
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    shown = page.locator("[data-md-component=palette] label:not([hidden])")
    assert shown.count() == 1 and shown.get_attribute("title") == toggle, "one toggle, to the light scheme"
    page.tap("label[for=__search]")
    box = page.locator("input[data-md-component=search-query]")
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('[data-md-component=search-query]')")
    page.keyboard.type("IKEA")  # into the box the one tap focused: no second tap
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=15000)
    assert box.input_value() == "IKEA"
    assert page.locator(".md-search-result__item > a").first.get_attribute("href").startswith(server + prefix)
    assert page.evaluate(MATERIAL_RUNNING)
    assert page.errors == []
    context.close()


@pytest.mark.parametrize("prefix", ["", "el/", "en/"])
def test_nothing_moves_on_a_phone_when_material_starts(browser, server, prefix):
    # Material frames each table when it starts; the pages come framed (overrides/main.html)
    context, page = phone_page(browser)
    page.goto(server + prefix + "chapters/01-what-it-is/")
    page.wait_for_load_state("networkidle")
    where = "() => [...document.querySelectorAll('.md-content h2, .md-content table')].map(e => Math.round(e.getBoundingClientRect().top + scrollY))"
    before = page.evaluate(where)
    assert page.locator(".md-content table").count() >= 1
    page.mouse.wheel(0, 1)  # a first scroll starts Material
    page.wait_for_function(MATERIAL_RUNNING)
    page.wait_for_timeout(300)
    assert page.evaluate(where) == before
    assert page.errors == []
    context.close()


def test_search_keys_and_typing_before_material_arrives_are_kept(page, server):
    held = HeldBack(page)
    page.goto(server + "en/")
    page.keyboard.press("/")
    page.keyboard.type("complaint")
    assert not page.evaluate(MATERIAL_RUNNING), "still on its way"
    assert page.locator("#__search").is_checked()
    held.release()
    page.wait_for_function(MATERIAL_RUNNING)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=15000)
    assert page.locator("input[data-md-component=search-query]").input_value() == "complaint"
    assert "/en/chapters/09-complaints-and-win-back/" in page.locator(".md-search-result__item > a").first.get_attribute("href")
    assert page.js_errors == []


def test_the_colour_chosen_before_material_runs_is_applied_at_once_and_kept(page, server):
    held = HeldBack(page)
    page.goto(server + "el/")
    page.wait_for_load_state("load")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.locator("[data-md-component=palette] label:not([hidden])").click()
    assert not page.evaluate(MATERIAL_RUNNING)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", "applied at once"
    assert page.locator("[data-md-component=palette] label:not([hidden])").get_attribute("for") == "__palette_0", "the toggle back to light"
    held.release()
    page.wait_for_function(MATERIAL_RUNNING)
    page.wait_for_timeout(200)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", "Material starts with it"
    page.goto(server + "el/cases/ikea/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", "kept on the next page, before Material runs"
    page.evaluate("localStorage.setItem('/.__palette', '{not json')")
    page.reload()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default", "unreadable stored data: the first scheme"
    assert page.js_errors == []


def test_a_page_key_pressed_before_material_runs_is_passed_on(page, server):
    page.goto(server + "en/chapters/02-why-it-pays/")
    page.wait_for_load_state("networkidle")
    assert not page.evaluate(MATERIAL_RUNNING)
    page.keyboard.press("n")
    page.wait_for_url(server + "en/chapters/03-who-is-your-customer/")
    assert page.js_errors == []


def test_material_starts_at_a_later_interaction_when_its_script_could_not_load(page, server):
    offline = {"now": True}
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort() if offline["now"] else route.continue_())
    page.goto(server + "el/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("Tab")  # the connection is gone: the script does not arrive
    page.wait_for_timeout(300)
    assert not page.evaluate(MATERIAL_RUNNING)
    offline["now"] = False
    page.keyboard.press("Tab")  # back: the next interaction starts it
    page.wait_for_function(MATERIAL_RUNNING)
    assert page.evaluate("document.querySelectorAll('script[src*=\"/bundle.\"]:not([type])').length") == 1, "one script, not one per try"
    assert page.js_errors == []


def test_a_query_typed_while_the_page_still_loads_is_searched(page, server):
    held = HeldBack(page, "**/assets/course.min.js*")  # the course's script, which starts Material, not run yet
    page.goto(server + "chapters/05-touchpoints/", wait_until="commit")
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.press_sequentially("жалобы", delay=20)
    assert not page.evaluate(MATERIAL_RUNNING)
    held.release()  # no further key or touch: Material starts because the reader already acted
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=15000)
    assert "/chapters/09-complaints-and-win-back/" in page.locator(".md-search-result__item > a").first.get_attribute("href")
    assert page.js_errors == []
