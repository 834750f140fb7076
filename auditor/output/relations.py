"""The failed table relation of a TA finding, written with its numbers: 「21 + 0 ≠ 20 + 0」.

Read from the finding's evidence only (the writers never redo the arithmetic): `cells` holds
the addends and `right` the total they should equal; TA201 balances two sums.
"""
from __future__ import annotations

from typing import Any


def relation(finding: dict[str, Any]) -> str | None:
    evidence = finding.get("evidence") or {}
    cells = evidence.get("cells")
    if finding.get("code") == "TA201" and isinstance(cells, dict):
        return f"{_sum(cells.get(k) for k in ('1', '2'))} ≠ {_sum(cells.get(k) for k in ('3.7', '4'))}"
    if isinstance(cells, dict) and "right" in evidence:
        return f"{_sum(cells.values())} ≠ {evidence['right']}"
    if "left" in evidence and "right" in evidence:
        return f"{evidence['left']} ≠ {evidence['right']}"
    return None


def involved_cells(finding: dict[str, Any]) -> set[tuple[str, str]]:
    """(row, column) of the addends: cells keyed by row within a column, or by column within a row."""
    evidence = finding.get("evidence") or {}
    cells = evidence.get("cells")
    if not isinstance(cells, dict):
        return set()
    column = evidence.get("column")
    if column is not None:
        return {(row, column) for row in cells}
    row = (finding.get("location") or {}).get("row")
    return {(row, col) for col in cells} if row is not None else set()


def _sum(values) -> str:
    parts = [str(v) for v in values]
    return " + ".join(parts) if parts else "0"
