"""One summary per body of a stored batch, shared by the index page, the charts and the workbook."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from auditor.output.filenames import unique_names
from auditor.store import StoredBatch

SEVERITIES = ("error", "warning", "info")
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


@dataclass(frozen=True)
class BodySummary:
    index: int
    source: str
    agency: str | None
    year: int | None
    agency_kind: str
    template: str
    page: str  # file name of the body's page under reports/
    score: int | None
    findings: list[dict[str, Any]]
    elements: list[dict[str, Any]] = field(default_factory=list)
    breakdown: dict[str, Any] | None = None

    @property
    def name(self) -> str:
        return self.agency or PurePath(self.source).stem

    @property
    def counts(self) -> Counter:
        return Counter(f["severity"] for f in self.findings)

    def top_findings(self, limit: int = 3) -> list[tuple[str, str, int]]:
        """(code, severity, count) of the most serious and most frequent codes."""
        counted = Counter((f["code"], f["severity"]) for f in self.findings)
        ranked = sorted(counted.items(), key=lambda item: (-SEVERITY_RANK.get(item[0][1], 0), -item[1], item[0][0]))
        return [(code, severity, count) for (code, severity), count in ranked[:limit]]


def summarise(batch: StoredBatch) -> list[BodySummary]:
    entries = batch.entries()
    names = [f"{r.get('agency') or PurePath(r['source']).stem}-{r.get('year') or ''}" for _, r in entries]
    pages = unique_names(names)
    return [BodySummary(index, report["source"], report.get("agency"), report.get("year"), report.get("agency_kind", ""),
                        report.get("template", ""), page, entry.get("score"), entry.get("findings", []),
                        entry.get("elements", []), entry.get("score_breakdown"))
            for index, ((entry, report), page) in enumerate(zip(entries, pages))]


def pages_by_source(bodies: list[BodySummary]) -> dict[str, str]:
    return {body.source: body.page for body in bodies}
