"""Which format version a report follows, told by what its tables print (format.md §2: "which
format a table follows is told by its labels, not by the report year"), and which one it should
follow by its year."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from auditor.template.formats import (ACTIVE_2019, ACTIVE_2021, ACTIVE_CONTENT, FEE_HEADER_2021, FEE_HEADER_VARIANTS,
                                      LATEST, V2019, V2021, VERSIONS, active_headers)
from auditor.template.labels import closest, label_key

UNKNOWN = "unknown"
_DEVIATION_MIN = 80
_HEADERS = {"2021": active_headers(ACTIVE_2021), "2019": active_headers(ACTIVE_2019)}
_HEADER_VARIANTS = {label_key(v): FEE_HEADER_2021 for v in FEE_HEADER_VARIANTS}


def expected_version(year: int) -> str:
    """The version a report on `year` must follow: the newest whose first year it reaches."""
    return max((v for v in VERSIONS.values() if v.first_year <= year), key=lambda v: v.first_year,
               default=V2019).key


def is_active_block_header(text: str) -> bool:
    """A table 二 block opener (「第二十条第（X）项」) or the 「信息内容」 header."""
    return "第二十条" in text or ACTIVE_CONTENT in text


@lru_cache(maxsize=1024)
def active_version(labels: tuple[str, ...]) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The version table 二's label cells tell by their column headers, and the (printed, expected)
    header deviations. Cached: reports of one layout print the same labels, whatever their numbers."""
    matches = []  # (printed, version, best header, score)
    for text in labels:
        if is_active_block_header(text):
            continue
        key = label_key(text)
        if key in _HEADER_VARIANTS:
            matches.append((text, "2021", _HEADER_VARIANTS[key], 100.0))
            continue
        for version, candidates in _HEADERS.items():
            best, score = closest(key, candidates)
            matches.append((text, version, best, score))
    matches = _complete_broken_headers(matches)
    votes = {v: sum(1 for _, vv, _, score in matches if vv == v and score == 100) for v in _HEADERS}
    version = V2019.key if votes["2019"] > votes["2021"] else V2021.key
    deviations = tuple((printed, best) for printed, vv, best, score in matches
                       if vv == version and _DEVIATION_MIN <= score < 100)
    return version, deviations


def _complete_broken_headers(matches):
    """A header cell broken over two text lines (「本年制发」 … 「件数」) reads as its full label
    when its missing tail is printed among the header cells; such cells are no deviation."""
    printed = {label_key(p) for p, *_ in matches}
    completed = []
    for printed_text, version, best, score in matches:
        key, full = label_key(printed_text), label_key(best)
        if score < 100 and key and full.startswith(key) and full[len(key):] in printed:
            score = 100.0
        completed.append((printed_text, version, best, score))
    return completed


def requests_version(row_keys: Iterable[str]) -> str:
    """The version of table 三 by the rows read: （六）其他处理 as one row without its three
    sub-items is the 2019 table."""
    keys = set(row_keys)
    one_row = "3.6" in keys and not any(k.startswith("3.6.") for k in keys)
    return V2019.key if one_row else V2021.key


def report_version(tables: dict) -> str:
    """A report's version: that of its table 三, else of its table 二 (read whole or in part: its
    column headers tell the version), else unknown."""
    for name in ("requests", "active"):
        table = tables.get(name)
        if table is not None and (table.ok or (name == "active" and table.status == "partial")):
            return table.template
    return UNKNOWN


__all__ = ["UNKNOWN", "LATEST", "expected_version", "active_version", "requests_version", "report_version",
           "is_active_block_header"]
