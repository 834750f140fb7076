"""TA — the arithmetic of tables 二, 三, 四 (format.md §5), with exact integers and decimals.

Blank cells (null) count as 0 in a sum but are reported on their own (TA206), never as an
arithmetic error by themselves.
"""
from __future__ import annotations

import re

from decimal import Decimal

from auditor.finding import Hit, Location
from auditor.model import Report
from auditor.parse.cells import BLANK_MARKS
from auditor.parse.labels import (
    ACTIVE_SIGNED_ROWS_2019,
    REQUEST_COLUMN_LABELS,
    REQUEST_COLUMNS,
    REQUEST_ROWS,
    REVIEW_GROUPS,
    REVIEW_RESULTS,
)
from auditor.parse.metadata import administrative_level
from auditor.registry import rule

_GROUP_NAMES = {"review": "行政复议", "litigation_direct": "行政诉讼（未经复议直接起诉）",
                "litigation_after_review": "行政诉讼（复议后起诉）"}
_ROW_NAMES = {"1": "本年新收", "2": "上年结转", "3.7": "总计", "4": "结转下年度继续办理"}
# Plausibility limits for 行政事业性收费 in 万元: above these the amount was very likely printed in 元.
_FEE_LIMITS = {"township": Decimal(5000), "street": Decimal(5000), "county": Decimal(500000),
               "department": Decimal(500000), "city": Decimal(5000000)}


def _requests(report: Report):
    table = report.tables.get("requests")
    return table.values["rows"] if table is not None and table.ok else None


def _n(value) -> int:
    return value if isinstance(value, int) else 0


def _result_keys(rows) -> list[str]:
    return [k for k in rows if k.startswith("3.") and k != "3.7"]


def _cell(row: str, column: str) -> Location:
    return Location(section="三", table="requests", row=row, column=column)


@rule("TA201", "requests-balance-mismatch", "error")
def requests_balance(report: Report):
    """Table 三: 一 + 二 ≠ （七）总计 + 四 in some column.

    问题：表三的勾稽关系不成立：本年新收 + 上年结转 ≠ 本年度办理结果总计 + 结转下年度继续办理。
    为何重要：该关系印在表格角单元格中，不成立说明数据填报错误。
    示例：新收 21 + 结转 0 = 21，但办理总计 20 + 结转下年 0 = 20。
    依据：国办公开办函〔2021〕30号 表三「本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和」。
    """
    rows = _requests(report)
    if rows is None:
        return
    for i, column in enumerate(REQUEST_COLUMNS):
        new, carried, total, forward = (_n(rows[k][i]) for k in ("1", "2", "3.7", "4"))
        if new + carried != total + forward:
            yield Hit(f"表三「{REQUEST_COLUMN_LABELS[column]}」列：本年新收 {new} + 上年结转 {carried} = {new + carried}，"
                      f"但办理结果总计 {total} + 结转下年度 {forward} = {total + forward}（{new} + {carried} ≠ {total} + {forward}）",
                      _cell("3.7", column),
                      {"left": new + carried, "right": total + forward, "column": column,
                       "cells": {"1": new, "2": carried, "3.7": total, "4": forward}})


@rule("TA202", "requests-results-mismatch", "error")
def requests_results(report: Report):
    """Table 三: （七）总计 ≠ the sum of the result rows in some column.

    问题：表三「（七）总计」不等于各项办理结果之和。
    为何重要：总计是各项结果的合计，不相等说明某项结果漏填或总计算错。
    示例：予以公开 10、部分公开 2、无法提供 3，总计却填 14。
    依据：国办公开办函〔2021〕30号 表三（总计为（一）至（六）各项之和）。
    """
    rows = _requests(report)
    if rows is None:
        return
    keys = _result_keys(rows)
    for i, column in enumerate(REQUEST_COLUMNS):
        parts = {k: _n(rows[k][i]) for k in keys}
        total = _n(rows["3.7"][i])
        if sum(parts.values()) != total:
            yield Hit(f"表三「{REQUEST_COLUMN_LABELS[column]}」列：各项办理结果之和为 {sum(parts.values())}，"
                      f"但「（七）总计」为 {total}（{sum(parts.values())} ≠ {total}）",
                      _cell("3.7", column),
                      {"left": sum(parts.values()), "right": total, "column": column,
                       "cells": {k: v for k, v in parts.items() if v}})


