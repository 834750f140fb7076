"""Hostile files: every reader survives them (IN001 with a reason, or the readable part with a
reader warning) and enforces its limits; one file's failure never reaches the batch."""
from __future__ import annotations

import io
import json
import os
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from test_bad_inputs import REPORT

from auditor.ingest.decode import decode_text
from auditor.ingest.docx import chinese_numeral
from auditor.limits import Limits, applied, limits
from auditor.nlp.units import MAX_UNIT, narrative_units
from auditor.parse import read_report
from auditor.parse.cells import read_row, tokenise
from auditor.template.relations import arithmetic, row_cells
from auditor.template.values import count_value

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "formats"


def tight(**values) -> Limits:
    """Smaller limits, passed to the reader by the test (nothing is set for the process)."""
    return replace(Limits(), **values)


def _write(tmp_path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- text decoding


def test_bomless_utf16_of_odd_length_is_read_with_a_warning(tmp_path):
    report = read_report(_write(tmp_path, "odd.txt", REPORT.encode("utf-16-le") + b"\x41"))
    assert report.error is None and len(report.sections) == 6
    assert any(n.kind == "reader-warning" and "无法按" in n.message for n in report.notes)


def test_utf16_with_a_lone_surrogate_is_read_with_a_warning(tmp_path):
    data = REPORT.encode("utf-16-le")
    cut = data.index("\n二、".encode("utf-16-le"))
    broken = data[:cut] + b"\x00\xd8" + data[cut:]
    for name, payload in (("bomless.txt", broken), ("bom.txt", b"\xff\xfe" + broken)):
        report = read_report(_write(tmp_path, name, payload))
        assert report.error is None and len(report.sections) == 6, name


def test_lone_cr_line_ends_are_lines(tmp_path):
    report = read_report(_write(tmp_path, "mac.txt", REPORT.replace("\n", "\r").encode("utf-8")))
    assert report.error is None
    assert [s.number for s in report.sections] == list("一二三四五六")
    assert decode_text("甲\r\n乙\r丙".encode())[0] == "甲\n乙\n丙"


def test_text_past_the_character_limit_is_cut_with_a_warning(tmp_path):
    path = _write(tmp_path, "long.txt", (REPORT + "附录：说明文字。\n" * 2000).encode("utf-8"))
    report = read_report(path, limits=tight(max_chars=len(REPORT) + 50))
    assert report.error is None and len(report.text) <= len(REPORT) + 50
    assert any(n.kind == "reader-warning" and "只读取了前" in n.message for n in report.notes)


def test_a_file_past_the_byte_limit_is_in001(tmp_path):
    report = read_report(_write(tmp_path, "big.txt", REPORT.encode("utf-8")), limits=tight(max_bytes=100))
    assert report.error_code == "IN001" and "过大" in report.error


def test_two_readings_with_different_limits_in_one_process_do_not_affect_each_other(tmp_path):
    """Limits travel with the call: one after the other, and at once in two threads, each
    reading gets its own, and a call given none reads under the defaults."""
    from concurrent.futures import ThreadPoolExecutor

    path = _write(tmp_path, "long.txt", (REPORT + "附录：说明文字。\n" * 2000).encode("utf-8"))
    short, whole = tight(max_chars=len(REPORT) + 50), Limits()
    cut = read_report(path, limits=short)
    assert len(cut.text) <= len(REPORT) + 50
    plain = read_report(path)
    assert len(plain.text) > len(REPORT) + 1000 and limits() == Limits()
    with ThreadPoolExecutor(2) as pool:
        texts = list(pool.map(lambda given: len(read_report(path, limits=given).text), [short, whole] * 4))
    assert texts == [len(cut.text), len(plain.text)] * 4
    assert len(read_report(path, limits=whole).text) == len(plain.text)


def test_the_digit_limit_of_a_call_is_the_cells_limit_cached_or_not():
    wide = tight(max_digits=25)
    assert count_value("9" * 20).kind == "unreadable"  # the default: 15 digits
    with applied(wide):
        assert count_value("9" * 20).kind == "count" and count_value("9" * 20).number == int("9" * 20)
    assert count_value("9" * 20).kind == "unreadable" and limits().max_digits == 15


# ---------------------------------------------------------------- file names and the catch-all


def test_a_file_name_that_is_not_utf8_keeps_its_bytes_escaped(tmp_path):
    name = os.fsencode(tmp_path) + b"/\xff\xfe\xb1\xa8\xb8\xe6.txt"
    try:
        with open(name, "wb") as handle:
            handle.write(REPORT.encode("utf-8"))
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    report = read_report(os.fsdecode(name))
    assert report.error is None
    assert report.source.endswith("\\xff\\xfe\\xb1\\xa8\\xb8\\xe6.txt")
    json.dumps(report.source, ensure_ascii=False).encode("utf-8")  # no surrogate left


def test_an_unforeseen_reader_failure_is_in001_not_a_crash(tmp_path, monkeypatch):
    import auditor.ingest.txt as txt

    def broken(source, data):
        raise RuntimeError("a reader bug")

    monkeypatch.setattr(txt, "read_txt", broken)
    report = read_report(_write(tmp_path, "r.txt", REPORT.encode("utf-8")))
    assert report.error_code == "IN001" and "读取本文件时出错" in report.error and "RuntimeError" in report.error


# ---------------------------------------------------------------- numbers in cells


def test_a_number_of_thousands_of_digits_is_an_unreadable_cell():
    assert count_value("9" * 5000).kind == "unreadable"
    assert count_value("9" * 15).kind == "count"
    tokens = tokenise(["本年新收政府信息公开申请数量", "1" * 5000])
    reading = read_row(tokens[1:], 7, arithmetic("requests", row_cells("requests", "1")))
    assert reading.values is None


# ---------------------------------------------------------------- Word


def _docx(document_xml: str, extra: dict[str, bytes] | None = None, rels: str | None = None,
          override: str = "") -> bytes:
    content_types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     f'{override}</Types>')
    rels = rels or ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                    '</Relationships>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", content_types)
        package.writestr("_rels/.rels", rels)
        package.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            package.writestr(name, data)
    return buffer.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _body(paragraphs: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{paragraphs}</w:body></w:document>'


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _report_paragraphs() -> str:
    return "".join(_p(line) for line in REPORT.splitlines())


def test_a_word_report_survives_entities_and_broken_attributes(tmp_path):
    table = ('<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="two"/></w:tcPr>' + _p("甲") + "</w:tc>"
             '<w:tc><w:tcPr><w:gridSpan w:val="-4"/><w:vMerge/></w:tcPr>' + _p("乙") + "</w:tc></w:tr></w:tbl>")
    xml = _body(_report_paragraphs() + table).replace(
        "<w:document", '<!DOCTYPE w:document [<!ENTITY e "x">]><w:document', 1).replace("编制。", "编制&e;。")
    report = read_report(_write(tmp_path, "entity.docx", _docx(xml)))
    assert report.error is None and len(report.sections) == 6


@pytest.mark.parametrize("xml, reason", [
    (f'<?xml version="1.0"?><w:document {_W}></w:document>', "没有正文"),
    (f'<?xml version="1.0"?><w:settings {_W}><w:body/></w:settings>', "不是 Word 文档"),
])
def test_a_word_main_part_without_body_or_with_another_root_is_in001(tmp_path, xml, reason):
    report = read_report(_write(tmp_path, "broken.docx", _docx(xml)))
    assert report.error_code == "IN001" and reason in report.error


def test_strict_open_xml_is_in001_with_its_reason(tmp_path):
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>')
    report = read_report(_write(tmp_path, "strict.docx", _docx(_body(_report_paragraphs()), rels=rels)))
    assert report.error_code == "IN001" and "Strict" in report.error


def test_a_word_zip_bomb_is_in001(tmp_path):
    data = _docx(_body(_report_paragraphs()), {"word/media/padding.bin": b"\0" * 2_000_000})
    assert len(data) < 100_000
    report = read_report(_write(tmp_path, "bomb.docx", data), limits=tight(max_inflated_bytes=1_000_000))
    assert report.error_code == "IN001" and "解压后过大" in report.error


def test_word_tables_past_the_cell_limit_are_in001(tmp_path):
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="600"/></w:tcPr>' + _p("甲") + "</w:tc>"
    path = _write(tmp_path, "wide.docx", _docx(_body(_report_paragraphs() + f"<w:tbl><w:tr>{cell * 2}</w:tr></w:tbl>")))
    report = read_report(path, limits=tight(max_table_cells=1000))
    assert report.error_code == "IN001" and "表格过大" in report.error


def test_numbering_past_99_or_negative_or_not_an_integer(tmp_path):
    assert [chinese_numeral(v) for v in (1, 10, 21, 99)] == ["一", "十", "二十一", "九十九"]
    assert [chinese_numeral(v) for v in (100, 12345, -3)] == ["100", "12345", "-3"]
    numbering = (f'<?xml version="1.0"?><w:numbering {_W}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="x">'
                 '<w:start w:val="-7"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    numbered = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{i}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                       f"<w:r><w:t>条目</w:t></w:r></w:p>" for i in ("0", "z", "") * 60)
    doc_rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" '
                'Target="numbering.xml"/></Relationships>')
    data = _docx(_body(_report_paragraphs() + numbered), {"word/numbering.xml": numbering, "word/_rels/document.xml.rels": doc_rels},
                 override='<Override PartName="/word/numbering.xml" ContentType="application/'
                          'vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>')
    report = read_report(_write(tmp_path, "numbers.docx", data))
    assert report.error is None
    assert "-6、条目" in report.text and "一百" not in report.text


# ---------------------------------------------------------------- web pages


def test_a_span_bomb_is_in001_not_gigabytes(tmp_path):
    cells = '<td rowspan="200" colspan="200">1</td>' * 50
    page = f"<html><body><h1>某某县2023年政府信息公开工作年度报告</h1><table><tr>{cells}</tr></table></body></html>"
    report = read_report(_write(tmp_path, "spans.html", page.encode("utf-8")))
    assert report.error_code == "IN001" and "表格过大" in report.error


def test_a_report_nested_ten_thousand_deep_is_read(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in REPORT.splitlines())
    page = "<html><body>" + "<div>" * 10_000 + body + "</div>" * 10_000 + "</body></html>"
    report = read_report(_write(tmp_path, "deep.html", page.encode("utf-8")))
    assert report.error is None and len(report.sections) == 6


def test_a_span_attribute_that_is_no_integer(tmp_path):
    page = ("<html><body>" + "".join(f"<p>{line}</p>" for line in REPORT.splitlines())
            + '<table><tr><td rowspan="x" colspan="9999999999999999999999">1</td></tr></table></body></html>')
    assert read_report(_write(tmp_path, "attr.html", page.encode("utf-8"))).error is None


# ---------------------------------------------------------------- PDF and prose


def test_a_pdf_past_the_page_limit_is_in001():
    report = read_report(SAMPLE / "d01_baisha_2023.pdf", limits=tight(max_pages=1))
    assert report.error_code == "IN001" and "页数过多" in report.error


def test_a_paragraph_without_stops_is_cut_into_bounded_units(tmp_path):
    long = "政府信息公开工作" * 20_000
    report = read_report(_write(tmp_path, "wall.txt", REPORT.replace("2023年，我乡", long + "2023年，我乡").encode("utf-8")))
    units = narrative_units(report)
    assert max(len(u.text) for u in units) <= MAX_UNIT
    assert sum(len(u.text) for u in units if u.scope == "一") >= len(long)
    assert all(report.text[u.start:u.end] == u.text for u in units)


def test_a_huge_count_in_the_narrative_is_no_claim(tmp_path):
    from auditor.checks.narrative_numbers import _RECEIVED

    assert _RECEIVED.search("本年度收到申请" + "9" * 5000 + "件") is None
    assert re.fullmatch(r"\d+", _RECEIVED.search("本年度收到申请12件").group(1))


def test_a_pdf_page_whose_content_inflates_past_the_limit_is_skipped():
    """On the pages pdfminer reads (those PDFium reads incompletely)."""
    import pdfplumber

    from auditor.ingest.document import UnreadableFile
    from auditor.ingest.pdf import _read_pages

    with applied(tight(max_page_content_bytes=1000)), pdfplumber.open(SAMPLE / "d01_baisha_2023.pdf") as pdf, \
            pytest.raises(UnreadableFile, match="内容过大未读取"):
        _read_pages(pdf.pages)
