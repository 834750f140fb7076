"""CO — the text agrees with itself, with the body it comes from, and with its tables."""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from auditor.checks.word_boundary import cuts_word
from auditor.finding import Hit, Location
from auditor.model import Report
from auditor.registry import rule
from auditor.template import V2019, expected_version

_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
_PLAN_WORDS = re.compile(r"将|计划|拟|力争|要进一步|继续|下一步|打算")
# The year a sentence of 总体情况 is set in: its opening time adverbial, after an optional numbering
# and sub-heading (「（一）主动公开：」), set off by a comma or followed by the body's self-reference
# (「2023年，我乡…」, 「2023年度我乡…」); a year inside a phrase (「自2019年新修订的《条例》施行以来」) is not it.
_YEAR_LEAD = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十\d]+[、.．])?"
                        r"(?:[^，。；：:\d]{1,12}[：:])?\s*(?:在|于)?((?:19|20)\d{2})\s*年(?:度)?(?=[，,、]|我|本|全)")


# A year's annual report said to be published on a date (「完成2023年…年度报告，并于2024年1月…公布」,
# 「于2024年1月…发布了2023年度…报告」): the report of a year can only be published after it.
_PUBLISH_VERB = r"(?:公布|发布|公开|上网|挂网|上传|刊登)"
_PUBLISHED = re.compile(
    r"(?P<named>(?:19|20)\d{2})\s*年度?[^。；！？\n\d]{0,20}?年度报告[^。；！？\n\d]{0,15}?(?:于|在)\s*"
    r"(?P<published>(?:19|20)\d{2})\s*年\s*(?P<month>\d{1,2})\s*月[^。；！？\n]{0,40}?" + _PUBLISH_VERB +
    r"|(?:于|在)\s*(?P<published2>(?:19|20)\d{2})\s*年\s*(?P<month2>\d{1,2})\s*月[^。；！？\n\d]{0,30}?" + _PUBLISH_VERB +
    r"了?[^。；！？\n\d]{0,10}?(?P<named2>(?:19|20)\d{2})\s*年度?[^。；！？\n\d]{0,20}?年度报告")


def _sentences(report: Report, start: int, end: int):
    for match in _SENTENCE.finditer(report.text, start, end):
        yield match.start(), match.end(), match.group()


def _section_range(report: Report, number: str) -> tuple[int, int] | None:
    section = report.section(number)
    return (section.heading_end, section.end) if section else None


@rule("CO401", "year-mismatch", "warning")
def year_mismatch(report: Report):
    """A year in the text contradicts the report year.

    问题：文中年份与报告年度矛盾：标题年度与统计期限不一致；第五部分的改进计划写成了本年度；总体情况开头写成了其他年度；称某年度的年度报告在该年度结束之前就已公布（「2024年……年度报告，并于2024年1月15日之前……公布」，所指的其实是上一年度的报告）。
    为何重要：改进措施应面向下一年，写成本年度通常是照抄上一年报告未改年份；统计期限错误会让数据口径不明。
    示例：2023 年度报告写「2023年，我乡将进一步……」；标题为 2022 年度，统计期限却是 2021 年。
    依据：《中华人民共和国政府信息公开条例》第五十条（每年1月31日前公布本机关上一年度的年度报告）；国办公开办函〔2021〕30号。
    """
    year = report.year
    if year is None:
        return
    if report.period and report.period[1] != year:
        yield Hit(f"标题为{year}年度，但统计期限为{report.period[0]}年至{report.period[1]}年",
                  Location(), {"title_year": year, "period": list(report.period)})
    five = _section_range(report, "五")
    if five:
        for start, end, sentence in _sentences(report, *five):
            match = re.search(rf"{year}年(?!度?(?:以来|中|内|上半年|下半年|全年|[1-9]|1[0-2]月))", sentence)
            if match and _PLAN_WORDS.search(sentence[match.end():match.end() + 25]) and "存在" not in sentence[:match.end() + 25]:
                yield Hit(f"第五部分的改进计划写作「{sentence[match.start():match.end() + 12].strip()}…」，"
                          f"{year}年度报告的计划应面向{year + 1}年",
                          Location(section="五", start=start + match.start(), end=start + match.end()),
                          {"found": year, "expected": year + 1})
    for match in _PUBLISHED.finditer(report.text) if "年度报告" in report.text else ():
        named, published = int(match.group("named") or match.group("named2")), int(match.group("published") or match.group("published2"))
        if published <= named:
            yield Hit(f"文中称{named}年度报告于{published}年{match.group('month') or match.group('month2')}月公布，"
                      f"年度报告应在所报告年度之后公布，所指的应是{published - 1}年度报告",
                      Location(start=match.start(), end=match.end()),
                      {"found": named, "published": published, "expected": published - 1})
    one = _section_range(report, "一")
    if one:
        for start, end, sentence in list(_sentences(report, *one))[:2]:
            match = _YEAR_LEAD.match(sentence)
            if match and int(match.group(1)) not in (year,):
                yield Hit(f"总体情况开头写的是{match.group(1)}年，报告年度为{year}年",
                          Location(section="一", start=start + match.start(1), end=start + match.end(1) + 1),
                          {"found": int(match.group(1)), "expected": year})


