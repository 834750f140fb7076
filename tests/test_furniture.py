"""Page furniture (breadcrumbs, the CMS's date/source/hits lines and metadata table, font-size,
share and print widgets, attachment links) is removed from the text the checks see, after the
metadata reader has read it, with every offset still pointing into the original text."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from auditor.engine import audit
from auditor.normalise import NormalisedText
from auditor.parse import read_report
from auditor.parse.furniture import furniture_lines

SAMPLE = Path(__file__).resolve().parent.parent / "corpora" / "sample"

FURNITURE = [
    "当前位置：首页 > 政务公开 > 政府信息公开年报",
    "首页 > 文件库",
    "发布时间：2024-01-15 09:30 来源：某某镇 浏览次数：128",
    "发布日期:2024-01-15浏览次数: 字号:[ ]",
    "【字体：大 中 小】 分享到：",
    "| 索引号 | 000000000/2024-00001 | 发文字号 | |",
    "- 发布机构: 某某县人民政府",
    "- 时效性: 有效",
    "附件下载：",
    "【打印本页】 【关闭窗口】",
    "• 设为首页|",
    "扫一扫在手机打开当前页",
]
NOT_FURNITURE = [
    "某某镇2023年政府信息公开工作年度报告",
    "一、总体情况",
    "（一）主动公开政府信息情况",
    "本报告所列数据来源于各村（社区）报送的统计表。",
    "规章 | 0 | 0 | 0",
    "2024年1月20日",
    "某某镇人民政府",
    "满意度>95%",
    "浏览量明显增加，群众获取信息更加便捷",
]


def _lines(texts: list[str]) -> list[tuple[int, int, str]]:
    lines, start = [], 0
    for text in texts:
        lines.append((start, start + len(text), text))
        start += len(text) + 1
    return lines


def test_furniture_lines_are_found_and_report_lines_kept():
    lines = _lines(FURNITURE + NOT_FURNITURE)
    found = set(furniture_lines(lines))
    assert [text for start, end, text in lines if (start, end) in found] == FURNITURE


def test_a_value_under_its_label_goes_with_it():
    lines = _lines(["某某镇2023年度政府信息公开工作报告", "撰写时间", "2024年01月12日 17:12:21", "来源", "某某镇",
                    "一、总体情况", "来源", "一、总体情况"])
    found = furniture_lines(lines)
    assert [lines.index(next(l for l in lines if l[:2] == f)) for f in found] == [1, 2, 3, 4, 6]


def test_removed_spans_keep_offsets_into_the_original():
    raw = "标题行\n发布时间：2024-01-15 来源：某某镇\n正文　第一句。\n"
    page = NormalisedText(raw)
    start = page.text.index("发布时间")
    norm = page.without([(start, page.text.index("\n", start))])
    assert norm.text == "标题行\n正文第一句。\n"
    offset = norm.text.index("第一句")
    assert raw[norm.to_raw(offset):norm.to_raw(offset) + 3] == "第一句"
    assert norm.from_raw(raw.index("来源")) == norm.text.index("正文")


def _furnished(text: str, agency: str) -> str:
    title, rest = text.split("\n", 1)
    top = "\n".join(["当前位置：首页 > 政务公开 > 政府信息公开年报", f"发布时间：2024-01-15 09:30 来源：{agency} 浏览次数：128",
                     "【字体：大 中 小】 分享到："])
    return f"{title}\n{top}\n{rest.rstrip()}\n附件下载：\n【打印本页】 【关闭窗口】\n"


def _entries(count: int) -> list[dict]:
    manifest = SAMPLE / "manifest.json"
    if not manifest.exists():
        pytest.skip("corpora/sample has no manifest (rebuild it with tools/synth)")
    entries = [e for e in json.loads(manifest.read_text(encoding="utf-8"))["reports"]
               if (SAMPLE / e["files"].get("txt", "-")).exists()]
    return entries[:count]


def test_a_furnished_page_audits_as_the_bare_report():
    """The same findings, at the same words, and the same metadata and tables with and without furniture."""
    entries = _entries(12)
    bare = [read_report(SAMPLE / e["files"]["txt"]) for e in entries]
    furnished = [read_report(e["files"]["txt"], _furnished(r.text, e["agency"]).encode("utf-8"))
                 for e, r in zip(entries, bare)]
    for a, b in zip(bare, furnished):
        assert "浏览次数" not in b.text and "关闭窗口" not in b.text and "当前位置" not in b.text
        assert (b.agency, b.agency_kind, b.year, [s.number for s in b.sections]) == (
            a.agency, a.agency_kind, a.year, [s.number for s in a.sections])
        assert {k: t and t.json_values() for k, t in b.tables.items()} == {k: t and t.json_values() for k, t in a.tables.items()}
    for a, b in zip(audit(bare), audit(furnished)):
        at = [(f.code, f.message, a.report.text[f.location.start:f.location.end] if f.location.start is not None else None)
              for f in a.findings]
        bt = [(f.code, f.message, b.report.text[f.location.start:f.location.end] if f.location.start is not None else None)
              for f in b.findings]
        assert bt == at


def test_the_body_named_only_in_a_cms_line_is_still_read():
    text = "\n".join(["2023年政府信息公开工作年度报告", "发布机构：某某县某某镇人民政府 发布日期：2024-01-15",
                      "一、总体情况", "2023年，我镇认真落实条例。"])
    report = read_report("page.txt", text.encode("utf-8"))
    assert report.agency == "某某县某某镇人民政府" and report.agency_kind == "township"
    assert "发布机构" not in report.text
    one = report.section("一")
    assert report.text[one.start:one.heading_end] == "一、总体情况"


_MARKS = re.compile(r"^(?:当前位置|您现在的位置|您的位置|您当前的位置).*|.*(?:浏览次数|点击率|分享到|打印本页|关闭窗口).*$", re.M)


def test_real_pages_lose_their_furniture(real_dir):
    """On the real web pages, no line of breadcrumb, hits counter or share/print widget is left in
    the text the checks see (the pages themselves have them)."""
    pages = sorted((real_dir / "excerpts").glob("*.txt"))
    had = left = 0
    for page in pages:
        raw = page.read_text(encoding="utf-8", errors="replace")
        had += len(_MARKS.findall(raw))
        left += len([m for m in _MARKS.findall(read_report(page).text) if len(m) < 80])
    assert had >= 10 and left == 0

