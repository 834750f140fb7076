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
from auditor.template import TABLE_NAMES, TABLE_SECTIONS, Outcome, Relation, Term, evaluate, relations, version
from auditor.template.relations import broken_relations, numbers

_MANY_TERMS = 4  # on a longer side, zero operands are left out of the written relation


def broken(report: Report, code: str, previous: Report | None = None):
    """Hits for the relations of `code` that `report` breaks (with `previous`, the report of the
    year before, for the relations across years)."""
    if not _readable(report, code, previous):
        return
    key = version(report.template).key
    sources = _numbers(report, key) + (_numbers(previous, key) if previous is not None else _ABSENT)
    for relation in broken_relations(key, code, sources):
        outcome = evaluate(relation, _lookup(report, previous))
        if outcome is not None:
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


_ABSENT = (None,) * len(TABLE_NAMES)


def _numbers(report: Report, key: str) -> tuple:
    """The numbers tuple of each table of `report` in the layout of version `key` (the table's
    own, computed once per table, when it follows that version)."""
    found = []
    for name in TABLE_NAMES:
        table = report.tables.get(name)
        if table is None or table.cells is None:
            found.append(None)
        else:
            found.append(table.numbers if table.template == key else numbers(table.cells, key, name))
    return tuple(found)


def _lookup(report: Report, previous: Report | None):
    """A term's Value, for the relations that broke (their findings show every operand)."""
    def value(term: Term):
        source = previous if term.previous else report
        table = source.tables.get(term.table) if source is not None else None
        return table.value(term.row, term.column) if table is not None else None
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
