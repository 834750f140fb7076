"""Meta-tests on the rule catalogue: documentation, severities, case files, permanent codes, CLI."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.registry import load_rules

from test_rule_cases import CASES, case_files

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"  # as in conftest.py
RULES = load_rules()
CODES = sorted(RULES)
DOC_SECTIONS = ("问题", "为何重要", "示例", "依据")
# Codes of findings.md that are planned but not implemented yet.
PENDING: set[str] = set()
# Registered codes that findings.md does not list, with their severity.
# IN004 (a check crashed) is the engine's own finding, not in the catalogue of findings.md.
# ST107, TX504–TX506 and CO406 are wording checks added after findings.md was written (issue 13).
# IN006 (a partial report: the text shows only part of it) was added for real pages (issue 12).
UNLISTED = {"IN004": ("check-crashed", "warning"), "IN006": ("partial-report", "warning"), "TX504": ("unbalanced-marks", "info"),
            "TX505": ("placeholder-left", "warning"), "TX506": ("date-digits-lost", "warning"),
            "ST107": ("parts-list-deviation", "info"), "CO406": ("narrative-sum-mismatch", "warning")}
_CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def catalogue() -> dict[str, tuple[str, str]]:
    """code -> (name, default severity) from the table of findings.md."""
    path = SHARED / "spec" / "findings.md"
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared material lives beside the project)")
    rows = re.findall(r"^\|\s*([A-Z]{2}\d{3})\s*\|\s*([a-z0-9-]+)\s*\|\s*(error|warning|info)\s*\|",
                      path.read_text(encoding="utf-8"), re.M)
    assert len(rows) > 40, "findings.md table not recognised"
    return {code: (name, severity) for code, name, severity in rows}


def known_codes() -> list[str]:
    lines = (CASES / "KNOWN_CODES.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("code", CODES)
def test_rule_is_documented_in_chinese(code):
    doc = RULES[code].doc
    for section in DOC_SECTIONS:
        assert _CHINESE.search(doc.get(section, "")), f"{code}: section 「{section}」 missing or not in Chinese"


@pytest.mark.parametrize("code", CODES)
def test_name_and_severity_match_findings_md(code, catalogue):
    rule = RULES[code]
    expected = catalogue.get(code) or UNLISTED.get(code)
    assert expected is not None, f"{code} is registered but not listed in findings.md"
    assert (rule.name, rule.severity.value) == expected


@pytest.mark.parametrize("code", CODES)
def test_rule_has_case_file(code):
    data = case_files().get(code)
    assert data is not None, f"tests/cases/{code}.toml is missing"
    assert data["code"] == code
    for kind in ("fail", "pass"):
        assert [c for c in data.get(kind, []) if "xfail" not in c], f"{code}: no working [[{kind}]] case"


def test_case_files_name_registered_codes():
    assert not set(case_files()) - set(RULES), "case file for a code that is not registered"


def test_findings_md_codes_are_registered(catalogue):
    missing = set(catalogue) - PENDING - set(RULES)
    assert not missing, f"codes in findings.md without a rule: {sorted(missing)}"


def test_codes_are_never_removed():
    known = known_codes()
    assert len(known) == len(set(known)), "duplicate line in KNOWN_CODES.txt"
    assert not set(known) - set(RULES), f"codes no longer registered (codes are never removed): {sorted(set(known) - set(RULES))}"
    assert not set(RULES) - set(known), f"add new codes to tests/cases/KNOWN_CODES.txt: {sorted(set(RULES) - set(known))}"


@pytest.mark.parametrize("code", CODES)
def test_explain_prints_code_and_basis(code):
    result = CliRunner().invoke(app, ["explain", code])
    assert result.exit_code == 0, result.output
    assert code in result.output and RULES[code].name in result.output
    basis = RULES[code].doc["依据"].splitlines()[0]
    assert f"依据：{basis}" in result.output


def test_explain_accepts_lower_case():
    result = CliRunner().invoke(app, ["explain", "ta201"])
    assert result.exit_code == 0 and "TA201" in result.output


def test_explain_unknown_code_exits_2():
    result = CliRunner().invoke(app, ["explain", "XX999"])
    assert result.exit_code == 2
    assert "XX999" in result.output
