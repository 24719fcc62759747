"""Shared fixtures: the site built once per test session, copies of the project to break on
purpose, and the built site served on 127.0.0.1 for browser tests."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "hooks", "quizzes", "glossary.yml", "glossary.schema.json", "labels.yml", "labels.schema.json",
                 "company.schema.json", "company.example.yml", "company.yml", "diagrams"]
LANGS = {"ru": "", "el": "el/", "en": "en/"}


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as the README and CI run it (never quiet: -q hides warnings)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, capture_output=True, text=True, env=env,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project to plant mistakes in."""
    copy = tmp_path / "project"
    copy.mkdir()
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, copy / part)
        elif source.exists():
            shutil.copy2(source, copy / part)
    return copy


@pytest.fixture
def build_copy(tmp_path):
    """Build a (modified) project copy; returns (returncode, all output)."""
    def run(project: Path) -> tuple[int, str]:
        result = mkdocs_build(project, tmp_path / "out")
        return result.returncode, result.stdout + result.stderr
    return run


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(built_site):
    handler = functools.partial(QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
# The browser contexts the tests use (browser.new_context(**PHONE)): a desktop window, and a phone
# held in the hand (a 390 x 844 screen, touch, the mobile viewport meta honoured).
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (see README)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (empty storage) whose requests may only go to 127.0.0.1."""
    context = browser.new_context(**DESKTOP)
    outside: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "file://", "data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.outside_requests = outside
    pg.js_errors = errors
    yield pg
    context.close()


def pytest_collection_modifyitems(config, items):
    """Layers a developer can run alone: `-m "not browser"` is the fast layer (unit tests and
    build checks, no Chromium); `-m "not build and not browser"` the unit tests alone."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & {"browser", "page", "server"}:
            item.add_marker(pytest.mark.browser)
        if fixtures & {"built_site", "build_copy", "server", "unzipped"}:
            item.add_marker(pytest.mark.build)
