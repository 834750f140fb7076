"""Candidate passage pairs from MinHash LSH over windows of non-boilerplate shingles.

Each narrative paragraph is cut into windows of `window_chars` shingles, each starting half a
window after the previous one; a window's set of non-boilerplate shingles is MinHashed (fixed
seed) and LSH proposes the windows whose estimated Jaccard similarity passes
`lsh_threshold`. LSH only proposes: `auditor.corpus.align` verifies every candidate.
"""
from __future__ import annotations

from typing import Callable, Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from auditor.corpus.parameters import ReuseParameters

_LOW32 = np.uint64(0xFFFFFFFF)


def _identity(value: int) -> int:
    return value


def windows(hashes: np.ndarray, boiler: np.ndarray, params: ReuseParameters) -> Iterable[np.ndarray]:
    """The unique non-boilerplate shingles of each window of one paragraph."""
    size, step = params.window_chars, max(1, params.window_chars // 2)
    starts = range(0, max(1, len(hashes) - step), step)
    for start in starts:
        chosen = hashes[start:start + size][~boiler[start:start + size]]
        unique = np.unique(chosen & _LOW32)
        if len(unique) >= params.min_window_shingles:
            yield unique


def candidate_pairs(passages: Iterable[tuple[int, int, np.ndarray, np.ndarray]], params: ReuseParameters,
                    apart: Callable[[int, int], bool]) -> set[tuple[tuple[int, int], tuple[int, int]]]:
    """((doc, passage), (doc, passage)) pairs, the first document the earlier, of similar windows.

    `passages` yields (document, passage index, shingle hashes, boilerplate mask); only
    documents for which `apart(earlier, later)` holds are paired (different bodies).
    """
    lsh = MinHashLSH(threshold=params.lsh_threshold, num_perm=params.num_perm)
    template = MinHash(num_perm=params.num_perm, seed=params.seed, scheme="affine32")
    owners: list[tuple[int, int]] = []
    found: set = set()
    for doc, index, hashes, boiler in passages:
        for shingles in windows(hashes, boiler, params):
            signature = MinHash(num_perm=params.num_perm, seed=params.seed, hashfunc=_identity,
                                permutations=template.permutations, scheme="affine32")
            signature.update_batch(shingles.tolist())
            for key in lsh.query(signature):
                other = owners[key]
                if other[0] != doc and apart(other[0], doc):
                    found.add((other, (doc, index)))
            lsh.insert(len(owners), signature, check_duplication=False)
            owners.append((doc, index))
    return found
