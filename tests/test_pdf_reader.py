"""The PDF reader: the three real reports read right, synthetic layouts, and bad files."""
from __future__ import annotations

import io

import pytest

from auditor.engine import audit
from auditor.ingest.pdf import read_pdf
from auditor.parse import read_report

# ---------------------------------------------------------------- the real reports (../shared/real)


def _rows(report):
    table = report.tables["requests"]
    assert table is not None and table.ok, table
    return table.json_values()["rows"]


def _review(report):
    table = report.tables["review_litigation"]
    assert table is not None and table.ok, table
    return table.json_values()


def _codes(report) -> list[str]:
    return [f.code for f in audit([report])[0].findings]


def test_hongze_2023(real_dir):
    report = read_report(real_dir / "hongze-district-2023.pdf")
    assert report.error is None
    # The title prints 「洪泽区人民政府」 (the 2024 report prints 「淮安市洪泽区人民政府」).
    assert report.agency.endswith("洪泽区人民政府") and report.agency_kind == "county" and report.year == 2023
    assert [s.number for s in report.sections] == list("一二三四五六")
    rows = _rows(report)
    assert report.tables["requests"].template == "2019" and "3.6" in rows and "3.6.1" not in rows
    assert len(rows) == 23
    assert (rows["1"][-1], rows["2"][-1], rows["3.7"][-1], rows["4"][-1]) == (21, 0, 21, 0)
    review = _review(report)
    assert review["review"] == [10, 1, 0, 0, 0]  # the printed 总计 0 is an error of the report
    assert review["litigation_after_review"] == [5, 0, 0, 0, 0]
    assert report.tables["active"].ok  # table 二 runs over pages 2 and 3


def test_hongze_2024(real_dir):
    report = read_report(real_dir / "hongze-district-2024.pdf")
    assert report.agency == "淮安市洪泽区人民政府" and report.year == 2024
    assert [s.number for s in report.sections] == list("一二三四五六")
    rows = _rows(report)
    assert rows["1"][-1] == 95
    results = ["3.1", "3.2", "3.3.3", "3.3.6", "3.3.7", "3.4.1", "3.4.2", "3.5.1"]
    assert [rows[k][-1] for k in results] == [50, 9, 1, 1, 1, 31, 1, 1]
    assert rows["3.7"][-1] == 95


def test_huaian_city_2024(real_dir):
    report = read_report(real_dir / "huaian-city-2024.pdf")
    assert report.agency == "淮安市人民政府" and report.agency_kind == "city" and report.year == 2024
    assert [s.number for s in report.sections] == list("一二三四五六")
    rows = _rows(report)
    assert report.tables["requests"].template == "2021"
    assert (rows["1"][-1], rows["2"][-1], rows["3.7"][-1], rows["4"][-1]) == (3119, 34, 3050, 103)
    assert rows["3.4.1"][-1] == 769  # the label 「（四）无法提供」 is cut by a page break
    review = _review(report)
    assert review["review"] == [72, 64, 178, 37, 351]
    assert review["litigation_direct"][-1] == 26 and review["litigation_after_review"][-1] == 20
    assert report.tables["active"].ok


def test_real_findings(real_dir):
    codes = _codes(read_report(real_dir / "hongze-district-2023.pdf"))
    assert codes.count("TA204") == 2 and "ST104" in codes and "ST105" in codes
    codes = _codes(read_report(real_dir / "hongze-district-2024.pdf"))
    assert "CO404" in codes and "ST105" in codes and "TA204" not in codes
    codes = _codes(read_report(real_dir / "huaian-city-2024.pdf"))
    assert not [c for c in codes if c.startswith("TA2")] and "CO404" not in codes


def test_real_pages_and_furniture(real_dir):
    report = read_report(real_dir / "hongze-district-2023.pdf")
    assert len(report.pages) == 5
    assert report.page_at(report.section("二").start) == 2
    assert report.page_at(report.section("三").start) == 3
    assert "- 1 -" not in report.text and "- 2 -" not in report.text
    typo = next(f for f in audit([report])[0].findings if f.code == "ST104")
    assert typo.location.page == 3  # the label sits in the part of table 三 printed on page 3


def test_real_tables_are_one_grid_each(real_dir):
    document = read_pdf("x.pdf", (real_dir / "huaian-city-2024.pdf").read_bytes())
    assert [len(g.rows[0]) for g in document.grids] == [4, 10, 15]  # tables 二 and 三 span two pages
    requests = document.grids[1]
    assert all(row[0] == "三、本年度办理结果" for row in requests.rows[5:27])
    assert requests.covered[6][0] and not requests.covered[5][0]
    prose = [line for line in document.raw_text.split("\n") if "\t" not in line]
    assert not [line for line in prose if "申请人情况" in line or "法人或其他组织" in line]  # cell text only in grids


