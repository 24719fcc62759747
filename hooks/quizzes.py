"""Self-check quizzes: a page names its quiz in front matter (``quiz: ch01-what-it-is``);
this hook renders that quiz from ``quizzes/`` in the page's language at the end of the page.
A page with ``question_bank: final`` or ``question_bank: review`` draws on every question of the
bank instead, for the final test or for reviewing one's mistakes: the page carries one question
skeleton (``<template>``s from overrides/partials/question-bank.html) and the bank comes once,
as compact data in ``assets/course-bank-<lang>.js`` (a classic script that sets
``window.courseBank``: cached, and readable from file://), from which docs/assets/bank.js
renders only the questions drawn. The whole bank as hidden forms made each of those pages
800 KB of HTML and 7,500 elements.

The bank is loaded and validated once per change of the files (hooks/lib/quizbank.py), and
every text is checked for links that cannot work in it. The build stops when a page names a
quiz that does not exist, when two pages name the same quiz, or when a quiz file is used by
no page. Texts are Markdown rendered with the site's own extensions; raw HTML in them is
shown as text.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

import hashlib
import json
from pathlib import Path

from lib import quizview, typography
from lib.build import CONTEXT, bank

MARKER = "<!-- course-quiz -->"
PASS_MARK = 0.8
FINAL_TEST_SIZE = 20
BANK_MODES = ("final", "review")
_state: dict = {"used": {}, "checked": None}


def on_pre_build(config) -> None:
    quizzes = bank(config)
    _state["used"] = {}
    _state.pop("bank_data", None)
    if _state["checked"] is not quizzes:  # once per version of the bank, not per language
        problems = quizview.link_problems(quizzes, quizview.renderer(config))
        if problems:
            raise PluginError("Links in the question bank that cannot work:\n  " + "\n  ".join(problems))
        _state["checked"] = quizzes


def on_page_markdown(markdown_text, page, config, files):
    mode = page.meta.get("question_bank")
    if mode:
        if mode not in BANK_MODES:
            raise PluginError(f"docs/{page.file.src_uri}: question_bank must be one of {', '.join(BANK_MODES)}, not '{mode}'")
        return f"{markdown_text.rstrip()}\n\n{MARKER}\n"
    name = page.meta.get("quiz")
    if not name:
        return markdown_text
    if name not in bank(config):
        raise PluginError(f"docs/{page.file.src_uri}: names quiz '{name}', but there is no quizzes/{name}.yml")
    _state["used"].setdefault(name, []).append(f"docs/{page.file.src_uri}")
    return f"{markdown_text.rstrip()}\n\n## {CONTEXT.labels['quiz_heading']} {{#quiz}}\n\n{MARKER}\n"


def on_post_page(output, page, config):
    """Put the quiz in the finished page: after the search plugin has read the page's text, so
    the questions and their answers stay out of search results (and out of its work)."""
    mode = page.meta.get("question_bank")
    if mode:
        return output.replace(MARKER, render_bank(mode, page, config), 1)
    name = page.meta.get("quiz")
    if not name:
        return output
    rendered = CONTEXT.template("partials/quiz.html").render(
        quiz=quizview.cached_view(bank(config)[name], CONTEXT.lang, config),
        labels=CONTEXT.labels,
        pass_mark=PASS_MARK,
        page_key=CONTEXT.page_key(page),
        scorm=bool(config.extra.get("scorm")),  # a SCORM package: the LMS's wording as well
    )
    return output.replace(MARKER, rendered, 1)


def bank_file(lang: str) -> str:
    return f"assets/course-bank-{lang}.js"


def bank_data(config) -> tuple[str, str]:
    """The bank of this language as a script (and the hash its address carries), made once per
    language build. Each question: [id, quiz, type, key, situation, prompt, explanation, items];
    items are [id, html, right, feedback] options, or [id, html] steps in the right order. The
    texts get the same typography as the pages."""
    lang = CONTEXT.lang
    if _state.get("bank_data", (None,))[0] != lang:
        quizzes = bank(config)
        set_ = lambda html: str(html) if html else None  # noqa: E731
        rows = []
        for p in CONTEXT.lessons(quizzes):
            view = quizview.cached_view(quizzes[p.meta["quiz"]], lang, config)
            for q in view["questions"]:
                items = ([[st["id"], set_(st["html"])] for st in q["steps"]] if q["type"] == "ordering" else
                         [[o["id"], set_(o["html"]), 1 if o["correct"] else 0, set_(o["feedback"])] for o in q["options"]])
                rows.append([q["id"], view["id"], q["type"], q["key"], set_(q["situation"]), set_(q["prompt"]),
                             set_(q["explanation"]), items])
        # typography over the whole JSON at once: its pattern never matches a quote, so it stays
        # inside one text; JSON itself has no space after a digit (compact separators)
        text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
        text = typography.html(text, lang).replace("<", "\\u003c")
        script = f"/* Question bank ({lang}), written by hooks/quizzes.py. */\nwindow.courseBank={text};\n"
        _state["bank_data"] = (lang, script, hashlib.sha256(script.encode()).hexdigest()[:10])
    return _state["bank_data"][1], _state["bank_data"][2]


def render_bank(mode: str, page, config) -> str:
    _, digest = bank_data(config)
    certificate = CONTEXT.learner_page("certificate")
    return CONTEXT.template("partials/question-bank.html").render(
        mode=mode, labels=CONTEXT.labels, pass_mark=PASS_MARK, size=FINAL_TEST_SIZE,
        bank_src=get_relative_url(bank_file(CONTEXT.lang), page.url) + f"?v={digest}",
        certificate_url=get_relative_url(certificate.url, page.url) if certificate else None)


def on_post_build(config) -> None:
    if any(p.meta.get("question_bank") for p in CONTEXT.pages):
        script, _ = bank_data(config)
        target = Path(config.site_dir) / bank_file(CONTEXT.lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(script, encoding="utf-8")
    problems = [f"quizzes/{name}.yml is named by more than one page ({', '.join(pages)}): each quiz belongs to one page"
                for name, pages in sorted(_state["used"].items()) if len(pages) > 1]
    unused = sorted(set(bank(config)) - set(_state["used"]))
    problems += [f"quizzes/{name}.yml is used by no page in '{CONTEXT.lang}': name it in a page's front matter as "
                 f"'quiz: {name}', or remove it" for name in unused]
    if problems:
        raise PluginError("Quiz files and pages do not match:\n  " + "\n  ".join(problems))
