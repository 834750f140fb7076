"""Tables in the layouts crawlers and converters leave (issue #12 item 6), against the truth.

Every sample report (the catalogue and the demo round) is rendered by tools/synth in each of its
CRAWLED_LAYOUTS — `glued` (whitespace collapsed, cells glued: 「规章000行政规范性文件12310」),
`spaced`, `markdown` and `vertical` — and read; the generator's tables (what the manifest
records) are the truth. Where every cell is printed apart (spaced, markdown, vertical) the
arithmetic has nothing to choose and every table is read exactly. Where digits are glued a table
is read exactly only where the template's relations leave one reading; every other table is
unparsed or partial with the reason (IN003), and no cell read is ever another than the true one.
The five seeds, flattened to one line, are held to their truth files the same way.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.checks.input import table_unparsed
from auditor.ingest.txt import read_txt
from auditor.output.parse_json import report_to_json
from auditor.parse import parse_document, read_report
from conftest import SEEDS
from synth.build import build_spec
from synth.bodies import BODIES
from synth.catalogue import sample_specs
from synth.render_text import CRAWLED_LAYOUTS, render_text
from synth.round import round_reports
from test_real_truth import cell_outcomes

SPECS = sample_specs() + [r.spec for r in round_reports()]
SEED_TRUTH = sorted((Path(__file__).resolve().parent / "real_truth" / "seeds").glob("*.toml"))


def _read(spec, layout: str):
    return parse_document(read_txt(f"{spec.id}.txt", render_text(spec, layout).encode("utf-8")))


def _truth_rows(spec, name: str) -> dict | None:
    table = spec.tables.get(name)
    return table["rows"] if table is not None and name == "requests" else table


def wrong_cells(report, spec) -> list:
    """Every row read whose values are not the generator's (a table read for one it did not print included)."""
    wrong = []
    for name, table in report.tables.items():
        values = table.json_values() if table is not None else None
        if values is None:
            continue
        truth = _truth_rows(spec, name)
        rows = values["rows"] if name == "requests" else values
        wrong += [(name, key, got, None if truth is None else truth.get(key)) for key, got in rows.items()
                  if truth is None or truth.get(key) != got]
    return wrong


def _exact(report, spec, name: str) -> bool:
    table = report.tables.get(name)
    truth = _truth_rows(spec, name)
    if table is None or truth is None:
        return table is None and truth is None
    values = table.json_values()
    return table.ok and (values["rows"] if name == "requests" else values) == truth


@pytest.mark.parametrize("layout", CRAWLED_LAYOUTS)
def test_sample_reports_in_crawled_layouts_never_give_a_wrong_cell(layout):
    exact = 0
    for spec in SPECS:
        report = _read(spec, layout)
        assert not wrong_cells(report, spec), (spec.id, wrong_cells(report, spec)[:3])
        not_read = {hit.location.table for hit in table_unparsed(report)}
        for name in spec.tables:
            if _exact(report, spec, name):
                exact += 1
                assert name not in not_read
            elif spec.tables[name] is not None:
                assert name in not_read and report.tables[name].reason, (spec.id, name)  # IN003 says why
    if layout != "glued":  # every cell printed apart: nothing for the arithmetic to choose
        assert exact == sum(len(spec.tables) for spec in SPECS)
    else:
        assert exact > 0  # rows of zeros and cuts the totals confirm are read


def test_a_glued_table_whose_cuts_the_arithmetic_fixes_is_read_exactly():
    """A report whose counts are all 0 or 1 in tables 三 and 四: glued, every cut but one leaves a
    leading zero or breaks a total, so the tables are read exactly and say they were recovered."""
    spec = next(s for s in sample_specs() if s.tables["review_litigation"] is not None)  # a fresh copy
    spec.tables["requests"]["rows"] = {key: [0] * 7 for key in spec.tables["requests"]["rows"]}
    spec.tables["review_litigation"] = {group: [0] * 5 for group in spec.tables["review_litigation"]}
    report = _read(spec, "glued")
    assert _exact(report, spec, "requests") and _exact(report, spec, "review_litigation")
    assert report.tables["requests"].recovered


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**31), layout=st.sampled_from(CRAWLED_LAYOUTS), body=st.sampled_from(sorted(BODIES)),
       year=st.integers(2019, 2025), zero_requests=st.booleans())
def test_a_read_cell_is_always_the_true_cell(seed, layout, body, year, zero_requests):
    """Any generated report (any body, year and draw of counts) in any crawled layout: every cell
    read is the generator's."""
    spec = build_spec("h", body, year, seed=seed, zero_requests=zero_requests)
    assert not wrong_cells(_read(spec, layout), spec)


def test_a_wrong_cell_is_found():
    spec = sample_specs()[0]
    report = _read(spec, "spaced")
    assert not wrong_cells(report, spec)
    spec.tables["requests"]["rows"]["1"][0] += 1  # the truth changed after the reading
    assert wrong_cells(report, spec) == [("requests", "1", report.tables["requests"].json_values()["rows"]["1"],
                                          spec.tables["requests"]["rows"]["1"])]


@pytest.mark.parametrize("path", SEED_TRUTH, ids=lambda p: p.stem)
@pytest.mark.parametrize("separator", ["", " "], ids=["glued", "spaced"])
def test_seeds_flattened_to_one_line_read_no_wrong_cell(path, separator):
    """The seed with all whitespace collapsed: no cell read differs from the truth file, and the
    tables it reads whole on the page are read whole in the spaced flattening too."""
    seed = SEEDS / f"{path.stem}.txt"
    if not seed.exists():
        pytest.skip(f"{seed} absent (shared material)")
    truth = tomllib.loads(path.read_text(encoding="utf-8"))
    text = read_report(seed).text
    report = read_report(seed.name, separator.join(text.split()).encode("utf-8"))
    outcomes = cell_outcomes(truth, report_to_json(report))
    assert outcomes["wrong"] == 0 and outcomes["invented"] == 0, outcomes
    assert outcomes["read"] > 0
