"""audit.xlsx: summary, findings, every body's parsed table values, reuse pairs."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from auditor.engine import ReportResult
from auditor.output.batch_view import summarise
from auditor.output.xlsx import write_workbook
from auditor.template import V2021, amount_value

_REQUESTS = V2021.tables["requests"]
from auditor.store import save_batch
from batch_fixtures import plain_batch, rich_batch


def _workbook(directory, results, extra=None):
    batch = save_batch(results, directory, extra)
    write_workbook(batch, summarise(batch), directory / "audit.xlsx")
    return load_workbook(directory / "audit.xlsx")


@pytest.fixture(scope="module")
def rich(tmp_path_factory):
    results, extra = rich_batch()
    return results, extra, _workbook(tmp_path_factory.mktemp("xlsx"), results, extra)


def _rows(sheet) -> list[dict]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def test_sheets_and_one_summary_row_per_body(rich):
    results, _, workbook = rich
    assert workbook.sheetnames == ["汇总", "问题清单", "表格数据", "雷同"]
    summary = _rows(workbook["汇总"])
    assert [r["文件"] for r in summary] == [r.report.source for r in results]
    assert [r["错误"] for r in summary] == [r.errors for r in results]
    assert [r["得分"] for r in summary] == [r.score for r in results]


def test_one_findings_row_per_finding(rich):
    results, _, workbook = rich
    rows = _rows(workbook["问题清单"])
    assert [(r["文件"], r["代码"]) for r in rows] == [(r.report.source, f.code) for r in results for f in r.findings]


def test_table_sheet_holds_every_parsed_cell(rich):
    results, _, workbook = rich
    rows = _rows(workbook["表格数据"])
    checked = 0
    for result, row in zip(results, rows):
        table = result.report.tables.get("requests")
        assert row["表三状态"] == ("已读取" if table is not None and table.ok else "缺失" if table is None else "无法可靠读取")
        if table is None or not table.ok:
            continue
        for key, values in table.json_values()["rows"].items():
            for column, value in zip(_REQUESTS.columns, values):
                header, = (h for h in row if h.startswith(f"表三·{key} ") and _REQUESTS.row(key).label in h
                           and h.endswith(f"·{column.label}"))
                assert row[header] == value, (result.report.source, header)
                checked += 1
    assert checked > 200


def test_amounts_are_exact_numbers_and_text_stays_text(tmp_path):
    result = plain_batch()[0]
    active = result.report.tables["active"]
    cells = {**active.cells, ("admin_fees", "amount"): amount_value("24252.311082")}
    report = replace(result.report, agency="=HYPERLINK(\"x\")机关",
                     tables={**result.report.tables, "active": replace(active, cells=cells)})
    workbook = _workbook(tmp_path, [ReportResult(report, result.findings)])
    row = _rows(workbook["表格数据"])[0]
    fee = next(v for k, v in row.items() if k.startswith("表二·admin_fees"))
    assert Decimal(str(fee)) == Decimal("24252.311082")
    cell = workbook["汇总"]["B2"]
    assert cell.data_type == "s" and cell.value == report.agency


def test_reuse_sheet_lists_pairs_or_says_not_computed(rich, tmp_path):
    _, extra, workbook = rich
    pairs = _rows(workbook["雷同"])
    assert [(p["报告甲"], p["报告乙"], p["相似度"]) for p in pairs] == [
        (p["a"], p["b"], p["similarity"]) for p in extra["reuse"]["pairs"]]
    assert pairs[0]["雷同字数"] == extra["reuse"]["pairs"][0]["passages"][0]["chars"]
    plain = _workbook(tmp_path, plain_batch()[:1])
    assert "未计算" in str(list(plain["雷同"].iter_rows(values_only=True))[1][0])
