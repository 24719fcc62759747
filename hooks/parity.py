"""Every page exists in every language.

mkdocs-static-i18n is configured with ``fallback_to_default: false``, so a page missing in
one language would silently vanish from that language. This hook stops the build instead,
naming each missing file.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError


def languages(config) -> list[str]:
    return [lang.locale for lang in config.plugins["i18n"].config.languages if lang.build]


def missing_translations(docs_dir: Path, locales: list[str]) -> list[str]:
    """Return 'docs/<lang>/<page>.md' for every page some language has and another lacks."""
    pages = {
        locale: {p.relative_to(docs_dir / locale).as_posix() for p in (docs_dir / locale).rglob("*.md")}
        for locale in locales
    }
    every = set().union(*pages.values())
    problems = []
    for locale in locales:
        for page in sorted(every - pages[locale]):
            have = ", ".join(f"docs/{other}/{page}" for other in locales if page in pages[other])
            problems.append(f"docs/{locale}/{page} is missing (translation of {have})")
    return problems


def on_pre_build(config) -> None:
    problems = missing_translations(Path(config.docs_dir), languages(config))
    if problems:
        raise PluginError("Pages missing in some languages:\n  " + "\n  ".join(problems))
