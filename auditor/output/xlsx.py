"""`audit.xlsx`: the batch as an Excel workbook, for supervisors who compile their own statistics.

Sheets: 汇总 (one row per body), 问题清单 (one row per finding), 表格数据 (every parsed table
cell of every body, one row per body, one column per cell), 雷同 (reuse pairs). Amounts are
written as exact decimals. The file is byte-for-byte reproducible: fixed document dates and
fixed zip entry times.
"""
from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime
from decimal import Decimal, InvalidOperation
from itertools import chain
from pathlib import Path
from typing import Any

from auditor.output.batch_view import SEVERITY_LABELS, BodySummary
from auditor.output.html_report import KIND_LABELS
from auditor.output.table_grids import grids
from auditor.store import StoredBatch

_FIXED_TIME = datetime(2000, 1, 1)
_STATUS = {"ok": "已读取", "unparsed": "无法可靠读取", "absent": "缺失"}


def write_workbook(batch: StoredBatch, bodies: list[BodySummary], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook(write_only=True)
    workbook.properties.creator = "auditor"
    workbook.properties.created = workbook.properties.modified = _FIXED_TIME
    _sheet(workbook, "汇总", *_summary(bodies))
    _sheet(workbook, "问题清单", *_findings(bodies))
    _sheet(workbook, "表格数据", *_tables(batch, bodies))
    _sheet(workbook, "雷同", *_pairs(batch.audit.get("reuse")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_stable_zip(buffer.getvalue()))


def _sheet(workbook, title: str, header: list[str], rows) -> None:
    sheet = workbook.create_sheet(title)
    sheet.freeze_panes = "A2"
    sheet.append(header)
    count = 0
    for row in rows:
        sheet.append([_safe(sheet, value) for value in row])
        count += 1
    if count:
        from openpyxl.utils import get_column_letter

        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"


def _safe(sheet, value):
    """Text stays text: control characters dropped, and a leading 「=」 never becomes a formula."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"
    return cell


def _stable_zip(data: bytes) -> bytes:
    """The same archive with every entry dated 1980-01-01, so that equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), source.read(info.filename),
                            compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _summary(bodies: list[BodySummary]):
    header = ["文件", "机关", "机关类型", "年度", "表格格式", "得分", "错误", "警告", "提示", "主要问题", "报告页面"]
    rows = ([b.source, b.name, KIND_LABELS.get(b.agency_kind, "其他"), b.year, b.template,
             b.score if b.score is not None else "未计算", b.counts["error"], b.counts["warning"], b.counts["info"],
             "、".join(f"{code}×{count}" for code, _, count in b.top_findings()), f"reports/{b.page}"]
            for b in bodies)
    return header, rows


def _findings(bodies: list[BodySummary]):
    header = ["文件", "机关", "年度", "代码", "级别", "问题", "部分", "表格", "行", "列", "起", "止", "页", "证据"]
    keys = ("section", "table", "row", "column", "start", "end", "page")

    def rows():
        for body in bodies:
            for finding in body.findings:
                location = finding.get("location") or {}
                yield ([body.source, body.name, body.year, finding["code"],
                        SEVERITY_LABELS.get(finding["severity"], finding["severity"]), finding.get("message", "")]
                       + [location.get(k) for k in keys]
                       + [json.dumps(finding.get("evidence") or {}, ensure_ascii=False, default=str)])

    return header, rows()


def _tables(batch: StoredBatch, bodies: list[BodySummary]):
    per_body = []
    columns: dict[str, None] = {}  # header -> None, in first-seen order
    for report in batch.reports:
        values, states = {}, []
        for grid in grids(report, []):
            short = grid.title.split()[0]
            states.append(_STATUS[grid.status])
            for row in grid.rows:
                for index, cell in enumerate(row.cells):
                    caption = cell.caption or (grid.headers[index] if index < len(grid.headers) else f"第{index + 1}项")
                    header = f"{short}·{row.key} {row.label}·{caption}"
                    columns.setdefault(header)
                    values[header] = _number(cell.value)
        per_body.append((states, values))
    header = ["文件", "机关", "年度", "表格格式", "表二状态", "表三状态", "表四状态", *columns]
    rows = ([b.source, b.name, b.year, b.template, *states, *(values.get(c) for c in columns)]
            for b, (states, values) in zip(bodies, per_body))
    return header, rows


def _number(value: Any):
    """Counts as integers, amounts as exact decimals; anything unreadable stays as printed."""
    if isinstance(value, str):
        try:
            number = Decimal(value.replace(",", ""))
        except InvalidOperation:
            return value
        return number if number.is_finite() else value
    return value


def _pairs(reuse: dict[str, Any] | None):
    header = ["报告甲", "机关甲", "报告乙", "机关乙", "相似度", "类型", "雷同段落数", "雷同字数", "段落示例"]
    if not reuse:
        return header, iter([["未计算（本批次没有雷同分析）"]])
    rows = ([p.get("a"), p.get("a_agency"), p.get("b"), p.get("b_agency"), p.get("similarity"), p.get("kind"),
             len(p.get("passages") or []), sum(q.get("chars") or 0 for q in p.get("passages") or []),
             ((p.get("passages") or [{}])[0].get("text") or "")[:200]]
            for p in reuse.get("pairs") or [])
    return header, chain(rows, _clusters(reuse))


def _clusters(reuse: dict[str, Any]):
    """One row per near-duplicate cluster: its representative, its members, their shared passages."""
    for cluster in reuse.get("clusters") or []:
        members = cluster.get("members") or []
        first = members[0] if members else {}
        passages = cluster.get("passages") or []
        yield [first.get("source"), first.get("agency"), f"另 {len(members) - 1} 份",
               "、".join(str(m.get("agency") or m.get("source")) for m in members[1:]),
               min((m.get("similarity") or 0 for m in members), default=None), f"报告雷同群 {cluster.get('id')}",
               len(passages), sum(q.get("chars") or 0 for q in passages), ((passages or [{}])[0].get("text") or "")[:200]]
