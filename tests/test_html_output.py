"""The HTML output: annotated report pages, the batch index, charts; safe, self-contained, reproducible."""
from __future__ import annotations

import json
import re
import shutil
import time
import warnings
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import etree, html
from typer.testing import CliRunner

from auditor.cli import app
from auditor.finding import Severity
from auditor.output.filenames import safe_stem, unique_names
from auditor.output.render import render
from auditor.store import load_batch, save_batch
from batch_fixtures import HOSTILE_AGENCY, SAMPLE, plain_batch, rich_batch

runner = CliRunner()


def _rendered(directory: Path, results, extra=None) -> Path:
    save_batch(results, directory, extra)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render(directory)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert not missing, missing  # every chart label drew in the CJK font
    return directory


@pytest.fixture(scope="module")
def rich(tmp_path_factory):
    results, extra = rich_batch()
    return results, _rendered(tmp_path_factory.mktemp("rich"), results, extra)


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    results = plain_batch()
    return results, _rendered(tmp_path_factory.mktemp("plain"), results)


def _page(directory: Path, source: str) -> Path:
    batch = load_batch(directory)
    from auditor.output.batch_view import summarise

    page = next(b.page for b in summarise(batch) if b.source == source)
    return directory / "reports" / page


def _tree(path: Path):
    return html.fromstring(path.read_bytes())


