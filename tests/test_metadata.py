"""Metadata from everything a page offers: title, CMS lines, preamble, signature, self-reference.

The texts here are made up for the tests (invented places); the real pages are measured against
their hand-written truth files in test_real_truth.py.
"""
from __future__ import annotations

import pytest

from auditor.ingest.txt import read_txt
from auditor.parse import parse_document
from auditor.parse.metadata import administrative_level, agency_kind, county_level_cities

BODY = "一、总体情况\n2023年，我镇认真落实条例要求，主动公开政府信息。\n二、主动公开政府信息情况\n"


def parse(text: str):
    return parse_document(read_txt("t.txt", text.encode("utf-8")))


@pytest.mark.parametrize("name, kind", [
    ("青禾县松林镇", "township"), ("青禾县白溪乡人民政府", "township"), ("青禾旗巴音苏木", "township"),
    ("青禾区东城街道办事处", "street"), ("青禾区东城街道", "street"), ("青禾县", "county"),
    ("青禾市长宁区人民政府", "county"), ("青禾旗", "county"), ("青禾市", "city"), ("青禾州人民政府", "city"),
    ("青禾盟", "city"), ("青禾综合实验区管委会", "city"), ("青禾省", "province"), ("青禾省人民政府办公厅", "province"),
    ("青禾自治区", "province"), ("青禾县人民政府办公室", "department"), ("县政府办", "department"),
    ("青禾市农业农村局", "department"), ("青禾市卫生健康委员会", "department"), ("青禾县政务服务中心", "department"),
    ("青禾市教育厅", "department"), ("青禾新区管委会", "department"), ("总体情况", "other"),
])
def test_kind_for_every_level(name, kind):
    assert agency_kind(name) == kind


@pytest.mark.parametrize("name, kind, level", [
    ("开远市", "county", "county"), ("红河州开远市人民政府", "county", "county"), ("子长市人民政府", "county", "county"),
    ("济源市", "county", "county"), ("石河子市", "county", "county"), ("海门市", "county", "county"),
    ("开远市教育局", "department", "county"), ("昆明市", "city", "city"), ("深圳市人民政府", "city", "city"),
    ("昆明市教育局", "department", "city"), ("昆明市安宁市人民政府", "county", "county"),
])
def test_county_level_cities_by_the_division_table(name, kind, level):
    """A 市 is prefecture-level unless the division table lists it as a county-level city (县级市)."""
    assert (agency_kind(name), administrative_level(name)) == (kind, level)


def test_division_table_holds_county_level_cities_only():
    cities = county_level_cities()
    assert 380 <= len(cities) <= 450  # about 400 county-level cities on the mainland
    assert all(name.endswith("市") and len(name) >= 2 for name in cities)  # 芒市 has two characters
    assert not cities & {"昆明市", "深圳市", "兰州市", "丽水市", "孝感市", "泸州市", "重庆市", "北京市"}


def test_title_broken_over_two_lines():
    report = parse("青禾县松林镇2023年度政府\n信息公开工作年度报告\n" + BODY)
    assert (report.agency, report.agency_kind, report.year) == ("青禾县松林镇", "township", 2023)
    assert report.provenance["agency"] == "标题"


def test_year_before_the_name_in_the_title():
    report = parse("2022年度青禾县松林镇政府信息公开工作报告\n" + BODY)
    assert (report.agency, report.year) == ("青禾县松林镇", 2022)


def test_breadcrumb_and_cms_lines_are_passed_over():
    text = ("当前位置：首页 > 信息公开 > 信息公开年度报告\n青禾市白鹭区教育局2022年政府信息公开工作年度报告\n"
            "发布日期：2023-01-11 来源：白鹭区\n" + BODY.replace("我镇", "我局"))
    report = parse(text)
    assert (report.agency, report.agency_kind, report.year) == ("青禾市白鹭区教育局", "department", 2022)


def test_cms_title_line():
    report = parse("索引号：001/2024-01\n标 题：青禾县人民政府2023年政府信息公开工作年度报告\n发布机构：青禾县人民政府\n" + BODY)
    assert (report.agency, report.agency_kind, report.year) == ("青禾县人民政府", "county", 2023)


def test_preamble_names_the_body():
    text = ("根据《中华人民共和国政府信息公开条例》规定，现公布青禾县白溪乡人民政府2024年政府信息公开工作年度报告。"
            "本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。\n" + BODY)
    report = parse(text)
    assert (report.agency, report.agency_kind, report.year) == ("青禾县白溪乡人民政府", "township", 2024)
    assert report.provenance["agency"] == "前言"


def test_compiling_office_and_its_alias_give_the_body():
    text = ("本报告由青禾市东城街道办事处党政办公室编制。如有疑问请与青禾市东城街道办事处党政办公室联系（电话：1）。\n"
            + BODY)
    assert parse(text).agency == "青禾市东城街道办事处"
    text = ("本报告由青禾省北湾经济区规划建设管理办公室（以下简称北湾办）编制。\n北湾办2022年政府信息公开工作年度报告\n"
            + BODY)
    assert parse(text).agency == "青禾省北湾经济区规划建设管理办公室"


def test_cited_documents_never_give_the_body():
    text = ("根据《青禾省人民政府办公厅关于做好2023年政府信息公开工作年度报告的通知》要求，编制本报告。\n" + BODY)
    report = parse(text)
    assert report.agency is None
    assert (report.agency_kind, report.provenance["agency_kind"]) == ("township", "自称「我镇」")
    assert report.year == 2023


def test_signature_at_the_end():
    text = "根据条例要求，编制本报告。\n" + BODY + "无。\n青禾县松林镇人民政府\n2024年1月20日\n"
    report = parse(text)
    assert (report.agency, report.provenance["agency"]) == ("青禾县松林镇人民政府", "落款")


@pytest.mark.parametrize("word, kind", [("我街道", "street"), ("我乡", "township"), ("我县", "county"),
                                        ("我局", "department"), ("我委", "department")])
def test_self_reference_gives_the_kind(word, kind):
    report = parse("根据条例要求，编制本报告。\n" + BODY.replace("我镇", word))
    assert report.agency is None
    assert report.agency_kind == kind
