"""`auditor audit --format csv`: one row per finding, for spreadsheets."""
from __future__ import annotations

import io
import json

from auditor.engine import ReportResult
from auditor.output.csv_cells import SafeWriter

COLUMNS = ("source", "agency", "year", "code", "severity", "message", "section", "table", "row", "column",
           "start", "end", "page", "evidence")


def audit_to_csv(results: list[ReportResult]) -> str:
    buffer = io.StringIO()
    writer = SafeWriter(buffer)
    writer.writerow(COLUMNS)
    for result in results:
        for finding in result.findings:
            location = finding.location
            writer.writerow([result.report.source, result.report.agency or "", result.report.year or "", finding.code,
                             finding.severity.value, finding.message, location.section or "", location.table or "",
                             location.row or "", location.column or "", _blank(location.start), _blank(location.end),
                             _blank(location.page), json.dumps(finding.evidence, ensure_ascii=False, default=str)])
    return buffer.getvalue()


def _blank(value) -> str:
    return "" if value is None else str(value)
