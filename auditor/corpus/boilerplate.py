"""Boilerplate: text that many bodies print, or that the format and the law prescribe.

A shingle is boilerplate when it occurs in the narrative of at least
max(boilerplate_min_bodies, boilerplate_share × bodies in the batch) distinct bodies, or in
one of the prescribed formulas (auditor/rules/boilerplate.txt and the section titles).
Boilerplate never makes a passage a copy; it is listed in the analysis as such.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from auditor.corpus.parameters import ReuseParameters
from auditor.corpus.shingles import shingle_hashes
from auditor.template.formats import SECTION_TITLES, section_titles

_SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")
_MIN_SENTENCE = 10
_MAX_LISTED = 100


@cache
def prescribed_formulas() -> tuple[str, ...]:
    lines = resources.files("auditor.rules").joinpath("boilerplate.txt").read_text(encoding="utf-8").splitlines()
    formulas = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    formulas += [title for number in SECTION_TITLES for title in section_titles(number)]
    return tuple(formulas)


@dataclass(frozen=True)
class Boilerplate:
    """The boilerplate shingles of one batch (sorted hashes) and the share threshold in bodies."""

    hashes: np.ndarray
    shared: np.ndarray  # the subset found by share across bodies (not only prescribed)
    min_bodies: int

    def mask(self, hashes: np.ndarray) -> np.ndarray:
        return _member(self.hashes, hashes)

    def shared_mask(self, hashes: np.ndarray) -> np.ndarray:
        return _member(self.shared, hashes)


def _member(sorted_values: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    if not len(sorted_values) or not len(hashes):
        return np.zeros(len(hashes), dtype=bool)
    index = np.minimum(np.searchsorted(sorted_values, hashes), len(sorted_values) - 1)
    return sorted_values[index] == hashes


def find_boilerplate(doc_shingles: list[np.ndarray], doc_bodies: list, params: ReuseParameters) -> Boilerplate:
    """`doc_shingles[i]` holds the unique shingle hashes of document i, written by body `doc_bodies[i]`."""
    by_body: dict = {}
    for shingles, body in zip(doc_shingles, doc_bodies):
        by_body.setdefault(body, []).append(shingles)
    per_body = [np.unique(np.concatenate(parts)) for parts in by_body.values()]
    min_bodies = max(params.boilerplate_min_bodies, math.ceil(params.boilerplate_share * len(by_body)))
    shared = np.zeros(0, dtype=np.uint64)
    if per_body:
        values, counts = np.unique(np.concatenate(per_body), return_counts=True)
        shared = values[counts >= min_bodies]
    formulas = [shingle_hashes(text, params.shingle_size) for text in prescribed_formulas()]
    every = np.unique(np.concatenate([shared, *formulas]))
    return Boilerplate(every, shared, min_bodies)


def boilerplate_sentences(documents, boilerplate: Boilerplate, params: ReuseParameters) -> list[dict]:
    """Sentences made only of shared boilerplate, with the number of bodies printing each.

    `documents` yields (body, [passage text, ...]); the list is ordered by bodies, then text.
    """
    bodies: dict[str, set] = {}
    prescribed: dict[str, bool] = {}  # each distinct sentence tested once (copies repeat them)
    for body, texts in documents:
        for text in texts:
            for match in _SENTENCE.finditer(text):
                sentence = match.group().strip()
                if sentence not in prescribed:
                    prescribed[sentence] = len(sentence) >= _MIN_SENTENCE and bool(
                        boilerplate.shared_mask(shingle_hashes(sentence, params.shingle_size)).all())
                if prescribed[sentence]:
                    bodies.setdefault(sentence, set()).add(body)
    counted = Counter({text: len(found) for text, found in bodies.items() if len(found) >= boilerplate.min_bodies})
    ranked = sorted(counted.items(), key=lambda item: (-item[1], item[0]))[:_MAX_LISTED]
    return [{"text": text, "bodies": count} for text, count in ranked]
