"""The shared vocabulary: the parsed Report and its parts.

Everything downstream of parsing (checks, corpus checks, writers) reads these frozen
dataclasses and nothing else; no check ever sees a file format.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

AGENCY_KINDS = ("township", "street", "county", "city", "province", "department", "other")
SECTION_NUMBERS = ("一", "二", "三", "四", "五", "六")


@dataclass(frozen=True)
class Span:
    """A character range [start, end) in the normalised text of a report."""

    start: int
    end: int


@dataclass(frozen=True)
class Section:
    """One of the six numbered sections, as found in the text.

    `number` is the section the heading was recognised as (by its title); `printed_number`
    is the numeral actually printed, which differs when the report misnumbers it.
    """

    number: str
    title: str
    start: int
    end: int
    heading_end: int
    printed_number: str


@dataclass(frozen=True)
class ParseNote:
    """Something the reader noticed that the checks may want to report.

    kind is one of: label-deviation, section-duplicate, section-misnumbered, section-order,
    paragraph-duplicate, artifact, row-recovered, title-duplicate.
    """

    kind: str
    message: str
    start: int | None = None
    end: int | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TableReading:
    """One statistical table: its values in the JSON shape of interfaces.md §2, or why not.

    status "ok": `values` holds the table; status "unparsed": the heading or cells were
    present but could not be read with confidence, `reason` says why and `values` is None.
    """

    name: str
    status: str
    template: str
    values: dict[str, Any] | None
    reason: str = ""
    start: int | None = None
    end: int | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class Report:
    """One annual report, parsed once into the model every check reads."""

    source: str
    format: str
    text: str
    title: str | None
    agency: str | None
    agency_kind: str
    year: int | None
    period: tuple[int, int] | None
    template: str
    preamble: Span | None
    sections: tuple[Section, ...]
    tables: dict[str, TableReading | None]
    notes: tuple[ParseNote, ...] = ()
    error: str | None = None
    error_code: str | None = None
    pages: tuple[int, ...] = ()  # paged formats: offset in `text` where each page begins

    def page_at(self, offset: int) -> int | None:
        """The 1-based page an offset of `text` falls on, for paged formats (PDF); else None."""
        return bisect.bisect_right(self.pages, offset) or None if self.pages else None

    def view(self, name: str, build):
        """A derived view of the report (its sentences, keyword matches…), built once by
        `build()` and kept on the report; views are not fields, so the frozen fields stay as read."""
        views = self.__dict__.setdefault("_views", {})
        if name not in views:
            views[name] = build()
        return views[name]

    def has_view(self, name: str) -> bool:
        return name in self.__dict__.get("_views", {})

    def section(self, number: str) -> Section | None:
        return next((s for s in self.sections if s.number == number), None)

    def section_text(self, number: str) -> str:
        found = self.section(number)
        return self.text[found.heading_end:found.end] if found else ""
