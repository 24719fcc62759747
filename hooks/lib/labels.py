"""labels.yml: every interface label in every language, described by labels.schema.json.

A label missing in one language would otherwise render as an empty button (mkdocs-static-i18n
merges a language's `extra` shallowly and Jinja prints a missing key as ""): here it stops the
build, naming the label and the language.
"""
from __future__ import annotations

from pathlib import Path

from lib import schema as schema_check
from lib.fields import Fields
from lib.sources import LANGUAGE_NAMES, SourceError, kind_of, read_yaml

FILE = "labels.yml"
_cache: dict = {"signature": None}


class Labels:
    def __init__(self, data: dict) -> None:
        self.pages: dict[str, dict] = data["pages"]
        self.scripts: dict[str, dict] = data["scripts"]

    def all(self, lang: str) -> dict[str, str]:
        """Every label in one language (what templates read as config.extra.labels; Fields, so
        that labels.quiz_intro is found at once)."""
        return Fields({key: label[lang] for group in (self.pages, self.scripts) for key, label in group.items()})

    def for_scripts(self, lang: str) -> dict[str, str]:
        """The labels the course scripts show: the only ones a page carries."""
        return {key: label[lang] for key, label in self.scripts.items()}


def problems_of(data) -> list[str]:
    """What is wrong with the labels file, in plain words ([] when nothing is)."""
    if not isinstance(data, dict):
        return [f"{FILE}: the file should hold two groups, 'pages:' and 'scripts:' (it is {kind_of(data)})"]
    schema = schema_check.read(Path(__file__).resolve().parents[2] / "labels.schema.json")
    problems = []
    for error in schema_check.errors(schema, data):
        path = list(error.absolute_path)
        where = f"{FILE}: label '{path[1]}'" if len(path) >= 2 else f"{FILE}: group '{path[0]}'" if path else FILE
        if error.validator == "required":
            missing = [k for k in error.validator_value if not (isinstance(error.instance, dict) and k in error.instance)]
            names = [LANGUAGE_NAMES.get(k, k) for k in missing]
            problems.append(f"{where}: no {', '.join(names)} text" if len(path) >= 2 else f"{where}: the group '{missing[0]}:' is missing")
        elif error.validator == "pattern" and len(path) == 3:
            problems.append(f"{where}: the {LANGUAGE_NAMES.get(path[2], path[2])} text is blank")
        elif error.validator == "type" and len(path) == 3:
            problems.append(f"{where}: the {LANGUAGE_NAMES.get(path[2], path[2])} text should be a text in quotes, not {kind_of(error.instance)}")
        elif error.validator == "pattern" and error.validator_value.startswith("^[a-z]"):
            problems.append(f"{where}: label name '{error.instance}' should be lower-case letters, digits and _")
        elif error.validator == "additionalProperties":
            problems.append(f"{where}: unexpected field(s): {error.message.split('(')[-1].rstrip(')')}")
        else:
            problems.append(f"{where}: should be {'a set of ru/el/en texts' if len(path) == 2 else 'a set of labels'}, not {kind_of(error.instance)}")
    if not problems:
        twice = sorted(set(data["pages"]) & set(data["scripts"]))
        problems += [f"{FILE}: label '{key}' is in both 'pages:' and 'scripts:'; keep it in one" for key in twice]
    return problems


def load(root: Path) -> Labels:
    """The labels, read again only when the file changed; SourceError lists every problem."""
    path = Path(root) / FILE
    signature = path.stat().st_mtime_ns, path.stat().st_size
    if _cache["signature"] != signature:
        data = read_yaml(path, FILE)
        problems = problems_of(data)
        if problems:
            raise SourceError("The labels have problems:\n  " + "\n  ".join(problems))
        _cache.update(signature=signature, labels=Labels(data))
    return _cache["labels"]
