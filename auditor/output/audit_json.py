"""`auditor audit --format json` (interfaces.md §3)."""
from __future__ import annotations

from typing import Any

from auditor import __version__
from auditor.engine import ReportResult


def audit_to_json(results: list[ReportResult], extra: dict[str, Any] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "auditor_version": __version__,
        "reports": [
            {"source": r.report.source, "agency": r.report.agency, "year": r.report.year, "score": r.score,
             "findings": [f.to_json() for f in r.findings]}
            for r in results
        ],
    }
    data.update(extra or {})
    return data
