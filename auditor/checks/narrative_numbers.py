"""CO404 — counts stated in the narrative agree with tables 二, 三 and 四.

A sentence is compared with a table only when the table was read and the sentence speaks of the
body itself: a sentence counting for a wider area or for other bodies (全县, 全区, 政府系统,
各部门, 所属单位, 本级 beside 部门 …) is skipped, since the tables may be of the body alone, and
so is a clause that breaks a total down (「其中…」, a parenthesis) or counts other requests
(热线, 留言, 信访, 咨询). Numbers are Arabic or Chinese numerals (cn2an). What is read:

- received (收到/受理/新收 … 申请 N 件, 收到 N 件 … 申请; 未收到 … 申请): row 一, or 一 + 二 when the
  text counts the carried-over requests in; carried over (上年结转 N 件): row 二;
- handled (办结/答复 N 件): （七）总计; carried forward (结转下年度 N 件): row 四;
- results (予以公开 N 件, 部分公开, 予以公开及部分公开, 不予公开, 无法提供, 不予处理), each with an
  optional share (占 N%), recomputed from the cells within the printed rounding;
- 行政复议 N 件 / 行政诉讼 N 件 in a sentence on 信息公开: table 四's totals;
- 现行有效(行政)规范性文件 N 件: table 二 (2021 format).

Each finding quotes the sentence and gives the cells and the arithmetic on both sides.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

import cn2an

from auditor.finding import Hit, Location
from auditor.limits import Limits
from auditor.model import Report
from auditor.registry import rule
from auditor.template import TOTAL_ROW, V2021
from auditor.template.relations import sum_of, total_terms

_N = rf"(?P<n>\d{{1,{Limits.max_digits}}}|[零〇一二两三四五六七八九十百千]{{1,8}})\s*(?:件|条|个|起|宗|例)"  # longer: no count
_GAP = r"[^，,；;。：:\d（(）)]{0,16}?"
_OBJECT = r"(?:政府信息公开|信息公开|依申请公开|公开)?(?:的)?(?:申请|请求)|依申请公开(?:政府信息|信息)?"
_AMOUNT = r"(?:数量)?(?:为|共|合计|共计|总计|计)?\s*"
_RECEIVED = re.compile(r"(?:新收到?|新受理|收到|受理|接收|接到)" + _GAP + f"(?:{_OBJECT})" + _GAP + _AMOUNT + _N)
_RECEIVED_FIRST = re.compile(r"(?:收到|受理|接到)了?\s*" + _N + r"\s*(?:" + _OBJECT + ")")  # 收到10件申请
_NONE_RECEIVED = re.compile(r"未(?:收到|受理|接到)(?:任何)?(?:公民、法人(?:或|和)其他组织(?:提出的)?)?(?:政府信息公开|依申请公开)")
_CARRIED = re.compile(r"(?:上一?年度?|(?P<year>20\d\d)年度?)(?:结转|转结)" + _GAP + _AMOUNT + _N)
_HANDLED = re.compile(r"(?:办结|答复|办理完结|办理完毕|作出答复)" + _GAP + _AMOUNT + _N)
_FORWARD = re.compile(r"(?:结转|顺延|转)(?:至|到)?(?:下一?年度?|(?P<year>20\d\d)年度?)" + _GAP + _AMOUNT + _N)
_RESULTS = {  # what the text calls a result → the rows of table 三 it sums
    "granted_or_partly": re.compile(r"予以公开(?:及|和|或|与|、)部分公开" + _GAP),
    "granted": re.compile(r"予以公开(?!(?:及|和|或|与|、)部分)" + _GAP),
    "partly": re.compile(r"(?<![及和或与、])部分公开" + _GAP),
    "refused": re.compile(r"不予公开" + _GAP),
    "unable": re.compile(r"无法提供" + _GAP),
    "not_processed": re.compile(r"不予处理" + _GAP),
}
_RESULT_ROWS = {"granted_or_partly": ("3.1", "3.2"), "granted": ("3.1",), "partly": ("3.2",), "refused": ("3.3",),
                "unable": ("3.4",), "not_processed": ("3.5",)}
_RESULT_NAMES = {"granted_or_partly": "予以公开及部分公开", "granted": "予以公开", "partly": "部分公开",
                 "refused": "不予公开", "unable": "无法提供", "not_processed": "不予处理"}
_COUNT_AFTER = re.compile(r"[^，,；;。\d%％]{0,6}?(?:的)?(?:有|共|为|计)?\s*" + _N)
_SHARE = re.compile(r"[^，,；;。]{0,6}?占(?:比)?(?:为)?\s*(?P<p>\d+(?:\.\d+)?)\s*[%％]")
_REVIEW = re.compile(r"(?:被申请|发生|收到|受理)?行政复议(?:案件|申请)?" + _GAP + _AMOUNT + _N)
_LITIGATION = re.compile(r"(?:被提起|发生|收到)?行政诉讼(?:案件)?" + _GAP + _AMOUNT + _N)
_IN_FORCE = re.compile(r"现行有效(?:的)?(?:行政)?规范性文件" + _GAP + _AMOUNT + _N)
_CLAUSE = re.compile(r"[^，,；;]+")
# A sentence that counts for more than the body (the tables may be of the body alone), or for two
# scopes at once; 「全区」 in a district government's report is the body's own area, as its tables are.
_AREA = re.compile(r"全(县|区|市|省|州|盟|旗)(?!委|政府门户)")
_AGGREGATE = re.compile(r"系统|各(?:部门|单位|乡镇|街道|级|镇|乡)|所属|下属|本级|部门(?:新收|收到|受理)|(?:县|区|市)直")
# Requests of another kind: hotline tickets, messages, petitions, consultations.
_OTHER_REQUESTS = re.compile(r"热线|工单|留言|信访|咨询|来电|来信|建议|提案|复议|诉讼")
# Every claim on table 三 names one of these (a cheap test before the patterns).
_REQUEST_WORDS = re.compile(r"申请|结转|公开|提供|处理|办结|答复")
_BREAKDOWN = re.compile(r"^\s*(?:其中|包括|含|分别)")
_PARENTHESIS = re.compile(r"[（(][^（()）]*[）)]")
# A sentence (between 。！？；; and line ends) that may hold a claim: every claim has a count with
# its unit (_N), a share (%) or says 未收到. Matched from a sentence's start only, so the scan
# stays linear.
_SENTENCE = re.compile(r"(?:(?<=[。！？；;\n])|^)[^。！？；;\n]*[件条个起宗例未%％][^。！？；;\n]*")
# An outcome named inside a review or litigation count (「行政复议纠正1件」) is a cell, not the total.
_OUTCOME = re.compile(r"维持|纠正|撤销|确认|驳回|败诉|胜诉|审结|终止|其他结果")


@lru_cache(maxsize=4096)
def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    try:
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):
        return None


@rule("CO404", "narrative-table-mismatch", "error")
def narrative_table_mismatch(report: Report):
    """A count stated in the text disagrees with the tables.

    问题：正文中写明的数字（收到、受理、上年结转、办结、结转下年、予以公开、不予公开、无法提供、不予处理的件数及其占比，行政复议、行政诉讼件数，现行有效规范性文件件数）与统计表不一致。只比较读出的表格，且只比较主语是本机关的句子（「全县」「各部门」「政府系统」等汇总口径不比较）；「其中……」的分项不当作总数。
    为何重要：正文与表格矛盾，至少有一处数据不实；公众和上级无法判断哪一个是真的。
    示例：正文「受理政府信息公开申请17件」，表三「本年新收政府信息公开申请数量」总计为 95。
    依据：《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号（报告数据应真实准确）。
    """
    requests = report.tables.get("requests")
    rows = _Totals(requests) if requests is not None and requests.ok else None
    review = report.tables.get("review_litigation")
    groups = _Totals(review) if review is not None and review.ok else None
    active = report.tables.get("active")
    documents = active if active is not None and active.ok and active.template == V2021.key else None
    if rows is None and groups is None and documents is None:
        return
    own = _own_area(report)
    for sentence in _SENTENCE.finditer(report.text):
        text, offset = sentence.group(), sentence.start()
        if "\t" in text or "|" in text or _AGGREGATE.search(text) or any(a != own for a in _AREA.findall(text)):
            continue
        blanked = _PARENTHESIS.sub(lambda m: " " * len(m.group()), text)  # 「（含上年结转1件）」, 「（其中：…）」
        for clause in _CLAUSE.finditer(blanked):
            words, place, total = clause.group(), (text, offset, clause.start()), not _BREAKDOWN.match(clause.group())
            if rows is not None and _REQUEST_WORDS.search(words) and not _OTHER_REQUESTS.search(words):
                yield from _request_claims(report, words, place, rows, total)
            if groups is not None and total and "信息公开" in text and ("行政复议" in words or "行政诉讼" in words):
                yield from _review_claims(words, place, groups)
            if documents is not None and total and "现行有效" in words:
                yield from _document_claims(words, place, documents)


def _own_area(report: Report) -> str | None:
    """The unit of a county-level-or-above government (区 of 洪泽区人民政府), whose 「全区」 is itself."""
    name = report.agency or ""
    if report.agency_kind in ("county", "city", "province") and name.endswith("人民政府"):
        return name.removesuffix("人民政府")[-1:]
    return None


class _Total(NamedTuple):
    total: int
    cells: dict[str, int]  # the 总计 cell of each row summed, by row key


class _Totals:
    """The totals of rows and groups of one table read (三 or 四), each summed once per report
    over the cells the template names (`total_terms`: a row's 总计, or those of a group's rows)."""

    def __init__(self, reading):
        self.reading = reading
        self._found: dict[tuple[str, ...], _Total | None] = {}

    def __call__(self, keys: tuple[str, ...]) -> _Total | None:
        """The sum over the rows or groups `keys`, None when a cell is not a count."""
        if keys not in self._found:
            self._found[keys] = self._sum(keys)
        return self._found[keys]

    def _sum(self, keys: tuple[str, ...]) -> _Total | None:
        reading = self.reading
        terms = [t for key in keys for t in total_terms(reading.template, reading.name, key)]
        total, operands = sum_of(terms, lambda t: reading.value(t.row, t.column))
        if total is None or not all(isinstance(v.number, int) for _, v in operands):
            return None
        return _Total(total, {t.row: v.number for t, v in operands})


def _sum_text(found: _Total) -> str:
    return " + ".join(str(v) for v in found.cells.values()) + (f" = {found.total}" if len(found.cells) > 1 else "")


def _request_claims(report: Report, clause: str, place, rows, total: bool):
    """Claims of a clause about requests; `total` is False in a breakdown (「其中…」), where
    only results and their shares are read."""
    new, carried = rows(("1",)), rows(("2",))
    if new is None:
        return
    new_total, carried_total = new.total, carried.total if carried is not None else None
    if not total:
        yield from _result_claims(clause, place, rows, new_total, carried_total)
        return
    for pattern in (_RECEIVED, _RECEIVED_FIRST):
        for match in pattern.finditer(clause):
            claim = _number(match.group("n"))
            if claim is None:
                continue
            accepted = {new_total} | ({new_total + carried_total} if carried_total is not None else set())
            if claim not in accepted:
                both = f"；含上年结转：{new_total} + {carried_total} = {new_total + carried_total}" if carried_total else ""
                yield _hit(place, match, f"收到申请 {claim} 件", claim, f"表三「一、本年新收」总计 {new_total}{both}",
                           str(new_total), {"1": new_total, **({"2": carried_total} if carried_total is not None else {})}, "1")
            break  # one received count per clause
    match = _NONE_RECEIVED.search(clause)
    if match and new_total != 0:
        yield _hit(place, match, "未收到政府信息公开申请", 0, f"表三「一、本年新收」总计 {new_total}", str(new_total),
                   {"1": new_total}, "1")
    year = report.year
    for pattern, key, name in ((_CARRIED, "2", "二、上年结转"), (_HANDLED, TOTAL_ROW, "（七）总计"), (_FORWARD, "4", "四、结转下年度继续办理")):
        for match in pattern.finditer(clause):
            stated_year = match.groupdict().get("year")
            if stated_year and year and int(stated_year) != (year - 1 if key == "2" else year + 1):
                continue  # another year's carry-over
            found, claim = rows((key,)), _number(match.group("n"))
            if found is None or claim is None or claim == found.total:
                continue
            yield _hit(place, match, f"「{match.group()}」", claim, f"表三「{name}」总计 {found.total}", str(found.total),
                       found.cells, key)
    yield from _result_claims(clause, place, rows, new_total, carried_total)


def _result_claims(clause: str, place, rows, new_total: int, carried_total: int | None):
    handled = rows((TOTAL_ROW,))
    for kind, pattern in _RESULTS.items():
        for match in pattern.finditer(clause):
            found = rows(_RESULT_ROWS[kind])
            if found is None:
                continue
            value, cells = found
            count = _COUNT_AFTER.match(clause, match.end())
            claim = _number(count.group("n")) if count else None
            if claim is not None and claim != value:
                yield _hit(place, count, f"{_RESULT_NAMES[kind]} {claim} 件", claim,
                           f"表三「{_RESULT_NAMES[kind]}」{_sum_text(found)}", str(value), cells, _RESULT_ROWS[kind][0])
                continue
            share = _SHARE.match(clause, count.end() if count else match.end())
            if share and handled is not None:
                yield from _share_claim(place, share, kind, cells, value, handled.total, new_total, carried_total)


def _share_claim(place, share, kind: str, cells, value: int, total: int, new_total: int, carried_total: int | None):
    """A share agrees when some base the text may mean (总计, new, new + carried) gives it within the printed rounding."""
    printed = Decimal(share.group("p"))
    half = Decimal(1).scaleb(printed.as_tuple().exponent) / 2
    bases = [b for b in (total, new_total, new_total + (carried_total or 0)) if b]
    if not bases or any(abs(Decimal(value) * 100 / base - printed) <= half + Decimal("0.0001") for base in bases):
        return
    computed = (Decimal(value) * 100 / total).quantize(Decimal(1).scaleb(printed.as_tuple().exponent)) if total else None
    yield _hit(place, share, f"{_RESULT_NAMES[kind]}占 {printed}%", float(printed),
               f"表三 {value} / {total} = {computed}%", f"{computed}%", {**cells, TOTAL_ROW: total}, _RESULT_ROWS[kind][0])


def _review_claims(clause: str, place, groups):
    for pattern, name, row in ((_REVIEW, "行政复议总计", "review"), (_LITIGATION, "行政诉讼总计", "litigation")):
        found = groups((row,))  # 行政诉讼: the group's rows, as the template groups them
        if found is None:
            continue
        for match in pattern.finditer(clause):
            claim = _number(match.group("n"))
            if claim is not None and claim != found.total and not _OUTCOME.search(match.group()):
                hit = _hit(place, match, f"「{match.group()}」", claim, f"表四「{name}」{_sum_text(found)}",
                           str(found.total), found.cells, row, table="review_litigation")
                yield Hit(hit.message, Location(section="四", table="review_litigation", row=row, column="total",
                                                start=hit.location.start, end=hit.location.end), hit.evidence)


def _document_claims(clause: str, place, documents):
    expected = documents.number("normative_documents", "in_force")
    if not isinstance(expected, int):
        return
    for match in _IN_FORCE.finditer(clause):
        claim = _number(match.group("n"))
        if claim is not None and claim != expected:
            hit = _hit(place, match, f"「{match.group()}」", claim, f"表二「行政规范性文件 现行有效件数」{expected}", str(expected),
                       {"normative_documents": expected}, "normative_documents", table="active")
            yield Hit(hit.message, Location(section="二", table="active", row="normative_documents", column="in_force",
                                            start=hit.location.start, end=hit.location.end), hit.evidence)


def _hit(place, match, said: str, claim, table_text: str, right: str, cells: dict, row: str, table: str = "requests") -> Hit:
    sentence, offset, clause_start = place
    start, end = offset + clause_start + match.start(), offset + clause_start + match.end()
    quoted = sentence.strip()
    quoted = quoted if len(quoted) <= 80 else quoted[:80] + "…"
    return Hit(f"正文「{quoted}」称{said}，{table_text}",
               Location(table=table, row=row, column="total", start=start, end=end),
               {"sentence": sentence.strip(), "claim": claim, "table": int(right) if right.isdigit() else right,
                "row": row, "cells": cells, "left": claim, "right": right, "left_text": f"正文 {claim}",
                "right_text": table_text})
