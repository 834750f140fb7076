"""The arithmetic relations of the format (format.md §5) as data, each named and tied to the code
it breaks, and their evaluation.

A relation is `left = right`, each side a signed sum of cells. A cell is named by table, row and
column and, for the relations across years, by whether it is read in the previous year's report.
A relation with an operand that is not a number (blank, 「/」, unreadable) is not evaluated: the
blank is TA206's, the unreadable cell TA205's.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from operator import itemgetter
from typing import Callable, Iterable, Iterator, Mapping

from auditor.template.formats import (REVIEW_GROUP_NAMES, TABLE_NAMES, TOTAL_ROW, Version, result_rows,
                                      version as version_of)


@dataclass(frozen=True)
class Term:
    table: str
    row: str
    column: str
    sign: int = 1
    previous: bool = False  # read in the previous year's report of the same body

    @property
    def cell(self) -> tuple[str, str, str]:
        return self.table, self.row, self.column


@dataclass(frozen=True)
class Relation:
    """`name` identifies it (「requests.balance.natural」); `code` is the finding it breaks;
    `label` says in Chinese where it holds; `left_label`/`right_label` what each side sums."""

    name: str
    code: str
    label: str
    left: tuple[Term, ...]
    right: tuple[Term, ...]
    left_label: str
    right_label: str
    location: tuple[str, str | None]  # (row, column) the finding points at
    scope: dict  # the relation's scope for the evidence: {"column": …} or {"row": …} or {"group": …}

    @cached_property
    def terms(self) -> tuple[Term, ...]:
        return self.left + self.right

    @cached_property
    def across_years(self) -> bool:
        return any(t.previous for t in self.terms)


@dataclass(frozen=True)
class Outcome:
    """A relation evaluated: the value of each side and every operand with its value."""

    relation: Relation
    left: int
    right: int
    operands: tuple[tuple[Term, object], ...]

    @property
    def holds(self) -> bool:
        return self.left == self.right


def _req(row: str, column: str, sign: int = 1, previous: bool = False) -> Term:
    return Term("requests", row, column, sign, previous)


def _build(v: Version) -> tuple[Relation, ...]:
    requests, review, active = v.tables["requests"], v.tables["review_litigation"], v.tables["active"]
    relations: list[Relation] = []
    results = result_rows(v)
    for column in requests.columns:
        where = f"表三「{column.label}」列"
        relations.append(Relation(
            f"requests.balance.{column.key}", "TA201", where,
            (_req("1", column.key), _req("2", column.key)), (_req(TOTAL_ROW, column.key), _req("4", column.key)),
            "本年新收 + 上年结转", "办理结果总计 + 结转下年度", (TOTAL_ROW, column.key), {"column": column.key}))
    for column in requests.columns:
        relations.append(Relation(
            f"requests.results.{column.key}", "TA202", f"表三「{column.label}」列",
            tuple(_req(k, column.key) for k in results), (_req(TOTAL_ROW, column.key),),
            "各项办理结果之和", "「（七）总计」", (TOTAL_ROW, column.key), {"column": column.key}))
    parts, total = requests.columns[:-1], requests.columns[-1]
    for row in requests.rows:
        relations.append(Relation(
            f"requests.row_total.{row.key}", "TA203", f"表三「{row.label}」行",
            tuple(_req(row.key, c.key) for c in parts), (_req(row.key, total.key),),
            "各类申请人之和", "总计", (row.key, total.key), {"row": row.key}))
    for group in review.rows:
        relations.append(Relation(
            f"review_litigation.total.{group.key}", "TA204", f"表四「{REVIEW_GROUP_NAMES[group.key]}」",
            tuple(Term("review_litigation", group.key, c.key) for c in review.columns[:-1]),
            (Term("review_litigation", group.key, review.columns[-1].key),),
            "四项结果之和", "总计", (group.key, review.columns[-1].key), {"group": group.key}))
    for column in requests.columns:
        relations.append(Relation(
            f"requests.carry_over.{column.key}", "HI701", f"表三「{column.label}」列",
            (_req("2", column.key),), (_req("4", column.key, previous=True),),
            "本年度上年结转", "上一年度报告结转下年度", ("2", column.key), {"column": column.key}))
    if v.key == "2021":
        for row in active.rows[:2]:
            relations.append(Relation(
                f"active.in_force.{row.key}", "HI702", f"表二「{row.label}」",
                (Term("active", row.key, "in_force"),),
                (Term("active", row.key, "in_force", previous=True), Term("active", row.key, "issued"),
                 Term("active", row.key, "repealed", -1)),
                "现行有效件数", "上年现行有效 + 本年制发 − 本年废止", (row.key, None), {"row": row.key}))
    return tuple(relations)


@lru_cache(maxsize=None)
def relations(version: str, code: str | None = None) -> tuple[Relation, ...]:
    """The relations of a version (an unknown version reads as the latest), those breaking `code` only if given."""
    found = _build(version_of(version))
    return tuple(r for r in found if code is None or r.code == code)


Lookup = Callable[[Term], object]  # a term -> its Value (anything with `.number`) or None when absent


def evaluate(relation: Relation, lookup: Lookup) -> Outcome | None:
    """The relation over the cells `lookup` gives; None when an operand is absent or not a number."""
    operands = []
    sides = [0, 0]
    for index, terms in enumerate((relation.left, relation.right)):
        for term in terms:
            value = lookup(term)
            number = getattr(value, "number", None)
            if number is None:
                return None
            operands.append((term, value))
            sides[index] += term.sign * number
    return Outcome(relation, sides[0], sides[1], tuple(operands))


# --- The compiled form: what the checker's loop runs ---------------------------------------------
# The checker sums numbers, not Values: each table read gives the tuple of its cells' numbers in
# the order of its layout (`numbers`, None for a blank, unreadable or absent cell), and each
# relation is compiled once per version into positions in those tuples. `sources` holds the
# tuples of the tables in TABLE_NAMES order, this year's then the previous year's (None where
# a table is absent).
SLOTS = {(previous, table): index + (len(TABLE_NAMES) if previous else 0)
         for previous in (False, True) for index, table in enumerate(TABLE_NAMES)}


@lru_cache(maxsize=None)
def cell_keys(version: str, table: str) -> tuple[tuple[str, str], ...]:
    """(row, column) of every cell of a table of a version, in the layout's reading order."""
    return tuple((row, column.key) for row, column in version_of(version).tables[table].cells())


