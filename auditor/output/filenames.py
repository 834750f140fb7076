"""Safe, unique file names for the per-report pages, derived from body names.

A body name comes from the report itself, so it is untrusted: only letters, digits, 「-」 and
「_」 survive (no separators, dots or control characters, hence no path traversal), names are
capped in length, Windows device names are avoided, and names that would clash — also on a
case-insensitive file system — get a numbered suffix in batch order.
"""
from __future__ import annotations

import re
import unicodedata

_MAX = 60
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$", re.I)


def safe_stem(name: str) -> str:
    """A file-name stem from any text: letters and digits kept, every other run becomes 「_」."""
    text = unicodedata.normalize("NFKC", name)
    kept = "".join(ch if ch in "-_" or unicodedata.category(ch)[0] in "LN" else " " for ch in text)
    stem = "_".join(kept.split())[:_MAX].strip("_-")
    if not stem:
        return "report"
    return f"_{stem}" if _RESERVED.match(stem) else stem


def unique_names(names: list[str], suffix: str = ".html") -> list[str]:
    """One safe file name per entry of `names`, none repeated (compared without case)."""
    taken: set[str] = set()
    result = []
    for name in names:
        stem = safe_stem(name)
        candidate, number = stem, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{stem}-{number}"
        taken.add(candidate.casefold())
        result.append(candidate + suffix)
    return result
