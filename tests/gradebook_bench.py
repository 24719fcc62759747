#!/usr/bin/env python3
"""The trainer's gradebook under a large group, printed as figures (a benchmark, not a test):
1,000 generated reports (tests/gradebook_data.py) pasted into the team overview in Chromium,
then the time from a press of the button to the next frame drawn for: the table shown, sorted
(by name and by a chapter), filtered, and exported as CSV. Budget: 1 s each on this machine.
Also the length of a report code, version 1 against version 2, for a finished course.

    python3 dev.py bench        (or: .venv/bin/python tests/gradebook_bench.py [--site DIR] [--runs N])
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gradebook_data import generate  # noqa: E402
from search_bench import serve  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
BUDGET_MS = 1000
PEOPLE = 1000

# press → handler done → the next frame painted (layout included)
TIMED = """async (selector) => {
  const t0 = performance.now();
  const [target, value] = selector.split("=>");
  const el = document.querySelector(target);
  if (value !== undefined) { el.value = value; el.dispatchEvent(new Event(el.tagName === "SELECT" ? "change" : "input")); } else el.click();
  const handled = performance.now();
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return [handled - t0, performance.now() - t0];
}"""
STEPS = [
    ("table shown", "[data-action=show-team]"),
    ("sorted by name (descending)", "th[data-col=name] button"),
    ("sorted by chapter 3", "th[data-col=ch03-who-is-your-customer] button"),
    ("filtered by status", "[data-filter-status]=>failed"),
    ("filter cleared", "[data-filter-status]=>all"),
    ("exported as CSV (file made)", "[data-action=export-team]"),
]


def code_lengths(page) -> tuple[int, int]:
    """Report code lengths for a learner who finished everything (no mistakes): CO1 as the course
    made it before, CO2 now."""
    return tuple(page.evaluate("""() => {
      const lessons = window.courseCore.lessons, f = window.courseCore.pure.fnv1a;
      const b64 = (t) => btoa(String.fromCharCode(...new TextEncoder().encode(t))).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
      const s = {}; lessons.forEach((l) => { s[l.quiz] = 95; });
      const p1 = b64(JSON.stringify({ n: "Anna Ivanova", d: "2026-12-02", l: "en", s, f: 95 }));
      const r = { at: "2026-12-02T10:15Z", lang: "en", name: "Anna Ivanova", lessons: {}, cert: "2026-12-02", assignment: null,
                  final: { passed: true, right: 19, total: 20, first: { right: 17, total: 20 }, attempts: 2 } };
      lessons.forEach((l) => { r.lessons[l.quiz] = { grade: "passed", score: 95, first: 83, missed: [] }; });
      return [("CO1." + p1 + "." + f(p1)).length, window.courseReport.encode(r).length];
    }"""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=ROOT, check=True,
                           capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        httpd, base = serve(site)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            times: dict[str, list] = {name: [] for name, _ in STEPS}
            for _ in range(args.runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
                page = context.new_page()
                page.goto(base + "en/trainer/team/")
                data = generate(page, PEOPLE)
                page.evaluate("t => { const box = document.querySelector('[data-team-input]'); box.value = t; box.dispatchEvent(new Event('input')); }",
                              data["text"])
                for name, selector in STEPS:
                    if "export" in name:
                        with page.expect_download() as download:
                            times[name].append(page.evaluate(TIMED, selector))
                        size = Path(download.value.path()).stat().st_size
                    else:
                        times[name].append(page.evaluate(TIMED, selector))
                rows = page.locator(".gradebook__table tbody tr").count()
                lengths = code_lengths(page)
                context.close()
            browser.close()
        httpd.shutdown()
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.1f} over the last minute (figures grow with it)")
    print(f"gradebook, {PEOPLE} reports pasted ({len(data['text']) / 1024:.0f} KB of text), {args.runs} runs, "
          f"press -> next frame (median / worst), budget {BUDGET_MS} ms each:")
    for name, _ in STEPS:
        total = [t[1] for t in times[name]]
        worst = max(total)
        print(f"  {name:30s} {statistics.median(total):6.0f} / {worst:4.0f} ms"
              f"  (script {statistics.median(t[0] for t in times[name]):.0f} ms)  {'ok' if worst < BUDGET_MS else 'OVER BUDGET'}")
    print(f"  rows drawn per page: {rows}; CSV file: {size / 1024:.0f} KB")
    print(f"report code for a finished course: CO1 {lengths[0]} characters, CO2 {lengths[1]} characters "
          "(CO2 carries failed and unfinished lessons, first attempts, the final test, assignment and certificate too)")


if __name__ == "__main__":
    main()