def numbers(cells: Mapping[tuple[str, str], object], version: str, table: str) -> tuple:
    """The number of each cell of the table's layout (see `cell_keys`), None when the cell is
    blank, 「/」, unreadable or absent."""
    keys = cell_keys(version, table)
    try:
        return tuple([value.number for value in map(cells.get, keys)])
    except AttributeError:  # a cell absent
        return tuple(getattr(cells.get(key), "number", None) for key in keys)


def _positions(version: str, terms: tuple[Term, ...]):
    """A function giving the numbers of `terms` from one numbers tuple (always a tuple)."""
    index = {key: i for i, key in enumerate(cell_keys(version, terms[0].table))}
    places = [index[(t.row, t.column)] for t in terms]
    if len(places) == 1:
        only = places[0]
        return lambda found: (found[only],)
    return itemgetter(*places)


@dataclass(frozen=True, slots=True)
class Compiled:
    """A relation as the checker's loop runs it. `slot` is set when every term lies in one
    table of one year with sign +1 (all but HI701/HI702): `left`/`right` then give a side's
    numbers from that table's tuple in one call; else `terms` are (slot, position, sign, side)."""

    relation: Relation
    slot: int | None
    left: Callable[[tuple], tuple] | None
    right: Callable[[tuple], tuple] | None
    terms: tuple[tuple[int, int, int, int], ...] = ()


@lru_cache(maxsize=None)
def compiled(version: str, code: str | None = None) -> tuple[Compiled, ...]:
    """The relations of `relations(version, code)` compiled once per version and code into
    positions in the numbers tuples, so that evaluation builds no label, dict or object."""
    key = version_of(version).key
    found = []
    for r in relations(version, code):
        slots = {SLOTS[(t.previous, t.table)] for t in r.terms}
        if len(slots) == 1 and all(t.sign == 1 for t in r.terms):
            found.append(Compiled(r, slots.pop(), _positions(key, r.left), _positions(key, r.right)))
            continue
        terms = tuple((SLOTS[(t.previous, t.table)], cell_keys(key, t.table).index((t.row, t.column)), t.sign,
                       0 if side is r.left else 1) for side in (r.left, r.right) for t in side)
        found.append(Compiled(r, None, None, None, terms))
    return tuple(found)


