"""The batch `index.html`: the round's summary first, then the charts, the year-over-year
comparison when the batch holds two years, and the sortable, filterable table of bodies."""
from __future__ import annotations

from pathlib import Path

from auditor.output.batch_view import BodySummary
from auditor.output.charts import Chart
from auditor.output.html_env import write_page
from auditor.output.html_report import KIND_LABELS
from auditor.output.round_summary import RoundSummary
from auditor.store import StoredBatch


def write_index(batch: StoredBatch, bodies: list[BodySummary], charts: list[Chart], directory: Path) -> None:
    summary = RoundSummary(bodies)
    write_page(directory / "index.html", "index.html", bodies=bodies, charts=charts, totals=summary.counts,
               summary=summary, kinds=KIND_LABELS, version=batch.audit.get("auditor_version", ""))
