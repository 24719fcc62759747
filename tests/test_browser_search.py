"""Search as learners use it: typed at once, pasted, in three languages, on learner pages."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from conftest import LANGS, ROOT

QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
BOX = "input[data-md-component=search-query]"
# one query, run as a learner's browser runs it (shared with tests/search_bench.py)
QUERY = (ROOT / "tests" / "search_query.js").read_text(encoding="utf-8")


def results(page, query: str) -> list[str]:
    """The result pages for a query, best first, once the list shows them."""
    return page.evaluate(QUERY, query)["pages"]



def open_search(page) -> None:
    """Click into the search box and wait until Material's search is running and shows its
    prompt. The ranking tests below set each query at once, by script, and read the first change
    of the result list; Material starts at this first click (docs/assets/theme.js), and a query
    set while it starts once read the list of its start-up as the answer (an empty list, in CI).
    Typing while it starts is tested above, as a learner types."""
    page.locator(BOX).click()
    prompt = json.loads(page.locator("#__config").text_content())["translations"]["search.result.placeholder"]
    page.wait_for_function("p => document.querySelector('.md-search-result__meta').textContent.trim() === p", arg=prompt)


def result_pages(page):
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=15000)
    return page.evaluate("""() => [...new Set([...document.querySelectorAll('.md-search-result__item > a')]
        .map(a => a.href.split(/[?#]/)[0]))]""")


def watch_failures(page) -> list[str]:
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append(f"failed {r.url}"))
    page.on("console", lambda m: failed.append(m.text) if m.type == "error" else None)
    return failed


def test_a_query_typed_at_once_after_load_is_searched(page, server):
    failed = watch_failures(page)
    page.goto(server + "chapters/05-touchpoints/", wait_until="commit")
    box = page.locator(BOX)
    box.click()
    box.press_sequentially("жалобы", delay=30)  # fast typing, while the index is still loading
    pages = result_pages(page)
    assert pages[0] == server + "chapters/09-complaints-and-win-back/", pages
    assert not any("/trainer/" in p or "final-test" in p or "review" in p for p in pages)
    assert failed == [] and page.js_errors == []


def test_a_pasted_query_is_searched_and_the_last_query_wins(page, server):
    page.goto(server + "el/chapters/01-what-it-is/")
    box = page.locator(BOX)
    box.click()
    page.keyboard.insert_text("παράπονα")  # a paste raises "input" only, no keyup
    assert result_pages(page)[0] == server + "el/chapters/09-complaints-and-win-back/"
    box.fill("")
    page.keyboard.insert_text("κουτ")
    page.keyboard.insert_text("ιά")
    page.wait_for_function("() => document.querySelector('.md-search-result__item a')?.href.includes('opened-boxes')")
    assert result_pages(page)[0] == server + "el/cases/opened-boxes/"


WORDS = [
    ("el", "εξυπηρέτηση", "chapters/06-beyond-expectations/"),
    ("el", "ΕΞΥΠΗΡΕΤΗΣΗΣ", "chapters/06-beyond-expectations/"),
    ("el", "κουτιά", "cases/opened-boxes/"),
    ("el", "παράπονα", "chapters/09-complaints-and-win-back/"),
    ("el", "ικεα", "cases/ikea/"),
    ("el", "παραπονα", "chapters/09-complaints-and-win-back/"),
    ("el", "χειρονομιές", "cases/small-gestures/"),  # a misplaced accent
    ("ru", "жалобы", "chapters/09-complaints-and-win-back/"),
    ("ru", "маршрутка", "cases/minibus-driver/"),
    ("ru", "икея", "cases/ikea/"),
    ("ru", "нордстром", "cases/nordstrom/"),
    ("ru", "маршрудка", "cases/minibus-driver/"),  # one letter wrong
    ("ru", "жалобв", "chapters/09-complaints-and-win-back/"),  # one letter wrong
    ("en", "complants", "chapters/09-complaints-and-win-back/"),  # one letter missing
    ("en", "fishmogner", "cases/singing-fishmonger/"),  # two letters swapped
]


@pytest.mark.parametrize("lang", ["ru", "el", "en"])
def test_the_words_learners_type_find_their_page(page, server, lang):
    page.goto(server + LANGS[lang] + "chapters/02-why-it-pays/")
    open_search(page)
    misses = []
    for _, query, target in [w for w in WORDS if w[0] == lang]:
        pages = results(page, query)
        if server + LANGS[lang] + target not in pages[:3]:
            misses.append((query, pages[:3]))
        results(page, "")
    assert misses == []


@pytest.mark.parametrize("lang", ["ru", "el", "en"])
def test_learners_find_learner_pages_only_and_the_query_set_in_the_first_three(page, server, lang):
    root = server + LANGS[lang]
    page.goto(root + "cases/nordstrom/")
    open_search(page)
    misses, foreign = [], []
    for entry in QUERIES[lang]:
        pages = results(page, entry["q"])
        wanted = entry["page"] if isinstance(entry["page"], list) else [entry["page"]]
        if not any(root + w in pages[:3] for w in wanted):
            misses.append((entry["q"], pages[:3]))
        foreign += [p for p in pages if re.search(r"/(trainer|final-test|review|progress|certificate)/", p)
                    or not p.startswith(root) or (lang == "ru" and p.startswith((server + "el/", server + "en/")))]
        results(page, "")
    assert foreign == [], "a learner's search offers trainer, question-bank or other-language pages"
    assert misses == []


def test_a_trainer_page_searches_the_trainer_pages_below_the_chapters(page, server):
    page.goto(server + "en/trainer/09-complaints-and-win-back/")
    open_search(page)
    for entry in QUERIES["en"]:
        pages = results(page, entry["q"])
        wanted = entry["page"] if isinstance(entry["page"], list) else [entry["page"]]
        chapters = [i for i, p in enumerate(pages) if any(p == server + "en/" + w for w in wanted)]
        trainers = [i for i, p in enumerate(pages) if "/trainer/" in p]
        assert chapters, (entry["q"], pages[:5])
        assert not trainers or chapters[0] < trainers[0], (entry["q"], pages[:5])
        results(page, "")
    assert any("/en/trainer/" in p for p in results(page, "session plan"))


def test_a_chapter_page_makes_no_failed_request(page, server):
    failed = watch_failures(page)
    for path in ["chapters/04-internal-customer/", "el/cases/ikea/", "en/trainer/"]:
        page.goto(server + path)
        open_search(page)
        assert results(page, "ikea")
        page.wait_for_load_state("networkidle")
    assert failed == []
    assert page.outside_requests == [] and page.js_errors == []


def words_of_the_course(site: Path, prefix: str, letters: str = "[а-я]") -> list[str]:
    words = set()
    for name in ("learner", "trainer"):
        for doc in json.loads((site / prefix / "search" / f"{name}.json").read_text(encoding="utf-8")):
            text = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]).lower()
            text = unicodedata.normalize("NFC", re.sub("[\u0300-\u0305\u0307-\u036f]", "", unicodedata.normalize("NFD", text)))
            words.update(w for w in re.findall(r"\w+", text) if re.search(letters, w))
    return sorted(words)


@pytest.mark.parametrize("lang, prefix, letters, algorithm", [("ru", "", "[а-я]", "russian"), ("el", "el/", "[α-ω]", "greek")])
def test_the_browser_stems_every_word_of_the_course_as_python_snowball_does(page, server, built_site, lang, prefix, letters, algorithm):
    """The search worker's Russian and Greek stemmers (docs/assets/javascripts/workers/
    snowball-*.js) are Snowball's algorithms: Python's snowballstemmer gives the same stem for
    every word of the course in that language, as the index and the queries fold them."""
    snowballstemmer = pytest.importorskip("snowballstemmer")
    words = words_of_the_course(built_site, prefix, letters)
    assert len(words) > 4000
    page.goto(server + prefix + "chapters/01-what-it-is/")
    page.add_script_tag(url=server + f"assets/javascripts/workers/snowball-{lang}.js")
    browser = page.evaluate(f"words => words.map(w => self.courseStemmers.{lang}(w))", words)
    python = snowballstemmer.stemmer(algorithm).stemWords(words)
    assert [(w, b, p) for w, b, p in zip(words, browser, python) if b != p] == []