_SELF = {"乡": "我乡|本乡|全乡", "镇": "我镇|本镇|全镇", "街道": "我街道|本街道|全街道", "县": "我县|本县|全县",
         "区": "我区|本区|全区"}
_WRONG_SELF = {"乡": ("镇", "街道"), "镇": ("乡", "街道"), "街道": ("乡", "镇"), "县": ("区",), "区": ("县",)}
_FUNCTION_CHARS = "在由向与和及对于到从将把被为了的是经"
_OTHER_TOWNSHIP = re.compile(r"([\u4e00-\u9fff]{2,4}?(?:乡|镇|街道))(?:人民政府|办事处)")


def _own_unit(report: Report) -> str | None:
    name = (report.agency or "").removesuffix("人民政府").removesuffix("办事处")
    for unit in ("街道", "乡", "镇", "县", "区"):
        if name.endswith(unit):
            return unit
    return None


@rule("CO402", "self-reference-mismatch", "warning")
def self_reference(report: Report):
    """The body calls itself by the wrong kind (我镇 in a 乡 report) or by another body's name.

    问题：报告自称与机关类型不符（乡的报告写「我镇」；部门在别处自称「我局」，报告本机关公开数量时却写「我区主动公开……30条」），或把其他乡镇的名称当作本机关。部门提到所在地区（「回应我市……的热点」）不算。跨越词语边界的字串不算（「健全乡村」中的「全乡」、「本区域」中的「本区」）。
    为何重要：这是照抄其他单位报告后未修改的典型痕迹，说明报告内容可能不真实。
    示例：延津县某乡的报告中写「推进我镇政务公开工作」。
    依据：《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号（报告应如实反映本机关情况，雷同报告应予问责）。
    """
    if report.agency_kind == "department":
        yield from _department_as_place(report)
        return
    unit = _own_unit(report)
    if unit is None or report.agency_kind not in ("township", "street", "county"):
        return
    wrong = "|".join(_SELF[w] for w in _WRONG_SELF[unit])
    for match in re.finditer(wrong, report.text):
        if cuts_word(report.text, match.start(), match.end()):
            continue  # 健全乡村 is 健全 + 乡村, 本区域 is 本 + 区域: no self-reference
        yield Hit(f"{report.agency}是「{unit}」，文中却自称「{match.group()}」",
                  Location(start=match.start(), end=match.end()), {"found": match.group(), "kind": unit})
    if report.agency_kind in ("township", "street"):
        own = re.split(r"[县区市旗]", (report.agency or "").removesuffix("人民政府").removesuffix("办事处"))[-1]
        for match in _OTHER_TOWNSHIP.finditer(report.text):
            name = match.group(1).lstrip(_FUNCTION_CHARS)
            if own and not name.endswith(own) and name.endswith(unit) and len(name) >= 3:
                yield Hit(f"文中出现其他乡镇「{name}」，疑似照抄其他单位的报告",
                          Location(start=match.end(1) - len(name), end=match.end()), {"found": name, "own": own})


