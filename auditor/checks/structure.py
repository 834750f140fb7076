"""ST — the six sections, their order and numbering, repeated blocks, labels and template."""
from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from auditor.finding import Hit, Location
from auditor.model import SECTION_NUMBERS, Report
from auditor.parse.extent import report_extent
from auditor.template import expected_version
from auditor.template.formats import SECTION_TITLES, section_titles
from auditor.template.labels import label_key
from auditor.registry import rule

_CHINESE_NUMBERS = "一二三四五六七八九十"
_TABLE_SECTION = {"active": "二", "requests": "三", "review_litigation": "四"}


@rule("ST101", "section-missing", "error")
def section_missing(report: Report):
    """One of the six sections is absent.

    问题：年度报告缺少规定的六个部分之一。
    为何重要：年度报告格式固定为六个部分，缺少部分即内容不完整。
    示例：报告没有「五、存在的主要问题及改进情况」。
    依据：《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》。
    注：节选或被截断的报告（IN006），文本未到达的部分不算缺失；夹在两个已见部分之间的缺失部分仍报告。
    """
    present = {s.number for s in report.sections}
    unseen = report_extent(report).unseen
    for number in SECTION_NUMBERS:
        if number not in present and number not in unseen:
            yield Hit(f"缺少第{number}部分「{SECTION_TITLES[number][0]}」", Location(section=number),
                      {"section": number})


@rule("ST102", "section-order", "warning")
def section_order(report: Report):
    """Sections are out of order or numbered wrongly.

    问题：章节顺序错乱或编号错误（例如把「存在的主要问题」编为「四、」），或章节标题有错字、漏字、多字、颠倒（「二、主动公开政府信情况」）。标题用「和」「及」「与」连接的写法不同不算。
    为何重要：格式规定了六个部分的顺序、编号和标题，错误编号常是复制粘贴或拼接的痕迹，标题错字说明未经校对。
    示例：「五、其他需要报告的事项」出现在「四、存在的主要问题及改进情况」之后；「三、收到和处理政府信息公开申请请况」。
    依据：国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》。
    """
    for note in report.notes:
        if note.kind in ("section-order", "section-misnumbered"):
            yield Hit(note.message, Location(section=note.data.get("section"), start=note.start, end=note.end),
                      dict(note.data))
    for section in report.sections:
        printed = _HEADING_TITLE.sub("", report.text[section.start:section.heading_end]).strip()
        expected = _garbled_from(printed, section.number)
        if expected:
            yield Hit(f"第{section.number}部分标题印为「{printed}」，与格式规定的「{expected}」不一致（错字、漏字或多字）",
                      Location(section=section.number, start=section.start, end=section.heading_end),
                      {"printed": printed, "expected": expected})


_HEADING_TITLE = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、.．,，]\s*")
_CONNECTORS = re.compile(r"[和及与、]")


def _garbled_from(printed: str, number: str) -> str | None:
    """The standard title a printed heading garbles (a character swapped, lost or added), or None
    when it is one of the titles or their variants, connectors (和, 及, 与, 、) aside."""
    key = _CONNECTORS.sub("", label_key(printed))
    titles = {_CONNECTORS.sub("", label_key(title)): title for title in section_titles(number)}
    if not key or key in titles:
        return None
    closest = min(titles, key=lambda title: Levenshtein.distance(key, title))
    return titles[closest] if Levenshtein.distance(key, closest) <= (2 if len(closest) >= 8 else 1) else None


@rule("ST103", "duplicated-block", "warning")
def duplicated_block(report: Report):
    """A heading or paragraph is printed twice inside the report.

    问题：标题、章节标题或段落在报告中重复出现。
    为何重要：重复内容说明报告未经认真校对，常见于多次粘贴。
    示例：报告标题和「一、总体情况」连续出现两次。
    依据：国办公开办函〔2021〕30号（年度报告应准确、规范）。
    """
    for note in report.notes:
        if note.kind in ("section-duplicate", "paragraph-duplicate"):
            yield Hit(note.message, Location(section=note.data.get("section"), start=note.start, end=note.end))


@rule("ST104", "table-label-deviation", "warning")
def table_label_deviation(report: Report):
    """A printed table label differs from the official form.

    问题：统计表中的标签文字与格式规定不一致（错字或旧版措辞）。文本在标签中间结束（页面被截断）的不算。
    为何重要：表格标签是统一格式，改动说明使用了错误或过时的模板，也影响汇总统计。
    示例：「本年度止件数」（应为「本年废止件数」）；「其他法律法规禁止公开」（应为「其他法律行政法规禁止公开」）。
    依据：国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》。
    """
    tail = label_key(report.text[-80:])
    for note in report.notes:
        if note.kind == "label-deviation":
            printed = label_key(note.data["printed"])
            if tail.endswith(printed) and label_key(note.data["expected"]).startswith(printed):
                continue  # the text stops inside the label: a page cut off, not a garbled label
            table = note.data.get("table")
            row = note.data.get("where") if note.data.get("where") != "header" else None
            yield Hit(f"表格标签「{note.data['printed']}」与格式规定的「{note.data['expected']}」不一致",
                      Location(section=_TABLE_SECTION.get(table), table=table, row=row, start=note.start, end=note.end),
                      {"printed": note.data["printed"], "expected": note.data["expected"]})


