"""The three statistical tables redrawn as grids, with the cells that TA findings point at.

Values come from the stored parse (interfaces.md §2 shape); a cell is marked `fail` where a
finding is located, `involved` where it is an addend of a failed relation (from evidence), and
`blank` where nothing was printed. Each table lists its failed relations with their numbers.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from auditor.output.relations import involved_cells, relation
from auditor.parse.labels import (ACTIVE_HEADERS_2019, ACTIVE_HEADERS_2021, ACTIVE_ROWS_2019, ACTIVE_ROWS_2021,
                                  REQUEST_COLUMN_LABELS, REQUEST_COLUMNS, REQUEST_GROUPS, REQUEST_ROWS,
                                  REVIEW_GROUPS, REVIEW_RESULTS)

TABLE_TITLES = {"active": "表二 主动公开政府信息情况", "requests": "表三 收到和处理政府信息公开申请情况",
                "review_litigation": "表四 政府信息公开行政复议、行政诉讼情况"}
_GROUP_LABELS = {"review": "行政复议", "litigation_direct": "行政诉讼（未经复议直接起诉）",
                 "litigation_after_review": "行政诉讼（复议后起诉）"}
_ACTIVE_LABELS = {template: {key: label for label, (key, _) in rows.items()}
                  for template, rows in (("2021", ACTIVE_ROWS_2021), ("2019", ACTIVE_ROWS_2019))}
_H21, _H19 = ACTIVE_HEADERS_2021, ACTIVE_HEADERS_2019
_ACTIVE_CAPTIONS = {
    "2021": {"regulations": _H21[0:3], "normative_documents": _H21[0:3], "licensing": _H21[3:4],
             "punishment": _H21[3:4], "coercion": _H21[3:4], "admin_fees": _H21[4:5]},
    "2019": {"regulations": _H19[0:3], "normative_documents": _H19[0:3], "licensing": _H19[3:6],
             "other_services": _H19[3:6], "punishment": _H19[3:6], "coercion": _H19[3:6],
             "admin_fees": _H19[3:5], "procurement": _H19[6:8]},
}
_COLUMN_ALIASES = {"review_litigation": {"total": "总计"}}  # table 四 findings name its total column 「total」


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
    if table.get("status") != "ok" or table.get("values") is None:
        return Grid(name, title, "unparsed", table.get("reason", ""), relations=relations)
    failing, involved, whole_rows = _marks(mine, _COLUMN_ALIASES.get(name, {}))
    headers, rows = _LAYOUTS[name](table)
    marked = [GridRow(key, label, [_mark(cell, key, column, failing, involved) for column, cell in cells],
                      tuple(whole_rows.get(key, ()))) for key, label, cells in rows]
    return Grid(name, title, "ok", headers=headers, numbered=name == "requests", rows=marked, relations=relations)


def _marks(findings: list[tuple[int, dict[str, Any]]], aliases: dict[str, str]):
    """Findings by the cell they are located at, by the row they name, and the addend cells."""
    failing: dict[tuple[str, str], list[int]] = {}
    whole_rows: dict[str, list[int]] = {}
    involved: set[tuple[str, str]] = set()
    for index, finding in findings:
        location = finding.get("location") or {}
        row, column = location.get("row"), location.get("column")
        if row is not None and column is not None:
            failing.setdefault((row, aliases.get(column, column)), []).append(index)
        elif row is not None:
            whole_rows.setdefault(row, []).append(index)
        involved |= {(r, aliases.get(c, c)) for r, c in involved_cells(finding)}
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
    rows = []
    for key, values in table["values"]["rows"].items():
        group = REQUEST_GROUPS.get(key.rsplit(".", 1)[0]) if key.count(".") == 2 else None
        label = REQUEST_ROWS.get(key, key)
        rows.append((key, f"{group}：{label}" if group else label,
                     [(column, _value(v)) for column, v in zip(REQUEST_COLUMNS, values)]))
    return [REQUEST_COLUMN_LABELS[c] for c in REQUEST_COLUMNS], rows


def _review(table):
    rows = [(group, _GROUP_LABELS[group], [(result, _value(v)) for result, v in zip(REVIEW_RESULTS, table["values"][group])])
            for group in REVIEW_GROUPS if group in table["values"]]
    return list(REVIEW_RESULTS), rows


def _active(table):
    template = table.get("template") if table.get("template") in _ACTIVE_CAPTIONS else "2021"
    rows = []
    for key, value in table["values"].items():
        items = value if isinstance(value, list) else [value]
        captions = _ACTIVE_CAPTIONS[template].get(key, ())
        cells = [(str(i), _value(item, captions[i] if i < len(captions) else f"第{i + 1}项")) for i, item in enumerate(items)]
        rows.append((key, _ACTIVE_LABELS[template].get(key, key), cells))
    return [], rows


_LAYOUTS = {"active": _active, "requests": _requests, "review_litigation": _review}
