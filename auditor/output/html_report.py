"""One annotated HTML page per report: the text with every finding marked and explained,
the tables as grids, element coverage and score, and the passages shared with other reports.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from auditor.output.annotate import runs, span_of
from auditor.output.batch_view import SEVERITIES, SEVERITY_LABELS, BodySummary
from auditor.output.elements import expand_breakdown, expand_element
from auditor.output.html_env import write_page
from auditor.output.relations import relation
from auditor.output.table_grids import grids
from auditor.parse.extent import NOTE as PARTIAL_NOTE
from auditor.store import StoredBatch
from auditor.template.formats import cell_name

KIND_LABELS = {"township": "乡镇", "street": "街道", "county": "县（区）", "city": "市", "province": "省",
               "department": "部门", "other": "其他"}
ELEMENT_STATUS = {"present": "已覆盖", "missing": "缺失", "thin": "内容单薄", "not_applicable": "不适用",
                  "unseen": "未见（报告不完整）"}
ELEMENT_BY = {"keyword": "关键词", "classifier": "分类模型"}
_TABLE_NAMES = {"active": "表二", "requests": "表三", "review_litigation": "表四"}


@dataclass(frozen=True)
class FindingView:
    index: int
    code: str
    severity: str
    name: str
    message: str
    problem: str
    why: str
    example: str
    basis: str
    relation: str | None
    located: bool
    where: str


@dataclass(frozen=True)
class Passage:
    index: int
    code: str
    mine: str
    theirs: str
    chars: int


@dataclass(frozen=True)
class SharedWith:
    name: str
    page: str | None
    similarity: float | None
    passages: list[Passage]


@cache
def _rules() -> dict:
    from auditor.registry import load_rules

    return load_rules()


def write_report_pages(batch: StoredBatch, bodies: list[BodySummary], directory: Path) -> None:
    texts = {report["source"]: report for report in batch.reports}
    pages = {body.source: body.page for body in bodies}
    reuse_ran = "reuse" in batch.audit
    for body, report in zip(bodies, batch.reports):
        try:
            write_page(directory / "reports" / body.page, "report.html", **page_context(body, report, texts, pages, reuse_ran))
        except Exception as error:  # one page's failure never costs the others or the index
            write_page(directory / "reports" / body.page, "report_failed.html", body=body, error=type(error).__name__)


def page_context(body: BodySummary, report: dict[str, Any], texts: dict[str, dict], pages: dict[str, str],
                 reuse_ran: bool) -> dict[str, Any]:
    text = report.get("text") or ""
    findings = [finding_view(i, f, len(text), report.get("template") or "") for i, f in enumerate(body.findings)]
    error = {"code": report.get("error_code"), "message": report["error"]} if report.get("error") else None
    return {
        "body": body, "title": report.get("title") or f"{body.name} 政府信息公开工作年度报告",
        "kind": KIND_LABELS.get(body.agency_kind, "其他"), "error": error,
        "severities": SEVERITIES, "severity_labels": SEVERITY_LABELS,
        "runs": runs(text, body.findings), "findings": findings, "grids": grids(report, body.findings),
        "breakdown": expand_breakdown(body.breakdown), "elements": [expand_element(e, text) for e in body.elements], "element_status": ELEMENT_STATUS, "element_by": ELEMENT_BY,
        "shared": shared_passages(body, text, texts, pages), "reuse_ran": reuse_ran or any(f.code.startswith("RE") for f in findings),
        "partial": next((n["message"] for n in report.get("notes") or () if n.get("kind") == PARTIAL_NOTE), None),
    }


def finding_view(index: int, finding: dict[str, Any], length: int, template: str = "") -> FindingView:
    """How a page or a notice shows a finding (`template`: the report's format version, which
    names table 二's cells)."""
    rule = _rules().get(finding["code"])
    doc = rule.doc if rule else {}
    return FindingView(index, finding["code"], finding["severity"], rule.name if rule else "", finding.get("message", ""),
                       doc.get("问题", ""), doc.get("为何重要", ""), doc.get("示例", ""), doc.get("依据", ""),
                       relation(finding), span_of(finding, length) is not None,
                       _where(finding.get("location") or {}, template))


def _where(location: dict[str, Any], template: str = "") -> str:
    parts = []
    if location.get("section"):
        parts.append(f"第{location['section']}部分")
    if location.get("table"):
        cell = cell_name(location["table"], location.get("row"), location.get("column"), template)
        parts.append(f"{_TABLE_NAMES.get(location['table'], location['table'])}{cell}")
    if location.get("page"):
        parts.append(f"第{location['page']}页")
    return "，".join(parts)


def shared_passages(body: BodySummary, text: str, texts: dict[str, dict], pages: dict[str, str]) -> list[SharedWith]:
    """RE findings grouped by the other report: a link, the similarity, each passage side by side."""
    grouped: dict[str, list[tuple[int, dict]]] = {}
    for index, finding in enumerate(body.findings):
        other = (finding.get("evidence") or {}).get("other_source")
        if finding["code"].startswith("RE") and other:
            grouped.setdefault(other, []).append((index, finding))
    result = []
    for source, items in grouped.items():
        other = texts.get(source) or {}
        other_text = other.get("text") or ""
        evidence = [f.get("evidence") or {} for _, f in items]
        similarity = max((e["similarity"] for e in evidence if isinstance(e.get("similarity"), (int, float))), default=None)
        name = other.get("agency") or next((e["other_agency"] for e in evidence if e.get("other_agency")), source)
        passages = [_passage(i, f, text, other_text) for i, f in items if span_of(f, len(text)) is not None]
        result.append(SharedWith(name, pages.get(source), similarity, passages))
    return result


def _passage(index: int, finding: dict[str, Any], text: str, other_text: str) -> Passage:
    start, end = span_of(finding, len(text))
    evidence = finding.get("evidence") or {}
    a, b = evidence.get("other_start"), evidence.get("other_end")
    theirs = other_text[a:b] if isinstance(a, int) and isinstance(b, int) else ""
    return Passage(index, finding["code"], text[start:end], theirs or "（对方原文不在本批次中）", evidence.get("chars") or end - start)
