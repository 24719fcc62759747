"""The Moodle GIFT exports read by a real GIFT parser (gift-pegjs, pinned in package.json;
`python3 dev.py test` installs it with `npm ci`), compared with the question bank: what a
trainer imports into Moodle is the bank, question for question, with readable categories."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from conftest import LANGS, ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import quiz_exports  # noqa: E402
from lib import quizbank  # noqa: E402

PARSER = ROOT / "tests" / "gift_parse.js"


def parse_gift(*files) -> dict:
    if not shutil.which("node") or not (ROOT / "node_modules" / "gift-pegjs").is_dir():
        pytest.fail("gift-pegjs is not installed: run `python3 dev.py test` (it runs `npm ci`), or `npm ci` yourself")
    result = subprocess.run(["node", str(PARSER), *map(str, files)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def plain(text: str) -> str:
    """A bank text as Moodle shows it: the GIFT file keeps Markdown, newlines and `->` as `-&gt;`."""
    return text.replace("-&gt;", "->").strip()


def check_against_bank(parsed: list, bank: dict, order: list[str], lang: str, course: str) -> None:
    categories = [q["title"] for q in parsed if q["type"] == "Category"]
    assert categories == [f"$course$/{course}/{bank[name].data['title'][lang]}" for name in order]
    assert not any("\\" in c or "&&" in c for c in categories), "Moodle does not unescape category lines"
    questions = [q for q in parsed if q["type"] != "Category"]
    expected = [q for name in order for q in bank[name].questions]
    assert len(questions) == len(expected)
    for got, want in zip(questions, expected):
        assert got["title"] == want["id"]
        stem = want["prompt"][lang] if "situation" not in want else want["situation"][lang] + "\n\n" + want["prompt"][lang]
        assert plain(got["stem"]["text"]) == stem.strip(), want["id"]
        assert plain(got["globalFeedback"]["text"]) == want["explanation"][lang].strip(), want["id"]
        if want["type"] == "truefalse":
            assert got["type"] == "TF" and got["isTrue"] is want["answer"], want["id"]
        elif want["type"] == "ordering":
            assert got["type"] == "Matching", want["id"]
            pairs = [(plain(p["subquestion"]["text"]), p["subanswer"]) for p in got["matchPairs"]]
            assert pairs == [(s[lang].strip(), str(i)) for i, s in enumerate(want["steps"], 1)], want["id"]
        else:
            assert got["type"] == "MC", want["id"]
            choices = [(plain(c["text"]["text"]), bool(c["isCorrect"]) or (c["weight"] or 0) > 0) for c in got["choices"]]
            assert choices == [(o["text"][lang].strip(), bool(o.get("correct"))) for o in want["options"]], want["id"]
            if want["type"] == "multiple":
                right = sum(1 for o in want["options"] if o.get("correct"))
                weights = [c["weight"] for c in got["choices"]]
                assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=0.01), want["id"]
                assert sorted(weights)[: len(weights) - right] == [-100] * (len(weights) - right), want["id"]


def test_every_gift_file_reads_back_as_the_bank_in_a_real_gift_parser(built_site):
    bank = quizbank.load_bank(ROOT / "quizzes")
    files = {lang: built_site / LANGS[lang] / quiz_exports.gift_path(lang) for lang in LANGS}
    parsed = parse_gift(*files.values())
    order_html = (built_site / "trainer/answer-key/index.html").read_text(encoding="utf-8")
    order = re.findall(r'<section class="answer-key" id="key-([a-z0-9-]+)"', order_html)
    assert sorted(order) == sorted(bank)
    for lang, file in files.items():
        result = parsed[str(file)]
        assert "error" not in result, f"{file.name}: {result.get('error')}"
        site_name = re.search(r"<title>[^<]*?([^<>]+)</title>", (built_site / LANGS[lang] / "index.html").read_text(encoding="utf-8"))
        course = site_name.group(1).split(" - ")[-1].strip()
        check_against_bank(result["questions"], bank, order, lang, course)


def test_awkward_texts_survive_the_round_trip(tmp_path):
    """Colons, braces, slashes and arrows in a category, a question, an option and an ordering
    step come back from the parser as they were written (`->` shown as Moodle will show it)."""
    text = {"ru": "Шаг: a -> b {c} = d # e ~ f / g", "el": "Βήμα: x -> y", "en": "Step: x -> y"}
    quiz = quizbank.Quiz("q", ROOT / "q.yml", {"title": text, "questions": [
        {"id": "q-1", "type": "single", "prompt": text, "explanation": text,
         "options": [{"text": text, "correct": True}, {"text": {**text, "ru": "другое"}, "feedback": text}]},
        {"id": "q-2", "type": "multiple", "prompt": text, "explanation": text,
         "options": [{"text": text, "correct": True}, {"text": {**text, "ru": "b"}, "correct": True}, {"text": {**text, "ru": "c"}}]},
        {"id": "q-3", "type": "ordering", "prompt": text, "explanation": text,
         "steps": [text, {**text, "ru": "второй -> шаг"}, {**text, "ru": "третий"}]},
        {"id": "q-4", "type": "truefalse", "prompt": text, "explanation": text, "answer": False},
    ]})
    bank = {"q": quiz}
    gift = tmp_path / "q.gift.txt"
    gift.write_text(quiz_exports.to_gift(bank, "ru", "Курс: часть 1/2", ["q"]), encoding="utf-8")
    assert "$CATEGORY: $course$/Курс: часть 1//2/Шаг: a -> b {c} = d # e ~ f // g" in gift.read_text(encoding="utf-8")
    parsed = parse_gift(gift)[str(gift)]
    assert "error" not in parsed, parsed.get("error")
    questions = parsed["questions"]
    # the parser reports the category line as written; Moodle splits it at single slashes
    assert questions[0]["title"] == "$course$/Курс: часть 1//2/Шаг: a -> b {c} = d # e ~ f // g"
    assert [q["type"] for q in questions[1:]] == ["MC", "MC", "Matching", "TF"]
    assert [plain(p["subquestion"]["text"]) for p in questions[3]["matchPairs"]] == [text["ru"], "второй -> шаг", "третий"]
    assert plain(questions[1]["stem"]["text"]) == text["ru"]
