"""The progress core (docs/assets/course-core.js) on a blank page, without a site build: its pure
functions, and its schema checker against Python's jsonschema on the same records, so that
docs/assets/progress.schema.json stays the one description of the learner's record."""
from __future__ import annotations

import copy
import json
import sys

import jsonschema
import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from lib import quizview  # noqa: E402

CORE = ROOT / "docs" / "assets" / "course-core.js"
SCHEMA = json.loads((ROOT / "docs" / "assets" / "progress.schema.json").read_text(encoding="utf-8"))
SUPPORTED = {"$schema", "$id", "$defs", "$ref", "title", "description", "type", "properties", "required",
             "additionalProperties", "propertyNames", "items", "enum", "const", "pattern", "minimum", "maximum", "maxLength"}

# a tiny bank: one lesson of three questions, made the way hooks/lib/quizview.py makes them
Q_SINGLE = {"id": "q-single", "type": "single", "options": [
    {"text": {"ru": "а", "el": "α", "en": "a"}, "correct": True},
    {"text": {"ru": "б", "el": "β", "en": "b"}}]}
Q_TF = {"id": "q-tf", "type": "truefalse", "answer": False}
Q_ORDER = {"id": "q-order", "type": "ordering", "steps": [
    {"ru": "один", "el": "ένα", "en": "one"}, {"ru": "два", "el": "δύο", "en": "two"}, {"ru": "три", "el": "τρία", "en": "three"}]}


def lesson_map(questions, quiz="demo", key="chapters/demo/"):
    return [{"key": key, "href": "../" + key, "url": key, "part": "Chapters", "title": "Demo", "quiz": quiz, "pass": 0.8,
             "questions": [[q["id"], quizview.fingerprint(q), q["type"], quizview.item_ids(q)] for q in questions]}]


def record(**parts):
    base = {"version": 2, "answers": {}, "quizzes": {}, "review": {}, "finals": []}
    base.update(parts)
    return base


@pytest.fixture(scope="module")
def blank(browser):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_content("<!doctype html><title>core</title>")
    page.add_script_tag(path=str(CORE))
    page.errors = errors
    yield page
    context.close()


def core(page, expression, *args):
    """Evaluate a function of (pure, core, ...args) in the page."""
    return page.evaluate(f"([args]) => ((pure, core, ...a) => ({expression}))(courseCore.pure, courseCore, ...args)", [list(args)])


def test_the_core_loads_on_a_blank_page_without_errors(blank):
    assert blank.errors == []
    assert core(blank, "core.mode()") == "blocked", "about:blank has no storage: the core says so instead of failing"
    assert core(blank, "core.lessons.length") == 0


@pytest.mark.parametrize("text", ["", "single:a28ca9bd", "ordering:1,2,3", "truefalse:false"])
def test_fingerprints_agree_between_python_and_the_browser(blank, text):
    assert core(blank, "pure.fnv1a(a[0])", text) == quizview.fnv1a(text)


def test_a_choice_is_right_exactly_when_its_fingerprint_is_the_key(blank):
    lessons = lesson_map([Q_SINGLE, Q_TF, Q_ORDER])
    for q in (Q_SINGLE, Q_TF, Q_ORDER):
        good = quizview.right_ids(q)
        bad = list(reversed(good)) if q["type"] == "ordering" else [i for i in quizview.item_ids(q) if i not in good][:1]
        result = core(blank, """(() => { const l = pure.lessonsOf(a[0]); const q = l[0].questions.find(x => x.id === a[1]);
            return [pure.isRight(q, a[2]), pure.isRight(q, a[3]), pure.isRight(q, [])]; })()""", lessons, q["id"], good, bad)
        assert result == [True, False, False], q["id"]


def test_a_changed_question_reads_as_unanswered_and_scores_come_from_the_current_bank(blank):
    at = "2030-01-01T10:00:00.000Z"
    old = lesson_map([Q_SINGLE, Q_TF, Q_ORDER])
    answers = {q["id"]: {"key": quizview.fingerprint(q), "choice": quizview.right_ids(q), "at": at} for q in (Q_SINGLE, Q_TF, Q_ORDER)}
    state = core(blank, "(() => { const s = pure.lessonState(a[0], pure.lessonsOf(a[1])[0]); return [s.answered, s.right, s.passed]; })()",
                 record(answers=answers), old)
    assert state == [3, 3, True]
    changed_tf = {**Q_TF, "answer": True}                    # the right answer changed
    reordered = {**Q_SINGLE, "options": list(reversed(Q_SINGLE["options"]))}  # options reordered: same meaning
    added = {"id": "q-new", "type": "truefalse", "answer": True}
    new = lesson_map([reordered, changed_tf, added])         # q-order removed
    state = core(blank, "(() => { const s = pure.lessonState(a[0], pure.lessonsOf(a[1])[0]); return [s.answered, s.right, s.total, s.passed, s.status]; })()",
                 record(answers=answers), new)
    assert state == [1, 1, 3, False, "in_progress"], "only the reordered question keeps its answer"


