"""How much of the report a text shows: a page or file cut off before the report ends (or one
that begins inside it) is a partial report, not a report with sections missing.

Crawlers keep the opening of a page, converters and uploads stop early, a body pastes part of
its report: the text then ends inside one section and the sections after it never appear (or
it begins inside the report, with no title or preamble, and the sections before the first one
shown never appear). What the text does not show is unknown, not missing: the checks judge the
sections the text shows whole and say that the rest was not seen (IN006), instead of reporting
every later section (ST101) and every element the unseen part would hold (NA) as absent.

A report is cut at its end when the sections after the last one shown are all absent and the
text does not close as a report closes (the body's signature, a date line); it is cut at its
start when the sections before the first one shown are all absent and nothing before that
section is a title or a preamble (no sentence names the report). A section absent *between*
two that are shown is missing, whatever the rest (ST101).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.model import SECTION_NUMBERS, ParseNote, Report, Section
from auditor.template.formats import SECTION_TITLES

NOTE = "report-partial"
_CLOSING_LINES = 6
# A date line closing the report (「2024年1月20日」), alone on its line.
_DATE_LINE = re.compile(r"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
# What a title or preamble says of the report, in the text before the first section shown.
_NAMES_REPORT = re.compile(r"年度报告|年报|本报告|报告全文")


@dataclass(frozen=True)
class Extent:
    """What a partial report shows. `unseen`: the sections the text does not reach (in the
    format's order); `cut_in`: the section the text stops inside (None when it stops before
    any); `at_end`/`at_start`: where it is cut; `offset`: where the text stops (or begins)."""

    unseen: tuple[str, ...] = ()
    cut_in: str | None = None
    at_end: bool = False
    at_start: bool = False
    offset: int | None = None

    @property
    def partial(self) -> bool:
        return self.at_end or self.at_start

    def sees(self, scope: str) -> bool:
        """Whether the text shows the whole of `scope`: a section number, "preamble" or "whole"."""
        if not self.partial:
            return True
        if scope == "whole":
            return False
        if scope == "preamble":
            return not self.at_start
        return scope not in self.unseen and scope != self.cut_in


FULL = Extent()


def partial_note(text: str, lines: list[tuple[int, int, str]], sections: list[Section],
                 title_end: int | None) -> ParseNote | None:
    """The note that marks a report as partial, or None when the text shows it to its end.
    `lines` are the prose lines, `title_end` where the title ends (None without a title)."""
    if not sections:
        return None  # no section recognised: nothing tells where the text stands in the report
    present = {s.number for s in sections}
    order = [n for n in SECTION_NUMBERS if n in present]
    last = max(sections, key=lambda s: s.start)
    first = min(sections, key=lambda s: s.start)
    after = SECTION_NUMBERS[SECTION_NUMBERS.index(order[-1]) + 1:]
    before = SECTION_NUMBERS[:SECTION_NUMBERS.index(order[0])]
    at_end = bool(after) and last.number == order[-1] and not _closes(lines, last.heading_end)
    at_start = (bool(before) and first.number == order[0] and title_end is None
                and not _NAMES_REPORT.search(text, 0, first.start))
    if not (at_end or at_start):
        return None
    unseen = tuple(before if at_start else ()) + tuple(after if at_end else ())
    cut_in = last.number if at_end else None
    parts = []
    if at_start:
        parts.append(f"文本从第{first.number}部分开始，此前的内容未见")
    if at_end:
        parts.append(f"文本在第{last.number}部分「{SECTION_TITLES[last.number][0]}」中结束")
    shown = "、".join(unseen)
    message = ("报告不完整（节选或被截断）：" + "；".join(parts) + f"，未见第{shown}部分；"
               "只检查文本显示的内容，未见的部分不作为缺失处理")
    offset = len(text.rstrip()) if at_end else first.start
    return ParseNote(NOTE, message, offset, offset,
                     {"unseen": list(unseen), "cut_in": cut_in, "at_end": at_end, "at_start": at_start})


def _closes(lines: list[tuple[int, int, str]], after: int) -> bool:
    """The text closes as a report does: a date line (under the body's signature) among its last
    lines, after the last section's heading (a page's publication date above the report is no close)."""
    return any(_DATE_LINE.match(re.sub(r"\s+", "", text)) for start, _, text in lines[-_CLOSING_LINES:] if start >= after)


def report_extent(report: Report) -> Extent:
    """The report's extent, from the note the reader left (FULL when it shows the whole report)."""
    note = next((n for n in report.notes if n.kind == NOTE), None)
    if note is None:
        return FULL
    data = note.data
    return Extent(tuple(data["unseen"]), data.get("cut_in"), data.get("at_end", False), data.get("at_start", False),
                  note.start)
