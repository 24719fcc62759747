"""What a session plan gives a trainer on paper: the plan alone (the default), the plan with its
answer key, or a one-chapter participant handout, chosen on the page (partials/print-options.html;
the choice is pure CSS, docs/assets/course.css, so it works from file:// and without scripts).

The handout is assembled from what the course already says, so it cannot drift from it: the
lesson's objectives and key takeaways, its "At work tomorrow" (or, for a case, "What to take into
your job") as a checklist to tick, the plan's discussion questions without their answers, and
lined space for notes. It goes in after the search plugin has read the page (on_post_page, as
the answer key does), so search does not find the chapter's text twice. Links are dropped from
it: paper cannot follow them.

The parts are cut from the lesson's HTML, which MkDocs has rendered before any page reaches
on_post_page: running Markdown again over the same sections was this hook's whole cost. What the
section's Markdown decides (which lines are the checklist's items) is still read from the
Markdown; a section whose Markdown the page renders differently from Markdown alone (raw HTML,
code, headings, reference links…) is rendered from its Markdown as before.
"""
from __future__ import annotations

import re

from markupsafe import Markup
from mkdocs.plugins import event_priority

from lib import quizview
from lib.build import CONTEXT, bank as load

MARKER = "<!-- course-handout -->"
# a page cut before each line that starts with "## " (found from the line break before it: a
# pattern that starts with a literal lets the regex engine skip ahead, "^" is tried at every
# character); a piece that opens with a heading carrying an id is a section
LEVEL_2 = re.compile(r"\n## ")
SECTION = re.compile(r"## [^\n]*\{#([a-z0-9-]+)\}[ \t]*\n(.*)", re.S)
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
QUESTION = re.compile(r"^\d+\. \*\*(.+?)\*\*[ \t]*$", re.M)
# a top-level list item, or a paragraph that opens with its point in bold (one line each here)
ITEM = re.compile(r"^(?:- |\d+\. |(?=\*\*))(.+)$", re.M)
TABLE_ROW = re.compile(r"^\|(?!-)([^|]+)\|([^|]+)\|", re.M)
TRY_ON_THE_JOB = ("at-work-tomorrow", "in-your-job")


def sections(markdown_text: str) -> dict[str, str]:
    """The page's level-2 sections by their id, as Markdown (ids are the same in every language)."""
    cuts = [0, *(found.start() + 1 for found in LEVEL_2.finditer(markdown_text)), len(markdown_text)]
    pieces = (SECTION.match(markdown_text, start, end) for start, end in zip(cuts, cuts[1:]))
    return {match.group(1): match.group(2).strip() for match in pieces if match}


def to_do(section: str) -> list[str]:
    """What a lesson asks the learner to do at work, one item each: its list items or bold-led
    paragraphs; for a lesson that puts it in a table (IKEA), each row's first two cells."""
    items = [i for i in ITEM.findall(section) if not i.startswith("|")]
    if items:
        return items
    return [f"**{first}.** {second}" for first, second in table_rows(section)]


def table_rows(section: str) -> list[tuple[str, str]]:
    """The first two cells of each row of the section's table, its header row left out."""
    return [(first.strip(), second.strip()) for first, second in TABLE_ROW.findall(section)[1:]]


# --- The same parts cut from the lesson's HTML ---------------------------------------------------

