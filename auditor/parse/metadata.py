"""Who wrote the report, for which year, and over which statistics period — from everything a page
offers, each value with where it came from.

Sources, most trusted first: the title (also a CMS 「标题：」/「名称」 line and a title broken over
two lines); the preamble (「现公布某某2023年…报告」, 「由某某编制」, 「请与某某联系」); the lines a
crawler or CMS puts on the page (「发布机构」, 「来源：」); the signature at the end; for the kind
also the report's self-reference (「我镇」, 「我街道」, 「我局」). A city is prefecture-level unless the
division table names it a county-level city (县级市: kind county). Names inside 《》 (cited documents)
are never taken for the body.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

_TITLE_HINTS = ("年度报告", "工作报告", "情况报告", "年报")
_YEAR_IN_TITLE = re.compile(r"(19|20)\d{2}(?=\s*年)")
# 「自2023年1月1日起至2023年12月31日止」; the end may leave out its year (「2023年1月1日至12月31日」).
_PERIOD = re.compile(r"((?:19|20)\d{2})年\s*1\s*月\s*1\s*日(?:起)?\s*(?:至|到|—|-|－)\s*(?:((?:19|20)\d{2})年)?\s*12\s*月\s*31\s*日")
_GOVERNMENT = ("人民政府", "政府")
_GOVERNMENT_OFFICE = ("人民政府办公厅", "政府办公厅")
_DEPARTMENT_SUFFIXES = ("局", "委", "委员会", "办", "办公室", "厅", "中心", "署", "院", "所", "站", "队", "会", "馆", "处",
                        "部", "司", "社", "台", "公司", "分局", "支队", "大队", "监狱")
_KIND_SUFFIXES = (
    (("街道办事处", "街道", "办事处"), "street"),
    (("乡", "镇", "民族乡", "苏木"), "township"),
    (("自治区", "省"), "province"),
    (("综合实验区",), "city"),
    (("自治州", "地区", "盟", "州"), "city"),
    (("县", "区", "旗", "自治县", "自治旗", "特区", "林区"), "county"),
    (("市",), "city"),
)
# One place name in a body's name: two characters or more before the suffix, or a one-character 县 (沛县).
_PLACE_UNIT = re.compile(r"[\u4e00-\u9fff]{2,}?(?:自治区|自治州|自治县|自治旗|特区|林区|地区|省|市|盟|县|区|旗)|[\u4e00-\u9fff]县")
# A body's name on its own: the level alone (「县政府办」, 「区教育局」) names no particular body.
_GENERIC_START = ("县", "区", "市", "镇", "乡", "省", "州", "旗", "街道", "本", "我", "该", "各")

_NAME = r"[\u4e00-\u9fff]{2,40}?"
_ALIAS = r"(?:（以下简称[“\"]?(?P<alias>[^）”\"]{0,20})[”\"]?）)?"
_YEAR = r"(?:19|20)\d{2}\s*年"
_DISCLOSURE = r"(?:政府信息公开|信息公开|政务公开|政府信息)"
# An internal unit of a body (its office that compiled the report or answers questions).
_INTERNAL_UNIT = re.compile(r"(?:(?:党政|综合|政务|政府信息公开|信息公开|公开|督考|督查|经济|发展|与|领导小组|工作|服务|事务"
                            r"|管理|行政|信息|便民)*(?:办公室|办|科|股|组|中心))+")
_CONTACT = "前言（联系单位）"  # may be an office of the superior (县政务公开办公室): trusted last but one
_PREAMBLE = (
    (re.compile(rf"(?:公布|公开|现将|发布|结合)了?《?(?P<name>{_NAME}){_ALIAS}{_YEAR}"), "前言", False),
    (re.compile(rf"(?:公布|公开|现将|发布|结合)了?《?{_YEAR}度?(?P<name>{_NAME}){_DISCLOSURE}"), "前言", False),
    (re.compile(rf"由(?P<name>{_NAME}){_ALIAS}(?:负责)?(?:编制|制作|编写)"), "前言（编制单位）", True),
    (re.compile(rf"[，,。：:](?P<name>{_NAME})特?(?:编制|制作|编写)了?(?:本|{_YEAR})"), "前言（编制单位）", True),
    (re.compile(rf"请(?:与|联系)[:：]?(?P<name>{_NAME})(?:联系|[（，,：:；;。])"), _CONTACT, True),
)
# The body as the subject of a sentence of the report: 「，某某街道办事处严格依照…」.
_SUBJECT = re.compile(rf"(?:^|[。，,；;\n])(?P<name>{_NAME})(?:{_DISCLOSURE}工作)?(?:严格|坚持|始终|高度|认真|深入|持续|积极|不断|全面|紧紧|按照|依照"
                      rf"|围绕|依托|通过|进一步|共|以|在|紧扣|切实|扎实)")
_NOT_A_NAME = ("我", "本", "该", "各", "全")  # 「我乡」「全区」 refer to a body without naming it
_SUPERIOR = ("国务院", "国家", "中央", "党中央", "中共中央")
_CMS_LINE = re.compile(rf"(?:发布机构|发文机关|发布单位|信息来源|来源)\s*[:：]?\s*(?P<name>[\u4e00-\u9fff]{{2,40}})")
_CMS_TITLE = re.compile(r"^\s*(?:标\s*题|名\s*称|文章标题)\s*[:：]?\s*")
# A cited document; the report's own name in 《》 after 「现公布」 is no citation.
_BOOK_TITLE = re.compile(r"(?<!公布)(?<!公开)(?<!发布)《[^》\n]{0,120}》")
_SELF_REFERENCE = re.compile(r"我(街道|镇|乡|苏木|县|区|旗|市|州|盟|省|局|委|办|厅|中心|署|院|站|所|部)")
_SELF_KINDS = {"街道": "street", "镇": "township", "乡": "township", "苏木": "township", "县": "county",
               "区": "county", "旗": "county", "市": "city", "州": "city", "盟": "city", "省": "province"}
_SIGNATURE_DATE = re.compile(r"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
# The year reported on as the first section opens: 「2023年，我镇…」.
_OPENING_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?[，,]")
_PREAMBLE_YEAR = re.compile(rf"((?:19|20)\d{{2}})\s*年度?(?:{_NAME})?{_DISCLOSURE}[^。\n]{{0,12}}报告")
_HEAD_CHARS = 3000
_TAIL_LINES = 6


@dataclass(frozen=True)
class Metadata:
    """The report's title, body, kind, year and period, and where each was read (`provenance`)."""

    title: tuple[str, int, int] | None
    agency: str | None
    agency_kind: str
    year: int | None
    period: tuple[int, int] | None
    provenance: dict[str, str] = field(default_factory=dict)


