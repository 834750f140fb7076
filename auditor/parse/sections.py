"""The six numbered sections: headings recognised by their title, whatever their number or layout.

A heading is first looked for as a short line 「N、title」 whose title matches one of the
template's titles or their variants. When that does not give all six sections (text a crawler
flattened, a heading run on into its paragraph: 「…止。一、总体情况2021年，…」), the text is
searched for headings inside lines: a numeral and separator, right after a sentence, a line or
a table ends, followed by a title of the template (fuzzy, a year or 「政务公开」 before it
allowed). Such inline candidates are taken as the longest run of sections in the template's
order; one out of order or printed twice is kept only when its title is printed (nearly)
exactly, so a 「一、」 inside a sentence is not taken for a heading. Sections numbered
「（一）」 are accepted only when the report numbers no section 「一、」 (then 「（一）」 marks
subsections, whose titles may repeat a section's: 「（一）主动公开政府信息情况」).
Misnumbered, misordered and duplicated headings are kept as notes for the structure checks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from auditor.model import SECTION_NUMBERS, ParseNote, Section
from auditor.template.formats import SECTION_TITLE_QUALIFIERS, SECTION_TITLES, section_titles
from auditor.template.labels import label_key, similarity

_QUALIFIER = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?\s*)?(?:" + "|".join(map(re.escape, SECTION_TITLE_QUALIFIERS)) + ")?")


def _bare_title(key: str) -> str:
    """A title key without the year and qualifier a report may print before the title."""
    return _QUALIFIER.sub("", key, count=1) or key


SECTION_TITLE_KEYS = {number: tuple(dict.fromkeys(k for t in section_titles(number) for k in (label_key(t), _bare_title(label_key(t)))))
                      for number in SECTION_TITLES}
_BARE_KEYS = tuple((number, key) for number in SECTION_TITLES
                   for key in dict.fromkeys(_bare_title(label_key(t)) for t in section_titles(number)))

_HEADING = re.compile(r"^\s*(?P<number>[一二三四五六七八九十]{1,2})\s*[、.．,，]\s*(?P<title>.{2,40})$")
_THRESHOLD = 80
_ORDER = "一二三四五六"

# --- headings inside lines ---------------------------------------------------------------------
_MARKER = re.compile(r"(?P<number>[一二三四五六七八九十]{1,2})\s*[、.．,，]\s*|（(?P<paren>[一二三四五六七八九十]{1,2})）\s*")
_BREAK_BEFORE = set("。；;！!？?：:”」』）)】]|/—-－%0123456789")
_LIST_AFTER = re.compile(r"[；;，,、\s]*[一二三四五六七八九十]{1,2}\s*[、.．,，]")
_WORD = re.compile(r"[0-9A-Za-z\u3400-\u9fff/]")
_WINDOW = 70
_INLINE_THRESHOLD = 85  # a title matched after a sentence, line or table end, numbered as recognised
_EXACT = 95  # a title run on after other text, misnumbered, out of order or repeated
_TRAILING = "。.：:；; "
_CUT_TITLE = 4  # characters of a title the text stops in (a cut page) that still tell the section


@dataclass(frozen=True)
class _Candidate:
    number: str  # the section recognised by the title
    printed: str
    start: int
    end: int  # where the title ends
    score: float
    after_break: bool  # at a line start or right after a sentence, table or line end
    paren: bool  # numbered 「（一）」


def find_headings(lines: list[tuple[int, int, str]], text: str | None = None) -> list[tuple[str, str, int, int]]:
    """(recognised number, printed number, start, end) of each section heading, in text order.

    Heading lines first; when they do not give all six sections and `text` is given, headings
    inside the lines (`lines` are the prose lines of `text`) are added."""
    headings = []
    for start, end, content in lines:
        match = _HEADING.match(content)
        if not match:
            continue
        score, number = _best_section(label_key(match.group("title")))
        if score >= _THRESHOLD:
            headings.append((number, match.group("number"), start, end))
    if text is None or {h[0] for h in headings} >= set(SECTION_NUMBERS):
        return headings
    return sorted(headings + _inline_headings(lines, text, headings), key=lambda h: h[2])


@lru_cache(maxsize=4096)
def _best_section(title: str) -> tuple[float, str]:
    """(score, number) of the standard section whose title the printed title matches best."""
    return max((max(_title_score(title, t) for t in SECTION_TITLE_KEYS[n]), n) for n in SECTION_TITLE_KEYS)


def _title_score(printed: str, expected: str) -> float:
    if printed == expected or _bare_title(printed) == expected:
        return 100.0
    if len(printed) > len(expected) + 12:  # a sentence that happens to start 「一、」
        return 0.0
    return max(similarity(printed, expected), similarity(_bare_title(printed), expected))


def _inline_headings(lines, text: str, line_headings) -> list[tuple[str, str, int, int]]:
    """Headings inside lines for the sections the heading lines did not give (see the module)."""
    taken = {h[2] for h in line_headings}
    found = {h[0] for h in line_headings}
    candidates = [c for c in _candidates(lines, text, taken) if c.number not in found]
    if any(not c.paren for c in candidates) or any(h[1] for h in line_headings):
        candidates = [c for c in candidates if not c.paren]
    elif not any(c.number == "一" and c.printed == "一" for c in candidates):
        return []  # 「（一）」 numbers subsections here, not the sections
    chosen = _chain(candidates, line_headings)
    chosen_numbers = {c.number for c in chosen}
    starts = [c.start for c in chosen] + [h[2] for h in line_headings]
    # a section out of the template's order, or printed twice: only when its title is exact
    extra: dict[str, _Candidate] = {}
    for c in candidates:
        if c in chosen or c.score < _EXACT or c.printed != c.number:
            continue
        if c.number in chosen_numbers:
            first = next(x for x in chosen if x.number == c.number)
            low, high = sorted((first.start, c.start))
            if first.score >= _EXACT and not any(low < x < high for x in starts):
                extra[f"{c.number}{c.start}"] = c  # printed twice in a row: a duplicate
        elif c.after_break and c.number not in extra:
            extra[c.number] = c
    return [(c.number, c.printed, c.start, c.end) for c in chosen + list(extra.values())]


def _candidates(lines, text: str, taken: set[int]):
    for line_start, line_end, _ in lines:
        if line_start in taken:
            continue
        for match in _MARKER.finditer(text, line_start, line_end):
            start = match.start()
            before = text[line_start:start].rstrip()
            after_break = not before or before[-1] in _BREAK_BEFORE
            if not after_break and before[-1] == "第":  # 「第一、」 counts, it is not a heading
                continue
            scored = _title_at(text, match.end(), line_end)
            if scored is None:
                continue
            score, number, end = scored
            printed = match.group("number") or match.group("paren")
            needed = _INLINE_THRESHOLD if after_break and printed == number else _EXACT
            if score < needed or _LIST_AFTER.match(text, end, line_end):
                continue  # a list of the parts (「一、总体情况；二、…」) is not a heading
            yield _Candidate(number, printed, start, end, score, after_break, match.group("paren") is not None)


def _title_at(text: str, start: int, stop: int) -> tuple[float, str, int] | None:
    """(score, section, end) of the template title printed from `start` on, followed by anything."""
    window = text[start:min(start + _WINDOW, stop)]
    chars, offsets = [], []
    for index, char in enumerate(window):
        if _WORD.match(char):
            chars.append(char)
            offsets.append(index)
    key = "".join(chars)
    qualifier = _QUALIFIER.match(key)
    skip = qualifier.end() if qualifier else 0
    bare = key[skip:]
    if not bare:
        return None
    cut = start + len(window) >= len(text.rstrip()) and len(bare) >= _CUT_TITLE  # the text may stop inside the title
    score, number, title = max((ratio(bare, t[:len(bare)]), n, t[:len(bare)]) if cut and len(bare) < len(t)
                               else (ratio(bare[:len(t)], t), n, t) for n, t in _BARE_KEYS)
    if score < _INLINE_THRESHOLD:
        return None
    best, length = score, len(title)
    for size in range(max(1, len(title) - 3), len(title) + 4):
        value = ratio(bare[:size], title)
        if value > best:
            best, length = value, size
    length = min(length, len(bare))
    end = start + offsets[skip + length - 1] + 1
    while end < stop and text[end] in _TRAILING:
        end += 1
    return best, number, end


def _chain(candidates: list[_Candidate], line_headings) -> list[_Candidate]:
    """The candidates that, with the heading lines, give the longest run of sections in the
    template's order (the better-matched run among equals)."""
    items = [(h[2], _ORDER.index(h[0]), 1000.0, None) for h in line_headings]
    items += [(c.start, _ORDER.index(c.number), c.score, c) for c in candidates]
    items.sort(key=lambda item: item[0])
    best: list[tuple[float, int]] = []  # per item: (weight of the best run ending here, previous item)
    for i, (_, order, weight, _) in enumerate(items):
        previous = max(((best[j][0], j) for j in range(i) if items[j][1] < order), default=(0.0, -1))
        best.append((previous[0] + weight, previous[1]))
    if not best:
        return []
    index = max(range(len(best)), key=lambda i: best[i][0])
    chosen = []
    while index >= 0:
        if items[index][3] is not None:
            chosen.append(items[index][3])
        index = best[index][1]
    return chosen[::-1]


def build_sections(headings, text_end: int) -> tuple[list[Section], list[ParseNote]]:
    notes: list[ParseNote] = []
    sections: list[Section] = []
    seen: dict[str, int] = {}
    kept = []
    for number, printed, start, end in headings:
        if number in seen:
            notes.append(ParseNote("section-duplicate", f"章节标题「{number}、{SECTION_TITLES[number][0]}」重复出现", start, end,
                                   {"section": number}))
            continue
        seen[number] = start
        if printed != number:
            notes.append(ParseNote("section-misnumbered", f"章节「{SECTION_TITLES[number][0]}」编号印为「{printed}」，应为「{number}」",
                                   start, end, {"section": number, "printed": printed}))
        kept.append((number, printed, start, end))
    for index, (number, printed, start, end) in enumerate(kept):
        next_start = kept[index + 1][2] if index + 1 < len(kept) else text_end
        sections.append(Section(number, SECTION_TITLES[number][0], start, next_start, end, printed))
    order = [s.number for s in sections]
    if order != sorted(order, key=_ORDER.index):
        notes.append(ParseNote("section-order", f"章节顺序为「{'、'.join(order)}」，应依次为一至六", data={"order": order}))
    return sections, notes
