"""The stored batch: findings.json is the audit JSON, reports.json every Report in full, loaded back as plain data."""
from __future__ import annotations

import json

import pytest

from auditor.output.audit_json import audit_to_json
from auditor.output.parse_json import report_to_json
from auditor.store import FINDINGS_FILE, REPORTS_FILE, StoreError, load_batch, save_batch
from batch_fixtures import plain_batch, rich_batch


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    results, extra = rich_batch()
    directory = tmp_path_factory.mktemp("stored")
    save_batch(results, directory, extra)
    return results, extra, directory


def test_findings_file_is_the_audit_json_with_extra_keys(stored):
    results, extra, directory = stored
    on_disk = json.loads((directory / FINDINGS_FILE).read_text(encoding="utf-8"))
    assert on_disk == json.loads(json.dumps(audit_to_json(results, extra), ensure_ascii=False))
    assert on_disk["reuse"]["pairs"][0]["passages"][0]["chars"] > 0
    assert all(r["score"] is not None and r["elements"] and r["score_breakdown"] for r in on_disk["reports"])


def test_reports_file_holds_every_report_in_full(stored):
    results, _, directory = stored
    batch = load_batch(directory)
    assert len(batch.reports) == len(results)
    for result, (entry, stored_report) in zip(results, batch.entries()):
        report = result.report
        assert entry["source"] == stored_report["source"] == report.source
        assert stored_report["text"] == report.text
        assert [s["heading_end"] for s in stored_report["sections"]] == [s.heading_end for s in report.sections]
        assert stored_report["pages"] == list(report.pages)
        assert len(stored_report["notes"]) == len(report.notes)
        parsed = report_to_json(report)["tables"]
        for name, table in stored_report["tables"].items():
            if table is not None and table["status"] == "ok":
                assert table["values"] == parsed[name]


def test_loading_a_folder_without_a_batch_fails_clearly(tmp_path):
    with pytest.raises(StoreError, match="没有可读取的审核结果"):
        load_batch(tmp_path)
    save_batch(plain_batch()[:2], tmp_path)
    (tmp_path / REPORTS_FILE).write_text("[]", encoding="utf-8")
    with pytest.raises(StoreError, match="数量不一致"):
        load_batch(tmp_path)
