"""The narrative of a sample report: preamble, section 一, 五 and 六, written from phrase pools.

Each slot has several phrasings and carries the body's own details (its name, numbers,
platforms), so two bodies never share a long passage by accident. `plants` names the text
defects to write in (codes of findings.md); without them the text meets every rule of
format.md: the 条例 cited, period and contact given, five topics covered, plans dated Y+1,
fee statement present, self-reference of the right kind, and counts that agree with the tables.
"""
from __future__ import annotations

import random
from typing import Any

from synth.bodies import Body
from auditor.template import TOTAL_ROW, V2019, expected_version
from synth.spec import Block

REGULATION = "《中华人民共和国政府信息公开条例》"
SHORT_REGULATION = "《条例》"
NEW_FORMAT = "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）"
OLD_FORMAT = "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）"
# Passages one body copies from another (RE601): each report prints its own short name and
# its own figure, so the copy is lightly edited (the other body's name swapped in, a number changed).
COPIED_PASSAGES = (
    "在信息发布审核环节，{short}坚持先审后发、分级负责，对拟公开的每一条信息都由经办人初审、"
    "分管负责人复审、主要负责人终审，全年审核各类信息{number}条，确保涉密信息不上网、敏感信息不外泄、"
    "群众关切及时回应，全年未发生一起因信息公开引发的失泄密事件。",
    "为解决群众反映的政策“找不到、看不懂”问题，{short}把政策解读同政策文件同步起草、同步审签、同步发布，"
    "组织业务骨干编写图解和问答{number}期，并在村（社区）便民服务站开展政策宣讲，推动惠民政策直达基层群众。",
)


