"""The batch `index.html`: a sortable, filterable table of bodies, the charts, links to every report."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from auditor.output.batch_view import BodySummary
from auditor.output.charts import Chart
from auditor.output.html_env import write_page
from auditor.output.html_report import KIND_LABELS
from auditor.store import StoredBatch


def write_index(batch: StoredBatch, bodies: list[BodySummary], charts: list[Chart], directory: Path) -> None:
    totals: Counter = Counter()
    for body in bodies:
        totals.update(body.counts)
    write_page(directory / "index.html", "index.html", bodies=bodies, charts=charts, totals=totals, kinds=KIND_LABELS,
               version=batch.audit.get("auditor_version", ""))
