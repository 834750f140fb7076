"""The compliance score: its formula on hand-made inputs, and its place in the audit output."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from auditor.cli import app
from auditor.finding import Finding, Severity
from auditor.parse import read_report
from auditor.nlp.keywords import element_rules
from auditor.registry import load_rules
from auditor.scoring import COSTS, ELEMENT_WEIGHTS, NOT_DEDUCTED, PARTS, score_report

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "formats"
ALL_PRESENT = [{"element": e, "status": "present"} for e in ELEMENT_WEIGHTS]


def _finding(code: str) -> Finding:
    return Finding(code, Severity.error, "…")


def _report():
    return read_report(SAMPLE / "s01_liuhe_2023.txt")


def test_a_clean_report_scores_100():
    score, breakdown = score_report(_report(), [], ALL_PRESENT)
    assert score == 100 and [p["earned"] for p in breakdown["parts"]] == [w for _, _, w in PARTS]


def test_findings_cost_points_in_their_part_and_never_below_zero():
    score, breakdown = score_report(_report(), [_finding("TA201"), _finding("TA202"), _finding("CO404")], ALL_PRESENT)
    assert score == 85
    parts = {p["part"]: p for p in breakdown["parts"]}
    assert parts["tables"]["earned"] == 20 and parts["tables"]["detail"] == {"TA201": 5.0, "TA202": 5.0}
    score, breakdown = score_report(_report(), [_finding("IN003")] * 5, ALL_PRESENT)
    assert score == 70 and breakdown["parts"][0]["earned"] == 0


def test_text_findings_are_capped():
    score, _ = score_report(_report(), [_finding("TX501")] * 20, ALL_PRESENT)
    assert score == 97


def test_elements_weighted_and_thin_counts_half():
    elements = [dict(e) for e in ALL_PRESENT]
    next(e for e in elements if e["element"] == "active")["status"] = "missing"  # weight 5 of 35
    next(e for e in elements if e["element"] == "platform")["status"] = "thin"  # 2 of its 4
    score, breakdown = score_report(_report(), [], elements)
    assert breakdown["parts"][2]["earned"] == 28.0 and score == 93


def test_elements_that_do_not_apply_are_left_out():
    departments = [e for e in ALL_PRESENT if e["element"] != "accountability"]
    assert score_report(_report(), [], departments)[0] == 100


def test_unreadable_report_scores_zero(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert score_report(read_report(path), [], [])[0] == 0


def test_audit_json_carries_score_breakdown_and_elements():
    files = [str(SAMPLE / "s01_liuhe_2023.txt"), str(SAMPLE / "d14_qcoffice_2024.txt")]
    result = CliRunner().invoke(app, ["audit", *files, "--format", "json"])
    reports = json.loads(result.stdout)["reports"]
    clean, planted = reports
    assert clean["score"] == clean["score_breakdown"]["total"] == 100
    assert planted["score"] < clean["score"]  # d14 lacks the 条例, the contact and the period
    statuses = {e["element"]: e["status"] for e in planted["elements"]}
    assert statuses["legal_basis"] == statuses["contact"] == statuses["period"] == "missing"
    assert all(e["status"] == "present" and e["by"] for e in clean["elements"])


def test_without_na_rules_the_other_parts_scale_to_100():
    score, breakdown = score_report(_report(), [_finding("TA201")], None)
    assert [p["part"] for p in breakdown["parts"]] == ["tables", "structure", "consistency"]
    assert score == 92 and "note" in breakdown  # 60 of 65 points


def test_every_registered_code_has_a_scoring_entry():
    """A code without an entry would silently cost 0: each is deducted in one part, counted by
    its element's weight (the element rules), or listed in NOT_DEDUCTED with the reason."""
    deducted = [code for costs in COSTS.values() for code in costs]
    by_element = {rule.code: rule.element for rule in element_rules()}
    listed = deducted + list(by_element) + list(NOT_DEDUCTED)
    assert len(listed) == len(set(listed)), "a code is scored in two places"
    rules = load_rules()
    assert not set(rules) - set(listed), f"codes without a scoring entry: {sorted(set(rules) - set(listed))}"
    assert not set(listed) - set(rules), f"scoring entries of unregistered codes: {sorted(set(listed) - set(rules))}"
    assert set(by_element.values()) <= set(ELEMENT_WEIGHTS), "an element rule whose element has no weight"
    assert all(reason for reason in NOT_DEDUCTED.values())


def test_codes_that_are_not_deducted_cost_nothing():
    score, breakdown = score_report(_report(), [_finding(code) for code in NOT_DEDUCTED if code not in ("IN001", "IN002")],
                                    ALL_PRESENT)
    assert score == 100 and all(not p["detail"] for p in breakdown["parts"] if p["part"] != "elements")


def test_a_shortfall_the_baseline_accepted_costs_nothing():
    elements = [dict(e, code=rule.code, reason="") for rule in element_rules() for e in ALL_PRESENT
                if e["element"] == rule.element]
    by = {e["element"]: e for e in elements}
    by["active"].update(status="missing", reason="范围缺失")  # its scope, section 一, is absent
    by["contact"]["status"] = "missing"
    by["platform"]["status"] = "thin"
    assert score_report(_report(), [], elements)[0] < 100
    accepted = [Finding("ST101", Severity.error, "…", evidence={"section": "一"}), _finding(by["contact"]["code"]),
                Finding("NA313", Severity.info, "…", evidence={"element": "platform"})]
    score, breakdown = score_report(_report(), [], elements, accepted)
    assert score == 100
    assert {k for k, v in breakdown["parts"][2]["detail"].items() if v == "accepted"} == {"active", "contact", "platform"}
    assert score_report(_report(), [], elements, accepted[:1])[0] < 100  # the others still cost
