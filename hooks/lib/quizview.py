"""A quiz as a page shows it: texts rendered from Markdown in one language, steps scrambled.

hooks/quizzes.py (the quiz on its page) and hooks/quiz_exports.py (the answer key) both use
it, and share its cache, so each quiz is rendered once per language.
"""
from __future__ import annotations

import functools
import hashlib
import random
import re

import markdown
from html import unescape
from markupsafe import Markup, escape

from lib import quizbank
from lib.fields import Fields
from lib.links import link_problem

_views: dict = {}


class TextRenderer:
    """Markdown for quiz texts, with the page's extensions, raw HTML escaped.

    Most texts are plain sentences: those skip the Markdown engine (the same HTML comes out,
    at a fraction of the cost: the budget is 20% of the site's build time for all quiz hooks).
    """

    # What can make Markdown (or pymdownx.smartsymbols) change a text; anything else is already
    # its own HTML once escaped: a special character, "--", "->" ("<-" has "<"), "...", (c), 1/2,
    # +/-, =/=, c/o, 1st, or a list marker at the start. Each sequence is looked for only where
    # a character it needs is in the text: one pattern with every alternative tried them all at
    # every character, and was most of the time of showing a quiz text.
    SPECIAL_CHARACTER = re.compile(r"[*_`\[\]!<>&#|~^{}\\\n]")
    PARENTHESISED = re.compile(r"\(\w{1,2}\)")
    SLASHED = re.compile(r"\d/\d|\+/-|=/=|c/o")
    ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b")
    LIST_START = re.compile(r"\s*(?:[-+]\s|\d+[.)]\s)")

    @classmethod
    def plain(cls, text: str) -> bool:
        """Whether Markdown would leave the text as it is, once escaped."""
        return not (cls.SPECIAL_CHARACTER.search(text) or "--" in text or "->" in text or "..." in text
                    or ("(" in text and cls.PARENTHESISED.search(text)) or ("/" in text and cls.SLASHED.search(text))
                    or cls.ORDINAL.search(text) or cls.LIST_START.match(text))

    def __init__(self, config) -> None:
        self.md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        self.cache: dict[tuple[str, bool], Markup] = {}

    def render(self, text: str, inline: bool) -> Markup:
        key = (text, inline)
        if key not in self.cache:
            if self.plain(text):
                html = escape(text.strip())
                self.cache[key] = html if inline else Markup(f"<p>{html}</p>")
            else:
                self.md.reset()
                html = self.md.convert(text.replace("&", "&amp;").replace("<", "&lt;"))
                match = re.fullmatch(r"<p>(.*)</p>", html, re.S)
                if inline and match and "<p>" not in match.group(1):
                    html = match.group(1)
                self.cache[key] = Markup(html)
        return self.cache[key]

    def block(self, text: str) -> Markup:
        return self.render(text, inline=False)

    def inline(self, text: str) -> Markup:
        return self.render(text, inline=True)


def scrambled(qid: str, count: int) -> list[int]:
    """A stable order of steps that is never the right one (seeded by the question id)."""
    order = list(range(count))
    random.Random(qid).shuffle(order)
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


def fnv1a(text: str) -> str:
    """FNV-1a, 32 bits, as 8 hex digits: the same function as course-core.js's, so the browser can
    compute a learner's choice's fingerprint and compare it with the question's key. Only ASCII
    goes in (a type and option ids), so UTF-16 code units and bytes agree."""
    value = 0x811C9DC5
    for char in text:
        value ^= ord(char)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return f"{value:08x}"


LANGUAGES = sorted(quizbank.LANGUAGE_NAMES)


def text_id(text: dict) -> str:
    """A stable id for an option or a step: a short hash of its text in every language (spaces
    folded). Ids go by meaning, not by position, so a stored answer still means the same after
    the options are reordered; a reworded option gets a new id, and an answer that chose it
    can no longer be shown (see fingerprint())."""
    return _text_id(tuple(text[lang] for lang in LANGUAGES))


@functools.lru_cache(maxsize=None)  # each text is asked for by every language's view and course map
def _text_id(texts: tuple[str, ...]) -> str:
    joined = "\x1f".join(" ".join(text.split()) for text in texts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:8]


def _unique(ids: list[str]) -> list[str]:
    """Two options with the same text would share an id: number the later ones."""
    seen: dict[str, int] = {}
    out = []
    for i in ids:
        seen[i] = seen.get(i, 0) + 1
        out.append(i if seen[i] == 1 else f"{i}-{seen[i]}")
    return out


def item_ids(question: dict) -> list[str]:
    """The ids of a question's options (or steps), in the order of the quiz file."""
    if question["type"] == "truefalse":
        return ["true", "false"]
    if question["type"] == "ordering":
        return _unique([text_id(step) for step in question["steps"]])
    return _unique([text_id(option["text"]) for option in question["options"]])


def choice_key(kind: str, ids: list[str]) -> str:
    """The fingerprint of an answer: type and chosen ids (sorted, except for ordering, where the
    order is the answer). course-core.js computes the same for the learner's choice."""
    chosen = list(ids) if kind == "ordering" else sorted(ids)
    return fnv1a(kind + ":" + ",".join(chosen))


