"""The course's diagrams: one drawing and one text file per diagram, put into pages by name.

Each diagram is a pair in ``diagrams/``: ``<id>.svg``, the drawing, with *named text slots*
(``<text data-slot="shelf-1" data-width="300" data-lines="2">``) and no words of its own, and
``<id>.yml``, every text of the drawing in ru, el and en plus its visible caption and its text
alternative (checked by ``diagrams/diagram.schema.json``). So a drawing exists once and its
words once per language; nothing is copied three times.

A page asks for a diagram with a marker on a line of its own in the Markdown of every language:
``<!-- diagram: four-shelves -->``. The build stops, naming the file, for an unknown name, a
diagram no page uses, a diagram on a page in one language and not another, a text missing in
one language, a slot with no text, a text with no slot, or more lines than a slot holds.

Why slots hold lines the author breaks (a line break in the YAML text), not text the build
wraps: SVG text does not wrap, and wrapping at build time would need the reading font's metrics,
which differ between phones; a native writer also breaks a label where the phrase breaks. The
build checks the number of lines; the browser tests measure every line in Chromium against its
slot's ``data-width``.
"""
from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html import escape
from pathlib import Path

from lib import schema as schema_check
from lib.sources import LANGUAGE_NAMES, SourceError, folder_signature, kind_of, read_text, read_yaml

FOLDER = "diagrams"
SVG = "http://www.w3.org/2000/svg"
MARKER = re.compile(r"^[ \t]*<!--[ \t]*diagram:[ \t]*(\S*?)[ \t]*-->[ \t]*$", re.M)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
LETTER = re.compile(r"[^\W\d_]")
LINE_HEIGHT = 1.25  # em, between the lines of one slot

ET.register_namespace("", SVG)


@dataclass
class Diagram:
    id: str
    drawing: ET.Element  # the parsed SVG, slots still empty
    texts: dict  # the YAML: caption, alt, texts


def _where(name: str, path: list) -> tuple[str, str]:
    """(what, language) for a schema error path, in a maintainer's words."""
    if path[:1] == ["texts"] and len(path) >= 2:
        what = f"text '{path[1]}'"
        lang = path[2] if len(path) >= 3 else ""
    elif path:
        what, lang = f"'{path[0]}'", path[1] if len(path) >= 2 else ""
    else:
        what, lang = "the file", ""
    return what, lang


def text_problems(data, name: str) -> list[str]:
    """Every problem of one diagram's text file (schema first, in plain words)."""
    if not isinstance(data, dict):
        return [f"{name}: the file should hold 'caption:', 'alt:' and 'texts:' (it holds {kind_of(data)})"]
    schema = schema_check.read(Path(__file__).resolve().parents[2] / FOLDER / "diagram.schema.json")
    problems = []
    for error in schema_check.errors(schema, data):
        path = list(error.absolute_path)
        what, lang = _where(name, path)
        if error.validator == "required":
            missing = [k for k in error.validator_value if not (isinstance(error.instance, dict) and k in error.instance)]
            if all(k in LANGUAGE_NAMES for k in missing):
                problems.append(f"{name}: {what} has no {', '.join(LANGUAGE_NAMES[k] for k in missing)} text")
            else:
                problems.append(f"{name}: '{missing[0]}:' is missing")
        elif error.validator in ("pattern", "minLength") and lang:
            problems.append(f"{name}: {what}: the {LANGUAGE_NAMES.get(lang, lang)} text is blank")
        elif error.validator == "type" and lang:
            problems.append(f"{name}: {what}: the {LANGUAGE_NAMES.get(lang, lang)} text should be a text in quotes, not {kind_of(error.instance)}")
        elif error.validator == "additionalProperties":
            problems.append(f"{name}: {what}: unexpected field(s): {error.message.split('(')[-1].rstrip(')')}")
        elif error.validator == "propertyNames" or (error.validator == "pattern" and not lang):
            problems.append(f"{name}: text name '{error.instance}' should be lower-case letters, digits and hyphens")
        else:
            problems.append(f"{name}: {what}: should be {'a set of ru/el/en texts' if path else 'caption, alt and texts'}, not {kind_of(error.instance)}")
    return problems


