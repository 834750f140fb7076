"""The printed labels of the official format (format.md §1–§4), and how to compare labels.

One source of truth for section titles, table row labels and column headers; the parser
matches printed text against these and records every deviation for the checks (ST104).
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

SECTION_TITLES = {
    "一": ("总体情况",),
    "二": ("主动公开政府信息情况", "行政机关主动公开政府信息情况"),
    "三": ("收到和处理政府信息公开申请情况", "行政机关收到和处理政府信息公开申请情况"),
    "四": ("政府信息公开行政复议、行政诉讼情况", "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
          "政府信息公开行政复议、行政诉讼情况"),
    "五": ("存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在的主要问题及整改措施",
          "政府信息公开工作存在的主要问题及整改措施", "存在的主要问题及改进措施"),
    "六": ("其他需要报告的事项",),
}

REQUEST_COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")
REQUEST_COLUMN_LABELS = {
    "natural": "自然人", "commercial": "商业企业", "research": "科研机构", "social": "社会公益组织",
    "legal": "法律服务机构", "other": "其他", "total": "总计",
}

# Table 三 leaf rows: key -> printed label (without its numbering).
REQUEST_ROWS = {
    "1": "本年新收政府信息公开申请数量",
    "2": "上年结转政府信息公开申请数量",
    "3.1": "予以公开",
    "3.2": "部分公开（区分处理的，只计这一情形，不计其他情形）",
    "3.3.1": "属于国家秘密",
    "3.3.2": "其他法律行政法规禁止公开",
    "3.3.3": "危及“三安全一稳定”",
    "3.3.4": "保护第三方合法权益",
    "3.3.5": "属于三类内部事务信息",
    "3.3.6": "属于四类过程性信息",
    "3.3.7": "属于行政执法案卷",
    "3.3.8": "属于行政查询事项",
    "3.4.1": "本机关不掌握相关政府信息",
    "3.4.2": "没有现成信息需要另行制作",
    "3.4.3": "补正后申请内容仍不明确",
    "3.5.1": "信访举报投诉类申请",
    "3.5.2": "重复申请",
    "3.5.3": "要求提供公开出版物",
    "3.5.4": "无正当理由大量反复申请",
    "3.5.5": "要求行政机关确认或重新出具已获取信息",
    "3.6.1": "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "3.6.2": "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.6.3": "其他",
    "3.6": "其他处理",
    "3.7": "总计",
    "4": "结转下年度继续办理",
}
REQUEST_GROUPS = {"3": "本年度办理结果", "3.3": "不予公开", "3.4": "无法提供", "3.5": "不予处理", "3.6": "其他处理"}
REQUEST_ROW_KEYS_2021 = tuple(k for k in REQUEST_ROWS if k != "3.6")
REQUEST_ROW_KEYS_2019 = tuple(k for k in REQUEST_ROWS if not k.startswith("3.6."))

REVIEW_GROUPS = ("review", "litigation_direct", "litigation_after_review")
REVIEW_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")

# Table 二: row label -> (json key, values per template)
ACTIVE_ROWS_2021 = {
    "规章": ("regulations", 3),
    "行政规范性文件": ("normative_documents", 3),
    "行政许可": ("licensing", 1),
    "行政处罚": ("punishment", 1),
    "行政强制": ("coercion", 1),
    "行政事业性收费": ("admin_fees", 1),
}
ACTIVE_ROWS_2019 = {
    "规章": ("regulations", 3),
    "规范性文件": ("normative_documents", 3),
    "行政许可": ("licensing", 3),
    "其他对外管理服务事项": ("other_services", 3),
    "行政处罚": ("punishment", 3),
    "行政强制": ("coercion", 3),
    "行政事业性收费": ("admin_fees", 2),
    "政府集中采购": ("procurement", 2),
}
# 2019 rows printed under 上一年项目数量 · 本年增/减: their second value is a change and may be negative.
ACTIVE_SIGNED_ROWS_2019 = frozenset({"licensing", "other_services", "punishment", "coercion", "admin_fees"})
ACTIVE_HEADERS_2021 = ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额（单位：万元）")
ACTIVE_HEADERS_2019 = ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减",
                       "处理决定数量", "采购项目数量", "采购总金额")
# Accepted variants that are not deviations (the official 30号 form has been reprinted with these).
ACTIVE_HEADER_VARIANTS = {"本年收费金额单位万元保留4位小数": "本年收费金额（单位：万元）",
                          "本年收费金额单位万元": "本年收费金额（单位：万元）"}

_NUMBERING = re.compile(r"^(?:[（(]?[一二三四五六七八九十]+[）)、.．]|[（(]\d+[）)]|\d+[.、．](?!\d))+")
_NOT_WORD = re.compile(r"[^0-9A-Za-z\u3400-\u9fff/]")


@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """A label reduced to what identifies it: no numbering, spaces or punctuation."""
    return _NOT_WORD.sub("", _NUMBERING.sub("", re.sub(r"\s+", "", text)))


def similarity(a: str, b: str) -> float:
    """Similarity 0–100 of two label keys."""
    return fuzz.ratio(a, b)


@lru_cache(maxsize=8192)
def closest(key: str, labels: tuple[str, ...]) -> tuple[str, float]:
    """The label most similar to a label key (the first of equals) and its similarity."""
    best = max(labels, key=lambda label: similarity(key, label_key(label)))
    return best, similarity(key, label_key(best))


REQUEST_ROW_KEYS = {key: label_key(text) for key, text in REQUEST_ROWS.items()}
REQUEST_GROUP_KEYS = {key: label_key(text) for key, text in REQUEST_GROUPS.items()}
SECTION_TITLE_KEYS = {number: tuple(label_key(t) for t in titles) for number, titles in SECTION_TITLES.items()}