# ---------------------------------------------------------------- synthetic PDFs

WIDTH, HEIGHT = 595, 842
LEFT, SIZE, PER_LINE = 72, 12, 37  # 12 pt characters, 37 to a full line: the measure ends at 516


class _Page:
    """A page of a minimal PDF: Chinese text in the standard STSong-Light font, and ruled lines."""

    def __init__(self) -> None:
        self.ops: list[str] = []

    def text(self, x: float, top: float, value: str, size: float = SIZE) -> None:
        codes = "".join(f"{ord(c):04X}" for c in value)
        self.ops.append(f"BT /F1 {size} Tf {x} {HEIGHT - top - size} Td <{codes}> Tj ET")

    def paragraph(self, top: float, value: str) -> float:
        """Text wrapped to the measure, its first line indented by two characters."""
        lines = [value[:PER_LINE - 2]] + [value[i:i + PER_LINE] for i in range(PER_LINE - 2, len(value), PER_LINE)]
        for index, line in enumerate(lines):
            self.text(LEFT + (2 * SIZE if index == 0 else 0), top + index * 20, line)
        return top + len(lines) * 20

    def rule(self, x0: float, top0: float, x1: float, top1: float) -> None:
        self.ops.append(f"0.5 w {x0} {HEIGHT - top0} m {x1} {HEIGHT - top1} l S")

    def table(self, top: float, widths: list[float], rows: list[list[str]], merged=(), open_top=False,
              open_bottom=False) -> None:
        """A ruled table; `merged` holds the (row, column) cells that continue the cell above."""
        lefts = [LEFT + sum(widths[:c]) for c in range(len(widths) + 1)]
        for r in range(len(rows) + 1):
            if (r == 0 and open_top) or (r == len(rows) and open_bottom):
                continue
            for c in range(len(widths)):
                if (r, c) not in merged:
                    self.rule(lefts[c], top + r * 20, lefts[c + 1], top + r * 20)
        for x in lefts:
            self.rule(x, top, x, top + 20 * len(rows))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell:
                    self.text(lefts[c] + 3, top + r * 20 + 4, cell, size=10)


def _build(pages: list[_Page], mapped: bool = True) -> bytes:
    """The PDF file; `mapped=False` gives glyph codes with no way back to Unicode (Identity-H)."""
    encoding, ordering = (b"UniGB-UCS2-H", b"GB1") if mapped else (b"Identity-H", b"Identity")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, written below
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /%s /DescendantFonts [4 0 R] >>" % encoding,
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /DW 1000 /FontDescriptor 5 0 R"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (%s) /Supplement 0 >> >>" % ordering,
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -120 1000 880] /ItalicAngle 0"
        b" /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>",
    ]
    kids = []
    for page in pages:
        stream = "\n".join(page.ops).encode("ascii")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R >> >>"
                       b" /Contents %d 0 R >>" % (WIDTH, HEIGHT, len(objects)))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


PREAMBLE = ("本报告由某某县人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制，报告中所列数据统计期限自"
            "2023年1月1日起至2023年12月31日止，如对本报告有疑问请与县政府办公室联系")
OVERVIEW = "2023年，我县认真贯彻落实政府信息公开条例，不断完善制度建设，持续推进政务公开工作向纵深发展，取得了较好成效。"
GROUPED = [["类别", "项目", "数量"], ["甲类", "项目一", "1"], ["", "项目二", "2"], ["乙", "项目三", "3"]]
GROUPED_REST = [["类", "项目四", "4"], ["", "项目五", "5"], ["丙类", "项目六", "6"]]