def slots_of(drawing: ET.Element) -> dict[str, ET.Element]:
    return {el.get("data-slot"): el for el in drawing.iter(f"{{{SVG}}}text") if el.get("data-slot")}


def drawing_problems(drawing: ET.Element, texts: dict, name: str, text_name: str) -> list[str]:
    """What does not match between a drawing and its texts."""
    problems = []
    if drawing.tag != f"{{{SVG}}}svg" or not drawing.get("viewBox"):
        problems.append(f"{name}: the drawing should be an <svg> with xmlns=\"{SVG}\" and a viewBox")
    slots = slots_of(drawing)
    for el in drawing.iter(f"{{{SVG}}}text"):
        words = "".join(el.itertext())
        if el.get("data-slot") and words.strip():
            problems.append(f"{name}: slot '{el.get('data-slot')}' should be empty: its words belong in {text_name}")
        elif not el.get("data-slot") and LETTER.search(words):
            problems.append(f"{name}: the text “{words.strip()}” is written in the drawing; make it a slot "
                            f"(data-slot=\"…\") and put it in {text_name} in every language")
    own = texts.get("texts", {}) if isinstance(texts.get("texts"), dict) else {}
    problems += [f"{name}: slot '{s}' has no text in {text_name}" for s in sorted(set(slots) - set(own))]
    problems += [f"{text_name}: text '{t}' is in no slot of {name}" for t in sorted(set(own) - set(slots))]
    for slot, el in sorted(slots.items()):
        most = el.get("data-lines", "1")
        if not most.isdigit() or not el.get("data-width", "").replace(".", "", 1).isdigit():
            problems.append(f"{name}: slot '{slot}' needs data-width (its line width) and data-lines (how many lines it holds)")
            continue
        for lang, value in (own.get(slot) or {}).items():
            if isinstance(value, str) and len(value.strip().splitlines()) > int(most):
                problems.append(f"{text_name}: text '{slot}' ({LANGUAGE_NAMES.get(lang, lang)}) has "
                                f"{len(value.strip().splitlines())} lines; its slot holds {most}")
    return problems


def load(root: Path) -> dict[str, Diagram]:
    """Every diagram of the project, checked; SourceError lists every problem at once."""
    folder = Path(root) / FOLDER
    drawings = {p.stem: p for p in sorted(folder.glob("*.svg"))}
    text_files = {p.stem: p for p in sorted(folder.glob("*.yml"))}
    problems = [f"{FOLDER}/{i}.svg has no text file {FOLDER}/{i}.yml" for i in sorted(set(drawings) - set(text_files))]
    problems += [f"{FOLDER}/{i}.yml has no drawing {FOLDER}/{i}.svg" for i in sorted(set(text_files) - set(drawings))]
    diagrams = {}
    for ident in sorted(set(drawings) & set(text_files)):
        name, text_name = f"{FOLDER}/{ident}.svg", f"{FOLDER}/{ident}.yml"
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ident):
            problems.append(f"{name}: a diagram's name should be lower-case letters, digits and single hyphens")
        try:
            texts = read_yaml(text_files[ident], text_name)
            drawing = ET.fromstring(read_text(drawings[ident], name))
        except SourceError as error:
            problems.append(str(error))
            continue
        except ET.ParseError as error:
            problems.append(f"{name}: line {error.position[0]}: not valid SVG (XML) — {str(error).split(':')[0]}")
            continue
        found = text_problems(texts, text_name)
        if not found:
            found = drawing_problems(drawing, texts, name, text_name)
        problems += found
        diagrams[ident] = Diagram(ident, drawing, texts)
    if problems:
        raise SourceError("The diagrams have problems:\n  " + "\n  ".join(problems))
    return diagrams


_cache: dict = {"signature": None, "diagrams": {}}


def load_cached(root: Path) -> dict[str, Diagram]:
    """load(), again only when a file of the folder has changed (each language build asks;
    mkdocs serve rebuilds on edits)."""
    signature = folder_signature(Path(root) / FOLDER)
    if signature != _cache["signature"]:
        _cache["diagrams"] = load(root)
        _cache["signature"] = signature
    return _cache["diagrams"]


def names(root: Path) -> set[str]:
    """The names of the diagrams that exist (one per drawing), whether or not they are correct."""
    return {p.stem for p in (Path(root) / FOLDER).glob("*.svg")}


