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

from auditor.limits import limits
from auditor.normalise import normalise_cell
from auditor.template.relations import Arithmetic
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
    candidates: tuple[tuple[Value, ...], ...] = ()  # the readings the row's own relations leave, when several


_SPLIT = "按勾稽关系拆分粘连的数字"
_FILLED = "按勾稽关系补齐缺失的一格"
_BOTH = "按勾稽关系还原"
_BY_DIGITS = "粘连的数字只有一种拆法"
_MAX_CANDIDATES = 64


def read_row(tokens: list[Token], width: int, rules: Arithmetic | None) -> RowReading:
    """The `width` values of one row from its value tokens, or why they cannot be read.

    When the tokens are fewer than `width`, every reading is enumerated: each run of digits cut
    into one or more numbers (no leading zeros, none longer than the digit limit) and, where the
    row was printed with separated cells, cells lost in extraction. A lost cell is given back only
    by the template's relations among the row's cells (`rules`: one relation solves one lost cell);
    a reading is kept only when it is the only one that the relations (or, without relations, the
    digits alone) leave. One run of glued digits is taken as cells glued, none lost: the row's
    relations must then confirm the cut. A row of several tokens has either digits glued or cells
    lost, not both (a converter that kept the cells apart did not also glue two of them)."""
    plain = tuple(t.value for t in tokens)
    if len(tokens) == width:
        return RowReading(plain)
    if len(tokens) > width:
        return RowReading(None, problem=f"应有 {width} 个数值，读到 {len(tokens)} 个")
    relations = rules.relations if rules is not None else ()
    short = width - len(tokens)
    if not relations:
        passes = range(0, short + 1)
    elif len(tokens) == 1:
        passes = range(0, 1)
    else:  # a row printed as separate cells has digits glued or cells lost, not both
        passes = [0] + ([short] if short <= len(relations) else [])
    readings: dict[tuple[Value, ...], str] = {}
    undetermined = False
    options = [_options(t, width - len(tokens) + 1) for t in tokens]
    budget = [_MAX_READINGS]
    for lost in passes:
        for values in _cuts(options, width - lost, budget):
            if not lost:
                if not relations or rules.holds(values):
                    readings.setdefault(values, _SPLIT if relations else _BY_DIGITS)
                continue
            if not relations:
                undetermined = True  # a lost cell no relation gives back: any number could stand there
                break
            for places in itertools.combinations(range(width), lost):
                budget[0] -= 1
                solved = rules.solve(_with_gaps(values, places, width), count)
                if solved is not None:
                    readings[solved] = _BOTH if readings.get(solved, _FILLED) != _FILLED else _FILLED
        if budget[0] <= 0:
            return RowReading(None, problem=f"应有 {width} 个数值，读到 {len(tokens)} 个，可能的读法过多，无法确定")
        if undetermined:
            break
    if len(readings) == 1 and not undetermined:
        (values, how), = readings.items()
        return RowReading(values, recovered=how)
    if not readings:
        return RowReading(None, problem=f"应有 {width} 个数值，读到 {len(tokens)} 个，无法可靠还原")
    if undetermined:
        return RowReading(None, problem=f"应有 {width} 个数值，读到 {len(tokens)} 个，且缺格无勾稽关系可核对")
    candidates = tuple(readings) if len(readings) <= _MAX_CANDIDATES else ()
    return RowReading(None, problem=f"数字粘连或缺格，有 {len(readings)} 种可能的读法，无法确定", candidates=candidates)


def _with_gaps(values: tuple[Value, ...], places: tuple[int, ...], width: int) -> tuple:
    """`values` spread over `width` cells, None at the lost `places`."""
    it = iter(values)
    return tuple(None if i in places else next(it) for i in range(width))


def _options(token: Token, most: int) -> list[tuple[Value, ...]]:
    """The ways one token reads as consecutive cells: itself, or a run of digits cut in pieces."""
    if token.kind != "glued":
        return [(token.value,)]
    return list(_splits(token.text, min(len(token.text), most))) or [(token.value,)]


def _cuts(options: list[list[tuple[Value, ...]]], parts: int, budget: list[int]):
    """Every choice of one option per token giving `parts` values in all (`budget` bounds the work)."""
    if not options:
        if parts == 0:
            yield ()
        return
    least_after = len(options) - 1
    for option in options[0]:
        budget[0] -= 1
        if budget[0] <= 0:
            return
        if len(option) > parts - least_after:
            continue
        for rest in _cuts(options[1:], parts - len(option), budget):
            yield option + rest


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