# A department's own self-reference (我局, 本委, 我办, 我中心 …).
_DEPARTMENT_SELF = re.compile(r"(?:我|本)(?:局|委|办|厅|中心|院|馆|所|站|队|署)")
# A place's self-reference stating the department's own disclosure count: 「我区主动公开各类政府信息30条」.
# 我市/我区 naming the place the department works in (「回应我市住房建设的热点」) states no count of the body's.
_PLACE_COUNT = re.compile(r"(?:我|本)(区|县|市|乡|镇|街道|省|州|旗)(?:共|全年|累计|本年度?|年内)?"
                          r"(主动公开|公开|发布|受理|收到|办理|办结|答复)[^。；，,\d]{0,12}?\d+\s*[条件个篇]")


def _department_as_place(report: Report):
    """A department that calls itself 我局 and states its own count as 我区: the count copied from a
    district's (or county's …) report, or the self-reference left unmended."""
    own = _DEPARTMENT_SELF.search(report.text)
    if own is None:
        return
    for match in _PLACE_COUNT.finditer(report.text):
        found = match.group()[:2]
        yield Hit(f"{report.agency or '本机关'}是部门，文中自称「{own.group()}」，"
                  f"报告本机关的数量时却自称「{found}」（「{match.group()}」）",
                  Location(start=match.start(), end=match.start() + 2), {"found": found, "own": own.group()})


_OLD_FORMAT = re.compile(r"国办公开办函\s*[〔\[【（(]\s*2019\s*[〕\]】）)]?\s*60\s*号")
# The 60号 notice by its title (no number): 《…关于政府信息公开工作年度报告有关事项的通知》.
_OLD_FORMAT_TITLE = re.compile(r"《[^》]{0,30}关于政府信息公开工作年度报告有关事项的通知》")
# The 30号 format under another office's prefix: 「国办发〔2021〕30号」.
_WRONG_FORMAT_NUMBER = re.compile(r"国办(?!公开办)[发函]\s*[〔\[【（(]\s*2021\s*[〕\]】）)]\s*30\s*号")
_REGULATION = "中华人民共和国政府信息公开条例"
# A State Council decree cited next to the 条例 (「《中华人民共和国政府信息公开条例》（国务院令第711号）」).
_DECREE = re.compile(r"(?:国务院令|中华人民共和国国务院令)\s*(?:第\s*)?(\d+)\s*号")
_REGULATION_NEAR = re.compile(r"(?:政府信息公开条例|《条例》)[》）)\s]*[（(，,]?(?:以下简称《条例》[，,、]?\s*)?$")
_DECREES = {711: 2019, 492: 2008}  # decree → the year its text took effect (the 2007 条例 until 2019-05-15)
_TITLE = re.compile(r"《([^《》]{6,30})》")


