"""The compliance score: 0–100 per report, from its findings and its element coverage.

Four weighted parts; each starts at its weight and loses points per finding, never below 0:

| part | weight | what costs points |
|---|---|---|
| 统计表 tables | 30 | IN003 −10; TA201–TA205 −5; TA207 −2; TA206 −1 |
| 结构 structure | 15 | ST101, IN006 (a partial report) −5; ST105 −5; ST102, ST103, ST104 −2; ST106, ST107 −1 |
| 内容要素 elements | 35 | the required elements that apply, each with its own weight (below), rescaled to 35: present = full, thin (NA313) = half, missing = 0; an element a partial report's text does not reach ("unseen") is left out |
| 一致性与文字 consistency | 20 | CO404, HI701 −5; RE602 −8; CO401, CO402, CO403, CO405, CO406, RE601 −3; HI702, RE603 −1; TX505 −2, TX506 −1, TX501–TX504 −0.5 (TX at most −3 in all) |

Element weights: 主动公开 5, 依申请公开 5, 政府信息管理 4, 平台建设 4, 监督保障 4,
考核评议追究 2 (governments), 法律依据 2, 收费说明 3 (2021+), 联系方式 1, 统计期限 1, 问题 2,
改进措施 2. A report that cannot be read (IN001, IN002) scores 0. The score is the sum of the
parts, rounded half up. It is computed after the baseline, from the findings it left: an
accepted finding costs nothing, and neither does the element shortfall it reports. The
breakdown gives each part's weight, points and the findings that cost them, and each
element's status and evidence.
"""
from __future__ import annotations

from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

from auditor.finding import Finding
from auditor.model import Report

PARTS = (("tables", "统计表", 30), ("structure", "结构", 15), ("elements", "内容要素", 35),
         ("consistency", "一致性与文字", 20))
COSTS = {
    "tables": {"IN003": 10, "TA201": 5, "TA202": 5, "TA203": 5, "TA204": 5, "TA205": 5, "TA207": 2, "TA206": 1},
    "structure": {"IN006": 5, "ST101": 5, "ST105": 5, "ST102": 2, "ST103": 2, "ST104": 2, "ST106": 1, "ST107": 1},
    "consistency": {"CO404": 5, "HI701": 5, "RE602": 8, "CO401": 3, "CO402": 3, "CO403": 3, "CO405": 3, "CO406": 3, "RE601": 3,
                    "HI702": 1, "RE603": 1, "TX505": 2, "TX506": 1, "TX501": 0.5, "TX502": 0.5, "TX503": 0.5, "TX504": 0.5},
}
# Codes that cost nothing as findings, each with how it counts instead. Every registered code is
# in COSTS, here, or an element rule (NA301–NA312, its element's weight in ELEMENT_WEIGHTS);
# tests/test_scoring.py holds that, so a new code cannot silently cost 0.
NOT_DEDUCTED = {
    "IN001": "the report cannot be read: it scores 0 as a whole",
    "IN002": "the report cannot be read: it scores 0 as a whole",
    "IN004": "a check crashed: a fault of the auditor, not of the report; the finding says a result is missing",
    "NA313": "a thin element earns half its weight in the elements part",
}
TEXT_COST_CAP = 3
ELEMENT_WEIGHTS = {"active": 5, "requests": 5, "management": 4, "platform": 4, "supervision": 4, "accountability": 2,
                   "legal_basis": 2, "fee": 3, "contact": 1, "period": 1, "problems": 2, "measures": 2}
_STATUS_SHARE = {"present": 1.0, "thin": 0.5, "missing": 0.0, "accepted": 1.0}


def score_report(report: Report, findings: list[Finding], elements: list[dict] | None,
                 accepted: list[Finding] = ()) -> tuple[int, dict]:
    """(score, breakdown) of one report from the findings a baseline left; `elements` is its
    coverage (Coverage.to_json()), or None when the NA rules did not run: the other parts are
    then scaled to 100. `accepted` are the findings the baseline silenced: an element whose
    shortfall one of them reports counts in full (status "accepted" in the breakdown)."""
    if report.error:
        return 0, {"total": 0, "parts": [], "reason": "报告无法读取"}
    counts = Counter(f.code for f in findings)
    parts = []
    for part, label, weight in PARTS:
        if part == "elements":
            if elements is None:
                continue
            earned, detail = _elements(elements, weight, _accepted_shortfalls(elements, accepted))
        else:
            earned, detail = _deductions(part, counts, weight)
        parts.append({"part": part, "label": label, "weight": weight, "earned": _round(earned, 1), "detail": detail})
    earned = sum(Decimal(str(p["earned"])) for p in parts)
    total = int(_round(earned * 100 / sum(Decimal(p["weight"]) for p in parts), 0))
    breakdown = {"total": total, "parts": parts}
    if elements is None:
        breakdown["note"] = "未检查内容要素（NA 规则未启用），其余部分按满分 100 折算"
    return total, breakdown


def _deductions(part: str, counts: Counter, weight: int) -> tuple[Decimal, dict]:
    costs = COSTS[part]
    lost = {code: Decimal(str(costs[code])) * n for code, n in sorted(counts.items()) if code in costs}
    text = sum((v for c, v in lost.items() if c.startswith("TX")), Decimal(0))
    total = sum((v for c, v in lost.items() if not c.startswith("TX")), Decimal(0)) + min(text, Decimal(TEXT_COST_CAP))
    return max(Decimal(weight) - total, Decimal(0)), {code: float(v) for code, v in lost.items()}


def _elements(elements: list[dict], weight: int, forgiven: set[str]) -> tuple[Decimal, dict]:
    applicable = [e for e in elements if e["element"] in ELEMENT_WEIGHTS and e["status"] != "unseen"]
    possible = sum(ELEMENT_WEIGHTS[e["element"]] for e in applicable)
    if not possible:
        return Decimal(weight), {}
    status = {e["element"]: "accepted" if e["element"] in forgiven else e["status"] for e in applicable}
    got = sum(Decimal(str(ELEMENT_WEIGHTS[e["element"]] * _STATUS_SHARE[status[e["element"]]])) for e in applicable)
    return Decimal(weight) * got / Decimal(possible), status


def _accepted_shortfalls(elements: list[dict], accepted: list[Finding]) -> set[str]:
    """The elements whose shortfall an accepted finding reports: the element's own code
    (missing), NA313 naming it (thin), or ST101 of its absent scope (missing, the scope absent)."""
    if not accepted:
        return set()
    codes = {f.code for f in accepted}
    thin = {f.evidence.get("element") for f in accepted if f.code == "NA313"}
    sections = {f.evidence.get("section") for f in accepted if f.code == "ST101"}
    scopes = {}
    if sections:
        from auditor.nlp.keywords import element_rules

        scopes = {r.code: r.scope for r in element_rules()}
    forgiven = set()
    for e in elements:
        if e["status"] == "thin" and e["element"] in thin:
            forgiven.add(e["element"])
        elif e["status"] == "missing" and (e["code"] in codes
                                           or (e.get("reason") and scopes.get(e["code"]) in sections)):
            forgiven.add(e["element"])
    return forgiven


def _round(value: Decimal, places: int) -> float:
    return float(Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
