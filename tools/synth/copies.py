"""Distinct passages for planting copies at scale (benchmarks/reuse_scale.py).

A passage is five clauses drawn, in random order, from a pool of sixty, with the body's short
name and figures of its own; no two passages of one batch put the same two clauses side by
side (`used`), so two planted passages share at most single clauses, and each planted copy is
a copy and not a phrase that many bodies print. `lightly_edited` makes the copy another
body would print: its own name swapped in and one figure changed.
"""
from __future__ import annotations

import random
import re

CLAUSES = (
    "把惠农补贴发放名单按季度张贴到各村公开栏", "组织村务监督委员会成员逐项核对低保对象名册",
    "在集镇赶集日设立政策咨询台现场答疑", "将征地补偿标准和安置方案印成明白纸送到农户手中",
    "利用村级广播每周播报两次政务信息", "邀请老党员和村民代表担任政务公开义务监督员",
    "对涉农资金项目实行事前、事中、事后三次公示", "建立群众意见回访台账并逐条销号",
    "在便民服务大厅设置自助查询终端", "针对留守老人开展上门讲政策活动",
    "把重大项目进展制作成图表在网站专栏发布", "按月汇总群众来电反映的热点问题并公开答复",
    "联合县司法所开展依申请公开业务培训", "将村级财务收支明细逐笔录入公开平台",
    "组织网格员入户收集群众对公开内容的意见", "在中小学开展政务公开进校园宣讲",
    "对公开栏实行专人管理、定期巡查", "把防汛避险信息第一时间推送到村组微信群",
    "设立公开内容纠错渠道并公布监督电话", "推行领导干部接待日公开制度",
    "对易地搬迁安置点实行一户一档公开", "把养老保险缴费标准制成短视频在政务新媒体发布",
    "定期邀请人大代表视察政务公开工作", "编印政务公开工作手册发放到各村组",
    "对耕地保护政策开展专题解读", "将乡村振兴衔接资金使用情况在项目现场立牌公示",
    "建立政务公开工作月调度制度", "在农贸市场电子屏滚动播放公开信息",
    "实行公开事项清单化管理并动态更新", "对民生实事项目实行群众满意度测评",
    "组织开展政务公开开放日活动", "将医保报销流程制作成图解张贴到卫生室",
    "把危房改造对象评定过程全程公开", "设置政务公开意见箱并每周开箱",
    "对村级公开栏更新情况实行红黄牌通报", "利用赶集日开展反诈和政策宣传",
    "建立公开信息发布前法律审核机制", "组织驻村工作队协助群众查询公开信息",
    "把产业奖补资金发放情况在村民大会上通报", "对公开工作开展季度自查",
    "将农村集体资产清查结果张榜公布", "为外出务工人员开通线上政策查询服务",
    "把安全生产检查结果在企业门口公示", "组织退休教师为群众代写信息公开申请",
    "将秸秆禁烧政策编成顺口溜广泛传唱", "对殡葬改革政策开展逐户宣讲",
    "把高标准农田建设项目的招标结果在网站公开", "为残疾人家庭提供政策上门解读服务",
    "在村史馆设置政务公开展示专区", "将河长制巡河记录定期向群众公开",
    "把村级小微权力清单印发到每家每户", "对农村饮水安全检测结果按季公布",
    "组织新任村干部参加公开业务轮训", "将人居环境整治评比结果在公开栏亮榜",
    "把禁毒宣传与政务公开活动结合开展", "对公益性岗位招聘全过程进行公示",
    "利用农家书屋开设政策阅读角", "将学生资助名单在学校和村两级公示",
    "为群众提供公开信息打印复印便利", "把森林防火责任分工在各路口公示",
)
_FIGURE = re.compile(r"\d+")


def distinct_passage(rng: random.Random, short: str, used: set[tuple[str, str]]) -> str:
    """A new passage whose adjacent clause pairs are not in `used` (which it extends)."""
    while True:
        clauses = rng.sample(CLAUSES, 5)
        pairs = set(zip(clauses, clauses[1:]))
        if not pairs & used:
            used |= pairs
            break
    first = f"{rng.randint(2, 11)}月以来，{short}{clauses[0]}，{clauses[1]}"
    rest = "，".join(clauses[2:])
    return f"{first}，并{rest}，累计惠及群众{rng.randint(300, 9000)}人次，相关做法被县政务公开办转发推广。"


def lightly_edited(passage: str, own_short: str, other_short: str, rng: random.Random) -> str:
    """The copy another body prints: its name swapped in, one figure changed."""
    edited = passage.replace(own_short, other_short)
    figures = list(_FIGURE.finditer(edited))
    figure = rng.choice(figures)
    changed = str(int(figure.group()) + rng.randint(1, 9))
    return edited[:figure.start()] + changed + edited[figure.end():]
