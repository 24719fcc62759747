"""The report code names lessons and questions by the first 4 hex digits of fnv1a over their ids
(docs/assets/report.js): in this bank no two lessons, and no two questions of one lesson, may share
one, or the gradebook would have to leave them out."""
from __future__ import annotations

import sys
from collections import Counter

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from lib import quizbank, quizview  # noqa: E402


def test_lesson_and_question_hashes_are_unique_in_the_bank():
    bank = quizbank.load_bank(ROOT / "quizzes")
    lessons = Counter(quizview.fnv1a(quiz)[:4] for quiz in bank)
    assert [h for h, n in lessons.items() if n > 1] == []
    for quiz, questions in bank.items():
        hashes = Counter(quizview.fnv1a(q["id"])[:4] for q in questions.questions)
        assert [h for h, n in hashes.items() if n > 1] == [], quiz
