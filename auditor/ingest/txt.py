"""Plain-text reports: decode, then find the table rows among the lines.

Text extracted from Word or PDF keeps tables as TAB-separated cells: one row per line, or one
cell per line with a blank line between rows; a cell broken over two lines continues on a line
without a TAB. Runs of such lines become a (non-positional) Grid.
"""
from __future__ import annotations

from auditor.ingest.decode import decode_text
from auditor.ingest.document import Document, Grid, cut_text
from auditor.limits import limits
from auditor.normalise import STRUCTURAL_START

_MAX_CONTINUATION = 15


def read_txt(source: str, data: bytes) -> Document:
    text, encoding, warnings = decode_text(data)
    text, cut = cut_text(text, limits().max_chars)  # before the line scan: a huge file stays fast
    warnings += (cut,) if cut else ()
    return Document(source, "txt", text, tuple(grids_from_lines(text)), encoding, warnings)


def grids_from_lines(text: str) -> list[Grid]:
    """Group TAB-bearing lines (with blank lines and short continuation lines) into grids."""
    grids: list[Grid] = []
    rows: list[list[str]] = []
    spans: list[tuple[int, int]] = []
    previous_was_row = False

    def flush() -> None:
        if rows:
            grids.append(Grid(tuple(tuple(r) for r in rows), tuple(spans), positional=False))
        rows.clear()
        spans.clear()

    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].rstrip("\r")
        if "\t" in line:
            rows.append(line.split("\t"))
            spans.append((start, start + len(line)))
            previous_was_row = True
        elif not line.strip():
            previous_was_row = False
        elif rows and previous_was_row and _continues_cell(rows[-1][-1], line.strip()):
            rows[-1][-1] += line.strip()
            spans[-1] = (spans[-1][0], start + len(line))
        else:
            flush()
            previous_was_row = False
        start = end + 1
    flush()
    return grids


def _continues_cell(cell: str, line: str) -> bool:
    """A short line under a row continues its last cell, unless either is a number or the line
    opens something new (「第二十条第（五）项」, 「五、…」)."""
    if len(line) > _MAX_CONTINUATION or line.isdigit() or STRUCTURAL_START.match(line):
        return False
    return not cell.strip().replace(".", "", 1).isdigit()