_NOT_EVALUATED = TypeError  # a None (blank, unreadable, absent) in a sum


def broken_relations(version: str, code: str | None, sources: tuple) -> Iterator[Relation]:
    """The relations of `version` (breaking `code`) that can be evaluated over `sources` (a
    numbers tuple per slot, see SLOTS) and do not hold; a relation with an operand that is absent
    or not a number is not evaluated."""
    for entry in compiled(version, code):
        if entry.slot is not None:
            found = sources[entry.slot]
            if found is None:
                continue
            try:
                if sum(entry.left(found)) == sum(entry.right(found)):
                    continue
            except _NOT_EVALUATED:
                continue
        else:
            sides = [0, 0]
            for slot, place, sign, side in entry.terms:
                table = sources[slot]
                number = table[place] if table is not None else None
                if number is None:
                    break
                sides[side] += number if sign > 0 else -number
            else:
                if sides[0] != sides[1]:
                    yield entry.relation
            continue
        yield entry.relation


# --- Sums of cells that no relation names: a row's or a group's total ----------------------------
def total_terms(version: str, table: str, key: str) -> tuple[Term, ...]:
    """The cells whose sum is the total of row or group `key` of `table` (三 or 四): the 总计 cell
    of the row itself, or of each data row under the group (行政诉讼 = 未经复议直接起诉 +
    复议后起诉; （三）不予公开 = its eight rows)."""
    return _total_terms(version_of(version).key, table, key)


@lru_cache(maxsize=None)
def _total_terms(version: str, table: str, key: str) -> tuple[Term, ...]:
    layout = version_of(version).tables[table]
    rows = layout.members(key) or (key,)
    return tuple(Term(table, row, layout.total_column.key) for row in rows)


def sum_of(terms: Iterable[Term], lookup: Lookup) -> tuple[int | None, tuple[tuple[Term, object], ...]]:
    """The signed sum of the cells, and each operand with its value; the sum is None when an
    operand is absent or not a number (a blank is no 0)."""
    operands, total = [], 0
    for term in terms:
        value = lookup(term)
        number = getattr(value, "number", None)
        if number is None:
            return None, ()
        operands.append((term, value))
        total += term.sign * number
    return total, tuple(operands)


# --- Completing values by the relations (the generator's tables) ---------------------------------
Cell = tuple[str, str, str]  # (table, row, column)


def solve(version: str, known: Mapping[Cell, int], previous: Mapping[Cell, int] | None = None) -> dict[Cell, int]:
    """`known` completed by the relations of `version`: while a relation has every operand known
    but one of this year's, that one is set so that the relation holds (a total from its parts,
    a carried-forward count from the balance, 现行有效 from last year's and this year's). The
    cells of the previous year's report are `previous` (never set). What no relation
    determines stays absent. For the generator, whose tables hold by construction; a reading
    never fills a cell so."""
    found, before = dict(known), previous or {}
    pending = list(relations(version))
    while True:
        solved = [r for r in pending if _fill(r, found, before)]
        if not solved:
            return found
        pending = [r for r in pending if r not in solved]


def _fill(relation: Relation, found: dict[Cell, int], before: Mapping[Cell, int]) -> bool:
    """Sets the one unknown operand of `relation` in `found`; whether it did."""
    rest, unknown = 0, []
    for side, terms in ((1, relation.left), (-1, relation.right)):
        for term in terms:
            source = before if term.previous else found
            if term.cell in source:
                rest += side * term.sign * source[term.cell]
            elif term.previous:
                return False  # last year's cell is given or not, never set
            else:
                unknown.append((side * term.sign, term.cell))
    if len(unknown) != 1:
        return False
    coefficient, cell = unknown[0]
    found[cell] = -rest * coefficient  # coefficient · x + rest = 0, coefficient ±1
    return True


