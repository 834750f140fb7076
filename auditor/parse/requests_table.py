"""Table 三 (收到和处理政府信息公开申请情况): rows found by their labels, never by position.

Text layouts are read as a stream of cells: a run of label cells names the row, the value
cells after it are its seven values. A grid whose columns are reliable (HTML, Word) is read by
its header labels instead, so that a blank cell stays blank.
"""
from __future__ import annotations

import re
from functools import lru_cache

from auditor.parse.cells import RowReading, Token, Value, parse_value, read_row, row_total_holds, tokenise
from auditor.parse.labels import (
    REQUEST_COLUMN_LABELS,
    REQUEST_COLUMNS,
    REQUEST_GROUP_KEYS,
    REQUEST_ROW_KEYS,
    REQUEST_ROW_KEYS_2019,
    REQUEST_ROW_KEYS_2021,
    REQUEST_ROWS,
    label_key,
    similarity,
)
from auditor.parse.table_result import TableResult

_MATCH_THRESHOLD = 75
_GROUP_THRESHOLD = 90
_SPLIT_NUMBERING = re.compile(r"(?=[（(][一二三四五六七]）)|(?<=[^\d.])(?=\d+[.．][^\d])|(?=[一二三四]、)")
_LEAVES = {k: v for k, v in REQUEST_ROW_KEYS.items()}


def read_requests(rows: list[list[str]], covered: list[list[bool]] | None) -> TableResult:
    """Read table 三 from grid rows (covered is given only for positional grids)."""
    if covered is not None:
        result = _positional(rows)
        if result is not None:
            return result
    cells = [cell for r, row in enumerate(rows) for c, cell in enumerate(row)
             if not (covered and covered[r][c])]
    return _stream(tokenise(cells))


def _stream(tokens: list[Token]) -> TableResult:
    result = TableResult("requests")
    labels: list[str] = []
    values: list[Token] = []
    key, printed = None, ""
    rows: list[tuple[str, list[Token], str]] = []
    for token in tokens + [Token("label", "")]:
        if token.kind == "label":
            if values:
                if key is not None:
                    rows.append((key, values, printed))
                values = []
                labels = []
            if token.text:
                labels.append(token.text)
        else:
            if not values:
                key, printed = resolve_row_label(labels) if labels else (key, "")
                if key is None and labels:
                    if rows:
                        return result.unparsed(f"无法识别的行标签「{''.join(labels)[-30:]}」")
            values.append(token)
    if not rows:
        return result.unparsed("没有找到表格三的数据行")
    return _finish(result, [(k, p, lambda v=v: read_row(v, 7, row_total_holds)) for k, v, p in rows])


def resolve_row_label(labels: list[str]) -> tuple[str | None, str]:
    """The leaf row that a run of label cells names, judged from its end; and the printed label."""
    return _resolve(tuple(labels))


@lru_cache(maxsize=4096)
def _resolve(labels: tuple[str, ...]) -> tuple[str | None, str]:
    parts = [p for label in labels for p in _SPLIT_NUMBERING.split(label) if label_key(p)]
    best: tuple[float, int, str | None, str] = (0.0, 0, None, "")
    for n in range(1, min(4, len(parts)) + 1):
        printed = "".join(parts[-n:])
        key = label_key(printed)
        if n > 1 and any(similarity(label_key(parts[-n]), g) >= _GROUP_THRESHOLD for g in REQUEST_GROUP_KEYS.values()):
            break
        for leaf, expected in _LEAVES.items():
            score = similarity(key, expected)
            if score > best[0]:
                best = (score, n, leaf, printed)
    if best[0] < _MATCH_THRESHOLD:
        return None, ""
    return best[2], best[3]


def _finish(result: TableResult, rows) -> TableResult:
    found: dict[str, tuple[Value, ...]] = {}
    recovered: dict[str, list[str]] = {}
    for key, printed, reader in rows:
        reading = reader()
        if reading.values is None:
            return result.unparsed(f"行「{REQUEST_ROWS[key]}」：{reading.problem}")
        if key in found:
            if found[key] != reading.values:
                return result.unparsed(f"行「{REQUEST_ROWS[key]}」出现两次且数值不同")
            continue
        found[key] = reading.values
        if reading.recovered:
            recovered.setdefault(reading.recovered, []).append(key)
        if label_key(printed) != REQUEST_ROW_KEYS[key]:
            result.deviation("requests", key, printed, REQUEST_ROWS[key])
    if "3.6" in found and not any(k.startswith("3.6.") for k in found):
        template, expected = "2019", REQUEST_ROW_KEYS_2019
    else:
        template, expected = "2021", REQUEST_ROW_KEYS_2021
        found.pop("3.6", None)
    for how, keys in recovered.items():
        result.note("row-recovered", f"表三有 {len(keys)} 行数值不全，已{how}（行 {'、'.join(keys)}）", rows=keys)
    missing = [k for k in expected if k not in found]
    if missing:
        names = "、".join(REQUEST_ROWS[k] for k in missing[:3])
        return result.unparsed(f"缺少 {len(missing)} 行（{names}{'等' if len(missing) > 3 else ''}）")
    values = {"columns": list(REQUEST_COLUMNS), "rows": {k: list(found[k]) for k in expected}}
    return result.done(template, values)


def _positional(rows: list[list[str]]) -> TableResult | None:
    """Read a grid with reliable columns by its header labels; None if the header is not clear."""
    first = next((i for i, row in enumerate(rows) if any(map(_names_first_row, row))), None)
    if not first:
        return None
    positions = _value_columns(tuple(map(tuple, rows[:first])))
    if positions is None:
        return None
    value_columns = set(positions)
    readers = []
    for row in rows[first:]:
        labels = list(dict.fromkeys(c for i, c in enumerate(row) if i not in value_columns and c.strip()))
        cells = [row[i] if i < len(row) else "" for i in positions]
        if not labels:
            continue
        key, printed = resolve_row_label(labels)
        if key is None:
            return TableResult("requests").unparsed(f"无法识别的行标签「{''.join(labels)[-30:]}」")
        readers.append((key, printed, lambda cells=cells: _positional_row(cells)))
    return _finish(TableResult("requests"), readers)


@lru_cache(maxsize=8192)
def _names_first_row(cell: str) -> bool:
    return similarity(label_key(cell), REQUEST_ROW_KEYS["1"]) >= _MATCH_THRESHOLD


def _positional_row(cells: list[str]) -> RowReading:
    return RowReading(tuple(map(parse_value, cells)))


@lru_cache(maxsize=1024)
def _value_columns(header_rows: tuple[tuple[str, ...], ...]) -> tuple[int, ...] | None:
    """The column of each of REQUEST_COLUMNS, by the header rows' labels (cached: layouts repeat)."""
    width = max((len(r) for r in header_rows), default=0)
    found: dict[str, int] = {}
    for c in range(width):
        texts = list(dict.fromkeys(label_key(r[c]) for r in header_rows if c < len(r) and r[c].strip()))
        if not texts:
            continue
        name = next((n for n in _column_names(texts[-1]) if n not in found), None)
        if name is not None:
            found[name] = c
    return tuple(found[name] for name in REQUEST_COLUMNS) if len(found) == len(REQUEST_COLUMNS) else None


@lru_cache(maxsize=1024)
def _column_names(key: str) -> tuple[str, ...]:
    """The value columns whose header label a header key matches, in the format's order."""
    return tuple(name for name, label in REQUEST_COLUMN_LABELS.items() if similarity(key, label_key(label)) >= 85)
