"""What a session plan gives a trainer on paper: the plan alone (the default), the plan with its
answer key, or a one-chapter participant handout, chosen on the page (partials/print-options.html;
the choice is pure CSS, docs/assets/course.css, so it works from file:// and without scripts).

The handout is assembled from what the course already says, so it cannot drift from it: the
lesson's objectives and key takeaways, its "At work tomorrow" (or, for a case, "What to take into
your job") as a checklist to tick, the plan's discussion questions without their answers, and
lined space for notes. It goes in after the search plugin has read the page (on_post_page, as
the answer key does), so search does not find the chapter's text twice. Links are dropped from
it: paper cannot follow them.
"""
from __future__ import annotations

import re

from mkdocs.plugins import event_priority

from lib import quizview
from lib.build import CONTEXT, bank as load

MARKER = "<!-- course-handout -->"
# a page cut before each line that starts with "## "; a piece that opens with a heading carrying
# an id is a section (a lazy match up to the next heading tried a lookahead at every character)
LEVEL_2 = re.compile(r"^(?=## )", re.M)
SECTION = re.compile(r"## [^\n]*\{#([a-z0-9-]+)\}[ \t]*\n(.*)", re.S)
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
QUESTION = re.compile(r"^\d+\. \*\*(.+?)\*\*[ \t]*$", re.M)
# a top-level list item, or a paragraph that opens with its point in bold (one line each here)
ITEM = re.compile(r"^(?:- |\d+\. |(?=\*\*))(.+)$", re.M)
TABLE_ROW = re.compile(r"^\|(?!-)([^|]+)\|([^|]+)\|", re.M)
TRY_ON_THE_JOB = ("at-work-tomorrow", "in-your-job")


def sections(markdown_text: str) -> dict[str, str]:
    """The page's level-2 sections by their id, as Markdown (ids are the same in every language)."""
    pieces = (SECTION.match(piece) for piece in LEVEL_2.split(markdown_text))
    return {match.group(1): match.group(2).strip() for match in pieces if match}


def to_do(section: str) -> list[str]:
    """What a lesson asks the learner to do at work, one item each: its list items or bold-led
    paragraphs; for a lesson that puts it in a table (IKEA), each row's first two cells."""
    items = [i for i in ITEM.findall(section) if not i.startswith("|")]
    if items:
        return items
    rows = TABLE_ROW.findall(section)[1:]  # the first row is the table's header
    return [f"**{first.strip()}.** {second.strip()}" for first, second in rows]


def handout_parts(lesson_markdown: str, plan_markdown: str) -> dict:
    """The handout's content, as Markdown: pure, so a test can call it without a build."""
    lesson, plan = sections(lesson_markdown), sections(plan_markdown)
    on_the_job = next((lesson[key] for key in TRY_ON_THE_JOB if key in lesson), "")
    return {
        "objectives": LINK.sub(r"\1", lesson.get("objectives", "")),
        "takeaways": LINK.sub(r"\1", lesson.get("takeaways", "")),
        "checklist": "\n".join(f"- [ ] {item}" for item in to_do(LINK.sub(r"\1", on_the_job))),
        "questions": [LINK.sub(r"\1", q) for q in QUESTION.findall(plan.get("discussion", ""))],
    }


def is_session_plan(page) -> bool:
    answer_key = page.meta.get("answer_key")
    return bool(answer_key) and answer_key is not True


def on_page_markdown(markdown_text, page, config, files):
    if not is_session_plan(page):
        return markdown_text
    return f"{markdown_text.rstrip()}\n\n{MARKER}\n"


@event_priority(-50)  # after the search plugin has read the page
def on_post_page(output, page, config):
    if MARKER not in output:
        return output
    quiz = page.meta["answer_key"]
    lesson = next((p for p in CONTEXT.lessons(load(config)) if p.meta["quiz"] == quiz), None)
    if lesson is None:  # quiz_exports.py has already said what is wrong with the page's answer_key
        return output.replace(f"<p>{MARKER}</p>", "", 1)
    parts = handout_parts(lesson.markdown, page.markdown)
    render = quizview.renderer(config)  # the shared Markdown renderer: plain texts skip Markdown, each text once
    html = {key: render.block(value) for key, value in parts.items() if key != "questions"}
    questions = [render.block(q) for q in parts["questions"]]
    handout = CONTEXT.template("partials/handout.html").render(
        lesson=lesson, parts=html, questions=questions, labels=CONTEXT.labels, config=config)
    return output.replace(f"<p>{MARKER}</p>", handout, 1).replace(MARKER, handout, 1)
