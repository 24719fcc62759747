"""Maintainers' mistakes, planted in copies of the project: each stops the build with a message
in plain words that names the file to fix (and the question or term id), never a traceback.

Mistakes that the same check reports are planted together in one copy, so that the suite pays
one build for several of them; most checks run before any page is rendered, so those builds
stop within seconds.
"""
from __future__ import annotations

import re

import pytest
import yaml

pytestmark = pytest.mark.build

T = "{ru: 'р', el: 'ε', en: 'e'}"


def quiz(qid: str, extra: str = "", steps: str = "[{ru: 'р1', el: 'ε1', en: 'e1'}, {ru: 'р2', el: 'ε2', en: 'e2'}, {ru: 'р3', el: 'ε3', en: 'e3'}]") -> str:
    return f"""title: {T}
questions:
  - id: {qid}-single
    type: single
    prompt: {T}
    options:
      - text: {T}
        correct: true
      - text: {T}
        feedback: {T}
    explanation: {T}
  - id: {qid}-ordering
    type: ordering
    prompt: {T}
    steps: {steps}
    explanation: {T}
{extra}"""


def stopped(build_copy, copy) -> str:
    code, out = build_copy(copy)
    assert code != 0, out
    assert "Traceback" not in out, out
    return out


def edit(path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_question_bank_mistakes_are_named_with_file_and_question(project_copy, build_copy):
    q = project_copy / "quizzes"
    (q / "planted-bytes.yml").write_bytes(quiz("planted-bytes").encode().replace("'e1'".encode(), b"'e\xff1'"))
    (q / "planted-dupkey.yml").write_text(quiz("planted-dupkey").replace("title: {ru: 'р',", "title: {ru: 'р', ru: 'р2',"), encoding="utf-8")
    (q / "planted-blank.yml").write_text(quiz("planted-blank").replace("      - text: {ru: 'р', el: 'ε', en: 'e'}\n        feedback",
                                                                        "      - text: {ru: 'р', el: 'ε', en: '   '}\n        feedback"), encoding="utf-8")
    (q / "planted-steps.yml").write_text(quiz("planted-steps", steps="[{ru: 'р1', el: 'ε1', en: 'same'}, {ru: 'р2', el: 'ε2', en: 'same'}, "
                                                                     "{ru: 'р3', el: 'ε3', en: 'e3'}]"), encoding="utf-8")
    (q / "planted-types.yml").write_text(quiz("planted-types").replace("correct: true", "correct: 'yes'")
                                         .replace("  - id: planted-types-ordering\n    type: ordering\n    prompt: {ru: 'р', el: 'ε', en: 'e'}",
                                                  "  - id: planted-types-ordering\n    type: ordering\n    prompt: [a, b]"), encoding="utf-8")
    (q / "planted-empty.yml").write_text("", encoding="utf-8")
    (q / "planted-list.yml").write_text("- one\n- two\n", encoding="utf-8")
    (q / "planted-suffix.yaml").write_text(quiz("planted-suffix"), encoding="utf-8")
    out = stopped(build_copy, project_copy)
    for expected in [
        "quizzes/planted-bytes.yml: line 15 has a character that is not UTF-8",
        "quizzes/planted-dupkey.yml: line 1: not valid YAML — the key 'ru' appears twice",
        "quizzes/planted-blank.yml: question planted-blank-single: options[2].text.en: the English (en) text is blank",
        "quizzes/planted-steps.yml: question planted-steps-ordering: two steps say the same in English (en): 'same'",
        "quizzes/planted-types.yml: question planted-types-single: options[1].correct: should be true or false, not a text",
        "quizzes/planted-types.yml: question planted-types-ordering: prompt: should be a set of 'key: value' lines, not a list",
        "quizzes/planted-empty.yml: the file is empty",
        "quizzes/planted-list.yml: the file should start with 'title:' and 'questions:', but it holds a list",
        "quizzes/planted-suffix.yaml: only .yml files are read: rename it to quizzes/planted-suffix.yml",
    ]:
        assert expected in out, f"{expected!r} not in:\n{out}"


def test_links_that_cannot_work_in_quiz_texts_are_named(project_copy, build_copy):
    extra = """  - id: planted-links-multiple
    type: multiple
    prompt: {ru: 'р', el: 'ε', en: '[click](javascript:alert(1))'}
    options:
      - {text: {ru: '[глава 1](../chapters/01-what-it-is.md)', el: 'ε', en: 'e'}, correct: true}
      - {text: {ru: 'р', el: 'ε', en: 'e'}, feedback: {ru: 'р', el: '![x](data:text/html;base64,PHA+)', en: 'e'}}
    explanation:
      ru: "р [ссылка][1]\\n\\n[1]: vbscript:msgbox(1)"
      el: ε
      en: e
"""
    (project_copy / "quizzes/planted-links.yml").write_text(quiz("planted-links", extra=extra), encoding="utf-8")
    out = stopped(build_copy, project_copy)
    assert "quizzes/planted-links.yml: question planted-links-multiple: prompt (en): the link 'javascript:alert(1)' uses 'javascript:'" in out
    assert "quizzes/planted-links.yml: question planted-links-multiple: option 1 (ru): the link '../chapters/01-what-it-is.md' points to a course page" in out
    assert "quizzes/planted-links.yml: question planted-links-multiple: option 2 feedback (el): the link 'data:text/html;base64,PHA+' uses 'data:'" in out
    assert "quizzes/planted-links.yml: question planted-links-multiple: explanation (ru): the link 'vbscript:msgbox(1)' uses 'vbscript:'" in out


def test_glossary_mistakes_name_the_term(project_copy, build_copy):
    path = project_copy / "glossary.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    terms = data["terms"]
    del terms[0]["el"]
    terms[1]["id"] = terms[2]["id"]
    terms[3]["chapter"] = "chapters/99-missing.md"
    terms[4]["en"]["definition"] += " [see](../chapters/nowhere.md)"
    terms[5]["ru"]["definition"] += " [x](javascript:alert(1))"
    terms[6]["en"]["definition"] = "  "
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = stopped(build_copy, project_copy)
    for expected in [
        f"glossary.yml: term '{terms[0]['id']}': no Greek (el) entry",
        f"glossary.yml: term id '{terms[2]['id']}' appears more than once",
        f"glossary.yml: term '{terms[3]['id']}': chapter 'chapters/99-missing.md' does not exist in docs/ru/",
        f"glossary.yml: term '{terms[4]['id']}': definition (en): the link '../chapters/nowhere.md' points to no page",
        f"glossary.yml: term '{terms[5]['id']}': definition (ru): the link 'javascript:alert(1)' uses 'javascript:'",
        f"glossary.yml: term '{terms[6]['id']}': en.definition: is blank",
    ]:
        assert expected in out, f"{expected!r} not in:\n{out}"
    assert "Error reading page" not in out


@pytest.mark.parametrize("planted, expected", [
    (lambda text: text + "  - id: [broken\n", r"glossary\.yml: line \d+: not valid YAML"),
    (lambda text: text.replace("terms:\n", "terms:\nterms:\n", 1), r"glossary\.yml: line \d+: not valid YAML — the key 'terms' appears twice"),
    (lambda text: text.encode().replace("стоимость".encode(), b"\xe0\xff", 1), r"glossary\.yml: line \d+ has a character that is not UTF-8"),
])
def test_a_glossary_that_does_not_read_is_named(project_copy, build_copy, planted, expected):
    path = project_copy / "glossary.yml"
    result = planted(path.read_text(encoding="utf-8"))
    (path.write_bytes if isinstance(result, bytes) else lambda t: path.write_text(t, encoding="utf-8"))(result)
    assert re.search(expected, stopped(build_copy, project_copy))


def test_a_label_missing_or_blank_in_one_language_is_named(project_copy, build_copy):
    labels = project_copy / "labels.yml"
    edit(labels, '  check:\n    ru: "Проверить"\n    el: "Έλεγχος"\n', '  check:\n    ru: "Проверить"\n')
    text = labels.read_text(encoding="utf-8")
    retry_en = re.search(r"  retry:\n    ru: .*\n    el: .*\n    en: (.*)\n", text).group(1)
    edit(labels, f"    en: {retry_en}\n", '    en: " "\n')
    out = stopped(build_copy, project_copy)
    assert "labels.yml: label 'check': no Greek (el) text" in out
    assert "labels.yml: label 'retry': the English (en) text is blank" in out


def test_pages_that_cannot_be_read_are_all_named(project_copy, build_copy):
    docs = project_copy / "docs"
    page = docs / "el/chapters/01-what-it-is.md"
    page.write_bytes(page.read_bytes().replace("\n\n".encode(), b"\n\xff\n", 3))
    text = (docs / "en/chapters/02-why-it-pays.md").read_text(encoding="utf-8")
    front_end = text.index("\n---\n", 4)
    (docs / "en/chapters/02-why-it-pays.md").write_text(text[:front_end] + "\n" + text[front_end + 5:] + "\n---\n\nMore.\n", encoding="utf-8")
    edit(docs / "ru/chapters/03-who-is-your-customer.md", "\ntitle:", "\ntitle: Дубль\ntitle:")
    out = stopped(build_copy, project_copy)
    assert re.search(r"docs/el/chapters/01-what-it-is\.md: line \d+ has a character that is not UTF-8", out), out
    assert re.search(r"docs/en/chapters/02-why-it-pays\.md: line \d+ \('.*'\) is not 'key: value': the front matter is not closed", out), out
    assert re.search(r"docs/ru/chapters/03-who-is-your-customer\.md: line 3: not valid YAML — the key 'title' appears twice", out), out
    assert "quote a text" not in out


def test_a_section_id_missing_in_one_language_is_named(project_copy, build_copy):
    page = project_copy / "docs/el/chapters/01-what-it-is.md"
    text = page.read_text(encoding="utf-8")
    original = re.search(r"^## .*\{#([a-z0-9-]+)\}", text, re.M).group(1)
    page.write_text(text.replace("{#" + original + "}", "{#renamed-by-mistake}", 1), encoding="utf-8")
    out = stopped(build_copy, project_copy)
    assert (f"docs/el/chapters/01-what-it-is.md: no level-2 heading with id '#{original}' "
            "(it is in docs/ru/chapters/01-what-it-is.md, docs/en/chapters/01-what-it-is.md)") in out
    assert "docs/ru/chapters/01-what-it-is.md: no level-2 heading with id '#renamed-by-mistake'" in out


def test_a_link_into_another_language_says_so(project_copy, build_copy):
    with (project_copy / "docs/ru/chapters/01-what-it-is.md").open("a", encoding="utf-8") as page:
        page.write("\n\nСм. [главу 2](../../en/chapters/02-why-it-pays.md).\n")
    out = stopped(build_copy, project_copy)
    assert ("docs/ru/chapters/01-what-it-is.md: the link '../../en/chapters/02-why-it-pays.md' leads into the en pages; "
            "every language links within its own folder (the same page here is docs/ru/chapters/02-why-it-pays.md)") in out


def test_two_pages_naming_the_same_quiz_are_named(project_copy, build_copy):
    for lang in ("ru", "el", "en"):
        edit(project_copy / f"docs/{lang}/cases/ikea.md", "quiz: ikea", "quiz: nordstrom")
    out = stopped(build_copy, project_copy)
    assert "quizzes/nordstrom.yml is named by more than one page (docs/ru/cases/nordstrom.md, docs/ru/cases/ikea.md)" in out \
        or "quizzes/nordstrom.yml is named by more than one page (docs/ru/cases/ikea.md, docs/ru/cases/nordstrom.md)" in out
    assert "quizzes/ikea.yml is used by no page" in out


def test_code_running_links_in_pages_are_refused_however_written(project_copy, build_copy):
    with (project_copy / "docs/ru/index.md").open("a", encoding="utf-8") as page:
        page.write('\n\n[нажмите](javascript:alert(1)) и <a href=" JavaScript:alert(2)">сюда</a> и [тут][x]\n\n[x]: data:text/html,hi\n')
    out = stopped(build_copy, project_copy)
    assert "docs/ru/index.md: the link 'javascript:alert(1)' uses 'javascript:'" in out
    assert "docs/ru/index.md: the link ' JavaScript:alert(2)' uses 'javascript:'" in out
    assert "docs/ru/index.md: the link 'data:text/html,hi' uses 'data:'" in out
