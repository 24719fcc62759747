"""The question bank: load quizzes/*.yml and check them against quizzes/quiz.schema.json.

Not a hook itself: hooks/quizzes.py and hooks/quiz_exports.py use it. The format is
described once, by the JSON Schema; the only rules checked here in code are those a schema
cannot state: that a question id is unique across the whole bank, and the YAML syntax.
Every problem is reported as "<file>: question <id>: <what is wrong>", all at once.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml

LANGUAGE_NAMES = {"ru": "Russian (ru)", "el": "Greek (el)", "en": "English (en)"}
SCHEMA_FILE = "quiz.schema.json"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ten times faster, same safe subset


class QuizError(Exception):
    """The bank has problems; the message lists every one of them."""


@dataclass(frozen=True)
class Quiz:
    id: str
    path: Path
    data: dict

    @property
    def questions(self) -> list[dict]:
        return self.data["questions"]


def load_bank(quiz_dir: Path) -> dict[str, Quiz]:
    """Load and validate every quiz file; raise QuizError listing all problems."""
    quiz_dir = Path(quiz_dir)
    validator = jsonschema.Draft202012Validator(json.loads((quiz_dir / SCHEMA_FILE).read_text(encoding="utf-8")))
    problems: list[str] = []
    bank: dict[str, Quiz] = {}
    seen: dict[str, str] = {}
    for path in sorted(quiz_dir.glob("*.yml")):
        name = f"quizzes/{path.name}"
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown line"
            problem = getattr(error, "problem", None) or str(error)
            problems.append(f"{name}: invalid YAML at {where}: {problem}")
            continue
        errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
        if errors:
            problems.extend(f"{name}: {describe(error, data)}" for error in errors)
            continue
        for question in data["questions"]:
            qid = question["id"]
            if qid in seen:
                problems.append(f"{name}: question {qid}: duplicate id (also in {seen[qid]})")
            else:
                seen[qid] = name
        bank[path.stem] = Quiz(path.stem, path, data)
    if problems:
        raise QuizError("The question bank has problems:\n  " + "\n  ".join(problems))
    return bank


def describe(error: jsonschema.ValidationError, data) -> str:
    """Turn a schema error into 'question <id>: <field>: <plain words>'."""
    path = list(error.absolute_path)
    where = []
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        question = data["questions"][path[1]]
        qid = question.get("id") if isinstance(question, dict) else None
        where.append(f"question {qid}" if qid else f"question #{path[1] + 1} (no id)")
        field = path[2:]
        qtype = question.get("type") if isinstance(question, dict) else None
    else:
        field = path
        qtype = None
    if field:
        where.append(".".join(f"[{p + 1}]" if isinstance(p, int) else p for p in field).replace(".[", "["))
    v, value = error.validator, error.validator_value
    if v == "required":
        missing = [k for k in value if not (isinstance(error.instance, dict) and k in error.instance)]
        key = missing[0] if missing else "?"
        what = f"no {LANGUAGE_NAMES[key]} text" if key in LANGUAGE_NAMES else f"'{key}' is missing"
    elif v == "enum" and field == ["type"]:
        what = f"unknown type {error.instance!r} (use one of: {', '.join(value)})"
    elif v in ("contains", "minContains", "maxContains"):
        if qtype in ("single", "scenario"):
            count = sum(1 for o in error.instance if isinstance(o, dict) and o.get("correct") is True)
            what = f"a {qtype} question needs exactly one right answer (correct: true), it has {count}"
        else:
            what = "a multiple-choice question needs at least one right answer (correct: true)"
    elif v == "minItems" and field == ["steps"]:
        what = f"an ordering question needs at least {value} steps, it has {len(error.instance)}"
    elif v == "additionalProperties":
        what = f"unexpected field(s): {error.message.split('(')[-1].rstrip(')')}"
    else:
        what = error.message
    return ": ".join(where + [what])


_cache: dict = {"signature": None, "bank": {}}


def load_cached(quiz_dir: Path) -> dict[str, Quiz]:
    """load_bank, again only when a file in the folder has changed (every language build and
    every hook asks for the bank; mkdocs serve rebuilds on edits)."""
    quiz_dir = Path(quiz_dir)
    signature = (str(quiz_dir),) + tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(quiz_dir.glob("*")))
    if signature != _cache["signature"]:
        _cache["bank"] = load_bank(quiz_dir)
        _cache["signature"] = signature
    return _cache["bank"]
