"""The SCORM packages (python3 dev.py scorm): manifests valid against the official ADL/IMS XML
Schemas, and the course run end to end in Chromium inside a stand-in LMS, scorm-again's SCORM 1.2
and 2004 run-times (tests/fixtures/scorm-lms.html), whose commits go to a local server that keeps
the last one as an LMS keeps a learner's data. The packages are built once for the session."""
from __future__ import annotations

import http.server
import json
import re
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
import xmlschema

from conftest import ROOT, QuietHandler
from test_browser_quiz import answer
from test_browser_record import all_quizzes, passed, record

pytestmark = pytest.mark.build
FIXTURES = ROOT / "tests" / "fixtures"
PACKAGES = {"1.2": "customer-orientation-scorm12", "2004": "customer-orientation-scorm2004"}
SCHEMAS = {
    "1.2": (FIXTURES / "scorm12" / "imscp_rootv1p1p2.xsd", [
        ("http://www.adlnet.org/xsd/adlcp_rootv1p2", FIXTURES / "scorm12" / "adlcp_rootv1p2.xsd")]),
    "2004": (FIXTURES / "scorm2004" / "imscp_v1p1.xsd", [
        ("http://www.w3.org/XML/1998/namespace", FIXTURES / "scorm2004" / "xml.xsd"),
        ("http://www.adlnet.org/xsd/adlcp_v1p3", FIXTURES / "scorm2004" / "adlcp_v1p3.xsd"),
        ("http://www.adlnet.org/xsd/adlseq_v1p3", FIXTURES / "scorm2004" / "adlseq_v1p3.xsd"),
        ("http://www.adlnet.org/xsd/adlnav_v1p3", FIXTURES / "scorm2004" / "adlnav_v1p3.xsd"),
        ("http://www.imsglobal.org/xsd/imsss", FIXTURES / "scorm2004" / "imsss_v1p0.xsd")]),
}


