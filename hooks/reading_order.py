"""The order of the footer's Previous / Next links (and of <link rel=prev/next>): the course
read from the home page straight into chapter 1, through the chapters and cases, then the
learner's own pages (My progress, final test, review, certificate), then the rest in menu order.

The menu keeps "My learning" near the top, where a learner looks for it; the reading order must
not: MkDocs links pages in menu order, which put My progress, the final test, review and the
certificate between the home page and chapter 1 (and made the certificate chapter 1's
"Previous"). Only the links change, never the menu.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

from lib.build import CONTEXT, LEARNER_PAGES, bank


def reading_order(pages: list, lessons: list, learner: list) -> list:
    """The pages in reading order: what comes before the first lesson (the home page) except the
    learner's pages, then the lessons in menu order, then the learner's pages, then the rest."""
    if not lessons:
        return list(pages)
    lesson_ids = {id(p) for p in lessons}
    learner_ids = {id(p) for p in learner}
    first = next(i for i, p in enumerate(pages) if id(p) in lesson_ids)
    last = max(i for i, p in enumerate(pages) if id(p) in lesson_ids)
    head = [p for p in pages[:first] if id(p) not in learner_ids]
    middle = [p for p in pages[first:last + 1] if id(p) not in learner_ids]
    tail = [p for p in pages[last + 1:] if id(p) not in learner_ids]
    return head + middle + [p for p in pages if id(p) in learner_ids] + tail


@event_priority(50)  # after hooks/build_context.py (100)
def on_env(env, config, files):
    """Relinked once the pages' front matter is read (which lesson has a quiz is not known yet
    in on_nav) and after mkdocs-static-i18n has rebuilt the language's navigation."""
    pages = list(CONTEXT.pages)
    learner = [p for p in (CONTEXT.learner_page(name) for name in LEARNER_PAGES) if p is not None]
    ordered = reading_order(pages, CONTEXT.lessons(bank(config)), learner)
    for i, page in enumerate(ordered):
        page.previous_page = ordered[i - 1] if i > 0 else None
        page.next_page = ordered[i + 1] if i + 1 < len(ordered) else None
    return env
