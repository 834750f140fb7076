"""The bodies of one fictional county (青川县 of 江南省) that send the 政务公开办 their reports.

A county round as it arrives: the 乡 and 镇 governments, the 街道 offices, the county government
and its 局/委/办 departments. Six of them are bodies of `synth.bodies` (the sample's 柳河乡,
石桥镇, 白沙乡, 青川县人民政府, 县卫生健康委员会, 县人民政府办公室 keep their details); the others
are invented here with the same kind of details (self-reference, office, address, telephone,
web address). Names are fictional, so no real body is ever reported on.
"""
from __future__ import annotations

from synth.bodies import BODIES, Body

COUNTY = "青川县"
_POSTCODE = "6173"


def _township(key: str, place: str, suffix: str, number: int, street: str, official: bool) -> Body:
    short = place + suffix
    name = f"{COUNTY}{short}" + ("人民政府" if official else "")
    office = "党政办公室" if number % 2 else "党政综合办公室"
    return Body(key, name, "township", short, "我" + suffix, office, f"{COUNTY}{short}{street}",
                f"{_POSTCODE}{number:02d}", f"0831-67{number:02d}{(number * 37) % 100:02d}",
                f"http://www.qc{key}.gov.cn/zwgk/", "县政务公开办")


def _street(key: str, place: str, number: int, street: str) -> Body:
    short = place + "街道"
    return Body(key, f"{COUNTY}{short}办事处", "street", short, "我街道", "街道党政办", f"{COUNTY}{street}",
                f"{_POSTCODE}{number:02d}", f"0831-68{number:02d}{(number * 41) % 100:02d}",
                f"http://www.qc{key}.gov.cn/zwgk/", "县政务公开办")


def _department(key: str, full: str, number: int, office: str = "办公室") -> Body:
    self_ref = {"局": "我局", "会": "我委", "室": "我办", "心": "本中心"}[full[-1]]
    short = "县" + full.replace("委员会", "委")
    return Body(key, f"{COUNTY}{full}", "department", short, self_ref, office, f"{COUNTY}行政中心{number}号楼",
                "617300", f"0831-670{number:02d}{(number * 13) % 100:02d}", f"http://www.qc{key}.gov.cn/zwgk/",
                "县政务公开办")


# In the order the 政务公开办's list of bodies gives them: townships, streets, the government, departments.
COUNTY_BODIES: dict[str, Body] = {b.key: b for b in (
    BODIES["liuhe"], BODIES["shiqiao"], BODIES["baisha"],
    _township("qingxi", "青溪", "镇", 11, "滨河路16号", True),
    _township("longquan", "龙泉", "镇", 12, "龙泉大道3号", False),
    _township("taoyuan", "桃源", "乡", 13, "桃源街1号", True),
    _township("fengming", "凤鸣", "镇", 14, "凤鸣路22号", True),
    _township("songlin", "松林", "乡", 15, "松林村新区8号", False),
    _township("jinsha", "金沙", "镇", 16, "金沙大道9号", True),
    _township("maan", "马鞍", "乡", 17, "马鞍街5号", True),
    _township("hongyan", "红岩", "镇", 18, "红岩路66号", False),
    _township("shuanghe", "双河", "镇", 19, "双河街道口2号", True),
    _street("chengguan", "城关", 21, "府前街18号"),
    _street("donghe", "东河", 22, "东河路100号"),
    _street("xiling", "西岭", 23, "西岭大道7号"),
    BODIES["qingchuan"], BODIES["qcoffice"], BODIES["qchealth"],
    _department("fgj", "发展和改革局", 31),
    _department("jyj", "教育局", 32),
    _department("gaj", "公安局", 33, "警务保障室"),
    _department("mzj", "民政局", 34),
    _department("czj", "财政局", 35),
    _department("rsj", "人力资源和社会保障局", 36),
    _department("zrzyj", "自然资源局", 37),
    _department("zjj", "住房和城乡建设局", 38),
    _department("jtj", "交通运输局", 39),
    _department("nyj", "农业农村局", 40),
    _department("slj", "水利局", 41),
    _department("scjgj", "市场监督管理局", 42),
    _department("ybj", "医疗保障局", 43),
    _department("mzw", "民族宗教事务委员会", 44),
)}
