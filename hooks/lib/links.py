"""What a link in a maintainer's text may be.

A `javascript:`, `vbscript:` or `data:` link runs code (or shows a page of its own) when
clicked, however it was written; texts shown on several pages (quiz texts) cannot carry a
relative link, because it resolves differently on each page.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

CODE_SCHEMES = ("javascript", "vbscript", "data")
# a link target in Markdown source: inline [text](target), a reference definition [id]: target,
# or an autolink <scheme:...>; match.groups() holds the target in one of its three groups
MARKDOWN_LINK = re.compile(r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>", re.M)
# The same alternatives, each starting with its own character ("]", "[", "<"), which the regex
# engine skips ahead to ("^" made it try every alternative at every character of a page); a
# definition's "[" must then have only blanks before it on its line, as "^\s*" said.
_LINK_FROM_ITS_START = re.compile(r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)|\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>", re.M)
_BLANKS = re.compile(r"\s*")


def link_targets(text: str):
    """The target of each link MARKDOWN_LINK finds in a text, in order."""
    at = 0
    while match := _LINK_FROM_ITS_START.search(text, at):
        if match.lastindex == 2 and not _BLANKS.fullmatch(text, text.rfind("\n", 0, match.start()) + 1, match.start()):
            at = match.start() + 1  # a definition not at the start of its line: none
            continue
        yield next(group for group in match.groups() if group)
        at = match.end()


def scheme_of(url: str) -> str:
    # browsers ignore whitespace and control characters inside a scheme ("java\tscript:")
    cleaned = "".join(c for c in url if c > " ").lower()
    return urlsplit(cleaned).scheme if ":" in cleaned else ""


def link_problem(url: str, relative_ok: bool = True) -> str | None:
    """Why a link is not allowed, in plain words, or None."""
    scheme = scheme_of(url)
    if scheme in CODE_SCHEMES:
        return f"the link '{url[:60]}' uses '{scheme}:', which would run code or open a page of its own when clicked: remove it"
    if not relative_ok and not scheme and not url.startswith("#"):
        return (f"the link '{url}' points to a course page; a quiz text is shown on several pages, where it would break: "
                "link to a full address (https://…) or name the page in words")
    return None
