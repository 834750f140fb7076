"""Comparing printed labels with the template's: a label reduced to its key, and similarity."""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

_NUMBERING = re.compile(r"^(?:[（(]?[一二三四五六七八九十]+[）)、.．]|[（(]\d+[）)]|\d+[.、．](?!\d))+")
_NOT_WORD = re.compile(r"[^0-9A-Za-z\u3400-\u9fff/]")


@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """A label reduced to what identifies it: no numbering, spaces or punctuation."""
    return _NOT_WORD.sub("", _NUMBERING.sub("", re.sub(r"\s+", "", text)))


def similarity(a: str, b: str) -> float:
    """Similarity 0–100 of two label keys."""
    return fuzz.ratio(a, b)


@lru_cache(maxsize=8192)
def closest(key: str, labels: tuple[str, ...]) -> tuple[str, float]:
    """The label most similar to a label key (the first of equals) and its similarity."""
    best = max(labels, key=lambda label: similarity(key, label_key(label)))
    return best, similarity(key, label_key(best))
