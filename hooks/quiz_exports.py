"""What else the question bank gives trainers, in every language: answer keys (a page with
``answer_key: true`` in its front matter gets every quiz with its right answers and
explanations, in the order of the navigation, and a link to the GIFT file; a page with
``answer_key: <quiz id>``, such as a session plan, gets that one quiz) and a Moodle GIFT file
of the whole bank, ``downloads/course-questions-<lang>.gift.txt``.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from lib import quizbank, quizview
from lib.build import CONTEXT, bank as load

MARKER = "<!-- course-answer-key -->"


def gift_path(lang: str) -> str:
    return f"downloads/course-questions-{lang}.gift.txt"


def gift_escape(text: str) -> str:
    """A text inside a question: GIFT's special characters escaped with a backslash. ``->``
    has no backslash escape (Moodle reads the first ``->`` of a matching answer as the pair's
    arrow, and in a question with ``=`` answers as the sign of a matching question), so its
    ``>`` becomes ``&gt;``: every text is ``[markdown]``, which shows the entity as ``>``."""
    for char in "\\~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("->", "-&gt;").replace("\n", "\\n")


def gift_category(*names: str) -> str:
    """A ``$CATEGORY:`` line as Moodle's importer reads it. Moodle takes the rest of the line
    as is: it never unescapes ``\\:`` there (``Self-check\\: …`` would import as
    ``Self-check&&058; …``), and its own export writes categories unescaped. The one escape a
    category path knows is ``//`` for a ``/`` inside a name (``/`` separates the levels)."""
    return "$CATEGORY: " + "/".join(["$course$"] + [" ".join(n.replace("/", "//").split()) for n in names])


def gift_fraction(count: int) -> str:
    return f"{100 / count:.5f}".rstrip("0").rstrip(".")


def to_gift(bank: dict[str, quizbank.Quiz], lang: str, course: str, order: list[str]) -> str:
    """The bank as Moodle GIFT text: one category per quiz, Markdown texts kept as Markdown."""
    e = gift_escape
    out = [f"// {course}: self-check questions ({lang}). Import in Moodle: Question bank > Import > GIFT format.", ""]
    for name in order:
        quiz = bank[name]
        out += [gift_category(course, quiz.data["title"][lang]), ""]
        for q in quiz.questions:
            text = q["prompt"][lang]
            if "situation" in q:
                text = q["situation"][lang] + "\n\n" + text
            lines = [f"::{q['id']}::[markdown]{e(text)} {{"]
            if q["type"] == "truefalse":
                lines.append("TRUE" if q["answer"] else "FALSE")
            elif q["type"] == "ordering":
                for i, step in enumerate(q["steps"], 1):
                    lines.append(f"={e(step[lang])} -> {i}")
            elif q["type"] == "multiple":
                share = gift_fraction(sum(1 for o in q["options"] if o.get("correct")))
                for o in q["options"]:
                    weight = share if o.get("correct") else "-100"
                    feedback = f"#{e(o['feedback'][lang])}" if "feedback" in o else ""
                    lines.append(f"~%{weight}%{e(o['text'][lang])}{feedback}")
            else:
                for o in q["options"]:
                    feedback = f"#{e(o['feedback'][lang])}" if "feedback" in o else ""
                    lines.append(f"{'=' if o.get('correct') else '~'}{e(o['text'][lang])}{feedback}")
            lines.append(f"####{e(q['explanation'][lang])}")
            lines.append("}")
            out += lines + [""]
    return "\n".join(out)


def on_page_markdown(markdown_text, page, config, files):
    wanted = page.meta.get("answer_key")
    if not wanted:
        return markdown_text
    if wanted is not True and wanted not in load(config):
        raise PluginError(f"docs/{page.file.src_uri}: answer_key names quiz '{wanted}', but there is no quizzes/{wanted}.yml")
    return f"{markdown_text.rstrip()}\n\n{MARKER}\n"


def on_post_page(output, page, config):
    if not page.meta.get("answer_key") or MARKER not in output:  # the front matter first: cheaper than the page
        return output
    lang = CONTEXT.lang
    bank = load(config)
    wanted = page.meta["answer_key"]
    entries = [
        {"page": p, "url": get_relative_url(p.url, page.url), "quiz": quizview.cached_view(bank[p.meta["quiz"]], lang, config)}
        for p in CONTEXT.lessons(bank) if wanted in (True, p.meta["quiz"])
    ]
    html = CONTEXT.template("partials/answer-key.html").render(
        entries=entries, labels=CONTEXT.labels, single=wanted is not True,
        gift_url=get_relative_url(CONTEXT.prefix + gift_path(lang), page.url))
    return output.replace(MARKER, html, 1)


def on_post_build(config) -> None:
    lang = CONTEXT.lang
    bank = load(config)
    order = [p.meta["quiz"] for p in CONTEXT.lessons(bank)]
    target = Path(config.site_dir) / (CONTEXT.prefix + gift_path(lang))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(to_gift(bank, lang, config.site_name, order), encoding="utf-8")
