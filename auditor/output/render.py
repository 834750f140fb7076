"""Render a stored batch folder: index.html, one page per report, charts, and audit.xlsx.

Reads only the stored files (auditor/store.py), never a report or a rule's check, so rendering
the same folder again gives the same bytes.
"""
from __future__ import annotations

import sys
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
    if html and _isolated("网页报告", _write_html, batch, bodies, directory):
        written.append(directory / "index.html")
    if xlsx and _isolated("Excel 工作簿", _write_xlsx, batch, bodies, directory):
        written.append(directory / WORKBOOK)
    return written


def _isolated(what: str, write, *args) -> bool:
    """Run one writer; its failure is said on stderr and costs only its own files."""
    try:
        write(*args)
        return True
    except Exception as error:
        sys.stderr.write(f"错误：生成{what}时出错（{type(error).__name__}: {error}），其余输出不受影响\n")
        return False


def _write_html(batch: StoredBatch, bodies, directory: Path) -> None:
    from auditor.output.charts import write_charts
    from auditor.output.fonts import FontMissing
    from auditor.output.html_index import write_index
    from auditor.output.html_report import write_report_pages
    from auditor.output.round_summary import RoundSummary

    try:
        charts = write_charts(RoundSummary(bodies).bodies, batch.audit.get("reuse"), directory / "charts")
    except FontMissing as error:
        sys.stderr.write(f"错误：{error}\n")
        charts = []
    except Exception as error:  # no charts at all (matplotlib itself failed): the pages still appear
        sys.stderr.write(f"错误：绘制图表时出错（{type(error).__name__}），网页中不含图表\n")
        charts = []
    write_report_pages(batch, bodies, directory)
    write_index(batch, bodies, charts, directory)


def _write_xlsx(batch: StoredBatch, bodies, directory: Path) -> None:
    from auditor.output.xlsx import write_workbook

    write_workbook(batch, bodies, directory / WORKBOOK)
