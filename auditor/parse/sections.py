"""The six numbered sections: headings recognised by their title, whatever their number.

A heading is a short line 「N、title」 whose title matches one of the standard titles or their
known variants. Misnumbered, misordered and duplicated headings are kept as notes for the
structure checks.
"""
from __future__ import annotations

import re
from functools import lru_cache

from auditor.model import ParseNote, Section
from auditor.template.formats import SECTION_TITLES, section_titles
from auditor.template.labels import label_key, similarity

SECTION_TITLE_KEYS = {number: tuple(label_key(t) for t in section_titles(number)) for number in SECTION_TITLES}

_HEADING = re.compile(r"^\s*(?P<number>[一二三四五六七八九十]{1,2})\s*[、.．,，]\s*(?P<title>.{2,40})$")
_THRESHOLD = 80
_ORDER = "一二三四五六"


def find_headings(lines: list[tuple[int, int, str]]) -> list[tuple[str, str, int, int]]:
    """(recognised number, printed number, start, end) of each section heading line, in order."""
    headings = []
    for start, end, text in lines:
        match = _HEADING.match(text)
        if not match:
            continue
        score, number = _best_section(label_key(match.group("title")))
        if score >= _THRESHOLD:
            headings.append((number, match.group("number"), start, end))
    return headings


@lru_cache(maxsize=4096)
def _best_section(title: str) -> tuple[float, str]:
    """(score, number) of the standard section whose title the printed title matches best."""
    return max((max(_title_score(title, t) for t in SECTION_TITLE_KEYS[n]), n) for n in SECTION_TITLE_KEYS)


def _title_score(printed: str, expected: str) -> float:
    if printed == expected:
        return 100.0
    if len(printed) > len(expected) + 12:  # a sentence that happens to start 「一、」
        return 0.0
    return similarity(printed, expected)


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
