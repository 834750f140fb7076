"""Render a stored batch folder: index.html, one page per report, charts, and audit.xlsx.

Reads only the stored files (auditor/store.py), never a report or a rule's check, so rendering
the same folder again gives the same bytes.
"""
from __future__ import annotations

from pathlib import Path

from auditor.output.batch_view import summarise
from auditor.store import StoredBatch, load_batch

WORKBOOK = "audit.xlsx"


def render(directory: Path, html: bool = True, xlsx: bool = True, batch: StoredBatch | None = None) -> list[Path]:
    """Write the outputs asked for into `directory`; returns the main files written.

    `batch` is the stored batch when the caller has just saved it (`save_batch` returns it),
    else it is loaded from `directory`."""
    batch = batch if batch is not None else load_batch(directory)
    bodies = summarise(batch)
    written = []
    if html:
        from auditor.output.charts import write_charts
        from auditor.output.html_index import write_index
        from auditor.output.html_report import write_report_pages

        charts = write_charts(bodies, batch.audit.get("reuse"), directory / "charts")
        write_report_pages(batch, bodies, directory)
        write_index(batch, bodies, charts, directory)
        written.append(directory / "index.html")
    if xlsx:
        from auditor.output.xlsx import write_workbook

        write_workbook(batch, bodies, directory / WORKBOOK)
        written.append(directory / WORKBOOK)
    return written
