"""Sections, body, kind and year from text a crawler flattened to one line, and from headings
that run on inside a line.

The five seeds and every sample report are flattened by collapsing all whitespace (to one space,
and to nothing): the flattened text must give the same six sections — the same heading at the
same place of the text, the same notes on misnumbered, repeated or misordered headings — and the
body, kind and year the truth (tests/real_truth/seeds, the synth manifest) says. Tables of
flattened text are another reader's business and are not asserted here.
"""
from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from auditor.ingest import Document
from auditor.parse import parse_document, read_report
from auditor.parse.sections import build_sections, find_headings
from conftest import SEEDS
from test_real_truth import same_body

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "sample"
SEED_TRUTH = sorted((Path(__file__).resolve().parent / "real_truth" / "seeds").glob("*.toml"))
SIX = list("一二三四五六")
SEPARATORS = {"space": " ", "glued": ""}


def _sample_entries() -> list[dict]:
    """Every sample report the manifest lists whose txt file exists (the sample may be rebuilt)."""
    manifest = SAMPLE / "manifest.json"
    if not manifest.exists():
        return []
    entries = json.loads(manifest.read_text(encoding="utf-8"))["reports"]
    return [e for e in entries if "txt" in e.get("files", {}) and (SAMPLE / e["files"]["txt"]).exists()]


SAMPLE_ENTRIES = _sample_entries()


def flattened(path: Path, separator: str):
    """The report read from its text with all whitespace collapsed to `separator`, as a crawler gives it."""
    text = read_report(path).text
    data = separator.join(text.split()).encode("utf-8")
    return read_report(path.name, data)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _outline(report) -> list[tuple[str, str, str]]:
    """Per section: its number, its printed heading and the start of its body, spaces left out."""
    return [(s.number, _squeezed(report.text[s.start:s.heading_end]), _squeezed(report.text[s.heading_end:s.end])[:20])
            for s in report.sections]


def _section_notes(report) -> list[str]:
    return sorted(n.kind for n in report.notes if n.kind.startswith("section-"))


@pytest.mark.parametrize("separator", SEPARATORS.values(), ids=SEPARATORS.keys())
@pytest.mark.parametrize("truth_file", SEED_TRUTH, ids=[p.stem for p in SEED_TRUTH])
def test_flattened_seed(truth_file, separator):
    """A seed flattened to one line gives its six sections where the lines gave them, its body,
    kind and year."""
    truth = tomllib.loads(truth_file.read_text(encoding="utf-8"))
    path = SEEDS / f"{truth['id']}.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared material lives beside the project)")
    report = flattened(path, separator)
    assert report.error is None, report.error
    assert "\n" not in report.text.strip()
    assert [s.number for s in report.sections] == SIX
    assert [s.number for s in report.sections] == truth["sections"]
    assert _outline(report) == _outline(read_report(path))
    assert _section_notes(report) == _section_notes(read_report(path))
    assert same_body(truth["body"], report.agency), report.agency
    assert report.agency_kind == truth["kind"]
    assert report.year == truth["year"]


@pytest.mark.skipif(not SAMPLE_ENTRIES, reason="corpora/sample has no reports (rebuild it with tools/synth)")
@pytest.mark.parametrize("separator", SEPARATORS.values(), ids=SEPARATORS.keys())
def test_flattened_sample_reports(separator):
    """Every sample report flattened to one line: six sections (five where one is planted missing),
    as the unflattened text gives them, and the manifest's body, kind and year."""
    wrong = []
    for entry in SAMPLE_ENTRIES:
        path = SAMPLE / entry["files"]["txt"]
        report, lines = flattened(path, separator), read_report(path)
        missing = sum(1 for d in entry["defects"] if d["code"] == "ST101")
        numbers = [s.number for s in report.sections]
        got = (sorted(numbers, key=SIX.index) == [n for n in SIX if n in numbers], len(numbers), _outline(report),
               _section_notes(report), report.agency, report.agency_kind, report.year)
        want = (True, 6 - missing, _outline(lines), _section_notes(lines), entry["agency"], entry["agency_kind"],
                entry["year"])
        if len(set(numbers)) != len(numbers) or got != want:
            wrong.append(f"{entry['id']}: read {got[1:2] + got[4:]} sections {numbers}, want {want[1:2] + want[4:]}")
    assert not wrong, "\n".join(wrong)


# --- headings inside running text -------------------------------------------------------------------
def _parse(text: str):
    return parse_document(Document("t.txt", "txt", text, ()))