def right_ids(question: dict) -> list[str]:
    """The right answer as option ids (the steps' ids in order, for an ordering question)."""
    ids = item_ids(question)
    if question["type"] == "ordering":
        return ids
    if question["type"] == "truefalse":
        return ["true" if question["answer"] is True else "false"]
    return [i for i, o in zip(ids, question["options"]) if o.get("correct", False)]


def fingerprint(question: dict) -> str:
    """The question's key: the fingerprint of its right answer. A stored answer carries the key
    it was given under; when the key differs (the right answer, the type or a right option's
    text changed), the answer reads as unanswered and is never shown."""
    return choice_key(question["type"], right_ids(question))


_ids: dict[str, tuple] = {}


def question_ids(question: dict) -> tuple[list[str], str]:
    """item_ids() and fingerprint() of a question of the bank, worked out once per version of the
    bank: they are the same in every language, and every language's view and course map ask."""
    cached = _ids.get(question["id"])
    if cached is None or cached[0] is not question:  # a new question, or the bank was read again
        cached = _ids[question["id"]] = (question, item_ids(question), fingerprint(question))
    return cached[1], cached[2]


def view(quiz: quizbank.Quiz, lang: str, text: TextRenderer, labels: dict) -> dict:
    """The quiz in one language, as the template needs it (Fields: read by attribute at once)."""
    questions = []
    for q in quiz.questions:
        ids, key = question_ids(q)
        item = Fields(
            id=q["id"],
            type=q["type"],
            prompt=text.inline(q["prompt"][lang]),
            situation=text.block(q["situation"][lang]) if "situation" in q else None,
            explanation=text.block(q["explanation"][lang]),
            key=key,
        )
        if q["type"] == "truefalse":
            item["options"] = [
                Fields(index=0, id="true", html=labels["answer_true"], correct=q["answer"] is True, feedback=None),
                Fields(index=1, id="false", html=labels["answer_false"], correct=q["answer"] is False, feedback=None),
            ]
        elif q["type"] == "ordering":
            steps = [Fields(position=i, id=ids[i], html=text.inline(s[lang])) for i, s in enumerate(q["steps"])]
            item["steps"] = steps
            item["shuffled_steps"] = [steps[i] for i in scrambled(q["id"], len(steps))]
        else:
            item["options"] = [
                Fields(
                    index=i,
                    id=ids[i],
                    html=text.inline(o["text"][lang]),
                    correct=o.get("correct", False),
                    feedback=text.block(o["feedback"][lang]) if "feedback" in o else None,
                )
                for i, o in enumerate(q["options"])
            ]
        questions.append(item)
    return Fields(id=quiz.id, title=text.inline(quiz.data["title"][lang]), questions=questions)


def renderer(config) -> TextRenderer:
    """One Markdown renderer for quiz texts per process (the extensions are the same for every
    language); its cache means each text is rendered once."""
    if "renderer" not in _views:
        _views["renderer"] = TextRenderer(config)
    return _views["renderer"]


def cached_view(quiz: quizbank.Quiz, lang: str, config) -> dict:
    """view(), once per quiz, language and version of the bank."""
    key = (quiz.id, lang)
    cached = _views.get(key)
    if cached is None or cached[0] is not quiz.data:  # the bank was reloaded (mkdocs serve)
        cached = _views[key] = (quiz.data, view(quiz, lang, renderer(config), config.extra["labels"]))
    return cached[1]


def texts_of(question: dict):
    """(field, text object) for every text of a question, as a maintainer would name them."""
    for key in ("prompt", "situation", "explanation"):
        if key in question:
            yield key, question[key]
    for i, option in enumerate(question.get("options", []), 1):
        yield f"option {i}", option["text"]
        if "feedback" in option:
            yield f"option {i} feedback", option["feedback"]
    for i, step in enumerate(question.get("steps", []), 1):
        yield f"step {i}", step


def link_problems(bank: dict[str, quizbank.Quiz], renderer: TextRenderer) -> list[str]:
    """Links in quiz texts that must not be there, found in the HTML the texts render to (so
    every way Markdown has of writing a link counts): code-running schemes, and relative links,
    which break because a question shows on several pages (its chapter, the answer key, the
    final test, review)."""
    problems = []
    for quiz in bank.values():
        where = f"quizzes/{quiz.path.name}"
        texts = [("title", quiz.data["title"])]
        for question in quiz.questions:
            texts += [(f"question {question['id']}: {field}", text) for field, text in texts_of(question)]
        for field, text in texts:
            for lang in quizbank.LANGUAGE_NAMES:
                if "](" not in text[lang] and "]:" not in text[lang] and ":" not in text[lang]:
                    continue  # no way to write a link
                if renderer.plain(text[lang]):
                    continue  # shown escaped, as it is: no tag, so no link
                for url in LINK_TARGET.findall(str(renderer.render(text[lang], inline=False))):
                    problem = link_problem(unescape(url), relative_ok=False)
                    if problem:
                        problems.append(f"{where}: {field} ({lang}): {problem}")
    return problems


LINK_TARGET = re.compile(r'\s(?:href|src)="([^"]*)"')
