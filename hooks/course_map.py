"""The course's lessons (every page with a quiz), in navigation order, for the learner's
tools: ``course_map`` in every page's template context (main.html writes it as JSON for the
scripts), and the tools a page asks for with a marker in its Markdown: ``<!-- course-path -->``
(the course as a path with each lesson's status), ``<!-- my-progress -->`` (My progress) and
``<!-- certificate -->`` (the certificate of completion), ``<!-- assign -->`` (a trainer's
assignment link) and ``<!-- team-overview -->`` (a trainer's table of pasted reports),
rendered from overrides/partials/<marker>.html. Built once per language.

Each lesson carries its pass mark and its questions as ``[id, key, type, [option or step ids
in the quiz file's order]]`` (hooks/lib/quizview.py makes ids and keys): docs/assets/course-core.js
derives every score and pass from them, so a stored answer is judged against the bank of this
build, never against what was stored. The ids in file order let the core read records written
before answers were stored by id (positions then). Every page also carries the learner record's
JSON Schema (docs/assets/progress.schema.json), the one description of the record that the core
checks stored data and imported files against.
"""
from __future__ import annotations

from mkdocs.utils import get_relative_url

import json

from lib import quizview
from lib.build import CONTEXT, bank as load, root

PASS_MARK = 0.8  # the same as hooks/quizzes.py's; the core needs it for pages without the quiz
SCHEMA = "docs/assets/progress.schema.json"

_state: dict = {"map": None}


def on_nav(nav, config, files):
    _state["map"] = None
    return nav


def course_map(config) -> list[dict]:
    if _state["map"] is None:
        bank = load(config)
        _state["map"] = [
            {
                "key": CONTEXT.page_key(p),
                "url": p.url,
                "part": p.parent.title if p.parent else "",
                "title": p.title,
                "minutes": p.meta.get("minutes"),
                "quiz": p.meta["quiz"],
                "pass": PASS_MARK,
                "questions": [[q["id"], quizview.fingerprint(q), q["type"], quizview.item_ids(q)]
                              for q in bank[p.meta["quiz"]].questions],
            }
            for p in CONTEXT.lessons(bank)
        ]
    return _state["map"]


TOOLS = ("course-path", "my-progress", "certificate", "assign", "team-overview")


def record_schema(config) -> str:
    """The record's schema as compact JSON, read once per build."""
    if _state.get("schema") is None:
        path = root(config) / SCHEMA
        schema = _without_prose(json.loads(path.read_text(encoding="utf-8")))
        _state["schema"] = json.dumps(schema, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return _state["schema"]


def _without_prose(node):
    """The schema without its descriptions and titles: every page carries it, the browser only
    needs the rules."""
    if isinstance(node, dict):
        return {k: _without_prose(v) for k, v in node.items()
                if not (k in ("description", "title", "$schema", "$id") and isinstance(v, str))}
    if isinstance(node, list):
        return [_without_prose(v) for v in node]
    return node


def on_pre_build(config):
    _state["schema"] = None


def on_page_context(context, page, config, nav):
    lessons = course_map(config)
    context["course_map"] = [{**item, "href": get_relative_url(item["url"], page.url)} for item in lessons]
    context["record_schema"] = record_schema(config)
    return context


def special_page(mode: str):
    """The final test or the review page (front matter question_bank), if the site has one."""
    return next((p for p in CONTEXT.pages if p.meta.get("question_bank") == mode), None)


def on_post_page(output, page, config):
    for tool in TOOLS:
        marker = f"<!-- {tool} -->"
        if marker in output:
            lessons = [{**item, "href": get_relative_url(item["url"], page.url)} for item in course_map(config)]
            parts = []
            for item in lessons:
                if not parts or parts[-1]["title"] != item["part"]:
                    parts.append({"title": item["part"], "lessons": []})
                parts[-1]["lessons"].append(item)
            final = special_page("final")
            html = CONTEXT.template(f"partials/{tool}.html").render(
                parts=parts, labels=config.extra["labels"], config=config, company=CONTEXT.company,
                logo_href=get_relative_url(CONTEXT.company["logo"], page.url) if CONTEXT.company.get("logo") else "",
                final_href=get_relative_url(final.url, page.url) if final else "")
            output = output.replace(marker, html, 1)
    return output
