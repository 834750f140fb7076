"""CO404 — counts stated in the text agree with tables 三 and 四.

Only unambiguous claims are read: 「收到政府信息公开申请75件」, 「未收到政府信息公开申请」,
「办结…件」, 「结转下年度…件」, 「上年结转…件」, 「行政复议…件」, 「行政诉讼…件」. A claim of
received applications agrees with either the new applications or new + carried over
(「收到申请75件（含上年结转1件）」 is 74 + 1).
"""
from __future__ import annotations

import re

from auditor.finding import Hit, Location
from auditor.limits import Limits
from auditor.model import Report
from auditor.registry import rule
from auditor.template import TOTAL_ROW

_NUM = rf"(?:共|总计|合计|共计)?\s*(\d{{1,{Limits.max_digits}}})\s*(?:件|条|个|起)"  # longer: no count
_RECEIVED = re.compile(
    r"(?:收到|受理|新收|接收|接到)(?:各类|公民、法人(?:或|和)其他组织(?:提出的)?)?"
    r"(?:政府信息公开申请|依申请公开(?:政府信息)?申请|依申请公开(?:政府)?信息|申请)" + _NUM)
_NONE_RECEIVED = re.compile(r"未(?:收到|受理|接到)(?:任何)?(?:政府信息公开申请|依申请公开)")
_HANDLED = re.compile(r"(?:办结|答复|办理完结|办理)(?:政府信息公开申请|申请)" + _NUM)
_FORWARD = re.compile(r"结转(?:至)?下(?:一)?年(?:度)?(?:继续办理)?(?:的)?(?:申请)?" + _NUM)
_CARRIED = re.compile(r"上(?:一)?年(?:度)?结转(?:的)?(?:政府信息公开)?(?:申请)?" + _NUM)
_REVIEW = re.compile(r"(?:被申请|发生|收到)?行政复议(?:案件|申请)?" + _NUM)
_LITIGATION = re.compile(r"(?:被提起|发生)?行政诉讼(?:案件)?" + _NUM)
_SENTENCE = re.compile(r"[^。！？；\n]+")


def _total(requests, key: str) -> int | None:
    """The row's 总计 cell of table 三 when it holds a count."""
    return requests.number(key, "total")


@rule("CO404", "narrative-table-mismatch", "error")
def narrative_table_mismatch(report: Report):
    """A count stated in the text disagrees with the tables.

    问题：正文中写明的数字（收到申请、办结、结转、行政复议、行政诉讼件数）与统计表不一致。
    为何重要：正文与表格矛盾，至少有一处数据不实；公众和上级无法判断哪一个是真的。
    示例：正文「受理政府信息公开申请17件」，表三「本年新收政府信息公开申请数量」总计为 95。
    依据：《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号（报告数据应真实准确）。
    """
    requests = report.tables.get("requests")
    rows = requests if requests is not None and requests.ok else None
    review = report.tables.get("review_litigation")
    groups = review if review is not None and review.ok else None
    for sentence in _SENTENCE.finditer(report.text):
        text, offset = sentence.group(), sentence.start()
        if "\t" in text:
            continue
        if rows is not None and ("申请" in text or "结转" in text):  # every claim of table 三 names one
            yield from _requests_claims(text, offset, rows)
        if groups is not None and "信息公开" in text:
            yield from _review_claims(text, offset, groups)


def _requests_claims(text: str, offset: int, rows):
    new, carried = _total(rows, "1"), _total(rows, "2")
    if new is None:
        return
    for match in _RECEIVED.finditer(text):
        claim = int(match.group(1))
        if "复议" in text[max(0, match.start() - 6):match.start()] or "诉讼" in text[max(0, match.start() - 6):match.start()]:
            continue
        accepted = {new} | ({new + carried} if carried is not None else set())
        if claim not in accepted:
            yield _hit(f"正文称收到申请 {claim} 件，表三「本年新收」为 {new}" + (f"（含上年结转为 {new + carried}）" if carried else ""),
                       offset, match, claim, new, "1")
    if _NONE_RECEIVED.search(text) and new != 0:
        match = _NONE_RECEIVED.search(text)
        yield _hit(f"正文称未收到政府信息公开申请，但表三「本年新收」为 {new}", offset, match, 0, new, "1")
    for pattern, key, name in ((_HANDLED, TOTAL_ROW, "办理结果总计"), (_FORWARD, "4", "结转下年度继续办理"),
                               (_CARRIED, "2", "上年结转")):
        expected = _total(rows, key)
        for match in pattern.finditer(text):
            if expected is not None and int(match.group(1)) != expected:
                yield _hit(f"正文写「{match.group()}」，表三「{name}」为 {expected}", offset, match,
                           int(match.group(1)), expected, key)


def _review_claims(text: str, offset: int, groups):
    review_total = groups.number("review", "total")
    litigation_total = sum(groups.number(group, "total") or 0 for group in ("litigation_direct", "litigation_after_review"))
    for pattern, expected, name, row in ((_REVIEW, review_total, "行政复议总计", "review"),
                                         (_LITIGATION, litigation_total, "行政诉讼总计", "litigation")):
        for match in pattern.finditer(text):
            if isinstance(expected, int) and int(match.group(1)) != expected:
                hit = _hit(f"正文写「{match.group()}」，表四「{name}」为 {expected}", offset, match,
                           int(match.group(1)), expected, row)
                yield Hit(hit.message, Location(section="四", table="review_litigation", row=row,
                                                start=hit.location.start, end=hit.location.end), hit.evidence)


def _hit(message: str, offset: int, match, claim: int, table_value: int, row: str) -> Hit:
    return Hit(message, Location(table="requests", row=row, column="total", start=offset + match.start(),
                                 end=offset + match.end()),
               {"left": claim, "right": table_value, "claim": claim, "table": table_value, "row": row})
