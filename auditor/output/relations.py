"""The failed table relation of a TA/HI finding, written with its numbers: 「21 + 0 ≠ 20 + 0」.

Read from the finding's evidence only (the writers never redo the arithmetic): the one relation
checker (checks/relations.py) records each side as written and every operand cell.
"""
from __future__ import annotations

from typing import Any


def relation(finding: dict[str, Any]) -> str | None:
    evidence = finding.get("evidence") or {}
    if "left_text" in evidence and "right_text" in evidence:
        return f"{evidence['left_text']} ≠ {evidence['right_text']}"
    if "left" in evidence and "right" in evidence:
        return f"{evidence['left']} ≠ {evidence['right']}"
    return None


def involved_cells(finding: dict[str, Any]) -> set[tuple[str, str]]:
    """(row, column) of this report's operand cells of the broken relation."""
    operands = (finding.get("evidence") or {}).get("operands")
    if not isinstance(operands, list):
        return set()
    return {(o["row"], o["column"]) for o in operands if isinstance(o, dict) and not o.get("previous")}
