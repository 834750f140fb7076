"""Keyword rules for the required content elements, kept as data (auditor/rules/elements/).

One rule *type* — "an element must be shown in a scope" — and one TOML file per NA code:
its element, scope ("preamble", a section number or "whole"), `phrases` (matched as token
sequences on the segmenter's tokens — as spaCy's PhraseMatcher matches them — so a phrase must
be a whole word sequence, not a piece of a longer word), `patterns` (regular expressions, for
numbers and addresses, matched on the sentence's text), `aspects` (parts that each need a stated result, see
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
from auditor.nlp.pipeline import tokens
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
def _phrase_index() -> dict[str, dict[tuple[str, ...], tuple[str, ...]]]:
    """first token → {a phrase's token sequence → the codes of the rules listing it}."""
    index: dict[str, dict[tuple[str, ...], list[str]]] = {}
    for rule in element_rules():
        for phrase in rule.phrases:
            sequence = tuple(token for token, _ in tokens(phrase))
            if sequence:
                codes = index.setdefault(sequence[0], {}).setdefault(sequence, [])
                if rule.code not in codes:
                    codes.append(rule.code)
    return {first: {sequence: tuple(codes) for sequence, codes in by.items()} for first, by in index.items()}


@lru_cache(maxsize=20_000)
def _phrase_hits(text: str) -> tuple[tuple[str, int, int], ...]:
    """(code, start char, end char) of every phrase match in one sentence (sentences repeat):
    every place where a phrase's tokens are the sentence's next tokens."""
    index = _phrase_index()
    found = tokens(text)
    texts = [token for token, _ in found]
    hits = []
    for i, token in enumerate(texts):
        for sequence, codes in index.get(token, {}).items():
            last = i + len(sequence) - 1
            if last < len(texts) and tuple(texts[i:last + 1]) == sequence:
                end = found[last][1] + len(texts[last])
                hits.extend((code, found[i][1], end) for code in codes)
    return tuple(sorted(hits, key=lambda hit: (hit[1], hit[2], hit[0])))


@cache
def _rules_by_code() -> dict[str, ElementRule]:
    return {rule.code: rule for rule in element_rules()}


def keyword_matches(report: Report, rule: ElementRule) -> list[KeywordMatch]:
    """Every match of the rule's phrases and patterns in its scope, exclusions removed."""
    return report.view(f"keywords:{rule.code}", lambda: list(_matches(report, rule)))


def _matches(report: Report, rule: ElementRule):
    known = _rules_by_code().get(rule.code) is rule  # the packaged rules: sentences recur, cache by text
    for unit in units_in(report, rule.scope):
        hits = _cached_hits(rule.code, unit.text) if known else _hits(rule, unit.text)
        for start, end, how in hits:
            yield KeywordMatch(unit, unit.start + start, unit.start + end, unit.text[start:end], how)


@lru_cache(maxsize=100_000)
def _cached_hits(code: str, text: str) -> tuple[tuple[int, int, str], ...]:
    return _hits(_rules_by_code()[code], text)


def _hits(rule: ElementRule, text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, how) in one sentence of the rule's phrases and patterns, exclusions removed, in order."""
    excluded = [m.span() for p in rule.exclude for m in p.finditer(text)]
    found = [(s, e, "phrase") for code, s, e in _phrase_hits(text) if code == rule.code] if rule.phrases else []
    found += [(*m.span(), "pattern") for p in rule.patterns for m in p.finditer(text)]
    return tuple((start, end, how) for start, end, how in sorted(found)
                 if not any(a <= start and end <= b for a, b in excluded))
