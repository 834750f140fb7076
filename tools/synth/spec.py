"""ReportSpec: everything needed to render one sample report, and the truth about it.

A spec is built once (values, prose, planted defects) and then rendered by the text and HTML
renderers, which never draw random numbers of their own beyond `style`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from synth.bodies import Body


@dataclass(frozen=True)
class Block:
    """One block in reading order: title, heading, subheading, para, line (as printed) or
    table (`text` names it: active, requests, review_litigation)."""

    kind: str
    text: str


@dataclass(frozen=True)
class ReportSpec:
    """One generated report.

    `tables` has exactly the JSON shape of interfaces.md §2 (`null` for a cell printed blank);
    `defects` lists every planted problem as {"code", "detail", ...} (extra keys such as
    "table"/"row"/"column" or "other_id" locate it); `layout` is the text layout the sample
    corpus uses; `blocks` is the document in reading order.
    """

    id: str
    agency: str
    agency_kind: str
    year: int
    template: str
    tables: dict[str, Any]
    defects: tuple[dict[str, Any], ...]
    layout: str
    title: str
    blocks: tuple[Block, ...]
    body: Body
    label_overrides: tuple[tuple[str, str], ...] = ()
    blank_mark: str = "/"
    encoding: str = "utf-8"
    style: int = 0
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def defect_codes(self) -> tuple[str, ...]:
        return tuple(d["code"] for d in self.defects)

    def label(self, official: str) -> str:
        """The label as this report prints it (a planted ST104 misprint replaces it)."""
        for printed_for, printed in self.label_overrides:
            if printed_for == official:
                return printed
        return official
