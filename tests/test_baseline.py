"""The baseline: fingerprints that survive moving the batch, accepted findings silenced, stale
entries reported, unusable files refused, and the score of what remains."""
from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.baseline import fingerprint, load_baseline, write_baseline
from auditor.cli import app
from auditor.config import Config, ConfigError
from auditor.engine import audit
from auditor.finding import Location
from auditor.parse import read_report

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "formats"
# table defects, missing elements, two bodies sharing a passage
STEMS = ("d01_baisha_2023", "d14_qcoffice_2024", "d22_shiqiao_2024", "d23_jiangnan_2024")
NO_NA = Config(ignore=("NA",))


def _audited(folder: Path = SAMPLE):
    return audit([read_report(folder / f"{stem}.txt") for stem in STEMS], NO_NA)


def test_fingerprint_names_the_file_not_its_folder_and_changes_with_the_finding():
    finding = next(f for r in _audited() for f in r.findings)
    here = fingerprint(str(SAMPLE / "a.txt"), finding)
    assert fingerprint("elsewhere/a.txt", finding) == here
    assert fingerprint("elsewhere/b.txt", finding) != here
    assert fingerprint("a.txt", replace(finding, code="ZZ999")) != here
    assert fingerprint("a.txt", replace(finding, location=Location(start=(finding.location.start or 0) + 1))) != here
    assert fingerprint("a.txt", replace(finding, evidence={**finding.evidence, "x": 1})) != here
    assert fingerprint("a.txt", replace(finding, message="另一说法")) == here  # wording may change


def test_written_baseline_silences_every_finding_even_after_the_batch_moved(tmp_path):
    results = _audited()
    total = sum(len(r.findings) for r in results)
    assert total and any(f.code.startswith("RE") for r in results for f in r.findings)
    path = tmp_path / "baseline.json"
    assert write_baseline(results, path) == total
    moved = tmp_path / "moved"
    moved.mkdir()
    for stem in STEMS:
        shutil.copy(SAMPLE / f"{stem}.txt", moved)
    again = _audited(moved)
    outcome = load_baseline(path).apply(again)
    assert outcome.suppressed == total and outcome.stale == []
    assert all(not r.findings for r in again)


def test_new_findings_stay_and_vanished_entries_are_stale(tmp_path):
    results = _audited()
    path = tmp_path / "baseline.json"
    write_baseline(results, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    dropped = data["findings"].pop(0)
    data["findings"].append({"fingerprint": "0" * 20, "source": "gone.txt", "code": "TA201", "message": "…"})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    again = _audited()
    outcome = load_baseline(path).apply(again)
    left = [(r.report.source, f) for r in again for f in r.findings]
    assert [fingerprint(source, f) for source, f in left] == [dropped["fingerprint"]]
    assert outcome.stale == [data["findings"][-1]]


@pytest.mark.parametrize("content", ["not json", "[]", '{"findings": [{"code": "TA201"}]}', '{"other": []}'])
def test_unusable_baseline_is_a_configuration_error(tmp_path, content):
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_baseline(path)
    with pytest.raises(ConfigError):
        load_baseline(tmp_path / "absent.json")


def test_cli_unusable_baseline_exits_2(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text("not json", encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(SAMPLE / f"{STEMS[0]}.txt"), "--baseline", str(path)])
    assert result.exit_code == 2 and "基线" in result.output


def test_cli_every_finding_baselined_gives_no_findings_and_score_100(tmp_path):
    files = [str(SAMPLE / f"{stem}.txt") for stem in STEMS]
    path = tmp_path / "baseline.json"
    first = CliRunner().invoke(app, ["audit", *files, "--format", "json", "--write-baseline", str(path)])
    assert first.exit_code == 1 and json.loads(path.read_text(encoding="utf-8"))["findings"]
    assert all(r["score"] < 100 for r in json.loads(first.stdout)["reports"])
    second = CliRunner().invoke(app, ["audit", *files, "--format", "json", "--baseline", str(path)])
    assert second.exit_code == 0, second.output
    data = json.loads(second.stdout)
    assert data["baseline"]["suppressed"] > 0 and data["baseline"]["stale"] == []
    assert [(r["score"], r["findings"]) for r in data["reports"]] == [(100, [])] * len(STEMS)


def test_fingerprint_names_the_other_report_of_a_cross_document_finding_by_file_name():
    finding = next(f for r in _audited() for f in r.findings if "other_source" in f.evidence)
    elsewhere = "elsewhere/" + Path(finding.evidence["other_source"]).name
    moved = replace(finding, evidence={**finding.evidence, "other_source": elsewhere})
    assert fingerprint("a.txt", moved) == fingerprint("a.txt", finding)
