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