def _files(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_rendering_again_from_the_stored_files_gives_identical_bytes(rich, tmp_path):
    _, directory = rich
    copy = tmp_path / "copy"
    shutil.copytree(directory, copy)
    before = _files(copy)
    time.sleep(1.1)  # a timestamp anywhere in the output would now differ
    render(copy)
    after = _files(copy)
    assert before.keys() == after.keys()
    assert [name for name in before if before[name] != after[name]] == []
    assert {"index.html", "audit.xlsx", "findings.json", "reports.json"} <= set(before)


def test_cli_audit_html_then_render_rebuilds_the_same_output(tmp_path):
    files = [str(SAMPLE / "d01_baisha_2023.txt"), str(SAMPLE / "s01_liuhe_2023.txt")]
    out = tmp_path / "out"
    first = runner.invoke(app, ["audit", *files, "--format", "html", "--out", str(out)])
    assert first.exit_code == 1, first.output  # d01 has an error finding
    as_json = runner.invoke(app, ["audit", *files, "--format", "json"])
    assert json.loads((out / "findings.json").read_text(encoding="utf-8")) == json.loads(as_json.stdout)
    before = _files(out)
    again = runner.invoke(app, ["render", str(out)])
    assert again.exit_code == 0, again.output
    assert _files(out) == before
    assert (out / "index.html").exists() and (out / "audit.xlsx").exists() and len(list((out / "reports").iterdir())) == 2


def test_html_and_xlsx_formats_need_an_output_folder():
    for format in ("html", "xlsx"):
        result = runner.invoke(app, ["audit", str(SAMPLE / "s01_liuhe_2023.txt"), "--format", format])
        assert result.exit_code == 2 and "--out" in result.output


def test_every_located_finding_is_marked_in_the_text_and_every_finding_has_a_note(rich):
    results, directory = rich
    for result in results:
        tree = _tree(_page(directory, result.report.source))
        notes = tree.xpath("//div[contains(@class, 'note')][@data-code]")
        assert sorted(n.get("id") for n in notes) == sorted(f"note-{i}" for i in range(len(result.findings)))
        for index, finding in enumerate(result.findings):
            marks = tree.xpath(f"//mark[contains(concat(' ', @data-findings, ' '), ' f{index} ')]")
            if finding.location.start is not None:
                assert marks, (result.report.source, finding.code)
                covered = "".join(m.text_content() for m in marks)
                assert covered == result.report.text[finding.location.start:finding.location.end]
                assert all(Severity(m.get("class")).rank >= finding.severity.rank for m in marks)
            else:
                assert not marks


def test_table_findings_mark_their_cell_and_show_the_relation_with_its_numbers(rich):
    results, directory = rich
    seen = set()
    for result in results:
        tree = _tree(_page(directory, result.report.source))
        for index, finding in enumerate(result.findings):
            if not finding.code.startswith("TA") or finding.location.row is None:
                continue
            cells = tree.xpath(f"//table[@data-table='{finding.location.table}']"
                               f"//*[contains(concat(' ', @data-findings, ' '), ' f{index} ')]")
            assert cells, (result.report.source, finding.code)
            if finding.code in ("TA201", "TA202", "TA203", "TA204"):
                relation = tree.xpath(f"//div[@id='note-{index}']//span[@class='relation']")[0].text_content()
                left, right = relation.split(" ≠ ")
                assert sum(int(n) for n in left.split(" + ")) == finding.evidence["left"]
                assert sum(int(n) for n in right.split(" + ")) == finding.evidence["right"]
                seen.add(finding.code)
    assert seen == {"TA201", "TA202", "TA203", "TA204"}


def test_balance_relation_reads_the_four_printed_cells(rich):
    results, directory = rich
    result = results[0]
    rows = result.report.tables["requests"].json_values()["rows"]
    tree = _tree(_page(directory, result.report.source))
    for index, finding in enumerate(result.findings):
        if finding.code == "TA201":
            column = ("natural", "commercial", "research", "social", "legal", "other", "total").index(finding.location.column)
            n = [rows[k][column] or 0 for k in ("1", "2", "3.7", "4")]
            relation = tree.xpath(f"//div[@id='note-{index}']//span[@class='relation']")[0].text_content()
            assert relation == f"{n[0]} + {n[1]} ≠ {n[2]} + {n[3]}"


def test_rule_explanation_and_legal_basis_are_in_the_note(rich):
    from auditor.registry import load_rules

    results, directory = rich
    tree = _tree(_page(directory, results[0].report.source))
    note = tree.xpath("//div[@data-code='TA201']")[0].text_content()
    doc = load_rules()["TA201"].doc
    assert doc["依据"] in note and doc["为何重要"] in note


def test_score_elements_and_shared_passages_are_shown(rich):
    results, directory = rich
    a, b = results[7], results[8]
    tree = _tree(_page(directory, a.report.source))
    assert tree.get_element_by_id("score").text_content() == str(a.score)
    assert "依申请公开" in tree.get_element_by_id("elements").text_content()
    link = tree.xpath("//a[@class='other-report']")[0]
    assert (_page(directory, a.report.source).parent / link.get("href")).resolve() == _page(directory, b.report.source).resolve()
    finding = next(f for f in a.findings if f.code == "RE601")
    pair = tree.xpath("//div[@class='pair']")[0]
    mine, theirs = (div.text_content() for div in pair.xpath("./div"))
    assert a.report.text[finding.location.start:finding.location.end] in mine
    assert b.report.text[finding.evidence["other_start"]:finding.evidence["other_end"]] in theirs


def test_absent_score_elements_and_reuse_say_not_computed(plain):
    results, directory = plain
    tree = _tree(_page(directory, results[0].report.source))
    assert tree.get_element_by_id("score").text_content() == "未计算"
    assert "未计算" in tree.get_element_by_id("elements").text_content()
    assert "未计算" in tree.get_element_by_id("shared").text_content()
    index = _tree(directory / "index.html")
    for chart in ("score_distribution", "element_coverage", "similarity"):
        assert "未计算" in index.get_element_by_id(f"chart-{chart}").text_content()
        assert not (directory / "charts" / f"{chart}.png").exists()


def test_index_lists_every_body_and_draws_every_chart(rich):
    results, directory = rich
    tree = _tree(directory / "index.html")
    rows = tree.xpath("//table[@id='body-table']/tbody/tr")
    assert len(rows) == len(results)
    for row, result in zip(rows, results):
        assert int(row.get("data-errors")) == result.errors
    for chart in ("findings_by_code", "findings_by_family", "score_distribution", "element_coverage", "similarity"):
        for suffix in ("png", "svg"):
            assert (directory / "charts" / f"{chart}.{suffix}").stat().st_size > 1000
        assert tree.xpath(f"//img[@src='charts/{chart}.png']")


def test_report_text_stays_inert(rich):
    results, directory = rich
    hostile = next(r for r in results if r.report.source == "hostile.txt")
    page = _page(directory, hostile.report.source)
    raw = page.read_text(encoding="utf-8")
    tree = _tree(page)
    assert not tree.xpath("//script") and not tree.xpath("//*[@onerror]") and not tree.xpath("//img")
    assert not tree.xpath("//b[contains(., '恶意')]") and not tree.xpath("//i[contains(., '斜体')]")  # markup in agency and message too
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in raw
    assert "<script>alert('xss')</script>" in tree.xpath("//div[@class='text']")[0].text_content()
    index = _tree(directory / "index.html")
    assert len(index.xpath("//script")) == 1 and HOSTILE_AGENCY in index.text_content()


def test_page_names_are_safe_and_unique(rich):
    results, directory = rich
    pages = sorted((directory / "reports").iterdir())
    assert len(pages) == len(results)  # the twin of d02 (same body and year) has a page of its own
    assert all(p.resolve().parent == (directory / "reports").resolve() for p in pages)
    assert all(re.fullmatch(r"[\w\-]+\.html", p.name) for p in pages)


@pytest.mark.parametrize("name", ["../../etc/passwd", "..", "/abs/path", "a\\b", "con", "NUL", "", "．．／", "a\x00b"])
def test_safe_stem_never_leaves_the_folder(name):
    stem = safe_stem(name)
    assert stem and "/" not in stem and "\\" not in stem and "." not in stem and "\x00" not in stem
    assert stem.lower() not in ("con", "nul")


def test_unique_names_never_collide():
    names = unique_names(["青川县白沙乡-2023", "青川县白沙乡-2023", "青川县白沙乡/2023", "ABC", "abc", "abc-2", "x" * 200])
    assert len({n.casefold() for n in names}) == len(names)
    assert names[0] == "青川县白沙乡-2023.html" and len(names[-1]) <= 70


_LINK_ATTRIBUTES = ("href", "src", "action", "srcset", "poster", "data", "formaction")


def _links(path: Path):
    """Every link or resource target of a page or SVG, and the code of its scripts and styles."""
    if path.suffix == ".svg":
        tree = etree.parse(str(path))
        return [v for e in tree.iter() for k, v in e.attrib.items() if k.endswith("href")], []
    tree = _tree(path)
    values = [v for e in tree.iter() if isinstance(e.tag, str) for k, v in e.attrib.items() if k in _LINK_ATTRIBUTES]
    code = [e.text_content() for e in tree.xpath("//script | //style")] + tree.xpath("//@style")
    return values, code


def test_output_is_self_contained_and_works_from_a_zip(rich, tmp_path):
    _, directory = rich
    archive = tmp_path / "out.zip"
    with zipfile.ZipFile(archive, "w") as target:
        for path in directory.rglob("*"):
            target.write(path, path.relative_to(directory))
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(archive).extractall(unpacked)
    checked = 0
    for path in [*unpacked.rglob("*.html"), *unpacked.rglob("*.svg")]:
        values, code = _links(path)
        for value in values:
            if value.startswith("data:image/"):
                continue  # an image embedded in the file itself (SVG heatmaps)
            assert "//" not in value and not value.startswith(("http:", "https:", "data:", "javascript:")), (path, value)
            target = unquote(urlsplit(value).path)
            if target:
                assert (path.parent / target).resolve().is_file(), (path, value)
                checked += 1
        assert not any(re.search(r"https?:|url\(|@import", c) for c in code)
    assert checked > 20
    raw_index = (unpacked / "index.html").read_text(encoding="utf-8")
    assert "http" not in raw_index.replace("http-equiv", "")
