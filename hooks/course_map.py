"""The course's lessons (every page with a quiz), in navigation order, for the learner's
tools: ``course_map`` in every page's template context (main.html writes it as JSON for the
scripts), and the tools a page asks for with a marker in its Markdown: ``<!-- course-path -->``
(the course as a path with each lesson's status), ``<!-- my-progress -->`` (My progress) and
``<!-- certificate -->`` (the certificate of completion), ``<!-- assign -->`` (a trainer's
assignment link) and ``<!-- team-overview -->`` (a trainer's table of pasted reports),
rendered from overrides/partials/<marker>.html. Built once per language.
"""
from __future__ import annotations

from mkdocs.utils import get_relative_url

from lib.build import CONTEXT, bank as load

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
                "questions": [q["id"] for q in bank[p.meta["quiz"]].questions],
            }
            for p in CONTEXT.lessons(bank)
        ]
    return _state["map"]


TOOLS = ("course-path", "my-progress", "certificate", "assign", "team-overview")


def on_page_context(context, page, config, nav):
    lessons = course_map(config)
    context["course_map"] = [{**item, "href": get_relative_url(item["url"], page.url)} for item in lessons]
    return context


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
            html = CONTEXT.template(f"partials/{tool}.html").render(
                parts=parts, labels=config.extra["labels"], config=config)
            output = output.replace(marker, html, 1)
    return output
