#!/usr/bin/env python3
"""Search figures, per language (a benchmark, not a test):

- the search files a page downloads before and after the learner opens search (raw, gzipped);
- with Chromium's CPU throttled 4x: the time from page load to the first results when the
  learner starts typing at once, and from a keystroke to its results once the index is ready;
- the share of the everyday queries in tests/search_queries.yml whose page is among the first
  three results.

    python3 dev.py bench        (or: .venv/bin/python tests/search_bench.py [--site DIR])
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "search_queries.yml"
LANGS = {"ru": "", "el": "el/", "en": "en/"}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PAGE = "chapters/05-touchpoints/"

# one query, run as a learner's browser runs it (shared with tests/test_browser_search.py)
RUN_QUERY = (ROOT / "tests" / "search_query.js").read_text(encoding="utf-8")



def serve(site: Path):
    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def sizes(site: Path, paths: list[str]) -> tuple[int, int]:
    files = [site / unquote(p).lstrip("/") for p in paths]
    raw = sum(f.stat().st_size for f in files if f.is_file())
    packed = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files if f.is_file())
    return raw, packed


def wanted(entry) -> list[str]:
    return entry["page"] if isinstance(entry["page"], list) else [entry["page"]]


def measure(browser, base: str, site: Path, lang: str, queries: list[dict]) -> dict:
    url = base + LANGS[lang] + PAGE

    def open_page():
        context = browser.new_context(viewport={"width": 412, "height": 900}, has_touch=True)
        page = context.new_page()
        page.requested, page.failed = [], []
        page.on("requestfinished", lambda r: page.requested.append(urlparse(r.url).path))
        page.on("response", lambda r: page.failed.append(r.url) if r.status >= 400 else None)
        page.on("requestfailed", lambda r: page.failed.append(r.url))
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(url, wait_until="load")
        return context, page

    # 1. a page read without searching: what it downloads by itself
    context, page = open_page()
    page.wait_for_timeout(2000)
    on_load = [p for p in page.requested if "/search/" in p]
    failed = list(page.failed)
    context.close()
    # 2. the learner opens search as soon as the page has loaded and types at once
    context, page = open_page()
    page.locator("input[data-md-component=search-query]").focus()
    first = page.evaluate(RUN_QUERY, queries[0]["q"])
    opened = [p for p in page.requested if "/search/" in p and p not in on_load]
    root = base + LANGS[lang]
    times, found, missed = [], 0, []
    for entry in queries:
        page.evaluate(RUN_QUERY, "")
        result = page.evaluate(RUN_QUERY, entry["q"])
        times.append(result["ms"])
        top = [p[len(root):] for p in result["pages"][:3]]
        if any(w in top for w in wanted(entry)):
            found += 1
        else:
            missed.append(f"{entry['q']} -> {', '.join(top) or 'nothing'}")
    failed += page.failed
    context.close()
    return {"load": sizes(site, on_load), "open": sizes(site, opened), "ready_ms": first["sinceLoad"],
            "query_ms": statistics.median(times), "found": found, "total": len(queries),
            "missed": missed, "failed": failed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    args = parser.parse_args()
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                           cwd=ROOT, check=True, capture_output=True, env=env)
        httpd, base = serve(site)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            print("search, per language (phone viewport, CPU throttled 4x):")
            for lang in LANGS:
                r = measure(browser, base, site, lang, queries[lang])
                print(f"  {lang}: index on page load {r['load'][0] / 1024:.0f} KB raw / {r['load'][1] / 1024:.1f} KB gz;"
                      f" on opening search {r['open'][0] / 1024:.0f} KB raw / {r['open'][1] / 1024:.1f} KB gz")
                print(f"      page loaded -> first results (typing at once) {r['ready_ms']:.0f} ms;"
                      f" keystroke -> results {r['query_ms']:.0f} ms (median)")
                print(f"      queries found in the first three: {r['found']}/{r['total']}"
                      f" ({100 * r['found'] / r['total']:.0f}%)")
                for miss in r["missed"]:
                    print(f"        missed: {miss}")
                if r["failed"]:
                    print(f"      failed requests: {len(r['failed'])}: {', '.join(sorted(set(r['failed'])))}")
            browser.close()
        httpd.shutdown()


if __name__ == "__main__":
    main()
