"""Render a ReportSpec as a published PDF: wrapped paragraphs, ruled tables with merged cells
that may run over a page break, and a page footer 「- N -」.

Uses reportlab with its built-in CID font STSong-Light (no font file needed); the text layer is
real, so a PDF reader must find the same values as in the text form.
"""
from __future__ import annotations

import io

from synth.grids import positional, spanned_table
from synth.spec import ReportSpec

_FONT = "STSong-Light"
# Column widths (points) per table; A4 leaves about 480 pt between margins.
_WIDTHS = {"requests": [44, 56, 128] + [36] * 7, "review_litigation": [32] * 15, "active": [150, 110, 110, 110]}


def render_pdf(spec: ReportSpec) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    body = ParagraphStyle("body", fontName=_FONT, fontSize=11, leading=18, firstLineIndent=22, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=24, alignment=1, firstLineIndent=0)
    heading = ParagraphStyle("heading", parent=body, firstLineIndent=0)
    flow = []
    for block in spec.blocks:
        if block.kind == "title":
            flow += [Paragraph(block.text, title), Spacer(1, 12)]
        elif block.kind == "table":
            if spec.tables.get(block.text) is not None:
                flow.append(_table(spec, block.text))
        else:
            flow.append(Paragraph(_escape(block.text), heading if block.kind in ("heading", "subheading", "line") else body))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=56, rightMargin=56, topMargin=64, bottomMargin=64,
                                 title=spec.title, author=spec.agency, invariant=1)
    document.build(flow, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()


def _footer(canvas, document) -> None:
    canvas.saveState()
    canvas.setFont(_FONT, 10)
    canvas.drawCentredString(document.pagesize[0] / 2, 36, f"- {document.page} -")
    canvas.restoreState()


def _table(spec: ReportSpec, name: str):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    style = ParagraphStyle("cell", fontName=_FONT, fontSize=8, leading=10, wordWrap="CJK")
    texts, merges = positional(spanned_table(spec, name))
    data = [[Paragraph(_escape(text), style) if text else "" for text in row] for row in texts]
    commands = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONTNAME", (0, 0), (-1, -1), _FONT)]
    commands += [("SPAN", (left, top), (right, bottom)) for top, left, bottom, right in merges]
    header_rows = {"requests": 3, "review_litigation": 3, "active": 0}[name]
    return Table(data, colWidths=_WIDTHS[name], style=TableStyle(commands), repeatRows=header_rows)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