def _report_pages() -> list[_Page]:
    """Three pages: title and section 一 on page 1, 二 and a table cut by the page break on
    page 2, the table's end and sections 三 to 六 on page 3; page numbers in the margins."""
    first, second, third = _Page(), _Page(), _Page()
    for page in (first, second, third):
        page.text(LEFT, 30, "某某县人民政府信息公开专栏", size=9)  # a running head
    first.text(200, 60, "某某县人民政府", size=18)
    first.text(130, 88, "2023年政府信息公开工作年度报告", size=18)
    bottom = first.paragraph(140, PREAMBLE)
    first.text(LEFT + 24, bottom, "一、总体情况")
    first.paragraph(bottom + 20, OVERVIEW)
    first.text(280, 800, "- 1 -")
    second.text(LEFT + 24, 80, "二、主动公开政府信息情况")
    second.paragraph(100, OVERVIEW)
    second.table(700, [120, 200, 100], GROUPED, merged={(2, 0)}, open_bottom=True)
    second.text(280, 800, "— 2 —")
    third.table(72, [120, 200, 100], GROUPED_REST, merged={(1, 0)}, open_top=True)
    top = 150
    for heading in ("三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
                    "五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
        third.text(LEFT + 24, top, heading)
        top = third.paragraph(top + 20, "本年度没有产生信息处理费。")
    third.text(250, 800, "第 3 页 共 3 页")
    return [first, second, third]


@pytest.fixture
def report_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(_build(_report_pages()))
    return path


def test_synthetic_text_flow(report_pdf):
    document = read_pdf(str(report_pdf), report_pdf.read_bytes())
    lines = [line for line in document.raw_text.split("\n") if line and "\t" not in line]
    assert lines[0] == "某某县人民政府2023年政府信息公开工作年度报告"  # the title's two lines, one line
    assert lines[1] == PREAMBLE  # wrapped over four lines, joined again
    assert lines[2] == "一、总体情况" and lines[3] == OVERVIEW
    assert not any(mark in document.raw_text for mark in ("- 1 -", "— 2 —", "第 3 页", "信息公开专栏"))


def test_diagonal_watermark_is_not_text():
    page = _Page()
    page.paragraph(80, OVERVIEW)
    codes = "".join(f"{ord(c):04X}" for c in "内部资料")
    page.ops.append(f"BT /F1 60 Tf 0.707 0.707 -0.707 0.707 150 300 Tm <{codes}> Tj ET")
    assert read_pdf("t.pdf", _build([page])).raw_text == OVERVIEW + "\n"


def test_synthetic_table_across_pages(report_pdf):
    document = read_pdf(str(report_pdf), report_pdf.read_bytes())
    assert len(document.grids) == 1
    grid = document.grids[0]
    assert [row[0] for row in grid.rows] == ["类别", "甲类", "甲类", "乙类", "乙类", "乙类", "丙类"]
    assert [row[1] for row in grid.rows][1:] == ["项目一", "项目二", "项目三", "项目四", "项目五", "项目六"]
    assert [row[0] for row in grid.covered] == [False, False, True, False, True, True, False]
    # page 3 begins with the first row printed on it, inside the grid
    assert document.page_starts[2] == grid.row_spans[4][0]


def test_synthetic_page_numbers(report_pdf):
    report = read_report(report_pdf)
    assert report.error is None and report.agency == "某某县人民政府" and report.year == 2023
    assert [s.number for s in report.sections] == list("一二三四五六")
    assert [report.page_at(s.start) for s in report.sections] == [1, 2, 3, 3, 3, 3]
    assert report.page_at(0) == 1 and report.page_at(len(report.text) - 1) == 3


def test_repeated_header_on_continuation_is_dropped():
    header = ["类别", "项目", "数量"]
    first, second = _Page(), _Page()
    first.text(LEFT, 80, "表格")
    first.table(700, [120, 200, 100], [header, ["甲类", "项目一", "1"], ["乙类", "项目二", "2"]])
    second.table(72, [120, 200, 100], [header, ["丙类", "项目三", "3"]])
    document = read_pdf("t.pdf", _build([first, second]))
    assert [row[0] for row in document.grids[0].rows] == ["类别", "甲类", "乙类", "丙类"]


def test_paragraph_ends_at_sentence_end_and_heading():
    page = _Page()
    full = "这一行写满了整个版心并且以句号结束，所以下一行是新的段落的开头部分的内容。"
    assert len(full) == PER_LINE
    page.text(LEFT, 80, full)
    page.text(LEFT, 100, "下一段落从左边开始。")
    page.text(LEFT, 120, "这一行同样写满了版心但是没有结束所以下一行如果是标题就不应该和它连接在一起")
    page.text(LEFT, 140, "（二）标题")
    page.text(LEFT, 160, "这一行同样写满了版心但是没有结束所以下一行如果是正文就应该和它连接在一起的")
    page.text(LEFT, 180, "正文。")
    lines = read_pdf("t.pdf", _build([page])).raw_text.split("\n")
    assert lines[:5] == [full, "下一段落从左边开始。", "这一行同样写满了版心但是没有结束所以下一行如果是标题就不应该和它连接在一起",
                         "（二）标题", "这一行同样写满了版心但是没有结束所以下一行如果是正文就应该和它连接在一起的正文。"]


def test_single_box_is_not_a_table():
    page = _Page()
    page.table(100, [400], [["方框里的说明文字不是一个表格"]])
    document = read_pdf("t.pdf", _build([page]))
    assert not document.grids and "方框里的说明文字不是一个表格" in document.raw_text


# ---------------------------------------------------------------- bad files


def _encrypted(tmp_path, user_password: str):
    """The synthetic report, encrypted with pypdf; an empty user password only restricts it."""
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(_build(_report_pages())))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "encrypted.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return read_report(path)


def test_encrypted(tmp_path):
    report = _encrypted(tmp_path, "secret")
    assert report.error_code == "IN001" and report.error.startswith("PDF 文件已加密")


