"""hooks/lib/links.py finds Markdown links from each alternative's first character: the same
targets, in the same order, as its one regular expression (MARKDOWN_LINK) finds."""
from __future__ import annotations

import random
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from lib import links  # noqa: E402

PIECES = ["[", "]", "(", ")", "<", ">", ":", " ", "\n", "\t", "a", "x:y", "http://e.com", "  [id]: ", "](", "]: ",
          "<http:a>", "\u00a0", "\r", "\x0c", "[^1]", "](<u>)", "*"]


def found(text: str) -> list[str]:
    return [next(group for group in match.groups() if group) for match in links.MARKDOWN_LINK.finditer(text)]


def test_the_pages_links_are_found_alike():
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert list(links.link_targets(text)) == found(text), path


def test_any_text_s_links_are_found_alike():
    rnd = random.Random(5)
    for _ in range(20000):
        text = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 25)))
        assert list(links.link_targets(text)) == found(text), repr(text)
