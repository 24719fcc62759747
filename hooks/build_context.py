"""The build context (hooks/lib/build.py), filled once per language build, and the labels.

Labels live in labels.yml (checked against labels.schema.json): each language build gets its
labels as ``config.extra.labels`` for the templates, ``config.extra.script_labels`` (only the
labels the course scripts show) for the pages to carry, and ``config.extra.not_found`` (the
404 page's words in every language, since GitHub Pages serves one 404 page for all).
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from lib import build, labels as label_file
from lib.sources import SourceError


@event_priority(-110)  # after mkdocs-static-i18n (-100) has switched the config to the language
def on_config(config):
    context = build.CONTEXT
    context.lang = build.current_language(config)
    context.default = build.default_language(config)
    context.languages = build.built_languages(config)
    context.bank = None
    context.sources = {}
    context.site_names[context.lang] = config.site_name
    try:
        labels = label_file.load(build.root(config))
    except SourceError as error:
        raise PluginError(str(error)) from None
    context.labels = labels.all(context.lang)
    config.extra["labels"] = context.labels
    config.extra["script_labels"] = labels.for_scripts(context.lang)
    config.extra["not_found"] = [
        {"lang": lang, "prefix": "" if lang == context.default else f"{lang}/", "title": labels.pages["not_found_title"][lang],
         "text": labels.pages["not_found_text"][lang], "home": labels.pages["not_found_home"][lang]}
        for lang in context.languages
    ]
    return config


@event_priority(100)  # before any other hook reads the navigation
def on_nav(nav, config, files):
    build.CONTEXT.pages = list(nav.pages)
    return nav


@event_priority(100)
def on_env(env, config, files):
    build.CONTEXT.env = env
    return env
