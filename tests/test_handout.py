"""The participant handout's parts cut from the lesson's rendered HTML (hooks/handout.py) are what
Markdown makes of the same sections: for every lesson of the course, and for sections written so
that only Markdown can tell (which must then be rendered from their Markdown)."""
from __future__ import annotations

import os
import sys

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from conftest import LANGS, ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import handout  # noqa: E402
from lib import quizview  # noqa: E402


class CountingRenderer(quizview.TextRenderer):
    """The hooks' renderer, counting the texts it hands to Markdown."""

    def __init__(self, config) -> None:
        super().__init__(config)
        self.converted = 0

    def render(self, text, inline):
        self.converted += (text, inline) not in self.cache and not self.plain(text)
        return super().render(text, inline)


@pytest.fixture(scope="module")
def config():
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return load_config(str(ROOT / "mkdocs.yml"))


def page_html(config, text: str) -> str:
    """A page's content as MkDocs renders it (links stay links; the glossary's tooltips are added
    by the build alone)."""
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs).convert(text)


def both_ways(config, lesson: str) -> tuple[dict, dict, int]:
    """The parts cut from the page's HTML, the parts rendered from Markdown, and how many texts
    the cut still sent to Markdown."""
    cut_renderer, markdown_renderer = CountingRenderer(config), CountingRenderer(config)
    cut_renderer.render("- [ ] FIRST\n- [ ] SECOND", False)  # what task_list learns once per build
    cut_renderer.converted = 0
    handout._task_list.clear()
    cut = handout.cut_parts(lesson, page_html(config, lesson), cut_renderer)
    rendered = handout.cut_parts(lesson, None, markdown_renderer)
    return {k: str(v) for k, v in cut.items()}, {k: str(v) for k, v in rendered.items()}, cut_renderer.converted


def lessons() -> list:
    found = []
    for lang in LANGS:
        for path in sorted((ROOT / "docs" / lang).rglob("*.md")):
            text, meta = get_data(path.read_text(encoding="utf-8"))
            if meta.get("quiz"):
                found.append(pytest.param(text, id=f"{lang}/{path.relative_to(ROOT / 'docs' / lang).as_posix()}"))
    return found


@pytest.mark.parametrize("lesson", lessons())
def test_every_lesson_gives_the_same_handout_from_its_html(config, lesson):
    cut, rendered, converted = both_ways(config, lesson)
    assert cut == rendered
    assert converted == 0, "a part of a lesson of the course was rendered from Markdown again"


TRICKY = {
    "raw HTML": "## Objectives {#objectives}\n\n- Learn <b>this</b>\n- and that\n",
    "an entity": "## Objectives {#objectives}\n\n- Tom &amp; Jerry\n",
    "a lone ampersand": "## Objectives {#objectives}\n\n- Tom & Jerry\n",
    "code": "## Takeaways {#takeaways}\n\n- Say `hello`\n",
    "a reference link": "## Takeaways {#takeaways}\n\n- See [the guide][g]\n\n[g]: https://example.com\n",
    "a link with brackets in its address": "## Takeaways {#takeaways}\n\n- See [the page](https://e.com/a_(b)) now\n",
    "an image": "## Takeaways {#takeaways}\n\n- See ![a](x.png) now\n",
    "a footnote": "## Takeaways {#takeaways}\n\n- A fact[^1]\n\n[^1]: A source\n",
    "a subheading": "## Takeaways {#takeaways}\n\n### First\n\n- one\n",
    "an underlined heading": "## Takeaways {#takeaways}\n\nFirst\n-----\n\n- one\n",
    "an item on two lines": "## At work tomorrow {#at-work-tomorrow}\n\n- **Do this at once.** Then\n  that as well\n- Another\n",
    "a lazy line": "## At work tomorrow {#at-work-tomorrow}\n\n**Do this at once.** Then\nthat as well\n",
    "a list right after a paragraph": "## At work tomorrow {#at-work-tomorrow}\n\nIntro:\n- one\n- two\n",
    "a loose list": "## At work tomorrow {#at-work-tomorrow}\n\n- one\n\n- **two** and [a link](https://e.com)\n",
    "bold paragraphs and a note": "## At work tomorrow {#at-work-tomorrow}\n\n**One.** Do it.\n\n!!! tip \"Note\"\n    **Not** an item.\n\n**Two.** Do that.\n",
    "a nested list": "## At work tomorrow {#at-work-tomorrow}\n\n- one\n    - one a\n- two\n",
    "two kinds of list": "## At work tomorrow {#at-work-tomorrow}\n\n- one\n1. two\n",
    "a table": "## In your job {#in-your-job}\n\n| Rule | Question | Example |\n|---|---|---|\n| Be kind | Am I? | Smile |\n| Be quick | Am I? | Answer |\n",
    "a table with markup": "## In your job {#in-your-job}\n\n| Rule | Question |\n|---|---|\n| Be *kind* | Am I? |\n",
    "no such section": "## Something else {#other}\n\nText.\n",
}


@pytest.mark.parametrize("lesson", TRICKY.values(), ids=TRICKY.keys())
def test_a_section_only_markdown_can_tell_is_rendered_from_markdown(config, lesson):
    cut, rendered, _ = both_ways(config, lesson + "\n## Self-check {#quiz}\n\n<!-- course-quiz -->\n")
    assert cut == rendered
