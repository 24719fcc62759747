"""Trainer-facing pages, built: what they say about report codes, and session plans a trainer
can keep to time."""
from __future__ import annotations

from conftest import LANGS

# What the course used to claim about report codes; the checksum is public, so it was untrue.
UNTRUE = ["защищает его от опечаток и правок", "изменённый вручную", "от опечаток и правок",
          "τυπογραφικά λάθη και αλλαγές", "έχει αλλοιωθεί", "αλλοιωμένος",
          "against typos and alterations", "someone has altered", "has been changed; ask"]


def test_no_page_claims_a_report_code_proves_anything(built_site):
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert not [claim for claim in UNTRUE if claim in text], html
    honest = {"ru": ("ошибки при вводе и копировании", "Доказательством результата код не является"),
              "el": ("λάθη πληκτρολόγησης και αντιγραφής", "Απόδειξη του αποτελέσματος όμως δεν είναι"),
              "en": ("catches typing and copying mistakes", "It is not proof")}
    for lang, prefix in LANGS.items():
        team = (built_site / prefix / "trainer/team/index.html").read_text(encoding="utf-8")
        assert all(words in team for words in honest[lang]) and "SCORM" in team
        progress = (built_site / prefix / "progress/index.html").read_text(encoding="utf-8")
        assert "SCORM" in progress, "the report hint on My progress says where records that count belong"


# --- Session plans: timings a trainer can keep -------------------------------------------------

import math  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402

from conftest import ROOT  # noqa: E402

sys.path.insert(0, str(ROOT / "hooks"))
from lib import quizbank  # noqa: E402

SELF_CHECK = {"ru": "Самопроверка", "el": "Τεστ", "en": "Self-check"}
DEBRIEF = {"ru": "Разбор", "el": "Συζήτηση της άσκησης", "en": "Debrief"}
SECONDS = ("секунд", "δευτερόλεπτ", "second")
ROW = re.compile(r"^\| (\d):(\d\d)–(\d):(\d\d) \| ([^|]+?) \| (.*) \|$", re.M)


def plans():
    for lang in LANGS:
        for path in sorted((ROOT / "docs" / lang / "trainer").glob("*.md")):
            text = path.read_text(encoding="utf-8")
            if ROW.search(text):
                yield lang, path, text


def slots(text):
    """The plan's table as (start, end, step) in minutes."""
    return [(int(h1) * 60 + int(m1), int(h2) * 60 + int(m2), step) for h1, m1, h2, m2, step, _ in ROW.findall(text)]


def test_every_session_plan_fits_its_quiz_its_groups_and_the_hour():
    """The rule: a self-check done in pairs and compared needs about 40 seconds per question
    (read, agree on one answer) plus 2 minutes for the questions where pairs disagreed, so its
    slot is at least n × 40 s + 2 min for the n questions of the plan's quiz. The debrief slot
    holds what its timing line promises: up to G groups × the time per group, plus at least one
    minute for questions. The plan runs without gaps from 0:00 to its `minutes`, 45–60 minutes,
    and the three languages give the same times."""
    bank = quizbank.load_bank(ROOT / "quizzes")
    times = {}
    checked = 0
    for lang, path, text in plans():
        where = path.relative_to(ROOT)
        minutes = int(re.search(r"^minutes: (\d+)$", text, re.M).group(1))
        table = slots(text)
        assert 45 <= minutes <= 60, where
        assert table[0][0] == 0 and table[-1][1] == minutes, f"{where}: the plan should run from 0:00 to {minutes} minutes"
        assert all(a[1] == b[0] for a, b in zip(table, table[1:])), f"{where}: gap or overlap between steps"
        times.setdefault(path.name, {})[lang] = [(s, e) for s, e, _ in table]

        quiz = re.search(r"^answer_key: (\S+)$", text, re.M).group(1)
        n = len(bank[quiz].questions)
        (start, end), = [(s, e) for s, e, step in table if step == SELF_CHECK[lang]]
        assert (end - start) * 60 >= n * 40 + 120, f"{where}: {end - start} minutes for {n} self-check questions in pairs"
        row = next(r for r in ROW.findall(text) if r[4] == SELF_CHECK[lang])
        assert str(n) in row[5], f"{where}: the self-check row should say how many questions there are ({n})"

        (start, end), = [(s, e) for s, e, step in table if step == DEBRIEF[lang]]
        section = text.split("{#debrief}", 1)[1].split("\n## ", 1)[0]
        timing = re.search(r"^\*\*[^*]+:\*\* (\d+) \D+(\d+) \D+?(\d+) (\S+)", section.strip(), re.M)
        if timing:  # every plan but the gallery walk of chapter 8
            slot, groups, each, unit = int(timing.group(1)), int(timing.group(2)), int(timing.group(3)), timing.group(4)
            per_group = each if unit.startswith(SECONDS) else each * 60
            assert slot == end - start, f"{where}: the debrief timing line says {slot} minutes, the table {end - start}"
            assert groups * per_group + 60 <= slot * 60, f"{where}: {groups} groups × {per_group} s leave no time for questions"
        else:
            assert path.stem == "08-service-standards", f"{where}: the debrief should start with its timing line"
        checked += 1
    assert checked == 16 * 3
    for name, by_lang in times.items():
        assert by_lang["ru"] == by_lang["el"] == by_lang["en"], f"trainer/{name}: the languages give different times"
