#!/usr/bin/env python3
"""How much the question bank gives away, printed as figures (a report, not a test).

Per quiz file and overall:
- right option strictly the longest (single and scenario questions), per language;
- right option first in the file (single and scenario: an LMS that does not shuffle shows it first);
- true/false questions whose answer is True;
- absolute words (always, never, only, all...) in right and in wrong options (English text);
- the type mix and the share of scenario questions;
- near-duplicate prompts across the bank (word overlap of the English prompt and situation).

    python3 tests/bank_report.py        (python3 dev.py bench runs it too)
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("ru", "el", "en")
ABSOLUTE = re.compile(r"\b(always|never|only|all|every|none|nothing|everything|any)\b", re.I)
STOP = set("a an the of to and or in on for is are be it its that this what which who you your do does with as at by "
           "from not no how why when their they them he she his her we our".split())
NEAR = 0.6  # share of shared words (Jaccard) above which two prompts count as near-duplicates


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9']+", text.lower()) if w not in STOP and len(w) > 2}


def load(folder: Path) -> dict[str, list[dict]]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return {p.stem: yaml.load(p.read_text(encoding="utf-8"), Loader=loader)["questions"] for p in sorted(folder.glob("*.yml"))}


def file_figures(questions: list[dict]) -> dict:
    f = Counter()
    for q in questions:
        f["questions"] += 1
        f[q["type"]] += 1
        if q["type"] in ("single", "scenario"):
            f["choice"] += 1
            options = q["options"]
            right = next(i for i, o in enumerate(options) if o.get("correct"))
            f["first"] += right == 0
            for lang in LANGS:
                lengths = [len(o["text"][lang]) for o in options]
                others = [n for i, n in enumerate(lengths) if i != right]
                f[f"longest_{lang}"] += lengths[right] > max(others)
        if q["type"] == "truefalse":
            f["true"] += q["answer"] is True
        for o in q.get("options", []):
            key = "abs_right" if o.get("correct") else "abs_wrong"
            f[key] += bool(ABSOLUTE.search(o["text"]["en"]))
    return f


def share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({round(100 * part / whole) if whole else 0}%)"


def near_duplicates(bank: dict[str, list[dict]]) -> list[tuple[float, str, str]]:
    items = [(q["id"], words(q["prompt"]["en"] + " " + q.get("situation", {}).get("en", ""))) for qs in bank.values() for q in qs]
    found = []
    for (a, wa), (b, wb) in combinations(items, 2):
        if wa and wb:
            score = len(wa & wb) / len(wa | wb)
            if score >= NEAR:
                found.append((score, a, b))
    return sorted(found, reverse=True)


def main() -> int:
    bank = load(ROOT / "quizzes")
    total = Counter()
    print(f"{'quiz':34} {'q':>3} {'scen':>5} {'right first':>12} {'longest ru/el/en':>17} {'T/F true':>9}")
    for name, questions in bank.items():
        f = file_figures(questions)
        total.update(f)
        longest = "/".join(str(f[f'longest_{lang}']) for lang in LANGS)
        print(f"{name:34} {f['questions']:>3} {f['scenario']:>5} {share(f['first'], f['choice']):>12} "
              f"{longest + ' of ' + str(f['choice']):>17} {share(f['true'], f['truefalse']):>9}")
    print()
    print(f"questions: {total['questions']}; types: " + ", ".join(
        f"{t} {total[t]}" for t in ("single", "scenario", "multiple", "truefalse", "ordering")))
    print(f"scenario questions: {share(total['scenario'], total['questions'])} (goal: at least 40%)")
    print(f"right option first in the file (single + scenario): {share(total['first'], total['choice'])}")
    for lang in LANGS:
        print(f"right option strictly the longest ({lang}): {share(total[f'longest_{lang}'], total['choice'])}")
    print(f"true/false answered True: {share(total['true'], total['truefalse'])}")
    print(f"absolute words (en) in right options: {total['abs_right']}, in wrong options: {total['abs_wrong']}")
    dupes = near_duplicates(bank)
    print(f"near-duplicate prompts (word overlap >= {NEAR:.0%}): {len(dupes)}")
    for score, a, b in dupes:
        print(f"  {score:.0%}  {a}  ~  {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
