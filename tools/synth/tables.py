"""True table values for a sample report: every relation of format.md §5 holds by construction.

The generator draws the cells no relation determines (new, carried and carried-forward requests,
the results, table 四's four results, documents issued and repealed); every total is then set by
the template's relations (`auditor.template.relations.solve`), never by arithmetic of its own.
Values have the JSON shape of interfaces.md §2. Planted table defects are applied afterwards by
`synth.defects`, which records what it changed.
"""
from __future__ import annotations

import random
from typing import Any

from synth.labels import request_rows, result_rows
from auditor.template import LATEST, version
from auditor.template.relations import solve

# Applicants per column, relative: natural persons dominate, then firms.
_COLUMN_WEIGHTS = (70, 15, 2, 3, 6, 4)
# How handled requests are spread over the result rows (others get the remainder rarely).
_RESULT_WEIGHTS = {"3.1": 50, "3.2": 12, "3.3.4": 2, "3.3.6": 2, "3.4.1": 18, "3.4.2": 2, "3.4.3": 3,
                   "3.5.1": 3, "3.5.2": 3, "3.6.1": 3, "3.6.3": 2, "3.6": 5}

# Typical yearly requests by kind: (low, high).
_SCALE = {"township": (0, 6), "street": (0, 12), "county": (20, 160), "city": (200, 3200),
          "province": (300, 1500), "department": (5, 120)}


def requests_table(rng: random.Random, template: str, kind: str, carried: list[int] | None = None) -> dict[str, Any]:
    """Table 三: new + carried = handled + carried forward in every column, row totals exact."""
    low, high = _SCALE[kind]
    new_total = rng.randint(low, high)
    new = _spread(rng, new_total, _COLUMN_WEIGHTS)
    if carried is None:
        carried = _spread(rng, rng.randint(0, max(0, high // 20)), _COLUMN_WEIGHTS)
    table = version(template).tables["requests"]
    applicants = [c.key for c in table.columns if c is not table.total_column]
    drawn: dict[tuple[str, str, str], int] = {}
    results = result_rows(template)
    weights = [_RESULT_WEIGHTS.get(k, 0) for k in results]
    for column, key in enumerate(applicants):
        drawn[("requests", "1", key)], drawn[("requests", "2", key)] = new[column], carried[column]
        available = new[column] + carried[column]  # the requests to share out: how many are handled, how many wait
        handled = available - (rng.randint(0, available // 10) if available else 0)
        for row, count in zip(results, _spread(rng, handled, weights)):
            drawn[("requests", row, key)] = count
    cells = solve(template, drawn)  # （七）总计, 四、结转下年度 and the 总计 column by the relations
    return {"columns": [c.key for c in table.columns],
            "rows": {row: [cells[("requests", row, c.key)] for c in table.columns] for row in request_rows(template)}}


def review_table(rng: random.Random, kind: str) -> dict[str, list[int]]:
    """Table 四: each group's total is the sum of its four results."""
    high = {"township": 0, "street": 1, "county": 6, "city": 60, "province": 40, "department": 4}[kind]
    layout = LATEST.tables["review_litigation"]
    results = [c.key for c in layout.columns if c is not layout.total_column]
    drawn = {("review_litigation", group, key): rng.randint(0, high) if rng.random() < 0.6 else 0
             for group in layout.row_keys for key in results}
    cells = solve(LATEST.key, drawn)  # each group's 总计 by its relation
    return {group: [cells[("review_litigation", group, c.key)] for c in layout.columns] for group in layout.row_keys}


def active_table(rng: random.Random, template: str, kind: str, previous: dict[str, Any] | None = None) -> dict[str, Any]:
    """Table 二; with `previous` (last year's table) 现行有效 follows last year + 制发 − 废止."""
    makes_rules = kind in ("province", "city")
    big = kind in ("city", "province", "county")
    if template == LATEST.key:
        regulations = _in_force(rng, previous, "regulations", 3 if makes_rules else 0)
        normative = _in_force(rng, previous, "normative_documents", 20 if big else 4)
        fee = "0" if kind in ("township", "street") else _amount(rng, big)
        return {"regulations": regulations, "normative_documents": normative,
                "licensing": rng.randint(0, 900 if big else 40), "punishment": rng.randint(0, 400 if big else 12),
                "coercion": rng.randint(0, 30 if big else 3), "admin_fees": fee}
    made = rng.randint(0, 3) if makes_rules else 0
    documents = rng.randint(0, 15 if big else 3)
    return {
        "regulations": [made, made, made + rng.randint(0, 40) * int(makes_rules)],
        "normative_documents": [documents, documents, documents + rng.randint(0, 120)],
        "licensing": _projects(rng, big), "other_services": _projects(rng, big),
        "punishment": _projects(rng, big), "coercion": _projects(rng, False),
        "admin_fees": _projects(rng, False)[:2],
        "procurement": [rng.randint(0, 30 if big else 3), f"{rng.randint(0, 900)}.{rng.randint(0, 99):02d}万元"],
    }


def zero_requests(template: str) -> dict[str, Any]:
    columns = [c.key for c in version(template).tables["requests"].columns]
    return {"columns": columns, "rows": {key: [0] * len(columns) for key in request_rows(template)}}


def _in_force(rng: random.Random, previous: dict[str, Any] | None, key: str, high: int) -> list[int]:
    """One row of 规章 or 规范性文件: 现行有效 by its relation across years (last year's, or a
    drawn one for a body's first report, + issued − repealed)."""
    columns = [c.key for c in LATEST.tables["active"].columns_of(key)]
    issued = rng.randint(0, high)
    last = previous[key][columns.index("in_force")] if previous else rng.randint(0, high * 8)
    repealed = rng.randint(0, min(last, max(1, high // 3)))
    cells = solve(LATEST.key, {("active", key, "issued"): issued, ("active", key, "repealed"): repealed},
                  previous={("active", key, "in_force"): last})
    return [cells[("active", key, column)] for column in columns]


def _projects(rng: random.Random, big: bool) -> list[int]:
    previous = rng.randint(0, 80 if big else 10)
    change = rng.randint(-min(previous, 3), 5)
    return [previous, change, rng.randint(0, 500 if big else 20)]


def _amount(rng: random.Random, big: bool) -> str:
    places = rng.choice((0, 2, 4, 6))
    value = rng.uniform(0, 900 if big else 30)
    return f"{value:.{places}f}"


def _spread(rng: random.Random, total: int, weights) -> list[int]:
    """`total` split over len(weights) parts at random, in proportion to the weights."""
    parts = [0] * len(weights)
    if total and sum(weights):
        for index in rng.choices(range(len(weights)), weights=weights, k=total):
            parts[index] += 1
    return parts
