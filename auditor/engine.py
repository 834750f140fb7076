"""One run over a batch: per-report rules → corpus rules → baseline → score.

The per-report stage (`audit_reports`, one `audit_report` per report) depends only on the
report, the rules and the configuration, so it can run anywhere (e.g. in worker processes);
the corpus rules then see the whole batch (`Batch`: its reports, the configuration, and the
analyses computed once over it); the baseline moves accepted findings aside; the score is
computed last, from what is left. A rule that raises becomes an IN004 finding for that report;
the batch never crashes.
"""
from __future__ import annotations

import gc
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

from auditor.batch import Batch
from auditor.baseline import Baseline, BaselineOutcome, load_baseline
from auditor.config import Config
from auditor.finding import Finding, Hit, Severity
from auditor.model import Report
from auditor.registry import PREPARERS, Rule, load_rules

_INPUT_ONLY = ("IN",)
CHUNK = 64  # reports per preparers' call (e.g. one classifier call); the executor's unit of work too


@dataclass
class ReportResult:
    """What the audit says of one report.

    `elements` is the coverage of the required content elements (one dict per element:
    element, label, code, status present|thin|missing, by keyword|classifier,
    evidence, probability, start, end), filled when the NA rules run; `accepted` are the
    findings a baseline silenced; `score` and `breakdown` (the compliance score's parts) are
    set by the score pass, after the baseline.
    """

    report: Report
    findings: list[Finding] = field(default_factory=list)
    score: int | None = None
    elements: list[dict] = field(default_factory=list)
    breakdown: dict | None = None
    accepted: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.error)


@dataclass
class Run:
    """One audit of a batch: the results in batch order, the batch (with the analyses computed
    over it, such as the reuse analysis), and what the baseline did (None without one)."""

    results: list[ReportResult]
    batch: Batch
    baseline: BaselineOutcome | None = None


def selected_rules(config: Config) -> list[Rule]:
    return [r for r in load_rules().values() if config.enabled(r.code)]


def run(reports: Iterable[Report], config: Config = Config(),
        progress: Callable[[Report], None] | None = None, freeze: bool = False) -> Run:
    """Audit a batch with `config` (rules, severities, reuse parameters, baseline file).

    A baseline file that cannot be read raises ConfigError before any report is audited.
    `freeze` (for a one-batch process such as the CLI): once the first chunk has loaded the
    models, `gc.freeze()` moves them out of the collector's reach, so the full collections a
    large batch triggers no longer traverse them."""
    baseline = load_baseline(Path(config.baseline)) if config.baseline else None
    rules = selected_rules(config)
    return conclude(audit_reports(reports, rules, config, progress, freeze), rules, config, baseline)


def conclude(results: list[ReportResult], rules: list[Rule], config: Config,
             baseline: Baseline | None) -> Run:
    """The run's stages after the per-report one: corpus rules, sorting, baseline, score."""
    batch = Batch([r.report for r in results], config)
    _corpus_rules(results, [r for r in rules if r.corpus], batch)
    for result in results:
        result.findings.sort(key=_order)
    outcome = baseline.apply(results) if baseline else None
    elements = _wants_elements(rules)
    for result in results:
        _score(result, elements)
    return Run(results, batch, outcome)


def audit(reports: Iterable[Report], config: Config = Config(),
          progress: Callable[[Report], None] | None = None, freeze: bool = False) -> list[ReportResult]:
    """The results of `run` alone."""
    return run(reports, config, progress, freeze).results


def audit_reports(reports: Iterable[Report], rules: list[Rule], config: Config,
                  progress: Callable[[Report], None] | None = None, freeze: bool = False) -> list[ReportResult]:
    """The per-report stage over a stream of reports, chunk by chunk: the families' preparers
    see a chunk at once (e.g. one classifier call), then each report is audited alone."""
    preparers = preparers_of(rules)
    results: list[ReportResult] = []
    for chunk in _chunks(reports):
        prepare(preparers, [r for r in chunk if not r.error])
        if freeze and not results:
            gc.freeze()
        for report in chunk:
            results.append(audit_report(report, rules, config))
            if progress:
                progress(report)
    return results


def audit_report(report: Report, rules: list[Rule], config: Config) -> ReportResult:
    """The per-report rules of `rules` on one report (only IN rules on an unreadable one), and
    its element coverage when NA rules are among them. Findings are not yet sorted or scored."""
    result = ReportResult(report)
    for rule in rules:
        if rule.corpus or (report.error and not rule.code.startswith(_INPUT_ONLY)):
            continue
        _run(rule, config, result, lambda rule=rule: rule.func(report))
    result.findings = [_paged(report, f) for f in result.findings]
    if _wants_elements(rules) and not report.error:
        from auditor.nlp.coverage import element_coverage

        result.elements = [c.to_json() for c in element_coverage(report).values()]
    return result


def _corpus_rules(results: list[ReportResult], rules: list[Rule], batch: Batch) -> None:
    by_report = {id(r.report): r for r in results}
    for rule in rules:
        try:
            for report, hit in rule.func(batch):
                by_report[id(report)].findings.append(_stamp(rule, batch.config, hit))
        except Exception as error:  # a crashing corpus rule must not lose the batch
            for result in results:
                result.findings.append(_crash(rule, batch.config, error))


def _wants_elements(rules: list[Rule]) -> bool:
    return any(r.family == "NA" for r in rules)


def _chunks(reports: Iterable[Report]):
    """The reports in chunks, so that preparers (e.g. the classifier) see many at once."""
    chunk: list[Report] = []
    for report in reports:
        chunk.append(report)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def preparers_of(rules: list[Rule]) -> list:
    """The batch-preparation hooks of the rules' families."""
    return [func for family, func in PREPARERS.items() if any(r.family == family for r in rules)]


def prepare(preparers, chunk: list[Report]) -> None:
    for func in preparers:
        try:
            func(chunk)
        except Exception:  # the rules then do the work report by report; a fault shows as IN004 there
            pass


def _score(result: ReportResult, elements: bool) -> None:
    """The compliance score of what the baseline left (elements: whether the NA rules ran)."""
    from auditor.scoring import score_report

    result.score, result.breakdown = score_report(result.report, result.findings,
                                                  result.elements if elements else None, result.accepted)


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
