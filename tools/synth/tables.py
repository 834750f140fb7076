"""True table values for a sample report: every relation of format.md §5 holds by construction.

Values have the JSON shape of interfaces.md §2. Planted table defects are applied afterwards by
`synth.defects`, which records what it changed.
"""
from __future__ import annotations

import random
from typing import Any

from synth.labels import request_rows, result_rows
from auditor.template import LATEST, TOTAL_ROW

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
    rows: dict[str, list[int]] = {key: [0] * 6 for key in request_rows(template)}
    rows["1"], rows["2"] = new, list(carried[:6])
    results = [k for k in result_rows(template)]
    weights = [_RESULT_WEIGHTS.get(k, 0) for k in results]
    for column in range(6):
        available = new[column] + carried[column]
        forward = rng.randint(0, available // 10) if available else 0
        rows["4"][column] = forward
        for key, count in zip(results, _spread(rng, available - forward, weights)):
            rows[key][column] = count
        rows[TOTAL_ROW][column] = available - forward
    return {"columns": ["natural", "commercial", "research", "social", "legal", "other", "total"],
            "rows": {key: values + [sum(values)] for key, values in rows.items()}}


def review_table(rng: random.Random, kind: str) -> dict[str, list[int]]:
    """Table 四: each group's total is the sum of its four results."""
    high = {"township": 0, "street": 1, "county": 6, "city": 60, "province": 40, "department": 4}[kind]
    table = {}
    for group in ("review", "litigation_direct", "litigation_after_review"):
        four = [rng.randint(0, high) if rng.random() < 0.6 else 0 for _ in range(4)]
        table[group] = four + [sum(four)]
    return table


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
    return {"columns": ["natural", "commercial", "research", "social", "legal", "other", "total"],
            "rows": {key: [0] * 7 for key in request_rows(template)}}


def _in_force(rng: random.Random, previous: dict[str, Any] | None, key: str, high: int) -> list[int]:
    issued = rng.randint(0, high)
    base = previous[key][2] if previous else rng.randint(0, high * 8)
    repealed = rng.randint(0, min(base, max(1, high // 3)))
    return [issued, repealed, base + issued - repealed]


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
