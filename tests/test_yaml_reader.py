"""hooks/lib/sources.py makes YAML data itself for the usual nodes: the same data and the same
first mistake as PyYAML's own construction (with the duplicate-key check), for any document."""
from __future__ import annotations

import random
import sys

import yaml

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from lib import sources  # noqa: E402

SCALARS = ["text", "'quoted'", "true", "no", "~", "null", "12", "0x1F", "1.5", ".inf", "2020-01-02", "2020-13-45",
           "!!str 5", "!!int '7'", "!custom x", "=", "<<", '"a: b"', "Текст", "", "[]", "{}", "!!binary aGVsbG8=",
           "!!set {a, b}", "!!omap [a: 1]", "*x", "&x v"]
KEYS = ["a", "b", "c", "ru", "1", "true", "=", "<<", "~", "? [x]", "2020-01-01", "'a'"]


def document(rnd: random.Random, depth: int = 0, indent: int = 2) -> str:
    """A random YAML value: mappings and lists with repeated keys, aliases, merge keys, tags."""
    pad, roll = " " * indent, rnd.random()
    if depth > 3 or roll < 0.4:
        return f" {rnd.choice(SCALARS)}\n"
    if roll < 0.7:
        text = "\n" if rnd.random() < 0.9 else " &x\n"
        for _ in range(rnd.randint(0, 3)):
            key = rnd.choice(KEYS)
            text += f"{pad}{key}\n{pad}:" if key.startswith("?") else f"{pad}{key}:"
            text += document(rnd, depth + 1, indent + 2)
        return text if text.strip() else " {}\n"
    text = "\n"
    for _ in range(rnd.randint(0, 3)):
        text += f"{pad}-" + document(rnd, depth + 1, indent + 2)
    return text if text.strip() else " []\n"


def outcome(load, text: str):
    try:
        return "data", repr(load(text))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return "yaml", type(error).__name__, getattr(error, "problem", None), mark and mark.line
    except Exception as error:  # noqa: BLE001 - what PyYAML lets through (a bad date), compared as is
        return "error", type(error).__name__, str(error)


def test_the_fast_construction_gives_what_pyyaml_gives():
    rnd = random.Random(11)
    pyyaml = lambda text: yaml.load(text, Loader=sources._UniqueKeyLoader)  # noqa: E731
    for _ in range(3000):
        text = "root:" + document(rnd)
        assert outcome(sources._load, text) == outcome(pyyaml, text), text


def test_the_project_files_read_alike():
    for path in [*sorted((ROOT / "quizzes").glob("*.yml")), ROOT / "glossary.yml", ROOT / "labels.yml"]:
        text = path.read_text(encoding="utf-8")
        assert outcome(sources._load, text) == outcome(lambda t: yaml.load(t, Loader=sources._UniqueKeyLoader), text), path
