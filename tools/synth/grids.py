"""The three tables as the official form draws them: rows of cells with row and column spans.

One description serves every renderer that draws real tables (HTML, Word, PDF), so the merged
cells are the same in all of them.
"""
from __future__ import annotations

from dataclasses import dataclass

from synth import labels as L
from synth.spec import ReportSpec


@dataclass(frozen=True)
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


def spanned_table(spec: ReportSpec, name: str) -> list[list[Cell]]:
    """Rows of cells in HTML order: a cell covered by a span from above is not repeated."""
    return {"active": _active, "requests": _requests, "review_litigation": _review}[name](spec)


def positional(rows: list[list[Cell]]) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """The grid of texts (each merged cell's text at its top-left only) and the merges
    as (row, column, last row, last column)."""
    taken: dict[tuple[int, int], str] = {}
    merges = []
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken[(r + dr, c + dc)] = cell.text if not (dr or dc) else ""
            if cell.rowspan > 1 or cell.colspan > 1:
                merges.append((r, c, r + cell.rowspan - 1, c + cell.colspan - 1))
            c += cell.colspan
            width = max(width, c)
    height = max(r for r, _ in taken) + 1
    return [[taken.get((r, c), "") for c in range(width)] for r in range(height)], merges


def _value(spec: ReportSpec, value) -> Cell:
    return Cell(spec.blank_mark if value is None else str(value))


def _active(spec: ReportSpec) -> list[list[Cell]]:
    table, rows = spec.tables["active"], []
    for block, headers, items in L.active_layout(spec.template):
        rows.append([Cell(L.ARTICLE_BLOCKS[block], colspan=4)])
        widths = {1: [3], 2: [1, 2], 3: [1, 1, 1]}[len(headers)]
        rows.append([Cell(L.CONTENT)] + [Cell(spec.label(h), colspan=w) for h, w in zip(headers, widths)])
        for key, label in items:
            value = table[key]
            values = value if isinstance(value, list) else [value]
            rows.append([Cell(spec.label(label))] + [Cell(_value(spec, v).text, colspan=w) for v, w in zip(values, widths)])
    return rows


def _requests(spec: ReportSpec) -> list[list[Cell]]:
    table = spec.tables["requests"]["rows"]
    form = L.request_table(spec.template)
    results = L.results_block(spec.template)
    rows = [[Cell(L.REQUEST_CORNER, 3, 3), Cell(L.REQUEST_HEAD, colspan=7)],
            [Cell(L.REQUEST_COLUMN_LABELS["natural"], 2), Cell(L.REQUEST_LEGAL_PERSONS, colspan=5),
             Cell(L.REQUEST_COLUMN_LABELS["total"], 2)],
            [Cell(L.REQUEST_COLUMN_LABELS[c]) for c in L.REQUEST_COLUMNS[1:6]]]
    for row in form.rows:
        key = row.key
        values = [_value(spec, v) for v in table[key]]
        label = spec.label(L.REQUEST_ROW_LABELS[key])
        if key not in results:
            rows.append([Cell(label, colspan=3), *values])
            continue
        lead = [Cell(L.REQUEST_GROUP_LABELS[L.RESULTS_GROUP], rowspan=len(results))] if key == results[0] else []
        if row.group != L.RESULTS_GROUP:  # a row of a sub-group such as （三）不予公开
            members = form.members(row.group)
            if key == members[0]:
                lead.append(Cell(L.REQUEST_GROUP_LABELS[row.group], rowspan=len(members)))
            rows.append([*lead, Cell(label), *values])
        else:
            rows.append([*lead, Cell(label, colspan=2), *values])
    return rows


def _review(spec: ReportSpec) -> list[list[Cell]]:
    table = spec.tables["review_litigation"]
    results = list(L.REVIEW_RESULTS)
    return [[Cell(L.REVIEW_HEAD, colspan=5), Cell(L.LITIGATION_HEAD, colspan=10)],
            [*(Cell(r, rowspan=2) for r in results), Cell(L.LITIGATION_DIRECT, colspan=5), Cell(L.LITIGATION_AFTER, colspan=5)],
            [Cell(r) for r in results * 2],
            [_value(spec, v) for g in L.REVIEW_GROUPS for v in table[g]]]
