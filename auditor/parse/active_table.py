"""Table 二 (主动公开政府信息情况): rows by label, the template told by the column headers.

2021 format: 规章 and 行政规范性文件 with 制发/废止/现行有效, then one count each for 行政许可,
行政处罚, 行政强制 and an amount in 万元 for 行政事业性收费. 2019 format: see format.md §2.
"""
from __future__ import annotations

from functools import lru_cache

from auditor.parse.cells import Token, read_row, tokenise
from auditor.parse.labels import (
    ACTIVE_HEADER_VARIANTS,
    ACTIVE_HEADERS_2019,
    ACTIVE_HEADERS_2021,
    ACTIVE_ROWS_2019,
    ACTIVE_ROWS_2021,
    closest,
    label_key,
)
from auditor.parse.table_result import TableResult

_ROW_THRESHOLD = 85
_DEVIATION_MIN = 80
_AMOUNTS = {("2021", "admin_fees"), ("2019", "procurement")}


def read_active(rows: list[list[str]], covered: list[list[bool]] | None) -> TableResult:
    result = TableResult("active")
    cells = [cell for r, row in enumerate(rows) for c, cell in enumerate(row) if not (covered and covered[r][c])]
    tokens = tokenise(cells)
    template = _template(tokens, result)
    layout = ACTIVE_ROWS_2021 if template == "2021" else ACTIVE_ROWS_2019
    row_labels = tuple(layout)
    found: dict[str, list[Token]] = {}
    current = None
    for token in tokens:
        if token.kind == "label":
            row = _row_of(token.text, row_labels)
            if row is not None:
                current = row
                found.setdefault(current, [])
                continue
            if current and (template, layout[current][0]) in _AMOUNTS and len(found[current]) == layout[current][1] - 1:
                found[current].append(token)  # an amount stays as printed, even as text (「36.5万元」, 「约3万」)
                continue
            current = None if _is_block_header(token.text) else current
        elif current is not None:
            found[current].append(token)
    values = {}
    for label, (key, width) in layout.items():
        if label not in found:
            return result.unparsed(f"缺少行「{label}」")
        here = found[label]
        if (template, key) in _AMOUNTS:
            reading = read_row(here[:-1], width - 1, None) if len(here) == width else None
            if reading is None or reading.values is None:
                return result.unparsed(f"行「{label}」的数值无法可靠读取")
            amount = here[-1].text  # an amount stays exactly as printed
            values[key] = amount if width == 1 else [*reading.values, amount]
            continue
        reading = read_row(here, width, None)
        if reading.values is None:
            return result.unparsed(f"行「{label}」：{reading.problem}")
        values[key] = reading.values[0] if width == 1 else list(reading.values)
    return result.done(template, values)


def _row_of(text: str, row_labels: tuple[str, ...]) -> str | None:
    best, score = closest(label_key(text), row_labels)
    return best if score >= _ROW_THRESHOLD else None


def _is_block_header(text: str) -> bool:
    return "第二十条" in text or "信息内容" in text


def _template(tokens: list[Token], result: TableResult) -> str:
    """2021 or 2019 by which format's column headers the table prints; deviations noted."""
    template, deviations = _template_of(tuple(t.text for t in tokens if t.kind == "label"))
    for printed, best in deviations:
        result.deviation("active", "header", printed, best)
    return template


@lru_cache(maxsize=1024)
def _template_of(labels: tuple[str, ...]) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The template the table's label cells tell, and the (printed, expected) header deviations.

    Cached: reports of one layout print the same labels, whatever their numbers."""
    headers = {"2021": ACTIVE_HEADERS_2021, "2019": ACTIVE_HEADERS_2019}
    matches = []  # (printed, template, best header, score)
    for text in labels:
        if _is_block_header(text):
            continue
        key = label_key(text)
        if key in ACTIVE_HEADER_VARIANTS:
            matches.append((text, "2021", ACTIVE_HEADER_VARIANTS[key], 100.0))
            continue
        for template, candidates in headers.items():
            best, score = closest(key, candidates)
            matches.append((text, template, best, score))
    matches = _complete_broken_headers(matches)
    votes = {t: sum(1 for _, tt, _, score in matches if tt == t and score == 100) for t in headers}
    template = "2019" if votes["2019"] > votes["2021"] else "2021"
    deviations = tuple((printed, best) for printed, tt, best, score in matches
                       if tt == template and _DEVIATION_MIN <= score < 100)
    return template, deviations


def _complete_broken_headers(matches):
    """A header cell broken over two text lines (「本年制发」 … 「件数」) reads as its full label
    when its missing tail is printed among the header cells; such cells are no deviation."""
    printed = {label_key(p) for p, *_ in matches}
    completed = []
    for printed_text, template, best, score in matches:
        key, full = label_key(printed_text), label_key(best)
        if score < 100 and key and full.startswith(key) and full[len(key):] in printed:
            score = 100.0
        completed.append((printed_text, template, best, score))
    return completed
