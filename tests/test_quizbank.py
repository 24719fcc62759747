"""Loading, validating and rendering the question bank."""
from __future__ import annotations

import shutil
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from lib import quizbank  # noqa: E402
from lib import quizview  # noqa: E402

T = "{ru: 'р', el: 'ε', en: 'e'}"
GOOD = f"""
title: {T}
questions:
  - id: t-single
    type: single
    prompt: {T}
    options:
      - text: {T}
        correct: true
      - text: {T}
        feedback: {T}
    explanation: {T}
  - id: t-multiple
    type: multiple
    prompt: {T}
    options:
      - {{text: {T}, correct: true}}
      - {{text: {T}, correct: true}}
      - {{text: {T}}}
    explanation: {T}
  - id: t-truefalse
    type: truefalse
    prompt: {T}
    answer: false
    explanation: {T}
  - id: t-scenario
    type: scenario
    situation: {T}
    prompt: {T}
    options:
      - {{text: {T}, correct: true, feedback: {T}}}
      - {{text: {T}, feedback: {T}}}
    explanation: {T}
  - id: t-ordering
    type: ordering
    prompt: {T}
    steps: [{{ru: 'р1', el: 'ε1', en: 'e1'}}, {{ru: 'р2', el: 'ε2', en: 'e2'}}, {{ru: 'р3', el: 'ε3', en: 'e3'}}]
    explanation: {T}
"""


@pytest.fixture
def bank_dir(tmp_path) -> Path:
    shutil.copy(ROOT / "quizzes" / quizbank.SCHEMA_FILE, tmp_path)
    return tmp_path


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")


def error_of(folder: Path) -> str:
    with pytest.raises(quizbank.QuizError) as caught:
        quizbank.load_bank(folder)
    return str(caught.value)


def test_a_good_file_loads_with_every_question_type(bank_dir):
    write(bank_dir, "t.yml", GOOD)
    bank = quizbank.load_bank(bank_dir)
    assert [q["type"] for q in bank["t"].questions] == ["single", "multiple", "truefalse", "scenario", "ordering"]


def test_the_real_bank_is_valid():
    bank = quizbank.load_bank(ROOT / "quizzes")
    assert len(bank) >= 16
    for quiz in bank.values():
        assert len(quiz.questions) >= 6, quiz.id


def test_invalid_yaml_names_file_and_line(bank_dir):
    write(bank_dir, "broken.yml", "title: {ru: 'a', el: 'b', en: 'c'}\nquestions:\n  - id: x\n    prompt: [unclosed\n")
    message = error_of(bank_dir)
    assert "quizzes/broken.yml: line 5: not valid YAML" in message


def test_a_missing_language_is_named(bank_dir):
    write(bank_dir, "t.yml", GOOD.replace("prompt: " + T, "prompt: {ru: 'р', en: 'e'}", 1))
    assert "quizzes/t.yml: question t-single: prompt: no Greek (el) text" in error_of(bank_dir)


def test_single_choice_needs_exactly_one_right_answer(bank_dir):
    write(bank_dir, "t.yml", GOOD.replace("        feedback: " + T + "\n    explanation", "        correct: true\n    explanation", 1))
    assert "question t-single: options: a single question needs exactly one right answer (correct: true), it has 2" in error_of(bank_dir)


def test_single_choice_with_no_right_answer(bank_dir):
    write(bank_dir, "t.yml", GOOD.replace("        correct: true\n      - text: " + T + "\n        feedback", "      - text: " + T + "\n        feedback", 1))
    assert "question t-single: options: a single question needs exactly one right answer (correct: true), it has 0" in error_of(bank_dir)


def test_multiple_choice_needs_a_right_answer(bank_dir):
    write(bank_dir, "t.yml", GOOD.replace("correct: true}}\n      - {{text: {T}, correct: true}}".replace("{{", "{").replace("}}", "}").replace("{T}", T), "}\n      - {text: " + T + "}"))
    assert "question t-multiple: options: a multiple-choice question needs at least one right answer" in error_of(bank_dir)


def test_an_unknown_type_is_named(bank_dir):
    write(bank_dir, "t.yml", GOOD.replace("type: truefalse", "type: essay"))
    assert "question t-truefalse: type: unknown type 'essay'" in error_of(bank_dir)


def test_a_duplicate_id_names_both_files(bank_dir):
    write(bank_dir, "a.yml", GOOD)
    write(bank_dir, "b.yml", GOOD)
    assert "quizzes/b.yml: question t-single: duplicate id (also in quizzes/a.yml)" in error_of(bank_dir)


def test_ordering_needs_three_steps(bank_dir):
    write(bank_dir, "t.yml", GOOD.replace(", {ru: 'р3', el: 'ε3', en: 'e3'}]", "]"))
    assert "question t-ordering: steps: an ordering question needs at least 3 steps, it has 2" in error_of(bank_dir)


def test_a_scenario_option_without_feedback_is_named(bank_dir):
    write(bank_dir, "t.yml", GOOD.replace(f"{{text: {T}, feedback: {T}}}", f"{{text: {T}}}"))
    assert "question t-scenario: options[2]: 'feedback' is missing" in error_of(bank_dir)


class FakeConfig:
    markdown_extensions = ["attr_list", "md_in_html"]
    mdx_configs: dict = {}


def test_raw_html_in_a_text_is_shown_as_text_and_markdown_is_rendered():
    text = quizview.TextRenderer(FakeConfig())
    html = str(text.inline('**Bold** <script>alert("x")</script> & <b>tag</b>'))
    assert "<strong>Bold</strong>" in html
    assert "<script>" not in html and "&lt;script" in html
    assert "<b>" not in html


def test_ordering_steps_are_never_shown_in_the_right_order():
    for qid in ("a", "b", "ch01-shelves", "x-y-z"):
        for count in (3, 4, 6):
            assert quizview.scrambled(qid, count) != list(range(count))
            assert sorted(quizview.scrambled(qid, count)) == list(range(count))


def test_a_plain_text_is_one_that_no_markdown_or_smart_symbol_can_change():
    """TextRenderer.plain looks for each sequence separately: the same answer as one pattern."""
    import random
    import re

    special = re.compile(r"[*_`\[\]!<>&#|~^{}\\\n]|--|->|<-|^\s*(?:[-+]\s|\d+[.)]\s)|\(\w{1,2}\)|\d/\d|\+/-|=/=|c/o|\.\.\.|\d(?:st|nd|rd|th)\b")
    pieces = ["a", " ", "-", ">", "<", "(", ")", "c", "/", "o", "1", "2", "st", "th", ".", "+", "=", "*", "\n", "é", "(ab)", "(abc)"]
    rnd = random.Random(4)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        assert quizview.TextRenderer.plain(text) == (not special.search(text)), repr(text)
