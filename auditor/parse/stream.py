"""Flattened table text cut into cells: label text, numbers, blanks and 「/」, at the template's labels.

A crawler that collapses whitespace leaves a table as one run of text in which labels and numbers
touch (「规章000行政规范性文件12310」, 「…申请数量530010354二、上年结转…」). This cuts such text
into the cells a table reader reads: every label the template prints for the table (rows with
their numbering, groups, column headers, block openers) is its own cell, other label text between
them stays one cell, and each run of digits is one cell (a run that holds several glued values is
cut by the row reader, under the template's relations). A numbering (「2.」) glued to the values
before it is given back to its label. Only cells that show such running text are cut.
"""
from __future__ import annotations

import re
from functools import lru_cache

from auditor.template.formats import printed_labels

# A run of digits glued to the one-digit numbering of the next label: 「00000002.其他法律…」.
_NUMBERING_GLUED = re.compile(r"(?<=\d)(?=\d[.．](?![\d\s]))")
# Label text, then a number, then label text again: values run between labels.
_NUMBER_BETWEEN_LABELS = re.compile(r"[\u3400-\u9fff）)][\d]+[\u3400-\u9fff（(]")
_LONG_CELL = 60
_AMOUNT = r"\d+(?:[.．]\d+)?(?:亿元|万元|元)"
_NUMBER = r"-?\d+(?:[.．]\d+)?件?"
_MARK = r"[/／]|[—－―\-]+"
_STOP = r"\d\s/／—－―\-|｜¦"


@lru_cache(maxsize=None)
def _tokens(table: str) -> re.Pattern:
    labels = "|".join(re.escape(label) for label in printed_labels(table))
    return re.compile(rf"(?P<label>{labels})|(?P<amount>{_AMOUNT})|(?P<numbering>\d[.．](?=[^{_STOP}]))"
                      rf"|(?P<number>{_NUMBER})|(?P<mark>{_MARK})|(?P<text>(?:(?!{labels})[^{_STOP}])+)")


def runs_together(cell: str) -> bool:
    """Whether a cell shows labels and numbers running together (flattened text), not one cell."""
    return (len(cell) > _LONG_CELL and any(c.isdigit() for c in cell)) or bool(_NUMBER_BETWEEN_LABELS.search(cell))


def stream_cells(text: str, table: str) -> list[str]:
    """The cells of flattened table text, cut at the template's labels of `table`; label text the
    template lacks (a printing it does not know) stays one cell across the spaces in it."""
    text = _NUMBERING_GLUED.sub(" ", text)
    cells: list[str] = []
    last_kind, last_end = "", 0
    for match in _tokens(table).finditer(text):
        if match.lastgroup == "text" and last_kind == "text" and not text[last_end:match.start()].strip():
            cells[-1] += text[last_end:match.end()]
        else:
            cells.append(match.group())
        last_kind, last_end = match.lastgroup, match.end()
    return cells


def cells_of(cells: list[str], table: str) -> list[str]:
    """Cells as split by layout, those that run labels and numbers together cut into their cells."""
    out: list[str] = []
    for cell in cells:
        out.extend(stream_cells(cell, table) if runs_together(cell) else (cell,))
    return out
