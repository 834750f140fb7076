"""The demo round (corpora/sample): one county's reports of two years, one file each, audited as
README's first command does it.

The expectations come from the generator's manifest (what tools/synth planted), never from an
audit: every planted defect is found, no report gets a warning or error that was not planted,
and the comparison with last year names the problems fixed and repeated that were planted so.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from auditor.finding import Severity
from auditor.output.batch_view import summarise
from auditor.output.notices import NOTICES_DIR, ROUND_NAME
from auditor.output.parse_json import report_to_json
from auditor.output.round_summary import RoundSummary
from auditor.parse import read_report
from auditor.registry import load_rules
from auditor.store import load_batch
from synth.__main__ import write_round
from synth.round import PREVIOUS_DIR, YEAR

ROUND = Path(__file__).resolve().parent.parent / "corpora" / "sample"
MANIFEST = json.loads((ROUND / "manifest.json").read_text(encoding="utf-8"))
ENTRIES = MANIFEST["reports"]
RULES = load_rules()
SERIOUS = (Severity.warning, Severity.error)


def _path(entry: dict) -> Path:
    (name,) = entry["files"].values()
    return ROUND / name


def _planted(entry: dict) -> set[str]:
    return {d["code"] for d in entry["defects"]}


def _serious(codes) -> set[str]:
    return {c for c in codes if RULES[c].severity in SERIOUS}


def test_committed_round_is_what_the_generator_writes(tmp_path):
    write_round(tmp_path)
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(ROUND) for p in ROUND.rglob("*") if p.is_file())
    assert written == committed, "run PYTHONPATH=tools python -m synth corpora/sample"
    for name in written:
        assert (tmp_path / name).read_bytes() == (ROUND / name).read_bytes(), f"{name}: run PYTHONPATH=tools python -m synth corpora/sample"


def test_the_round_is_one_county_as_it_arrives():
    now = [e for e in ENTRIES if e["year"] == YEAR]
    then = {e["agency"]: e for e in ENTRIES if e["year"] == YEAR - 1}
    assert len(now) >= 28 and len({e["agency"] for e in now}) == len(now)  # one report per body
    assert {e["agency"] for e in now} == set(then) and len(ENTRIES) == 2 * len(now)
    assert all(e["agency"].startswith("青川县") for e in ENTRIES)
    kinds = Counter(e["agency_kind"] for e in now)
    assert set(kinds) == {"township", "street", "county", "department"} and kinds["county"] == 1
    names = [e["agency"] for e in now]
    assert any(n.endswith("乡") or "乡人民政府" in n for n in names) and any("镇" in n for n in names)
    assert any(n.endswith(("局",)) for n in names) and any(n.endswith("委员会") for n in names)
    assert any(n.endswith("办公室") for n in names)
    forms = Counter(next(iter(e["files"])) for e in now)
    assert forms["docx"] > len(now) / 2 and forms["pdf"] >= 3 and forms["html"] >= 1 and forms["txt"] >= 1
    assert all(len(e["files"]) == 1 for e in ENTRIES)
    assert all(Path(next(iter(e["files"].values()))).parts[0] == PREVIOUS_DIR for e in then.values())
    assert all(len(Path(next(iter(e["files"].values()))).parts) == 1 for e in now)
    assert {e["template"] for e in ENTRIES} >= {"2021"}
    for entry in now:  # this year follows last year's report
        assert entry["previous_id"] == then[entry["agency"]]["id"]


def test_a_realistic_mix_of_defects_repeated_and_fixed():
    now = [e for e in ENTRIES if e["year"] == YEAR]
    then = {e["agency"]: e for e in ENTRIES if e["year"] == YEAR - 1}
    counts = [len(_planted(e)) for e in now]
    assert 3 <= counts.count(0) <= len(now) // 4  # a few clean
    assert sum(1 for c in counts if c >= 5) >= 3  # some with many
    assert sum(1 for c in counts if 1 <= c <= 4) > len(now) / 2  # most with a few
    repeated = sum(len(_planted(e) & _planted(then[e["agency"]])) for e in now)
    fixed = sum(len(_planted(then[e["agency"]]) - _planted(e)) for e in now)
    new = sum(len(_planted(e) - _planted(then[e["agency"]])) for e in now)
    assert repeated >= 10 and fixed >= 10 and new >= 10
    assert {"HI701", "RE603", "RE601"} <= {c for e in now for c in _planted(e)}
    families = {c[:2] for e in ENTRIES for c in _planted(e)}
    assert families == {"TA", "ST", "NA", "CO", "TX", "RE", "HI"}


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["id"])
def test_every_report_parses_to_its_manifest(entry):
    reading = report_to_json(read_report(_path(entry)))
    for key in ("agency", "agency_kind", "year", "template"):
        assert reading[key] == entry[key], key
    assert reading["tables"] == entry["tables"]


# ---------------------------------------------------------------- README's first command


@pytest.fixture(scope="module")
def audited(sample_round_out):
    run, out = sample_round_out
    assert run.returncode == 1, run.stderr  # planted errors: exit 1, as a linter
    batch = load_batch(out)
    by_path = {Path(r["source"]).resolve(): r for r in batch.audit["reports"]}
    return {e["id"]: (e, by_path[_path(e).resolve()]) for e in ENTRIES}, batch, out


def test_every_planted_defect_is_found(audited):
    reports, _, _ = audited
    missed = [f"{i}: {d['code']} ({d['detail']})" for i, (entry, report) in reports.items()
              for d in entry["defects"] if d["code"] not in {f["code"] for f in report["findings"]}]
    assert not missed


def test_no_false_alarm(audited):
    """No warning or error that was not planted; the clean reports have none at all."""
    reports, _, _ = audited
    alarms = [f"{i}: {f['code']} {f['message']}" for i, (entry, report) in reports.items()
              for f in report["findings"] if f["severity"] in ("warning", "error") and f["code"] not in _planted(entry)]
    assert not alarms
    clean = [report for entry, report in reports.values() if not entry["defects"]]
    assert clean and all(report["score"] == 100 or not _serious(f["code"] for f in report["findings"])
                         for report in clean)


def test_carry_over_finding_names_last_years_report(audited):
    reports, _, _ = audited
    ids = {e["id"]: e for e in ENTRIES}
    planted = [(entry, report) for entry, report in reports.values() if "HI701" in _planted(entry)]
    assert planted
    for entry, report in planted:
        finding = next(f for f in report["findings"] if f["code"] == "HI701")
        other = Path(finding["evidence"]["other_source"]).resolve()
        assert other == _path(ids[entry["previous_id"]]).resolve()


def test_comparison_with_last_year_follows_what_was_planted(audited):
    """Per body: the warnings and errors fixed and repeated are those the manifest implies."""
    _, batch, _ = audited
    summary = RoundSummary(summarise(batch))
    pairs = {p.name: p for p in summary.year_pairs}
    now = {e["agency"]: e for e in ENTRIES if e["year"] == YEAR}
    then = {e["agency"]: e for e in ENTRIES if e["year"] == YEAR - 1}
    assert set(pairs) == set(now)
    for name, pair in pairs.items():
        assert (pair.then.year, pair.now.year) == (YEAR - 1, YEAR)
        assert _serious(pair.fixed) == _serious(_planted(then[name]) - _planted(now[name])), name
        assert _serious(pair.repeated) == _serious(_planted(then[name]) & _planted(now[name])), name
    totals = summary.year_totals
    assert totals["bodies"] == len(now) and totals["better"] and totals["worse"]


def test_readme_command_writes_the_round(audited):
    """Overview, charts, a page per report, the workbook, a notice per body and the 通报."""
    reports, batch, out = audited
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.index('id="summary"') < index.index('id="charts"') < index.index('id="comparison"') < index.index('id="bodies"')
    assert list((out / "charts").glob("*.png")) and (out / "audit.xlsx").exists()
    bodies = summarise(batch)
    assert len(list((out / "reports").glob("*.html"))) >= len(ENTRIES)
    for body in bodies:
        assert (out / "reports" / body.page).exists()
    notices = sorted(p.stem for p in (out / NOTICES_DIR).glob("*.docx") if p.stem != ROUND_NAME)
    assert (out / NOTICES_DIR / f"{ROUND_NAME}.docx").exists() and (out / NOTICES_DIR / f"{ROUND_NAME}.html").exists()
    with_findings = [e for e, r in reports.values() if e["year"] == YEAR and r["findings"]]
    assert len(notices) == len(with_findings)  # one notice per body of this year's round, none for last year's
    assert len({n.rsplit("-", 1)[0] for n in notices}) == len(notices)