@rule("ST105", "outdated-template", "error")
def outdated_template(report: Report):
    """The tables follow the 2019 layout in a 2021+ report, or the 2021 layout in an earlier one.

    问题：统计表使用了与报告年度不符的格式模板。
    为何重要：2021 年度起必须使用新格式（表三「其他处理」分为三项等），用旧模板会漏报数据。
    示例：2023 年度报告的表三「（六）其他处理」只有一行（2019 年试行格式）。
    依据：国办公开办函〔2021〕30号（2021 年度报告起施行）；国办公开办函〔2019〕60号（试行格式，已被替代）。
    """
    if report.year is None or report.template == "unknown":
        return
    expected = expected_version(report.year)
    if report.template != expected:
        table = "requests" if report.tables.get("requests") and report.tables["requests"].ok else "active"
        yield Hit(f"{report.year}年度报告使用了{report.template}年版统计表格式，应使用{expected}年版格式",
                  Location(section=_TABLE_SECTION[table], table=table), {"template": report.template, "expected": expected})


_ENUMERATION = re.compile(rf"(?:^|(?<=[。；;，,：:\s]))([{_CHINESE_NUMBERS}]{{1,2}})是")
_SUBHEADING = re.compile(rf"^[（(]([{_CHINESE_NUMBERS}]{{1,2}})[）)]", re.M)


@rule("ST106", "enumeration-broken", "info")
def enumeration_broken(report: Report):
    """An enumeration skips or repeats: 一是…二是…二是, or （一）（二）（四）.

    问题：文中的序号重复或跳号。
    为何重要：常是删改或复制后未校对的痕迹，影响阅读。
    示例：「一是……二是……二是……」；小标题「（一）（二）（四）」。
    依据：国办公开办函〔2021〕30号（年度报告应准确、规范）；《党政机关公文格式》GB/T 9704 的层次序数规范。
    """
    for section in report.sections:
        if section.number in _TABLE_SECTION.values():
            continue
        body = report.text[section.heading_end:section.end]
        for pattern, template in ((_ENUMERATION, "{}是"), (_SUBHEADING, "（{}）")):
            previous = 0
            for match in pattern.finditer(body):
                number = _value(match.group(1))
                if previous and number not in (previous + 1, 1):
                    start = section.heading_end + match.start(1)
                    yield Hit(f"第{section.number}部分序号不连续：「{template.format(_numeral(previous))}」之后是"
                              f"「{template.format(match.group(1))}」",
                              Location(section=section.number, start=start, end=start + len(match.group(0))),
                              {"previous": previous, "found": number})
                previous = number


_NUMERALS = [_CHINESE_NUMBERS[i] for i in range(10)] + ["十" + _CHINESE_NUMBERS[i] for i in range(9)] + ["二十"]


def _value(numeral: str) -> int:
    return _NUMERALS.index(numeral) + 1 if numeral in _NUMERALS else 0


def _numeral(value: int) -> str:
    return _NUMERALS[value - 1] if 0 < value <= len(_NUMERALS) else str(value)


# The preamble's sentence listing the report's parts: 「全文包括总体情况、……、其他需要报告的事项六个部分」.
_PARTS_SENTENCE = re.compile(r"(?:全文|报告|年报|内容)[^。\n，,]{0,8}?(?:分别为|分别是|包括|包含|由|分为)[:：，,]?\s*([^。\n]+)")
_PARTS_END = re.compile(r"(?:[等共]\s*)?(?:[一二三四五六七八九十\d]+\s*[个大项]?\s*)?(?:部分|方面|项内容)|(?:等|以及)?(?:内容)?(?:组成|构成)")
_ITEM_SPLIT = re.compile(r"[、，,；;：:]|以及")
# What names each part in a list of parts, however it is worded (「复议诉讼情况」, 「问题及改进」).
_PART_SIGNS = {"一": re.compile("总体|概述|概况"), "二": re.compile("主动公开"), "三": re.compile("申请"),
               "四": re.compile("复议|诉讼"), "五": re.compile("问题|改进|整改"), "六": re.compile("其他")}


@rule("ST107", "parts-list-deviation", "info")
def parts_list_deviation(report: Report):
    """The preamble's list of the report's parts leaves out one of the six, or names parts the format does not have.

    问题：报告开头「全文包括……六个部分」一句列出的组成部分与格式规定的六个部分不一致：漏列某一部分（常见的是「其他需要报告的事项」），多出格式没有的部分（「2022年工作思路」），或仍是 2019 年以前的旧提纲（概述、政策解读、复议诉讼和申诉、支出和收费）。
    为何重要：这一句说明报告的结构，与正文不符说明照抄旧报告或旧模板后未核对。
    示例：「全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议行政诉讼情况、存在的主要问题及改进情况等五个部分」（漏列第六部分）。
    依据：国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》（年度报告由六个部分组成）。
    """
    two = report.section("二")
    match = _PARTS_SENTENCE.search(report.text, 0, two.start if two else min(len(report.text), 2000))
    if not match:
        return
    listed = match.group(1)
    cut = _PARTS_END.search(listed)
    listed = listed[:cut.start()] if cut else listed
    items = [item for item in (label_key(part).removesuffix("等") for part in _ITEM_SPLIT.split(listed)) if item]
    named = {number for number, sign in _PART_SIGNS.items() if sign.search(listed)}
    if len(items) < 2 or len(named) < 3:
        return  # not a list of the report's parts
    missing = [number for number in SECTION_NUMBERS if number not in named]
    extra = [item for item in items if not any(sign.search(item) for sign in _PART_SIGNS.values())
             and not any(item in label_key(title) for number in SECTION_NUMBERS for title in section_titles(number))]
    if not missing and not extra:
        return
    said = []
    if missing:
        said.append("漏列" + "、".join(f"「{SECTION_TITLES[n][0]}」" for n in missing))
    if extra:
        said.append("多出" + "、".join(f"「{item}」" for item in extra))
    yield Hit(f"报告开头列出的组成部分与格式规定的六个部分不一致：{'；'.join(said)}",
              Location(start=match.start(1), end=match.start(1) + len(listed)),
              {"missing": missing, "extra": extra})
