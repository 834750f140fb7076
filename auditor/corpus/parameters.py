"""The reuse analysis's parameters, in one place, configurable from `[tool.auditor.reuse]`.

    [tool.auditor.reuse]
    shingle_size = 5
    min_chars = 50

Light on purpose (no numpy, no datasketch): the configuration module imports it.
"""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class ReuseParameters:
    """How passages are compared. Defaults suit reports of a few thousand characters.

    shingle_size      characters per shingle (character k-grams of the narrative)
    num_perm          MinHash permutations per passage window
    seed              MinHash seed (fixed: the same batch always gives the same candidates)
    lsh_threshold     estimated Jaccard similarity of two windows' non-boilerplate shingles
                      above which LSH proposes them as a candidate pair
    window_chars      passage windows for MinHash: paragraphs cut into windows of this many
                      characters, each starting half a window after the previous one
    min_window_shingles  windows with fewer non-boilerplate shingles are not hashed
    anchor_chars      an exact common run of at least this many characters anchors an alignment
    max_gap           runs separated by at most this many edited characters on each side
                      (a name swapped, a number changed) join into one shared passage
    min_chars         a shared passage is reported when it has at least this many Chinese
                      characters outside boilerplate (digits, URLs and punctuation do not count)
    boilerplate_share a shingle found in at least this share of the batch's bodies ...
    boilerplate_min_bodies  ... and in at least this many bodies is boilerplate (never a copy)
    near_duplicate    RE602: Jaccard similarity of two bodies' whole narratives (shingle sets)
    same_body_share   RE603: share of the narrative found again in the body's previous report
    matrix_max_reports the similarity matrix is written for batches of at most this many
                      reports (it grows with the square of the batch)
    """

    shingle_size: int = 5
    num_perm: int = 64
    seed: int = 1
    lsh_threshold: float = 0.3
    window_chars: int = 200
    min_window_shingles: int = 12
    anchor_chars: int = 6
    max_gap: int = 12
    min_chars: int = 50
    boilerplate_share: float = 0.1
    boilerplate_min_bodies: int = 3
    near_duplicate: float = 0.8
    same_body_share: float = 0.8
    matrix_max_reports: int = 1000

    @classmethod
    def from_config(cls, data: dict) -> "ReuseParameters":
        """From the `[tool.auditor.reuse]` table; raises ValueError (message in Chinese)."""
        known = {f.name: f.type for f in fields(cls)}
        values = {}
        for key, value in data.items():
            if key not in known:
                raise ValueError(f"[tool.auditor.reuse] 中没有参数「{key}」，可用参数：{'、'.join(known)}")
            wanted = int if known[key] == "int" else float
            if isinstance(value, bool) or not isinstance(value, (int, float)) or (wanted is int and not isinstance(value, int)):
                raise ValueError(f"[tool.auditor.reuse] 参数「{key}」应为{'整数' if wanted is int else '数值'}")
            if value < 0 or (key.endswith(("share", "threshold", "duplicate")) and value > 1):
                raise ValueError(f"[tool.auditor.reuse] 参数「{key}」的取值 {value} 超出范围")
            values[key] = wanted(value)
        return cls(**values)

    def to_json(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}
