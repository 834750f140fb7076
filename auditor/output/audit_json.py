"""`auditor audit --format json` (interfaces.md §3)."""
from __future__ import annotations

from typing import Any

from auditor import __version__
from auditor.engine import ReportResult
from auditor.output.elements import compact_breakdown, compact_element


def audit_to_json(results: list[ReportResult], extra: dict[str, Any] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "auditor_version": __version__,
        "reports": [_report(r) for r in results],
    }
    data.update(extra or {})
    return data


def _report(result: ReportResult) -> dict[str, Any]:
    data: dict[str, Any] = {"source": result.report.source, "agency": result.report.agency, "year": result.report.year,
                            "score": result.score, "findings": [f.to_json() for f in result.findings]}
    if result.breakdown is not None:
        data["score_breakdown"] = compact_breakdown(result.breakdown)
    if result.elements:
        data["elements"] = [compact_element(e, result.report.text) for e in result.elements]
    return data
