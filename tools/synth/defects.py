"""Planting table defects into true table values, recording exactly what was changed.

Each function mutates the tables in place and returns the manifest entry describing the defect,
so the manifest states the truth a correct audit must find. Text defects are planted by the
prose writer (`synth.prose`) and structural ones by the spec builder.
"""
from __future__ import annotations

import random
from typing import Any

TEXT_DEFECTS = {
    "NA307": "全文未引用《中华人民共和国政府信息公开条例》",
    "NA308": "第六部分没有信息处理费说明",
    "NA309": "没有联系地址和电话",
    "NA310": "没有统计期限",
    "CO401": "第五部分的改进计划写成了报告当年",
    "CO402": "自称与机关类别不符（复制他人报告）",
    "CO403": "2021年以后的报告仍引用国办公开办函〔2019〕60号",
    "CO404": "正文所述收到申请件数与表三不一致",
    "CO405": "正文称暂不接受依申请公开",
    "ST106": "一是、二是、二是：序号重复",
    "TX501": "「新增新增」词语重复",
    "TX502": "错别字「布署」",
    "TX503": "文档转换残留「[bookmark: _GoBack]」",
    "RE601": "与另一机关报告共用一段文字（换了机关名称、改了一个数字）",
    "RE603": "叙述部分照搬本机关上一年度报告（只有年份和数字不同）",
}


def plant_table_defect(code: str, tables: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    return _PLANTERS[code](tables, rng)


def _requests_rows(tables) -> dict[str, list]:
    return tables["requests"]["rows"]


def add_to_natural(rows: dict[str, list], key: str, count: int) -> None:
    """Add `count` to a table 三 row's 自然人 cell and to its 总计, so the row total still holds."""
    rows[key][0] += count
    rows[key][6] += count


def _balance(tables, rng):
    """TA201: row 一 raised in one column (row total kept), so 一 + 二 ≠ 总计 + 四 there."""
    add_to_natural(_requests_rows(tables), "1", 2)
    return {"code": "TA201", "table": "requests", "row": "1", "column": "natural",
            "detail": "表三第一项自然人一栏多填2件，一＋二≠（七）总计＋四"}


def _results(tables, rng):
    """TA202: （一）予以公开 raised in one column (row total kept): 总计 ≠ Σ results there."""
    add_to_natural(_requests_rows(tables), "3.1", 1)
    return {"code": "TA202", "table": "requests", "row": "3.1", "column": "natural",
            "detail": "表三（一）予以公开自然人一栏多填1件，（七）总计≠各办理结果之和"}


def _row_total(tables, rng):
    """TA203: the 总计 of two result rows shifted by one each way; column sums still hold."""
    rows = _requests_rows(tables)
    up, down = ("3.1", "3.4.1") if rows["3.4.1"][6] > 0 else ("3.4.1", "3.1")
    if rows[down][6] == 0:
        raise ValueError("TA203 needs a report with requests in table 三")
    rows[up][6] += 1
    rows[down][6] -= 1
    return {"code": "TA203", "table": "requests", "rows": [up, down], "column": "total",
            "detail": "表三两行办理结果的总计与各栏之和不符（一行多1，一行少1）"}


def _review_total(tables, rng):
    """TA204: 行政复议 总计 printed as 0 although results are not (as in a real report)."""
    review = tables["review_litigation"]["review"]
    if review[4] == 0:  # the total the template's relation set: printing 0 would then break nothing
        review[0] = rng.randint(1, 3)
    review[4] = 0
    return {"code": "TA204", "table": "review_litigation", "group": "review",
            "detail": "表四行政复议总计填0，与各项之和不符"}


def _invalid(tables, rng):
    """TA205: a fractional count in table 二."""
    tables["active"]["licensing"] = "1.5"
    return {"code": "TA205", "table": "active", "row": "licensing", "detail": "表二行政许可件数填「1.5」"}


def _blank(tables, rng):
    """TA206: table 四's litigation groups printed as 「/」 instead of 0."""
    review = tables["review_litigation"]
    review["litigation_direct"] = [None] * 5
    review["litigation_after_review"] = [None] * 5
    return {"code": "TA206", "table": "review_litigation", "groups": ["litigation_direct", "litigation_after_review"],
            "detail": "表四行政诉讼两组以「/」代替0"}


def _implausible(tables, rng):
    """TA207: a township reporting 规章 it cannot make."""
    active = tables["active"]
    active["regulations"] = [2, 0, 2] if isinstance(active["regulations"], list) else active["regulations"]
    return {"code": "TA207", "table": "active", "row": "regulations", "detail": "乡镇报告制发规章2件"}


_PLANTERS = {"TA201": _balance, "TA202": _results, "TA203": _row_total, "TA204": _review_total,
             "TA205": _invalid, "TA206": _blank, "TA207": _implausible}
TABLE_DEFECTS = tuple(_PLANTERS)
