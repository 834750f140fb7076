"""TA — the arithmetic of tables 二, 三, 四 (format.md §5), with exact integers and decimals.

TA201–TA204 are the template's relations, evaluated by the one checker (checks/relations.py);
a relation with a blank operand is not evaluated: the blank is reported on its own (TA206).
"""
from __future__ import annotations

from decimal import Decimal

from auditor.checks.relations import broken
from auditor.finding import Hit, Location
from auditor.model import Report
from auditor.parse.metadata import administrative_level
from auditor.registry import rule
from auditor.template import TABLE_NAMES
from auditor.template.formats import REVIEW_GROUP_NAMES

# Plausibility limits for 行政事业性收费 in 万元: above these the amount was very likely printed in 元.
_FEE_LIMITS = {"township": Decimal(5000), "street": Decimal(5000), "county": Decimal(500000),
               "department": Decimal(500000), "city": Decimal(5000000)}


@rule("TA201", "requests-balance-mismatch", "error")
def requests_balance(report: Report):
    """Table 三: 一 + 二 ≠ （七）总计 + 四 in some column.

    问题：表三的勾稽关系不成立：本年新收 + 上年结转 ≠ 本年度办理结果总计 + 结转下年度继续办理。
    为何重要：该关系印在表格角单元格中，不成立说明数据填报错误。
    示例：新收 21 + 结转 0 = 21，但办理总计 20 + 结转下年 0 = 20。
    依据：国办公开办函〔2021〕30号 表三「本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和」。
    """
    yield from broken(report, "TA201")


@rule("TA202", "requests-results-mismatch", "error")
def requests_results(report: Report):
    """Table 三: （七）总计 ≠ the sum of the result rows in some column.

    问题：表三「（七）总计」不等于各项办理结果之和。
    为何重要：总计是各项结果的合计，不相等说明某项结果漏填或总计算错。
    示例：予以公开 10、部分公开 2、无法提供 3，总计却填 14。
    依据：国办公开办函〔2021〕30号 表三（总计为（一）至（六）各项之和）。
    """
    yield from broken(report, "TA202")


@rule("TA203", "requests-row-total-mismatch", "error")
def requests_row_total(report: Report):
    """Table 三: 总计 ≠ the sum of the six applicant columns in some row.

    问题：表三某一行的「总计」列不等于自然人与五类法人或其他组织之和。
    为何重要：总计列是横向合计，不相等说明某一列漏填或合计算错。
    示例：自然人 20、商业企业 1，总计却填 20。
    依据：国办公开办函〔2021〕30号 表三（申请人情况总计）。
    """
    yield from broken(report, "TA203")


@rule("TA204", "review-litigation-total-mismatch", "error")
def review_total(report: Report):
    """Table 四: a group's 总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

    问题：表四行政复议或行政诉讼某一组的「总计」不等于四项结果之和。
    为何重要：总计是该组各项结果的合计，不相等说明数据填报错误。
    示例：行政复议 结果维持 10、结果纠正 1，总计却填 0。
    依据：国办公开办函〔2021〕30号 表四（政府信息公开行政复议、行政诉讼情况）。
    """
    yield from broken(report, "TA204")


def _cells(report: Report):
    """(table, row, column, Value) of every cell of the tables that were read."""
    for name in TABLE_NAMES:
        table = report.tables.get(name)
        if table is None or not table.ok:
            continue
        cells = table.cells
        for row, column in table.layout.cells():
            value = cells.get((row, column.key))
            if value is not None:
                yield name, row, column, value


def _where(report: Report, table: str, row: str, column) -> str:
    """The cell as a message names it (built only for the cells a finding names)."""
    layout = report.tables[table].layout
    if table == "requests":
        return f"表三「{layout.row(row).label}」行「{column.label}」列"
    if table == "review_litigation":
        return f"表四「{REVIEW_GROUP_NAMES[row]}」「{column.label}」"
    return f"表二「{row}」第{layout.columns_of(row).index(column) + 1}项"


def _cell_location(report: Report, table: str, row: str, column) -> Location:
    if table == "active":  # table 二 cells are placed by their position in the row
        return Location(table=table, row=row, column=str(report.tables[table].layout.columns_of(row).index(column)))
    return Location(table=table, row=row, column=column.key)


@rule("TA205", "invalid-cell", "error")
def invalid_cell(report: Report):
    """A count that is negative, fractional or not a number; an amount that is not a number.

    问题：统计表中的件数为负数、小数或不是数字；金额不是数字。只有 2019 年格式表二的「本年增/减」可以为负。
    为何重要：件数只能是非负整数，这类数值无法参与核对。
    示例：表三某格填写「1.5」或「-1」；收费金额写成「约3万」。
    依据：国办公开办函〔2021〕30号（统计表各项为件数）。
    """
    for table, row, column, value in _cells(report):
        if value.kind == "unreadable" and column.amount:
            yield Hit(f"{_where(report, table, row, column)}的金额「{value.printed}」不是有效数字",
                      _cell_location(report, table, row, column), {"value": value.printed})
        elif value.kind == "unreadable" or (value.kind == "count" and value.number < 0 and not column.signed):
            yield Hit(f"{_where(report, table, row, column)}的数值「{value.printed}」不是非负整数",
                      _cell_location(report, table, row, column), {"value": value.json()})


@rule("TA206", "blank-cells", "info")
def blank_cells(report: Report):
    """Cells left blank or 「/」 where a number (0) is expected.

    问题：统计表中有单元格留空或填「/」「—」，没有填写数字。
    为何重要：空白不等于 0，审核时无法判断是没有发生还是漏填；应填写 0。
    示例：表三「科研机构」一列全部为「/」。
    依据：国办公开办函〔2021〕30号（统计表各项应如实填报）。
    """
    blanks: dict[str, list[str]] = {}
    for table, row, column, value in _cells(report):
        if value.is_blank:
            blanks.setdefault(table, []).append(_where(report, table, row, column))
    for table, places in blanks.items():
        listed = "、".join(places[:5]) + (f"等 {len(places)} 处" if len(places) > 5 else "")
        yield Hit(f"统计表有 {len(places)} 个单元格未填数字（不参与勾稽核对）：{listed}", Location(table=table),
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
    regulations = [cell.json() for cell in table.row("regulations")]
    level = administrative_level(report.agency)
    if level in ("township", "street", "county") and any(isinstance(v, int) and v > 0 for v in regulations):
        yield Hit(f"{_KIND_NAMES[level]}不能制定规章，但表二「规章」一行填报了 {regulations}",
                  Location(section="二", table="active", row="regulations"), {"values": regulations})
    fee_cell = table.value("admin_fees", "amount")
    fee, amount = (fee_cell.printed, fee_cell.number) if fee_cell is not None else (None, None)
    limit = _FEE_LIMITS.get(report.agency_kind)
    if amount is not None and limit is not None and amount > limit:
        yield Hit(f"行政事业性收费金额 {fee} 万元对{_KIND_NAMES[report.agency_kind]}而言过大，疑似按「元」填写",
                  Location(section="二", table="active", row="admin_fees"), {"value": fee, "limit": str(limit)})


_KIND_NAMES = {"township": "乡镇", "street": "街道", "county": "县级机关", "city": "市级机关", "department": "部门"}
