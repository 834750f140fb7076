"""Cell values: numbers, blanks and labels, and reading a row's values without guessing.

A row needs a known number of values. When the text gives fewer (a cell lost in extraction)
or gives digits glued together (「行政规范性文件8855698」), every possible reading is
enumerated and the row's own arithmetic (if it has one) must leave exactly one; otherwise
the row is unreadable. A wrong number is worse than no number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from auditor.limits import limits
from auditor.normalise import normalise_cell
from auditor.template.relations import Arithmetic
from auditor.template.values import BLANK_MARKS, Value, count, count_value

_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_TRAILING_NUMBERS = re.compile(r"^(?P<label>.*?[^\d\s.\-])(?P<numbers>(?:\s*(?:-?\d+(?:\.\d+)?|[/／—－]))+)$")
_MAX_READINGS = 2_000  # steps of the search for one row's readings: beyond it the row is not read (IN003)
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
_MAX_CANDIDATES = 64  # readings of one row handed to the column relations; more: the row is not read


class _TooMany(Exception):
    """More readings to try than the budget allows."""


def read_row(tokens: list[Token], width: int, rules: Arithmetic | None) -> RowReading:
    """The `width` values of one row from its value tokens, or why they cannot be read.

    When the tokens are fewer than `width`, every reading is enumerated cell by cell: each run of
    digits cut into numbers (no leading zeros, none longer than the digit limit) and cells lost in
    extraction (an empty cell leaves nothing in flattened text). A lost cell is given back only by
    the template's relations among the row's cells (`rules`), each relation solving at most one;
    without a relation a lost cell could hold anything, so any reading with one makes the row
    ambiguous. In a row printed as separate cells either digits are glued or cells lost, not both;
    one run of digits (flattened text) may be both. A reading is kept only when it is the only one
    the relations (or, without relations, the digits alone) leave; several are returned as
    candidates (when few) for the table's other relations to judge."""
    plain = tuple(t.value for t in tokens)
    if len(tokens) == width:
        return RowReading(plain)
    if len(tokens) > width:
        return RowReading(None, problem=f"应有 {width} 个数值，读到 {len(tokens)} 个")
    relations = rules.relations if rules is not None else ()
    short = width - len(tokens)
    if not relations:
        passes = [(True, short)]
    elif len(tokens) == 1:
        passes = [(True, min(len(relations), width - 1))]
    else:
        passes = [(True, 0)] + ([(False, short)] if short <= len(relations) else [])
    readings: dict[tuple[Value, ...], str] = {}
    undetermined = False
    budget = [_MAX_READINGS]
    try:
        for cut, most_lost in passes:
            for values, lost in _readings(tokens, width, rules, cut, most_lost, budget):
                if None in values:
                    undetermined = True  # a lost cell no relation gives back: any number could stand there
                    break
                how = _FILLED if lost else _SPLIT if relations else _BY_DIGITS
                readings[values] = _BOTH if readings.get(values, how) != how else how
                if len(readings) > _MAX_CANDIDATES:
                    raise _TooMany  # more readings than the table's other relations are given to judge
            if undetermined:
                break
    except _TooMany:
        return RowReading(None, problem=f"应有 {width} 个数值，读到 {len(tokens)} 个，可能的读法过多，无法确定")
    if len(readings) == 1 and not undetermined:
        (values, how), = readings.items()
        return RowReading(values, recovered=how)
    if undetermined:
        return RowReading(None, problem=f"应有 {width} 个数值，读到 {len(tokens)} 个，且缺格无勾稽关系可核对")
    if not readings:
        return RowReading(None, problem=f"应有 {width} 个数值，读到 {len(tokens)} 个，无法可靠还原")
    candidates = tuple(readings) if len(readings) <= _MAX_CANDIDATES else ()
    return RowReading(None, problem=f"数字粘连或缺格，有 {len(readings)} 种可能的读法，无法确定", candidates=candidates)


def _readings(tokens: list[Token], width: int, rules: Arithmetic | None, cut: bool, most_lost: int, budget: list[int]):
    """Every reading of the tokens as `width` cells, left to right: a cell is the next token, the
    next piece of a run of digits (`cut`), or lost (at most `most_lost`); each relation is judged
    as soon as its last cell is placed, solving its one lost cell if it has one. Yields (values,
    lost count); values hold None for a lost cell no relation solved. Each step spends one unit
    of `budget`; _TooMany is raised when it runs out."""
    due: list[list] = [[] for _ in range(width)]
    for terms in (rules.linear if rules is not None else ()):
        due[max(place for place, _ in terms)].append(terms)
    capacity = [0] * (len(tokens) + 1)  # how many cells the tokens from i on can give at most
    for i in range(len(tokens) - 1, -1, -1):
        glued = cut and tokens[i].kind == "glued"
        capacity[i] = capacity[i + 1] + (len(tokens[i].text) if glued else 1)
    values: list = [None] * width  # None: a lost cell (not yet solved)
    numbers: list = [None] * width  # each placed cell's number (None: lost, blank, 「/」 or unreadable)
    longest = limits().max_digits

    def settle(j: int):
        """Judge the relations due at cell j: the cells filled by solving, or None if one fails. A
        relation holds only over numbers (a blank or 「/」 confirms no cut); a lost cell is solved
        only from counts."""
        filled = []
        for terms in due[j]:
            total, open_place, open_sign = 0, None, 0
            for place, sign in terms:
                if values[place] is None:
                    if open_place is not None:
                        break  # two lost cells: this relation solves neither
                    open_place, open_sign = place, sign
                    continue
                number = numbers[place]
                if number is None:
                    break
                total += sign * number
            else:
                if open_place is None:
                    if total == 0:
                        continue
                elif type(total) is int and total * open_sign <= 0:  # a count, not an amount
                    number = -total * open_sign
                    values[open_place], numbers[open_place] = count(number), number
                    filled.append(open_place)
                    continue
            break
        else:
            return filled
        for p in filled:
            values[p] = numbers[p] = None
        return None

    def step(j: int, i: int, offset: int, lost: int):
        budget[0] -= 1
        if budget[0] <= 0:
            raise _TooMany
        if j == width:
            if i == len(tokens):
                yield tuple(values), lost
            return
        left = width - j
        if len(tokens) - i > left or left > capacity[i] - offset + most_lost - lost:
            return
        choices = []
        if lost < most_lost:
            choices.append((None, i, offset, lost + 1))
        if i < len(tokens):
            token = tokens[i]
            if not (cut and token.kind == "glued"):
                choices.append((token.value, i + 1, 0, lost))
            else:
                digits = token.text
                for size in range(1, min(len(digits) - offset, longest) + 1):
                    piece = digits[offset:offset + size]
                    if size > 1 and piece[0] == "0":
                        break
                    done = offset + size == len(digits)
                    value = token.value if done and offset == 0 else count(int(piece))
                    choices.append((value, i + 1 if done else i, 0 if done else offset + size, lost))
        for value, ni, noffset, nlost in choices:
            values[j] = value
            numbers[j] = None if value is None else value.number
            filled = settle(j)
            if filled is not None:
                yield from step(j + 1, ni, noffset, nlost)
                for p in filled:
                    values[p] = numbers[p] = None
            values[j] = numbers[j] = None

    yield from step(0, 0, 0, 0)
