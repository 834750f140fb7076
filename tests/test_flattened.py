"""Tables in the text a crawler or converter makes of a report: cells glued or lost are recovered
only where the template's relations leave exactly one reading, else the row is not read."""
from __future__ import annotations

from auditor.parse.cells import read_row, tokenise
from auditor.template.relations import arithmetic, row_cells


def _row(table: str, row: str, *cells: str):
    rules = arithmetic(table, row_cells(table, row))
    tokens = [t for t in tokenise(list(cells)) if t.kind != "label"]
    return read_row(tokens, len(rules.cells), rules)


def _numbers(reading):
    return [v.number for v in reading.values] if reading.values is not None else None


def test_glued_digits_with_one_cut_only_are_read_without_a_relation():
    """「000」 is three zeros whatever was lost: no other cut has no leading zero."""
    reading = _row("active", "regulations", "000")
    assert _numbers(reading) == [0, 0, 0] and reading.recovered


def test_glued_digits_with_several_cuts_and_no_relation_are_not_read():
    reading = _row("active", "normative_documents", "12310")
    assert reading.values is None and reading.problem


def test_a_lost_cell_without_a_relation_is_not_read():
    reading = _row("active", "regulations", "12", "10")
    assert reading.values is None


def test_a_glued_row_of_zeros_is_read_whatever_cell_was_lost():
    assert _numbers(_row("requests", "1", "0000000")) == [0] * 7
    assert _numbers(_row("requests", "1", "000000")) == [0] * 7  # a lost cell: the total gives 0


def test_a_glued_row_of_table_three_whose_cut_the_total_confirms_is_left_to_the_columns():
    """25 3 0 0 1 0 29 glued: one cut into seven counts adds up, but six counts and a lost total
    add up too; the readings are handed on for the columns' relations to judge."""
    reading = _row("requests", "1", "253001029")
    assert reading.values is None
    assert (25, 3, 0, 0, 1, 0, 29) in {tuple(v.number for v in c) for c in reading.candidates}


def test_a_glued_row_its_total_leaves_two_readings_for_is_not_read():
    # 12 3 0 0 1 0 16 and 1 2 3 0 0 10 16 print alike and both add up
    reading = _row("requests", "1", "123001016")
    assert reading.values is None and len(reading.candidates) >= 2


def test_the_row_total_gives_back_a_lost_total():
    reading = _row("requests", "1", "5", "3", "0", "0", "1", "0")
    assert _numbers(reading) == [5, 3, 0, 0, 1, 0, 9]


def test_a_lost_cell_the_total_cannot_place_is_not_read():
    # 3 lost from 5 3 0 0 1 0 9: it may stand before or after the 5
    reading = _row("requests", "1", "5", "0", "0", "1", "0", "9")
    assert reading.values is None


def test_the_groups_of_table_four_cut_a_run_of_zeros():
    rules = arithmetic("review_litigation", tuple((g, c) for g in ("review", "litigation_direct", "litigation_after_review")
                                                   for c in ("upheld", "corrected", "other", "pending", "total")))
    reading = read_row(tokenise(["0" * 15]), 15, rules)
    assert _numbers(reading) == [0] * 15