def read_metadata(text: str, lines: list[tuple[int, int, str]], body_start: int | None = None) -> Metadata:
    """Everything the page says about who reports on which year. `lines` are the prose lines
    (start, end, text); `body_start` is where the first section begins, when found."""
    provenance: dict[str, str] = {}
    title = find_title(lines)
    head = _BOOK_TITLE.sub(lambda m: "＿" * len(m.group()), text[:_HEAD_CHARS])
    agency, year = agency_and_year(title[0] if title else None)
    if agency is not None:
        provenance["agency"] = "标题"
    if year is not None:
        provenance["year"] = "标题"
    candidates = [(agency, "标题")] if agency else []
    preamble = _preamble_names(head)
    contact = [c for c in preamble if c[1] == _CONTACT]
    candidates += [c for c in preamble if c[1] != _CONTACT] + _subject_names(head) + _cms_names(lines) + contact
    candidates += _signature_names(lines)
    chosen = _choose(_unaliased(candidates, head))
    if chosen is not None:
        agency, provenance["agency"] = chosen
    kind = agency_kind(agency)
    if agency:
        provenance["agency_kind"] = "机关名称"
    if kind == "other":
        kind, source = _kind_from_text(text, candidates)
        if kind != "other":
            provenance["agency_kind"] = source
    period = statistics_period(text)
    if period:
        provenance["period"] = "统计期限"
    if year is None:
        year, source = _year_from_text(head, text, period, body_start)
        if year is not None:
            provenance["year"] = source
    return Metadata(title, agency, kind, year, period, provenance)


def find_title(lines: list[tuple[int, int, str]]) -> tuple[str, int, int] | None:
    """The title among the first lines: one line, or two when it is broken (「…2023年度政府」/
    「信息公开工作年度报告」), with the body's name in front when it stands on a line of its own
    (「云岭县松溪乡人民政府」/「2023年…年度报告」). Page furniture (breadcrumbs) is passed over."""
    for index, (start, end, text) in enumerate(lines[:25]):
        text = _CMS_TITLE.sub("", text).strip()
        title = None
        opening = _TITLE_OPENING.match(text)
        if opening and _YEAR_IN_TITLE.search(opening.group(1)):  # 「2024年某市…年度报告根据《条例》编制…」
            text, end = opening.group(1), start + len(opening.group(1))
        if any(h in text for h in _TITLE_HINTS) and len(text) <= 80 and not _is_breadcrumb(text) and not _is_sentence(text):
            title = text, start, end
            if index and _continues_title(text, lines[index - 1][2]):
                previous = lines[index - 1]
                return (previous[2].strip() + text).strip(), previous[0], end
        elif "政府信息公开" in text and len(text) <= 60 and index + 1 < len(lines):
            following = lines[index + 1]
            if following[2].startswith(("年度报告", "工作年度报告", "年报告", "报告")):
                title = (text + following[2]).strip(), start, following[1]
        if title is not None:
            return _with_name_line(title, lines[index - 1] if index else None)
    return None


