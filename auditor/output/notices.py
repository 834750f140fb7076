"""Rectification notices (整改通知): one per body, as a Word document and a printable page,
and the round's report to the superior (审核情况通报), from a stored batch only.

Each notice names the body and its report, then lists every finding grouped by severity: what
is wrong and where (section, table cell, page, the words of the report), why it matters, its
legal basis (the rule's documentation) and what to correct. The round's report gives the
counts, the ranking by score, the common problems, the bodies to correct and, when the batch
holds two years, the comparison with the year before.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from auditor.output.annotate import span_of
from auditor.output.batch_view import SEVERITIES, BodySummary
from auditor.output.html_env import write_page
from auditor.output.html_report import FindingView, finding_view
from auditor.output.round_summary import RoundSummary
from auditor.store import StoredBatch

NOTICES_DIR = "notices"
ROUND_NAME = "审核情况通报"
SEVERITY_HEADINGS = {"error": "错误（必须整改）", "warning": "警告（应当整改）", "info": "提示（建议改进）"}
# what to correct, by family; the finding's own message says which words, cells or sections
REMEDIES = {
    "IN": "重新报送能正常打开、可以复制文字的报告文件（文字版 PDF、Word 文档或网页），不要报送扫描件、加密文件或空文件。",
    "ST": "按《政府信息公开工作年度报告格式》调整报告结构：六个部分齐全，标题和序号规范，顺序正确。",
    "TA": "逐项核对统计表中的数字，使各行各列的合计和勾稽关系成立；未发生的事项填写 0，不留空格。",
    "NA": "在报告相应部分补写所缺内容，写明具体做法和结果（数字，或“未发生”“未收取”等明确说明）。",
    "CO": "核对正文与统计表、报告年度与机关自称、引用的文件名称，改正前后不一致之处。",
    "TX": "校对文字，改正错别字、重复词语、转换残留和未填写的占位符。",
    "RE": "结合本机关本年度的实际工作重新撰写相关段落，不照搬其他机关或本机关往年的报告。",
    "HI": "核对本年度表三“上年结转”等数字与上一年度报告“结转下年度继续办理”等数字，使两年衔接；确有调整的在报告中说明原因。",
}
_EXCERPT = 80


@dataclass(frozen=True)
class NoticeItem:
    number: int
    finding: FindingView
    excerpt: str
    remedy: str


@dataclass(frozen=True)
class Notice:
    body: BodySummary
    report_title: str
    stem: str  # file name without suffix under notices/
    groups: list[tuple[str, str, list[NoticeItem]]]  # (severity, heading, items)

    @property
    def title(self) -> str:
        return f"关于{self.body.name}{self._year}政府信息公开工作年度报告审核意见的整改通知"

    @property
    def _year(self) -> str:
        return f"{self.body.year}年度" if self.body.year else ""

    @property
    def intro(self) -> str:
        counts = self.body.counts
        score = f"得分 {self.body.score} 分，" if self.body.score is not None else ""
        return (f"经审核，你单位报送的《{self.report_title}》（文件 {PurePath(self.body.source).name}）{score}发现错误 {counts['error']} 项、"
                f"警告 {counts['warning']} 项、提示 {counts['info']} 项。请对照下列问题逐项整改：错误必须改正，"
                "警告应当改正，提示供改进参考；整改后重新报送年度报告，并说明整改情况。")


def body_notice(body: BodySummary, report: dict[str, Any]) -> Notice:
    text = report.get("text") or ""
    views = [(finding_view(i, f, len(text), report.get("template") or ""), f) for i, f in enumerate(body.findings)]
    groups, number = [], 0
    for severity in SEVERITIES:
        items = []
        for view, finding in views:
            if view.severity == severity:
                number += 1
                items.append(NoticeItem(number, view, _excerpt(finding, text), REMEDIES.get(view.code[:2], "")))
        if items:
            groups.append((severity, SEVERITY_HEADINGS[severity], items))
    title = report.get("title") or f"{body.name}{body.year or ''}年政府信息公开工作年度报告"
    return Notice(body, title, PurePath(body.page).stem, groups)


def _excerpt(finding: dict[str, Any], text: str) -> str:
    span = span_of(finding, len(text))
    if span is None:
        return ""
    start, end = span
    words = " ".join(text[start:end].split())
    return words if len(words) <= _EXCERPT else words[:_EXCERPT] + "……"


def notices(batch: StoredBatch, bodies: list[BodySummary]) -> list[Notice]:
    """A notice for every report of the round with at least one finding, in batch order (a
    report kept in the batch for the comparison with last year gets none: see RoundSummary)."""
    in_round = {body.index for body in RoundSummary(bodies).bodies}
    return [body_notice(body, report) for body, report in zip(bodies, batch.reports)
            if body.findings and body.index in in_round]


def write_notices(batch: StoredBatch, bodies: list[BodySummary], directory: Path) -> list[Path]:
    """notices/<body>-<year>.docx and .html per notice, and notices/审核情况通报.docx and .html."""
    folder = directory / NOTICES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    made = notices(batch, bodies)
    for notice in made:
        _notice_docx(notice).save(folder / f"{notice.stem}.docx")
        write_page(folder / f"{notice.stem}.html", "notice.html", notice=notice)
        written += [folder / f"{notice.stem}.docx", folder / f"{notice.stem}.html"]
    summary = RoundSummary(bodies)
    stems = {n.body.index: n.stem for n in made}
    _round_docx(summary).save(folder / f"{ROUND_NAME}.docx")
    write_page(folder / f"{ROUND_NAME}.html", "round.html", summary=summary, title=round_title(summary), stems=stems)
    return written + [folder / f"{ROUND_NAME}.docx", folder / f"{ROUND_NAME}.html"]


def round_title(summary: RoundSummary) -> str:
    years = sorted({b.year for b in summary.bodies if b.year})
    year = f"{years[-1]}年度" if years else ""
    return f"{year}政府信息公开工作年度报告审核情况通报"


# ---------------------------------------------------------------- Word documents


def _document():
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = Document()
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
        style = document.styles[name]
        style.font.name = "SimSun"
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    document.styles["Normal"].font.size = Pt(12)
    return document


def _notice_docx(notice: Notice):
    document = _document()
    document.add_heading(notice.title, level=0)
    document.add_paragraph(f"{notice.body.name}：")
    document.add_paragraph(notice.intro)
    for _, heading, items in notice.groups:
        document.add_heading(f"{heading}（{len(items)} 项）", level=1)
        for item in items:
            view = item.finding
            document.add_heading(f"{item.number}. [{view.code}] {view.message}", level=2)
            for label, value in _item_lines(item):
                line = document.add_paragraph()
                line.add_run(f"{label}：").bold = True
                line.add_run(value)
    return document


def _item_lines(item: NoticeItem) -> list[tuple[str, str]]:
    view = item.finding
    lines = [("位置", view.where or "全文"), ("原文", f"「{item.excerpt}」" if item.excerpt else "")]
    if view.relation:
        lines.append(("勾稽关系", view.relation))
    lines += [("问题", view.problem), ("为何重要", view.why), ("依据", view.basis or "（无）"),
              ("整改要求", item.remedy)]
    return [(label, value) for label, value in lines if value]


def _round_docx(summary: RoundSummary):
    document = _document()
    document.add_heading(round_title(summary), level=0)
    counts = summary.counts
    document.add_heading("一、总体情况", level=1)
    document.add_paragraph(
        f"本轮共审核年度报告 {summary.reports} 份，发现错误 {counts['error']} 项、警告 {counts['warning']} 项、提示 {counts['info']} 项；"
        f"{summary.with_errors} 份报告有错误，{summary.clean} 份没有错误和警告"
        + (f"，{summary.unreadable} 份无法读取" if summary.unreadable else "")
        + (f"；平均得分 {summary.mean_score} 分。" if summary.mean_score is not None else "。"))
    document.add_paragraph("得分分布：" + "；".join(f"{label} {count} 份" for label, count in summary.score_bands) + "。")
    document.add_heading("二、得分排名", level=1)
    table = document.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("排名", "机关", "年度", "得分", "错误", "警告")):
        cell.text = text
    for rank, body in enumerate(reversed(summary.ranking), 1):
        values = (rank, body.name, body.year or "—", body.score if body.score is not None else "未计算",
                  body.counts["error"], body.counts["warning"])
        for cell, value in zip(table.add_row().cells, values):
            cell.text = str(value)
    document.add_heading("三、共性问题", level=1)
    for problem in summary.common_problems(10):
        document.add_paragraph(f"[{problem.code}] {problem.summary}（{problem.reports} 份报告，共 {problem.findings} 处）",
                               style="List Number")
    document.add_heading("四、需要整改的机关", level=1)
    for body in summary.to_correct:
        codes = "、".join(code for code, _, _ in body.top_findings(100))
        document.add_paragraph(f"{body.name}{body.year or ''}：错误 {body.counts['error']} 项、警告 {body.counts['warning']} 项"
                               f"（{codes}），已发整改通知。", style="List Bullet")
    if not summary.to_correct:
        document.add_paragraph("本轮没有需要整改的报告。")
    totals = summary.year_totals
    if totals:
        document.add_heading("五、与上一年度对比", level=1)
        document.add_paragraph(
            f"{totals['bodies']} 个机关两年均有报告：平均得分 {totals['mean_then']} → {totals['mean_now']}；"
            f"{totals['better']} 个提高、{totals['worse']} 个下降、{totals['same']} 个持平；已改正 {totals['fixed']} 类问题，"
            f"重复出现 {totals['repeated']} 类，新出现 {totals['new']} 类。")
        for pair in summary.year_pairs:
            document.add_paragraph(
                f"{pair.name}：{pair.then.year} 年 {_score(pair.then)} → {pair.now.year} 年 {_score(pair.now)}；"
                f"已改正 {'、'.join(pair.fixed) or '无'}；重复出现 {'、'.join(pair.repeated) or '无'}；"
                f"新出现 {'、'.join(pair.new) or '无'}。", style="List Bullet")
    return document


def _score(body: BodySummary) -> str:
    return f"{body.score} 分" if body.score is not None else "未计算"