def holds_all(relations_: Iterable[Relation], values: dict[tuple[str, str], object]) -> bool:
    """Whether every relation whose operands are all in `values` ((row, column) → Value) holds and
    at least one could be evaluated: the test a reading of glued or missing digits must pass."""
    evaluated = False
    for relation in relations_:
        if relation.across_years:
            continue
        outcome = evaluate(relation, lambda t: values.get((t.row, t.column)))
        if outcome is None:
            if all((t.row, t.column) in values for t in relation.terms):
                return False  # a needed cell is there but no number: the reading is no reading
            continue
        if not outcome.holds:
            return False
        evaluated = True
    return evaluated


@dataclass(frozen=True)
class Arithmetic:
    """The in-year relations of one table that lie among a set of its cells (in either version),
    as the test and the solver of candidate readings: digits glued together or a cell lost are
    recovered only when these leave exactly one reading. `cells` are (row, column) in reading order."""

    table: str
    cells: tuple[tuple[str, str], ...]
    relations: tuple[Relation, ...]

    def holds(self, values: tuple) -> bool:
        """Whether every relation over `values` (one per cell, in order) holds, at least one evaluated."""
        return holds_all(self.relations, dict(zip(self.cells, values)))

    @cached_property
    def linear(self) -> tuple[tuple[tuple[int, int], ...], ...]:
        """Each relation as (position in `cells`, coefficient) pairs, the relation holding when the
        numbers times their coefficients sum to 0 (left terms by their sign, right terms negated):
        what a search over many candidate readings evaluates."""
        position = {cell: i for i, cell in enumerate(self.cells)}
        return tuple(tuple((position[(t.row, t.column)], t.sign * (1 if side == 0 else -1))
                           for side, terms in enumerate((r.left, r.right)) for t in terms)
                     for r in self.relations)

    def solve(self, values: tuple, make: Callable[[int], object]) -> tuple | None:
        """`values` with its None entries (lost cells) filled from the relations, each solved from a
        relation in which it is the only unknown; None when a lost cell is not determined, would be
        negative, or the relations do not all hold afterwards. `make` turns a number into a value."""
        lost = {(self.table, *cell) for cell, value in zip(self.cells, values) if value is None}
        counts = {(self.table, *cell): value.number for cell, value in zip(self.cells, values)
                  if value is not None and type(getattr(value, "number", None)) is int}
        # a relation with an operand that is neither a count nor lost (a blank, an amount) solves nothing
        usable = [r for r in self.relations if all(t.cell in counts or t.cell in lost for t in r.terms)]
        found = dict(counts)
        while usable:
            solved = [r for r in usable if _fill(r, found, {})]
            if not solved:
                break
            usable = [r for r in usable if r not in solved]
        if any(cell not in found or found[cell] < 0 for cell in lost):
            return None
        solved_values = tuple(make(found[(self.table, *cell)]) if value is None else value
                              for cell, value in zip(self.cells, values))
        return solved_values if self.holds(solved_values) else None


@lru_cache(maxsize=1024)
def arithmetic(table: str, cells: tuple[tuple[str, str], ...]) -> Arithmetic:
    """The relations of `table`, in either version and not across years, whose operands all lie
    among `cells` (none: a reading of glued digits or lost cells is then told by the digits alone)."""
    wanted = set(cells)
    chosen = {r.name: r for key in ("2021", "2019") for r in relations(key)
              if not r.across_years and all(t.table == table and (t.row, t.column) in wanted for t in r.terms)}
    return Arithmetic(table, cells, tuple(chosen.values()))


def row_cells(table: str, row: str, version_key: str = "") -> tuple[tuple[str, str], ...]:
    """The (row, column) cells of one row of a table, in printed order."""
    return tuple((row, c.key) for c in version_of(version_key).tables[table].columns_of(row))


def table_relations(table: str, version_key: str) -> tuple[Relation, ...]:
    """The in-year relations of one table of a version: columns and balance besides row totals."""
    return tuple(r for r in relations(version_key) if not r.across_years and all(t.table == table for t in r.terms))