# a link whose text and address leave no doubt about what LINK makes of it
SIMPLE_LINK = re.compile(r"\[([^\[\]]+)\]\([^()\s<>]*\)")
# what makes the page render a section otherwise than Markdown given the section alone (with its
# links as text, raw HTML escaped): raw HTML or entities (a lone & is &amp; either way), code,
# escapes, attribute lists, images, any other bracket (reference links, footnotes, abbreviations,
# task boxes), headings of any kind
# (a line's start found from the line break before it: renders_alike puts one before the text)
RENDERED_APART = re.compile(r"[<`\\{\[\]]|&#?\w+;|\n {0,3}(?:#|(?:=+|-+)[ \t]*$)", re.M)
H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>.*?</h2>\n?', re.S)
UNWRAPPED = re.compile(r"</?(?:a|abbr)\b[^>]*>")  # links (paper cannot follow them), glossary tooltips
APART_IN_HTML = re.compile(r'<h[1-6]\b|class="footnote')  # a heading; the page's footnotes, put after its end
BLOCK = re.compile(r"<(/?)(ul|ol|li|p|div|table|details|blockquote|dl|figure|pre)\b[^>]*>")
LOOSE_ITEM = re.compile(r"\n<p>((?:(?!</?p\b).)*)</p>\n", re.S)
NUMBERED = re.compile(r"\d+\. ")
TAGS = re.compile(r"<[^>]*>")
WORDS = re.compile(r"\w+")


def renders_alike(section: str) -> bool:
    """Whether the page's HTML of this section, its links and tooltips unwrapped, is what Markdown
    makes of the section alone once LINK has replaced its links by their text."""
    return bool(section) and "![" not in section and not RENDERED_APART.search("\n" + SIMPLE_LINK.sub("", section))


def html_sections(content: str) -> dict[str, str]:
    """The page's rendered level-2 sections by the id of their heading."""
    pieces = H2.split(content)  # [before, id, body, id, body, ...]
    return {pieces[i]: pieces[i + 1].strip() for i in range(1, len(pieces) - 1, 2)}


def marker(line: str) -> str | None:
    """The kind of list a Markdown line is an item of: "-", "1." or None."""
    return "-" if line.startswith("- ") else "1." if NUMBERED.match(line) else None


def single_line_items(section: str) -> bool:
    """Whether every checklist item of the section is one line (to_do keeps an item's first line,
    the page's HTML holds all of it): after an item comes a blank line, the end, or the next
    item of the same list."""
    lines = section.split("\n")
    for line, after in zip(lines, lines[1:]):
        kind = marker(line)
        if (kind or line.startswith("**")) and after.strip() and (kind is None or marker(after) != kind):
            return False
    return True


def top_level_items(html: str) -> list[str] | None:
    """The inner HTML of each item of the section's top-level lists and of each top-level
    paragraph that opens with <strong>, in order; None when an item holds a block of its own."""
    items, stack, start = [], [], 0
    for tag in BLOCK.finditer(html):
        closing, name = tag.groups()
        if not closing:
            if (name == "li" and len(stack) == 1 and stack[0] in ("ul", "ol")) or (name == "p" and not stack):
                start = tag.end()
            stack.append(name)
            continue
        if not stack or stack.pop() != name:
            return None  # not the HTML Markdown writes
        if name == "p" and not stack:
            inner = html[start:tag.start()]
            if inner.startswith("<strong>"):
                items.append(inner)
        elif name == "li" and len(stack) == 1:
            inner = html[start:tag.start()]
            if BLOCK.search(inner):
                loose = LOOSE_ITEM.fullmatch(inner)  # an item of a list with blank lines between
                if not loose or BLOCK.search(loose.group(1)):
                    return None
                inner = loose.group(1)
            items.append(inner)
    return items if not stack else None


def plain(text: str) -> bool:
    """A text that Markdown leaves as it is (what the quiz texts' fast path relies on)."""
    return bool(text) and quizview.TextRenderer.plain(text)


def same_start(html: str, markdown_text: str) -> bool:
    """Whether an item cut from the page begins with the words of the item read from the Markdown
    (a check that the two lists pair up)."""
    return "".join(WORDS.findall(TAGS.sub("", html)))[:12] == "".join(WORDS.findall(markdown_text))[:12]


_task_list: dict = {}


