"""The shared vocabulary: the parsed Report and its parts.

Everything downstream of parsing (checks, corpus checks, writers) reads these frozen
dataclasses and nothing else; no check ever sees a file format.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Mapping

from auditor.template.formats import Table, version
from auditor.template.relations import numbers
from auditor.template.values import Value

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
    paragraph-duplicate, artifact, row-recovered, title-duplicate, report-partial (the text shows
    only part of the report: auditor/parse/extent.py).
    """

    kind: str
    message: str
    start: int | None = None
    end: int | None = None
    data: dict[str, Any] = field(default_factory=dict)


# How a table's cells were found, as outputs say it.
READ_FROM = {"columns": "按表头列位置读取", "grid": "按表格单元格顺序读取", "text": "从文本行中按标签读取"}


def how_read(read_from: str, recovered: int) -> str:
    """How a table was read, in Chinese for outputs: where its cells came from, rows arithmetic recovered."""
    how = READ_FROM.get(read_from, "")
    if recovered:
        how += f"{'，' if how else ''}{recovered} 行的数值由勾稽关系还原（缺格或数字粘连）"
    return how


@dataclass(frozen=True)
class TableReading:
    """One statistical table: its typed cells, or why it could not be read.

    status "ok": `cells` maps (row key, column key) of the template's table to a `Value` (count,
    amount, blank, 「/」 or unreadable — never a silent 0); status "unparsed": the heading or cells
    were present but could not be read with confidence, `reason` says why and `cells` is None;
    status "partial": some rows were read with confidence and are in `cells`, the others (cut off
    in an excerpt, or not readable) are not, `reason` says which. A partial table is not `ok`:
    the checks of whole tables skip it, only its read cells are reported.
    """

    name: str
    status: str
    template: str
    cells: Mapping[tuple[str, str], Value] | None
    reason: str = ""
    start: int | None = None
    end: int | None = None
    read_from: str = ""  # how the cells were found: see READ_FROM
    recovered: tuple[str, ...] = ()  # rows with a cell lost or digits glued, recovered by the table's arithmetic

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def layout(self) -> Table:
        """The template's description of this table, in the version it follows."""
        return version(self.template).tables[self.name]

    @cached_property
    def numbers(self) -> tuple:
        """The number of each cell in the layout's reading order (None when blank, 「/」,
        unreadable or absent): what the relation checker sums, computed once per table."""
        return numbers(self.cells or {}, self.template, self.name)

    def value(self, row: str, column: str) -> Value | None:
        """The cell at (row, column); None when the table was not read or has no such cell."""
        return self.cells.get((row, column)) if self.cells is not None else None

    def number(self, row: str, column: str):
        """The cell's number (int count or Decimal amount), None when blank, unreadable or absent."""
        cell = self.value(row, column)
        return cell.number if cell is not None else None

    def row(self, key: str) -> tuple[Value, ...]:
        """The row's cells in the template's column order (empty when there is no such row)."""
        if self.cells is None or (key, self.layout.columns_of(key)[0].key) not in self.cells:
            return ()
        return tuple(self.cells[(key, c.key)] for c in self.layout.columns_of(key))

    def json_values(self) -> dict[str, Any] | None:
        """The table in the JSON shape of interfaces.md §2 (None unless read)."""
        if self.cells is None:
            return None
        layout = self.layout
        rows = {}
        for row in layout.rows:
            columns = layout.columns_of(row.key)
            if (row.key, columns[0].key) not in self.cells:
                continue
            values = [self.cells[(row.key, c.key)].json(c.amount) for c in columns]
            rows[row.key] = values[0] if layout.shape == "rows" and len(values) == 1 else values
        if layout.shape == "grid":
            return {"columns": [c.key for c in layout.columns], "rows": rows}
        return rows


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
    # where each metadata value was read (field → 「标题」, 「前言」, 「自称「我镇」」…)
    provenance: Mapping[str, str] = field(default_factory=dict)

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