def test_a_shown_answer_does_not_count_until_a_new_attempt(blank):
    lessons = lesson_map([Q_SINGLE])
    at = "2030-01-01T10:00:00.000Z"
    tainted = record(answers={"q-single": {"key": quizview.fingerprint(Q_SINGLE), "choice": quizview.right_ids(Q_SINGLE), "revealed": True, "at": at}})
    assert core(blank, "pure.lessonState(a[0], pure.lessonsOf(a[1])[0]).right", tainted, lessons) == 0


def test_merge_keeps_the_newer_answer_unknown_fields_and_resets(blank):
    key = quizview.fingerprint(Q_SINGLE)
    a = record(answers={"q-single": {"key": key, "choice": ["x"], "at": "2030-01-01T10:00:00.000Z", "mine": 1}}, extra={"keep": True})
    b = record(answers={"q-single": {"key": key, "choice": ["y"], "at": "2030-01-01T11:00:00.000Z"},
                        "q-tf": {"key": key, "choice": ["true"], "at": "2030-01-01T09:00:00.000Z"}},
               finals=[{"at": "2030-01-01T12:00:00.000Z", "right": 18, "total": 20, "passed": True}], future={"x": 1})
    merged = core(blank, "pure.merge(a[0], a[1])", a, b)
    assert merged["answers"]["q-single"]["choice"] == ["y"] and "q-tf" in merged["answers"]
    assert merged["extra"] == {"keep": True} and merged["future"] == {"x": 1}, "unknown fields are kept"
    assert len(merged["finals"]) == 1
    assert core(blank, "pure.merge(a[0], a[1])", merged, merged) == merged, "merging is idempotent"
    reset = record(resetAt="2030-01-01T10:30:00.000Z")
    after = core(blank, "pure.merge(a[0], a[1])", reset, a)
    assert after["answers"] == {} and after["resetAt"] == "2030-01-01T10:30:00.000Z", "a reset in one tab is not undone by another"


@pytest.mark.parametrize("raw, state", [
    (None, "empty"), ("{not json", "damaged"), ("[1]", "damaged"), ('{"version": 3, "answers": {}}', "other"),
    ('{"version": "2"}', "other"), ('{"version": 2, "answers": []}', "damaged"),
    (json.dumps(record()), "ok"), ('{"version": 1, "questions": {}}', "migrated")])
def test_what_a_stored_text_holds(blank, raw, state):
    assert core(blank, "pure.understand(a[0], core.schema || a[1], [], new Date()).state", raw, SCHEMA) == state


def test_a_version_1_record_is_read_by_position_only_where_the_bank_still_agrees(blank):
    lessons = lesson_map([Q_SINGLE, Q_TF, Q_ORDER])
    old = {"version": 1, "questions": {
        "q-single": {"answered": True, "right": True, "choice": [0], "at": "2030-01-01T10:00:00Z"},   # agrees: kept
        "q-tf": {"answered": True, "right": True, "choice": [0], "at": "2030-01-01T10:00:00Z"},       # "true" is wrong now: dropped
        "q-order": {"answered": True, "right": False, "choice": [], "missed": True}},                   # shown: kept as shown, to review
        "quizzes": {"demo": {"score": 3, "total": 3, "passed": True}},
        "finalPassed": {"score": 18, "total": 20, "percent": 90, "passed": True, "date": "2030-01-02", "lang": "en"}}
    new = core(blank, "pure.migrate(a[0], pure.lessonsOf(a[1]), new Date('2030-01-03T12:00:00Z'))", old, lessons)
    assert set(new["answers"]) == {"q-single", "q-order"}
    assert new["answers"]["q-single"]["choice"] == quizview.right_ids(Q_SINGLE)
    assert new["answers"]["q-order"]["choice"] is None and new["answers"]["q-order"]["revealed"] is True
    assert list(new["review"]) == ["q-order"]
    assert new["finals"][0]["passed"] is True and new["finals"][0]["right"] == 18
    jsonschema.validate(new, SCHEMA)