def test_owner_password_only_is_readable(tmp_path):
    report = _encrypted(tmp_path, "")
    assert report.error is None and len(report.sections) == 6


def test_truncated_real(tmp_path, real_dir):
    data = (real_dir / "hongze-district-2023.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    report = read_report(path)
    assert report.error_code == "IN001" and report.error.startswith("PDF 文件已损坏")


@pytest.mark.parametrize("cut", [0.3, 0.5, 0.9])
def test_truncated_synthetic(tmp_path, cut):
    data = _build(_report_pages())
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: int(len(data) * cut)])
    report = read_report(path)
    assert report.error_code == "IN001" and report.error.startswith("PDF 文件已损坏")


def test_damaged_body_with_end_marker(tmp_path):
    path = tmp_path / "damaged.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF\n")
    report = read_report(path)
    assert report.error_code == "IN001" and report.error.startswith("PDF 文件已损坏")


def test_glyphs_without_unicode(tmp_path):
    path = tmp_path / "unmapped.pdf"
    path.write_bytes(_build(_report_pages(), mapped=False))
    report = read_report(path)
    assert report.error_code == "IN001" and "无法解码" in report.error


def test_scanned(tmp_path):
    image = pytest.importorskip("PIL.Image")
    path = tmp_path / "scanned.pdf"
    image.new("RGB", (600, 800), "white").save(path)
    report = read_report(path)
    assert report.error_code == "IN001"
    assert report.error == "PDF 没有文字层（可能是扫描件），需要先进行 OCR 识别"


def test_real_carry_over_across_years(real_dir):
    """Hongze 2023 and 2024 audited together: consistent (0 → 0) — until 2024's 上年结转 changes.

    The two titles name the body differently (「洪泽区人民政府」, 「淮安市洪泽区人民政府」)."""
    from dataclasses import replace

    from auditor.template import count

    earlier = read_report(real_dir / "hongze-district-2023.pdf")
    later = read_report(real_dir / "hongze-district-2024.pdf")
    assert "HI701" not in {f.code for result in audit([earlier, later]) for f in result.findings}
    table = later.tables["requests"]
    carried = {("2", c.key): count(n) for c, n in zip(table.layout.columns, [2, 0, 0, 0, 0, 0, 2])}
    changed = replace(later, tables={**later.tables, "requests": replace(table, cells={**table.cells, **carried})})
    found = [f for f in audit([earlier, changed])[1].findings if f.code == "HI701"]
    assert found and found[0].evidence["other_source"] == earlier.source


# ---------------------------------------------------------------- PDFium and pdfplumber agree


def _every_page_by_pdfplumber(monkeypatch):
    import auditor.ingest.pdf_objects as pdf_objects

    original = pdf_objects.PdfiumPage.__init__

    def init(self, page):
        original(self, page)
        self.complete = False

    monkeypatch.setattr(pdf_objects.PdfiumPage, "__init__", init)


def _sample_pdfs() -> list:
    from pathlib import Path

    return sorted((Path(__file__).resolve().parent / "fixtures" / "formats").glob("*.pdf"))[:6]


def test_pdfium_reads_as_pdfplumber(real_dir, monkeypatch):
    """The fast path (PDFium's characters and paths) gives the very document pdfplumber gives,
    on the real PDFs (Word/WPS exports) and on synthetic ones (a non-embedded CJK font)."""
    paths = sorted(real_dir.glob("*.pdf")) + _sample_pdfs()
    fast = [read_pdf(str(p), p.read_bytes()) for p in paths]
    _every_page_by_pdfplumber(monkeypatch)
    slow = [read_pdf(str(p), p.read_bytes()) for p in paths]
    assert len(paths) >= 9
    for path, a, b in zip(paths, fast, slow):
        assert a == b, path.name


def test_pages_pdfium_reads_incompletely_go_to_pdfplumber(real_dir):
    """PDFium's text page drops a one-character text object whose font has no glyph boxes (a
    non-embedded CJK font with no CJK system font to stand in: the wrapped second line of
    「商业企业」 in a synthetic table). Such a page is marked incomplete and read by pdfplumber,
    so the label comes out whole whichever fonts the machine has; the real PDFs (embedded
    fonts) are read by PDFium on every page."""
    import pypdfium2 as pdfium

    from auditor.ingest.pdf_objects import PdfiumPage

    def completeness(path):
        document = pdfium.PdfDocument(path.read_bytes())
        return [PdfiumPage(document[i]).complete for i in range(len(document))]

    assert all(all(completeness(p)) for p in sorted(real_dir.glob("*.pdf")))
    report = read_report(_sample_pdfs()[0])
    assert report.tables["requests"] is not None and "商业企业" in report.text
