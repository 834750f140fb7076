"""The round's summary: what a supervisor reads first, on the overview page and in the 通报.

Computed from the body summaries of a stored batch only: counts, the score distribution, the
most common problems (by how many reports have them), the bodies that need attention, and —
when the batch holds two years of the same bodies — each body's year beside its previous one
(score then and now, problems fixed, repeated and new).

The round is what the supervisor audits now: when a body's report of the year before its latest
is in the batch too, that earlier report is there for the comparison only — it is not counted,
ranked or sent a notice again (it was last year's round). A batch of one year is a round whole.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from auditor.output.batch_view import SEVERITY_RANK, BodySummary

# (label, lowest score of the band); a band holds scores from its bound up to the previous bound
SCORE_BANDS = (("90–100 分", 90), ("80–89 分", 80), ("60–79 分", 60), ("60 分以下", 0))
ATTENTION_SCORE = 60  # below it (or with an error) a body needs attention


@dataclass(frozen=True)
class CommonProblem:
    code: str
    severity: str
    summary: str
    reports: int  # reports with the problem
    findings: int


@dataclass(frozen=True)
class YearPair:
    """One body's report of the later year beside its report of the year before."""
    name: str
    then: BodySummary
    now: BodySummary

    def _codes(self, body: BodySummary) -> set[str]:
        return {f["code"] for f in body.findings}

    @property
    def fixed(self) -> list[str]:
        return sorted(self._codes(self.then) - self._codes(self.now))

    @property
    def repeated(self) -> list[str]:
        return sorted(self._codes(self.then) & self._codes(self.now))

    @property
    def new(self) -> list[str]:
        return sorted(self._codes(self.now) - self._codes(self.then))

    @property
    def change(self) -> int | None:
        if self.then.score is None or self.now.score is None:
            return None
        return self.now.score - self.then.score


class RoundSummary:
    """`batch`: every report of the stored batch; `bodies`: the round (the batch without the
    reports kept for the comparison, `previous`)."""

    def __init__(self, bodies: list[BodySummary], rules: dict | None = None):
        self.batch = bodies
        self._rules = rules if rules is not None else _load_rules()
        earlier = {(pair.name, pair.then.year) for pair in self.year_pairs}
        self.previous = [b for b in bodies if (b.agency, b.year) in earlier]
        self.bodies = [b for b in bodies if (b.agency, b.year) not in earlier]

    @cached_property
    def counts(self) -> Counter:
        totals: Counter = Counter()
        for body in self.bodies:
            totals.update(body.counts)
        return totals

    @property
    def reports(self) -> int:
        return len(self.bodies)

    @cached_property
    def unreadable(self) -> int:
        return sum(1 for b in self.bodies if any(f["code"] in ("IN001", "IN002") for f in b.findings))

    @cached_property
    def with_errors(self) -> int:
        return sum(1 for b in self.bodies if b.counts["error"])

    @cached_property
    def clean(self) -> int:
        return sum(1 for b in self.bodies if not b.counts["error"] and not b.counts["warning"])

    @cached_property
    def mean_score(self) -> float | None:
        scores = [b.score for b in self.bodies if b.score is not None]
        return round(sum(scores) / len(scores), 1) if scores else None

    @cached_property
    def score_bands(self) -> list[tuple[str, int]]:
        """(band, number of reports) from the best band down, then the reports with no score."""
        counted = Counter(next(label for label, low in SCORE_BANDS if b.score >= low)
                          for b in self.bodies if b.score is not None)
        bands = [(label, counted[label]) for label, _ in SCORE_BANDS]
        unscored = sum(1 for b in self.bodies if b.score is None)
        return bands + ([("未计算", unscored)] if unscored else [])

    def common_problems(self, limit: int = 8) -> list[CommonProblem]:
        """The codes found in most reports, the more serious first on ties."""
        reports: Counter = Counter()
        findings: Counter = Counter()
        severity: dict[str, str] = {}
        for body in self.bodies:
            codes = {f["code"] for f in body.findings}
            reports.update(codes)
            for f in body.findings:
                findings[f["code"]] += 1
                severity.setdefault(f["code"], f["severity"])
        ranked = sorted(reports, key=lambda c: (-reports[c], -SEVERITY_RANK.get(severity[c], 0), c))
        return [CommonProblem(code, severity[code], self.summary(code), reports[code], findings[code])
                for code in ranked[:limit]]

    def summary(self, code: str) -> str:
        rule = self._rules.get(code)
        return rule.summary if rule else ""

    @cached_property
    def ranking(self) -> list[BodySummary]:
        """Every report by score, lowest first (no score first of all), then by errors and name."""
        return sorted(self.bodies, key=lambda b: (b.score if b.score is not None else -1, -b.counts["error"],
                                                  -b.counts["warning"], b.name, b.year or 0))

    def attention(self, limit: int | None = 10) -> list[BodySummary]:
        """The reports with an error or a score below 60, the lowest score first."""
        needing = [b for b in self.ranking if b.counts["error"] or b.score is None or b.score < ATTENTION_SCORE]
        return needing if limit is None else needing[:limit]

    @cached_property
    def to_correct(self) -> list[BodySummary]:
        """The reports with an error or a warning: each gets a rectification notice."""
        return [b for b in self.ranking if b.counts["error"] or b.counts["warning"]]

    @cached_property
    def year_pairs(self) -> list[YearPair]:
        """Each body found in two years: its latest report beside the one of the year before
        (one report per body and year; the same report in several formats counts once)."""
        by_body: dict[str, dict[int, BodySummary]] = {}
        for body in self.batch:
            if body.agency and body.year:
                by_body.setdefault(body.agency, {}).setdefault(body.year, body)
        pairs = []
        for name, years in sorted(by_body.items()):
            latest = max(years)
            if latest - 1 in years:
                pairs.append(YearPair(name, years[latest - 1], years[latest]))
        return pairs

    @cached_property
    def year_totals(self) -> dict | None:
        """The round against the year before, over the bodies found in both."""
        pairs = self.year_pairs
        if not pairs:
            return None
        changes = [p.change for p in pairs if p.change is not None]

        def mean(values):
            return round(sum(values) / len(values), 1) if values else None

        return {"bodies": len(pairs), "years": sorted({(p.then.year, p.now.year) for p in pairs}),
                "mean_then": mean([p.then.score for p in pairs if p.then.score is not None]),
                "mean_now": mean([p.now.score for p in pairs if p.now.score is not None]),
                "better": sum(1 for c in changes if c > 0), "worse": sum(1 for c in changes if c < 0),
                "same": sum(1 for c in changes if c == 0),
                "fixed": sum(len(p.fixed) for p in pairs), "repeated": sum(len(p.repeated) for p in pairs),
                "new": sum(len(p.new) for p in pairs)}


def _load_rules() -> dict:
    from auditor.registry import load_rules

    return load_rules()