def test_spaced_repetition_moves_a_mistake_through_1_3_7_days(blank):
    lessons = lesson_map([Q_SINGLE])
    steps = core(blank, """(() => {
        const q = pure.lessonsOf(a[0])[0].questions[0];
        const at = d => new Date(d + 'T12:00:00');
        const out = [];
        let e = pure.scheduled(undefined, q, false, 'lesson', at('2030-03-01')); out.push([e.box, e.due]);
        e = pure.scheduled(e, q, true, 'review', at('2030-03-01')); out.push([e.box, e.due]);
        const same = pure.scheduled(e, q, true, 'review', at('2030-03-01')); out.push(same === e);
        e = pure.scheduled(e, q, true, 'review', at('2030-03-02')); out.push([e.box, e.due]);
        e = pure.scheduled(e, q, true, 'review', at('2030-03-05')); out.push([e.box, e.due]);
        e = pure.scheduled(e, q, true, 'review', at('2030-03-12')); out.push([e.box, !!e.learned]);
        const wrong = pure.scheduled({key: q.key, box: 2, due: '2030-03-05', at: 'x'}, q, false, 'review', at('2030-03-05'));
        out.push([wrong.box, wrong.due]);
        const lessonRight = pure.scheduled({key: q.key, box: 0, due: '2030-03-01', at: 'x'}, q, true, 'lesson', at('2030-03-01'));
        out.push(lessonRight.box);
        return out; })()""", lessons)
    assert steps == [[0, "2030-03-01"], [1, "2030-03-02"], True, [2, "2030-03-05"], [3, "2030-03-12"], [3, True],
                     [0, "2030-03-05"], 0]


def test_the_certificate_needs_every_lesson_and_the_final_test(blank):
    lessons = lesson_map([Q_SINGLE]) + lesson_map([Q_TF], quiz="other", key="cases/other/")
    at = "2030-01-01T10:00:00.000Z"
    one = {"q-single": {"key": quizview.fingerprint(Q_SINGLE), "choice": quizview.right_ids(Q_SINGLE), "at": at}}
    both = {**one, "q-tf": {"key": quizview.fingerprint(Q_TF), "choice": ["false"], "at": at}}
    final = [{"at": "2030-01-02T10:00:00.000Z", "right": 20, "total": 20, "passed": True}]
    ask = "(() => { const c = pure.certificateOf(a[0], pure.lessonsOf(a[1])); return [c.eligible, c.missing.map(s => s.lesson.quiz), !!c.final]; })()"
    assert core(blank, ask, record(answers=one, finals=final), lessons) == [False, ["other"], True]
    assert core(blank, ask, record(answers=both), lessons) == [False, [], False]
    assert core(blank, ask, record(answers=both, finals=final), lessons) == [True, [], True]


def test_what_the_gradebook_is_told_grades_mistakes_and_final_attempts(blank):
    """Failed means every question answered below the pass mark; missed questions are those ever got
    wrong under their current key since the last reset; the final test's latest pass, latest and
    first attempt since the reset."""
    lessons = lesson_map([Q_SINGLE, Q_TF, Q_ORDER])
    at, later = "2030-01-01T10:00:00.000Z", "2030-01-03T10:00:00.000Z"
    wrong = {"q-single": {"key": quizview.fingerprint(Q_SINGLE), "choice": ["zzzz"], "at": at},
             "q-tf": {"key": quizview.fingerprint(Q_TF), "choice": ["true"], "at": at},
             "q-order": {"key": quizview.fingerprint(Q_ORDER), "choice": quizview.right_ids(Q_ORDER), "at": at}}
    review = {"q-single": {"key": quizview.fingerprint(Q_SINGLE), "box": 0, "due": "2030-01-01", "at": at},
              "q-tf": {"key": "00000000", "box": 0, "due": "2030-01-01", "at": at},  # an older version of the question
              "q-order": {"key": quizview.fingerprint(Q_ORDER), "box": 3, "due": "2030-01-01", "at": at, "learned": True}}
    finals = [{"at": at, "right": 10, "total": 20, "passed": False}, {"at": "2030-01-02T10:00:00.000Z", "right": 18, "total": 20, "passed": True},
              {"at": later, "right": 12, "total": 20, "passed": False}]
    ask = ("(() => { const l = pure.lessonsOf(a[1]); const f = pure.finalOf(a[0]);"
           " return [pure.grade(pure.lessonState(a[0], l[0])), pure.missedOf(a[0], l), f.passed.right, f.last.right, f.first.right, f.attempts]; })()")
    assert core(blank, ask, record(answers=wrong, review=review, finals=finals), lessons) == ["failed", {"demo": ["q-single", "q-order"]}, 18, 12, 10, 3]
    some = {"q-single": wrong["q-single"]}
    after = ("(() => { const l = pure.lessonsOf(a[1]); return [pure.grade(pure.lessonState(a[0], l[0])), pure.missedOf(a[0], l), pure.finalOf(a[0]).attempts]; })()")
    assert core(blank, after, record(answers=some, review=review, finals=finals, resetAt="2030-01-02T12:00:00.000Z"), lessons) == ["not_started", {}, 1]
    assert core(blank, after, record(answers=some, review=review), lessons)[0] == "in_progress"
    number = "pure.certificateNumber(a[0], '2030-01-03', 18, 20)"
    assert core(blank, number, "  Anna   IVANOVA ") == core(blank, number, "anna ivanova")
    assert core(blank, number, "anna ivanova") != core(blank, "pure.certificateNumber(a[0], '2030-01-03', 19, 20)", "anna ivanova")


