"""Table 二 (主动公开政府信息情况): rows by label, the version told by the column headers.

2021 format: 规章 and 行政规范性文件 with 制发/废止/现行有效, then one count each for 行政许可,
行政处罚, 行政强制 and an amount in 万元 for 行政事业性收费. 2019 format: see format.md §2.
The rows, their columns and which cell is an amount are the template's.
"""
from __future__ import annotations

import re
from functools import lru_cache

from auditor.parse.cells import Token, read_row, tokenise
from auditor.parse.table_result import TableResult
from auditor.template import VERSIONS, amount_value, version
from auditor.template.formats import active_headers
from auditor.template.labels import closest, label_key
from auditor.template.recognise import active_version
from auditor.template.relations import arithmetic

_ROW_THRESHOLD = 85
_HEADER_THRESHOLD = 90
_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")


def read_active(rows: list[list[str]], covered: list[list[bool]] | None) -> TableResult:
    result = TableResult("active")
    cells = [cell for r, row in enumerate(rows) for c, cell in enumerate(row) if not (covered and covered[r][c])]
    tokens = tokenise(cells)
    template = _template(tokens, result)
    layout = version(template).tables["active"]
    by_label = {row.label: row for row in layout.rows}
    row_labels = tuple(by_label)
    elsewhere = _other_version_labels(template)
    found: dict[str, list[Token]] = {}
    current = None
    for token in tokens:
        if token.kind == "label":
            row = _row_of(token.text, row_labels)
            if row is None and label_key(token.text) in elsewhere:
                row = elsewhere[label_key(token.text)]  # the other version's printing of this row
                result.deviation("active", by_label[row].key, token.text, row)
            if row is not None:
                current = row
                found.setdefault(current, [])
                continue
            columns = by_label[current].columns if current else ()
            if current and columns[-1].amount and len(found[current]) == len(columns) - 1:
                found[current].append(token)  # an amount stays as printed, even as text (「36.5万元」, 「约3万」)
                continue
            current = None  # values after a label the format lacks (a header, an extra row) are no row's
        elif current is not None:
            found[current].append(token)
    values = {}
    problems: list[str] = []
    for label, row in by_label.items():
        if label not in found:
            problems.append(f"缺少行「{label}」")
            continue
        here, columns = found[label], row.columns
        counts = columns[:-1] if columns[-1].amount else columns
        if len(counts) < len(columns):
            rules = arithmetic("active", tuple((row.key, c.key) for c in counts))
            reading = read_row(here[:-1], len(counts), rules) if len(here) == len(columns) else None
            if reading is None or reading.values is None:
                problems.append(f"行「{label}」的数值无法可靠读取")
                continue
            cells = (*reading.values, amount_value(here[-1].text))  # an amount stays exactly as printed
        else:
            reading = read_row(here, len(columns), arithmetic("active", tuple((row.key, c.key) for c in columns)))
            if reading.values is None:
                problems.append(f"行「{label}」：{reading.problem}")
                continue
            cells = reading.values
        values.update({(row.key, column.key): cell for column, cell in zip(columns, cells)})
        if reading.recovered:
            result.recovered.append(row.key)
    if problems:
        if not _headers_printed(tokens, layout):
            return result.unparsed(f"表二的列标题未印出，无法确定格式版本；{_summary(problems, len(by_label))}")
        return result.partial(template, values, _summary(problems, len(by_label)))
    return result.done(template, values)


def _summary(problems: list[str], rows: int) -> str:
    """Why a table is read in part: how many of its rows were not read, the first reasons."""
    shown = "；".join(problems[:3]) + ("等" if len(problems) > 3 else "")
    return f"{len(problems)}/{rows} 行未读取（{shown}）"


def _row_of(text: str, row_labels: tuple[str, ...]) -> str | None:
    """The row a label names, also when a filling note in brackets was left in it (「规范性文件（指…）」)."""
    for candidate in dict.fromkeys((text, _BRACKETED.sub("", text))):
        best, score = closest(label_key(candidate), row_labels)
        if score >= _ROW_THRESHOLD:
            return best
    return None


@lru_cache(maxsize=None)
def _other_version_labels(template: str) -> dict[str, str]:
    """The label keys the other version prints for rows this version has too (2019's 「规范性文件」
    for 2021's 「行政规范性文件」), each to this version's label."""
    mine = {row.key: row.label for row in version(template).tables["active"].rows}
    return {label_key(row.label): mine[row.key] for v in VERSIONS.values() if v.key != template
            for row in v.tables["active"].rows if row.key in mine and row.label != mine[row.key]}


def _headers_printed(tokens: list[Token], layout) -> bool:
    """Whether a column header of the version read is printed: a table read in part takes its
    version (and so its columns) from the headers only, its row set being incomplete."""
    headers = tuple(active_headers(layout))
    return any(closest(label_key(t.text), headers)[1] >= _HEADER_THRESHOLD for t in tokens if t.kind == "label")


def _template(tokens: list[Token], result: TableResult) -> str:
    """2021 or 2019 by which version's column headers the table prints; deviations noted."""
    template, deviations = active_version(tuple(t.text for t in tokens if t.kind == "label"))
    for printed, best in deviations:
        result.deviation("active", "header", printed, best)
    return template
