"""A stored batch: the audit findings and the parsed reports, saved to a folder and read back.

`findings.json` is the audit JSON (interfaces.md §3, with any extra batch keys such as
"baseline" or "reuse"); `reports.json` holds each Report in full (text, sections, tables,
notes, pages). The HTML and Excel writers read only these files, so a stored folder can be
rendered again (`auditor render DIR`) without reading or auditing any report.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from auditor.model import Report, TableReading

FINDINGS_FILE = "findings.json"
REPORTS_FILE = "reports.json"


class StoreError(RuntimeError):
    """A folder that holds no readable stored batch (the message is in Chinese)."""


@dataclass(frozen=True)
class StoredBatch:
    """The plain data the writers read: the audit JSON and, in the same order, the parsed reports."""

    audit: dict[str, Any]
    reports: list[dict[str, Any]]

    def entries(self) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        """(audit entry, parsed report) per report, in batch order."""
        return list(zip(self.audit["reports"], self.reports))


def report_to_store(report: Report) -> dict[str, Any]:
    """Every field of a Report as JSON-ready data."""
    return {
        "source": report.source, "format": report.format, "text": report.text, "title": report.title,
        "agency": report.agency, "agency_kind": report.agency_kind, "year": report.year,
        "period": list(report.period) if report.period else None, "template": report.template,
        "preamble": asdict(report.preamble) if report.preamble else None,
        "sections": [asdict(s) for s in report.sections],
        "tables": {name: _table(table) for name, table in report.tables.items()},
        "notes": [asdict(n) for n in report.notes],
        "error": report.error, "error_code": report.error_code, "pages": list(report.pages),
        "provenance": dict(report.provenance),
    }


def _table(table: TableReading | None) -> dict[str, Any] | None:
    if table is None:
        return None
    return {"name": table.name, "status": table.status, "template": table.template, "values": table.json_values(),
            "reason": table.reason, "start": table.start, "end": table.end, "read_from": table.read_from,
            "recovered": list(table.recovered)}


def save_batch(results, directory: Path, extra: dict[str, Any] | None = None) -> StoredBatch:
    """Write findings.json and reports.json for audited results; return what a load would give."""
    from auditor.output.audit_json import audit_to_json

    directory.mkdir(parents=True, exist_ok=True)
    audit_text = _dump(audit_to_json(results, extra))
    reports_text = _dump([report_to_store(r.report) for r in results])
    (directory / FINDINGS_FILE).write_text(audit_text, encoding="utf-8")
    (directory / REPORTS_FILE).write_text(reports_text, encoding="utf-8")
    # the plain data a load gives, decoded by the C parser from the text just written
    return StoredBatch(json.loads(audit_text), json.loads(reports_text))


def load_batch(directory: Path) -> StoredBatch:
    try:
        audit_data = json.loads((directory / FINDINGS_FILE).read_text(encoding="utf-8"))
        reports = json.loads((directory / REPORTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StoreError(f"文件夹 {directory} 中没有可读取的审核结果（{FINDINGS_FILE}、{REPORTS_FILE}）：{error}") from error
    if len(reports) != len(audit_data.get("reports", ())):
        raise StoreError(f"{FINDINGS_FILE} 与 {REPORTS_FILE} 的报告数量不一致")
    return StoredBatch(audit_data, reports)


def _dump(data) -> str:
    """Compact JSON by the C encoder (an indent would fall back to the pure-Python one)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str) + "\n"
