"""The Word reader: document order, merged cells expanded, automatic numbering restored."""
from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from auditor.ingest.docx import chinese_numeral, read_docx
from auditor.parse import parse_document

_ABSTRACT = (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
             '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>')
_NUM = f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def _numbered(document, text):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
    return paragraph


def _report_docx() -> bytes:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_ABSTRACT))
    numbering.append(parse_xml(_NUM))
    document.sections[0].footer.paragraphs[0].text = "- 1 -"
    document.add_paragraph("青石县白沙乡2024年政府信息公开工作年度报告")
    document.add_paragraph("本报告依据《中华人民共和国政府信息公开条例》编制。")
    for title in ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"):
        _numbered(document, title)
        document.add_paragraph("内容。")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "甲"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "乙"
    table.cell(1, 1).text, table.cell(1, 2).text = "1", "2"
    for title in ("政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"):
        _numbered(document, title)
        document.add_paragraph("内容。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_order_numbering_and_merged_cells():
    document = read_docx("r.docx", _report_docx())
    assert "一、总体情况" in document.raw_text and "六、其他需要报告的事项" in document.raw_text
    assert "- 1 -" not in document.raw_text
    grid = document.grids[0]
    assert grid.rows == (("甲", "乙", "乙"), ("甲", "1", "2"))
    assert grid.covered == ((False, False, True), (True, False, False))
    report = parse_document(document)
    assert report.agency == "青石县白沙乡" and report.year == 2024
    assert [s.number for s in report.sections] == list("一二三四五六")


def test_corrupt_docx_is_unreadable(tmp_path):
    from auditor.parse import read_report

    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    report = read_report(path)
    assert report.error_code == "IN001" and "Word" in report.error


def test_chinese_numerals():
    assert [chinese_numeral(n) for n in (1, 6, 10, 12, 21)] == ["一", "六", "十", "十二", "二十一"]
