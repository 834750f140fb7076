"""The round's summary (auditor/output/round_summary.py) and the overview page that opens with it."""
from __future__ import annotations

import re
from pathlib import Path

from lxml import html as lxml_html

from auditor.engine import audit
from auditor.output.batch_view import BodySummary, summarise
from auditor.output.render import render
from auditor.output.round_summary import RoundSummary
from auditor.parse import read_report
from auditor.registry import load_rules
from auditor.store import save_batch

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "formats"


def _body(index: int, agency: str, year: int, score: int | None, *codes: str) -> BodySummary:
    rules = load_rules()
    findings = [{"code": code, "severity": rules[code].severity.value, "message": code} for code in codes]
    return BodySummary(index, f"{agency}-{year}.txt", agency, year, "township", "2021", f"{agency}-{year}.html",
                       score, findings)


BODIES = [
    _body(0, "甲乡人民政府", 2024, 95, "TX501"),
    _body(1, "甲乡人民政府", 2023, 70, "TX501", "TA201", "NA308"),
    _body(2, "乙镇人民政府", 2024, 55, "TA201", "ST101", "NA308"),
    _body(3, "乙镇人民政府", 2023, 80, "TA201"),
    _body(4, "丙街道办事处", 2024, 100),
    _body(5, "丁局", 2022, 85, "NA308"),  # only one year
    _body(6, "戊乡", 2024, None, "IN001"),
]


ROUND = [b for b in BODIES if b.index not in (1, 3)]  # 甲 and 乙 2023 are there for the comparison only


def test_the_round_leaves_out_the_reports_kept_for_the_comparison():
    summary = RoundSummary(BODIES)
    assert [b.index for b in summary.previous] == [1, 3]
    assert summary.bodies == ROUND and summary.batch == BODIES
    one_year = [b for b in BODIES if b.year == 2024]
    assert RoundSummary(one_year).bodies == one_year and RoundSummary(one_year).previous == []


def test_counts_bands_and_common_problems():
    summary = RoundSummary(BODIES)
    assert summary.reports == 5 and summary.unreadable == 1 and summary.clean == 2  # 丙, and 甲 2024 (TX501 is a hint)
    assert summary.counts["error"] == sum(1 for b in ROUND for f in b.findings if f["severity"] == "error")
    assert summary.score_bands == [("90–100 分", 2), ("80–89 分", 1), ("60–79 分", 0), ("60 分以下", 1), ("未计算", 1)]
    common = summary.common_problems()
    assert [(p.code, p.reports) for p in common[:3]] == [("NA308", 2), ("IN001", 1), ("ST101", 1)]  # ties: by severity, code
    assert all(p.summary for p in common)  # the rule's 问题 line, in Chinese


def test_attention_ranking_and_bodies_to_correct():
    summary = RoundSummary(BODIES)
    assert [b.index for b in summary.ranking][:3] == [6, 2, 5]  # no score first, then the lowest
    needing = summary.attention(None)
    assert {b.index for b in needing} == {b.index for b in ROUND if b.counts["error"] or b.score is None or b.score < 60}
    assert 4 not in {b.index for b in summary.to_correct}  # a clean report gets no notice
    assert not {1, 3} & {b.index for b in summary.to_correct}  # nor does last year's report


def test_two_years_of_the_same_bodies_are_compared():
    summary = RoundSummary(BODIES)
    pairs = {p.name: p for p in summary.year_pairs}
    assert set(pairs) == {"甲乡人民政府", "乙镇人民政府"}
    first = pairs["甲乡人民政府"]
    assert (first.then.year, first.now.year, first.change) == (2023, 2024, 25)
    assert first.fixed == ["NA308", "TA201"] and first.repeated == ["TX501"] and first.new == []
    second = pairs["乙镇人民政府"]
    assert second.change == -25 and second.repeated == ["TA201"] and second.new == ["NA308", "ST101"]
    totals = summary.year_totals
    assert totals["bodies"] == 2 and totals["better"] == 1 and totals["worse"] == 1
    assert (totals["mean_then"], totals["mean_now"]) == (75.0, 75.0)
    assert RoundSummary([b for b in BODIES if b.year == 2024]).year_totals is None


def _sections(page) -> list[str]:
    return [s.get("id") for s in page.xpath("//main/section")]


def test_index_opens_with_the_summary_and_compares_years(tmp_path):
    """A body in two consecutive years, and one more: summary, charts, comparison, table, in that order."""
    files = [next(SAMPLE.glob(f"{stem}_*.txt")) for stem in ("s04", "d21", "d01")]  # 青川县 2023 and 2024; 白沙乡
    results = audit([read_report(f) for f in files])
    batch = save_batch(results, tmp_path, {})
    render(tmp_path, xlsx=False)
    page = lxml_html.fromstring((tmp_path / "index.html").read_text(encoding="utf-8"))
    assert _sections(page) == ["summary", "charts", "comparison", "bodies"]
    summary_text = page.get_element_by_id("summary").text_content()
    errors = sum(r.errors for r in results[1:])  # the round: 青川县 2023 is there for the comparison only
    assert re.search(rf"{errors}\s*项错误", summary_text) and re.search(r"2\s*份报告", summary_text)
    assert "与上一年度相比" in summary_text
    earlier = page.xpath('//table[@id="body-table"]/tbody/tr[@class="earlier"]')
    assert len(earlier) == 1 and "上年度，仅对比" in earlier[0].text_content() and "2023" in earlier[0].text_content()
    rows = page.xpath('//table[@id="comparison-table"]/tbody/tr')
    assert len(rows) == 1 and "青川县人民政府" in rows[0].text_content()
    pair = RoundSummary(summarise(batch)).year_pairs[0]
    cells = [c.text_content().strip() for c in rows[0].xpath("td")]
    assert cells[1:3] == [str(pair.then.score), str(pair.now.score)]
    assert cells[4].split() == (pair.fixed or ["无"]) and cells[5].split() == (pair.repeated or ["无"])
