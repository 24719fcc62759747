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
GROUPS = re.compile(r"(?<![\d.,])(\d{1,3})((?: \d{3})+)(?![\d])")
SKIP = re.compile(r"<(script|style|pre|code|textarea)\b.*?</\1>", re.S | re.I)
TAG = re.compile(r"(<[^>]*>)")
# "27 δισ. ευρώ", "3 млн рублей": the scale word stays with its currency too
SCALE = re.compile(r"(\d\u00a0(?:тыс\.|млн|млрд|δισ\.|εκατ\.|χιλ\.|million|billion|thousand)) "
                   r"(?=руб|евро|доллар|ευρώ|ρούβλ|δολάρ|€|\$|rouble|euro|dollar)")
_patterns: dict[str, re.Pattern] = {}


def text(value: str, lang: str) -> str:
    """One run of text (no markup) with its spaces set."""
    if not any(c.isdigit() for c in value):
        return value
    value = GROUPS.sub(lambda m: m.group(1) + m.group(2).replace(" ", NBSP), value)
    if lang not in _patterns:
        _patterns[lang] = re.compile(rf"(\d) ({UNITS.get(lang, UNITS['en'])})(?![\w])")
    value = _patterns[lang].sub(rf"\1{NBSP}\2", value)
    return SCALE.sub(rf"\1{NBSP}", value)


def html(markup: str, lang: str) -> str:
    """HTML with the text between its tags set; code, scripts and attributes untouched."""
    out, last = [], 0
    for skipped in SKIP.finditer(markup):
        out.append(_outside_tags(markup[last:skipped.start()], lang))
        out.append(skipped.group(0))
        last = skipped.end()
    out.append(_outside_tags(markup[last:], lang))
    return "".join(out)


def _outside_tags(markup: str, lang: str) -> str:
    return "".join(part if part.startswith("<") else text(part, lang) for part in TAG.split(markup))