_TITLE_OPENING = re.compile(r"^([^。，,：:]{4,60}?(?:年度报告|工作报告))(?=\s*(?:根据|依据|按照|是|由|本|[一二三四五六]、|[，,]))")


def _is_sentence(text: str) -> bool:
    return "。" in text or text.startswith(("根据", "依据", "按照", "本", "（", "(")) or "条例" in text


def _is_breadcrumb(text: str) -> bool:
    return ">" in text or "＞" in text or "位置" in text[:12] or "»" in text or ":" in text or "：" in text


def _continues_title(text: str, previous: str) -> bool:
    """The title line is the second half of a title broken after 「政府」/「信息」 or the year."""
    return (text.startswith(("信息公开", "公开", "工作年度报告", "工作报告", "年度报告"))
            and len(previous) <= 40 and bool(_YEAR_IN_TITLE.search(previous)))


def _with_name_line(title: tuple[str, int, int], previous: tuple[int, int, str] | None) -> tuple[str, int, int]:
    """The title with the line above it in front, when the title names no body and that line is one."""
    if previous is None or agency_and_year(title[0])[0] is not None:
        return title
    name = previous[2].strip()
    if len(name) > 40 or agency_kind(name) == "other":
        return title
    return name + title[0], previous[0], title[2]


def agency_and_year(title: str | None) -> tuple[str | None, int | None]:
    """The body and year a title names: 「某某2023年…报告」 or 「2023年度某某政府信息公开…报告」."""
    if not title:
        return None, None
    title = re.sub(r"\s+", "", title)
    match = _YEAR_IN_TITLE.search(title)
    agency = None
    if match:
        agency = title[: match.start()].strip("《》“”")
        if not agency:
            after = re.match(rf"年度?({_NAME}){_DISCLOSURE}", title[match.end():])
            agency = after.group(1) if after and agency_kind(_body_name(after.group(1))) != "other" else None
        return _body_name(agency), int(match.group())
    cut = title.find("政府信息公开")
    if cut > 0 and title[:cut].endswith("人民"):
        cut += len("政府")
    agency = title[:cut].strip("《》“”") if cut > 0 else None
    return _body_name(agency), None


def _body_name(name: str | None) -> str | None:
    """A printed name as a body's name: a government's 「政府」 after a place kept only as 「人民政府」."""
    if not name or len(name) < 2:
        return None
    if name.endswith("政府") and not name.endswith("人民政府") and len(name) > 3:
        name = name.removesuffix("政府")
    return name


def _preamble_names(head: str) -> list[tuple[str, str]]:
    found = []
    for pattern, source, unit in _PREAMBLE:
        for match in pattern.finditer(head):
            name = _owning_body(match.group("name"), unit)
            if name:
                found.append((name, source))
                break
    return found


def _owning_body(name: str, unit: bool = False) -> str | None:
    """A printed name as a body's name, None when it names no body. `unit`: the name may be one of
    the body's internal units (the office that compiled the report or answers questions:
    「某镇人民政府党政办公室」 → 某镇人民政府, 「某局政府信息公开领导小组办公室」 → 某局)."""
    for cut in range(2, len(name) - 1) if unit else ():
        if _INTERNAL_UNIT.fullmatch(name[cut:]) and agency_kind(name[:cut]) != "other":
            name = name[:cut]
            break
    name = _body_name(name)
    return name if name and agency_kind(name) != "other" and not name.startswith(_NOT_A_NAME) else None


