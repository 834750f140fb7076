"""`auditor parse --format text`: a short human-readable summary of each reading."""
from __future__ import annotations

from auditor.model import Report, how_read

_KINDS = {"township": "乡镇", "street": "街道", "county": "县/区", "city": "市", "province": "省",
          "department": "部门", "other": "其他"}
_TABLES = {"active": "表二", "requests": "表三", "review_litigation": "表四"}


def report_to_text(report: Report) -> str:
    if report.error:
        return f"{report.source}\n  [{report.error_code}] {report.error}\n"
    lines = [
        report.source,
        f"  机关：{report.agency or '（未识别）'}（{_KINDS[report.agency_kind]}）  年度：{report.year or '（未识别）'}"
        f"  表格格式：{report.template}",
        f"  章节：{'、'.join(s.number for s in report.sections) or '（无）'}",
    ]
    for name, label in _TABLES.items():
        table = report.tables.get(name)
        lines.append(f"  {label}：{_state(table)}")
    lines += [f"  注意：{n.message}" for n in report.notes]
    return "\n".join(lines) + "\n"


def _state(table) -> str:
    """Whether a table was read, and how: where its cells came from, how many arithmetic recovered."""
    if table is None:
        return "缺失"
    if table.status == "unparsed":
        return f"无法可靠读取（{table.reason}）"
    how = how_read(table.read_from, len(table.recovered))
    state = "已读取" if table.ok else f"部分读取（{table.reason}）"
    return f"{state}（{how}）" if how else state
