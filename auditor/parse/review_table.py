"""Table 四 (行政复议、行政诉讼情况): fifteen values in three groups of five.

Each group is 结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计; the groups are 行政复议,
未经复议直接起诉 and 复议后起诉. Text layouts give the fifteen values in that order after the
header; a grid with reliable columns is read by its header labels.
"""
from __future__ import annotations

from functools import lru_cache

from auditor.parse.cells import read_row, tokenise
from auditor.parse.table_result import TableResult
from auditor.template import LATEST, count_value
from auditor.template.labels import label_key
from auditor.template.relations import arithmetic

_GROUP_MARKERS = (("litigation_direct", "未经复议"), ("litigation_after_review", "复议后起诉"), ("review", "行政复议"))
_LAYOUT = LATEST.tables["review_litigation"]  # the same in both versions
_VERSION = LATEST.key
_GROUPS = _LAYOUT.row_keys
_RESULTS = tuple(c.label for c in _LAYOUT.columns)
_CELLS = tuple((group, column.key) for group in _GROUPS for column in _LAYOUT.columns)
_GROUPS_HOLD = arithmetic(_LAYOUT.name, _CELLS)


def read_review(rows: list[list[str]], covered: list[list[bool]] | None) -> TableResult:
    result = TableResult("review_litigation")
    if covered is not None:
        values = _positional(rows)
        if values is not None:
            result.read_from = "columns"
            return result.done(_VERSION, _cells(values))
    cells = [cell for r, row in enumerate(rows) for c, cell in enumerate(row) if not (covered and covered[r][c])]
    tokens = [t for t in tokenise(cells) if t.kind != "label"]
    reading = read_row(tokens, len(_CELLS), _GROUPS_HOLD)
    if reading.values is None:
        return result.unparsed(f"表四：{reading.problem}")
    if reading.recovered:
        result.note("row-recovered", f"表四{reading.recovered}")
        result.recovered += list(_GROUPS)
    return result.done(_VERSION, _cells(reading.values))


def _cells(values) -> dict:
    return dict(zip(_CELLS, values))


def _positional(rows: list[list[str]]):
    """Values by column headers (group × result), or None when the header is not clear."""
    data = next((i for i, row in enumerate(rows)
                 if sum(1 for c in row if count_value(c).kind == "count") >= 10), None)
    if not data:
        return None
    columns = _value_columns(tuple(map(tuple, rows[:data])), len(rows[data]))
    if columns is None:
        return None
    return tuple(count_value(rows[data][c]) for c in columns)


@lru_cache(maxsize=1024)
def _value_columns(header_rows: tuple[tuple[str, ...], ...], width: int) -> tuple[int, ...] | None:
    """The column of each value, group by group and result by result, told by the header rows'
    labels; None unless all fifteen are found (cached: layouts repeat)."""
    slots: dict[tuple[str, int], int] = {}
    for c in range(width):
        path = "".join(dict.fromkeys(label_key(r[c]) for r in header_rows if c < len(r)))
        group = next((g for g, marker in _GROUP_MARKERS if marker in path), None)
        result = next((i for i, label in enumerate(_RESULTS) if label_key(label) in path
                       or (label == "结果维持" and "维持" in path) or (label == "结果纠正" and "纠正" in path)), None)
        if group and result is not None and (group, result) not in slots:
            slots[(group, result)] = c
    if len(slots) != len(_CELLS):
        return None
    return tuple(slots[(g, r)] for g in _GROUPS for r in range(len(_RESULTS)))
