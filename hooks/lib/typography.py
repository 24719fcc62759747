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
# kept as written; tag names are ASCII case-insensitive (HTML): Unicode case folding was a quarter of the search;
# the look-ahead turns most tags (div, span, li…) away on their first letter, before each name is tried
BLOCKS = re.compile(r"(<(?=[cpst])(script|style|pre|code|textarea|svg)\b.*?</\2>)", re.S | re.I | re.A)
# a digit followed by a space, found from the space: a pattern that starts with a literal lets the
# regex engine skip ahead to it, twice as fast over a page as r"\d " (each search here starts at
# the text's start, after a ">" or at a "<", so the look-behind never pairs a space with a digit
# that lies before the start)
CANDIDATE = re.compile(r" (?<=\d )")
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
    Between the kept blocks, a regular expression finds where a digit is followed by a space; where
    that is in text (not inside a tag), the pattern is tried only where a match holding that digit
    could start. Every match begins with one to three digits and a space, so it starts at most two
    characters before its first digit-space: the same matches as pattern.sub() over each run of
    text (from one tag to the next), without that slow pattern trying every character of the run.
    A match never reaches past the run: "<" and ">" are in none of its parts, and its look-arounds
    see them as they would see the run's ends."""
    if not CANDIDATE.search(markup):
        return markup
    match = pattern(lang).match
    out, last = [], 0
    gaps = [0, *(i for m in BLOCKS.finditer(markup) for i in m.span()), len(markup)]
    for gap_start, gap_end in zip(gaps[::2], gaps[1::2]):
        run_start = run_end = tried = gap_start  # the run of text being set; where matches were tried up to
        candidate = CANDIDATE.search(markup, gap_start, gap_end)
        while candidate:
            at = candidate.start() - 1  # the digit
            if at >= run_end:  # in another run than the last candidate: find it
                start = markup.rfind(">", 0, at) + 1
                if markup.rfind("<", start, at) != -1:  # inside a tag (<h2 id=…>): go on after it
                    candidate = CANDIDATE.search(markup, markup.find(">", at) + 1 or gap_end, gap_end)
                    continue
                end = markup.find("<", at, gap_end)
                run_start, run_end = start, gap_end if end == -1 else end
            for begin in range(max(at - 2, run_start, tried), at + 1):
                found = match(markup, begin)
                if found:
                    out += (markup[last:begin], found.group(0).replace(" ", NBSP))
                    last = found.end()
                    break
            tried = max(at + 1, last)
            candidate = CANDIDATE.search(markup, max(candidate.end(), last), gap_end)
    if not out:
        return markup
    out.append(markup[last:])
    return "".join(out)


# Headings: soft hyphens in long words, so that a Russian or Greek title breaks with a hyphen on
# a phone ("Клиентоориенти-рованность") in every browser. CSS `hyphens: auto` alone depends on
# the browser having that language's dictionary (Chromium on Linux and some Android builds do
# not); Pyphen carries LibreOffice's ru and el patterns.
HYPHENATED = ("ru", "el")
LONG_WORD = re.compile(r"\w{12,}")
HEADING = re.compile(r"(<h[1-3]\b[^>]*>)(.*?)(</h[1-3]>)", re.S)
TAG = re.compile(r"(<[^>]*>)")
_hyphenators: dict = {}


def hyphenate_headings(markup: str, lang: str) -> str:
    """Soft hyphens (U+00AD) in the words of 12 letters or more in h1-h3 text (never in tags)."""
    if lang not in HYPHENATED:
        return markup
    if lang not in _hyphenators:
        import pyphen
        _hyphenators[lang] = (pyphen.Pyphen(lang=lang), {}, {})
    hyphenator, done, headings = _hyphenators[lang]

    def word(match: re.Match) -> str:
        # each word hyphenated once per language: the same titles recur on many pages (Pyphen
        # is pure Python, and was most of the typography hook's time)
        found = match.group(0)
        if found not in done:
            done[found] = hyphenator.inserted(found, hyphen="\u00ad")
        return done[found]

    def heading(match: re.Match) -> str:
        # each heading set once per language: the same headings recur on many pages (a quiz's,
        # the answer key's, the sections every chapter has)
        whole = match.group(0)
        if whole not in headings:
            inner = match.group(2)
            if LONG_WORD.search(inner):  # else no word of it is long: the heading stays as it is
                inner = "".join(p if p.startswith("<") else LONG_WORD.sub(word, p) for p in TAG.split(inner))
            headings[whole] = match.group(1) + inner + match.group(3)
        return headings[whole]

    return HEADING.sub(heading, markup)
