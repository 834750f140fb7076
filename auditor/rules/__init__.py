"""Rules kept as data files (word lists, phrase patterns), read by the checks that use them."""
from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def word_pairs(name: str) -> tuple[tuple[str, str], ...]:
    """A two-column data file (wrong<TAB>right), comments with #."""
    pairs = []
    for line in _entries(name):
        wrong, right = line.split("\t")
        pairs.append((wrong.strip(), right.strip()))
    return tuple(pairs)


@cache
def words(name: str) -> tuple[str, ...]:
    """A one-column data file (one word a line), comments with #."""
    return tuple(_entries(name))


def _entries(name: str) -> list[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line for line in (raw.split("#", 1)[0].strip() for raw in text.splitlines()) if line]
