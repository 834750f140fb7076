"""Which required content elements a report shows, by what evidence, and how thinly.

For each element rule that applies to the report (auditor/rules/elements/*.toml):
- present by keyword: a phrase or pattern of the rule matches a sentence of its scope;
- else present by classifier: a sentence of the rule's classifier scope is labelled with the
  element with a probability at or above the model card's threshold;
- a rule made of aspects (NA306) is present only when each aspect's result is stated
  (auditor/nlp/aspects.py);
- else missing (or, when the scope itself is absent, missing with that reason: the
  structure check ST101 reports the absent section, not each element of it);
- "unseen" instead of missing when the report is partial (IN006) and the text does not show the
  whole of the rule's scope: what the text does not reach may hold the element.
A present topic marked `thin` in its rule is "thin" (NA313) when no sentence that shows it
holds a fact: a number, a count in Chinese numerals, a zero statement or a concrete action.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from auditor.model import Report
from auditor.nlp.aspects import AspectEvidence, aspect_evidence
from auditor.nlp.classifier import load_model, probabilities
from auditor.nlp.keywords import ElementRule, element_rules, keyword_matches
from auditor.nlp.units import Unit, units_in
from auditor.parse.extent import report_extent

_CLASSIFIED = "classifier_probabilities"
UNSEEN = "报告不完整，文本未显示该项所在的全部内容"
_FACT = re.compile(
    r"\d|[一二两三四五六七八九十百千万]+[个件条次项名篇处期块台场份人]|"
    r"未收到|没有收到|未发生|未产生|未收取|无[^，。；]{0,6}(?:申请|情况|事项)|"
    r"发布|印发|制定|修订|编制|建立|设立|设置|开设|开通|开展|组织|举办|召开|配备|聘请|受理|办理|答复|办结|"
    r"清理|废止|更新|调整|新增|上线|改版|整合|培训|检查|督查|通报|评议|考核")


@dataclass(frozen=True)
class Coverage:
    rule: ElementRule
    status: str  # present | thin | missing | unseen (the partial report's text does not reach its scope)
    by: str | None = None  # keyword | classifier
    evidence: str = ""  # the matched phrase, or the sentence the classifier chose
    sentence: str = ""  # the sentence holding the evidence
    probability: float | None = None
    start: int | None = None
    end: int | None = None
    reason: str = ""
    aspects: tuple[AspectEvidence, ...] = ()  # rules made of aspects: what decided each

    @property
    def present(self) -> bool:
        return self.status in ("present", "thin")

    def to_json(self) -> dict:
        data = {"element": self.rule.element, "label": self.rule.label, "code": self.rule.code, "status": self.status,
                "by": self.by, "evidence": self.evidence, "sentence": self.sentence, "probability": self.probability, "start": self.start,
                "end": self.end}
        if self.reason:
            data["reason"] = self.reason
        if self.aspects:
            data["aspects"] = [a.to_json() for a in self.aspects]
        return data


def element_coverage(report: Report) -> dict[str, Coverage]:
    """code → coverage, for every element rule that applies to the report (cached on it)."""
    def build():
        scored = _classified(report)
        return {rule.code: _cover(report, rule, scored) for rule in element_rules() if rule.applies(report)}

    return report.view("element_coverage", build)


def classify_reports(reports: list[Report]) -> None:
    """Classify the sentences of several reports in one call (much cheaper than one call per
    report) and keep each report's probabilities on it for element_coverage()."""
    todo = [(r, _classifiable(r)) for r in reports if not r.has_view(_CLASSIFIED)]
    texts = [u.text for _, units in todo for u in units]
    scored = iter(probabilities(texts))
    for report, units in todo:
        found = {(u.start, u.end): probs for u, probs in zip(units, scored) if probs}
        report.view(_CLASSIFIED, lambda found=found: found)


