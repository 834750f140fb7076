"""The HTML reader finds the article, drops navigation and footers, and expands spans."""
from __future__ import annotations

import lxml.html

from auditor.ingest import read_document
from auditor.ingest.html import expand_table

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>青石乡2024年政府信息公开工作年度报告_青石乡人民政府</title></head>
<body><div class="top-nav"><a href="/">首页</a><a href="/gk">政务公开</a><a href="/hd">政民互动</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 年度报告</div>
<div class="main"><div class="sidebar"><ul><li><a href="#">通知公告</a></li><li><a href="#">政策文件</a></li></ul></div>
<div class="article"><h1>青石乡2024年政府信息公开工作年度报告</h1>
<div id="zoom"><p>一、总体情况</p><p>2024年，我乡共收到申请<b>3</b>件。</p>
<table><tr><td rowspan="2">甲</td><td colspan="2">乙</td></tr><tr><td>1</td><td>2</td></tr></table></div></div></div>
<div class="footer">版权所有：青石乡人民政府 网站标识码 1234 联系我们</div></body></html>"""


def test_article_is_found_and_boilerplate_dropped(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    document = read_document(path)
    assert document.raw_text.startswith("青石乡2024年政府信息公开工作年度报告")
    assert "2024年，我乡共收到申请3件。" in document.raw_text
    for junk in ("首页", "当前位置", "通知公告", "版权所有"):
        assert junk not in document.raw_text
    grid = document.grids[0]
    assert grid.rows == (("甲", "乙", "乙"), ("甲", "1", "2"))
    assert grid.covered == ((False, False, True), (True, False, False))


def test_gbk_page_with_declared_charset(tmp_path):
    path = tmp_path / "gbk.htm"
    path.write_bytes(PAGE.replace('charset="utf-8"', 'charset="gb2312"').encode("gbk"))
    assert "我乡共收到申请" in read_document(path).raw_text


def test_expand_table_handles_overlapping_spans():
    table = lxml.html.fragment_fromstring(
        "<table><tr><td rowspan='3'>a</td><td>b</td><td rowspan='2'>c</td></tr>"
        "<tr><td>d</td></tr><tr><td colspan='2'>e</td></tr></table>")
    rows, _ = expand_table(table)
    assert rows == [["a", "b", "c"], ["a", "d", "c"], ["a", "e", "e"]]


def test_dropped_markup_keeps_its_tail_and_nested_cell_text_is_read_whole(tmp_path):
    page = ("<html><head><meta charset='utf-8'></head><body><div class='article'>"
            "<h1>青石乡2024年政府信息公开工作年度报告</h1>"
            "<p>全年收到申请<script>var x = 1;</script>3件，<span class='share'>分享</span>均已办结。</p>"
            "<table><tr><td>予以<b>公开</b><!-- note -->数量</td><td> 1 <br/>2 </td></tr></table>"
            "</div></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    document = read_document(path)
    assert "全年收到申请3件，均已办结。" in document.raw_text
    assert document.grids[0].rows == (("予以公开数量", "1 2"),)
