"""Non-breaking spaces set by the build (hooks/lib/typography.py), in text only."""
from __future__ import annotations

import random
import re
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from lib import typography  # noqa: E402

N = "\u00a0"


def test_numbers_keep_their_groups_and_units_in_each_language():
    assert typography.text("за 20 000 рублей и 5 % скидки", "ru") == f"за 20{N}000{N}рублей и 5{N}% скидки"
    assert typography.text("27 δισ. ευρώ σε 40 λεπτά", "el") == f"27{N}δισ.{N}ευρώ σε 40{N}λεπτά"
    assert typography.text("500 roubles in 40 minutes", "en") == f"500{N}roubles in 40{N}minutes"
    assert typography.text("1 000 000 € and 3 million dollars", "en") == f"1{N}000{N}000{N}€ and 3{N}million{N}dollars"


def test_only_written_spaces_in_text_change():
    assert typography.text("5% and 12 questions", "en") == "5% and 12 questions"  # nothing added, no unit
    markup = '<p title="20 000 рублей">20 000 рублей</p><code>20 000 рублей</code><script>var a = "5 %";</script>'
    assert typography.html(markup, "ru") == f'<p title="20 000 рублей">20{N}000{N}рублей</p><code>20 000 рублей</code><script>var a = "5 %";</script>'


def test_the_built_pages_carry_them(built_site):
    page = (built_site / "chapters/02-why-it-pays/index.html").read_text(encoding="utf-8")
    assert f"20{N}000{N}руб" in page
    quiz = page[page.index('class="quiz'):]
    assert f"{N}руб" in quiz  # quiz texts added by a hook are set too


def runs_set_one_by_one(markup: str, lang: str) -> str:
    """What html() must give: text() over each run of text between tags, outside the kept blocks
    (its first, simplest form)."""
    out, last = [], 0
    for block in typography.BLOCKS.finditer(markup):
        out.append(re.sub(r"(?<=>)[^<>]*|^[^<>]*", lambda m: typography.text(m.group(0), lang), markup[last:block.start()]))
        out.append(block.group(0))
        last = block.end()
    out.append(re.sub(r"(?<=>)[^<>]*|^[^<>]*", lambda m: typography.text(m.group(0), lang), markup[last:]))
    return "".join(out)


def test_html_sets_each_run_of_text_as_text_does():
    pieces = ["1", "2", "30", "0", " ", " ", " ", "000", "руб", "рублей", "РУБ.", "%", ".", ",", "<b>", "</b>", "<i x='5 %'>",
              "млн", "евро", "тыс.", "a", N, "<code>1 000</code>", "<SVG>5 %</svg>", "€", "$", "minutes", "δισ.", "ευρώ",
              "million", "Dollars", "thousand", "x", "<p title=\"20 000 рублей\">", "1 000 000", "12 345", "4 5", "\n"]
    rnd = random.Random(7)
    for _ in range(3000):
        markup = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 40)))
        for lang in ("ru", "el", "en"):
            assert typography.html(markup, lang) == runs_set_one_by_one(markup, lang), (markup, lang)