def _classified(report: Report) -> dict[tuple[int, int], dict[str, float]]:
    """(start, end) of each prose sentence where a rule may ask the classifier → the
    probability of each element."""
    if not report.has_view(_CLASSIFIED):
        classify_reports([report])
    return report.view(_CLASSIFIED, dict)


def _classifiable(report: Report) -> list[Unit]:
    scopes = {r.classifier_scope for r in element_rules() if r.classifier and r.applies(report)}
    return [u for u in units_in(report, "whole") if not u.heading and (u.scope in scopes or "whole" in scopes)]


def _cover(report: Report, rule: ElementRule, scored: dict) -> Coverage:
    covered = _cover_shown(report, rule, scored)
    if covered.present:
        return covered
    extent = report_extent(report)
    if extent.sees(rule.scope) and (not rule.aspects or extent.sees(rule.aspect_scope)):
        return covered
    return replace(covered, status="unseen", reason=UNSEEN)


def _cover_shown(report: Report, rule: ElementRule, scored: dict) -> Coverage:
    scope = units_in(report, rule.scope)
    if not scope:
        return Coverage(rule, "missing", reason="范围缺失" if rule.scope != "whole" else "")
    if rule.aspects:
        return _cover_aspects(report, rule)
    matches = keyword_matches(report, rule)
    chosen, best = _by_classifier(report, rule, scored) if rule.classifier else ([], None)
    if matches:
        first = matches[0]
        found = Coverage(rule, "present", "keyword", first.text, first.unit.text, None, first.start, first.end)
        showing = [m.unit for m in matches] + [u for u, _ in chosen]
    elif chosen:
        unit, probability = max(chosen, key=lambda item: item[1])
        found = Coverage(rule, "present", "classifier", unit.text, unit.text, round(probability, 3), unit.start,
                         unit.end)
        showing = [u for u, _ in chosen]
    elif best is not None:
        unit, probability = best
        return Coverage(rule, "missing", "classifier", unit.text, unit.text, round(probability, 3), unit.start,
                        unit.end)
    else:
        return Coverage(rule, "missing")
    if rule.thin and not any(_FACT.search(u.text) for u in _territory(scope, showing)):
        return Coverage(rule, "thin", found.by, found.evidence, found.sentence, found.probability, found.start,
                        found.end)
    return found


def _cover_aspects(report: Report, rule: ElementRule) -> Coverage:
    """Present when every aspect's result is stated; the evidence is each aspect's sentence."""
    found = aspect_evidence(report, rule.aspect_scope, rule.aspects)
    shown = [a for a in found if a.shown]
    first = shown[0] if shown else next((a for a in found if a.sentence), None)
    status = "present" if len(shown) == len(found) else "missing"
    if first is None:
        return Coverage(rule, status, aspects=found)
    return Coverage(rule, status, "keyword", first.sentence, first.sentence, None, first.start, first.end,
                    aspects=found)


def _territory(scope: list[Unit], showing: list[Unit]) -> list[Unit]:
    """The sentences that speak of a topic: the paragraphs under its sub-heading (up to the
    next one) when it has one, else the paragraphs of the sentences that show it."""
    headings = [u for u in showing if u.heading]
    paragraphs = set() if headings else {u.paragraph for u in showing}
    for heading in headings:
        following = [u for u in scope if u.start > heading.start]
        for unit in following:
            if unit.heading:
                break
            paragraphs.add(unit.paragraph)
    return [u for u in scope if u.paragraph in paragraphs and not u.heading]


def _by_classifier(report: Report, rule: ElementRule, scored: dict):
    """The sentences the classifier labels with the rule's element, and the likeliest one
    (labelled or not) with its probability: the evidence of a missing element."""
    model = load_model()
    chosen, best = [], None
    for unit in units_in(report, rule.classifier_scope):
        probs = scored.get((unit.start, unit.end))
        if not probs:
            continue
        probability = probs.get(rule.element, 0.0)
        if best is None or probability > best[1]:
            best = (unit, probability)
        if probability >= model.threshold and probability == max(probs.values()):
            chosen.append((unit, probability))
    return chosen, best