@rule("CO403", "outdated-citation", "warning")
def outdated_citation(report: Report):
    """A 2021+ report cites the superseded trial format, or the 条例 by a wrong name or a superseded decree.

    问题：2021 年度及以后的报告仍以已被替代的 2019 年试行格式通知（国办公开办函〔2019〕60号，或其标题《……关于政府信息公开工作年度报告有关事项的通知》）作为编制依据，或把格式通知的文号写错（「国办发〔2021〕30号」）；2019 年度及以后的报告引用 2007 年公布、已被修订的条例（国务院令第492号）；条例的国务院令文号写错（如「国务院令第771号」），或条例名称写错（「《中华人民共和国信息公开条例》」）。
    为何重要：说明报告沿用了旧模板或照抄时未核对依据，统计表格式和内容要求可能也是旧的；法规名称、文号错误影响公文的严肃性。
    示例：2022 年度报告写「根据……（国办公开办函〔2019〕60号）要求……编制」；「《中华人民共和国政府信息公开条例》（国务院令第492号）」出现在 2022 年度报告中。
    依据：国办公开办函〔2021〕30号（自 2021 年度报告起施行，替代国办公开办函〔2019〕60号）；《中华人民共和国政府信息公开条例》（2019年4月3日国务院令第711号修订，2019年5月15日起施行）。
    """
    year = report.year
    text = report.text
    if year is not None and expected_version(year) != V2019.key:
        numbers = list(_OLD_FORMAT.finditer(text))
        for match in numbers:
            yield Hit(f"{year}年度报告引用了已被替代的「国办公开办函〔2019〕60号」，应依据国办公开办函〔2021〕30号",
                      Location(start=match.start(), end=match.end()), {"found": match.group()})
        for match in _OLD_FORMAT_TITLE.finditer(text):
            if any(0 <= number.start() - match.end() <= 20 for number in numbers):
                continue  # the title and its number: one citation, reported once
            yield Hit(f"{year}年度报告以 2019 年的「{match.group()}」（国办公开办函〔2019〕60号）为依据，应依据国办公开办函〔2021〕30号",
                      Location(start=match.start(), end=match.end()), {"found": match.group()})
    for match in _WRONG_FORMAT_NUMBER.finditer(text):
        yield Hit(f"年度报告格式的文号写作「{match.group()}」，应为「国办公开办函〔2021〕30号」",
                  Location(start=match.start(), end=match.end()), {"found": match.group(), "suggest": "国办公开办函〔2021〕30号"})
    for match in _DECREE.finditer(text):
        if not _REGULATION_NEAR.search(text[max(0, match.start() - 40):match.start()]):
            continue  # a decree of another regulation
        decree = int(match.group(1))
        if decree not in _DECREES:
            yield Hit(f"条例的文号写作「{match.group()}」，现行条例为国务院令第711号",
                      Location(start=match.start(), end=match.end()), {"found": match.group(), "suggest": "国务院令第711号"})
        elif decree == 492 and year is not None and year >= _DECREES[711]:
            yield Hit(f"{year}年度报告引用 2007 年公布的条例「{match.group()}」，该条例已于 2019 年修订（国务院令第711号）",
                      Location(start=match.start(), end=match.end()), {"found": match.group(), "suggest": "国务院令第711号"})
    for match in _TITLE.finditer(text):
        title = match.group(1)
        if _REGULATION not in title and fuzz.ratio(title, _REGULATION) >= 85:  # not 《…条例释义》
            yield Hit(f"条例名称写作「《{title}》」，应为「《{_REGULATION}》」",
                      Location(start=match.start(), end=match.end()), {"found": title, "suggest": _REGULATION})


_REFUSAL = re.compile(r"(?:暂不|不再|不予)(?:接受|受理)(?:政府信息公开|依申请公开)(?:的)?申请|暂不接受依申请公开|不接受依申请公开")
# A refusal phrase stated as something that did not happen or must not (「未发生不予受理…的情况」, 「杜绝…」).
_NEGATED = re.compile(r"(?:未|没有|从未|杜绝|不存在|严禁|不得|防止|避免)(?:发生|出现|存在)?过?(?:任何|一起|一例)?$")


@rule("CO405", "refuses-applications", "warning")
def refuses_applications(report: Report):
    """The text says the body does not accept applications for disclosure.

    问题：报告称本机关不接受（或暂不接受）政府信息公开申请。否定的说法（「未发生不予受理政府信息公开申请的情况」）不算。
    为何重要：行政机关必须受理公民、法人和其他组织的政府信息公开申请，拒绝受理违反条例。
    示例：「我乡暂不接受依申请公开」。
    依据：《中华人民共和国政府信息公开条例》第二十七条、第二十九条、第三十条。
    """
    for match in _REFUSAL.finditer(report.text):
        if _NEGATED.search(report.text, max(0, match.start() - 8), match.start()):
            continue
        yield Hit(f"报告称「{match.group()}」，行政机关不得拒绝受理政府信息公开申请",
                  Location(start=match.start(), end=match.end()), {"found": match.group()})
