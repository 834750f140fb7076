"""`auditor audit --format text`: findings grouped per report, like a linter."""
from __future__ import annotations

from collections import Counter

from auditor.engine import ReportResult


def audit_to_text(results: list[ReportResult]) -> str:
    lines = []
    totals: Counter = Counter()
    for result in results:
        report = result.report
        header = f"{report.source}  {report.agency or '（未识别机关）'} {report.year or ''}"
        if result.score is not None:
            header += f"  得分 {result.score}"
        lines.append(header)
        if not result.findings:
            lines.append("  未发现问题")
        for finding in result.findings:
            totals[finding.severity.value] += 1
            where = _where(report, finding)
            lines.append(f"  {finding.code} [{finding.severity.label}] {where}{finding.message}")
        lines.append("")
    lines.append(f"共 {len(results)} 份报告：错误 {totals['error']} 项，警告 {totals['warning']} 项，提示 {totals['info']} 项")
    return "\n".join(lines) + "\n"


def _where(report, finding) -> str:
    location = finding.location
    parts = []
    if location.section:
        parts.append(f"第{location.section}部分")
    if location.start is not None and report.text:
        line = report.text.count("\n", 0, location.start) + 1
        parts.append(f"第{line}行")
    if location.page:
        parts.append(f"第{location.page}页")
    return f"（{'，'.join(parts)}）" if parts else ""
