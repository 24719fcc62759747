"""What trainers and learners get on paper, measured in Chromium's print rendering: checklist
boxes that stay on their line, session plans with or without the key, a participant handout per
chapter, no screen-only links and no heading left alone at the foot of a page."""
from __future__ import annotations

import io
import re

import pypdf

from conftest import LANGS, ROOT

OPEN_QUIZ = {"ru": "Открыть самопроверку на странице", "el": "Άνοιγμα του τεστ στη σελίδα του", "en": "Open the quiz on its page"}
KEY_HEADING = {"ru": "Ответы самопроверки", "el": "Απαντήσεις του τεστ", "en": "Quiz answer key"}
GOOD_ANSWER = {"ru": "Хороший ответ", "el": "Μια καλή απάντηση", "en": "A good answer includes"}
NOTES = {"ru": "Заметки", "el": "Σημειώσεις", "en": "Notes"}


def pdf_pages(page) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4", margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})))
    # soft hyphens (long heading words, hooks/lib/typography.py) and non-breaking spaces read as text
    return [re.sub(r"\s+", " ", (p.extract_text() or "").replace("\u00ad", "").replace("\u00a0", " ")) for p in reader.pages]


def has(text: str, words: str) -> bool:
    """Words in PDF text, where a heading hyphenated at its soft hyphens reads as "са мо про вер ки"."""
    return words.replace(" ", "") in text.replace(" ", "")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "").replace("\u00a0", " ")).strip()


def test_printed_checklist_boxes_sit_on_their_first_line(page, server):
    """Each box, in the print rendering, lies inside the first line of its item's text, left of
    the text, and is at least half as tall as the text is large: it scales with the print size."""
    for lang, prefix in LANGS.items():
        page.goto(server + prefix + "standards/complaint-handling/")
        page.emulate_media(media="print")
        boxes = page.evaluate("""() => [...document.querySelectorAll('.md-content .task-list-item')].map(li => {
            const box = li.querySelector('input[type=checkbox]').getBoundingClientRect();
            const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT, n => n.textContent.trim() ? 1 : 3);
            const range = document.createRange();
            range.selectNodeContents(walker.nextNode());
            const line = range.getClientRects()[0];
            const size = parseFloat(getComputedStyle(li).fontSize);
            return {box: [box.top, box.bottom, box.left, box.right], line: [line.top, line.bottom, line.left], size};
        })""")
        assert len(boxes) > 20
        for item in boxes:
            top, bottom, left, right = item["box"]
            line_top, line_bottom, line_left = item["line"]
            assert top >= line_top - 2 and bottom <= line_bottom + 2, f"{lang}: box {item['box']} outside its line {item['line']}"
            assert right <= line_left, f"{lang}: box overlaps the text"
            assert bottom - top >= 0.5 * item["size"], f"{lang}: box too small for {item['size']}px text"
        page.emulate_media(media="screen")
    assert not page.js_errors


def test_a_session_plan_prints_without_or_with_its_key_or_as_a_handout(page, server):
    for lang, prefix in LANGS.items():
        page.goto(server + prefix + "trainer/07-products-and-processes/")
        assert page.locator("[data-print=plan]").is_checked(), "the plan without its key is the default"
        question = squash(page.locator(".answer-key__prompt").first.inner_text())[:40]
        headings = [squash(h) .rstrip("¶").strip() for h in page.locator("article h2, article h3").all_inner_texts()]

        plan = pdf_pages(page)
        text = " ".join(plan)
        assert "0:46–0:57" in text and GOOD_ANSWER[lang] in text
        assert question not in text and not has(text, KEY_HEADING[lang]), f"{lang}: the key printed by default"
        assert len(plan) <= 4, f"{lang}: the plan alone takes {len(plan)} pages"

        page.locator("[data-print=key]").check()
        with_key = pdf_pages(page)
        text = " ".join(with_key)
        assert question in text and has(text, KEY_HEADING[lang])
        assert OPEN_QUIZ[lang] not in text, f"{lang}: a screen-only link on paper"
        for number, page_text in enumerate(with_key[:-1], 1):
            for heading in headings:
                assert not page_text.rstrip().endswith(heading), f"{lang}: '{heading}' alone at the foot of page {number}"

        page.locator("[data-print=handout]").check()
        handout = pdf_pages(page)
        text = " ".join(handout)
        source = (ROOT / "docs" / lang / "chapters/07-products-and-processes.md").read_text(encoding="utf-8")
        takeaway = re.search(r"\{#takeaways\}\n\n- (.{30})", source).group(1)
        objective = re.search(r"\{#objectives\}\n\n- (.{30})", source).group(1)
        at_work = re.search(r"\{#at-work-tomorrow\}\n\n- (.{30})", source).group(1)
        for words in (takeaway, objective, at_work, NOTES[lang]):
            assert squash(words) in text, f"{lang}: handout lacks {words!r}"
        assert GOOD_ANSWER[lang] not in text and "0:46–0:57" not in text and question not in text, f"{lang}: trainer-only parts in the handout"
        assert len(handout) <= 2, f"{lang}: handout takes {len(handout)} pages"
    assert not page.js_errors


def test_every_session_plan_has_a_handout_with_its_discussion_questions(built_site):
    for lang, prefix in LANGS.items():
        for plan in (ROOT / "docs" / lang / "trainer").glob("*.md"):
            source = plan.read_text(encoding="utf-8")
            if not re.search(r"^answer_key: (?!true$)[a-z]", source, re.M):
                continue
            html = (built_site / prefix / "trainer" / plan.stem / "index.html").read_text(encoding="utf-8")
            handout = html.split('<section class="course-handout"', 1)[1].split("</section>", 1)[0]
            questions = re.findall(r"^\d+\. \*\*(.+?)\*\*", source.split("{#discussion}", 1)[1].split("\n## ", 1)[0], re.M)
            assert questions and handout.count("<li>") >= len(questions), plan
            assert 'class="task-list-item"' in handout, f"{plan}: no checklist in the handout"
            assert "href=" not in handout, f"{plan}: a link on paper"
