"""Build one ReportSpec: true tables, planted defects, prose and structure, in reading order."""
from __future__ import annotations

import copy
import random
from typing import Any

from synth import tables as table_values
from synth.bodies import BODIES, Body
from synth.defects import TABLE_DEFECTS, TEXT_DEFECTS, add_to_natural, plant_table_defect
from synth.labels import SECTION_TITLES
from auditor.template import TOTAL_ROW, V2019, V2021, VERSIONS, expected_version, version
from synth.prose import Writer
from synth.spec import Block, ReportSpec

LAYOUTS = ("tab", "broken_header", "cell_per_line", "no_leading_labels")
STRUCTURE_DEFECTS = {
    "ST101": "缺少第四部分（标题与表四均缺失）",
    "ST102": "第五、第六部分顺序颠倒",
    "ST103": "「一、总体情况」及其首段重复出现",
    "ST105": "报告使用了与年份不符的统计表模板",
}
# ST104: printed labels that differ from the format, per template.
LABEL_SLIPS = {V2021.key: ("3.3.2", "2.其他法律法规禁止公开"), V2019.key: ("3.3.2", "2.其他法律行政止公开")}
ACTIVE_LABEL_SLIP = ("本年废止件数", "本年度止件数")


def build_spec(report_id: str, body_key: str | Body, year: int, *, defects: tuple[str, ...] = (), layout: str = "tab",
               seed: int = 0, previous: ReportSpec | None = None, encoding: str = "utf-8",
               copied_from: str | None = None, passage: int = 0, zero_requests: bool = False) -> ReportSpec:
    """One report of `body_key` (a key of BODIES, or a Body) for `year` with the given defect codes planted.

    `previous` is the same body's report for year − 1: this year's 上年结转 and 现行有效 follow
    it (unless HI701 is planted). `copied_from` names the other report sharing passage number
    `passage` of COPIED_PASSAGES (RE601); RE603 replays the previous year's prose choices.
    """
    rng = random.Random(f"{report_id}:{seed}")
    body = body_key if isinstance(body_key, Body) else BODIES[body_key]
    template = expected_version(year)
    if "ST105" in defects:  # the other version than the year's
        template = next(v for v in VERSIONS if v != template)
    tables, records = _tables(rng, body.kind, template, previous, zero_requests)
    if "HI701" in defects:
        records.append(_break_carry_over(tables, previous))
    for code in defects:
        if code in TABLE_DEFECTS:
            records.append(plant_table_defect(code, tables, rng))
    prose_state = rng.getstate()
    writer_rng = rng
    if "RE603" in defects:
        if previous is None:
            raise ValueError("RE603 needs the previous year's report")
        writer_rng = random.Random()
        writer_rng.setstate(previous.meta["prose_state"])
    copied = (passage, _copied_figure(report_id, copied_from)) if "RE601" in defects else None
    writer = Writer(writer_rng, body, year, tables, set(defects), copied)
    title = f"{body.name}{year}年政府信息公开工作年度报告"
    blocks = _blocks(writer, title, set(defects))
    for code in defects:
        if code in TEXT_DEFECTS:
            record = {"code": code, "detail": TEXT_DEFECTS[code]}
            if code == "RE601":
                record["other_id"] = copied_from
            if code == "RE603":
                record["other_id"] = previous.id
            records.append(record)
        elif code in STRUCTURE_DEFECTS:
            records.append({"code": code, "detail": STRUCTURE_DEFECTS[code]})
    overrides: tuple[tuple[str, str], ...] = ()
    if "ST104" in defects:
        overrides = (LABEL_SLIPS[template],) if template == V2019.key else (ACTIVE_LABEL_SLIP,)
        records.append({"code": "ST104", "detail": f"表格标签「{overrides[0][1]}」与格式不符"})
    if "ST101" in defects:
        tables["review_litigation"] = None
    return ReportSpec(
        id=report_id, agency=body.name, agency_kind=body.kind, year=year, template=template, tables=tables,
        defects=tuple(records), layout=layout, title=title, blocks=tuple(blocks), body=body,
        label_overrides=overrides, encoding=encoding, style=rng.randint(0, 3),
        meta={"previous_id": previous.id if previous else None, "prose_state": prose_state},
    )


def _copied_figure(report_id: str, copied_from: str | None) -> int:
    """The figure in a copied passage: the earlier id's, changed a little in the later id's copy."""
    if copied_from is None:
        raise ValueError("RE601 needs copied_from")
    first, second = sorted((report_id, copied_from))
    rng = random.Random(f"copy:{first}:{second}")
    number = rng.randint(120, 900)
    return number if report_id == first else number + rng.randint(3, 30)


def _tables(rng, kind, template, previous, zero_requests) -> tuple[dict[str, Any], list]:
    prev_tables = previous.tables if previous else None
    carried = None
    if prev_tables and prev_tables.get("requests"):
        carried = list(prev_tables["requests"]["rows"]["4"][:6])
    if zero_requests and not carried:
        requests = table_values.zero_requests(template)
    else:
        requests = table_values.requests_table(rng, template, kind, carried)
    prev_active = prev_tables["active"] if prev_tables and _same_active_shape(prev_tables["active"], template) else None
    tables = {"active": table_values.active_table(rng, template, kind, prev_active),
              "requests": requests,
              "review_litigation": table_values.review_table(rng, kind)}
    return tables, []


def _same_active_shape(active, template) -> bool:
    return active is not None and isinstance(active.get("regulations"), list) and (
        set(active) == set(version(template).tables["active"].row_keys))


def _break_carry_over(tables, previous) -> dict[str, Any]:
    """HI701: this year's 上年结转 differs from last year's 结转下年度 (balance kept)."""
    if previous is None:
        raise ValueError("HI701 needs the previous year's report")
    for key in ("2", "3.1", TOTAL_ROW):
        add_to_natural(tables["requests"]["rows"], key, 3)
    return {"code": "HI701", "table": "requests", "row": "2", "other_id": previous.id,
            "detail": "上年结转与上一年度报告的结转下年度不一致（多3件）"}


def _blocks(writer: Writer, title: str, plants: set[str]) -> list[Block]:
    rng = writer.rng
    blocks = [Block("title", title)]
    if "TX503" in plants:
        blocks.append(Block("line", "[bookmark: _GoBack]"))
    blocks += writer.preamble()
    sections = {
        "一": writer.overview(),
        "二": [Block("table", "active")],
        "三": [Block("table", "requests")],
        "四": [Block("table", "review_litigation")],
        "五": writer.problems_and_measures(),
        "六": writer.other_matters(),
    }
    order = ["一", "二", "三", "四", "五", "六"]
    if "ST101" in plants:
        order.remove("四")
    if "ST102" in plants:
        order[-2], order[-1] = order[-1], order[-2]
    for number in order:
        heading = Block("heading", f"{number}、{rng.choice(SECTION_TITLES[number])}")
        blocks += [heading, *sections[number]]
        if number == "一" and "ST103" in plants:
            blocks += [heading, sections[number][0]]
    blocks.append(Block("line", writer.body.name))
    month = rng.randint(1, 3)
    blocks.append(Block("line", f"{writer.year + 1}年{month}月{rng.randint(10, 28)}日"))
    return blocks
