"""The printed labels of the official tables, for both versions, in the shapes the renderers use.

All of it is read from the template (auditor.template): the generator prints the format the
auditor checks against, from the one description of it.
"""
from __future__ import annotations

from auditor.template import RESULTS_GROUP, V2019, V2021, expected_version, result_rows as _result_rows, version
from auditor.template import formats as F

# --- Table 三 -------------------------------------------------------------------------------
_REQUESTS = {v.key: v.tables["requests"] for v in (V2021, V2019)}
REQUEST_CORNER = F.REQUEST_CORNER
REQUEST_COLUMNS = tuple(c.key for c in F.REQUEST_COLUMNS)
REQUEST_COLUMN_LABELS = {c.key: c.label for c in F.REQUEST_COLUMNS}
REQUEST_HEAD = F.REQUEST_HEAD
REQUEST_LEGAL_PERSONS = F.REQUEST_LEGAL_PERSONS
# Printed label of every leaf row (with its own numbering as printed in the form), both versions.
REQUEST_ROW_LABELS = {row.key: row.printed for table in _REQUESTS.values() for row in table.rows}
# Group label cells that span several rows.
REQUEST_GROUP_LABELS = {key: g.printed for key, g in _REQUESTS[V2021.key].groups.items()}


def request_table(template: str):
    return version(template).tables["requests"]


def request_rows(template: str) -> tuple[str, ...]:
    return request_table(template).row_keys


def result_rows(template: str) -> tuple[str, ...]:
    return _result_rows(version(template))


def results_block(template: str) -> tuple[str, ...]:
    """The rows the 本年度办理结果 label cell spans: the results and （七）总计."""
    return request_table(template).members(RESULTS_GROUP)


# --- Table 四 -------------------------------------------------------------------------------
REVIEW_GROUPS = F.REVIEW.row_keys
REVIEW_RESULTS = tuple(c.label for c in F.REVIEW_COLUMNS)
REVIEW_HEAD = F.REVIEW_HEAD
LITIGATION_HEAD = F.LITIGATION_HEAD
LITIGATION_DIRECT = F.REVIEW.row("litigation_direct").label
LITIGATION_AFTER = F.REVIEW.row("litigation_after_review").label

# --- Table 二 -------------------------------------------------------------------------------
ARTICLE_BLOCKS = F.ARTICLE_BLOCKS
CONTENT = F.ACTIVE_CONTENT
FEE_HEADER_2021 = F.FEE_HEADER_2021


def active_layout(template: str):
    """(block, column headers after 信息内容, rows as (json key, printed label)) per 第二十条 block."""
    table = version(template).tables["active"]
    blocks: dict[str, list] = {}
    for row in table.rows:
        blocks.setdefault(table.blocks[row.key], []).append(row)
    return tuple((block, tuple(c.label for c in rows[0].columns), tuple((r.key, r.label) for r in rows))
                 for block, rows in blocks.items())


# --- Sections -------------------------------------------------------------------------------
SECTION_TITLES = F.SECTION_TITLES

__all__ = ["expected_version"]
