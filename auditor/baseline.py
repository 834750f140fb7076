"""A baseline of accepted findings: fingerprinted so that settled findings stay silent.

A fingerprint names the report by file name (not path), the code, the location and the
evidence (in which the other report of a cross-document finding, `other_source`, is named by
file name too), so it survives moving the batch. Entries that match nothing any more are stale and
are reported, so the baseline does not silently rot.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.config import ConfigError
from auditor.finding import Finding

if TYPE_CHECKING:
    from auditor.engine import ReportResult


def fingerprint(source: str, finding: Finding) -> str:
    evidence = {key: Path(value).name if key == "other_source" and isinstance(value, str) else value
                for key, value in finding.evidence.items()}
    payload = json.dumps([Path(source).name, finding.code, finding.location.to_json(), evidence],
                         ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


@dataclass
class BaselineOutcome:
    suppressed: int
    stale: list[dict]


@dataclass(frozen=True)
class Baseline:
    """The accepted findings of a baseline file, by fingerprint."""

    accepted: dict[str, dict]

    def apply(self, results: list[ReportResult]) -> BaselineOutcome:
        """Move each accepted finding from `findings` to `accepted` of its result (the score,
        computed afterwards, charges only what is left); entries that match nothing are stale."""
        used: set[str] = set()
        suppressed = 0
        for result in results:
            kept = []
            for finding in result.findings:
                mark = fingerprint(result.report.source, finding)
                if mark in self.accepted:
                    used.add(mark)
                    suppressed += 1
                    result.accepted.append(finding)
                else:
                    kept.append(finding)
            result.findings = kept
        return BaselineOutcome(suppressed, [e for m, e in self.accepted.items() if m not in used])


def load_baseline(path: Path) -> Baseline:
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["findings"]
        return Baseline({e["fingerprint"]: e for e in entries})
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ConfigError(f"基线文件 {path} 无法读取：{error}") from error


def write_baseline(results: list[ReportResult], path: Path) -> int:
    entries = [{"fingerprint": fingerprint(r.report.source, f), "source": Path(r.report.source).name,
                "code": f.code, "message": f.message} for r in results for f in r.findings]
    path.write_text(json.dumps({"findings": entries}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(entries)
