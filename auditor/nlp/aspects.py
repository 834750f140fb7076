"""Elements made of several aspects, each needing a stated result (NA306).

Some required elements are not one topic but several, and a mention is not enough: a people's
government must report the *results* of 工作考核, 社会评议 and 责任追究 — a statement that there
were none counts, a plan or a system (「将政务公开纳入绩效考核」, 「建立责任追究制度」) does not.
An element rule lists its aspects as data (`[[aspects]]` in its TOML file): a `topic` pattern,
a `result` pattern, and `exclude` patterns whose spans (plans, systems) are blanked before
either is looked for. An aspect is shown by a sentence that holds its topic and a result
outside the excluded spans; the element is present when every aspect is shown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.model import Report
from auditor.nlp.units import Unit, units_in


@dataclass(frozen=True)
class Aspect:
    name: str
    topic: re.Pattern
    result: re.Pattern
    exclude: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class AspectEvidence:
    aspect: str
    shown: bool
    sentence: str = ""  # the result sentence, or (when not shown) the nearest mention
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict:
        return {"aspect": self.aspect, "shown": self.shown, "sentence": self.sentence, "start": self.start,
                "end": self.end}


def aspect_of(data: dict, shared_exclude: list[str]) -> Aspect:
    return Aspect(data["name"], re.compile(data["topic"]), re.compile(data["result"]),
                  tuple(re.compile(p) for p in [*shared_exclude, *data.get("exclude", [])]))


def _blanked(text: str, exclude: tuple[re.Pattern, ...]) -> str:
    """The sentence with every excluded span replaced by spaces (offsets kept)."""
    for pattern in exclude:
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def aspect_evidence(report: Report, scope: str, aspects: tuple[Aspect, ...]) -> tuple[AspectEvidence, ...]:
    """For each aspect: the first sentence of the scope that states its result, or the first
    sentence that only mentions it (a plan, a system), or nothing."""
    units = [u for u in units_in(report, scope) if not u.heading]
    return tuple(_evidence(units, aspect) for aspect in aspects)


def _evidence(units: list[Unit], aspect: Aspect) -> AspectEvidence:
    mention = None
    for unit in units:
        if not aspect.topic.search(unit.text):
            continue
        kept = _blanked(unit.text, aspect.exclude)
        if aspect.topic.search(kept) and aspect.result.search(kept):
            return AspectEvidence(aspect.name, True, unit.text, unit.start, unit.end)
        mention = mention or unit
    if mention is not None:
        return AspectEvidence(aspect.name, False, mention.text, mention.start, mention.end)
    return AspectEvidence(aspect.name, False)