@rule("TA203", "requests-row-total-mismatch", "error")
def requests_row_total(report: Report):
    """Table 三: 总计 ≠ the sum of the six applicant columns in some row.

    问题：表三某一行的「总计」列不等于自然人与五类法人或其他组织之和。
    为何重要：总计列是横向合计，不相等说明某一列漏填或合计算错。
    示例：自然人 20、商业企业 1，总计却填 20。
    依据：国办公开办函〔2021〕30号 表三（申请人情况总计）。
    """
    rows = _requests(report)
    if rows is None:
        return
    for key, values in rows.items():
        parts = [_n(v) for v in values[:-1]]
        total = _n(values[-1])
        if sum(parts) != total:
            yield Hit(f"表三「{REQUEST_ROWS[key]}」行：各类申请人之和 {' + '.join(map(str, parts))} = {sum(parts)}，"
                      f"但总计为 {total}",
                      _cell(key, "total"),
                      {"left": sum(parts), "right": total, "row": key, "cells": dict(zip(REQUEST_COLUMNS, parts))})


@rule("TA204", "review-litigation-total-mismatch", "error")
def review_total(report: Report):
    """Table 四: a group's 总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

    问题：表四行政复议或行政诉讼某一组的「总计」不等于四项结果之和。
    为何重要：总计是该组各项结果的合计，不相等说明数据填报错误。
    示例：行政复议 结果维持 10、结果纠正 1，总计却填 0。
    依据：国办公开办函〔2021〕30号 表四（政府信息公开行政复议、行政诉讼情况）。
    """
    table = report.tables.get("review_litigation")
    if table is None or not table.ok:
        return
    for group in REVIEW_GROUPS:
        values = [_n(v) for v in table.values[group]]
        if sum(values[:4]) != values[4]:
            yield Hit(f"表四「{_GROUP_NAMES[group]}」：{' + '.join(map(str, values[:4]))} = {sum(values[:4])}，"
                      f"但总计为 {values[4]}",
                      Location(section="四", table="review_litigation", row=group, column="total"),
                      {"left": sum(values[:4]), "right": values[4], "group": group,
                       "cells": dict(zip(REVIEW_RESULTS, values[:4]))})


def _count_cells(report: Report):
    """(table, row, column, value, label) of every count cell of the three tables."""
    for name, table in report.tables.items():
        if table is None or not table.ok:
            continue
        if name == "requests":
            for key, values in table.values["rows"].items():
                for column, value in zip(REQUEST_COLUMNS, values):
                    yield name, key, column, value, f"表三「{REQUEST_ROWS[key]}」行「{REQUEST_COLUMN_LABELS[column]}」列"
        elif name == "review_litigation":
            for group in REVIEW_GROUPS:
                for result, value in zip(REVIEW_RESULTS, table.values[group]):
                    yield name, group, result, value, f"表四「{_GROUP_NAMES[group]}」「{result}」"
        else:
            for key, value in table.values.items():
                items = value if isinstance(value, list) else [value]
                for index, item in enumerate(items):
                    amount = (key == "admin_fees" and table.template == "2021") or (key == "procurement" and index == 1)
                    if amount and isinstance(item, str) and item.strip() in BLANK_MARKS:
                        item = None  # an amount printed as 「/」 or 「—」 is a blank cell, not an invalid number
                    yield name, key, str(index), (("amount", item) if amount else item), f"表二「{key}」第{index + 1}项"


