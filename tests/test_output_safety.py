"""Outputs that any text cannot turn against the reader or take down: charts draw any name
(never mathtext), CSV holds no live formula, bidi controls are visible on the pages, and a
failing chart or page costs only itself."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

from batch_fixtures import plain_batch

from auditor.engine import ReportResult
from auditor.output.audit_csv import audit_to_csv
from auditor.output.csv_cells import FORMULA_START, safe_cell
from auditor.output.render import render
from auditor.store import save_batch

MATH_NAME = r"$\frac{1}{0}$某某$x^{$乡"
FORMULA_NAME = "=HYPERLINK(\"http://example.invalid\",\"点击\")"
BIDI_NAME = "某某县\u202eemag\u202c乡"


def _hostile_batch() -> list[ReportResult]:
    results = plain_batch()[:3]
    names = (MATH_NAME, FORMULA_NAME, BIDI_NAME)
    return [ReportResult(replace(r.report, agency=name, source=f"{name}.txt"), r.findings)
            for r, name in zip(results, names)]


def test_charts_and_pages_draw_any_body_name(tmp_path):
    results = _hostile_batch()
    save_batch(results, tmp_path)
    written = render(tmp_path)
    assert tmp_path / "index.html" in written
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "图表绘制失败" not in index
    assert (tmp_path / "charts" / "findings_by_code.png").exists()
    pages = list((tmp_path / "reports").glob("*.html"))
    assert len(pages) == 3
    text = "".join(p.read_text(encoding="utf-8") for p in pages)
    assert "\u202e" not in text and "\u202e" not in index
    assert "[U+202E]" in text and "[U+202E]" in index


def test_csv_holds_no_live_formula():
    rows = list(csv.reader(io.StringIO(audit_to_csv(_hostile_batch()))))
    assert rows[1:], "the batch has findings"
    for row in rows[1:]:
        assert not any(cell.startswith(FORMULA_START) for cell in row), row
    assert any(cell == "'" + FORMULA_NAME + ".txt" for row in rows for cell in row)
    assert [safe_cell(v) for v in ("-1", "@a", "\tx", "普通", 3)] == ["'-1", "'@a", "'\tx", "普通", 3]


def test_a_failing_chart_or_page_costs_only_itself(tmp_path, monkeypatch):
    import auditor.output.charts as charts
    import auditor.output.html_report as html_report

    def broken_chart(data):
        raise ValueError("chart bug")

    monkeypatch.setattr(charts, "_scores", broken_chart)
    results = plain_batch()[:2]
    original = html_report.page_context

    def broken_page(body, report, *args):
        if body.source == results[0].report.source:
            raise KeyError("page bug")
        return original(body, report, *args)

    monkeypatch.setattr(html_report, "page_context", broken_page)
    save_batch(results, tmp_path)
    written = render(tmp_path)
    assert tmp_path / "index.html" in written
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "图表绘制失败（ValueError）" in index
    assert (tmp_path / "charts" / "findings_by_code.png").exists()
    pages = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "reports").glob("*.html")}
    assert len(pages) == 2
    assert sum("本页生成失败" in page for page in pages.values()) == 1
    json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))
