#!/usr/bin/env python3
"""One command for each job, on a machine that has only Python 3.

    python3 dev.py serve      install what is needed, then preview the site on http://127.0.0.1:8000
    python3 dev.py test       install what is needed (Chromium too, as root), then run every test
                              (python3 dev.py test -m "not browser": the fast layer, no browser)
    python3 dev.py build      install what is needed, then build the site into site/ (strict)
    python3 dev.py bench      install what is needed, then print the bank report, the build budgets
                              and the search figures (index bytes, times with the CPU throttled, queries found),
                              then Lighthouse (mobile, gzip) on every learner page type beside bare Material,
                              and the gradebook's (1,000 reports shown, sorted, filtered, exported)
    python3 dev.py offline    install what is needed, then build dist/customer-orientation-offline.zip:
                              the whole site in every language, to open from disk (file://)
    python3 dev.py scorm      install what is needed, then build dist/customer-orientation-scorm12.zip and
                              dist/customer-orientation-scorm2004.zip: the course as SCORM packages for an LMS

Python packages go into .venv/ from the pinned requirements files; Debian's chromium is
installed with apt-get for the browser tests when it is missing; the tests' Node.js tools (gift-pegjs,
a real GIFT parser; scorm-again, the SCORM run-time that stands in for an LMS) go into node_modules/
with `npm ci` from package-lock.json.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))  # tests/conftest.py reads the same variable


def run(*cmd: str, **kwargs) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True, **kwargs)


def install(requirements: str) -> None:
    if not PYTHON.exists():
        venv.create(VENV, with_pip=True)
    stamp = VENV / f".installed-{requirements}"
    wanted = "".join((ROOT / name).read_text() for name in ("requirements.txt", requirements))
    if not stamp.exists() or stamp.read_text() != wanted:
        run(str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", requirements)
        stamp.write_text(wanted)


def install_node_tools() -> None:
    """The test suite's Node.js tools (gift-pegjs, a real GIFT parser for tests/test_gift.py;
    scorm-again, the SCORM run-time that stands in for an LMS in tests/test_scorm.py),
    installed exactly as package-lock.json pins it; again only when the lock file changed."""
    lock = ROOT / "package-lock.json"
    stamp = ROOT / "node_modules" / ".installed-package-lock.json"
    if stamp.exists() and stamp.read_text(encoding="utf-8") == lock.read_text(encoding="utf-8"):
        return
    if not shutil.which("npm"):
        sys.exit("The GIFT export and SCORM tests need Node.js and npm: run `sudo apt-get install nodejs npm` and try again.")
    run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
    stamp.write_text(lock.read_text(encoding="utf-8"), encoding="utf-8")


def install_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit("The browser tests need Debian's Chromium: run `sudo apt-get install chromium` and try again.")
    run("apt-get", "update", "-qq")
    run("apt-get", "install", "-y", "-qq", "chromium", env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def build_scorm(env: dict) -> list[Path]:
    """The site with plain .html links (an LMS's content server has no directory index either),
    plus the SCORM launch page and manifest (hooks/scorm_package.py), zipped with imsmanifest.xml
    at the root: one package for SCORM 1.2, one for SCORM 2004 4th edition."""
    archives = []
    for version in ("1.2", "2004"):
        name = "customer-orientation-scorm" + version.replace(".", "")
        folder = ROOT / "dist" / name
        shutil.rmtree(folder, ignore_errors=True)
        run(str(PYTHON), "-m", "mkdocs", "build", "--strict", "-d", str(folder),
            env={**env, "OFFLINE": "true", "COURSE_SCORM": version})
        archive = Path(shutil.make_archive(str(ROOT / "dist" / name), "zip", folder))
        print(f"SCORM {version} package: {archive}")
        archives.append(archive)
    return archives


def build_offline(env: dict) -> Path:
    """The site with plain .html links and search that runs from disk, zipped."""
    folder = ROOT / "dist" / "customer-orientation"
    shutil.rmtree(folder, ignore_errors=True)
    run(str(PYTHON), "-m", "mkdocs", "build", "--strict", "-d", str(folder), env={**env, "OFFLINE": "true"})
    (folder / "README.txt").write_text(
        "Customer orientation course: open index.html (Russian), el/index.html (Greek) or en/index.html (English).\n",
        encoding="utf-8")
    archive = shutil.make_archive(str(ROOT / "dist" / "customer-orientation-offline"), "zip", folder.parent, folder.name)
    print(f"offline copy: {archive}")
    return Path(archive)


def main() -> None:
    job = sys.argv[1] if len(sys.argv) > 1 else ""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if job == "serve":
        install("requirements.txt")
        run(str(PYTHON), "-m", "mkdocs", "serve", "--strict", *sys.argv[2:], env=env)
    elif job == "build":
        install("requirements.txt")
        run(str(PYTHON), "-m", "mkdocs", "build", "--strict", *sys.argv[2:], env=env)
    elif job == "test":
        install("requirements-test.txt")
        install_node_tools()
        if "not browser" not in " ".join(sys.argv[2:]):
            install_chromium()
        started = time.monotonic()
        try:
            run(str(PYTHON), "-m", "pytest", *sys.argv[2:], env=env)
        finally:
            print(f"test suite: {time.monotonic() - started:.0f} s wall time (budget: 600 s)", flush=True)
    elif job == "offline":
        install("requirements.txt")
        build_offline(env)
    elif job == "scorm":
        install("requirements.txt")
        build_scorm(env)
    elif job == "bench":
        install("requirements-test.txt")
        install_chromium()
        run(str(PYTHON), "tests/bank_report.py", env=env)
        run(str(PYTHON), "tests/benchmark.py", env=env)
        run(str(PYTHON), "tests/search_bench.py", env=env)
        run(str(PYTHON), "tests/gradebook_bench.py", env=env)
        run(str(PYTHON), "tests/lighthouse_bench.py", *sys.argv[2:], env=env)  # installs Lighthouse 12.2.3 into .bench/
        run(str(PYTHON), "tests/first_interaction.py", env=env)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    try:
        main()
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)
    except KeyboardInterrupt:
        sys.exit(130)
