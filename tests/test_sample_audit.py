"""Auditing the four-format catalogue (tests/fixtures/formats) in each format: every planted
defect is found, and clean reports raise no alarm, whichever reader read them.

False alarms count as much as misses: a report without planted defects may carry `info`
findings but no `warning` or `error`.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.engine import audit
from auditor.finding import Severity
from auditor.parse import read_report

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "formats"
MANIFEST = json.loads((SAMPLE / "manifest.json").read_text(encoding="utf-8"))
NOT_YET_CHECKED: tuple[str, ...] = ()
FORMS = ("txt", "html", "docx", "pdf")


@pytest.fixture(scope="module", params=FORMS)
def audited(request) -> dict[str, tuple[dict, list]]:
    """The whole batch in one format, audited together (so HI pairs meet): id → (entry, findings)."""
    entries = MANIFEST["reports"]
    reports = [read_report(SAMPLE / entry["files"][request.param]) for entry in entries]
    results = audit(reports)
    return {entry["id"]: (entry, result.findings) for entry, result in zip(entries, results)}


def test_every_planted_defect_is_found(audited):
    missed = []
    for report_id, (entry, findings) in audited.items():
        found = {f.code for f in findings}
        for defect in entry["defects"]:
            if not defect["code"].startswith(NOT_YET_CHECKED) and defect["code"] not in found:
                missed.append(f"{report_id}: {defect['code']} ({defect['detail']})")
    assert not missed


def test_no_false_alarm(audited):
    """No warning or error that was not planted, on any report of the batch."""
    alarms = []
    for report_id, (entry, findings) in audited.items():
        planted = {d["code"] for d in entry["defects"]}
        for finding in findings:
            if finding.severity in (Severity.warning, Severity.error) and finding.code not in planted:
                alarms.append(f"{report_id}: {finding.code} {finding.message}")
    assert not alarms
