"""Find the three statistical tables among the grids and read each one.

Tables are recognised by what they print, not by where they stand: table 二 opens with
「第二十条」, table 三 with its corner cell or 「本年新收」, table 四 with 「行政复议」. A table
runs until the next table opens or its section ends, so a table broken across grids (page
breaks) is read whole. Where no grid was found but the section holds the table's labels
(flattened web text), the section's lines are read as cells.
"""
from __future__ import annotations

import re

from auditor.ingest import Grid
from auditor.model import ParseNote, Section, TableReading
from auditor.parse.active_table import read_active
from auditor.parse.requests_table import read_requests
from auditor.parse.review_table import read_review
from auditor.parse.stream import cells_of, runs_together
from auditor.template.formats import printed_labels

_READERS = {"active": read_active, "requests": read_requests, "review_litigation": read_review}
_SECTION_OF = {"active": "二", "requests": "三", "review_litigation": "四"}
_OPENERS = {
    "active": ("第二十条", "信息内容"),
    "requests": ("勾稽关系", "申请人情况", "本年新收"),
    "review_litigation": ("行政复议", "行政诉讼"),
}
_ANY_OPENER = re.compile("|".join(re.escape(o) for openers in _OPENERS.values() for o in openers))
_OPENER_WINDOW = 60
_CELL_BREAK = re.compile(r"\t| {2,}|\s*[|｜]\s*")
_MARKERS = {"active": ("第二十条", "规章", "行政许可"), "requests": ("本年新收", "予以公开", "申请人情况"),
            "review_litigation": ("结果维持", "复议后起诉", "尚未审结")}


def read_tables(grids: tuple[Grid, ...], grid_spans, sections: list[Section], text: str):
    rows = [(g, r, grid_spans[gi]) for gi, g in enumerate(grids) for r in range(len(g.rows))]
    begins = _begins(rows)
    tables: dict[str, TableReading | None] = {}
    notes: list[ParseNote] = []
    ordered = sorted(begins.items(), key=lambda item: item[1])
    for name in _READERS:
        section = next((s for s in sections if s.number == _SECTION_OF[name]), None)
        if name in begins:
            first = begins[name]
            stop = min([b for _, b in ordered if b > first], default=len(rows))
            limit = _section_end_after(grid_spans[_grid_index(grids, rows[first][0])][0], sections)
            chosen = [rows[i] for i in range(first, stop) if rows[i][2][0] < limit]
            cells, covered = _assemble(chosen)
            start, end, source = chosen[0][2][0], chosen[-1][2][1], "grid"
        elif section is not None and _has_markers(text[section.heading_end:section.end], name):
            start = _table_start(text, section.heading_end, section.end, name)
            cells = [cells_of(_split_line(line), name) for line in text[start:section.end].split("\n") if line.strip()]
            covered, end, source = None, section.end, "text"
        else:
            tables[name] = None
            continue
        result = _READERS[name](cells, covered)
        notes += [_placed(n, start, end) for n in result.notes]
        tables[name] = result.reading(start, end, source)
    return tables, notes


def _begins(rows) -> dict[str, int]:
    begins: dict[str, int] = {}
    for index, (grid, r, _) in enumerate(rows):
        if len(begins) == len(_OPENERS):
            break
        line = "".join(grid.rows[r])
        if not _ANY_OPENER.search(line):
            continue
        for name, openers in _OPENERS.items():
            if name not in begins and any(o in line for o in openers):
                if name == "review_litigation" and "requests" in begins and begins["requests"] == index:
                    continue
                begins[name] = index
    return begins


def _grid_index(grids, grid) -> int:
    return next(i for i, g in enumerate(grids) if g is grid)


def _section_end_after(offset: int, sections: list[Section]) -> int:
    containing = [s for s in sections if s.start <= offset < s.end]
    return containing[-1].end if containing else 1 << 62


def _assemble(chosen) -> tuple[list[list[str]], list[list[bool]] | None]:
    cells = [list(grid.rows[r]) for grid, r, _ in chosen]
    if all(grid.positional for grid, _, _ in chosen):
        return cells, [list(grid.covered[r]) if grid.covered else [False] * len(grid.rows[r]) for grid, r, _ in chosen]
    return cells, None


def _has_markers(text: str, name: str) -> bool:
    return any(marker in text for marker in _MARKERS[name])


def _table_start(text: str, start: int, end: int, name: str) -> int:
    """Where a table begins in flattened text (a section run onto few lines, prose and numbers
    before the table): at its first opener followed closely by another of its labels; else the
    section's start (text in lines is read from there, its prose lines being labels only)."""
    body = text[start:end]
    if not any(runs_together(line) for line in body.split("\n")):
        return start
    for match in re.finditer("|".join(map(re.escape, _OPENERS[name])), body):
        window = body[match.end():match.end() + _OPENER_WINDOW]
        if any(label in window for label in printed_labels(name) if len(label) > 1 and label != match.group()):
            return start + match.start()
    return start


def _split_line(line: str) -> list[str]:
    """A text line's cells: split at tabs, runs of spaces and `|` (pipe rows, Markdown tables)."""
    return [cell for cell in _CELL_BREAK.split(line) if cell.strip()]


def _placed(note: ParseNote, start: int, end: int) -> ParseNote:
    return ParseNote(note.kind, note.message, start, end, note.data)
