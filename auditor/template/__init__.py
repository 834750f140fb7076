"""The official template of the annual report as data: the 2021 and 2019 format versions with
their tables, rows, columns, printed labels, cell kinds and arithmetic relations, and how a
version is recognised. The reader, the checks, the outputs and the generator all read it; the
format lives nowhere else.
"""
from auditor.template.formats import (LATEST, RESULTS_GROUP, TABLE_NAMES, TABLE_SECTIONS, TOTAL_ROW, V2019, V2021,
                                      VERSIONS, Column, Row, Table, Version, result_rows, version)
from auditor.template.recognise import UNKNOWN, expected_version
from auditor.template.relations import Outcome, Relation, Term, evaluate, relations
from auditor.template.values import BLANK, Value, amount_value, count, count_value

__all__ = ["LATEST", "RESULTS_GROUP", "result_rows", "TABLE_NAMES", "TABLE_SECTIONS", "TOTAL_ROW", "V2019", "V2021", "VERSIONS", "Column", "Row",
           "Table", "Version", "version", "UNKNOWN", "expected_version", "Outcome", "Relation", "Term", "evaluate",
           "relations", "BLANK", "Value", "amount_value", "count", "count_value"]
