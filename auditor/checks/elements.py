"""NA — required content elements, as keyword rules kept in data files (auditor/rules/elements/).

One rule *type* lives here: "an element must be present in a scope". Each concrete rule is a
TOML file naming its code, scope (a section number, "preamble" or "whole"), the phrases or
patterns that show the element, optional `exclude` patterns (a match inside an excluded span
does not count), the body kinds and first year it applies to, its message and documentation.
A supervisor adds a local requirement by adding a file, without writing Python.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from auditor.finding import Hit, Location
from auditor.model import Report
from auditor.registry import rule


@dataclass(frozen=True)
class ElementRule:
    code: str
    scope: str
    patterns: tuple[re.Pattern, ...]
    exclude: tuple[re.Pattern, ...]
    kinds: tuple[str, ...]
    min_year: int | None
    message: str
    section: str | None

    def scope_span(self, report: Report) -> tuple[int, int] | None:
        if self.scope == "whole":
            return 0, len(report.text)
        if self.scope == "preamble":
            return (report.preamble.start, report.preamble.end) if report.preamble else None
        section = report.section(self.scope)
        return (section.heading_end, section.end) if section else None

    def evidence(self, report: Report, start: int, end: int) -> re.Match | None:
        excluded = [m.span() for p in self.exclude for m in p.finditer(report.text, start, end)]
        for pattern in self.patterns:
            for match in pattern.finditer(report.text, start, end):
                if not any(a <= match.start() and match.end() <= b for a, b in excluded):
                    return match
        return None

    def applies(self, report: Report) -> bool:
        if self.kinds and report.agency_kind not in self.kinds:
            return False
        return self.min_year is None or (report.year is not None and report.year >= self.min_year)


def load_element_rules() -> list[tuple[ElementRule, dict]]:
    folder = resources.files("auditor.rules").joinpath("elements")
    loaded = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
        compile_ = (lambda p: re.compile(p)) if data.get("regex") else (lambda p: re.compile(re.escape(p)))
        loaded.append((ElementRule(
            code=data["code"], scope=data["scope"], patterns=tuple(compile_(p) for p in data["any"]),
            exclude=tuple(re.compile(p) for p in data.get("exclude", [])), kinds=tuple(data.get("kinds", [])),
            min_year=data.get("min_year"), message=data["message"], section=data.get("section")), data))
    return loaded


def _register(element: ElementRule, data: dict) -> None:
    def check(report: Report):
        if not element.applies(report):
            return
        span = element.scope_span(report)
        if span is None or element.evidence(report, *span) is not None:
            return
        section = element.section or (element.scope if element.scope not in ("whole", "preamble") else None)
        located = report.section(section) if section else None
        yield Hit(element.message, Location(section=section, start=located.start if located else None,
                                            end=located.heading_end if located else None),
                  {"scope": element.scope, "looked_for": [p.pattern for p in element.patterns][:6]})

    check.__name__ = f"element_{element.code}"
    rule(element.code, data["name"], data["severity"], documentation=data["doc"])(check)


for _element, _data in load_element_rules():
    _register(_element, _data)