_PARAGRAPH = "我镇认真落实条例各项要求，稳步推进政务公开工作，群众满意度持续提升。"
_BODIES = {"一": _PARAGRAPH, "二": "第二十条第（一）项规章0 0 0", "三": "本年新收政府信息公开申请数量0",
           "四": "行政复议结果维持0", "五": "存在问题是公开内容不够丰富。", "六": "本年度没有产生信息处理费。"}
_TITLES = {"一": "总体情况", "二": "主动公开政府信息情况", "三": "收到和处理政府信息公开申请情况",
           "四": "政府信息公开行政复议、行政诉讼情况", "五": "存在的主要问题及改进情况", "六": "其他需要报告的事项"}


def _report_text(headings: dict[str, str], joiner: str = "") -> str:
    title = "某某县某某镇人民政府2023年政府信息公开工作年度报告"
    preamble = "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。"
    return joiner.join([title, preamble] + [f"{printed}{_BODIES[n]}" for n, printed in headings.items()])


def test_headings_run_on_in_one_line():
    report = _parse(_report_text({n: f"{n}、{t}" for n, t in _TITLES.items()}))
    assert [s.number for s in report.sections] == SIX
    one = report.section("一")
    assert report.text[one.start:one.heading_end] == "一、总体情况"
    assert report.section_text("一") == _PARAGRAPH
    assert report.agency == "某某县某某镇人民政府" and report.year == 2023


def test_a_numeral_inside_a_sentence_is_no_heading():
    """「一、」 inside a sentence, and a title merely mentioned, open no section."""
    sentence = "全年开展培训二、三次，对照二、主动公开等要求逐项整改。"
    text = _report_text({"一": "一、总体情况", "二": "二、主动公开政府信息情况"}).replace(_PARAGRAPH, sentence)
    report = _parse(text)
    assert [s.number for s in report.sections] == ["一", "二"]
    assert report.section("二").start == text.index("二、主动公开政府信息情况")


def test_the_list_of_parts_is_no_heading():
    parts = "全文包括一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况等部分。"
    text = _report_text({n: f"{n}、{t}" for n, t in _TITLES.items()}).replace("本报告所列", parts + "本报告所列")
    report = _parse(text)
    assert [s.number for s in report.sections] == SIX
    assert report.section("一").start == text.index("一、总体情况", text.index("等部分"))
    assert not [n for n in report.notes if n.kind.startswith("section-")]


def test_half_width_parenthesised_section_numbers():
    """Sections numbered (一)…(六) when the report numbers none 「一、」; normalisation makes them full-width."""
    report = _parse(_report_text({n: f"({n}){t}" for n, t in _TITLES.items()}, "\n"))
    assert [s.number for s in report.sections] == SIX


def test_parenthesised_subsection_is_not_section_two():
    """「（一）主动公开政府信息情况」 under 一 is a subsection, even when heading 二 is missing."""
    text = _report_text({"一": "一、总体情况", "三": "三、收到和处理政府信息公开申请情况"}, "\n")
    text = text.replace(_PARAGRAPH, _PARAGRAPH + "\n（一）主动公开政府信息情况\n全年主动公开信息25条。")
    report = _parse(text)
    assert [s.number for s in report.sections] == ["一", "三"]


def test_misnumbered_misordered_and_repeated_inline_headings():
    headings = {n: f"{n}、{t}" for n, t in _TITLES.items()}
    headings["四"] = "三、政府信息公开行政复议、行政诉讼情况"
    text = _report_text(headings)
    five = "五、存在的主要问题及改进情况" + _BODIES["五"]
    report = _parse(text.replace(five, five * 2))
    assert [s.number for s in report.sections] == SIX
    kinds = _section_notes(report)
    assert kinds == ["section-duplicate", "section-misnumbered"]
    swapped = _report_text({n: headings[n] for n in ("一", "二", "三", "四", "六", "五")})
    assert "section-order" in _section_notes(_parse(swapped))


def test_heading_with_year_and_qualifier_and_cut_heading():
    """「一、2023年政务公开总体情况」 is heading 一; a page cut inside heading 二 still shows 二."""
    text = _report_text({"一": "一、2023年政务公开总体情况"}, "\n") + "\n二、主动公开政府"
    report = _parse(text)
    assert [s.number for s in report.sections] == ["一", "二"]


def test_inline_headings_found_only_when_lines_do_not_give_six():
    lines = [(0, 6, "一、总体情况"), (7, 17, "二、主动公开政府信息情况")]
    headings = find_headings(lines)
    assert [h[0] for h in headings] == ["一", "二"]
    sections, notes = build_sections(headings, 40)
    assert [s.end for s in sections] == [7, 40] and not notes
