"""What every reader produces: the document's text and its tables as cell grids."""
from __future__ import annotations

from dataclasses import dataclass, replace

from auditor.limits import limits


class UnreadableFile(Exception):
    """The file cannot be read as a report at all (IN001); the message is for the user, in Chinese."""


@dataclass(frozen=True)
class Grid:
    """A table as rows of cell texts, located in the document's raw text.

    `positional` is true when columns are reliable (an HTML or Word table with spans expanded:
    a merged cell's text is repeated in every position it covers); text layouts give rows
    whose cells do not line up, which the parser reads as a stream.
    """

    rows: tuple[tuple[str, ...], ...]
    row_spans: tuple[tuple[int, int], ...]
    positional: bool
    covered: tuple[tuple[bool, ...], ...] = ()  # positional only: True where a span repeats a cell

    def stream(self) -> list[str]:
        """The cells in reading order, each merged cell once, empty cells left out."""
        cells = []
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row):
                if cell.strip() and not (self.covered and self.covered[r][c]):
                    cells.append(cell)
        return cells

    @property
    def start(self) -> int:
        return self.row_spans[0][0] if self.row_spans else 0

    @property
    def end(self) -> int:
        return self.row_spans[-1][1] if self.row_spans else 0


@dataclass(frozen=True)
class Document:
    """A file as read: its raw text (paragraphs on lines) and its grids, with their raw spans."""

    source: str
    format: str
    raw_text: str
    grids: tuple[Grid, ...]
    encoding: str = ""
    warnings: tuple[str, ...] = ()
    page_starts: tuple[int, ...] = ()  # paged formats: raw offset where each page begins

    def cut(self, max_chars: int) -> "Document":
        """The document within `max_chars` characters of text (grids and pages past the cut are
        left out), with a reader warning when something was cut off."""
        text, warning = cut_text(self.raw_text, max_chars)
        if warning is None:
            return self
        return replace(self, raw_text=text, grids=tuple(g for g in self.grids if g.end <= len(text)),
                       page_starts=tuple(p for p in self.page_starts if p < len(text)),
                       warnings=(*self.warnings, warning))


def cut_text(text: str, max_chars: int) -> tuple[str, str | None]:
    """The text within `max_chars` characters, cut at a line end where there is one, and the
    reader warning saying so (None when nothing was cut)."""
    if len(text) <= max_chars:
        return text, None
    cut = text.rfind("\n", 0, max_chars) + 1 or max_chars
    return text[:cut], (f"文本过长（{len(text)} 字），只读取了前 {cut} 字"
                        "（上限可在 [tool.auditor.limits] 的 max_chars 调整）")


class CellBudget:
    """Table positions (spans expanded) left for one document: a span attribute never inflates
    a few bytes into millions of cells."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.limit = limits().max_table_cells
        self.left = self.limit

    def check(self, count: int) -> None:
        """Raise UnreadableFile when `count` more positions would exceed the limit."""
        if count > self.left:
            raise UnreadableFile(f"{self.what}的表格过大（合并单元格展开后超过 {self.limit} 格），不像一份年度报告"
                                 "（上限可在 [tool.auditor.limits] 的 max_table_cells 调整）")

    def take(self, count: int) -> None:
        self.check(count)
        self.left -= count


class DocumentWriter:
    """Builds a Document's raw text line by line, recording where each grid and page begins."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.grids: list[Grid] = []
        self.page_starts: list[int] = []

    def _emit(self, value: str) -> None:
        self.parts.append(value)
        self.length += len(value)

    def new_page(self) -> None:
        self.page_starts.append(self.length)

    def line(self, value: str) -> None:
        for piece in value.split("\n"):
            if piece.strip():
                self._emit(piece.strip() + "\n")

    def grid(self, rows: list[list[str]], covered: list[list[bool]]) -> None:
        """Write a positional grid (spans expanded; `covered` marks repeated merged cells)."""
        if not rows:
            return
        spans = []
        for row in rows:
            text = "\t".join(row)
            spans.append((self.length, self.length + len(text)))
            self._emit(text + "\n")
        self.grids.append(Grid(tuple(tuple(r) for r in rows), tuple(spans), True, tuple(tuple(c) for c in covered)))

    def text(self) -> str:
        return "".join(self.parts)
