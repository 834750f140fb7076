"""`auditor parse --format json`: the structured reading of a report (interfaces.md §2)."""
from __future__ import annotations

from typing import Any

from auditor.model import Report, TableReading
from auditor.template import TABLE_NAMES


def report_to_json(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = {
        "source": report.source,
        "format": report.format,
        "title": report.title,
        "agency": report.agency,
        "agency_kind": report.agency_kind,
        "year": report.year,
        "template": report.template,
        "period": list(report.period) if report.period else None,
        "provenance": dict(report.provenance),
        "sections": [{"number": s.number, "title": s.title, "start": s.start, "end": s.end} for s in report.sections],
        "tables": {name: _table(report.tables.get(name)) for name in TABLE_NAMES},
        "notes": [{"kind": n.kind, "message": n.message, "start": n.start, "end": n.end} for n in report.notes],
    }
    if report.error:
        data["error"] = {"code": report.error_code, "message": report.error}
    return data


def _table(table: TableReading | None) -> dict[str, Any] | None:
    if table is None:
        return None
    if table.status == "partial":
        return {"status": "partial", "reason": table.reason, "template": table.template, **table.json_values()}
    if not table.ok:
        return {"status": "unparsed", "reason": table.reason}
    return table.json_values()