@pytest.fixture(scope="session")
def packages(tmp_path_factory) -> dict[str, Path]:
    """Both packages, built by the README's command and unzipped as an LMS would."""
    result = subprocess.run([sys.executable, "dev.py", "scorm"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    out = {}
    for version, name in PACKAGES.items():
        folder = tmp_path_factory.mktemp(name)
        with zipfile.ZipFile(ROOT / "dist" / f"{name}.zip") as archive:
            archive.extractall(folder)
        out[version] = folder
    return out


def schema(version: str) -> xmlschema.XMLSchema:
    """The official schema of the version, every import answered from tests/fixtures (no network).
    SCORM 1.2's ims_xml.xsd binds the default namespace to the reserved XML namespace, which XML
    parsers refuse (Namespaces in XML 1.0, section 3): its import is answered with W3C's xml.xsd,
    which declares the same xml:lang and xml:base (and xml:space, xml:id) the manifest may use."""
    main, imports = SCHEMAS[version]
    xml = (FIXTURES / "scorm2004" / "xml.xsd").as_uri()

    def mapped(url: str) -> str:
        return xml if url.endswith(("/ims_xml.xsd", "/2001/xml.xsd")) else url
    return xmlschema.XMLSchema(str(main), locations=[(ns, str(path)) for ns, path in imports], allow="local", uri_mapper=mapped)


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_the_manifest_is_valid_and_lists_every_file(packages, version):
    folder = packages[version]
    manifest = folder / "imsmanifest.xml"
    assert manifest.is_file(), "imsmanifest.xml at the zip's root"
    checker = schema(version)
    checker.validate(str(manifest))
    text = manifest.read_text(encoding="utf-8")
    assert ("<schemaversion>1.2</schemaversion>" if version == "1.2" else "<schemaversion>2004 4th Edition</schemaversion>") in text
    listed = set(re.findall(r'<file href="([^"]+)"', text))
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {"imsmanifest.xml"}
    assert listed == present, "every file of the package is listed, and nothing else"
    # what a learner gets from the LMS: the course, not the trainers' pages and their answer key
    assert not [p for p in present if "trainer/" in p and not p.endswith(("search/trainer.json", "search/trainer.js"))]
    for lang in ("", "el/", "en/"):
        assert (folder / f"{lang}chapters/01-what-it-is.html").is_file()
        assert json.loads((folder / f"{lang}search/trainer.json").read_text(encoding="utf-8")) == []
        assert "answer-key" not in (folder / f"{lang}index.html").read_text(encoding="utf-8")
    assert re.search(r'<resource identifier="course-sco" type="webcontent" href="scorm.html" adlcp:scorm[tT]ype="sco"', text)
    # the check can fail: a SCO type the schema does not know is refused
    broken = text.replace('="sco"', '="lesson"')
    assert not checker.is_valid(broken)


# ---- a stand-in LMS ----

class LMS:
    """The harness page, scorm-again, both unzipped packages, and /commit, keeping the last
    commit (what the LMS holds for the learner); `fail` makes every commit fail."""

    def __init__(self, packages):
        self.kept: dict = {}
        self.commits = 0
        self.fail = False
        lms = self
        roots = {"lms.html": FIXTURES / "scorm-lms.html", "scorm-again.js": ROOT / "node_modules" / "scorm-again" / "dist" / "scorm-again.js"}
        folders = {PACKAGES[v]: packages[v] for v in packages}

        class Handler(QuietHandler):
            def translate_path(self, path):
                path = path.split("?")[0].split("#")[0].lstrip("/")
                head, _, rest = path.partition("/")
                if path in roots:
                    return str(roots[path])
                if head in folders:
                    return str(folders[head] / rest)
                return str(FIXTURES / "missing")

            def do_GET(self):
                if self.path.startswith("/kept"):
                    return self.reply(200, lms.kept)
                return super().do_GET()

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if lms.fail:
                    return self.reply(500, {"result": False, "errorCode": 101})
                lms.kept = json.loads(body)
                lms.commits += 1
                return self.reply(200, {"result": True, "errorCode": 0})

            def reply(self, code, value):
                data = json.dumps(value).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"


@pytest.fixture
def lms(packages):
    server = LMS(packages)
    yield server
    server.httpd.shutdown()


def launch(page, lms, version, name="Papadopoulou, Maria"):
    """The LMS opens the package; returns the frame that shows the course."""
    page.goto(f"{lms.url}lms.html?version={version}&package={PACKAGES[version]}&name={name}&id=learner-7")
    page.wait_for_function("() => { const f = document.getElementById('sco').contentDocument; const c = f && f.getElementById('course-frame');"
                           " return c && c.contentWindow.courseCore && c.contentDocument.readyState === 'complete'; }")
    return course(page)


def course(page):
    return next(f for f in page.frames if f.parent_frame and f.parent_frame.url.endswith("/scorm.html"))


def go(page, path):
    """Open a page of the course in its frame, as a learner's link would."""
    frame = course(page)
    base = re.match(r"(.*?/customer-orientation-scorm\d+/)", frame.url).group(1)
    frame.goto(base + path)
    page.wait_for_function("p => { const f = document.getElementById('sco').contentDocument.getElementById('course-frame');"
                           " return f.contentWindow.location.pathname.endsWith(p) && f.contentWindow.courseCore; }", arg=path)
    return course(page)


def cmi(lms, version):
    """What the LMS holds after the last commit, flattened: {"cmi.core.lesson_status": ...}."""
    flat = {}

    def walk(node, prefix):
        for key, value in node.items():
            if isinstance(value, dict):
                walk(value, f"{prefix}.{key}")
            elif not isinstance(value, list):
                flat[f"{prefix}.{key}"] = value
    walk(lms.kept.get("cmi", {}), "cmi")
    return flat


def finish_final(frame, right_count: int):
    frame.locator("[data-action=start]").click()
    forms = frame.locator(".quiz-bank__item:not([hidden]) .quiz-q").all()
    for i, form in enumerate(forms):
        answer(frame, form, right=i < right_count)
    frame.locator("[data-bank-result]").wait_for(state="visible")
    return frame.locator("[data-bank-result]").inner_text()


def close(page, lms):
    """The LMS closes the SCO (its frame goes), as when the learner leaves the activity, and
    the last commit, sent as the frame goes, reaches the LMS."""
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("() => window.lmsLog.finish > 0")
    log = page.evaluate("window.lmsLog")
    sent = dict(log["sets"])
    exit_key = next((k for k in sent if k.endswith(".exit")), None)
    deadline = time.monotonic() + 10
    while exit_key and time.monotonic() < deadline and cmi(lms, "").get(exit_key) != sent[exit_key]:
        time.sleep(0.05)
    return log


def test_scorm12_one_session_status_bookmark_failed_then_resumed_and_passed(page, lms):
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type in ("warning", "error") else None)
    frame = launch(page, lms, "1.2")
    assert frame.url.endswith("/index.html"), "the first launch opens the home page"
    assert cmi(lms, "1.2")["cmi.core.lesson_status"] == "incomplete", "status on launch"
    # inside an LMS: its wording, and nothing of what the LMS does itself
    assert frame.evaluate("document.documentElement.classList.contains('course-lms')")
    frame = go(page, "en/chapters/01-what-it-is.html")
    intro = frame.locator(".quiz__intro:visible")
    assert intro.count() == 1 and "learning system" in intro.inner_text() and "browser" not in intro.inner_text()
    for form in frame.locator(".quiz-q").all()[:3]:
        answer(frame, form, right=True)
    assert frame.locator(".quiz-q__status").first.inner_text().startswith("✓")
    held = cmi(lms, "1.2")
    assert held["cmi.core.lesson_location"] == "en/chapters/01-what-it-is.html", "the page is bookmarked"
    assert held["cmi.suspend_data"].startswith("C1~")
    frame = go(page, "en/progress.html")
    assert not frame.locator("[data-report]").is_visible(), "no report code: the LMS reports"
    for path in ("en/progress.html", "en/index.html", "en/certificate.html"):
        text = go(page, path).locator("article").inner_text()
        assert "this browser only" not in text and "learning system" in text, f"{path}: no 'this browser only' inside an LMS"
    nav = frame.locator(".md-nav__link").evaluate_all("links => links.map(a => a.getAttribute('href') || '')")
    assert nav and not [href for href in nav if "trainer/" in href], "a learner in the LMS has no way to the trainers' pages"
    frame = go(page, "en/final-test.html")
    result = finish_final(frame, 0)
    assert "0 of 20" in result
    held = cmi(lms, "1.2")
    assert held["cmi.core.lesson_status"] == "failed" and held["cmi.core.score.raw"] == "0"
    assert held["cmi.core.score.min"] == "0" and held["cmi.core.score.max"] == "100"
    assert page.evaluate("window.lmsLog.initialize") == 1, "moving between pages keeps the one session"
    log = close(page, lms)
    assert log["initialize"] == 1 and log["finish"] == 1
    held = cmi(lms, "1.2")
    sent = dict(log["sets"])
    assert sent["cmi.core.exit"] == "suspend" and re.fullmatch(r"\d{4}:\d\d:\d\d\.\d\d", sent["cmi.core.session_time"])
    # the run-time keeps the time as a number: 07.50 sent may be held as 07.5
    seconds = lambda t: float(t.rsplit(":", 1)[1])  # noqa: E731
    assert held["cmi.core.exit"] == "suspend" and seconds(held["cmi.core.session_time"]) == seconds(sent["cmi.core.session_time"])

    # the next launch, on another device: the LMS's data alone brings the learner back
    page.context.clear_cookies()
    page.evaluate("localStorage.clear()")
    frame = launch(page, lms, "1.2")
    assert frame.url.endswith("/en/final-test.html"), "resumed on the bookmarked page"
    frame = go(page, "en/chapters/01-what-it-is.html")
    statuses = frame.locator(".quiz-q__status").all_inner_texts()
    assert sum(s.startswith("✓") for s in statuses[:3]) == 3, "earlier answers restored from suspend_data"
    assert cmi(lms, "1.2")["cmi.core.lesson_status"] == "failed", "a failed status is only replaced by a new result"
    frame = go(page, "en/final-test.html")
    assert "19 of 20" in finish_final(frame, 19)
    held = cmi(lms, "1.2")
    assert held["cmi.core.lesson_status"] == "passed" and held["cmi.core.score.raw"] == "95"
    frame = go(page, "en/certificate.html")
    assert frame.locator("[data-name-input]").input_value() == "Maria Papadopoulou"
    assert page.evaluate("window.lmsLog.initialize") == 1
    assert page.js_errors == [] and page.outside_requests == []
    assert not [w for w in warnings if "LMS" in w], warnings


def test_scorm2004_completion_and_success_apart(page, lms):
    # a learner whose every lesson is passed already (in suspend_data, as an earlier launch left it)
    frame = launch(page, lms, "2004", name="Georgiou, Nikos")
    assert cmi(lms, "2004")["cmi.completion_status"] == "incomplete"
    held = frame.evaluate("r => courseCore.pure.compact(r, courseCore.lessons)", record(answers=passed(all_quizzes())))
    close(page, lms)
    lms.kept["cmi"]["suspend_data"] = held
    frame = launch(page, lms, "2004", name="Georgiou, Nikos")
    frame = go(page, "final-test.html")
    finish_final(frame, 20)
    state = cmi(lms, "2004")
    assert state["cmi.completion_status"] == "completed" and state["cmi.success_status"] == "passed", (state, frame.evaluate("JSON.stringify(courseCore.pure.lmsReport(courseCore.record(), courseCore.lessons))"))
    assert state["cmi.score.raw"] == "100" and state["cmi.score.scaled"] == "1" and state["cmi.score.max"] == "100"
    frame = go(page, "certificate.html")
    assert frame.locator("[data-sheet]").is_visible() and "Nikos Georgiou" in frame.locator("[data-sheet]").inner_text()
    log = close(page, lms)
    assert log["initialize"] == 1 and log["finish"] == 1
    assert re.fullmatch(r"PT\d+H\d+M[\d.]+S", dict(log["sets"])["cmi.session_time"])
    assert cmi(lms, "2004")["cmi.session_time"], "the LMS took the session time"
    assert page.js_errors == []


def test_an_lms_whose_commits_fail_never_breaks_the_course(page, lms):
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    launch(page, lms, "2004")
    lms.fail = True
    frame = go(page, "en/cases/nordstrom.html")
    form = frame.locator(".quiz-q").first
    answer(frame, form, right=True)
    assert form.locator(".quiz-q__status").inner_text().startswith("✓"), "the course goes on"
    notice = frame.locator("[data-course-notice]")
    assert notice.is_visible() and "learning system did not accept" in notice.inner_text()
    assert any("LMS refused Commit: error 101 General Exception" in w for w in warnings), warnings  # the code the LMS answered
    key = frame.evaluate("Object.keys(localStorage).find(k => k.startsWith('course-progress-v1@lms:'))")
    assert key == "course-progress-v1@lms:learner-7", "kept on this device, under this learner's own key"
    assert form.get_attribute("data-qid") in frame.evaluate(f"JSON.parse(localStorage.getItem('{key}')).answers")
    # the LMS answers again: what was kept goes with the next change
    lms.fail = False
    answer(frame, frame.locator(".quiz-q").nth(1), right=True)
    assert not notice.is_visible()
    restored = frame.evaluate("t => courseCore.pure.expand(t, courseCore.lessons)", cmi(lms, "2004")["cmi.suspend_data"])
    assert form.get_attribute("data-qid") in restored["answers"]
    assert page.js_errors == []


def test_without_an_lms_the_package_is_the_plain_course(page, lms):
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    page.goto(f"{lms.url}{PACKAGES['1.2']}/scorm.html")
    frame = page.frame_locator("#course-frame")
    frame.locator("h1").first.wait_for()
    assert any("no SCORM 1.2 API found" in w for w in warnings)
    assert page.frames[1].evaluate("document.documentElement.classList.contains('course-lms')") is False
    page.frames[1].goto(f"{lms.url}{PACKAGES['1.2']}/en/chapters/02-why-it-pays.html")
    intro = page.frames[1].locator(".quiz__intro:visible")
    assert "this browser only" in intro.inner_text()
    assert page.js_errors == []


def test_suspend_data_with_the_whole_bank_answered_fits_scorm12(page, lms, capsys):
    """The worst case a learner can reach: every question answered (the longest choices), every
    one a mistake under review, every lesson with a first attempt and two passes, a reset, final
    attempts; the compact text round-trips to what counts, and fits SCORM 1.2's 4,096 characters."""
    frame = launch(page, lms, "1.2")
    size = frame.evaluate("""() => {
      const core = courseCore, lessons = core.lessons;
      let t = Date.parse('2026-03-01T08:00:00.000Z');
      const at = (gap) => new Date(t += gap).toISOString();
      const r = core.pure.empty();
      r.resetAt = at(0);
      lessons.forEach((l, li) => {
        r.quizzes[l.quiz] = { resetAt: at(60000), first: { at: at(1000), right: 3, total: l.questions.length, quizKey: l.version },
          passes: [{ at: at(86400000), right: l.questions.length - 1, total: l.questions.length, quizKey: l.version },
                   { at: at(86400000 * 3), right: l.questions.length, total: l.questions.length, quizKey: l.version }] };
        l.questions.forEach((q, i) => {
          const choice = q.type === 'ordering' ? q.items.slice().reverse() : q.items.slice(0, q.type === 'multiple' ? q.items.length : 1).sort();
          r.answers[q.id] = { key: q.key, choice: choice, at: at(47000 + 13 * i) };
          if (i % 4 === 0) r.answers[q.id].revealed = true;
          r.review[q.id] = { key: q.key, box: i % 4, due: core.pure.addDays(core.pure.dayOf(new Date(t + 86400000 * 9)), 0), at: at(86400000 * 9) };
        });
      });
      for (let k = 0; k < 6; k++) r.finals.push({ at: at(86400000 * 2), right: 15 + k, total: 20, passed: 15 + k >= 16, lang: 'el' });
      r.last = { page: lessons[5].key, at: at(5000) };
      const text = core.pure.compact(r, lessons);
      const back = core.pure.expand(text, lessons);
      const again = core.pure.compact(back, lessons);
      const same = JSON.stringify(core.pure.summary(back, lessons).states.map(s => [s.answered, s.right, s.best, s.first])) ===
                   JSON.stringify(core.pure.summary(r, lessons).states.map(s => [s.answered, s.right, s.best, s.first]));
      const answers = Object.keys(back.answers).length, reviews = Object.keys(back.review).length;
      const questions = lessons.reduce((n, l) => n + l.questions.length, 0);
      return { length: text.length, json: JSON.stringify(r).length, again: again === text, same, answers, reviews, questions,
               schema: core.pure.check(back, core.schema), answer: JSON.stringify(back.answers[lessons[0].questions[0].id]) === JSON.stringify(r.answers[lessons[0].questions[0].id]) };
    }""")
    with capsys.disabled():
        print(f"\nsuspend_data with the whole bank answered ({size['questions']} questions, each under review): "
              f"{size['length']} characters (SCORM 1.2 keeps 4,096; the record as JSON: {size['json']})")
    assert size["answers"] == size["reviews"] == size["questions"]
    assert size["again"] and size["same"] and size["answer"] and size["schema"] == []
    assert size["length"] <= 4096
