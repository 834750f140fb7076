"""Partial reports (IN006): a text cut off before the report ends is judged on what it shows.

Built from the project's own base report (tests/cases/base), cut as crawlers and uploads cut
real pages: the sections the text never reaches are not missing (no ST101), the elements they
would hold are "unseen" (no NA finding, left out of the score), and every output says the
report is partial: the finding, the parse JSON's notes, the HTML page.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from auditor.engine import audit
from auditor.output.parse_json import report_to_json
from auditor.parse import read_report
from auditor.parse.extent import report_extent

BASE = Path(__file__).parent / "cases" / "base" / "township_2023.txt"


def _report(tmp_path: Path, text: str, name: str = "cut.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_report(path)


@pytest.fixture
def whole() -> str:
    return BASE.read_text(encoding="utf-8")


def _cut_after(text: str, marker: str) -> str:
    return text[: text.index(marker) + len(marker)]


def test_an_excerpt_cut_in_section_one_is_partial_and_judged_on_what_it_shows(tmp_path, whole):
    report = _report(tmp_path, _cut_after(whole, "组织业务培训2次。本年度县政务公开"))
    extent = report_extent(report)
    assert extent.at_end and extent.cut_in == "一" and extent.unseen == ("二", "三", "四", "五", "六")
    [result] = audit([report])
    codes = {f.code for f in result.findings}
    assert "IN006" in codes and "ST101" not in codes
    # everything the text does not reach is unseen, not missing; what section 一 shows is present
    status = {e["code"]: e["status"] for e in result.elements}
    assert status["NA308"] == status["NA311"] == status["NA312"] == "unseen"
    assert status["NA301"] == status["NA302"] == "present"
    assert not codes & {"NA308", "NA309", "NA311", "NA312"}
    # unseen elements are left out of the score, not counted as missing
    elements = next(p for p in result.breakdown["parts"] if p["part"] == "elements")
    assert "fee" not in elements["detail"] and elements["detail"]["active"] == "present"
    notes = report_to_json(report)["notes"]
    assert any(n["kind"] == "report-partial" and "报告不完整" in n["message"] for n in notes)


def test_a_missing_element_of_a_section_shown_whole_is_still_reported(tmp_path, whole):
    """Section 一 is followed by 二 and the text is cut later: 一 is seen whole and judged."""
    text = whole.replace("（五）监督保障\n乡党委、政府将政务公开纳入年度工作重点，组织业务培训2次。本年度县政务公开工作考核结果为合格，"
                         "未开展社会评议，未发生责任追究情况。\n", "")
    report = _report(tmp_path, _cut_after(text, "第二十条第（五）项"))
    assert report_extent(report).cut_in == "二"
    [result] = audit([report])
    status = {e["code"]: e["status"] for e in result.elements}
    assert status["NA305"] == "missing" and "NA305" in {f.code for f in result.findings}


def test_a_whole_report_is_not_partial(tmp_path, whole):
    report = _report(tmp_path, whole)
    assert not report_extent(report).partial
    [result] = audit([report])
    assert not any(e["status"] == "unseen" for e in result.elements)
    assert "IN006" not in {f.code for f in result.findings}


def test_the_html_page_says_the_report_is_partial(tmp_path, whole):
    from auditor.output.render import render
    from auditor.store import save_batch

    cut = _report(tmp_path, _cut_after(whole, "全年在乡政务公开专栏发布信息126条"), "cut.txt")
    full = _report(tmp_path, whole, "whole.txt")
    results = audit([cut, full])
    out = tmp_path / "out"
    save_batch(results, out)
    render(out)
    pages = {p.name: html.fromstring(p.read_bytes()) for p in (out / "reports").glob("*.html")}
    said = [name for name, tree in pages.items() if tree.get_element_by_id("partial", None) is not None]
    assert len(pages) == 2 and len(said) == 1
    tree = pages[said[0]]
    assert "报告不完整" in tree.get_element_by_id("partial").text_content()
    assert "未见（报告不完整）" in tree.get_element_by_id("elements").text_content()
