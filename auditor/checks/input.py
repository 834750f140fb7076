"""IN — the file could not be read, is not a report, or a table could not be read."""
from __future__ import annotations

from auditor.finding import Hit, Location
from auditor.model import Report, TableReading
from auditor.parse.extent import Extent, report_extent
from auditor.registry import rule

_TABLE_SECTION = {"active": "二", "requests": "三", "review_litigation": "四"}
_TABLE_NAME = {"active": "表二", "requests": "表三", "review_litigation": "表四"}


@rule("IN001", "unreadable-file", "error")
def unreadable_file(report: Report):
    """The file cannot be read as a txt/docx/pdf/html document.

    问题：文件无法读取——空文件、二进制文件、损坏的压缩包、加密或只有图片（扫描件）的 PDF 等。
    为何重要：无法读取的报告无法审核，也意味着公众可能无法正常阅读已公开的报告。
    示例：一个 0 字节的 .txt 文件；一份扫描成图片、没有文字层的 PDF。
    依据：《中华人民共和国政府信息公开条例》第五十条（年度报告应当向社会公布）；国办公开办函〔2021〕30号。
    """
    if report.error_code == "IN001":
        yield Hit(f"文件无法读取：{report.error}")


@rule("IN002", "not-an-annual-report", "error")
def not_an_annual_report(report: Report):
    """The file is readable but is no annual report: no title or sections of one, or a page about reports.

    问题：文件可以读取，但不是政府信息公开工作年度报告：既找不到年度报告的标题，也找不到六个部分；或者是关于年度报告的其他文件——年度报告的解读、布置编制年度报告的通知、年度报告制度或编写指南（分条款）、列出多份年度报告标题的目录页。印有两个以上规定部分或统计表的文件按年度报告审核，不论标题如何。
    为何重要：可能提交或抓取了错误的文件（解读、通知、新闻稿、栏目列表），真正的年度报告未被审核。
    示例：一份《关于召开春季运动会的通知》被当作年度报告提交；《某某乡2023年政府信息公开工作年度报告解读》（「现就年报内容作如下解读」）。
    依据：《中华人民共和国政府信息公开条例》第四十九条、第五十条；国办公开办函〔2021〕30号规定的报告格式。
    """
    if report.error_code == "IN002":
        yield Hit(f"不是年度报告：{report.error}")


@rule("IN003", "table-unparsed", "error")
def table_unparsed(report: Report):
    """A table's heading or labels are present but its cells could not be read reliably.

    问题：统计表存在，但单元格无法可靠读取（数字粘连、缺行、行标签无法识别等），审核工具不猜测数字。
    为何重要：表格数据无法核对，需要人工查看原文；也常说明报告排版有误。
    示例：网页把表格压成一行文字「行政规范性文件8855698」，有多种拆分方式。
    依据：国办公开办函〔2021〕30号（年度报告格式中的三张统计表）。
    """
    extent = report_extent(report)
    for name, table in report.tables.items():
        if table is not None and not table.ok and not _cut_off(report, table, extent):
            yield Hit(f"{_TABLE_NAME[name]}无法可靠读取：{table.reason}",
                      Location(section=_TABLE_SECTION[name], table=name, start=table.start, end=table.end),
                      {"reason": table.reason})


def _cut_off(report: Report, table: TableReading, extent: Extent) -> bool:
    """The table is not read whole only because the text stops inside it (IN006 says so): it
    stands in the section the text ends in, nothing but blanks follows it, and the rows it lacks
    all come after the last row read (no row is missing or unreadable before the cut)."""
    if not extent.at_end or extent.cut_in != _TABLE_SECTION[table.name] or table.end is None:
        return False
    if report.text[table.end:].strip():
        return False
    if table.cells is None:
        return True
    rows = table.layout.row_keys
    read = [rows.index(row) for row, _ in table.cells if row in rows]
    return all(rows[i] in {row for row, _ in table.cells} for i in range(max(read) + 1)) if read else True


@rule("IN006", "partial-report", "warning")
def partial_report(report: Report):
    """The text shows only part of the report: it stops before the report ends, or begins inside it.

    问题：报告不完整——文本在某一部分中结束，其后的部分都未出现（或者文本从报告中间开始，没有标题和前言）。常见于网页节选、抓取或转换时被截断、只粘贴了部分内容的报告。
    为何重要：未见的部分无法审核。审核工具只检查文本显示的内容：未见的部分不报「缺少第X部分」（ST101），其中应有的内容要素不报缺失（NA），在截断处中断的统计表不报无法读取（IN003）；得分中内容要素只按已见部分计算。请取得完整的报告后再审核；如果公开的报告本身不完整，应当补全。夹在两个已见部分之间的缺失部分仍按 ST101 报告。
    示例：网页只显示报告标题和「一、总体情况」的前几段，文本停在一句话中间，第二至第六部分都没有出现。
    依据：《中华人民共和国政府信息公开条例》第五十条（年度报告应当包括规定的内容）；国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》（六个部分）。
    """
    for note in report.notes:
        if note.kind == "report-partial":
            yield Hit(note.message, Location(section=note.data.get("cut_in"), start=note.start, end=note.end),
                      {"unseen": note.data["unseen"], "cut_in": note.data.get("cut_in"),
                       "at_end": note.data["at_end"], "at_start": note.data["at_start"]})


@rule("IN004", "check-crashed", "warning")
def check_crashed(report: Report):
    """A check raised an internal error on this report (a bug in the auditor, not in the report).

    问题：某项检查在处理这份报告时出错，该项检查的结果缺失。
    为何重要：提示审核人员这份报告的该项内容需要人工核对，并请向工具维护者反馈。
    示例：某条规则遇到意外的表格结构而中断。
    依据：无（工具内部问题）。
    """
    return ()