@rule("TA205", "invalid-cell", "error")
def invalid_cell(report: Report):
    """A count that is negative, fractional or not a number; an amount that is not a number.

    问题：统计表中的件数为负数、小数或不是数字；金额不是数字。只有 2019 年格式表二的「本年增/减」可以为负。
    为何重要：件数只能是非负整数，这类数值无法参与核对。
    示例：表三某格填写「1.5」或「-1」；收费金额写成「约3万」。
    依据：国办公开办函〔2021〕30号（统计表各项为件数）。
    """
    active = report.tables.get("active")
    signed_rows = ACTIVE_SIGNED_ROWS_2019 if active is not None and active.template == "2019" else frozenset()
    for table, row, column, value, where in _count_cells(report):
        if isinstance(value, tuple):
            if value[1] is not None and _amount(value[1]) is None:
                yield Hit(f"{where}的金额「{value[1]}」不是有效数字", Location(table=table, row=row, column=column),
                          {"value": value[1]})
        elif isinstance(value, str) or (isinstance(value, int) and value < 0
                                        and not (table == "active" and row in signed_rows and column == "1")):
            yield Hit(f"{where}的数值「{value}」不是非负整数", Location(table=table, row=row, column=column),
                      {"value": value})


_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)?")
_IN_WAN_YUAN = {"亿元": Decimal(10000), "万元": Decimal(1), "元": Decimal("0.0001"), None: Decimal(1)}


def _amount(text: str) -> Decimal | None:
    """A non-negative decimal amount in 万元, its unit optional (the 2019 procurement amount prints
    one; a bare number is in 万元, the unit of table 二); None when it is no such number."""
    match = _AMOUNT.fullmatch(text.strip())
    return Decimal(match.group(1).replace(",", "")) * _IN_WAN_YUAN[match.group(2)] if match else None


@rule("TA206", "blank-cells", "info")
def blank_cells(report: Report):
    """Cells left blank or 「/」 where a number (0) is expected.

    问题：统计表中有单元格留空或填「/」「—」，没有填写数字。
    为何重要：空白不等于 0，审核时无法判断是没有发生还是漏填；应填写 0。
    示例：表三「科研机构」一列全部为「/」。
    依据：国办公开办函〔2021〕30号（统计表各项应如实填报）。
    """
    blanks: dict[str, list[str]] = {}
    for table, row, column, value, where in _count_cells(report):
        if value is None or (isinstance(value, tuple) and value[1] is None):
            blanks.setdefault(table, []).append(where)
    for table, places in blanks.items():
        listed = "、".join(places[:5]) + (f"等 {len(places)} 处" if len(places) > 5 else "")
        yield Hit(f"统计表有 {len(places)} 个单元格未填数字（按 0 计算）：{listed}", Location(table=table),
                  {"count": len(places)})


@rule("TA207", "implausible-value", "warning")
def implausible_value(report: Report):
    """A value that is implausible for the body: 规章 by a township or county-level body, a fee in 元 not 万元.

    问题：数值与机关层级不符：乡镇、街道或县级机关（县级政府及其部门）填报了规章；行政事业性收费金额大得不合常理（疑似按「元」而非「万元」填写）。
    为何重要：只有国务院部门和省级、设区的市级政府才能制定规章；金额单位错误会让汇总数据失真上万倍。
    示例：某乡或某县农业农村局「规章 本年制发件数」填 2；某镇收费金额填 35000（万元）。
    依据：《中华人民共和国立法法》第九十三条（规章制定权）；国办公开办函〔2021〕30号 表二（收费金额单位为万元）。
    """
    table = report.tables.get("active")
    if table is None or not table.ok:
        return
    regulations = table.values.get("regulations") or []
    level = administrative_level(report.agency)
    if level in ("township", "street", "county") and any(_n(v) > 0 for v in regulations):
        yield Hit(f"{_KIND_NAMES[level]}不能制定规章，但表二「规章」一行填报了 {regulations}",
                  Location(section="二", table="active", row="regulations"), {"values": regulations})
    fee = table.values.get("admin_fees")
    limit = _FEE_LIMITS.get(report.agency_kind)
    amount = _amount(fee) if isinstance(fee, str) else None
    if amount is not None and limit is not None and amount > limit:
        yield Hit(f"行政事业性收费金额 {fee} 万元对{_KIND_NAMES[report.agency_kind]}而言过大，疑似按「元」填写",
                  Location(section="二", table="active", row="admin_fees"), {"value": fee, "limit": str(limit)})


_KIND_NAMES = {"township": "乡镇", "street": "街道", "county": "县级机关", "city": "市级机关", "department": "部门"}
