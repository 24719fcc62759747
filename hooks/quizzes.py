"""Self-check quizzes: a page names its quiz in front matter (``quiz: ch01-what-it-is``);
this hook renders that quiz from ``quizzes/`` in the page's language at the end of the page.
A page with ``question_bank: final`` or ``question_bank: review`` gets every question of the
bank instead, in navigation order, for the final test or for reviewing one's mistakes.

The bank is loaded and validated once per change of the files (hooks/quizbank.py). The build
stops when a page names a quiz that does not exist or a quiz file is used by no page.
Texts are Markdown rendered with the site's own extensions; raw HTML in them is shown as text.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from markupsafe import Markup
from mkdocs.utils import get_relative_url

import quizbank
import quizview

MARKER = "<!-- course-quiz -->"
PASS_MARK = 0.8
FINAL_TEST_SIZE = 20
BANK_MODES = ("final", "review")
_state: dict = {"used": set(), "pages": []}


def bank_dir(config) -> Path:
    return Path(config.config_file_path).parent / "quizzes"


def load(config) -> dict[str, quizbank.Quiz]:
    """The validated bank; a problem in it stops the build with every problem listed."""
    try:
        return quizbank.load_cached(bank_dir(config))
    except quizbank.QuizError as error:
        raise PluginError(str(error)) from None


def page_key(page, locale: str, default: str) -> str:
    """The page's address without its language prefix: the same for every language."""
    url = page.url
    prefix = f"{locale}/"
    return url[len(prefix):] if locale != default and url.startswith(prefix) else url


def on_pre_build(config) -> None:
    load(config)
    _state["used"] = set()
    _state.pop("bank_items", None)
    # once per language build: get_env() makes a new Jinja environment, and compiling the
    # template for every page would cost more than all the rest of the quiz rendering
    _state["template"] = config.theme.get_env().get_template("partials/quiz.html")


def on_nav(nav, config, files):
    _state["pages"] = list(nav.pages)
    return nav


def on_page_markdown(markdown_text, page, config, files):
    mode = page.meta.get("question_bank")
    if mode:
        if mode not in BANK_MODES:
            raise PluginError(f"docs/{page.file.src_uri}: question_bank must be one of {', '.join(BANK_MODES)}, not '{mode}'")
        return f"{markdown_text.rstrip()}\n\n{MARKER}\n"
    name = page.meta.get("quiz")
    if not name:
        return markdown_text
    if name not in load(config):
        raise PluginError(f"docs/{page.file.src_uri}: names quiz '{name}', but there is no quizzes/{name}.yml")
    _state["used"].add(name)
    heading = config.extra["labels"]["quiz_heading"]
    return f"{markdown_text.rstrip()}\n\n## {heading} {{#quiz}}\n\n{MARKER}\n"


def on_post_page(output, page, config):
    """Put the quiz in the finished page: after the search plugin has read the page's text, so
    the questions and their answers stay out of search results (and out of its work)."""
    mode = page.meta.get("question_bank")
    if mode:
        return output.replace(MARKER, render_bank(mode, page, config), 1)
    name = page.meta.get("quiz")
    if not name:
        return output
    i18n = config.plugins["i18n"]
    lang = i18n.current_language
    labels = config.extra["labels"]
    rendered = _state["template"].render(
        quiz=quizview.cached_view(load(config)[name], lang, config),
        labels=labels,
        pass_mark=PASS_MARK,
        page_key=page_key(page, lang, i18n.default_language),
    )
    return output.replace(MARKER, rendered, 1)


def render_bank(mode: str, page, config) -> str:
    lang = config.plugins["i18n"].current_language
    env = _state["template"].environment
    if _state.get("bank_items", (None,))[0] != lang:  # the same questions serve both bank pages
        bank = load(config)
        quizzes = [quizview.cached_view(bank[p.meta["quiz"]], lang, config) for p in _state["pages"] if p.meta.get("quiz") in bank]
        items = env.get_template("partials/question-bank-items.html").render(quizzes=quizzes, labels=config.extra["labels"])
        _state["bank_items"] = (lang, Markup(items))
    certificate = next((p for p in _state["pages"] if p.file.src_uri.endswith("/certificate.md")), None)
    return env.get_template("partials/question-bank.html").render(
        items=_state["bank_items"][1], mode=mode, labels=config.extra["labels"], pass_mark=PASS_MARK,
        size=FINAL_TEST_SIZE, certificate_url=get_relative_url(certificate.url, page.url) if certificate else None)


def on_post_build(config) -> None:
    unused = sorted(set(load(config)) - _state["used"])
    if unused:
        lang = config.plugins["i18n"].current_language
        raise PluginError(
            f"Quiz files used by no page in '{lang}' (name each in a page's front matter as 'quiz: <name>', or remove it):\n  "
            + "\n  ".join(f"quizzes/{name}.yml" for name in unused)
        )
