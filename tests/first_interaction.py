#!/usr/bin/env python3
"""The reader's first touch, now that Material's script starts then (docs/assets/theme.js): a
benchmark that prints figures, not a test.

On a phone (390 px, touch, the CPU slowed 4x as Lighthouse's mobile profile slows it), each page
is loaded, left to settle, and its search button tapped. Printed per page (median of --runs):
- the long tasks (over 50 ms) while the page loads;
- the tap's own response: the Event Timing API's duration, from the touch to the next paint (what
  Chrome reports as the page's responsiveness, INP);
- the long tasks that follow it (over 50 ms): Material's script being run and started.

    .venv/bin/python tests/first_interaction.py [--runs 5] [--site DIR]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from conftest import CHROMIUM_ARGS, PHONE
from lighthouse_bench import CHROMIUM, PAGES, ROOT, build, serve

MEASURED = ["home", "chapter", "case", "checklist"]
WATCH = """
  window.__long = []; window.__events = [];
  new PerformanceObserver(list => list.getEntries().forEach(e => window.__long.push(e.duration))).observe({type: "longtask"});
  new PerformanceObserver(list => list.getEntries().forEach(e => e.interactionId && window.__events.push(e.duration)))
    .observe({type: "event", durationThreshold: 16});
"""


def first_tap(browser, url: str) -> tuple[float, float, float]:
    context = browser.new_context(**PHONE)
    context.add_init_script(WATCH)
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    loading = sum(page.evaluate("window.__long.splice(0)"))
    page.tap("label[for=__search]")
    page.wait_for_function("() => typeof window.component$ !== 'undefined'")  # Material's script is running
    page.wait_for_timeout(1500)
    response = max(page.evaluate("window.__events") or [0])
    tasks = sum(page.evaluate("window.__long"))
    context.close()
    return loading, response, tasks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", help="an already built site (default: build the course)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        site = Path(args.site) if args.site else Path(tmp) / "site"
        if not args.site:
            build(ROOT, site)
        base, httpd = serve(site)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print(f"load, then a first tap on the search button, phone, 4x CPU, median of {args.runs}:")
        for name in MEASURED:
            runs = [first_tap(browser, base + PAGES[name]) for _ in range(args.runs)]
            print(f"  {name:10} long tasks while loading {statistics.median(r[0] for r in runs):4.0f} ms; "
                  f"the tap's response {statistics.median(r[1] for r in runs):4.0f} ms; "
                  f"long tasks after it {statistics.median(r[2] for r in runs):4.0f} ms")
        browser.close()
        httpd.shutdown()


if __name__ == "__main__":
    main()
