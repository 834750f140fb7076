"""The narrative of a report, as passages with offsets into `Report.text`.

Narrative = the preamble and sections 一, 五 and 六 (headings excluded), cut at line breaks
into paragraphs. The statistical tables (sections 二–四, and any table printed elsewhere)
are never part of it: their figures and labels are prescribed, not written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.model import Report

NARRATIVE_SECTIONS = ("一", "五", "六")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Passage:
    """One paragraph of narrative: `text` is `report.text[start:end]`."""

    start: int
    end: int
    text: str


def narrative_spans(report: Report) -> list[tuple[int, int]]:
    spans = []
    if report.preamble is not None:
        spans.append((report.preamble.start, report.preamble.end))
    for number in NARRATIVE_SECTIONS:
        section = report.section(number)
        if section is not None:
            spans.append((section.heading_end, section.end))
    return sorted(spans)


def narrative_passages(report: Report) -> list[Passage]:
    """The report's narrative paragraphs in reading order, table text left out."""
    tables = [(t.start, t.end) for t in report.tables.values()
              if t is not None and t.start is not None and t.end is not None]
    passages = []
    for start, end in narrative_spans(report):
        for line in _LINE.finditer(report.text, start, end):
            text = line.group()
            left = len(text) - len(text.lstrip())
            text = text.strip()
            if not text:
                continue
            begin = line.start() + left
            finish = begin + len(text)
            if any(begin < t_end and t_start < finish for t_start, t_end in tables):
                continue
            passages.append(Passage(begin, finish, text))
    return passages
