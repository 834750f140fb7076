"""Table 三 (收到和处理政府信息公开申请情况): rows found by their labels, never by position.

Text layouts are read as a stream of cells: a run of label cells names the row, the value
cells after it are its seven values. A grid whose columns are reliable (HTML, Word) is read by
its header labels instead, so that a blank cell stays blank.
"""
from __future__ import annotations

import re
from functools import lru_cache

from auditor.parse.cells import RowReading, Token, read_row, tokenise
from auditor.parse.table_result import TableResult
from auditor.template import LATEST, VERSIONS, Value, count_value, version
from auditor.template.labels import label_key, similarity
from auditor.template.recognise import requests_version
from auditor.template.relations import arithmetic, evaluate, row_cells, table_relations

_MATCH_THRESHOLD = 75
_GROUP_THRESHOLD = 90
_SPLIT_NUMBERING = re.compile(r"(?=[（(][一二三四五六七]）)|(?<=[^\d.])(?=\d+[.．][^\d])|(?=[一二三四]、)")
# Every row of table 三 in either version, its label as printed (without numbering) and its key.
_ROWS = {row.key: row for v in VERSIONS.values() for row in v.tables["requests"].rows}
_COLUMNS = LATEST.tables["requests"].columns
_LABELS = {key: row.label for key, row in _ROWS.items()}
_LEAVES = {key: label_key(row.label) for key, row in _ROWS.items()}
_GROUP_KEYS = tuple(label_key(g.label) for v in VERSIONS.values() for g in v.tables["requests"].groups.values())


@lru_cache(maxsize=None)
def _row_rules(key: str):
    """The template's relations within one row (its total): the test of candidate readings."""
    return arithmetic("requests", row_cells("requests", key))


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
    unknown: list[str] = []
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
                    unknown.append(f"无法识别的行标签「{''.join(labels)[-30:]}」")  # its values go to no row
            values.append(token)
    if not rows:
        return result.unparsed("没有找到表格三的数据行")
    return _finish(result, [(k, p, lambda v=v: read_row(v, len(_COLUMNS), _row_rules(k))) for k, v, p in rows],
                   unknown)


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
        if n > 1 and any(similarity(label_key(parts[-n]), g) >= _GROUP_THRESHOLD for g in _GROUP_KEYS):
            break
        for leaf, expected in _LEAVES.items():
            score = similarity(key, expected)
            if score > best[0]:
                best = (score, n, leaf, printed)
    if best[0] < _MATCH_THRESHOLD:
        return None, ""
    return best[2], best[3]


def _finish(result: TableResult, rows, problems: list[str] | None = None) -> TableResult:
    """The table from its rows' readers; rows that cannot be read (or are not shown) leave it partial.
    A row its own total leaves several readings for is settled by the columns' relations (results,
    then balance) over the other rows, when they leave exactly one."""
    problems = list(problems or ())
    found: dict[str, tuple[Value, ...]] = {}
    recovered: dict[str, list[str]] = {}
    open_rows: dict[str, tuple[tuple[Value, ...], ...]] = {}
    unread: dict[str, str] = {}
    for key, printed, reader in rows:
        reading = reader()
        if reading.values is None:
            if reading.candidates and key not in open_rows:
                open_rows[key] = reading.candidates
            unread.setdefault(key, reading.problem)
            continue
        if key in found:
            if found[key] != reading.values:
                return result.unparsed(f"行「{_LABELS[key]}」出现两次且数值不同")
            continue
        found[key] = reading.values
        if reading.recovered:
            recovered.setdefault(reading.recovered, []).append(key)
            result.recovered.append(key)
        if label_key(printed) != _LEAVES[key]:
            result.deviation("requests", key, printed, _LABELS[key])
    template = requests_version(found)
    for key in _settle_by_columns(found, {k: c for k, c in open_rows.items() if k not in found}, template):
        recovered.setdefault(_BY_COLUMNS, []).append(key)
        result.recovered.append(key)
    problems += [f"行「{_LABELS[k]}」：{why}" for k, why in unread.items() if k not in found]
    expected = version(template).tables["requests"].row_keys
    for how, keys in recovered.items():
        result.note("row-recovered", f"表三有 {len(keys)} 行数值不全，已{how}（行 {'、'.join(keys)}）", rows=keys)
    missing = [k for k in expected if k not in found]
    cells = {(k, c.key): v for k in expected if k in found for c, v in zip(_COLUMNS, found[k])}
    if missing:
        names = "、".join(_LABELS[k] for k in missing[:3])
        problems.insert(0, f"缺少 {len(missing)} 行（{names}{'等' if len(missing) > 3 else ''}）")
    if problems:
        return result.partial(template, cells, "；".join(dict.fromkeys(problems)))
    return result.done(template, cells)


