"""Near-duplicate clusters: reports whose whole narratives are nearly alike, grouped in linear time.

Listing every pair of a cluster of k copies costs k² (a province where a hundred townships
print one template gives thousands of pairs). Instead each document's narrative is MinHashed
once; documents are taken in batch order, and a document joins the cluster of the most similar
earlier *representative* (exact Jaccard of the shingle sets ≥ `near_duplicate`, a different
body) that LSH proposes, or else founds a cluster as its representative. Only representatives
enter the LSH index, so each document is compared with a few representatives, not with every
earlier copy. Within a cluster each member's closest member of another body is found by one
sparse product over the cluster's members (exact Jaccard).
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from auditor.corpus.parameters import ReuseParameters

_LOW32 = np.uint64(0xFFFFFFFF)
_CANDIDATE_MARGIN = 0.2  # LSH proposes below the threshold; the exact Jaccard decides
_LARGEST_EXACT = 3000  # above it, a member's closest is the representative (the product would be k²)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted unique hash arrays, rounded to 3 places."""
    if not len(a) or not len(b):
        return 0.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return round(common / (len(a) + len(b) - common), 3)


def similarity_matrix(shingle_sets: list[np.ndarray]) -> np.ndarray:
    """Exact pairwise Jaccard similarity of sets of hashes, by one sparse product."""
    from scipy import sparse

    n = len(shingle_sets)
    if n == 0:
        return np.zeros((0, 0))
    sizes = np.array([len(s) for s in shingle_sets], dtype=float)
    values, columns = np.unique(np.concatenate(shingle_sets), return_inverse=True) if sizes.sum() else ([], [])
    rows = np.repeat(np.arange(n), sizes.astype(int))
    incidence = sparse.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(n, max(1, len(values))))
    common = (incidence @ incidence.T).toarray()
    union = sizes[:, None] + sizes[None, :] - common
    with np.errstate(invalid="ignore", divide="ignore"):
        result = np.where(union > 0, common / union, 0.0)
    return result


def near_duplicate_groups(shingles: Sequence[np.ndarray], bodies: Sequence[object],
                          params: ReuseParameters) -> list[list[int]]:
    """Indexes of documents in clusters of at least two bodies, each in document order (the
    first is the representative); clusters ordered by their representative."""
    threshold = max(0.05, params.near_duplicate - _CANDIDATE_MARGIN)
    lsh = MinHashLSH(threshold=threshold, num_perm=params.num_perm)
    template = MinHash(num_perm=params.num_perm, seed=params.seed, scheme="affine32")
    founded: dict[int, list[int]] = {}
    for index, hashes in enumerate(shingles):
        if not len(hashes):
            continue
        signature = MinHash(num_perm=params.num_perm, seed=params.seed, hashfunc=int,
                            permutations=template.permutations, scheme="affine32")
        signature.update_batch((hashes & _LOW32).tolist())
        best, best_similarity = None, params.near_duplicate
        for representative in sorted(lsh.query(signature)):
            if bodies[representative] == bodies[index]:
                continue
            similarity = jaccard(shingles[representative], hashes)
            if similarity >= best_similarity and (best is None or similarity > best_similarity):
                best, best_similarity = representative, similarity
        if best is None:
            founded[index] = [index]
            lsh.insert(index, signature, check_duplication=False)
        else:
            founded[best].append(index)
    return [members for _, members in sorted(founded.items()) if len(members) > 1]


def closest_members(members: list[int], shingles: Sequence[np.ndarray],
                    bodies: Sequence[object]) -> list[tuple[int, float]]:
    """For each member, (the most similar member of another body, exact Jaccard). Members
    join a representative of another body, so each has one; in a cluster too large for the
    k × k product, the representative stands for the closest."""
    if len(members) > _LARGEST_EXACT:
        first = members[0]
        return [(members[1], jaccard(shingles[first], shingles[members[1]]))] + \
            [(first, jaccard(shingles[first], shingles[m])) for m in members[1:]]
    codes = {}
    body_codes = np.array([codes.setdefault(bodies[m], len(codes)) for m in members])
    matrix = np.where(body_codes[:, None] != body_codes[None, :],
                      similarity_matrix([shingles[m] for m in members]), -1.0)
    columns = np.argmax(matrix, axis=1)
    return [(members[int(c)], round(float(matrix[row, c]), 3)) for row, c in enumerate(columns)]
