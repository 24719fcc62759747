"""Typography of each language in the finished page (hooks/lib/typography.py): non-breaking
spaces inside long numbers and between a number and its unit or currency, in everything the
page's content shows, the quiz, the glossary and the answer key included; soft hyphens in the
long words of Russian and Greek headings. Runs last, on the
finished page, so that every text a hook added is set alike and no author has to type them.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

from lib import typography
from lib.build import CONTEXT


@event_priority(-50)  # after the hooks that put quizzes, keys and tools in the page
def on_post_page(output, page, config):
    start, end = output.find("<article"), output.rfind("</article>")
    if start == -1 or end == -1:
        return output
    article = typography.hyphenate_headings(typography.html(output[start:end], CONTEXT.lang), CONTEXT.lang)
    return output[:start] + article + output[end:]
