"""The three statistical tables redrawn as grids, with the cells that TA findings point at.

Values come from the stored parse (interfaces.md §2 shape); a cell is marked `fail` where a
finding is located, `involved` where it is an addend of a failed relation (from evidence), and
`blank` where nothing was printed. Each table lists its failed relations with their numbers.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from auditor.model import how_read
from auditor.output.relations import involved_cells, relation
from auditor.template import RESULTS_GROUP, version
from auditor.template.formats import REVIEW_GROUP_NAMES, TABLE_TITLES



@dataclass(frozen=True)
class Cell:
    text: str
    state: str = ""  # "", "fail", "involved", "blank"
    caption: str = ""
    value: Any = None  # as parsed: int, amount string or None
    findings: tuple[int, ...] = ()  # findings located at this cell


@dataclass(frozen=True)
class GridRow:
    key: str
    label: str
    cells: list[Cell]
    findings: tuple[int, ...] = ()  # findings that name the whole row


@dataclass(frozen=True)
class Relation:
    index: int  # of the finding in the report's list
    code: str
    severity: str
    text: str | None
    message: str


@dataclass(frozen=True)
class Grid:
    name: str
    title: str
    status: str  # ok, unparsed, absent
    reason: str = ""
    how: str = ""  # how the table was read (where its cells came from, rows recovered by arithmetic)
    headers: list[str] = field(default_factory=list)
    numbered: bool = False  # rows show their printed number (table 三)
    rows: list[GridRow] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


def grids(report: dict[str, Any], findings: list[dict[str, Any]]) -> list[Grid]:
    return [_grid(name, (report.get("tables") or {}).get(name), findings) for name in TABLE_TITLES]


def _grid(name: str, table: dict[str, Any] | None, findings: list[dict[str, Any]]) -> Grid:
    title = TABLE_TITLES[name]
    mine = [(i, f) for i, f in enumerate(findings) if (f.get("location") or {}).get("table") == name]
    relations = [Relation(i, f["code"], f["severity"], relation(f), f.get("message", "")) for i, f in mine]
    if table is None:
        return Grid(name, title, "absent", relations=relations)
    how = how_read(table.get("read_from", ""), len(table.get("recovered") or ()))
    if table.get("status") != "ok" or table.get("values") is None:
        return Grid(name, title, "unparsed", table.get("reason", ""), how, relations=relations)
    failing, involved, whole_rows = _marks(mine)
    headers, rows = _LAYOUTS[name](table)
    marked = [GridRow(key, label, [_mark(cell, key, column, failing, involved) for column, cell in cells],
                      tuple(whole_rows.get(key, ()))) for key, label, cells in rows]
    return Grid(name, title, "ok", how=how, headers=headers, numbered=name == "requests", rows=marked, relations=relations)


def _marks(findings: list[tuple[int, dict[str, Any]]]):
    """Findings by the cell they are located at, by the row they name, and the addend cells."""
    failing: dict[tuple[str, str], list[int]] = {}
    whole_rows: dict[str, list[int]] = {}
    involved: set[tuple[str, str]] = set()
    for index, finding in findings:
        location = finding.get("location") or {}
        row, column = location.get("row"), location.get("column")
        if row is not None and column is not None:
            failing.setdefault((row, column), []).append(index)
        elif row is not None:
            whole_rows.setdefault(row, []).append(index)
        involved |= involved_cells(finding)
    return failing, involved, whole_rows


def _mark(cell: Cell, row: str, column: str, failing, involved) -> Cell:
    if (row, column) in failing:
        return replace(cell, state="fail", findings=tuple(failing[(row, column)]))
    if (row, column) in involved:
        return replace(cell, state="involved")
    return cell


def _value(value, caption: str = "") -> Cell:
    return Cell("—", "blank", caption) if value is None else Cell(str(value), "", caption, value)


def _requests(table):
    layout = version(table.get("template", "")).tables["requests"]
    rows = []
    for key, values in table["values"]["rows"].items():
        row = layout.row(key) if key in layout.row_keys else None
        label = row.label if row else key
        group = layout.groups.get(row.group) if row and row.group and row.group != RESULTS_GROUP else None
        rows.append((key, f"{group.label}：{label}" if group else label,
                     [(column.key, _value(v)) for column, v in zip(layout.columns, values)]))
    return [c.label for c in layout.columns], rows


def _review(table):
    layout = version(table.get("template", "")).tables["review_litigation"]
    rows = [(group, REVIEW_GROUP_NAMES[group], [(c.key, _value(v)) for c, v in zip(layout.columns, table["values"][group])])
            for group in layout.row_keys if group in table["values"]]
    return [c.label for c in layout.columns], rows


def _active(table):
    layout = version(table.get("template", "")).tables["active"]
    rows = []
    for key, value in table["values"].items():
        items = value if isinstance(value, list) else [value]
        known = key in layout.row_keys
        captions = [c.label for c in layout.columns_of(key)] if known else []
        cells = [(str(i), _value(item, captions[i] if i < len(captions) else f"第{i + 1}项")) for i, item in enumerate(items)]
        rows.append((key, layout.row(key).label if known else key, cells))
    return [], rows


_LAYOUTS = {"active": _active, "requests": _requests, "review_litigation": _review}
