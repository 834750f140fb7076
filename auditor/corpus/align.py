"""Exact verification of a candidate pair: the passages two texts share, with both spans.

rapidfuzz's Indel opcodes (a longest-common-subsequence alignment) give the common runs;
runs of at least `anchor_chars` characters anchor the alignment, and anchors separated by
at most `max_gap` edited characters on each side (a body's name swapped in, a number
changed) join into one shared passage.
"""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel


@dataclass(frozen=True)
class SharedSpan:
    """`a[a_start:a_end]` and `b[b_start:b_end]` are the same passage, lightly edited or not."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int

    def similarity(self, a: str, b: str) -> float:
        return round(fuzz.ratio(a[self.a_start:self.a_end], b[self.b_start:self.b_end]) / 100, 3)


def common_runs(a: str, b: str, anchor_chars: int) -> list[SharedSpan]:
    """The exact common runs of the alignment that are at least `anchor_chars` long."""
    return [SharedSpan(op.src_start, op.src_end, op.dest_start, op.dest_end) for op in Indel.opcodes(a, b)
            if op.tag == "equal" and op.src_end - op.src_start >= anchor_chars]


def shared_spans(a: str, b: str, anchor_chars: int, max_gap: int) -> list[SharedSpan]:
    spans: list[SharedSpan] = []
    for run in common_runs(a, b, anchor_chars):
        last = spans[-1] if spans else None
        if last and run.a_start - last.a_end <= max_gap and run.b_start - last.b_end <= max_gap:
            spans[-1] = SharedSpan(last.a_start, run.a_end, last.b_start, run.b_end)
        else:
            spans.append(run)
    return spans