def task_list(items: list[str], render: quizview.TextRenderer) -> Markup:
    """A task list of items given as HTML, as Markdown writes "- [ ] item" lines: the markup around
    the items is learnt once from Markdown itself (pymdownx.tasklist and its options)."""
    if render not in _task_list:
        probe = str(render.block("- [ ] FIRST\n- [ ] SECOND"))
        first, second = probe.index("FIRST"), probe.index("SECOND")
        _task_list.clear()
        _task_list[render] = (probe[:first], probe[first + 5:second], probe[second + 6:])
    head, between, tail = _task_list[render]
    return Markup(head + between.join(items) + tail)


def checklist_items(section: str, html: str | None) -> list[str] | None:
    """The checklist's items (to_do) as HTML: cut from the page's HTML of the section, or for a
    table made from its cells when Markdown leaves them as they are; None when only Markdown
    can tell."""
    text = LINK.sub(r"\1", section)
    items = [i for i in ITEM.findall(text) if not i.startswith("|")]
    if not items:
        rows = table_rows(text)
        if rows and all(plain(cell) for row in rows for cell in row):
            return [f"<strong>{first}.</strong> {second}" for first, second in rows]  # "**first.** second"
        return None
    if (html is None or not renders_alike(section) or not single_line_items(section) or APART_IN_HTML.search(html)
            or any(item != item.strip() for item in items)):
        return None
    cut = top_level_items(html)
    if cut is None or len(cut) != len(items) or not all(map(same_start, cut, items)):
        return None
    return [UNWRAPPED.sub("", item) for item in cut]


def cut_parts(lesson_markdown: str, lesson_html: str | None, render: quizview.TextRenderer) -> dict:
    """Objectives, takeaways and checklist as HTML: cut from the lesson's page where it renders
    them as Markdown alone would, else rendered from their Markdown."""
    lesson = sections(lesson_markdown)
    rendered = html_sections(lesson_html) if lesson_html else {}
    parts = {}
    for key in ("objectives", "takeaways"):
        section, html = lesson.get(key, ""), rendered.get(key)
        if html is not None and renders_alike(section) and not APART_IN_HTML.search(html):
            parts[key] = Markup(UNWRAPPED.sub("", html))
        else:
            parts[key] = render.block(LINK.sub(r"\1", section))
    job = next((key for key in TRY_ON_THE_JOB if key in lesson), None)
    items = checklist_items(lesson.get(job, ""), rendered.get(job))
    if items:
        parts["checklist"] = task_list(items, render)
    else:
        parts["checklist"] = render.block("\n".join(f"- [ ] {item}" for item in to_do(LINK.sub(r"\1", lesson.get(job, "")))))
    return parts


def is_session_plan(page) -> bool:
    answer_key = page.meta.get("answer_key")
    return bool(answer_key) and answer_key is not True


def on_page_markdown(markdown_text, page, config, files):
    if not is_session_plan(page):
        return markdown_text
    return f"{markdown_text.rstrip()}\n\n{MARKER}\n"


@event_priority(-50)  # after the search plugin has read the page
def on_post_page(output, page, config):
    if not is_session_plan(page) or MARKER not in output:  # the page's own front matter first: cheaper than the page
        return output
    quiz = page.meta["answer_key"]
    lesson = next((p for p in CONTEXT.lessons(load(config)) if p.meta["quiz"] == quiz), None)
    if lesson is None:  # quiz_exports.py has already said what is wrong with the page's answer_key
        return output.replace(f"<p>{MARKER}</p>", "", 1)
    render = quizview.renderer(config)  # the shared Markdown renderer: plain texts skip Markdown, each text once
    html = cut_parts(lesson.markdown, lesson.content, render)
    questions = [render.block(LINK.sub(r"\1", q)) for q in QUESTION.findall(sections(page.markdown).get("discussion", ""))]
    handout = CONTEXT.template("partials/handout.html").render(
        lesson=lesson, parts=html, questions=questions, labels=CONTEXT.labels, config=config)
    return output.replace(f"<p>{MARKER}</p>", handout, 1).replace(MARKER, handout, 1)
