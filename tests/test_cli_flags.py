"""Rule choice on the command line, as linters take it: --select, --extend-select, --ignore,
--severity, --statistics, --exit-zero, --quiet."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.config import Config, ConfigError, with_command_line
from auditor.finding import Severity
from auditor.registry import load_rules

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "sample"  # the demo round, as README audits it
FORMATS = ROOT / "tests" / "fixtures" / "formats"
CODES = set(load_rules())


def _audit(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditor", "audit", *args], capture_output=True, text=True, cwd=ROOT)


def test_select_replaces_and_extend_select_adds():
    config = Config(select=("ST",))
    assert with_command_line(config, CODES, ["TA"], [], [], []).select == ("TA",)
    assert with_command_line(config, CODES, [], ["TA201,NA"], [], []).select == ("ST", "TA201", "NA")
    assert with_command_line(Config(), CODES, [], ["TA"], [], []).select == ()  # all stays all


def test_ignore_adds_and_severity_regrades_by_code_or_prefix():
    config = with_command_line(Config(ignore=("TX",)), CODES, [], [], ["RE", "HI701"], ["TA206=warning", "ST=info"])
    assert not config.enabled("TX501") and not config.enabled("RE601") and not config.enabled("HI701")
    assert config.enabled("HI702")
    assert config.severity_of("TA206", Severity.info) is Severity.warning
    assert config.severity_of("ST101", Severity.error) is Severity.info


@pytest.mark.parametrize("args", [(["ZZ9"], [], [], []), ([], [], ["QQ"], []), ([], [], [], ["TA201=fatal"]),
                                  ([], [], [], ["XX=info"])])
def test_unknown_codes_and_levels_are_refused(args):
    with pytest.raises(ConfigError):
        with_command_line(Config(), CODES, *args)


def test_select_ta_statistics_counts_only_ta_codes():
    run = _audit(str(SAMPLE), "--select", "TA", "--statistics")
    assert run.returncode == 1
    lines = [line.split() for line in run.stdout.strip().splitlines()]
    counted = [line for line in lines if len(line) >= 3 and line[0].isdigit()]
    assert counted and all(line[1].startswith("TA") for line in counted)
    assert sum(int(line[0]) for line in counted) == int(lines[-1][1])


def test_statistics_agree_with_the_json(tmp_path):
    files = [str(p) for p in sorted(FORMATS.glob("s0*.txt"))]
    run = _audit(*files, "--statistics", "--format", "json", "--out", str(tmp_path))
    audit = json.loads((tmp_path / "audit.json").read_text(encoding="utf-8"))
    findings = [f["code"] for r in audit["reports"] for f in r["findings"]]
    counted = {line.split()[1]: int(line.split()[0]) for line in run.stdout.splitlines() if line.split()[0].isdigit()}
    assert counted == {code: findings.count(code) for code in set(findings)}


def test_exit_zero_with_errors_present_and_quiet_stderr(tmp_path):
    files = [str(p) for p in sorted(FORMATS.glob("*.txt"))]
    loud = _audit(*files, "--select", "TA,IN")
    quiet = _audit(*files, "--select", "TA,IN", "--exit-zero", "--quiet", "--format", "json", "--out", str(tmp_path))
    assert loud.returncode == 1 and "[错误]" in loud.stdout
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_unknown_code_on_the_command_line_is_exit_2():
    run = _audit(str(FORMATS / "s01_liuhe_2023.txt"), "--select", "ZZ")
    assert run.returncode == 2 and "ZZ" in run.stderr