def markers(markdown: str) -> list[str]:
    """The diagram names a page asks for, in order (markers inside code fences do not count)."""
    if "diagram:" not in markdown:  # most pages: no marker, no search for one (nor for fences)
        return []
    if "```" in markdown or "~~~" in markdown:
        markdown = FENCE.sub("", markdown)
    return MARKER.findall(markdown)


def usage_problems(sources: dict[str, dict[str, bytes]], names: set[str]) -> list[str]:
    """Unknown names, diagrams used twice on a page or in one language only, diagrams no page
    uses (`sources`: every page's Markdown by language, lib.build.page_sources())."""
    problems, used, per_page = [], set(), {}
    locales = list(sources)
    for locale, pages in sources.items():
        for page, data in pages.items():
            asked = markers(data.decode("utf-8", "replace"))
            for ident in sorted(set(asked)):
                where = f"docs/{locale}/{page}"
                if ident not in names:
                    known = ", ".join(sorted(names)) or "none yet"
                    problems.append(f"{where}: no diagram is called '{ident}' (there is no {FOLDER}/{ident}.svg; known: {known})")
                elif asked.count(ident) > 1:
                    problems.append(f"{where}: the diagram '{ident}' is asked for {asked.count(ident)} times; keep one")
            per_page.setdefault(page, {})[locale] = set(asked)
            used |= set(asked)
    for page, asked in sorted(per_page.items()):
        every = set().union(*asked.values())
        for locale in locales:
            for ident in sorted(every - asked.get(locale, set())):
                if ident in names:
                    have = ", ".join(f"docs/{o}/{page}" for o in locales if ident in asked.get(o, set()))
                    problems.append(f"docs/{locale}/{page}: no marker <!-- diagram: {ident} --> (it is in {have})")
    problems += [f"{FOLDER}/{i}.svg is used by no page: put <!-- diagram: {i} --> where its topic is taught, "
                 "or delete the diagram" for i in sorted(names - used)]
    return problems


def render(diagram: Diagram, lang: str) -> str:
    """The diagram as an HTML figure in one language: the drawing inline (so it takes the theme's
    colours and the page's font), its text alternative as the drawing's <title>, and the
    caption visible under it."""
    base = f"diagram-{diagram.id}"
    svg = copy.deepcopy(diagram.drawing)
    for el in svg.iter():  # ids unique on a page that shows several diagrams
        if el.get("id"):
            el.set("id", f"{base}-{el.get('id')}")
        for attr, value in list(el.attrib.items()):
            if "url(#" in value:
                el.set(attr, value.replace("url(#", f"url(#{base}-"))
    for slot, el in slots_of(svg).items():
        lines = diagram.texts["texts"][slot][lang].strip().splitlines()
        el.attrib.pop("data-lines", None)
        el.set("dominant-baseline", "central")
        x = el.get("x", "0")
        for number, line in enumerate(lines):
            span = ET.SubElement(el, f"{{{SVG}}}tspan", {"x": x})
            shift = -(len(lines) - 1) * LINE_HEIGHT / 2 if number == 0 else LINE_HEIGHT
            span.set("dy", f"{shift:g}em")
            span.text = line.strip()
    title = ET.Element(f"{{{SVG}}}title", {"id": f"{base}-title"})
    title.text = " ".join(diagram.texts["alt"][lang].split())
    svg.insert(0, title)
    svg.set("role", "img")
    svg.set("aria-labelledby", f"{base}-title")
    svg.set("class", " ".join(filter(None, ["diagram__drawing", svg.get("class")])))
    for attr in ("width", "height"):
        svg.attrib.pop(attr, None)
    drawing = ET.tostring(svg, encoding="unicode", short_empty_elements=True)
    caption = escape(" ".join(diagram.texts["caption"][lang].split()))
    return (f'<figure class="diagram" id="{base}" data-diagram="{diagram.id}">\n{drawing}\n'
            f'<figcaption>{caption}</figcaption>\n</figure>')


def put_in(html: str, diagrams: dict[str, Diagram], lang: str) -> str:
    """The page's HTML with each marker replaced by its diagram in the page's language."""
    return re.sub(r"<!--[ \t]*diagram:[ \t]*(\S*?)[ \t]*-->", lambda m: render(diagrams[m.group(1)], lang), html)