_BY_COLUMNS = "按列的勾稽关系确定粘连或缺格的数值"
_MAX_NODES = 10_000
_MAX_SOLUTIONS = 64


def _settle_by_columns(found: dict, open_rows: dict, template: str) -> list[str]:
    """Rows left open by their own total (several readings each), settled by the table's column
    relations (results, then balance) over the rows read: every choice of one reading per open row
    that makes those relations hold is enumerated, and a row is settled where all such choices give
    it the same values. Nothing is settled when the choices are too many to enumerate. Returns the
    settled rows (their values put into `found`)."""
    if not open_rows:
        return []
    present = set(found) | set(open_rows)
    relations = [r for r in table_relations("requests", template)
                 if r.code != "TA203" and all(t.row in present for t in r.terms)]
    order = sorted(open_rows, key=lambda k: (len(open_rows[k]), k))
    position = {key: i for i, key in enumerate(order)}
    due: list[list] = [[] for _ in order]  # relations that can be evaluated once row i is chosen
    for relation in relations:
        rows = {t.row for t in relation.terms if t.row in position}
        if rows:
            due[max(position[r] for r in rows)].append(relation)
    cells = {(row, c.key): v for row, vals in found.items() for c, v in zip(_COLUMNS, vals)}
    solutions: list[tuple] = []
    nodes = [0]

    def search(i: int, chosen: tuple) -> bool:  # False: give up (too many nodes or solutions)
        if i == len(order):
            solutions.append(chosen)
            return len(solutions) <= _MAX_SOLUTIONS
        for candidate in open_rows[order[i]]:
            nodes[0] += 1
            if nodes[0] > _MAX_NODES:
                return False
            cells.update({(order[i], c.key): v for c, v in zip(_COLUMNS, candidate)})
            if all(_holds(r, cells) for r in due[i]) and not search(i + 1, chosen + (candidate,)):
                return False
        return True

    if not search(0, ()) or not solutions:
        return []
    settled = []
    for i, key in enumerate(order):
        readings = {solution[i] for solution in solutions}
        if len(readings) == 1 and due_any(relations, key):
            found[key] = readings.pop()
            settled.append(key)
    return settled


def due_any(relations, key: str) -> bool:
    """Whether some column relation runs through row `key` (else nothing confirmed its reading)."""
    return any(t.row == key for r in relations for t in r.terms)


def _holds(relation, cells: dict) -> bool:
    outcome = evaluate(relation, lambda t: cells.get((t.row, t.column)))
    return outcome is None or outcome.holds


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
    result = TableResult("requests")
    result.read_from = "columns"
    return _finish(result, readers)


@lru_cache(maxsize=8192)
def _names_first_row(cell: str) -> bool:
    return similarity(label_key(cell), _LEAVES["1"]) >= _MATCH_THRESHOLD


def _positional_row(cells: list[str]) -> RowReading:
    return RowReading(tuple(map(count_value, cells)))


@lru_cache(maxsize=1024)
def _value_columns(header_rows: tuple[tuple[str, ...], ...]) -> tuple[int, ...] | None:
    """The column of each of table 三's value columns, by the header rows' labels (cached: layouts repeat)."""
    width = max((len(r) for r in header_rows), default=0)
    found: dict[str, int] = {}
    for c in range(width):
        texts = list(dict.fromkeys(label_key(r[c]) for r in header_rows if c < len(r) and r[c].strip()))
        if not texts:
            continue
        name = next((n for n in _column_names(texts[-1]) if n not in found), None)
        if name is not None:
            found[name] = c
    return tuple(found[c.key] for c in _COLUMNS) if len(found) == len(_COLUMNS) else None


@lru_cache(maxsize=1024)
def _column_names(key: str) -> tuple[str, ...]:
    """The value columns whose header label a header key matches, in the format's order."""
    return tuple(c.key for c in _COLUMNS if similarity(key, label_key(c.label)) >= 85)
