"""RE — text reused across the batch: passages shared with another body (RE601), whole reports
nearly alike (RE602), a narrative that repeats the body's previous report (RE603).

All three read one `reuse_analysis` of the batch (auditor.corpus.reuse), made with the run's
parameters and kept on the batch; a finding is written on every version (format) of a report,
its span located in that version's text.
"""
from __future__ import annotations

from rapidfuzz import fuzz

from auditor.batch import Batch
from auditor.corpus.reuse import Document, reuse_analysis
from auditor.finding import Hit, Location
from auditor.model import Report
from auditor.registry import rule

_EXCERPT = 40
_LOCATE_CUTOFF = 90


def _locate(version: Report, document: Document, start: int, end: int) -> tuple[int, int] | None:
    """The span `document.report.text[start:end]` in another version of the same report."""
    if version is document.report:
        return start, end
    snippet = document.report.text[start:end]
    found = version.text.find(snippet)
    if found >= 0:
        return found, found + len(snippet)
    alignment = fuzz.partial_ratio_alignment(snippet, version.text, score_cutoff=_LOCATE_CUTOFF)
    return (alignment.dest_start, alignment.dest_end) if alignment else None


def _excerpt(text: str) -> str:
    return text if len(text) <= _EXCERPT else text[:_EXCERPT] + "…"


def _sides(pair):
    """(this document, the other, this side's span getter, the other's) for both sides of a pair."""
    yield pair.a, pair.b, (lambda p: (p.a_start, p.a_end)), (lambda p: (p.b_start, p.b_end))
    yield pair.b, pair.a, (lambda p: (p.b_start, p.b_end)), (lambda p: (p.a_start, p.a_end))


@rule("RE601", "reused-passage", "warning", corpus=True)
def reused_passage(batch: Batch):
    """A narrative passage is shared with another body's report in the batch.

    问题：报告叙述部分（前言、第一、五、六部分）有一段文字与同批次另一机关的报告相同或几乎相同（可能只换了机关名称、改了个别数字）。
    为何重要：年度报告应如实反映本机关的工作；照抄他人报告的段落说明报告未据实编写，属格式文件责任条款所称的雷同问题。条例、格式文件规定的固定表述和多数机关共用的套话不算。
    示例：石桥镇报告「在信息发布审核环节，石桥镇坚持先审后发、分级负责……」与江南省报告的一段仅机关名称和一个数字不同。
    依据：《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号（报告应如实反映本机关情况，雷同报告应予问责）。
    """
    for pair in reuse_analysis(batch).pairs_of("reuse"):
        for this, other, mine, theirs in _sides(pair):
            for passage in pair.passages:
                for version in this.versions:
                    here = _locate(version, this, *mine(passage))
                    counterpart = other.version_like(version)
                    there = _locate(counterpart, other, *theirs(passage))
                    if here is None or there is None:
                        continue
                    text = version.text[here[0]:here[1]]
                    yield version, Hit(
                        f"有一段 {len(text)} 字的文字与{counterpart.agency or counterpart.source}"
                        f"{counterpart.year or ''}年度报告相同或几乎相同（相似度 {passage.similarity:.0%}）：「{_excerpt(text)}」",
                        Location(start=here[0], end=here[1]),
                        {"other_source": counterpart.source, "other_agency": counterpart.agency,
                         "other_start": there[0], "other_end": there[1], "chars": len(text),
                         "similarity": passage.similarity})


@rule("RE602", "near-duplicate-report", "warning", corpus=True)
def near_duplicate_report(batch: Batch):
    """The whole narrative is nearly the same as another body's report (reported per cluster).

    问题：本报告的叙述部分整体上与同批次另一机关的报告几乎相同（字符片段的相似度达到阈值，默认 0.8）。几份报告互相雷同时作为一个雷同报告群报告：每份报告指明所在的群和最相近的一份，群的成员列在批次结果中。
    为何重要：两个机关的年度报告通篇雷同，说明报告是套用他人报告改写而成，未反映本机关的实际工作，属格式文件责任条款所称的雷同问题。
    示例：两个乡的报告只有机关名称、联系电话和少数数字不同，其余文字完全一致。
    依据：《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号（报告应如实反映本机关情况，雷同报告应予问责）。
    """
    for cluster in reuse_analysis(batch).clusters:
        for member in cluster.members:
            for version in member.document.versions:
                closest = member.closest.version_like(version)
                yield version, Hit(
                    f"本报告叙述部分与另外 {len(cluster.members) - 1} 份报告几乎相同（雷同报告群 {cluster.id}），"
                    f"最相近的是{closest.agency or closest.source}{closest.year or ''}年度报告（相似度 {member.similarity:.0%}）",
                    Location(),
                    {"cluster": cluster.id, "cluster_size": len(cluster.members), "other_source": closest.source,
                     "other_agency": closest.agency, "similarity": member.similarity})


@rule("RE603", "unchanged-from-last-year", "info", corpus=True)
def unchanged_from_last_year(batch: Batch):
    """Most of the narrative repeats the same body's previous report.

    问题：本报告叙述部分的大部分文字（默认 80% 以上）与同一机关上一年度报告相同，只改了年份和个别数字。
    为何重要：年度报告应总结本年度的工作和问题；逐年照搬说明总结、整改和计划没有更新，属提示，供人工核对。
    示例：2024 年度报告的总体情况、存在问题及改进情况与 2023 年度报告逐字相同，只是年份不同。
    依据：《中华人民共和国政府信息公开条例》第五十条（报告上一年度政府信息公开工作情况）；国办公开办函〔2021〕30号。
    """
    for pair in reuse_analysis(batch).pairs_of("same_body"):
        for version in pair.b.versions:
            counterpart = pair.a.version_like(version)
            yield version, Hit(
                f"叙述部分有 {pair.share:.0%} 与本机关{counterpart.year}年度报告相同",
                Location(),
                {"other_source": counterpart.source, "other_year": counterpart.year, "share": pair.share})
