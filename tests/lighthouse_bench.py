#!/usr/bin/env python3
"""Lighthouse on the learner's page types, served as GitHub Pages serves them (gzip), side by
side with a bare Material build of the same pages (a benchmark, not a test):

    python3 dev.py bench        (or: .venv/bin/python tests/lighthouse_bench.py [--langs ru] [--runs 1]
                                 [--site DIR --label NAME ...]
                                 [--bare DIR] [--reports DIR])

Prints, per page and language, Lighthouse's four scores (performance, accessibility, best
practices, SEO), LCP, TBT, CLS and the bytes transferred, then a page-weight table. Needs
Lighthouse 12.2.3 (installed here with npm into .bench/ when missing) and Debian's Chromium.
The bare build is the same project without hooks, overrides, course scripts and styles: what
Material alone costs for the same pages. The course starts Material's script at the reader's
first interaction (docs/assets/theme.js), which Lighthouse does not make: its figures are the
page as a reader finds it before touching it; tests/first_interaction.py measures that first touch.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".bench"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
VERSION = "12.2.3"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PAGES = {"home": "", "chapter": "chapters/03-who-is-your-customer/", "case": "cases/ikea/",
         "checklist": "standards/touchpoint-audit/", "final test": "final-test/", "my progress": "progress/",
         "answer key": "trainer/answer-key/"}
PREFIX = {"ru": "", "el": "el/", "en": "en/"}
PARTS = ["mkdocs.yml", "docs", "overrides", "hooks", "quizzes", "glossary.yml", "glossary.schema.json", "labels.yml", "labels.schema.json"]
COMPRESSED = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt")


def install() -> None:
    if LIGHTHOUSE.exists():
        return
    if not shutil.which("npm"):
        if os.geteuid() != 0 or not shutil.which("apt-get"):
            sys.exit("The benchmark needs npm (Debian: apt-get install npm).")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "npm"], check=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    subprocess.run(["npm", "install", "--prefix", str(BENCH), f"lighthouse@{VERSION}", "--no-audit", "--no-fund", "--silent"], check=True)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped for clients that accept it (as GitHub Pages does), with a cache
    lifetime of 10 minutes (GitHub Pages' own)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        if not path.is_file() or path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/", httpd


def build(project: Path, site: Path, strict: bool = True) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("OFFLINE", None)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "-d", str(site)],
                   cwd=project, check=True, capture_output=True, env=env)


def bare_material(target: Path) -> Path:
    """The same pages built by MkDocs, Material and mkdocs-static-i18n alone."""
    target.mkdir()
    for part in PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^hooks:\n(?:  - .*\n)+", "", config, flags=re.M)
    config = re.sub(r"^extra_(?:css|javascript):\n(?:  - .*\n)+", "", config, flags=re.M)
    config = config.replace("  custom_dir: overrides\n", "")
    config = re.sub(r"^  polyfills:\n(?:    - .*\n)+", "", config, flags=re.M)
    config = re.sub(r"^  - i18n:", "  - i18n:", config, flags=re.M)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    build(target, target / "site", strict=False)
    return target / "site"


def lighthouse(url: str, keep: Path | None = None) -> dict:
    out = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--quiet", "--only-categories=performance,accessibility,best-practices,seo",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=240)
    if out.returncode != 0:
        return {"error": (out.stderr or "failed").strip().splitlines()[-1][:120]}
    if keep:
        keep.write_text(out.stdout, encoding="utf-8")
    report = json.loads(out.stdout)
    audits = report["audits"]
    failed = [i["url"] for i in audits.get("network-requests", {}).get("details", {}).get("items", []) if (i.get("statusCode") or 0) >= 400]
    outside = [i["url"] for i in audits.get("network-requests", {}).get("details", {}).get("items", []) if not i["url"].startswith(("http://127.0.0.1", "data:"))]
    return {
        **{c: round(100 * (report["categories"][c]["score"] or 0)) for c in ("performance", "accessibility", "best-practices", "seo")},
        "lcp": audits["largest-contentful-paint"]["numericValue"], "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"], "bytes": audits["total-byte-weight"]["numericValue"],
        "failed": failed, "outside": outside,
        "below": [a for c in ("accessibility", "best-practices", "seo") for a in
                  (ref["id"] for ref in report["categories"][c]["auditRefs"]) if audits[a].get("score") == 0 and ref_weight(report, c, a)],
    }


def ref_weight(report, category, audit) -> bool:
    return any(r["id"] == audit and r.get("weight", 0) > 0 for r in report["categories"][category]["auditRefs"])


def median_run(url: str, runs: int, keep: Path | None = None) -> dict:
    results = [lighthouse(url, keep and keep.with_name(f"{keep.stem}-{n + 1}.json")) for n in range(runs)]
    good = [r for r in results if "error" in r] and results or results
    if any("error" in r for r in good):
        return next(r for r in good if "error" in r)
    by_perf = sorted(good, key=lambda r: r["performance"])
    return by_perf[len(by_perf) // 2]


def page_weight(site: Path, path: str) -> tuple[int, int]:
    html = site / path / "index.html"
    data = html.read_bytes()
    return len(data), len(gzip.compress(data, 6))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--langs", default="ru,el,en")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--site", action="append", default=[], help="a built site to measure as well (with --label)")
    parser.add_argument("--label", action="append", default=[])
    parser.add_argument("--no-bare", action="store_true")
    parser.add_argument("--bare", help="an already built bare Material site to measure instead of building one")
    parser.add_argument("--reports", help="a folder to keep every Lighthouse JSON report in (page-lang-site-run.json)")
    args = parser.parse_args()
    install()
    with tempfile.TemporaryDirectory() as tmp:
        sites = {}
        for folder, label in zip(args.site, args.label):
            sites[label] = Path(folder)
        if not any(label == "course" for label in sites):
            build(ROOT, Path(tmp) / "course")
            sites["course"] = Path(tmp) / "course"
        if args.bare:
            sites["bare Material"] = Path(args.bare)
        elif not args.no_bare:
            sites["bare Material"] = bare_material(Path(tmp) / "bare")
        reports = Path(args.reports) if args.reports else None
        if reports:
            reports.mkdir(parents=True, exist_ok=True)
        servers = {label: serve(folder) for label, folder in sites.items()}
        print(f"Lighthouse {VERSION}, mobile, gzip; median of {args.runs} run(s) by performance\n")
        print(f"{'page':<12} {'lang':<4} {'site':<14} {'perf':>4} {'a11y':>4} {'b.p.':>4} {'seo':>4} {'LCP ms':>7} {'TBT ms':>7} {'CLS':>6} {'KB':>6}  notes")
        for name in args.pages.split(","):
            for lang in args.langs.split(","):
                for label, (base, _) in servers.items():
                    keep = reports and reports / re.sub(r"[^a-z0-9]+", "_", f"{name}-{lang}-{label}".lower())
                    r = median_run(base + PREFIX[lang] + PAGES[name], args.runs, keep)
                    if "error" in r:
                        print(f"{name:<12} {lang:<4} {label:<14} error: {r['error']}")
                        continue
                    notes = ", ".join(r["below"] + [f"failed {u}" for u in r["failed"]] + [f"outside {u}" for u in r["outside"]])
                    print(f"{name:<12} {lang:<4} {label:<14} {r['performance']:>4} {r['accessibility']:>4} {r['best-practices']:>4} {r['seo']:>4} "
                          f"{r['lcp']:>7.0f} {r['tbt']:>7.0f} {r['cls']:>6.3f} {r['bytes'] / 1024:>6.0f}  {notes}", flush=True)
        print("\nPage weight (the HTML alone): KB raw / KB gzipped")
        print(f"{'page':<12} {'lang':<4} " + " ".join(f"{label:>20}" for label in sites))
        for name in args.pages.split(","):
            for lang in args.langs.split(","):
                cells = []
                for label, folder in sites.items():
                    raw, gz = page_weight(folder, PREFIX[lang] + PAGES[name])
                    cells.append(f"{raw / 1024:>9.0f} / {gz / 1024:>7.1f}")
                print(f"{name:<12} {lang:<4} " + " ".join(f"{c:>20}" for c in cells))
        for _, httpd in servers.values():
            httpd.shutdown()


if __name__ == "__main__":
    main()
