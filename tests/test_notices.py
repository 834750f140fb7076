"""Rectification notices (auditor/output/notices.py): every .docx read back with python-docx
holds each of its body's findings under its severity; the round's report lists every body."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from lxml import html as lxml_html

from auditor.engine import audit
from auditor.output.batch_view import summarise
from auditor.output.notices import NOTICES_DIR, ROUND_NAME, SEVERITY_HEADINGS, write_notices
from auditor.output.round_summary import RoundSummary
from auditor.parse import read_report
from auditor.store import load_batch, save_batch

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "formats"
STEMS = ("d01", "d06", "d08", "s04", "d21", "s01")  # table, structure and text defects; 青川县 in 2023 and 2024


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    directory = tmp_path_factory.mktemp("notices")
    files = [next(SAMPLE.glob(f"{stem}_*.txt")) for stem in STEMS]
    batch = save_batch(audit([read_report(f) for f in files]), directory, {})
    bodies = summarise(batch)
    return batch, bodies, directory, write_notices(batch, bodies, directory)


def _docx_text(path: Path) -> str:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_every_notice_holds_each_finding_of_its_body(stored):
    batch, bodies, directory, written = stored
    in_round = RoundSummary(bodies).bodies
    with_findings = [b for b in in_round if b.findings]  # a report without any finding gets no notice
    assert [(b.name, b.year) for b in bodies if b not in in_round] == [("青川县人民政府", 2023)]  # nor does last year's report
    docs = sorted(p for p in (directory / NOTICES_DIR).glob("*.docx") if p.stem != ROUND_NAME)
    assert len(docs) == len(with_findings) and set(written) >= set(docs)
    for body in with_findings:
        text = _docx_text(directory / NOTICES_DIR / f"{Path(body.page).stem}.docx")
        assert body.name in text and Path(body.source).name in text
        for finding in body.findings:
            assert f"[{finding['code']}] {finding['message']}" in text, (body.name, finding["code"])
        present = [s for s in SEVERITY_HEADINGS if body.counts[s]]
        positions = [text.index(SEVERITY_HEADINGS[s]) for s in present]
        assert positions == sorted(positions)  # errors first, then warnings, then hints
        assert "整改要求：" in text and "依据：" in text and "为何重要：" in text


def test_a_table_finding_says_where_and_quotes_the_relation(stored):
    batch, bodies, directory, _ = stored
    body = next(b for b in bodies if any(f["code"] == "TA201" for f in b.findings))
    text = _docx_text(directory / NOTICES_DIR / f"{Path(body.page).stem}.docx")
    item = text[text.index("[TA201]"):].split("\n[", 1)[0]  # up to the next problem
    assert re.search(r"\n位置：[^\n]*表三", item) and re.search(r"\n勾稽关系：[^\n]*≠", item)
    assert "\n整改要求：" in item and "\n依据：" in item


def test_round_report_counts_ranks_and_names_bodies_to_correct(stored):
    batch, bodies, directory, _ = stored
    summary = RoundSummary(bodies)
    text = _docx_text(directory / NOTICES_DIR / f"{ROUND_NAME}.docx")
    assert f"本轮共审核年度报告 {len(summary.bodies)} 份" in text and len(summary.bodies) == len(bodies) - 1
    assert f"错误 {summary.counts['error']} 项、警告 {summary.counts['warning']} 项" in text
    table = Document(str(directory / NOTICES_DIR / f"{ROUND_NAME}.docx")).tables[0]
    scores = [row.cells[3].text for row in table.rows[1:]]
    assert len(scores) == len(summary.bodies) and [int(s) for s in scores] == sorted((b.score for b in summary.bodies), reverse=True)
    for body in summary.to_correct:
        assert f"{body.name}{body.year}：错误 {body.counts['error']} 项" in text
    assert "五、与上一年度对比" in text and "青川县人民政府：2023 年" in text
    for problem in summary.common_problems(10):
        assert f"[{problem.code}]" in text


def test_notice_pages_escape_and_link(stored):
    batch, bodies, directory, _ = stored
    body = next(b for b in bodies if b.findings)
    page = lxml_html.fromstring((directory / NOTICES_DIR / f"{Path(body.page).stem}.html").read_text(encoding="utf-8"))
    codes = [d.get("data-code") for d in page.xpath('//div[contains(@class, "problem")]')]
    assert sorted(codes) == sorted(f["code"] for f in body.findings)
    assert page.xpath(f'//a[@href="../reports/{body.page}"]')
    summary_page = lxml_html.fromstring((directory / NOTICES_DIR / f"{ROUND_NAME}.html").read_text(encoding="utf-8"))
    assert len(summary_page.xpath('//table[@id="ranking"]/tbody/tr')) == len(RoundSummary(bodies).bodies)


def test_notice_command_and_audit_notices(stored, tmp_path):
    batch, bodies, directory, _ = stored
    again = tmp_path / "again"
    again.mkdir()
    for name in ("findings.json", "reports.json"):
        (again / name).write_bytes((directory / name).read_bytes())
    done = subprocess.run([sys.executable, "-m", "auditor", "notice", str(again)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (again / NOTICES_DIR).iterdir()) == sorted(p.name for p in (directory / NOTICES_DIR).iterdir())
    out = tmp_path / "out"
    report = next(SAMPLE.glob("d01_*.txt"))
    done = subprocess.run([sys.executable, "-m", "auditor", "audit", str(report), "--format", "json", "--out", str(out),
                           "--notices", "--quiet"], capture_output=True, text=True)
    assert done.returncode == 1, done.stderr  # d01 has errors
    assert (out / "audit.json").exists() and (out / NOTICES_DIR / f"{ROUND_NAME}.docx").exists()
    assert len(list((out / NOTICES_DIR).glob("*.docx"))) == 2
    assert load_batch(out).reports
