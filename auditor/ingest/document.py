"""What every reader produces: the document's text and its tables as cell grids."""
from __future__ import annotations

from dataclasses import dataclass

MAX_FILE_BYTES = 50 * 1024 * 1024


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
