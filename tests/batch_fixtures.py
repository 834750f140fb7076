"""Batches for the output tests: sample reports audited, then scores, elements and the reuse
analysis set by hand in the published shapes, so that every case of the writers is exercised.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from auditor.engine import ReportResult, audit
from auditor.finding import Finding, Location, Severity
from auditor.parse import read_report

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "formats"
TABLE_DEFECTS = ("d01_baisha_2023", "d02_yunxi_2022", "d03_dongcheng_2022", "d04_qingchuan_2021", "d05_ljeco_2021",
                 "d06_nanhu_2023", "d07_liuhe_2021")
COPIED = ("d22_shiqiao_2024", "d23_jiangnan_2024")
HOSTILE_TEXT = "\n附：<script>alert('xss')</script><img src=x onerror=\"alert(1)\"> 详见 https://www.example.gov.cn/a?b=1"
HOSTILE_AGENCY = "../../etc/<b>恶意</b>机关"


def plain_batch() -> list[ReportResult]:
    """Sample reports with table and reuse defects, audited, then stripped of score and element
    coverage (as a store written without the narrative scoring holds them) and without reuse."""
    results = audit([read_report(SAMPLE / f"{stem}.txt") for stem in TABLE_DEFECTS + COPIED])
    for result in results:
        result.score, result.breakdown, result.elements = None, None, []
    return results


def rich_batch() -> tuple[list[ReportResult], dict]:
    """The plain batch plus hostile and clashing reports, scores, elements, RE findings and a reuse analysis."""
    results = plain_batch()
    first = results[0].report
    hostile = replace(first, source="hostile.txt", agency=HOSTILE_AGENCY, text=first.text + HOSTILE_TEXT)
    start = hostile.text.index("<script>")
    results.append(ReportResult(hostile, [Finding("TX503", Severity.info, "残留代码「<script>」<i>斜体</i>",
                                                  Location(start=start, end=start + 40))]))
    twin = replace(results[1].report, source="copy/of/d02.txt")  # same body and year: page names clash
    results.append(ReportResult(twin, list(results[1].findings)))
    for index, result in enumerate(results):
        result.score = 40 + 5 * index
        result.breakdown = {"total": result.score, "parts": [
            {"part": "tables", "label": "统计表", "weight": 40, "earned": 30, "detail": "表三勾稽关系"},
            {"part": "elements", "label": "内容要素", "weight": 60, "earned": result.score - 30, "detail": ""}]}
        result.elements = [_element("active", "主动公开", "NA301", ("present", "thin", "missing")[index % 3]),
                           _element("requests", "依申请公开", "NA302", "present"),
                           _element("fees", "信息处理费", "NA308", ("present", "not_applicable")[index % 2])]
    reuse = _share_passage(results[len(TABLE_DEFECTS)], results[len(TABLE_DEFECTS) + 1], results)
    return results, {"reuse": reuse}


def _element(element: str, label: str, code: str, status: str) -> dict:
    return {"element": element, "label": label, "code": code, "status": status, "by": "keyword",
            "evidence": f"{label}相关表述", "probability": None, "start": None, "end": None}


def _share_passage(a: ReportResult, b: ReportResult, results: list[ReportResult]) -> dict:
    """RE601 on both reports of the copied pair, at their longest common line, and the batch analysis."""
    common = max(set(a.report.text.splitlines()) & set(b.report.text.splitlines()), key=len)
    a_start, b_start = a.report.text.index(common), b.report.text.index(common)
    for mine, other, start, other_start in ((a, b, a_start, b_start), (b, a, b_start, a_start)):
        mine.findings.append(Finding("RE601", Severity.warning, f"与{other.report.agency}的报告有一段相同文字",
                                     Location(start=start, end=start + len(common)),
                                     {"other_source": other.report.source, "other_agency": other.report.agency,
                                      "other_start": other_start, "other_end": other_start + len(common),
                                      "chars": len(common), "similarity": 0.42}))
    sources = [r.report.source for r in results]
    values = [[1.0 if i == j else 0.05 + 0.01 * ((i + j) % 5) for j in range(len(results))] for i in range(len(results))]
    i, j = sources.index(a.report.source), sources.index(b.report.source)
    values[i][j] = values[j][i] = 0.42
    pair = {"a": a.report.source, "b": b.report.source, "a_agency": a.report.agency, "b_agency": b.report.agency,
            "similarity": 0.42, "kind": "passage",
            "passages": [{"a_start": a_start, "a_end": a_start + len(common), "b_start": b_start,
                          "b_end": b_start + len(common), "chars": len(common), "text": common}]}
    return {"parameters": {"shingle": 8}, "matrix": {"sources": sources, "agencies": [r.report.agency for r in results],
                                                      "values": values},
            "pairs": [pair], "boilerplate": []}
