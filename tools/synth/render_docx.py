"""Render a ReportSpec as a Word file as bodies submit it: real merged cells, a page footer."""
from __future__ import annotations

import io
import zipfile

from synth.grids import positional, spanned_table
from synth.spec import ReportSpec


def render_docx(spec: ReportSpec) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    document.sections[0].footer.paragraphs[0].text = f"— {spec.agency} —"
    for block in spec.blocks:
        if block.kind == "title":
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(block.text).bold = True
        elif block.kind == "table":
            if spec.tables.get(block.text) is not None:
                _table(document, spec, block.text)
        elif block.kind in ("heading", "subheading"):
            document.add_paragraph().add_run(block.text).bold = True
        else:
            document.add_paragraph(block.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_timestamps(buffer.getvalue())


def _fixed_timestamps(package: bytes) -> bytes:
    """The same package with every zip entry dated alike, so the same spec gives the same bytes."""
    source, target = zipfile.ZipFile(io.BytesIO(package)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0)), source.read(info.filename),
                         compress_type=zipfile.ZIP_DEFLATED)
    return target.getvalue()


def _table(document, spec: ReportSpec, name: str) -> None:
    texts, merges = positional(spanned_table(spec, name))
    table = document.add_table(rows=len(texts), cols=len(texts[0]))
    table.style = "Table Grid"
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    for top, left, bottom, right in merges:
        table.cell(top, left).merge(table.cell(bottom, right))
