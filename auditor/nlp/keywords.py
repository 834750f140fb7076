"""Keyword rules for the required content elements, kept as data (auditor/rules/elements/).

One rule *type* — "an element must be shown in a scope" — and one TOML file per NA code:
its element, scope ("preamble", a section number or "whole"), `phrases` (found with spaCy's
PhraseMatcher on the jieba tokens, so a phrase must be a whole word sequence, not a piece of a
longer word), `patterns` (regular expressions, for numbers and addresses, mapped onto the
tokens with Doc.char_span), `aspects` (parts that each need a stated result, see
auditor/nlp/aspects.py), `exclude` patterns (a match inside an excluded span does not
count: 「联系电话」 listed as something the body publishes is no contact), the body kinds and
first year it applies to, whether the classifier may also decide, the message and the
documentation. A supervisor adds a local requirement by adding a file, without Python.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from auditor.model import Report
from auditor.nlp.aspects import Aspect, aspect_of
from auditor.nlp.pipeline import doc_of, nlp
from auditor.nlp.units import Unit, units_in



@dataclass(frozen=True)
class ElementRule:
    code: str
    name: str
    severity: str
    element: str
    label: str
    scope: str
    phrases: tuple[str, ...]
    patterns: tuple[re.Pattern, ...]
    exclude: tuple[re.Pattern, ...]
    kinds: tuple[str, ...]
    min_year: int | None
    message: str
    section: str | None  # where a missing element is reported, when not its scope
    classifier: bool  # may the classifier show the element where no keyword does
    classifier_scope: str  # where the classifier looks (default: the rule's scope)
    thin: bool  # NA313 applies: a topic covered only by sentences without facts
    doc: dict[str, str]
    aspects: tuple[Aspect, ...] = ()  # every one must be shown with its result (auditor/nlp/aspects.py)
    aspect_scope: str = "whole"  # where the aspects' results are looked for

    def applies(self, report: Report) -> bool:
        if self.kinds and report.agency_kind not in self.kinds:
            return False
        return self.min_year is None or (report.year is not None and report.year >= self.min_year)


@dataclass(frozen=True)
class KeywordMatch:
    unit: Unit
    start: int  # offsets into Report.text
    end: int
    text: str
    how: str  # "phrase" or "pattern"


@cache
def element_rules() -> tuple[ElementRule, ...]:
    folder = resources.files("auditor.rules").joinpath("elements")
    rules = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            rules.append(_rule_of(tomllib.loads(entry.read_text(encoding="utf-8"))))
    return tuple(rules)


def _rule_of(data: dict) -> ElementRule:
    return ElementRule(
        code=data["code"], name=data["name"], severity=data["severity"], element=data["element"],
        label=data["label"], scope=data["scope"], phrases=tuple(data.get("phrases", [])),
        patterns=tuple(re.compile(p) for p in data.get("patterns", [])),
        exclude=tuple(re.compile(p) for p in data.get("exclude", [])), kinds=tuple(data.get("kinds", [])),
        min_year=data.get("min_year"), message=data["message"], section=data.get("section"),
        classifier=data.get("classifier", False), classifier_scope=data.get("classifier_scope", data["scope"]),
        thin=data.get("thin", False), doc=data["doc"],
        aspects=tuple(aspect_of(a, data.get("aspect_exclude", [])) for a in data.get("aspects", [])),
        aspect_scope=data.get("aspect_scope", "whole"))


@cache
def _phrase_matcher():
    from spacy.matcher import PhraseMatcher

    pipeline = nlp()
    matcher = PhraseMatcher(pipeline.vocab)
    for rule in element_rules():
        if rule.phrases:
            matcher.add(rule.code, [pipeline.make_doc(p) for p in rule.phrases])
    return matcher


@lru_cache(maxsize=20_000)
def _phrase_hits(text: str) -> tuple[tuple[str, int, int], ...]:
    """(code, start char, end char) of every phrase match in one sentence (sentences repeat)."""
    matcher = _phrase_matcher()
    doc = doc_of(text)
    vocab = doc.vocab.strings
    return tuple((vocab[match_id], doc[s:e].start_char, doc[s:e].end_char) for match_id, s, e in matcher(doc))


def keyword_matches(report: Report, rule: ElementRule) -> list[KeywordMatch]:
    """Every match of the rule's phrases and patterns in its scope, exclusions removed."""
    return report.view(f"keywords:{rule.code}", lambda: list(_matches(report, rule)))


def _matches(report: Report, rule: ElementRule):
    for unit in units_in(report, rule.scope):
        excluded = [m.span() for p in rule.exclude for m in p.finditer(unit.text)]
        found = [(s, e, "phrase") for code, s, e in _phrase_hits(unit.text) if code == rule.code] if rule.phrases else []
        found += [(*m.span(), "pattern") for p in rule.patterns for m in p.finditer(unit.text)]
        for start, end, how in sorted(found):
            if not any(a <= start and end <= b for a, b in excluded):
                yield KeywordMatch(unit, unit.start + start, unit.start + end, unit.text[start:end], how)
