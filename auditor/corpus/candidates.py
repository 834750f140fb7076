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

    Windows with the same set of shingles (a formula or a paragraph that several bodies print
    alike) form one class: MinHashed and indexed once, each later member paired with the members
    before it; a class's members are expanded only when the pairs are listed. The pairs are
    those of one LSH entry per window, since identical sets have identical signatures.
    """
    lsh = MinHashLSH(threshold=params.lsh_threshold, num_perm=params.num_perm)
    template = MinHash(num_perm=params.num_perm, seed=params.seed, scheme="affine32")
    members: list[list[tuple[int, int]]] = []  # class → its windows' (doc, passage), in order
    signatures: list[MinHash] = []
    classes: dict[bytes, int] = {}
    found: set = set()
    for doc, index, hashes, boiler in passages:
        for shingles in windows(hashes, boiler, params):
            key = shingles.tobytes()
            number = classes.get(key)
            if number is None:
                signature = MinHash(num_perm=params.num_perm, seed=params.seed, hashfunc=_identity,
                                    permutations=template.permutations, scheme="affine32")
                signature.update_batch(shingles.tolist())
                similar = lsh.query(signature)
                number = classes[key] = len(members)
                lsh.insert(number, signature, check_duplication=False)
                members.append([])
                signatures.append(signature)
            else:
                similar = lsh.query(signatures[number])
            for other_class in similar:
                for other in members[other_class]:
                    if other[0] != doc and apart(other[0], doc):
                        found.add((other, (doc, index)))
            members[number].append((doc, index))
    return found
