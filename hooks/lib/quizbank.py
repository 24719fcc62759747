"""The question bank: load quizzes/*.yml and check them against quizzes/quiz.schema.json
(hooks/lib/schema.py).

The format is described once, by the JSON Schema; the only rules checked here in code are
those a schema cannot state: a question id unique across the whole bank, the steps of an
ordering question distinct in every language, and the file itself (UTF-8, YAML syntax, no
duplicate key, the .yml suffix). Every problem is reported as
"<file>: question <id>: <what is wrong>", all at once.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lib import schema as schema_check
from lib.sources import LANGUAGE_NAMES, SourceError, folder_signature, kind_of, read_yaml

SCHEMA_FILE = "quiz.schema.json"


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
    schema = schema_check.read(quiz_dir / SCHEMA_FILE)
    problems: list[str] = []
    bank: dict[str, Quiz] = {}
    seen: dict[str, str] = {}
    for path in sorted(quiz_dir.glob("*.yaml")):
        problems.append(f"quizzes/{path.name}: only .yml files are read: rename it to quizzes/{path.stem}.yml")
    for path in sorted(quiz_dir.glob("*.yml")):
        name = f"quizzes/{path.name}"
        try:
            data = read_yaml(path, name)
        except SourceError as error:
            problems.append(str(error))
            continue
        if not isinstance(data, dict):
            problems.append(f"{name}: the file is empty" if data is None else
                            f"{name}: the file should start with 'title:' and 'questions:', but it holds {kind_of(data)}")
            continue
        errors = schema_check.errors(schema, data)
        if errors:
            problems.extend(f"{name}: {describe(error, data)}" for error in errors)
            continue
        for question in data["questions"]:
            qid = question["id"]
            if qid in seen:
                problems.append(f"{name}: question {qid}: duplicate id (also in {seen[qid]})")
            else:
                seen[qid] = name
            for lang in LANGUAGE_NAMES:
                steps = [" ".join(step[lang].split()) for step in question.get("steps", [])]
                for twice in sorted({step for step in steps if steps.count(step) > 1}):
                    problems.append(f"{name}: question {qid}: two steps say the same in {LANGUAGE_NAMES[lang]}: '{twice}'")
        bank[path.stem] = Quiz(path.stem, path, data)
    if problems:
        raise QuizError("The question bank has problems:\n  " + "\n  ".join(problems))
    return bank


def describe(error, data) -> str:
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
    elif v == "pattern" and field and field[-1] in LANGUAGE_NAMES:
        what = f"the {LANGUAGE_NAMES[field[-1]]} text is blank"
    elif v == "pattern" and field == ["id"]:
        what = f"id '{error.instance}' should be lower-case letters, digits and single hyphens"
    elif v == "type":
        wanted = {"string": "a text", "boolean": "true or false", "array": "a list (lines starting with '- ')",
                  "object": "a set of 'key: value' lines"}.get(value, value)
        what = f"should be {wanted}, not {kind_of(error.instance)}"
    elif v == "minItems":
        what = f"needs at least {value} item(s), it has {len(error.instance)}"
    else:
        what = error.message if len(error.message) < 160 else error.message[:160] + "…"
    return ": ".join(where + [what])


_cache: dict = {"signature": None, "bank": {}}


def load_cached(quiz_dir: Path) -> dict[str, Quiz]:
    """load_bank, again only when a file in the folder has changed (every language build and
    every hook asks for the bank; mkdocs serve rebuilds on edits)."""
    signature = folder_signature(quiz_dir)
    if signature != _cache["signature"]:
        from lib.build import gc_paused

        with gc_paused():
            _cache["bank"] = load_bank(quiz_dir)
        _cache["signature"] = signature
    return _cache["bank"]
