"""Self-check quizzes: a page names its quiz in front matter (``quiz: ch01-what-it-is``);
this hook renders that quiz from ``quizzes/`` in the page's language at the end of the page.

The bank is loaded and validated once per change of the files (hooks/quizbank.py). The build
stops when a page names a quiz that does not exist or a quiz file is used by no page.
Texts are Markdown rendered with the site's own extensions; raw HTML in them is shown as text.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import markdown
from markupsafe import Markup
from mkdocs.exceptions import PluginError

import quizbank

MARKER = "<!-- course-quiz -->"
PASS_MARK = 0.8
_state: dict = {"used": set()}


def bank_dir(config) -> Path:
    return Path(config.config_file_path).parent / "quizzes"


def load(config) -> dict[str, quizbank.Quiz]:
    """The validated bank; a problem in it stops the build with every problem listed."""
    try:
        return quizbank.load_cached(bank_dir(config))
    except quizbank.QuizError as error:
        raise PluginError(str(error)) from None


class TextRenderer:
    """Markdown for quiz texts, with the page's extensions, raw HTML escaped."""

    def __init__(self, config) -> None:
        self.md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)

    def block(self, text: str) -> Markup:
        self.md.reset()
        return Markup(self.md.convert(text.replace("&", "&amp;").replace("<", "&lt;")))

    def inline(self, text: str) -> Markup:
        html = str(self.block(text))
        match = re.fullmatch(r"<p>(.*)</p>", html, re.S)
        return Markup(match.group(1) if match and "<p>" not in match.group(1) else html)


def scrambled(qid: str, count: int) -> list[int]:
    """A stable order of steps that is never the right one (seeded by the question id)."""
    order = list(range(count))
    random.Random(qid).shuffle(order)
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


def view(quiz: quizbank.Quiz, lang: str, text: TextRenderer, labels: dict) -> dict:
    """The quiz in one language, as the template needs it."""
    questions = []
    for q in quiz.questions:
        item = {
            "id": q["id"],
            "type": q["type"],
            "prompt": text.inline(q["prompt"][lang]),
            "situation": text.block(q["situation"][lang]) if "situation" in q else None,
            "explanation": text.block(q["explanation"][lang]),
        }
        if q["type"] == "truefalse":
            item["options"] = [
                {"index": 0, "html": labels["answer_true"], "correct": q["answer"] is True, "feedback": None},
                {"index": 1, "html": labels["answer_false"], "correct": q["answer"] is False, "feedback": None},
            ]
        elif q["type"] == "ordering":
            steps = [{"position": i, "html": text.inline(s[lang])} for i, s in enumerate(q["steps"])]
            item["steps"] = steps
            item["shuffled_steps"] = [steps[i] for i in scrambled(q["id"], len(steps))]
        else:
            item["options"] = [
                {
                    "index": i,
                    "html": text.inline(o["text"][lang]),
                    "correct": o.get("correct", False),
                    "feedback": text.block(o["feedback"][lang]) if "feedback" in o else None,
                }
                for i, o in enumerate(q["options"])
            ]
        questions.append(item)
    return {"id": quiz.id, "title": text.inline(quiz.data["title"][lang]), "questions": questions}


def page_key(page, locale: str, default: str) -> str:
    """The page's address without its language prefix: the same for every language."""
    url = page.url
    prefix = f"{locale}/"
    return url[len(prefix):] if locale != default and url.startswith(prefix) else url


def on_pre_build(config) -> None:
    load(config)
    _state["used"] = set()
    _state["text"] = TextRenderer(config)


def on_page_markdown(markdown_text, page, config, files):
    name = page.meta.get("quiz")
    if not name:
        return markdown_text
    if name not in load(config):
        raise PluginError(f"docs/{page.file.src_uri}: names quiz '{name}', but there is no quizzes/{name}.yml")
    _state["used"].add(name)
    heading = config.extra["labels"]["quiz_heading"]
    return f"{markdown_text.rstrip()}\n\n## {heading} {{#quiz}}\n\n{MARKER}\n"


def on_page_content(html, page, config, files):
    name = page.meta.get("quiz")
    if not name:
        return html
    i18n = config.plugins["i18n"]
    lang = i18n.current_language
    labels = config.extra["labels"]
    template = config.theme.get_env().get_template("partials/quiz.html")
    rendered = template.render(
        quiz=view(load(config)[name], lang, _state["text"], labels),
        labels=labels,
        pass_mark=PASS_MARK,
        page_key=page_key(page, lang, i18n.default_language),
    )
    return html.replace(MARKER, rendered, 1)


def on_post_build(config) -> None:
    unused = sorted(set(load(config)) - _state["used"])
    if unused:
        lang = config.plugins["i18n"].current_language
        raise PluginError(
            f"Quiz files used by no page in '{lang}' (name each in a page's front matter as 'quiz: <name>', or remove it):\n  "
            + "\n  ".join(f"quizzes/{name}.yml" for name in unused)
        )
