"""Runs the case files tests/cases/<CODE>.toml: failing and passing examples for every rule.

A case file names a code and a base report (tests/cases/base/). Each [[fail]] / [[pass]]
case builds one report and runs ONLY that rule through the engine:

    replace = [[old, new], ...]      exact replacements applied to the base text (every
                                     occurrence of old; old must occur, so no case is a no-op)
    cut_after = "..."                then the text ends right after the first occurrence of
                                     this string (an excerpt, a truncated file)
    keep_from = "..."                then the text begins at the first occurrence of this
                                     string (a page that begins inside the report)
    base = "other.txt"               optional, overrides the file's base for this case
    text = "..." | bytes_hex = "..." a whole file instead of base + replace (IN001/IN002);
    suffix = ".html"                 its file name suffix (default .txt);
    encoding = "gb18030"             how `text` is encoded (default utf-8)
    previous_replace = [...]         corpus rules: the same body's previous report, built from
                                     the same base; the rule runs on [previous, current]
    other_base = "other.txt"         with previous_replace: build that report from this base
                                     instead (another body, for cross-body corpus rules)
    temp_rule = "raise" | ...        IN004 only: register a temporary rule ZZ901 (see below)
    count = N                        fail: exactly N findings of the code (default: at least 1)
    evidence = {key = value}         fail: some finding's evidence holds these items
    xfail = "reason"                 a known rule bug: the case is expected to fail (strict)
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from auditor import registry
from auditor.config import Config
from auditor.engine import audit
from auditor.finding import Hit, Severity
from auditor.parse import read_report
from auditor.registry import Rule

CASES = Path(__file__).parent / "cases"
BASES = CASES / "base"
TEMP_CODE = "ZZ901"


def case_files() -> dict[str, dict]:
    """code -> parsed case file."""
    return {path.stem: tomllib.loads(path.read_text(encoding="utf-8")) for path in sorted(CASES.glob("*.toml"))}


def _params():
    for code, data in case_files().items():
        for kind in ("fail", "pass"):
            for index, case in enumerate(data.get(kind, [])):
                marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
                yield pytest.param(data, kind, case, id=f"{code}-{kind}-{index}", marks=marks)


def apply(text: str, replacements: list) -> str:
    for old, new in replacements:
        assert old in text, f"replacement target not in the base text: {old!r}"
        text = text.replace(old, new)
    return text


def cut(text: str, case: dict) -> str:
    """The text cut as the case says (cut_after, keep_from); each marker must occur."""
    if "cut_after" in case:
        assert case["cut_after"] in text, f"cut_after not in the text: {case['cut_after']!r}"
        text = text[: text.index(case["cut_after"]) + len(case["cut_after"])]
    if "keep_from" in case:
        assert case["keep_from"] in text, f"keep_from not in the text: {case['keep_from']!r}"
        text = text[text.index(case["keep_from"]):]
    return text


def write_report(tmp_path: Path, name: str, data: dict, case: dict, replacements: list):
    """The case's file on disk, read back through the normal reader."""
    if "bytes_hex" in case or "text" in case:
        raw = bytes.fromhex(case["bytes_hex"]) if "bytes_hex" in case else case["text"].encode(case.get("encoding", "utf-8"))
    else:
        base = (BASES / case.get("base", data["base"])).read_text(encoding="utf-8")
        raw = cut(apply(base, replacements), case).encode("utf-8")
    path = tmp_path / f"{name}{case.get('suffix', '.txt')}"
    path.write_bytes(raw)
    return read_report(path)


def _temp_rule(kind: str) -> Rule:
    """A stand-in rule for IN004 cases: one that crashes, or one that behaves."""
    def per_report(report):
        if kind == "raise":
            return 1 // 0
        yield Hit("临时规则的正常结果")

    def corpus(reports):
        raise ZeroDivisionError("corpus")

    func = corpus if kind == "raise-corpus" else per_report
    return Rule(TEMP_CODE, "temporary-rule", Severity.info, func, corpus=kind == "raise-corpus")


@pytest.mark.parametrize("data, kind, case", list(_params()))
def test_rule_case(data, kind, case, tmp_path, monkeypatch):
    code = data["code"]
    select = (code,)
    if "temp_rule" in case:
        monkeypatch.setitem(registry.RULES, TEMP_CODE, _temp_rule(case["temp_rule"]))
        select = (code, TEMP_CODE)
    reports = [write_report(tmp_path, "current", data, case, case.get("replace", []))]
    if "previous_replace" in case:
        other = {**case, "base": case["other_base"]} if "other_base" in case else case
        reports.insert(0, write_report(tmp_path, "previous", data, other, case["previous_replace"]))
    findings = [f for result in audit(reports, Config(select=select)) for f in result.findings]
    if code != "IN004":  # a crashing rule must not pass for a silent one
        assert not [f for f in findings if f.code == "IN004"], findings
    found = [f for f in findings if f.code == code]
    if kind == "pass":
        assert not found, [f.message for f in found]
        return
    assert found, f"{code} did not fire for: {case['name']}"
    if "count" in case:
        assert len(found) == case["count"], [f.message for f in found]
    if "evidence" in case:
        expected = case["evidence"]
        assert any(all((f.evidence or {}).get(k) == v for k, v in expected.items()) for f in found), \
            [f.evidence for f in found]


@pytest.mark.parametrize("base", sorted(p.name for p in BASES.glob("*.txt")))
def test_base_report_is_clean(base):
    """Every base report audits without a single finding of any code."""
    report = read_report(BASES / base)
    assert report.error is None and len(report.sections) == 6
    assert all(t is not None and t.ok for t in report.tables.values())
    findings = [f for result in audit([report]) for f in result.findings]
    assert not findings, [(f.code, f.message) for f in findings]
