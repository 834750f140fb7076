"""Element coverage as the audit JSON stores it: offsets into the report's text, not its sentences.

A report's coverage (auditor/nlp/coverage.py: one entry per required element) quotes its
evidence — the matched phrase, the sentence holding it, each aspect's sentence — and names the
element's label and code. At province scale those quotes were most of the JSON (the same
sentence written two or three times per element, twelve elements per report), although every
one of them is `Report.text[start:end]` for offsets the entry already carries, and the label
and code are the element rule's own. So the JSON keeps the offsets and leaves out:

- `evidence` when it is the text at [`start`, `end`);
- `sentence` when it is that text too, else writes `sentence_span` [start, end) where it is found;
- an aspect's `sentence` when it is the text at its own [`start`, `end`);
- `sentence` of a keyword match (the narrative sentence around the match: the engine's NA313
  and the pages read the match itself);
- `label` and `code` when they are the element rule's (auditor/rules/elements/);
- keys whose value is null (`by`, `probability`, `start`, `end`).

Anything else that cannot be derived this way is written as it is, so `expand_element` (given
the report's normalised text, which the stored batch holds) gives back the entry the engine
computed, a keyword match's sentence aside. Supervisors who need the quotations read them from the HTML pages, or expand
the offsets against `auditor parse`'s text.
"""
from __future__ import annotations

from functools import cache
from typing import Any

_NULLABLE = ("by", "probability", "start", "end")


@cache
def _rules_by_element() -> dict[str, tuple[str, str]]:
    from auditor.nlp.keywords import element_rules

    return {rule.element: (rule.label, rule.code) for rule in element_rules()}


def compact_element(entry: dict[str, Any], text: str) -> dict[str, Any]:
    """The stored form of one coverage entry of a report whose normalised text is `text`."""
    data = dict(entry)
    label, code = _rules_by_element().get(data.get("element"), (None, None))
    if data.get("label") == label:
        del data["label"]
    if data.get("code") == code:
        del data["code"]
    quoted = _at(text, data.get("start"), data.get("end"))
    if "evidence" in data and data["evidence"] == (quoted if quoted is not None else ""):
        del data["evidence"]
    if "sentence" in data:
        sentence = data.pop("sentence")
        if sentence != (quoted if quoted is not None else "") and not _around(text, sentence, data.get("start"),
                                                                              data.get("end")):
            data["sentence"] = sentence
    if "aspects" in data:
        data["aspects"] = [_compact_aspect(a, text) for a in data["aspects"]]
    for key in _NULLABLE:
        if key in data and data[key] is None:
            del data[key]
    return data


def expand_element(entry: dict[str, Any], text: str) -> dict[str, Any]:
    """The full coverage entry (label, code, evidence and sentences quoted) of a stored one."""
    data = dict(entry)
    label, code = _rules_by_element().get(data.get("element"), (None, None))
    data.setdefault("label", label or data.get("element"))
    data.setdefault("code", code)
    for key in _NULLABLE:
        data.setdefault(key, None)
    quoted = _at(text, data["start"], data["end"]) or ""
    data.setdefault("evidence", quoted)
    data.setdefault("sentence", quoted)
    if "aspects" in data:
        data["aspects"] = [_expand_aspect(a, text) for a in data["aspects"]]
    return _ordered(data)


def element_label(entry: dict[str, Any]) -> str:
    """The element's label: the entry's own, else its rule's, else the element's key."""
    if entry.get("label"):
        return entry["label"]
    return _rules_by_element().get(entry.get("element"), (None, None))[0] or entry.get("element", "")


def _compact_aspect(aspect: dict[str, Any], text: str) -> dict[str, Any]:
    data = dict(aspect)
    quoted = _at(text, data.get("start"), data.get("end"))
    if data.get("sentence") == (quoted if quoted is not None else ""):
        del data["sentence"]
    for key in ("start", "end"):
        if key in data and data[key] is None:
            del data[key]
    return data


def _expand_aspect(aspect: dict[str, Any], text: str) -> dict[str, Any]:
    data = {"aspect": aspect.get("aspect"), "shown": aspect.get("shown"), "sentence": None,
            "start": aspect.get("start"), "end": aspect.get("end"), **aspect}
    if data["sentence"] is None:
        data["sentence"] = _at(text, data["start"], data["end"]) or ""
    return data


_ORDER = ("element", "label", "code", "status", "by", "evidence", "sentence", "probability", "start", "end")


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    """The keys in the engine's order (coverage's to_json), the optional ones after."""
    return {**{k: data[k] for k in _ORDER if k in data}, **{k: v for k, v in data.items() if k not in _ORDER}}


def _at(text: str, start: Any, end: Any) -> str | None:
    if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text):
        return text[start:end]
    return None


def _around(text: str, sentence: str, start: Any, end: Any) -> bool:
    """Whether `sentence` stands in `text` around [start, end)."""
    if not sentence or not isinstance(start, int) or not isinstance(end, int):
        return False
    begin = text.find(sentence, max(0, end - len(sentence)))
    return 0 <= begin <= start


@cache
def _part_labels() -> dict[str, str]:
    from auditor.scoring import PARTS

    return {part: label for part, label, _ in PARTS}


def compact_breakdown(breakdown: dict[str, Any]) -> dict[str, Any]:
    """The score breakdown without each part's label where it is the scoring's own."""
    labels = _part_labels()
    parts = [{k: v for k, v in p.items() if not (k == "label" and v == labels.get(p.get("part")))}
             for p in breakdown.get("parts", [])]
    return {**breakdown, "parts": parts}


def expand_breakdown(breakdown: dict[str, Any] | None) -> dict[str, Any] | None:
    """A stored breakdown with every part's label."""
    if not breakdown:
        return breakdown
    labels = _part_labels()
    return {**breakdown, "parts": [{"part": p.get("part"), "label": labels.get(p.get("part"), p.get("part")), **p}
                                   for p in breakdown.get("parts", [])]}
