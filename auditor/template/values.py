"""A table cell as read: a count, an amount (a `Decimal` as printed), blank, 「/」 or unreadable.

Never a silent 0: a blank or 「/」 is its own kind of value, and the relations of the template
are not evaluated over it (TA206 reports it). An unreadable cell keeps the text it printed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from auditor.limits import limits

BLANK_MARKS = frozenset({"/", "／", "—", "——", "-", "－", "--", "―", "无", "空"})
SLASH_MARKS = frozenset({"/", "／"})
_WHOLE = re.compile(r"-?\d+")
_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)?")
_IN_WAN_YUAN = {"亿元": Decimal(10000), "万元": Decimal(1), "元": Decimal("0.0001"), None: Decimal(1)}

KINDS = ("count", "amount", "blank", "slash", "unreadable")


@dataclass(frozen=True, slots=True)
class Value:
    """One cell. `number` is an int for a count, a Decimal (in 万元) for an amount, else None;
    `printed` is the cell's text as printed ("" for an empty cell)."""

    kind: str
    printed: str = ""
    number: int | Decimal | None = None

    @property
    def is_number(self) -> bool:
        return self.number is not None

    @property
    def is_blank(self) -> bool:
        """Nothing reported: left empty or marked 「/」 「—」."""
        return self.kind in ("blank", "slash")

    def json(self, amount: bool = False):
        """The interfaces.md §2 value: an int for a count, null for a blank count, the printed
        text for an amount cell (as printed, whatever it says) or an unreadable count."""
        if amount:
            return self.printed if self.printed else None
        if self.kind == "count":
            return self.number
        return None if self.is_blank else self.printed


BLANK = Value("blank")


def count_value(text: str) -> Value:
    """A printed count cell: a whole number (negative ones too, TA205 judges them), a blank
    mark, or unreadable text (「1.5」, 「约3」, a number longer than the digit limit in force)."""
    return _count_value(text, limits().max_digits)


@lru_cache(maxsize=8192)
def _count_value(text: str, max_digits: int) -> Value:
    bare = text.strip().removesuffix("件").strip()
    if not bare:
        return BLANK
    if bare in BLANK_MARKS:
        return Value("slash" if bare in SLASH_MARKS else "blank", bare)
    if _WHOLE.fullmatch(bare) and len(bare.lstrip("-")) <= max_digits:
        return Value("count", bare, int(bare))
    return Value("unreadable", bare)


def amount_value(text: str) -> Value:
    """A printed money cell: a non-negative decimal in 万元 (a unit printed after it converts;
    a bare number is in 万元, the unit of table 二), a blank mark, or unreadable text."""
    return _amount_value(text, limits().max_digits)


@lru_cache(maxsize=8192)
def _amount_value(text: str, max_digits: int) -> Value:
    printed = text.strip()
    if not printed:
        return BLANK
    if printed in BLANK_MARKS:
        return Value("slash" if printed in SLASH_MARKS else "blank", printed)
    match = _AMOUNT.fullmatch(printed)
    if match is None or len(match.group(1)) > max_digits + 8:  # digits, separators, decimals
        return Value("unreadable", printed)
    return Value("amount", printed, Decimal(match.group(1).replace(",", "")) * _IN_WAN_YUAN[match.group(2)])


def count(number: int) -> Value:
    """A count known by its number (recovered by arithmetic, or generated)."""
    return Value("count", str(number), number)
