"""The one build context: what every hook needs to know about the build in progress.

mkdocs-static-i18n builds each language by running a whole MkDocs build again, so every hook
event runs once per language. This module is the only place that reads the plugin's
internals (current language, default language, whether a nested language build is running)
and the course's derived facts (page key without the language prefix, lessons in navigation
order, the Jinja environment of the language, the labels). hooks/build_context.py fills it from
MkDocs events; every other hook only asks.
"""
from __future__ import annotations

import contextlib
import gc
from dataclasses import dataclass, field
from pathlib import Path


# The learner's own pages (My learning), by file name inside a language folder.
LEARNER_PAGES = {"progress": "progress.md", "final": "final-test.md", "review": "review.md", "certificate": "certificate.md"}


@dataclass
class Context:
    lang: str = ""
    default: str = ""
    languages: list[str] = field(default_factory=list)
    pages: list = field(default_factory=list)  # every page, in navigation order
    env: object = None  # the Jinja environment MkDocs renders this language's pages with
    labels: dict = field(default_factory=dict)  # every label in this language
    bank: dict | None = None  # the question bank, checked at the start of each language build
    company: dict = field(default_factory=dict)  # company.yml in this language (hooks/company.py)
    site_names: dict = field(default_factory=dict)  # the course's name in each language built so far
    sources: dict = field(default_factory=dict)  # every page's Markdown, read once per build (page_sources())
    _templates: dict = field(default_factory=dict)

    @property
    def prefix(self) -> str:
        """The language's folder in the site: '' for the default language, 'el/' for Greek."""
        return "" if self.lang == self.default else f"{self.lang}/"

    def page_key(self, page) -> str:
        """The page's address without its language prefix: the same in every language."""
        url = page.url
        return url[len(self.prefix):] if self.prefix and url.startswith(self.prefix) else url

    def lessons(self, bank) -> list:
        """The pages that carry a quiz of the bank (chapters and cases), in navigation order."""
        return [p for p in self.pages if p.meta.get("quiz") in bank]

    def learner_page(self, name: str):
        """One of the learner's own pages (LEARNER_PAGES: progress, final, review, certificate),
        found by its file name in this language, or None."""
        source = LEARNER_PAGES.get(name)
        return next((p for p in self.pages if p.file.src_uri.split("/", 1)[-1] == source), None)

    def template(self, name: str):
        """A template compiled once per language build (MkDocs' get_env() makes a new
        environment per call, and compiling per page costs more than rendering)."""
        key = (id(self.env), name)
        if key not in self._templates:
            self._templates = {k: v for k, v in self._templates.items() if k[0] == id(self.env)}
            self._templates[key] = self.env.get_template(name)
        return self._templates[key]


CONTEXT = Context()


def root(config) -> Path:
    """The project folder (where mkdocs.yml is)."""
    return Path(config.config_file_path).parent


def i18n(config):
    return config.plugins["i18n"]


def current_language(config) -> str:
    return i18n(config).current_language or i18n(config).default_language


def page_sources(config) -> dict[str, dict[str, bytes]]:
    """Every page's Markdown in every built language (lib.sources.read_pages()), read once per
    build: the checks that read every page before anything is built share it (each read them
    all again); hooks/build_context.py empties it at the start of every build."""
    if not CONTEXT.sources:
        from lib.sources import read_pages

        CONTEXT.sources = read_pages(Path(config.docs_dir), built_languages(config))
    return CONTEXT.sources


def is_nested_build(config) -> bool:
    """True inside mkdocs-static-i18n's build of a further language (and in the outer build's
    post_build before it has built them); a hook that must run once, after every language,
    runs at a priority below -100 and returns when this is True."""
    return bool(i18n(config).building)


def built_languages(config) -> list[str]:
    return [lang.locale for lang in i18n(config).config.languages if lang.build]


def default_language(config) -> str:
    return i18n(config).default_language


def bank(config):
    """The validated question bank; a problem in it stops the build with every problem listed."""
    from mkdocs.exceptions import PluginError

    from lib import quizbank

    if CONTEXT.bank is None:  # once per language build: every page asks
        try:
            CONTEXT.bank = quizbank.load_cached(root(config) / "quizzes")
        except quizbank.QuizError as error:
            raise PluginError(str(error)) from None
    return CONTEXT.bank


@contextlib.contextmanager
def gc_paused():
    """A step that makes many objects, all kept (the question bank) or all dropped together (the
    link check's tables), run without Python's cyclic garbage collector: it would trace every
    object of the build, the pages of every language included, each time the new objects reach
    its threshold, and these objects form no cycles for it to free (reference counting frees them)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def is_web_address(url: str) -> bool:
    return url.startswith(("http://", "https://", "mailto:", "#"))
