"""Rules kept as data files (word lists, phrase patterns), read by the checks that use them."""
from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def word_pairs(name: str) -> tuple[tuple[str, str], ...]:
    """A two-column data file (wrong<TAB>right), comments with #."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    pairs = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            wrong, right = line.split("\t")
            pairs.append((wrong.strip(), right.strip()))
    return tuple(pairs)