def _cms_names(lines: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    found = []
    for _, _, text in lines[:15]:
        for match in _CMS_LINE.finditer(text):
            name = _owning_body(re.split(r"(?:公开日期|发布日期|发布时间|时间|日期|浏览|字体|作者|点击)", match.group("name"))[0])
            if name:
                found.append((name, "网页信息栏"))
    return found


def _signature_names(lines: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """The body signed above the date at the end: 「某某镇人民政府」/「2024年1月20日」."""
    tail = lines[-_TAIL_LINES:]
    for (_, _, name), (_, _, date) in zip(tail, tail[1:]):
        if _SIGNATURE_DATE.match(re.sub(r"\s+", "", date)) and len(name) <= 30:
            body = _owning_body(re.sub(r"\s+", "", name))
            if body:
                return [(body, "落款")]
    return []


def _unaliased(candidates: list[tuple[str, str]], head: str) -> list[tuple[str, str]]:
    """A short name the preamble introduces as an alias (「由某某办公室（以下简称某办）编制」) → the full name."""
    full = {m.group("alias"): _owning_body(m.group("name")) for p, _, _ in _PREAMBLE for m in p.finditer(head)
            if m.groupdict().get("alias")}
    return [(full.get(name) or name, source) for name, source in candidates]


def _subject_names(head: str) -> list[tuple[str, str]]:
    for match in _SUBJECT.finditer(head):
        name = match.group("name")
        name = _owning_body(name + "政府" if name.endswith("人民") else name)
        if name and not name.startswith(_GENERIC_START + _SUPERIOR) and administrative_level(name) != "department":
            return [(name, "正文")]
    return []


def _choose(candidates: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The first candidate that names a particular body; a generic one (「县政府办」) only when none does."""
    for name, source in candidates:
        if not name.startswith(_GENERIC_START):
            return name, source
    return candidates[0] if candidates else None


def _kind_from_text(text: str, candidates: list[tuple[str, str]]) -> tuple[str, str]:
    """The kind told by the report's self-reference (the most frequent 「我X」), else by a generic name."""
    counts = Counter(_SELF_REFERENCE.findall(_BOOK_TITLE.sub("", text)))
    if counts:
        word, _ = counts.most_common(1)[0]
        return _SELF_KINDS.get(word, "department"), f"自称「我{word}」"
    return "other", ""


def _year_from_text(head: str, text: str, period, body_start: int | None) -> tuple[int | None, str]:
    if period:
        return period[1], "统计期限"
    match = _PREAMBLE_YEAR.search(head)
    if match:
        return int(match.group(1)), "前言"
    if body_start is not None:
        match = _OPENING_YEAR.search(text, body_start, body_start + 400)
        if match:
            return int(match.group(1)), "总体情况首句"
    return None, ""


def statistics_period(text: str) -> tuple[int, int] | None:
    match = _PERIOD.search(text)
    return (int(match.group(1)), int(match.group(2) or match.group(1))) if match else None


def agency_kind(agency: str | None) -> str:
    """township | street | county | city | province | department | other, from the body's name.

    A government's 「办公厅」 (a province's, a city's) is of its government's kind; an 「办公室」 is a
    department like any other."""
    if not agency:
        return "other"
    name = agency.removeprefix("中共")
    for office in _GOVERNMENT_OFFICE:
        if name.endswith(office) and len(name) > len(office):
            return _place_kind(name.removesuffix(office)) or "department"
    for government in _GOVERNMENT:
        if name.endswith(government):
            return _place_kind(name.removesuffix(government)) or "other"
    for suffixes, kind in _KIND_SUFFIXES[:2]:
        if name.endswith(suffixes):
            return kind
    if name.endswith(("管委会", "管理委员会")):
        return "city" if "综合实验区" in name else "department"
    if name.endswith(_DEPARTMENT_SUFFIXES):
        return "department"
    return _place_kind(name) or "other"


def administrative_level(agency: str | None) -> str:
    """The level of government a body belongs to: a government's own kind; for a department the kind
    of the last place name its name opens with (云岭县农业农村局 → county, 临澜市东城区教育局 → county,
    临澜市生态环境局 → city); "department" when its name opens with no place (生态环境部)."""
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
            return "county" if kind == "city" and _county_level_city(name) else kind
    return None


def _county_level_city(name: str) -> bool:
    """The name ends with a county-level city's (县级市: 开远市, 云南省开远市), by the division table."""
    cities = county_level_cities()
    longest = _longest_city_name()
    return any(name[start:] in cities for start in range(max(0, len(name) - longest), len(name) - 1))


@cache
def _longest_city_name() -> int:
    return max(map(len, county_level_cities()))


@cache
def county_level_cities() -> frozenset[str]:
    """The names of the county-level cities (auditor/rules/county_level_cities.tsv: derived from the
    administrative-division code tables of PyPI's cpca packages, see tools/county_cities.py)."""
    text = files("auditor").joinpath("rules/county_level_cities.tsv").read_text(encoding="utf-8")
    return frozenset(line.split("\t")[1].strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
