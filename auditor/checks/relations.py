"""The one relation checker: TA201–TA204 within a report and HI701/HI702 across two years
evaluate the template's relations (auditor.template.relations), never arithmetic of their own.

A relation with an operand that is blank, 「/」 or unreadable is not evaluated (TA206 and TA205
report those cells); a broken relation becomes a finding that carries the relation's name,
every operand cell with its value and both sides.
"""
from __future__ import annotations

from functools import lru_cache

from auditor.finding import Hit, Location
from auditor.model import Report
from auditor.template import TABLE_SECTIONS, Outcome, Relation, Term, evaluate, relations

_MANY_TERMS = 4  # on a longer side, zero operands are left out of the written relation


def broken(report: Report, code: str, previous: Report | None = None):
    """Hits for the relations of `code` that `report` breaks (with `previous`, the report of the
    year before, for the relations across years)."""
    if not _readable(report, code, previous):
        return
    lookup = _lookup(report, previous)
    for relation in relations(report.template, code):
        if relation.across_years and previous is None:
            continue
        outcome = evaluate(relation, lookup)
        if outcome is not None and not outcome.holds:
            yield _hit(outcome, previous)


@lru_cache(maxsize=None)
def _tables(template: str, code: str) -> frozenset[str]:
    return frozenset(t.table for r in relations(template, code) for t in r.terms)


def _readable(report: Report, code: str, previous: Report | None) -> bool:
    tables = _tables(report.template, code)
    if not tables or any(report.tables.get(t) is None or not report.tables[t].ok for t in tables):
        return False
    if previous is not None:
        return all(previous.tables.get(t) is not None and previous.tables[t].ok for t in tables)
    return True


def _lookup(report: Report, previous: Report | None):
    def cells_of(source: Report | None) -> dict:
        tables = source.tables.items() if source is not None else ()
        return {name: t.cells for name, t in tables if t is not None and t.cells is not None}

    now, before = cells_of(report), cells_of(previous)

    def value(term: Term):
        cells = (before if term.previous else now).get(term.table)
        return cells.get((term.row, term.column)) if cells is not None else None
    return value


def written(terms_values) -> str:
    """One side written with its numbers: 「21 + 0」, zeros left out of a long sum."""
    shown = [(t, v) for t, v in terms_values if len(terms_values) <= _MANY_TERMS or v.number != 0]
    text = ""
    for term, value in shown:
        sign = "−" if term.sign < 0 else "+"
        text += f" {sign} {value.number}" if text else (f"−{value.number}" if term.sign < 0 else f"{value.number}")
    return text or "0"


def _hit(outcome: Outcome, previous: Report | None) -> Hit:
    relation: Relation = outcome.relation
    left = [(t, v) for t, v in outcome.operands if t in relation.left]
    right = [(t, v) for t, v in outcome.operands if t not in relation.left]
    message = (f"{relation.label}：{relation.left_label} {written(left)} = {outcome.left}，"
               f"但{relation.right_label} {written(right)} = {outcome.right}"
               f"（{written(left)} ≠ {written(right)}）")
    row, column = relation.location
    table = relation.left[0].table
    evidence = {"relation": relation.name, "left": outcome.left, "right": outcome.right,
                "left_text": written(left), "right_text": written(right), **relation.scope,
                "operands": [{"table": t.table, "row": t.row, "column": t.column, "value": _plain(v.number),
                              "side": "left" if t in relation.left else "right", "sign": t.sign,
                              **({"previous": True} if t.previous else {})} for t, v in outcome.operands]}
    if previous is not None and relation.across_years:
        evidence.update(other_source=previous.source, other_year=previous.year)
    return Hit(message, Location(section=TABLE_SECTIONS[table], table=table, row=row, column=column), evidence)


def _plain(number):
    return number if isinstance(number, int) else str(number)