class Writer:
    """Writes the prose of one report; `plants` holds the codes of text defects to plant."""

    def __init__(self, rng: random.Random, body: Body, year: int, tables: dict[str, Any], plants: set[str],
                 copied: tuple[int, int] | None = None):
        self.rng, self.body, self.year, self.tables, self.plants = rng, body, year, tables, plants
        self.copied = copied  # RE601: (index into COPIED_PASSAGES, the figure this report prints)
        self.me = body.wrong_self_ref if "CO402" in plants else body.self_ref

    def pick(self, *options: str) -> str:
        return self.rng.choice(options)

    def cite(self) -> str:
        return "" if "NA307" in self.plants else self.pick(REGULATION, "新修订的" + REGULATION)

    # --- preamble ------------------------------------------------------------------------
    def preamble(self) -> list[Block]:
        b, y = self.body, self.year
        basis = OLD_FORMAT if "CO403" in self.plants or expected_version(y) == V2019.key else NEW_FORMAT
        law = self.cite()
        opening = f"本报告根据{law}和{basis}要求编制" if law else f"本报告按照{basis}要求编制"
        parts = [opening + self.pick(f"，由{b.name}{b.office}汇总各方面材料形成。",
                                     f"，内容由{b.office}会同各相关单位整理。", "。")]
        parts.append(self.pick("报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
                               "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。",
                               "全文由总体情况、主动公开情况、依申请公开情况、复议诉讼情况、问题及改进、其他事项六个部分组成。"))
        if "NA310" not in self.plants:
            parts.append(self.pick(f"本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
                                   f"报告所列数据统计期限为{y}年1月1日至{y}年12月31日。"))
        parts.append(f"本报告电子版可在{b.short}政府门户网站（{b.website}）“政府信息公开”专栏查阅或下载。")
        if "NA309" not in self.plants:
            parts.append(self.pick(f"如对本报告有任何疑问，请与{b.name}{b.office}联系（地址：{b.address}；邮编：{b.postcode}；电话：{b.phone}）。",
                                   f"如有疑问请联系{b.office}，地址：{b.address}，邮编：{b.postcode}，联系电话：{b.phone}。"))
        return [Block("para", "".join(parts))]

    # --- section 一 ----------------------------------------------------------------------
    def overview(self) -> list[Block]:
        b, y, me = self.body, self.year, self.me
        law = self.cite()
        intro = self.pick(
            f"{y}年，{me}{'深入贯彻落实' + law if law else '认真落实上级关于政务公开的部署'}，"
            f"紧扣{b.short}中心工作，以公开促落实、以公开促规范、以公开促服务。",
            f"{y}年，在{b.superior}的指导下，{me}坚持以人民为中心，"
            f"{'严格执行' + law + '，' if law else ''}持续深化{b.short}政务公开工作。",
        )
        blocks = [Block("para", intro)]
        topics = [("（一）主动公开", self._active()), ("（二）依申请公开", self._requests()),
                  ("（三）政府信息管理", self._management()), ("（四）政府信息公开平台建设", self._platforms()),
                  ("（五）监督保障", self._supervision())]
        for heading, text in topics:
            blocks += [Block("subheading", heading), Block("para", text)]
        return blocks

    def _active(self) -> str:
        b, me = self.body, self.me
        n = self.rng.randint(40, 2400) * (1 if b.kind in ("township", "street") else 4)
        budget = self.year + 1
        items = self.rng.sample(["财政预决算", "重大建设项目", "乡村振兴", "社会救助", "安全生产", "生态环境",
                                 "公共卫生", "教育", "就业创业", "征地补偿"], 3)
        text = self.pick(
            f"全年通过{b.short}政府网站主动公开政府信息{n}条，重点公开{items[0]}、{items[1]}、{items[2]}等领域信息",
            f"{me}围绕{items[0]}、{items[1]}和{items[2]}等群众关注领域做好主动公开，全年主动公开各类信息{n}条",
        )
        text += self.pick(f"，并按规定做好{budget}年部门预算的公开准备工作。", "，做到应公开尽公开。")
        if "TX501" in self.plants:
            text += f"其中新增新增栏目{self.rng.randint(2, 6)}个。"
        if "TX502" in self.plants:
            text += "各项公开工作均按上级布署有序推进。"
        return text

    def _requests(self) -> str:
        b, me = self.body, self.me
        if "CO405" in self.plants:
            return f"因人员调整，{me}暂不接受依申请公开，群众可通过电话咨询有关事项。"
        rows = self.tables["requests"]["rows"]
        new, carried, handled, forward = (rows[k][6] for k in ("1", "2", TOTAL_ROW, "4"))
        if "CO404" in self.plants:
            new += self.rng.randint(3, 9)
        if new == 0 and carried == 0:
            return self.pick(f"{self.year}年{me}未收到政府信息公开申请，", f"全年{me}未收到政府信息公开申请，") + \
                self.pick("同时畅通线上线下申请渠道，规范受理、登记、答复流程。", "依申请公开渠道保持畅通。")
        text = f"全年共收到政府信息公开申请{new}件"
        if carried:
            text += f"，上年结转{carried}件"
        text += f"，办结{handled}件"
        if forward:
            text += f"，结转下年度继续办理{forward}件"
        text += "。" + self.pick(f"{me}严格按照法定时限答复，答复内容规范、依据充分。",
                                 "所有申请均在法定期限内予以答复。")
        return text

    def _management(self) -> str:
        b, me = self.body, self.me
        if self.copied and self.copied[0] == 0:
            return self._copied_passage()
        text = self.pick(
            f"{me}修订完善{b.short}政府信息公开指南和公开目录，落实信息发布保密审查制度",
            f"{me}建立健全信息发布审核机制，对公开内容实行“三审三校”",
        )
        text += self.pick(f"，全年对{self.rng.randint(3, 40)}件政策文件开展动态调整和清理。",
                          "，确保公开内容准确、规范。")
        if "ST106" in self.plants:
            text += "一是明确专人负责；二是规范审批流程；二是加强档案管理。"
        return text

    def _copied_passage(self) -> str:
        index, number = self.copied
        return COPIED_PASSAGES[index].format(short=self.body.short, number=number)

    def _platforms(self) -> str:
        b, me = self.body, self.me
        if self.copied and self.copied[0] == 1:
            return self._copied_passage()
        count = self.rng.randint(2, 12)
        return self.pick(
            f"{me}依托{b.short}政府门户网站、政务新媒体和{count}处政务公开栏开展公开，及时更新各专栏内容。",
            f"加强政府网站信息公开专栏建设，{me}在便民服务中心设立政府信息查阅点{count}个，方便群众就近查询。",
        )

    def _supervision(self) -> str:
        b, me = self.body, self.me
        trained = self.rng.randint(1, 6)
        text = self.pick(f"{me}成立政务公开工作领导小组，全年组织业务培训{trained}次。",
                         f"{me}将政务公开纳入年度目标管理，开展专题培训{trained}次，强化日常监督。")
        if b.is_government:
            text += self.pick("全年未发生因政务公开工作引起的责任追究情况，社会评议和工作考核结果良好。",
                              "年度政务公开工作考核结果为良好，未开展社会评议，未发生责任追究情况。")
        return text

    # --- section 五 ----------------------------------------------------------------------
    def problems_and_measures(self) -> list[Block]:
        me = self.me
        plan_year = self.year if "CO401" in self.plants else self.year + 1
        problems = self.rng.sample(["公开内容的深度和广度有待拓展", "政策解读形式还不够丰富",
                                    "工作人员业务能力不够强", "基层公开栏更新不够及时", "主动回应社会关切的时效性还需提升"], 2)
        measures = self.rng.sample(["加强业务培训，提升工作人员能力", "丰富图解、视频等解读形式",
                                    "定期检查公开栏和网站更新情况", "健全政务舆情回应机制"], 2)
        text = (f"{me}政府信息公开工作还存在一些问题：一是{problems[0]}；二是{problems[1]}。"
                f"{plan_year}年，{me}将{measures[0]}，同时{measures[1]}，不断提高政务公开工作水平。")
        if expected_version(self.year) != V2019.key:
            text += self.pick("上一年度报告中提出的问题已全部整改到位。", "针对上年度存在的问题，已逐项完成整改。")
        return [Block("para", text)]

    # --- section 六 ----------------------------------------------------------------------
    def other_matters(self) -> list[Block]:
        b, me = self.body, self.me
        parts = []
        if "NA308" not in self.plants and expected_version(self.year) != V2019.key:
            parts.append(self.pick(f"{self.year}年度，{me}未收取信息处理费。",
                                   "本年度没有产生信息处理费。",
                                   f"依据《政府信息公开信息处理费管理办法》，{me}本年度收取信息处理费0元。"))
        if b.is_government:
            parts.append(self.pick(f"{me}按照上级政务公开工作要点逐项抓好落实。",
                                   "人大代表建议和政协提案办理结果均已按要求公开。"))
        if not parts:
            parts.append(self.pick("无其他需要报告的事项。", "本年度无其他需要报告的事项。"))
        return [Block("para", "".join(parts))]
