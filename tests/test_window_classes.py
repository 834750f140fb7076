"""Window classes before LSH: the candidate pairs are those of one LSH entry per window."""
from __future__ import annotations

import numpy as np
from datasketch import MinHash, MinHashLSH

from auditor.corpus.candidates import _identity, candidate_pairs, windows
from auditor.corpus.parameters import ReuseParameters


def _per_window(passages, params, apart):
    """The reference: every window MinHashed and indexed on its own."""
    lsh = MinHashLSH(threshold=params.lsh_threshold, num_perm=params.num_perm)
    template = MinHash(num_perm=params.num_perm, seed=params.seed, scheme="affine32")
    owners, found = [], set()
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


def test_classes_give_the_pairs_of_one_entry_per_window():
    rng = np.random.default_rng(3)
    paragraphs = [rng.integers(0, 2**40, size=int(rng.integers(30, 500)), dtype=np.uint64) for _ in range(12)]
    passages = []
    for doc in range(40):  # each document prints some shared paragraphs, some altered, some its own
        for index in range(6):
            base = paragraphs[int(rng.integers(0, len(paragraphs)))].copy()
            if rng.random() < 0.3:
                base[rng.integers(0, len(base), size=len(base) // 4)] = rng.integers(0, 2**40, size=len(base) // 4,
                                                                                     dtype=np.uint64)
            if rng.random() < 0.2:
                base = rng.integers(0, 2**40, size=len(base), dtype=np.uint64)
            passages.append((doc, index, base, np.zeros(len(base), dtype=bool)))
    params = ReuseParameters()
    apart = lambda i, j: i // 3 != j // 3  # documents 3k, 3k+1, 3k+2: one body
    expected = _per_window(passages, params, apart)
    assert len(expected) > 200
    assert candidate_pairs(iter(passages), params, apart) == expected