# ---- the schema: Python's jsonschema and the core's checker agree on every record ----

def _keywords(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(key)
            if key in ("properties", "$defs"):
                for sub in value.values():
                    _keywords(sub, found)
            elif key not in ("const", "enum", "required"):
                _keywords(value, found)
    elif isinstance(node, list):
        for item in node:
            _keywords(item, found)
    return found


def test_the_schema_uses_only_keywords_the_core_checks():
    assert _keywords(SCHEMA, set()) - SUPPORTED == set()


VALID = [
    record(),
    record(answers={"ch01-x": {"key": "0123abcd", "choice": ["a1b2c3d4"], "at": "2030-01-01T10:00:00.000Z", "extra": 1}},
           quizzes={"ch01": {"resetAt": "2030-01-01T09:00:00Z", "first": {"at": "2030-01-01T10:00:00Z", "right": 3, "total": 4, "quizKey": "00000000"},
                             "passes": []}},
           review={"ch01-x": {"key": "0123abcd", "box": 3, "due": "2030-01-08", "at": "2030-01-01T10:00:00Z", "learned": True}},
           finals=[{"at": "2030-01-01T10:00:00Z", "right": 0, "total": 20, "passed": False, "lang": "el", "missed": ["ch01-x"]}],
           last={"page": "chapters/01/", "at": "2030-01-01T10:00:00Z"}, resetAt="2029-01-01T00:00:00Z", unknown={"kept": [1]}),
    record(answers={"q": {"key": "0123abcd", "choice": None, "revealed": True, "at": "2030-01-01T10:00:00Z"}}),
]


def _broken():
    out = []
    for path, value in [
        (("version",), 1), (("answers",), []), (("answers", "q"), "yes"),
        (("answers", "q"), {"key": "XYZ", "choice": [], "at": "2030-01-01T10:00:00Z"}),
        (("answers", "q"), {"key": "0123abcd", "choice": [1], "at": "2030-01-01T10:00:00Z"}),
        (("answers", "q"), {"key": "0123abcd", "choice": [], "at": "yesterday"}),
        (("answers", "q"), {"key": "0123abcd", "at": "2030-01-01T10:00:00Z"}),
        (("answers", "bad id!"), {"key": "0123abcd", "choice": [], "at": "2030-01-01T10:00:00Z"}),
        (("review", "q"), {"key": "0123abcd", "box": 4, "due": "2030-01-01", "at": "2030-01-01T10:00:00Z"}),
        (("review", "q"), {"key": "0123abcd", "box": 1.5, "due": "2030-01-01", "at": "2030-01-01T10:00:00Z"}),
        (("finals",), [{"at": "2030-01-01T10:00:00Z", "right": 1, "total": 0, "passed": True}]),
        (("quizzes", "x"), {"first": {"at": "2030-01-01T10:00:00Z", "right": 1, "total": 2}}),
        (("last",), {"page": 5, "at": "2030-01-01T10:00:00Z"}),
    ]:
        broken = copy.deepcopy(record())
        node = broken
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
        out.append(broken)
    broken = record()
    del broken["finals"]
    out.append(broken)
    return out


@pytest.mark.parametrize("value, valid", [(v, True) for v in VALID] + [(v, False) for v in _broken()])
def test_python_jsonschema_and_the_core_agree(blank, value, valid):
    python_says = jsonschema.Draft202012Validator(SCHEMA).is_valid(value)
    core_says = core(blank, "pure.check(a[0], a[1])", value, SCHEMA) == []
    assert python_says == valid
    assert core_says == python_says
