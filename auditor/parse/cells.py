"""Cell values: numbers, blanks and labels, and reading a row's values without guessing.

A row needs a known number of values. When the text gives fewer (a cell lost in extraction)
or gives digits glued together (「行政规范性文件8855698」), every possible reading is
enumerated and the row's own arithmetic (if it has one) must leave exactly one; otherwise
the row is unreadable. A wrong number is worse than no number.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from math import comb
from typing import Callable

from auditor.limits import limits
from auditor.normalise import normalise_cell
from auditor.template.values import BLANK_MARKS, Value, count, count_value

_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_TRAILING_NUMBERS = re.compile(r"^(?P<label>.*?[^\d\s.\-])(?P<numbers>(?:\s*(?:-?\d+(?:\.\d+)?|[/／—－]))+)$")
_MAX_READINGS = 200_000
_GLUED = re.compile(r"\d{2,}")
_NUMBERED_LABEL_END = re.compile(r"\d+[.．]$")
# A cell of rule characters only: the `|` line between vertical cells, a Markdown pipe or its
# `|---|:---:|` separator row. It holds no value (and must never stand in for one).
_RULE_ONLY = re.compile(r"[|｜¦]+[\s|｜¦:\-—]*|[:\-]*-{3,}[:\-]*")


@dataclass(frozen=True)
class Token:
    """One cell-sized piece of a table: a label, a value, or digits that may be glued values."""

    kind: str  # "label" | "value" | "glued"
    text: str
    value: Value = None


def tokenise(cells: list[str]) -> list[Token]:
    """Cells in reading order to tokens; a label with numbers glued on is split."""
    tokens: list[Token] = []
    for raw in cells:
        tokens.extend(_cell_tokens(raw))
    return tokens


@lru_cache(maxsize=8192)
def _cell_tokens(raw: str) -> tuple[Token, ...]:
    """The tokens of one printed cell (cells repeat across reports: 「0」, the labels)."""
    cell = normalise_cell(raw)
    if not cell or _RULE_ONLY.fullmatch(cell):
        return ()
    parts = cell.split()
    if all(_is_value(p) for p in parts):
        return tuple(_value_token(p) for p in parts)
    match = _TRAILING_NUMBERS.match(cell)
    if match and not _NUMBERED_LABEL_END.search(match.group("label")):
        return (Token("label", match.group("label").strip()),
                *(_value_token(p) for p in match.group("numbers").split()))
    return (Token("label", cell),)


def _is_value(text: str) -> bool:
    return bool(_NUMBER.match(text.removesuffix("件"))) or text in BLANK_MARKS


def _value_token(text: str) -> Token:
    if _GLUED.fullmatch(text):
        return Token("glued", text, count_value(text))
    return Token("value", text, count_value(text))


@dataclass(frozen=True)
class RowReading:
    values: tuple[Value, ...] | None
    recovered: str = ""  # how the values were recovered, if they were
    problem: str = ""  # why the row could not be read


def read_row(tokens: list[Token], width: int, check: Callable[[tuple[Value, ...]], bool] | None) -> RowReading:
    """The `width` values of one row from its value tokens, or why they cannot be read."""
    plain = tuple(t.value for t in tokens)
    if len(tokens) == width:
        return RowReading(plain)
    if len(tokens) > width and not any(t.kind == "glued" for t in tokens):
        return RowReading(None, problem=f"应有 {width} 个数值，读到 {len(tokens)} 个")
    if check is None:  # a split no relation confirms is a guess: 「17」 may be 1 and 7, or 17 and a lost cell
        return RowReading(None, problem=f"应有 {width} 个数值，读到 {len(tokens)} 个，且该行没有可核对的勾稽关系")
    readings = set(_glued_readings(tokens, width, check))
    how = "按勾稽关系拆分粘连的数字"
    if len(tokens) == width - 1:
        missing = {r for r in _one_missing(plain, width) if check(r)}
        how = how if not missing else "按勾稽关系补齐缺失的一格" if not readings else "按勾稽关系还原"
        readings |= missing
    if len(readings) == 1:
        return RowReading(readings.pop(), recovered=how)
    if not readings:
        return RowReading(None, problem=f"应有 {width} 个数值，读到 {len(tokens)} 个，无法可靠还原")
    return RowReading(None, problem=f"数字粘连或缺格，有 {len(readings)} 种可能的读法，无法确定")


def _one_missing(values: tuple[Value, ...], width: int):
    """Every row with one more cell inserted somewhere, its number being the one that makes the
    row's last cell the sum of the others (the candidates; the row's relations then judge)."""
    if any(v.kind != "count" for v in values):
        return
    numbers = [v.number for v in values]
    for position in range(width):
        filler = sum(numbers) if position == width - 1 else numbers[-1] - sum(numbers[:-1])
        if filler >= 0:
            yield values[:position] + (count(filler),) + values[position:]


def _glued_readings(tokens: list[Token], width: int, check):
    """Every way to split glued digit tokens so that the row has `width` values passing check."""
    glued = [i for i, t in enumerate(tokens) if t.kind == "glued"]
    extra = width - len(tokens)
    if not glued or extra < 0:
        return
    options = []
    for i in glued:
        digits = tokens[i].text
        options.append([(i, parts) for parts in _splits(digits, min(len(digits), extra + 1))])
    count = 1
    for opt in options:
        count *= len(opt)
        if count > _MAX_READINGS:
            return
    for combination in itertools.product(*options):
        if sum(len(parts) - 1 for _, parts in combination) != extra:
            continue
        chosen = dict(combination)
        values: list[Value] = []
        for i, token in enumerate(tokens):
            values.extend(chosen[i] if i in chosen else (token.value,))
        reading = tuple(values)
        if check(reading):
            yield reading


def _splits(digits: str, max_parts: int):
    """All ways to cut a digit string into 1..max_parts numbers without leading zeros, none
    longer than the digit limit (a cell of thousands of digits is no count)."""
    n, longest = len(digits), limits().max_digits
    if n > longest * max_parts:
        return
    for parts in range(1, max_parts + 1):
        if comb(n - 1, parts - 1) > _MAX_READINGS:
            break
        for cuts in itertools.combinations(range(1, n), parts - 1):
            bounds = (0, *cuts, n)
            pieces = [digits[a:b] for a, b in zip(bounds, bounds[1:])]
            if all((p == "0" or not p.startswith("0")) and len(p) <= longest for p in pieces):
                yield tuple(count(int(p)) for p in pieces)

