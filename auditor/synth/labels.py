"""The printed labels of the official tables (format.md §2–§4), for both templates.

The generator keeps its own copy so that it never depends on the parser it is meant to test.
"""
from __future__ import annotations


# --- Table 三 -------------------------------------------------------------------------------
REQUEST_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
REQUEST_COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")
REQUEST_COLUMN_LABELS = {
    "natural": "自然人", "commercial": "商业企业", "research": "科研机构", "social": "社会公益组织",
    "legal": "法律服务机构", "other": "其他", "total": "总计",
}
REQUEST_HEAD = "申请人情况"
REQUEST_LEGAL_PERSONS = "法人或其他组织"

# Printed label of every leaf row (with its own numbering as printed in the form).
REQUEST_ROW_LABELS = {
    "1": "一、本年新收政府信息公开申请数量",
    "2": "二、上年结转政府信息公开申请数量",
    "3.1": "（一）予以公开",
    "3.2": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "3.3.1": "1.属于国家秘密",
    "3.3.2": "2.其他法律行政法规禁止公开",
    "3.3.3": "3.危及“三安全一稳定”",
    "3.3.4": "4.保护第三方合法权益",
    "3.3.5": "5.属于三类内部事务信息",
    "3.3.6": "6.属于四类过程性信息",
    "3.3.7": "7.属于行政执法案卷",
    "3.3.8": "8.属于行政查询事项",
    "3.4.1": "1.本机关不掌握相关政府信息",
    "3.4.2": "2.没有现成信息需要另行制作",
    "3.4.3": "3.补正后申请内容仍不明确",
    "3.5.1": "1.信访举报投诉类申请",
    "3.5.2": "2.重复申请",
    "3.5.3": "3.要求提供公开出版物",
    "3.5.4": "4.无正当理由大量反复申请",
    "3.5.5": "5.要求行政机关确认或重新出具已获取信息",
    "3.6.1": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "3.6.2": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.6.3": "3.其他",
    "3.6": "（六）其他处理",
    "3.7": "（七）总计",
    "4": "四、结转下年度继续办理",
}
# Group label cells that span several rows.
REQUEST_GROUP_LABELS = {
    "3": "三、本年度办理结果",
    "3.3": "（三）不予公开",
    "3.4": "（四）无法提供",
    "3.5": "（五）不予处理",
    "3.6": "（六）其他处理",
}
REQUEST_ROWS_2021 = tuple(k for k in REQUEST_ROW_LABELS if k != "3.6")
REQUEST_ROWS_2019 = tuple(k for k in REQUEST_ROW_LABELS if not k.startswith("3.6."))
RESULT_ROWS_2021 = tuple(k for k in REQUEST_ROWS_2021 if k.startswith("3.") and k != "3.7")
RESULT_ROWS_2019 = tuple(k for k in REQUEST_ROWS_2019 if k.startswith("3.") and k != "3.7")


def request_rows(template: str) -> tuple[str, ...]:
    return REQUEST_ROWS_2021 if template == "2021" else REQUEST_ROWS_2019


def result_rows(template: str) -> tuple[str, ...]:
    return RESULT_ROWS_2021 if template == "2021" else RESULT_ROWS_2019


# --- Table 四 -------------------------------------------------------------------------------
REVIEW_GROUPS = ("review", "litigation_direct", "litigation_after_review")
REVIEW_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
REVIEW_HEAD = "行政复议"
LITIGATION_HEAD = "行政诉讼"
LITIGATION_DIRECT = "未经复议直接起诉"
LITIGATION_AFTER = "复议后起诉"

# --- Table 二 -------------------------------------------------------------------------------
ARTICLE_BLOCKS = {
    "1": "第二十条第（一）项", "5": "第二十条第（五）项", "6": "第二十条第（六）项",
    "8": "第二十条第（八）项", "9": "第二十条第（九）项",
}
CONTENT = "信息内容"
FEE_HEADER_2021 = "本年收费金额（单位：万元）"

# (block, column headers after 信息内容, rows as (json key, printed label))
ACTIVE_LAYOUT_2021 = (
    ("1", ("本年制发件数", "本年废止件数", "现行有效件数"), (("regulations", "规章"), ("normative_documents", "行政规范性文件"))),
    ("5", ("本年处理决定数量",), (("licensing", "行政许可"),)),
    ("6", ("本年处理决定数量",), (("punishment", "行政处罚"), ("coercion", "行政强制"))),
    ("8", (FEE_HEADER_2021,), (("admin_fees", "行政事业性收费"),)),
)
ACTIVE_LAYOUT_2019 = (
    ("1", ("本年新制作数量", "本年新公开数量", "对外公开总数量"), (("regulations", "规章"), ("normative_documents", "规范性文件"))),
    ("5", ("上一年项目数量", "本年增/减", "处理决定数量"), (("licensing", "行政许可"), ("other_services", "其他对外管理服务事项"))),
    ("6", ("上一年项目数量", "本年增/减", "处理决定数量"), (("punishment", "行政处罚"), ("coercion", "行政强制"))),
    ("8", ("上一年项目数量", "本年增/减"), (("admin_fees", "行政事业性收费"),)),
    ("9", ("采购项目数量", "采购总金额"), (("procurement", "政府集中采购"),)),
)


def active_layout(template: str):
    return ACTIVE_LAYOUT_2021 if template == "2021" else ACTIVE_LAYOUT_2019


# --- Sections -------------------------------------------------------------------------------
SECTION_TITLES = {
    "一": ("总体情况",),
    "二": ("主动公开政府信息情况", "行政机关主动公开政府信息情况"),
    "三": ("收到和处理政府信息公开申请情况", "行政机关收到和处理政府信息公开申请情况"),
    "四": ("政府信息公开行政复议、行政诉讼情况", "因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
    "五": ("存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在的主要问题及整改措施"),
    "六": ("其他需要报告的事项",),
}
