"""A course a company makes its own from one settings file, company.yml (hooks/lib/company.py
reads and checks it; company.schema.json describes it).

- the settings in the build's language go to the templates as ``config.extra.company`` (and to
  the other hooks as CONTEXT.company): name, logo, colours, certificate signatory, values;
- the logo becomes the theme's logo, copied into the site; the name becomes the footer line;
- a page that asks for a company value (``{{ company.escalate_to }}``, ``{% if company.… %}``
  in its Markdown: the standards and checklists) gets it filled in. Such a page is rendered
  with Jinja, the template engine MkDocs already uses, in a sandbox and with ``{#`` left alone
  (it starts a heading's id in Markdown, not a comment). Without settings each value is None and
  the page reads as it always did.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import jinja2
import jinja2.sandbox
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from lib import build, company as settings
from lib.sources import SourceError

ASKS = re.compile(r"\{[{%][^}]*\bcompany\b")
PAGES = jinja2.sandbox.SandboxedEnvironment(
    comment_start_string="{#!", comment_end_string="!#}",  # Markdown's {#id} is not a comment
    undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)


@event_priority(-110)  # after mkdocs-static-i18n (-100) has switched the config to the language
def on_config(config):
    try:
        company = settings.load(build.root(config))
    except SourceError as error:
        raise PluginError(str(error)) from None
    values = company.for_language(build.current_language(config))
    build.CONTEXT.company = values
    config.extra["company"] = values
    if values["logo"]:
        config.theme["logo"] = values["logo"]
    if values["name"] and not config.copyright:
        config.copyright = values["name"]
    return config


def fill(markdown: str, company: dict, name: str) -> str:
    """A page's Markdown with the company's values filled in; a misspelt value stops the build."""
    try:
        return PAGES.from_string(markdown).render(company={"name": company["name"], **company["values"]})
    except jinja2.TemplateError as error:
        raise PluginError(f"{name}: company value: {error.message} (the values are: name, {', '.join(settings.VALUES)})") from None


@event_priority(90)  # before the other hooks read the page's text
def on_page_markdown(markdown, page, config, files):
    if not ASKS.search(markdown):
        return markdown
    return fill(markdown, build.CONTEXT.company, f"docs/{page.file.src_uri}")


def on_post_build(config):
    logo = build.CONTEXT.company.get("logo")
    if logo:
        target = Path(config.site_dir) / logo
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(settings.load(build.root(config)).logo_file, target)
