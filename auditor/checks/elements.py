"""NA — required content elements, decided by keyword rules (data files) and the classifier.

Each NA301–NA312 rule is a data file in auditor/rules/elements/ (see auditor/nlp/keywords.py);
this module registers one rule per file and reports the elements that auditor/nlp/coverage.py
finds missing, saying what evidence decided. NA313 reports topics covered only thinly.
"""
from __future__ import annotations

from auditor.finding import Hit, Location
from auditor.model import Report
from auditor.nlp.classifier import load_model
from auditor.nlp.coverage import Coverage, classify_reports, element_coverage
from auditor.nlp.keywords import ElementRule, element_rules
from auditor.registry import preparer, rule


def _where(report: Report, element: ElementRule) -> Location:
    section = element.section or (element.scope if element.scope not in ("whole", "preamble") else None)
    located = report.section(section) if section else None
    return Location(section=section, start=located.start if located else None,
                    end=located.heading_end if located else None)


def _decision(coverage: Coverage) -> tuple[str, dict]:
    """Why the element counts as missing, for the message and the evidence."""
    element = coverage.rule
    if element.aspects:
        return _aspect_decision(coverage)
    # what was looked for (the rule's phrases and patterns) and where are the rule's own data
    # (auditor/rules/elements/), not repeated in every finding
    evidence = {"element": element.element}
    reason = ("未找到关键词（" + "、".join(f"「{w}」" for w in element.phrases[:4]) + "等）") if element.phrases \
        else "未找到相应表述"
    if coverage.by == "classifier" and coverage.probability is not None:
        evidence.update(probability=coverage.probability, sentence=coverage.evidence,
                        threshold=load_model().threshold)
        reason += f"；分类器认为最接近的句子「{coverage.evidence[:30]}」仅有 {coverage.probability:.2f} 的可能属于此项"
    return reason, evidence


def _aspect_decision(coverage: Coverage) -> tuple[str, dict]:
    """Which aspects lack a result, quoting the sentence that decided each (NA306)."""
    missing = [a for a in coverage.aspects if not a.shown]
    parts = ["缺少" + "、".join(f"「{a.aspect}」" for a in missing) + "的结果"]
    mentions: dict[str, list[str]] = {}
    for a in missing:
        mentions.setdefault(a.sentence, []).append(a.aspect)
    for sentence, names in mentions.items():
        parts.append(f"「{sentence[:40]}」只提到" + "、".join(names) + "，没有写明结果（计划、制度不是结果）" if sentence
                     else "、".join(names) + "：全文未提到")
    for a in coverage.aspects:
        if a.shown:
            parts.append(f"{a.aspect}：「{a.sentence[:40]}」")
    # each aspect's decision, with its sentence, is the element's coverage (the audit JSON's elements)
    evidence = {"element": coverage.rule.element, "missing": [a.aspect for a in missing]}
    return "；".join(parts), evidence


def _register(element: ElementRule) -> None:
    def check(report: Report):
        coverage = element_coverage(report).get(element.code)
        if coverage is None or coverage.present or coverage.reason:
            return
        reason, evidence = _decision(coverage)
        yield Hit(f"{element.message}（{reason}）", _where(report, element), evidence)

    check.__name__ = f"element_{element.code}"
    rule(element.code, element.name, element.severity, documentation=element.doc)(check)


for _element in element_rules():
    _register(_element)

preparer("NA")(classify_reports)  # one classifier call per chunk of reports, not per report


@rule("NA313", "content-too-thin", "info")
def content_too_thin(report: Report):
    """A required topic of 总体情况 is covered only by sentences with no facts.

    问题：总体情况中的某一方面只有空泛的表述（如「高度重视主动公开工作」），没有数字，也没有具体做法。
    为何重要：年度报告要如实反映本年度工作情况；只写态度、不写做了什么，公众无从了解和监督。
    示例：「（四）平台建设：我乡不断加强平台建设。」——没有说明网站、新媒体或公开栏做了什么。
    依据：《中华人民共和国政府信息公开条例》第五十条（年度报告应包括主动公开、依申请公开等工作情况）；国办公开办函〔2021〕30号。
    """
    for coverage in element_coverage(report).values():
        if coverage.status == "thin":
            yield Hit(f"「{coverage.rule.label}」只有空泛表述，没有数字或具体做法：「{coverage.sentence[:40]}」",
                      Location(section=coverage.rule.scope, start=coverage.start, end=coverage.end),
                      {"element": coverage.rule.element, "by": coverage.by, "sentence": coverage.sentence})
