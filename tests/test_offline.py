"""The offline copy: one command makes a zip that works opened from disk."""
from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory):
    result = subprocess.run([sys.executable, "dev.py", "offline"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    archive = ROOT / "dist" / "customer-orientation-offline.zip"
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(archive) as z:
        z.extractall(folder)
    return folder / "customer-orientation"


def test_the_zip_holds_every_language_with_its_search(unzipped):
    for prefix in ("", "el/", "en/"):
        assert (unzipped / prefix / "index.html").is_file()
        assert (unzipped / prefix / "search" / "search_index.js").is_file()
        assert (unzipped / prefix / "search" / "learner.js").is_file()
        assert (unzipped / prefix / "chapters" / "01-what-it-is.html").is_file()


def test_opened_from_disk_it_navigates_and_searches_in_greek(page, unzipped):
    failed: list[str] = []
    # a load the next page cuts short (Material's script, started by the click that follows a
    # link) is not a missing file: net::ERR_ABORTED
    page.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}") if r.failure != "net::ERR_ABORTED" else None)
    page.on("console", lambda m: failed.append(m.text) if m.type == "error" else None)
    page.goto((unzipped / "el" / "index.html").as_uri())
    page.locator(".md-nav__link", has_text="Σημεία επαφής").first.click()
    assert page.url.endswith("/el/chapters/05-touchpoints.html")
    assert page.locator("h1").inner_text().startswith("Σημεία επαφής")
    box = page.locator("input[data-md-component=search-query]")
    box.focus()
    box.fill("εξυπηρέτηση")  # the same analysis from disk: stems indexed and typed alike
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=15000)
    links = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
    assert "/el/chapters/06-beyond-expectations.html" in links[0]
    assert all("/el/" in link and "/trainer/" not in link for link in links)
    page.wait_for_timeout(500)
    assert page.outside_requests == []
    assert failed == [], "no failed load from disk (no sitemap.xml, no missing index)"


def test_a_quiz_works_from_disk(page, unzipped):
    page.goto((unzipped / "en" / "cases" / "nordstrom.html").as_uri())
    form = page.locator(".quiz-q").first
    form.locator(".quiz-opt[data-correct] input").first.check()
    form.locator("[data-action=check]").click()
    assert form.locator(".quiz-q__status").inner_text().startswith("✓")
    assert page.js_errors == []


def test_the_published_site_offers_the_zip_on_every_home_page(unzipped, tmp_path):
    import os

    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COURSE_OFFLINE_ZIP": "dist/customer-orientation-offline.zip"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "downloads" / "customer-orientation-offline.zip").is_file()
    for prefix in ("", "el/", "en/"):
        html = (site / prefix / "index.html").read_text(encoding="utf-8")
        assert html.count("customer-orientation-offline.zip") == 1
