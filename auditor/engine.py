"""Runs the selected rules over a batch: per-report rules, then corpus rules.

A rule that raises becomes an IN004 finding for that report; the batch never crashes.
"""
from __future__ import annotations

import gc
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable

from auditor.config import Config
from auditor.finding import Finding, Hit, Severity
from auditor.model import Report
from auditor.registry import PREPARERS, Rule, load_rules

_INPUT_ONLY = ("IN",)
_CHUNK = 64


@dataclass
class ReportResult:
    """What the audit says of one report.

    `elements` is the coverage of the required content elements (one dict per element:
    element, label, code, status present|thin|missing, by keyword|classifier,
    evidence, probability, start, end); `breakdown` is the compliance score's parts. Both are
    filled by the narrative scoring and stay empty when it does not run.
    """

    report: Report
    findings: list[Finding] = field(default_factory=list)
    score: int | None = None
    elements: list[dict] = field(default_factory=list)
    breakdown: dict | None = None

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.error)


def audit(reports: Iterable[Report], config: Config = Config(),
          progress: Callable[[Report], None] | None = None, freeze: bool = False) -> list[ReportResult]:
    """Audit a batch. `freeze` (for a one-batch process such as the CLI): once the first chunk has
    loaded the models, `gc.freeze()` moves them out of the collector's reach, so the full
    collections a large batch triggers no longer traverse them."""
    rules = [r for r in load_rules().values() if config.enabled(r.code)]
    elements = any(r.family == "NA" for r in rules)
    preparers = [func for family, func in PREPARERS.items() if any(r.family == family for r in rules)]
    results = []
    for chunk in _chunks(reports):
        _prepare(preparers, [r for r in chunk if not r.error])
        if freeze and not results:
            gc.freeze()
        for report in chunk:
            result = ReportResult(report)
            for rule in rules:
                if rule.corpus or (report.error and not rule.code.startswith(_INPUT_ONLY)):
                    continue
                _run(rule, config, result, lambda rule=rule: rule.func(report))
            result.findings = [_paged(report, f) for f in result.findings]
            results.append(result)
            if progress:
                progress(report)
    by_report = {id(r.report): r for r in results}
    batch = [r.report for r in results]
    for rule in (r for r in rules if r.corpus):
        try:
            for report, hit in rule.func(batch):
                by_report[id(report)].findings.append(_stamp(rule, config, hit))
        except Exception as error:  # a crashing corpus rule must not lose the batch
            for result in results:
                result.findings.append(_crash(rule, config, error))
    for result in results:
        result.findings.sort(key=_order)
        _score(result, elements)
    return results


def _chunks(reports: Iterable[Report]):
    """The reports in chunks, so that preparers (e.g. the classifier) see many at once."""
    chunk: list[Report] = []
    for report in reports:
        chunk.append(report)
        if len(chunk) == _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _prepare(preparers, chunk: list[Report]) -> None:
    for func in preparers:
        try:
            func(chunk)
        except Exception:  # the rules then do the work report by report; a fault shows as IN004 there
            pass


def _score(result: ReportResult, elements: bool) -> None:
    """Element coverage (when NA rules run) and the compliance score, once every finding is in."""
    from auditor.scoring import score_report

    if elements and not result.report.error:
        from auditor.nlp.coverage import element_coverage

        result.elements = [c.to_json() for c in element_coverage(result.report).values()]
    result.score, result.breakdown = score_report(result.report, result.findings,
                                                  result.elements if elements else None)


def _run(rule: Rule, config: Config, result: ReportResult, call) -> None:
    try:
        result.findings.extend(_stamp(rule, config, hit) for hit in call())
    except Exception as error:  # a rule bug becomes a finding, never a crashed batch
        result.findings.append(_crash(rule, config, error))


def _paged(report: Report, finding: Finding) -> Finding:
    """Findings located in a paged document (PDF) carry the page number."""
    if finding.location.start is None or finding.location.page is not None or not report.pages:
        return finding
    return replace(finding, location=replace(finding.location, page=report.page_at(finding.location.start)))


def _stamp(rule: Rule, config: Config, hit: Hit) -> Finding:
    return Finding(rule.code, config.severity_of(rule.code, rule.severity), hit.message, hit.location, hit.evidence)


def _crash(rule: Rule, config: Config, error: Exception) -> Finding:
    return Finding("IN004", config.severity_of("IN004", Severity.warning),
                   f"检查 {rule.code} 处理本报告时出错（{type(error).__name__}: {error}），该项结果缺失，请人工核对",
                   evidence={"rule": rule.code, "error": type(error).__name__})


def _order(finding: Finding):
    return (-finding.severity.rank, finding.location.start if finding.location.start is not None else -1, finding.code)
