"""Who wrote the report, for which year, and over which statistics period."""
from __future__ import annotations

import re

_TITLE_HINTS = ("年度报告", "工作报告")
_YEAR_IN_TITLE = re.compile(r"(19|20)\d{2}(?=\s*年)")
# 「自2023年1月1日起至2023年12月31日止」; the end may leave out its year (「2023年1月1日至12月31日」).
_PERIOD = re.compile(r"((?:19|20)\d{2})年\s*1\s*月\s*1\s*日(?:起)?\s*(?:至|到|—|-|－)\s*(?:((?:19|20)\d{2})年)?\s*12\s*月\s*31\s*日")
_GOVERNMENT = ("人民政府",)
_DEPARTMENT_SUFFIXES = ("局", "委", "委员会", "办", "办公室", "厅", "中心", "署", "院", "所", "站", "队", "会", "馆", "处",
                        "部", "司", "社", "台", "公司", "分局", "支队", "大队", "监狱")
_KIND_SUFFIXES = (
    (("街道办事处", "街道", "办事处"), "street"),
    (("乡", "镇", "民族乡", "苏木"), "township"),
    (("自治区", "省"), "province"),
    (("自治州", "地区", "盟"), "city"),
    (("县", "区", "旗", "自治县", "自治旗", "特区", "林区"), "county"),
    (("市",), "city"),
)
# One place name in a body's name: two characters or more before the suffix, or a one-character 县 (沛县).
_PLACE_UNIT = re.compile(r"[\u4e00-\u9fff]{2,}?(?:自治区|自治州|自治县|自治旗|特区|林区|地区|省|市|盟|县|区|旗)|[\u4e00-\u9fff]县")


def find_title(lines: list[tuple[int, int, str]]) -> tuple[str, int, int] | None:
    """The title among the first lines: one line, or two when it is broken (「…工作」/「年度报告」),
    with the body's name in front when it stands on a line of its own (「云岭县松溪乡人民政府」/「2023年…年度报告」)."""
    for index, (start, end, text) in enumerate(lines[:12]):
        title = None
        if any(h in text for h in _TITLE_HINTS) and len(text) <= 80:
            title = text.strip(), start, end
        elif "政府信息公开" in text and len(text) <= 60 and index + 1 < len(lines):
            following = lines[index + 1]
            if following[2].startswith(("年度报告", "工作年度报告", "年报告", "报告")):
                title = (text + following[2]).strip(), start, following[1]
        if title is not None:
            return _with_name_line(title, lines[index - 1] if index else None)
    return None


def _with_name_line(title: tuple[str, int, int], previous: tuple[int, int, str] | None) -> tuple[str, int, int]:
    """The title with the line above it in front, when the title names no body and that line is one."""
    if previous is None or agency_and_year(title[0])[0] is not None:
        return title
    name = previous[2].strip()
    if len(name) > 40 or agency_kind(name) == "other":
        return title
    return name + title[0], previous[0], title[2]


def agency_and_year(title: str | None) -> tuple[str | None, int | None]:
    if not title:
        return None, None
    title = re.sub(r"\s+", "", title)
    match = _YEAR_IN_TITLE.search(title)
    if match:
        agency = title[: match.start()].strip("《》“”")
        return (agency or None), int(match.group())
    cut = title.find("政府信息公开")
    agency = title[:cut].strip("《》“”") if cut > 0 else None
    return agency or None, None


def statistics_period(text: str) -> tuple[int, int] | None:
    match = _PERIOD.search(text)
    return (int(match.group(1)), int(match.group(2) or match.group(1))) if match else None


def agency_kind(agency: str | None) -> str:
    """township | street | county | city | province | department | other, from the body's name."""
    if not agency:
        return "other"
    name = agency.removeprefix("中共")
    if name.endswith(_GOVERNMENT):
        return _place_kind(name.removesuffix("人民政府")) or "other"
    for suffixes, kind in _KIND_SUFFIXES[:2]:
        if name.endswith(suffixes):
            return kind
    if name.endswith(_DEPARTMENT_SUFFIXES):
        return "department"
    return _place_kind(name) or "other"


def administrative_level(agency: str | None) -> str:
    """The level of government a body belongs to: a government's own kind; for a department the kind
    of the last place name its name opens with (云岭县农业农村局 → county, 临江市东城区教育局 → county,
    临江市生态环境局 → city); "department" when its name opens with no place (生态环境部)."""
    kind = agency_kind(agency)
    if kind != "department":
        return kind
    name, level, position = agency.removeprefix("中共"), "department", 0
    while match := _PLACE_UNIT.match(name, position):
        level, position = _place_kind(match.group()) or level, match.end()
    return level


def _place_kind(name: str) -> str | None:
    for suffixes, kind in _KIND_SUFFIXES:
        if name.endswith(suffixes):
            return kind
    return None
