"""The narrative of a report cut into sentences, each with its scope and offsets.

A unit is one sentence (or one sub-heading line) of prose, outside the statistical tables, with
the part of the report it stands in: "preamble" or a section number 一…六. Keyword rules and
the classifier both read these units, so every piece of evidence is a sentence that a
supervisor can be shown, with offsets into Report.text. Computed once per report and cached
on it, as DESIGN.md asks of the expensive views.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.model import Report

SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")  # a sentence, ended by its mark or the line
MAX_UNIT = 800  # characters: a "sentence" longer than this (no stop in a huge paragraph) is cut
_SUBHEADING = re.compile(r"^\s*[（(][一二三四五六七八九十]{1,2}[）)]\s*\S{2,24}$")


@dataclass(frozen=True)
class Unit:
    scope: str  # "preamble" or a section number
    start: int
    end: int
    text: str
    heading: bool  # a sub-heading line such as 「（四）平台建设」
    paragraph: int  # the line (paragraph) of the report it belongs to, counted from 0


def narrative_units(report: Report) -> tuple[Unit, ...]:
    """The report's prose sentences in order (cached on the report)."""
    return report.view("narrative_units", lambda: tuple(_build(report)))


def units_in(report: Report, scope: str) -> list[Unit]:
    """Units of one scope: "preamble", a section number, or "whole" (all of them)."""
    units = narrative_units(report)
    return list(units) if scope == "whole" else [u for u in units if u.scope == scope]


def _build(report: Report):
    tables = sorted((t.start, t.end) for t in report.tables.values()
                    if t is not None and t.start is not None and t.end is not None)
    scopes = [("preamble", report.preamble.start, report.preamble.end)] if report.preamble else []
    scopes += [(s.number, s.start, s.end) for s in report.sections]
    paragraph = 0
    for scope, start, end in scopes:
        for line_start, line_end in _lines(report.text, start, end):
            line = report.text[line_start:line_end]
            if "\t" in line or any(a <= line_start < b for a, b in tables):
                continue
            paragraph += 1
            if line_start == start and scope != "preamble":
                continue  # the section's own heading: its title is prescribed, not content
            if _SUBHEADING.match(line):
                yield _unit(scope, line_start, line, True, paragraph)
                continue
            for match in SENTENCE.finditer(report.text, line_start, line_end):
                for piece in range(match.start(), match.end(), MAX_UNIT):
                    raw = report.text[piece:min(piece + MAX_UNIT, match.end())]
                    if raw.strip():
                        yield _unit(scope, piece, raw, False, paragraph)


def _unit(scope: str, start: int, raw: str, heading: bool, paragraph: int) -> Unit:
    """The unit of `raw` (found at `start`), its offsets narrowed to the stripped text."""
    text = raw.strip()
    begin = start + raw.index(text)
    return Unit(scope, begin, begin + len(text), text, heading, paragraph)


def _lines(text: str, start: int, end: int):
    while start < end:
        stop = text.find("\n", start, end)
        stop = end if stop < 0 else stop
        if text[start:stop].strip():
            yield start, stop
        start = stop + 1
