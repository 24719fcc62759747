"""The glossary's terms marked in the pages (hooks/glossary.py mark()): the same <abbr> elements
as Markdown's abbr extension would make from the same definitions, on every page of the course."""
from __future__ import annotations

import html
import re
import sys

import markdown
import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import glossary  # noqa: E402

LANGS = ("ru", "el", "en")
TERMS = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))["terms"]
HEADING = re.compile(r"<(h[1-6])\b[^>]*>.*?</\1>", re.S)
ABBR = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.S)


@pytest.fixture(scope="module")
def site_markdown():
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.markdown_extensions, config.mdx_configs


def finder(lang: str):
    glossary._cache["finders"].pop(lang, None)
    return glossary.finder(TERMS, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_gets_the_marks_markdowns_abbr_extension_would_give(site_markdown, lang):
    extensions, configs = site_markdown
    automaton, tooltips = finder(lang)
    unescaped = {form: html.unescape(tooltip) for form, tooltip in tooltips.items()}
    pages = [p for p in sorted((ROOT / "docs" / lang).rglob("*.md")) if "glossary: true" not in p.read_text(encoding="utf-8")]
    marked = 0
    for path in pages:
        text, _ = get_data(path.read_text(encoding="utf-8"))
        plain = markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)
        with_abbr = markdown.Markdown(extensions=extensions, extension_configs={**configs, "abbr": {"glossary": unescaped}}).convert(text)
        expected = HEADING.sub(lambda m: ABBR.sub(r"\1", m.group(0)), with_abbr)  # headings stay plain
        assert glossary.mark(plain, automaton, tooltips) == expected, path
        marked += expected.count("<abbr")
    assert marked > 300  # the course's text is full of its terms


def test_only_whole_words_in_text_are_marked_the_longest_form_first():
    automaton, tooltips = finder("en")
    forms = sorted(tooltips, key=len)
    short = next(f for f in forms if any(o != f and o.startswith(f + " ") for o in forms))
    long = next(o for o in forms if o.startswith(short + " "))
    markup = (f'<p title="{short}">{long}, {short}s and x{short}; {short}.</p>'
              f'<h2 id="a">{short}</h2><code>{short}</code><figure class="diagram">{short}</figure><a href="#{short}">{short}</a>')
    out = glossary.mark(markup, automaton, tooltips)
    assert re.findall(r"<abbr [^>]*>(.*?)</abbr>", out) == [long, short, short]
    assert out.startswith(f'<p title="{short}"><abbr title="{tooltips[long]}">{long}</abbr>, {short}s and x{short}; <abbr')
    assert f'<h2 id="a">{short}</h2><code>{short}</code><figure class="diagram">{short}</figure>' in out
    assert glossary.mark("<p>nothing here</p>", automaton, tooltips) == "<p>nothing here</p>"
