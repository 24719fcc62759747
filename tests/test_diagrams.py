"""The course's diagrams (diagrams/, hooks/diagrams.py): each on its page in every language with
its words in that language and an accessible name; readable on a 390 px phone (no text under
12 CSS px, no line wider than its slot, nothing past the screen's edge); legible in the dark
scheme; and a build that stops, naming the file, when a text or a diagram is missing."""
from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import DESKTOP, LANGS, PHONE, ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from lib import diagrams  # noqa: E402
from lib.sources import read_pages  # noqa: E402

from test_browser_site import AXE, WCAG  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
DIAGRAMS = diagrams.load(ROOT)


def pages_with_diagrams() -> dict[str, list[str]]:
    """Page (relative .md path) → the diagrams its Russian Markdown asks for."""
    found = {}
    for path in sorted((ROOT / "docs" / "ru").rglob("*.md")):
        asked = diagrams.markers(path.read_text(encoding="utf-8"))
        if asked:
            found[path.relative_to(ROOT / "docs" / "ru").as_posix()] = asked
    return found


PAGES = pages_with_diagrams()


def url_of(page: str) -> str:
    return "" if page == "index.md" else page.removesuffix(".md") + "/"


def plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def test_every_diagram_is_correct_and_on_some_page():
    assert len(DIAGRAMS) >= 12
    assert diagrams.usage_problems(read_pages(ROOT / "docs", list(LANGS)), set(DIAGRAMS)) == []


def test_a_diagram_no_page_uses_and_an_unknown_name_are_named(tmp_path):
    for lang in LANGS:
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "page.md").write_text("# Page\n\n<!-- diagram: four-shelfs -->\n", encoding="utf-8")
    problems = diagrams.usage_problems(read_pages(tmp_path, list(LANGS)), {"four-shelves"})
    assert "docs/el/page.md: no diagram is called 'four-shelfs' (there is no diagrams/four-shelfs.svg; known: four-shelves)" in problems
    assert "diagrams/four-shelves.svg is used by no page: put <!-- diagram: four-shelves --> where its topic is taught, or delete the diagram" in problems


@pytest.mark.parametrize("lang", LANGS)
def test_each_diagram_is_on_its_page_in_the_page_language(built_site, lang):
    for page, asked in PAGES.items():
        html = (built_site / LANGS[lang] / url_of(page) / "index.html").read_text(encoding="utf-8")
        for ident in asked:
            match = re.search(rf'<figure class="diagram" id="diagram-{ident}".*?</figure>', html, re.S)
            assert match, f"{lang}/{page}: diagram {ident} is missing"
            figure = ET.fromstring(match.group(0))
            svg = figure.find(f"{SVG}svg")
            words = DIAGRAMS[ident].texts
            assert svg.get("role") == "img"
            title = svg.find(f"{SVG}title")
            assert svg.get("aria-labelledby") == title.get("id")
            assert plain(title.text) == plain(words["alt"][lang])
            assert plain(figure.find("figcaption").text) == plain(words["caption"][lang])
            shown = {t.get("data-slot"): plain(" ".join(t.itertext())) for t in svg.iter(f"{SVG}text") if t.get("data-slot")}
            expected = {slot: plain(" ".join(text[lang].splitlines())) for slot, text in words["texts"].items()}
            assert shown == expected, f"{lang}/{page}: {ident}"


def test_the_build_names_a_missing_translation_and_an_unknown_diagram(project_copy, build_copy):
    texts = project_copy / "diagrams" / "ltv-example.yml"
    texts.write_text(re.sub(r"(  moral:\n    ru: [^\n]*\n)    el: [^\n]*\n", r"\1", texts.read_text(encoding="utf-8")), encoding="utf-8")
    page = project_copy / "docs" / "en" / "chapters" / "05-touchpoints.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- diagram: customer-jorney -->\n", encoding="utf-8")
    code, output = build_copy(project_copy)
    assert code != 0
    assert "diagrams/ltv-example.yml: text 'moral' has no Greek (el) text" in output
    assert "docs/en/chapters/05-touchpoints.md: no diagram is called 'customer-jorney'" in output


MEASURE = """() => [...document.querySelectorAll('figure.diagram')].map(figure => {
  const svg = figure.querySelector('svg');
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const box = figure.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')].map(t => ({
    px: parseFloat(getComputedStyle(t).fontSize) * scale,
    width: +t.getAttribute('data-width') || Infinity,
    lines: [...t.querySelectorAll('tspan')].map(s => [s.textContent, s.getComputedTextLength()]),
  }));
  return {id: figure.dataset.diagram, left: box.left, right: box.right, visible: box.height > 50, texts};
})"""


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_every_diagram_is_readable_and_fits(browser, server, lang):
    context = browser.new_context(**PHONE, device_scale_factor=2)
    page = context.new_page()
    try:
        for path, asked in PAGES.items():
            page.goto(server + LANGS[lang] + url_of(path))
            figures = page.evaluate(MEASURE)
            assert [f["id"] for f in figures] == asked
            for figure in figures:
                where = f"{lang}/{path}: {figure['id']}"
                assert figure["visible"] and figure["left"] >= 0 and figure["right"] <= 390, where
                for text in figure["texts"]:
                    assert text["px"] >= 12, f"{where}: text at {text['px']:.1f} px: {text['lines']}"
                    for line, width in text["lines"]:
                        assert width <= text["width"] + 1, f"{where}: “{line}” is {width:.0f} wide; its slot holds {text['width']:.0f}"
                name = plain(DIAGRAMS[figure["id"]].texts["alt"][lang])
                assert page.get_by_role("img", name=name, exact=True).count() == 1, where
    finally:
        context.close()


CONTRAST = """() => {
  const canvas = document.createElement('canvas'); canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  const rgba = (color, under) => {  // the colour as drawn over `under` (opaque), as [r, g, b]
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = `rgb(${under.join(',')})`; ctx.fillRect(0, 0, 1, 1);
    ctx.fillStyle = color; ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3);
  };
  const luminance = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const page = rgba(getComputedStyle(document.body).backgroundColor, [255, 255, 255]);
  const worst = [];
  for (const text of document.querySelectorAll('figure.diagram text')) {
    const r = text.getBoundingClientRect();
    const under = document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2)
      .find(e => e instanceof SVGGeometryElement && !(e instanceof SVGTextContentElement) && getComputedStyle(e).fill !== 'none');
    const back = under ? rgba(getComputedStyle(under).fill, page) : page;
    const fore = rgba(getComputedStyle(text).fill, back);
    const [a, b] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
    worst.push([(a + 0.05) / (b + 0.05), text.textContent.slice(0, 40)]);
  }
  return {scheme: document.body.dataset.mdColorScheme, worst: worst.sort((x, y) => x[0] - y[0]).slice(0, 3)};
}"""


@pytest.mark.parametrize("scheme, expected", [("light", "default"), ("dark", "slate")])
def test_diagram_text_has_enough_contrast_in_both_schemes(browser, server, scheme, expected):
    context = browser.new_context(**DESKTOP, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(server + "el/chapters/02-why-it-pays/")
        result = page.evaluate(CONTRAST)
        assert result["scheme"] == expected
        assert result["worst"][0][0] >= 4.5, result["worst"]
        page.add_script_tag(path=str(AXE))
        audit = page.evaluate("tags => axe.run({include: [['figure.diagram']]}, {runOnly: {type: 'tag', values: tags}})", WCAG)
        assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in audit["violations"]] == []
    finally:
        context.close()
