"""The course's lessons (every page with a quiz), in navigation order, for the learner's
tools: the course data file of each language, and the tools a page asks for with a marker in its Markdown: ``<!-- course-path -->``
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

The course data file, ``assets/course-data-<lang>.js``, is a classic script that sets
``window.courseData`` (script labels, course map, record schema, the learner pages' keys):
written once per language, cached by the browser, and read by docs/assets/course-core.js. It
replaces the same data inlined as JSON in every page (6 KB gzipped per page), and works from
file:// where fetch() does not. Its address carries a hash of its content, so a new build is
never hidden by a cached old file.

Each lesson also carries what the learner's screens say about it: its kind (chapter or case,
from its folder), its number within its part and the part's size ("Chapter 3 of 10"), and
its reading time; lesson pages get the same as ``course_lesson`` in their template context.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

from lib import quizview
from lib.build import CONTEXT, LEARNER_PAGES, bank as load, root

PASS_MARK = 0.8  # the same as hooks/quizzes.py's; the core needs it for pages without the quiz
SCHEMA = "docs/assets/progress.schema.json"

_state: dict = {"map": None}


def on_nav(nav, config, files):
    _state["map"] = None
    return nav


def kind_of(page) -> str:
    """A lesson's kind from its folder: "chapter" (chapters/) or "case" (cases/)."""
    return "case" if page.file.src_uri.split("/")[-2:-1] == ["cases"] else "chapter"


def question_row(question: dict) -> list:
    """[id, key, type, [option or step ids in the quiz file's order]]."""
    ids, key = quizview.question_ids(question)
    return [question["id"], key, question["type"], ids]


def course_map(config) -> list[dict]:
    if _state["map"] is None:
        bank = load(config)
        pages = CONTEXT.lessons(bank)
        sizes: dict[str, int] = {}
        for p in pages:
            sizes[kind_of(p)] = sizes.get(kind_of(p), 0) + 1
        seen: dict[str, int] = {}
        _state["map"] = []
        for p in pages:
            kind = kind_of(p)
            seen[kind] = seen.get(kind, 0) + 1
            _state["map"].append({
                "key": CONTEXT.page_key(p),
                "url": p.url,
                "part": p.parent.title if p.parent else "",
                "title": p.title,
                "minutes": p.meta.get("minutes"),
                "kind": kind,
                "n": seen[kind],
                "of": sizes[kind],
                "quiz": p.meta["quiz"],
                "pass": PASS_MARK,
                "questions": [question_row(q) for q in bank[p.meta["quiz"]].questions],
            })
    return _state["map"]


def course_data(config) -> tuple[str, str]:
    """This language's data file (text, and the hash its address carries), made once per build."""
    if _state.get("data") is None:
        pages = {name: CONTEXT.page_key(CONTEXT.learner_page(name)) for name in LEARNER_PAGES if CONTEXT.learner_page(name)}
        data = {
            "labels": config.extra["script_labels"],
            "map": [{k: v for k, v in item.items() if k != "url"} for item in course_map(config)],
            "pages": pages,
            "schema": json.loads(record_schema(config)),
        }
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
        script = f"/* Course data ({CONTEXT.lang}), written by hooks/course_map.py. */\nwindow.courseData={text};\n"
        _state["data"] = (script, hashlib.sha256(script.encode()).hexdigest()[:10])
    return _state["data"]


def data_file(lang: str) -> str:
    return f"assets/course-data-{lang}.js"


TOOLS = ("course-home", "course-path", "my-progress", "certificate", "assign", "team-overview")
MARKERS = re.compile(f"<!-- ({'|'.join(TOOLS)}) -->")


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
    _state["data"] = None


def on_page_context(context, page, config, nav):
    _, digest = course_data(config)
    context["course_data"] = f"{data_file(CONTEXT.lang)}?v={digest}"
    key = CONTEXT.page_key(page)
    context["course_lesson"] = next((item for item in course_map(config) if item["key"] == key), None)
    return context


def on_post_build(config):
    """Write this language's data file (every language build writes its own)."""
    script, _ = course_data(config)
    target = Path(config.site_dir) / data_file(CONTEXT.lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(script, encoding="utf-8")


def special_page(mode: str):
    """The final test or the review page (front matter question_bank), if the site has one."""
    return next((p for p in CONTEXT.pages if p.meta.get("question_bank") == mode), None)


def on_post_page(output, page, config):
    # markers come from the page's Markdown (no template or hook writes one): a page whose Markdown
    # has none is not searched (a tenth of its size); else one pass over the page, not one per tool
    if not MARKERS.search(page.markdown or ""):
        return output
    found = set(MARKERS.findall(output))
    for tool in TOOLS:
        marker = f"<!-- {tool} -->"
        if tool in found:
            lessons = [{**item, "href": get_relative_url(item["url"], page.url)} for item in course_map(config)]
            parts = []
            for item in lessons:
                if not parts or parts[-1]["title"] != item["part"]:
                    parts.append({"title": item["part"], "lessons": []})
                parts[-1]["lessons"].append(item)
            final = special_page("final")
            html = CONTEXT.template(f"partials/{tool}.html").render(
                parts=parts, labels=config.extra["labels"], config=config, total=len(lessons),
                promise=page.meta.get("description", ""),
                company=CONTEXT.company,
                logo_href=get_relative_url(CONTEXT.company["logo"], page.url) if CONTEXT.company.get("logo") else "",
                final_href=get_relative_url(final.url, page.url) if final else "")
            output = output.replace(marker, html, 1)
    return output
