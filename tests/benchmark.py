#!/usr/bin/env python3
"""Quiz budgets, printed as figures (a benchmark, not a test):

- the quiz script and style together weigh at most 8 KB gzipped;
- the quiz hooks add at most 20% to the full build time of the site without them.

    python3 dev.py bench        (or: .venv/bin/python tests/benchmark.py [--runs N])
"""
from __future__ import annotations

import argparse
import gzip
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUIZ_ASSETS = ["docs/assets/course-core.js", "docs/assets/quiz.js", "docs/assets/quiz.css"]  # a quiz needs the progress core
QUIZ_HOOKS = ["hooks/quizzes.py", "hooks/quiz_exports.py"]
PARTS = ["mkdocs.yml", "docs", "overrides", "hooks", "quizzes", "glossary.yml", "glossary.schema.json", "labels.yml", "labels.schema.json"]


def build_seconds(project: Path) -> float:
    """CPU seconds (user + system) of one full build: steadier than wall time on a shared machine."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
                   cwd=project, check=True, capture_output=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds per variant, interleaved; the fastest counts")
    args = parser.parse_args()

    raw = sum((ROOT / f).stat().st_size for f in QUIZ_ASSETS)
    packed = sum(len(gzip.compress((ROOT / f).read_bytes(), 9)) for f in QUIZ_ASSETS)
    print(f"quiz scripts (core + quiz) + style: {raw / 1024:.1f} KB raw, {packed / 1024:.2f} KB gzipped (budget 8 KB): "
          f"{'within' if packed <= 8 * 1024 else 'OVER'} budget")

    with tempfile.TemporaryDirectory() as tmp:
        with_hooks, without = Path(tmp) / "with", Path(tmp) / "without"
        for target in (with_hooks, without):
            target.mkdir()
            for part in PARTS:
                source = ROOT / part
                (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
        config = (without / "mkdocs.yml").read_text(encoding="utf-8")
        for hook in QUIZ_HOOKS:
            config = config.replace(f"  - {hook}\n", "")
        (without / "mkdocs.yml").write_text(config, encoding="utf-8")
        times: dict[Path, list[float]] = {without: [], with_hooks: []}
        build_seconds(with_hooks)  # warm the file cache and Python's bytecode cache first
        for _ in range(args.runs):
            for variant in times:
                times[variant].append(build_seconds(variant))
    # the fastest run is the one least disturbed by whatever else the machine was doing
    base, full = min(times[without]), min(times[with_hooks])
    ratio = (full - base) / base
    print(f"full build without the quiz hooks: {base:.2f} CPU s (fastest of {args.runs}; median {statistics.median(times[without]):.2f})")
    print(f"full build with the quiz hooks:    {full:.2f} CPU s (fastest of {args.runs}; median {statistics.median(times[with_hooks]):.2f})")
    print(f"the quiz hooks add {ratio * 100:.1f}% (budget 20%): {'within' if ratio <= 0.2 else 'OVER'} budget")


if __name__ == "__main__":
    main()
