"""Non-breaking spaces where each language's typography wants them, applied to text (never to
tags, attributes, code or scripts): between the groups of a long number (20 000), and between a
number and its unit or currency (20 000 рублей, 5 %, 27 δισ. ευρώ, 40 minutes), so that no line
starts with a unit cut from its figure. Only spaces the author wrote are changed; none is added.
"""
from __future__ import annotations

import re

NBSP = "\u00a0"
UNITS = {
    "ru": r"(?:руб(?:л(?:ей|я|ь))?\.?|₽|%|мин(?:ут[ыа]?)?\.?|сек(?:унд[ыа]?)?|час(?:а|ов)?|д(?:ень|ня|ней)|недел[ьиюя]|месяц(?:а|ев)?|"
          r"лет|год(?:а|у)?|раз(?:а)?|тыс\.?|млн|млрд|км|кг|м²|евро|доллар(?:а|ов)?|\$|€|баллов|балла|балл|пункт(?:а|ов)?|шаг(?:а|ов)?)",
    "el": r"(?:ευρώ|€|%|λεπτ(?:ά|ό)|δευτερόλεπτα|ώρ(?:ες|α)|(?:η)?μέρ(?:ες|α)|ημέρ(?:ες|α)|εβδομάδ(?:ες|α)|μήν(?:ες|α)|χρόνια|χρόνο|έτη|"
          r"δισ\.?|εκατ\.?|εκατομμύρια|χιλ\.?|ρούβλια|ρουβλιών|δολάρια|\$|πόντους|πόντοι|βήματα|φορές)",
    "en": r"(?:%|roubles?|euros?|€|dollars?|\$|min(?:utes?)?\b|seconds?|hours?|days?|weeks?|months?|years?|million|billion|thousand|"
          r"km|kg|points?|steps?|times)",
}
SCALES = r"(?:тыс\.|млн|млрд|δισ\.|εκατ\.|χιλ\.|million|billion|thousand)"
CURRENCIES = r"(?:руб|евро|доллар|ευρώ|ρούβλ|δολάρ|€|\$|rouble|euro|dollar)"
BLOCKS = re.compile(r"(<(script|style|pre|code|textarea|svg)\b.*?</\2>)", re.S | re.I)  # kept as written
TAG = re.compile(r"(<[^>]*>)")  # a tag's attributes are no text ("0 0 100 200" in a viewBox)
CANDIDATE = re.compile(r"\d ")
_patterns: dict[str, re.Pattern] = {}


def pattern(lang: str) -> re.Pattern:
    """A long number with its groups, or a figure with its unit (a scale word with its currency)."""
    if lang not in _patterns:
        unit = UNITS.get(lang, UNITS["en"])
        _patterns[lang] = re.compile(
            rf"(?<![\d.,])\d{{1,3}}(?: \d{{3}})+(?!\d)(?: {SCALES} {CURRENCIES}\w*| {unit}(?!\w))?"
            rf"|\d(?: {SCALES} {CURRENCIES}\w*| {unit}(?!\w))", re.I)
    return _patterns[lang]


def _nbsp(match: re.Match) -> str:
    return match.group(0).replace(" ", NBSP)


def text(value: str, lang: str) -> str:
    """One run of text (no markup) with its spaces set."""
    return pattern(lang).sub(_nbsp, value) if CANDIDATE.search(value) else value


def html(markup: str, lang: str) -> str:
    """HTML with the text between its tags set; code, scripts, drawings and attributes untouched.
    Only runs of text that hold a digit followed by a space are looked at (regular expressions
    do the scanning; Python sees the few candidates)."""
    if not CANDIDATE.search(markup):
        return markup
    out = []
    chunks = BLOCKS.split(markup) if BLOCKS.search(markup) else [markup]
    i = 0
    while i < len(chunks):
        chunk = chunks[i]
        if chunk.startswith("<") and i % 3 == 1:  # a kept block (split yields text, block, tag name)
            out.append(chunk)
            i += 2
            continue
        parts = TAG.split(chunk)
        out.append("".join(part if j % 2 else text(part, lang) for j, part in enumerate(parts)))
        i += 1
    return "".join(out)
