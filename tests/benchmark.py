#!/usr/bin/env python3
"""Build budgets, printed as figures (a benchmark, not a test):

- the quiz's own script and style weigh at most 8 KB gzipped, as the site ships them (minified
  by hooks/bundle.py); the progress core every course feature shares is printed beside them;
- all project hooks together cost at most 1.2x the CPU time of the same build without them;
- their cost grows no faster than the content (a course four times larger, generated in a
  temporary copy: at most four times the hooks' cost).

    python3 dev.py bench        (or: .venv/bin/python tests/benchmark.py [--runs N] [--instructions])

On a shared machine a build's CPU time can vary by a third from one minute to the next: the
budget is judged on the rounds' paired ratios, and --instructions counts the builds' machine
instructions with Valgrind instead (the same figure however busy the machine is; slow).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import rcssmin
import rjsmin
import yaml

ROOT = Path(__file__).resolve().parent.parent
QUIZ_ASSETS = ["docs/assets/quiz.js", "docs/assets/quiz.css"]
CORE = "docs/assets/course-core.js"  # the progress core: quizzes, My progress, the final test, the certificate and the LMS share it

PARTS = ["mkdocs.yml", "docs", "overrides", "hooks", "quizzes", "glossary.yml", "glossary.schema.json", "labels.yml", "labels.schema.json", "company.schema.json", "company.example.yml", "diagrams"]


def build_env() -> dict:
    """The environment a maintainer builds in. Python keeps the hooks' compiled bytecode between
    builds (as it keeps the installed libraries'), even where this machine says not to
    (PYTHONDONTWRITEBYTECODE): otherwise every build pays for compiling the hooks again, and the
    bare build, whose libraries are compiled once at install, does not."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def build_command(project: Path, strict: bool) -> list[str]:
    """One full build of the project. The bare build is not strict: without the hooks, the anchors
    they add are missing."""
    return [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "-d", str(project / "site")]


def build_seconds(project: Path, strict: bool = True) -> float:
    """CPU seconds (user + system) of one full build: steadier than wall time on a shared machine."""
    env = build_env()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(build_command(project, strict), cwd=project, check=True, capture_output=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def copy_project(target: Path) -> Path:
    target.mkdir()
    for part in PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    return target


def without_hooks(project: Path) -> None:
    """The same project built by MkDocs, Material and mkdocs-static-i18n alone."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^hooks:\n(?:  - .*\n)+", "", config, flags=re.M)
    # what hooks/build_context.py would give the templates, fixed in the config instead
    labels = yaml.safe_load((project / "labels.yml").read_text(encoding="utf-8"))
    every = {key: label["ru"] for group in labels.values() for key, label in group.items()}
    scripts = {key: label["ru"] for key, label in labels["scripts"].items()}
    extra = f"extra:\n  labels: {json.dumps(every, ensure_ascii=False)}\n  script_labels: {json.dumps(scripts, ensure_ascii=False)}\n  not_found: []\n"
    config = config.replace("extra:\n", extra, 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")


def grow(project: Path, times: int) -> None:
    """Make the course `times` times larger: every chapter and case (page in every language, its
    quiz with fresh ids, its place in the navigation) copied times - 1 more."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    for page in sorted((project / "docs" / "ru").glob("*/*.md")):
        text = page.read_text(encoding="utf-8")
        match = re.search(r"^quiz: (\S+)$", text, re.M)
        if not match or page.parent.name not in ("chapters", "cases"):
            continue
        quiz = match.group(1)
        rel = page.relative_to(project / "docs" / "ru").as_posix()
        copies = []
        for k in range(2, times + 1):
            name = f"x{k}-{page.name}"
            for lang in ("ru", "el", "en"):
                source = project / "docs" / lang / rel
                (source.parent / name).write_text(source.read_text(encoding="utf-8").replace(f"quiz: {quiz}\n", f"quiz: x{k}-{quiz}\n"), encoding="utf-8")
            bank = (project / "quizzes" / f"{quiz}.yml").read_text(encoding="utf-8")
            (project / "quizzes" / f"x{k}-{quiz}.yml").write_text(re.sub(r"^(\s*-?\s*id: )", rf"\1x{k}-", bank, flags=re.M), encoding="utf-8")
            copies.append(f"      - {page.parent.name}/{name}\n")
        config = config.replace(f"      - {rel}\n", f"      - {rel}\n" + "".join(copies), 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")


def make_variants(tmp: Path) -> dict[tuple[int, bool], Path]:
    """{(size, hooks): project}: the course and the course x4, each with and without the hooks,
    each built once (to warm the file cache and Python's bytecode cache)."""
    variants = {}
    for size in (1, 4):
        for hooks in (False, True):
            project = copy_project(tmp / f"x{size}-{'hooks' if hooks else 'bare'}")
            if size > 1:
                grow(project, size)
            if not hooks:
                without_hooks(project)
            variants[(size, hooks)] = project
    for key, project in variants.items():
        build_seconds(project, strict=key[1])
    return variants


def build_instructions(project: Path, strict: bool) -> int:
    """Machine instructions of one full build, counted by Valgrind (callgrind): the same count
    however busy the machine is (with Python's hash seed fixed), at about 80 times a build's time."""
    env = {**build_env(), "PYTHONHASHSEED": "0"}
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}/callgrind.out", *build_command(project, strict)],
                              cwd=project, check=True, capture_output=True, text=True, env=env)
    return int(re.search(r"Collected : (\d+)", done.stderr).group(1))


def instruction_budget() -> None:
    """The hook budget in instructions instead of CPU time: one count per variant, the four counted
    side by side (one per core)."""
    from concurrent.futures import ThreadPoolExecutor

    if not shutil.which("valgrind"):
        sys.exit("--instructions needs Valgrind: install it (on Debian, as root: apt-get install valgrind), or time the builds without it")
    with tempfile.TemporaryDirectory() as tmp:
        variants = make_variants(Path(tmp))
        with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
            counts = dict(zip(variants, pool.map(lambda key: build_instructions(variants[key], key[1]), variants)))
    for size in (1, 4):
        bare, full = counts[(size, False)], counts[(size, True)]
        print(f"course x{size}: bare build {bare / 1e9:.2f} G instructions, with every hook {full / 1e9:.2f} G: "
              f"{full / bare:.3f}x (budget 1.20x): {'within' if full / bare <= 1.2 else 'OVER'} budget")
    cost1, cost4 = counts[(1, True)] - counts[(1, False)], counts[(4, True)] - counts[(4, False)]
    print(f"hooks' own cost: {cost1 / 1e9:.2f} G instructions for the course, {cost4 / 1e9:.2f} G for the course x4: "
          f"x{cost4 / cost1:.1f} (budget: no faster than the content, x4): {'within' if cost4 <= 4 * cost1 else 'OVER'} budget")


def hook_budget(runs: int) -> None:
    """All project hooks against the bare build, for today's course and one four times larger."""
    with tempfile.TemporaryDirectory() as tmp:
        variants = make_variants(Path(tmp))
        times: dict = {key: [] for key in variants}
        for round_ in range(runs):
            for size in (1, 4):
                for hooks in ((False, True) if round_ % 2 == 0 else (True, False)):  # who goes first alternates
                    times[(size, hooks)].append(build_seconds(variants[(size, hooks)], strict=hooks))
    # Each round builds the bare and the full variant one after the other, so a pair shares the
    # machine's state; on a shared machine a build's CPU time varies by a third from one minute to
    # the next, and the fastest of each variant may come from different minutes. The budget is
    # judged on the median of the rounds' ratios (and of their differences, for the growth).
    best = {key: min(values) for key, values in times.items()}
    ratio, cost = {}, {}
    for size in (1, 4):
        bare, full = times[(size, False)], times[(size, True)]
        ratio[size] = statistics.median(f / b for f, b in zip(full, bare))
        cost[size] = statistics.median(f - b for f, b in zip(full, bare))
        print(f"course x{size}: bare build {best[(size, False)]:.2f} CPU s, with every hook {best[(size, True)]:.2f} CPU s "
              f"(fastest of {runs}; medians {statistics.median(bare):.2f} / {statistics.median(full):.2f}); "
              f"ratio in each round {' '.join(f'{f / b:.2f}' for f, b in zip(full, bare))}: "
              f"median {ratio[size]:.2f}x (budget 1.20x): {'within' if ratio[size] <= 1.2 else 'OVER'} budget")
    with tempfile.TemporaryDirectory() as tmp:  # where the hooks' own time goes, in one build of the course
        project = copy_project(Path(tmp) / "course")
        env = build_env()
        timed = subprocess.run([sys.executable, str(ROOT / "tests" / "hook_times.py"), "--strict", "-q", "-d", str(project / "site")],
                               cwd=project, check=True, capture_output=True, text=True, env=env)
        print(timed.stdout.rstrip())
    cost1, cost4 = cost[1], cost[4]
    print(f"hooks' own cost (median of the rounds' differences): {cost1:.2f} CPU s for the course, {cost4:.2f} CPU s for the course x4: "
          f"x{cost4 / cost1:.1f} (budget: no faster than the content, x4): {'within' if cost4 <= 4 * cost1 else 'OVER'} budget")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds: in each, every variant is built once, the bare and the full build of a size one after the other")
    parser.add_argument("--instructions", action="store_true",
                        help="count the builds' instructions with Valgrind instead of timing them (steady on a busy machine; 15-25 minutes)")
    args = parser.parse_args()
    if args.instructions:
        instruction_budget()
        return

    def shipped(path: str) -> bytes:
        """The file as the pages receive it: minified as hooks/bundle.py minifies it."""
        text = (ROOT / path).read_text(encoding="utf-8")
        return (rjsmin.jsmin(text) if path.endswith(".js") else rcssmin.cssmin(text)).encode()

    raw = sum(len(shipped(f)) for f in QUIZ_ASSETS)
    packed = sum(len(gzip.compress(shipped(f), 9)) for f in QUIZ_ASSETS)
    core = len(gzip.compress(shipped(CORE), 9))
    print(f"quiz script + style as shipped (minified): {raw / 1024:.1f} KB, {packed / 1024:.2f} KB gzipped (budget 8 KB): "
          f"{'within' if packed <= 8 * 1024 else 'OVER'} budget; the shared progress core adds {core / 1024:.2f} KB gzipped")
    hook_budget(args.runs)


if __name__ == "__main__":
    main()
