"""The outcome of reading one table: the reading itself plus what was noticed on the way."""
from __future__ import annotations

from typing import Any

from auditor.model import ParseNote, TableReading
from auditor.template import UNKNOWN, Value


class TableResult:
    """Collects notes while a table is read, then yields an ok or unparsed TableReading."""

    def __init__(self, name: str):
        self.name = name
        self.notes: list[ParseNote] = []
        self.status = "unparsed"
        self.template = UNKNOWN
        self.cells: dict[tuple[str, str], Value] | None = None
        self.reason = ""
        self.read_from = ""  # set by a reader that reads by the header's columns ("columns")
        self.recovered: list[str] = []  # row keys

    def note(self, kind: str, message: str, **data: Any) -> None:
        self.notes.append(ParseNote(kind, message, data={"table": self.name, **data}))

    def deviation(self, table: str, where: str, printed: str, expected: str) -> None:
        self.note("label-deviation", f"标签「{printed}」与格式规定的「{expected}」不一致",
                  where=where, printed=printed, expected=expected)

    def unparsed(self, reason: str) -> "TableResult":
        self.status, self.cells, self.reason = "unparsed", None, reason
        return self

    def partial(self, template: str, cells: dict[tuple[str, str], Value], reason: str) -> "TableResult":
        """Some rows read (`cells`), the others not (`reason`); no rows read at all is unparsed."""
        if not cells:
            return self.unparsed(reason)
        self.status, self.template, self.cells, self.reason = "partial", template, cells, reason
        return self

    def done(self, template: str, cells: dict[tuple[str, str], Value]) -> "TableResult":
        self.status, self.template, self.cells = "ok", template, cells
        return self

    def reading(self, start: int | None, end: int | None, source: str) -> TableReading:
        """The reading; `source` ("grid" or "text") says where the cells came from unless the reader
        read them by the header's columns."""
        read_rows = {row for row, _ in self.cells or ()}
        recovered = tuple(r for r in dict.fromkeys(self.recovered) if r in read_rows)
        return TableReading(self.name, self.status, self.template, self.cells, self.reason, start, end,
                            self.read_from or source, recovered)
