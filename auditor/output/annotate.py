"""The report text cut into runs, each run covered by the findings whose span contains it.

Spans may overlap or nest; cutting at every span boundary gives flat runs that HTML can mark
without nesting, each run naming all its findings and taking the colour of the most serious.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from auditor.output.batch_view import SEVERITY_RANK


@dataclass(frozen=True)
class Run:
    text: str
    findings: tuple[int, ...]  # indices of the findings covering the run
    starts: tuple[int, ...]  # findings whose span begins with this run
    severity: str | None
    tabular: bool = False  # inside a table row (redrawn as a grid further down the page)


def span_of(finding: dict[str, Any], length: int) -> tuple[int, int] | None:
    """The finding's [start, end) in the text, clipped; at least one character; None if unplaced."""
    location = finding.get("location") or {}
    start, end = location.get("start"), location.get("end")
    if not isinstance(start, int) or not 0 <= start < length:
        return None
    end = end if isinstance(end, int) else start + 1
    return start, max(start + 1, min(end, length))


def runs(text: str, findings: list[dict[str, Any]]) -> list[Run]:
    spans = {i: span for i, f in enumerate(findings) if (span := span_of(f, len(text))) is not None}
    rows = _table_rows(text)
    cuts = sorted({0, len(text), *(p for span in spans.values() for p in span), *(p for row in rows for p in row)})
    result = []
    for start, end in zip(cuts, cuts[1:]):
        covering = tuple(i for i, (a, b) in spans.items() if a <= start and end <= b)
        severity = max((findings[i]["severity"] for i in covering), key=lambda s: SEVERITY_RANK.get(s, 0), default=None)
        tabular = any(a <= start and end <= b for a, b in rows)
        result.append(Run(text[start:end], covering, tuple(i for i in covering if spans[i][0] == start), severity,
                          tabular))
    return result


def _table_rows(text: str) -> list[tuple[int, int]]:
    """[start, end) of every line holding a TAB: a table row as the readers write it."""
    rows, start = [], 0
    for line in text.split("\n"):
        if "\t" in line:
            rows.append((start, start + len(line)))
        start += len(line) + 1
    return rows
