"""A standards page's checklist (``checklist: true`` in its front matter) comes out of the build
ready to tick: each task-list item's box and text are wrapped in a ``<label>`` here, so the
page is laid out once, as the learner will use it. Done in the browser (docs/assets/course.js),
the wrapping moved every item after the page had been drawn: a layout shift on every visit.

The boxes stay ``disabled`` in the HTML (without JavaScript nothing could keep a tick);
course.js enables them and restores the saved ticks. An item whose text holds a block (a
nested list, a paragraph) is left as it is: course.js wraps such an item itself.
"""
from __future__ import annotations

import re

from mkdocs.plugins import event_priority

ITEM = re.compile(r'(<li class="task-list-item">)\s*(<input type="checkbox" disabled\s*/?>)(.*?)(</li>)', re.S)
BLOCK = re.compile(r"<(?:li|ul|ol|p|div|table|label)\b")


def labelled(html: str) -> str:
    """Every simple task-list item's box and text inside one label."""
    def wrap(match: re.Match) -> str:
        start, box, text, end = match.groups()
        if BLOCK.search(text):
            return match.group(0)
        return f"{start}<label>{box}{text}</label>{end}"
    return ITEM.sub(wrap, html)


@event_priority(-100)  # after the other hooks have filled the items' text (glossary terms, typography)
def on_page_content(html, page, config, files):
    return labelled(html) if page.meta.get("checklist") else html
