"""Self-check quizzes: a page names its quiz in front matter (``quiz: ch01-what-it-is``);
this hook renders that quiz from ``quizzes/`` in the page's language at the end of the page.
A page with ``question_bank: final`` or ``question_bank: review`` gets every question of the
bank instead, in navigation order, for the final test or for reviewing one's mistakes.

The bank is loaded and validated once per change of the files (hooks/lib/quizbank.py), and
every text is checked for links that cannot work in it. The build stops when a page names a
quiz that does not exist, when two pages name the same quiz, or when a quiz file is used by
no page. Texts are Markdown rendered with the site's own extensions; raw HTML in them is
shown as text.
"""
from __future__ import annotations

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from lib import build, quizview
from lib.build import CONTEXT, bank

MARKER = "<!-- course-quiz -->"
PASS_MARK = 0.8
FINAL_TEST_SIZE = 20
BANK_MODES = ("final", "review")
_state: dict = {"used": {}, "checked": None}


def on_pre_build(config) -> None:
    quizzes = bank(config)
    _state["used"] = {}
    _state.pop("bank_items", None)
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


def render_bank(mode: str, page, config) -> str:
    lang = CONTEXT.lang
    if _state.get("bank_items", (None,))[0] != lang:  # the same questions serve both bank pages
        quizzes = bank(config)
        views = [quizview.cached_view(quizzes[p.meta["quiz"]], lang, config) for p in CONTEXT.lessons(quizzes)]
        items = CONTEXT.template("partials/question-bank-items.html").render(quizzes=views, labels=CONTEXT.labels)
        _state["bank_items"] = (lang, Markup(items))
    certificate = next((p for p in CONTEXT.pages if p.file.src_uri.endswith("/certificate.md")), None)
    return CONTEXT.template("partials/question-bank.html").render(
        items=_state["bank_items"][1], mode=mode, labels=CONTEXT.labels, pass_mark=PASS_MARK,
        size=FINAL_TEST_SIZE, certificate_url=get_relative_url(certificate.url, page.url) if certificate else None)


def on_post_build(config) -> None:
    problems = [f"quizzes/{name}.yml is named by more than one page ({', '.join(pages)}): each quiz belongs to one page"
                for name, pages in sorted(_state["used"].items()) if len(pages) > 1]
    unused = sorted(set(bank(config)) - set(_state["used"]))
    problems += [f"quizzes/{name}.yml is used by no page in '{CONTEXT.lang}': name it in a page's front matter as "
                 f"'quiz: {name}', or remove it" for name in unused]
    if problems:
        raise PluginError("Quiz files and pages do not match:\n  " + "\n  ".join(problems))
