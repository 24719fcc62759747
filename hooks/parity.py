"""Every page exists in every language, with the same level-2 sections.

mkdocs-static-i18n is configured with ``fallback_to_default: false``, so a page missing in
one language would silently vanish from that language. Level-2 headings carry explicit ids
(``## Главное {#takeaways}``) that links, the structure tests and learners' bookmarks rely on;
an id present in one language and not in another is a section missing from a translation.
This hook stops the build instead, naming each missing file or section id.
"""
from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from lib import build

# a heading line, found from the line break before it (a pattern that starts with a literal lets the
# regex engine skip ahead to it; "^" is tried at every character): section_ids puts one before the text
SECTION_ID = re.compile(r"\n##[ \t][^\n]*\{[^}\n]*#([A-Za-z0-9_-]+)[^}\n]*\}[ \t]*$", re.M)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


def missing_translations(sources: dict[str, dict[str, bytes]]) -> list[str]:
    """Return 'docs/<lang>/<page>.md' for every page some language has and another lacks
    (`sources`: every page's Markdown by language, lib.build.page_sources())."""
    locales = list(sources)
    pages = {locale: set(sources[locale]) for locale in locales}
    every = set().union(*pages.values())
    problems = []
    for locale in locales:
        for page in sorted(every - pages[locale]):
            have = ", ".join(f"docs/{other}/{page}" for other in locales if page in pages[other])
            problems.append(f"docs/{locale}/{page} is missing (translation of {have})")
    return problems


def section_ids(text: str) -> set[str]:
    if "```" in text or "~~~" in text:  # a page with no fence (most) is not searched for one
        text = FENCE.sub("", text)
    return set(SECTION_ID.findall("\n" + text))


def missing_sections(sources: dict[str, dict[str, bytes]]) -> list[str]:
    """Return one message per level-2 section id that one language's page has and another's lacks."""
    problems = []
    locales = list(sources)
    for page in sorted(sources[locales[0]]):
        ids = {}
        for locale in locales:
            if page in sources[locale]:
                ids[locale] = section_ids(sources[locale][page].decode("utf-8", "replace"))
        every = set().union(*ids.values()) if ids else set()
        for locale, have in ids.items():
            for missing in sorted(every - have):
                others = ", ".join(f"docs/{o}/{page}" for o in ids if missing in ids[o])
                problems.append(f"docs/{locale}/{page}: no level-2 heading with id '#{missing}' "
                                f"(it is in {others}); give the matching heading '{{#{missing}}}'")
    return problems


def on_pre_build(config) -> None:
    if build.is_nested_build(config):
        return  # the files are the same for every language: check them once
    sources = build.page_sources(config)
    problems = missing_translations(sources) or missing_sections(sources)
    if problems:
        raise PluginError("Pages or sections missing in some languages:\n  " + "\n  ".join(problems))
