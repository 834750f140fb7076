"""Character shingles of a passage as 64-bit hashes, computed with numpy.

Shingle i is `text[i:i + k]` with every digit read as 0 (a changed number or year does not
make two passages differ); its hash is a polynomial of the code points (wrapping 64-bit
arithmetic), the same in every process (unlike Python's salted `hash`).
"""
from __future__ import annotations

import numpy as np

_BASE = np.uint64(1_000_003)
_EMPTY = np.zeros(0, dtype=np.uint64)
_DIGITS = str.maketrans("123456789１２３４５６７８９０", "0" * 19)


def shingle_hashes(text: str, k: int) -> np.ndarray:
    """Hashes of the len(text) - k + 1 shingles of `text` in order (empty when shorter than k)."""
    if len(text) < k:
        return _EMPTY
    codes = np.frombuffer(text.translate(_DIGITS).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    count = len(codes) - k + 1
    hashes = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            hashes = hashes * _BASE + codes[j:j + count]
    return hashes


def covered_chars(shingle_mask: np.ndarray, length: int, k: int) -> np.ndarray:
    """Per character: does some shingle flagged in `shingle_mask` cover it?"""
    covered = np.zeros(length, dtype=bool)
    for j in range(k):
        covered[j:j + len(shingle_mask)] |= shingle_mask
    return covered


def han_chars(text: str) -> np.ndarray:
    """Per character: is it a Chinese character (not a digit, Latin letter, URL or punctuation)?"""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return (codes >= 0x3400) & (codes <= 0x9FFF)
