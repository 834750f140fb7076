"""The four-format catalogue (tests/fixtures/formats): every report parses to its manifest in
every format and layout, and the fixture is current.

Each report of the catalogue is written four times (txt, html, docx, pdf), so the readers are
held to the same tables, body, kind and year whatever the format. The manifest is written by the
generator from the values it rendered, never from a parse, so a reader that loses or invents a
number fails here. (The demo round in corpora/sample is tested in tests/test_sample_round.py.)
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.output.parse_json import report_to_json
from auditor.parse import parse_document, read_report
from auditor.ingest.html import read_html
from auditor.ingest.txt import read_txt
from synth.__main__ import write_formats
from synth.build import LAYOUTS
from synth.catalogue import random_specs, sample_specs
from synth.labels import request_rows, result_rows
from synth.render_html import render_html
from synth.render_text import render_text

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "formats"
MANIFEST = json.loads((SAMPLE / "manifest.json").read_text(encoding="utf-8"))
ENTRIES = {entry["id"]: entry for entry in MANIFEST["reports"]}


def _reading(path: Path) -> dict:
    return report_to_json(read_report(path))


def _assert_matches(reading: dict, entry: dict) -> None:
    for key in ("agency", "agency_kind", "year", "template"):
        assert reading[key] == entry[key], key
    assert reading["tables"] == entry["tables"]
    printed = [s["number"] for s in reading["sections"]]
    expected = {"一", "二", "三", "四", "五", "六"} - ({"四"} if entry["tables"]["review_litigation"] is None else set())
    assert set(printed) >= expected


@pytest.mark.parametrize("report_id", sorted(ENTRIES))
@pytest.mark.parametrize("form", ["txt", "html", "docx", "pdf"])
def test_sample_parses_to_its_manifest(report_id, form):
    entry = ENTRIES[report_id]
    _assert_matches(_reading(SAMPLE / entry["files"][form]), entry)


def test_batch_covers_what_the_issue_asks():
    entries = MANIFEST["reports"]
    assert len(entries) >= 20
    assert {e["agency_kind"] for e in entries} == {"township", "street", "county", "city", "province", "department"}
    assert {e["year"] for e in entries} == set(range(2019, 2026))
    assert {e["template"] for e in entries} == {"2019", "2021"}
    assert {e["layout"] for e in entries} == set(LAYOUTS)
    assert {e["encoding"] for e in entries} >= {"utf-8", "utf-8-sig", "gb18030", "utf-16"}
    assert sum(1 for e in entries if not e["defects"]) >= 8
    planted = {d["code"] for e in entries for d in e["defects"]}
    assert planted >= {"TA201", "TA202", "TA203", "TA204", "TA205", "TA206", "TA207", "ST101", "ST103", "ST104",
                       "ST105", "ST106", "NA307", "NA308", "NA309", "NA310", "CO401", "CO402", "CO403", "CO404",
                       "CO405", "TX501", "TX502", "TX503", "RE601", "HI701"}
    assert any(any(v for row in e["tables"]["requests"]["rows"].values() for v in row if isinstance(v, int))
               for e in entries)


def test_committed_batch_is_what_the_generator_writes(tmp_path):
    write_formats(tmp_path)
    for path in sorted(SAMPLE.iterdir()):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), \
            f"{path.name}: run PYTHONPATH=tools python -m synth --formats tests/fixtures/formats"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in SAMPLE.iterdir())


def _tables_of(text: str | None = None, html: str | None = None) -> dict:
    if text is not None:
        document = read_txt("layout.txt", text.encode("utf-8"))
    else:
        document = read_html("layout.html", html.encode("utf-8"))
    return report_to_json(parse_document(document))["tables"]


@pytest.mark.parametrize("spec", sample_specs()[:12], ids=lambda s: s.id)
def test_every_layout_gives_the_same_tables(spec):
    readings = {layout: _tables_of(text=render_text(spec, layout)) for layout in LAYOUTS}
    readings["html"] = _tables_of(html=render_html(spec))
    for layout, tables in readings.items():
        assert tables == spec.tables, layout


@pytest.mark.parametrize("spec", random_specs(24, seed=7), ids=lambda s: s.id)
def test_random_reports_parse_exactly(spec):
    assert _tables_of(text=render_text(spec)) == spec.tables
    assert _tables_of(html=render_html(spec)) == spec.tables


@pytest.mark.parametrize("spec", [s for s in sample_specs() + random_specs(40, seed=3) if not s.defects],
                         ids=lambda s: s.id)
def test_clean_reports_satisfy_every_table_relation(spec):
    """The generator's own truth: checked here independently of the auditor's checks."""
    rows = spec.tables["requests"]["rows"]
    for values in rows.values():
        assert values[6] == sum(values[:6]) and min(values) >= 0
    for column in range(7):
        assert rows["1"][column] + rows["2"][column] == rows["3.7"][column] + rows["4"][column]
        assert rows["3.7"][column] == sum(rows[k][column] for k in result_rows(spec.template))
    assert list(rows) == list(request_rows(spec.template))
    for group in spec.tables["review_litigation"].values():
        assert group[4] == sum(group[:4])


def test_consecutive_years_carry_over():
    specs = {s.id: s for s in sample_specs()}
    chained = [s for s in specs.values() if s.meta["previous_id"]]
    assert chained
    for spec in chained:
        previous = specs[spec.meta["previous_id"]]
        forward = previous.tables["requests"]["rows"]["4"]
        carried = spec.tables["requests"]["rows"]["2"]
        assert (carried != forward) == ("HI701" in spec.defect_codes)
