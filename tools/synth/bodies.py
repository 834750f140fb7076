"""Fictional administrative bodies for the sample corpus: one of every kind the format knows.

Names are invented (a fictional 江南省 with 临澜市 and 青川县), so no real body is ever
reported on; each body carries what its report prints about itself: how it refers to itself
(我乡, 我街道, 我局…), its contact details and its web address.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Body:
    """One reporting body: `name` as printed before the year in the title."""

    key: str
    name: str
    kind: str  # township | street | county | city | province | department
    short: str  # how the text names it in passing: 柳河乡, 丰泽街道, 市生态环境局
    self_ref: str  # 我乡, 我镇, 我街道, 我县, 我区, 我市, 我省, 我局, 我委, 我办, 本中心
    office: str  # who handles disclosure: 党政办公室, 办公室…
    address: str
    postcode: str
    phone: str
    website: str
    superior: str  # whose 政务公开办 guides it: 县政务公开办…

    @property
    def is_government(self) -> bool:
        return self.kind != "department"

    @property
    def wrong_self_ref(self) -> str:
        """A self-reference of the wrong kind (a slip copied from another body's report)."""
        return {"我乡": "我镇", "我镇": "我乡", "我街道": "我镇", "我县": "我区", "我区": "我县",
                "我市": "我县", "我省": "我市", "我局": "我委", "我委": "我局", "我办": "我局",
                "本中心": "我局"}[self.self_ref]


def _body(key, name, kind, short, self_ref, office, address, postcode, phone, host, superior) -> Body:
    return Body(key, name, kind, short, self_ref, office, address, postcode, phone,
                f"http://www.{host}.gov.cn/zwgk/", superior)


BODIES: dict[str, Body] = {b.key: b for b in (
    _body("liuhe", "青川县柳河乡人民政府", "township", "柳河乡", "我乡", "党政综合办公室",
          "青川县柳河乡政府大院", "617301", "0831-6720315", "qcliuhe", "县政务公开办"),
    _body("shiqiao", "青川县石桥镇", "township", "石桥镇", "我镇", "党政办公室",
          "青川县石桥镇新街88号", "617302", "0831-6731022", "qcshiqiao", "县政务公开办"),
    _body("baisha", "青川县白沙乡", "township", "白沙乡", "我乡", "乡党政办",
          "青川县白沙乡人民路12号", "617305", "0831-6745108", "qcbaisha", "县政务公开办"),
    _body("yunxi", "临澜市江北区云溪镇人民政府", "township", "云溪镇", "我镇", "镇党政办公室",
          "临澜市江北区云溪镇振兴路6号", "410021", "0733-8612457", "jbyunxi", "区政务公开办"),
    _body("fengze", "临澜市东城区丰泽街道办事处", "street", "丰泽街道", "我街道", "街道党政办",
          "临澜市东城区丰泽路201号", "410005", "0733-8801246", "dcfengze", "区政务公开办"),
    _body("nanhu", "临澜市江北区南湖街道", "street", "南湖街道", "我街道", "综合办公室",
          "临澜市江北区湖滨大道35号", "410022", "0733-8630719", "jbnanhu", "区政务公开办"),
    _body("qingchuan", "青川县人民政府", "county", "青川县", "我县", "县政府办公室",
          "青川县府前街1号", "617300", "0831-6701001", "qingchuan", "市政务公开办"),
    _body("dongcheng", "临澜市东城区人民政府", "county", "东城区", "我区", "区政府办公室",
          "临澜市东城区行政中心", "410004", "0733-8800100", "ljdongcheng", "市政务公开办"),
    _body("linjiang", "临澜市人民政府", "city", "临澜市", "我市", "市政府办公室",
          "临澜市中央大道9号", "410000", "0733-8200000", "linjiang", "省政务公开办"),
    _body("jiangnan", "江南省人民政府", "province", "江南省", "我省", "省政府办公厅",
          "江南省省府路1号", "400000", "027-86000000", "jiangnan", "国务院办公厅政府信息与政务公开办公室"),
    _body("ljeco", "临澜市生态环境局", "department", "市生态环境局", "我局", "办公室",
          "临澜市环保路18号", "410003", "0733-8266120", "ljsthjj", "市政务公开办"),
    _body("qchealth", "青川县卫生健康委员会", "department", "县卫生健康委", "我委", "办公室",
          "青川县健康路5号", "617300", "0831-6709212", "qcwjw", "县政务公开办"),
    _body("ljservice", "临澜市政务服务中心", "department", "市政务服务中心", "本中心", "综合科",
          "临澜市市民中心B座", "410002", "0733-8255088", "ljzwfw", "市政务公开办"),
    _body("qcoffice", "青川县人民政府办公室", "department", "县政府办公室", "我办", "秘书科",
          "青川县府前街1号", "617300", "0831-6701012", "qcgb", "县政务公开办"),
)}


_PLACE_CHARS = "安柏城川春翠丹东枫凤福高古关光桂河和鹤红湖华槐江金锦景靖乐莲林柳龙罗梅明南宁平浦秋泉瑞沙山上石书水松泰桃天田亭通桐湾万溪霞仙祥新兴秀阳杨宜义永玉元云长樟正中竹"
_TOWN_KINDS = (("乡", "township", "我乡", "党政办公室"), ("镇", "township", "我镇", "党政办公室"),
               ("街道", "street", "我街道", "街道党政办"))


def random_bodies(count: int, seed: int = 0) -> list[Body]:
    """`count` distinct fictional townships and streets (for benchmarks that need many bodies)."""
    import random

    rng = random.Random(f"bodies:{seed}")
    names: set[str] = set()
    bodies = []
    while len(bodies) < count:
        county = "".join(rng.sample(_PLACE_CHARS, 2)) + "县"
        place = "".join(rng.sample(_PLACE_CHARS, 2))
        suffix, kind, self_ref, office = rng.choice(_TOWN_KINDS)
        short = place + suffix
        name = county + short + ("办事处" if kind == "street" else rng.choice(("人民政府", "")))
        if county + short in names:
            continue
        names.add(county + short)
        index = len(bodies)
        bodies.append(Body(f"b{index:05d}", name, kind, short, self_ref, office, f"{county}{short}{place}路{rng.randint(1, 99)}号",
                           f"{rng.randint(100000, 899999)}", f"0{rng.randint(300, 999)}-{rng.randint(2000000, 8999999)}",
                           f"http://www.b{index:05d}.gov.cn/zwgk/", "县政务公开办"))
    return bodies
