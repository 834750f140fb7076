"""The curated sample batch (`corpora/sample/`) and random batches for benchmarks.

Every body kind, years 2019–2025, both templates, all four text layouts; clean reports and
reports with planted defects; pairs of the same body in consecutive years (one consistent,
one with a carry-over slip and a narrative repeated from the year before) and two pairs of
bodies sharing a copied passage.
"""
from __future__ import annotations

import random

from synth.bodies import BODIES
from synth.build import LAYOUTS, build_spec
from synth.spec import ReportSpec

# (id, body, year, layout, defects, options). Listed so that a body's earlier year comes first.
SAMPLES: tuple[tuple[str, str, int, str, tuple[str, ...], dict], ...] = (
    ("s01", "liuhe", 2023, "tab", (), {}),
    ("s02", "shiqiao", 2022, "broken_header", (), {}),
    ("s03", "fengze", 2024, "cell_per_line", (), {}),
    ("s04", "qingchuan", 2023, "no_leading_labels", (), {}),
    ("s05", "linjiang", 2023, "tab", (), {}),
    ("s06", "linjiang", 2024, "broken_header", (), {}),
    ("s07", "jiangnan", 2021, "cell_per_line", (), {}),
    ("s08", "ljeco", 2023, "tab", (), {}),
    ("s09", "qchealth", 2020, "no_leading_labels", (), {}),
    ("s10", "ljservice", 2019, "tab", (), {}),
    ("s11", "yunxi", 2025, "broken_header", (), {"zero_requests": True}),
    ("s12", "nanhu", 2021, "cell_per_line", (), {"encoding": "gb18030"}),
    ("d01", "baisha", 2023, "tab", ("TA201",), {}),
    ("d02", "yunxi", 2022, "no_leading_labels", ("TA202",), {}),
    ("d03", "dongcheng", 2022, "tab", ("TA203", "RE601"), {"copied_from": "d05", "passage": 1}),
    ("d04", "qingchuan", 2021, "broken_header", ("TA204",), {}),
    ("d05", "ljeco", 2021, "cell_per_line", ("TA205", "RE601"), {"copied_from": "d03", "passage": 1}),
    ("d06", "nanhu", 2023, "tab", ("TA206",), {"encoding": "utf-8-sig"}),
    ("d07", "liuhe", 2021, "tab", ("TA207",), {}),
    ("d08", "qcoffice", 2022, "no_leading_labels", ("ST101",), {}),
    ("d09", "shiqiao", 2020, "tab", ("ST103", "TX501"), {}),
    ("d10", "baisha", 2021, "cell_per_line", ("ST104",), {}),
    ("d11", "fengze", 2022, "tab", ("ST105",), {}),
    ("d12", "qchealth", 2023, "broken_header", ("ST106", "TX502"), {}),
    ("d13", "ljservice", 2022, "tab", ("NA308",), {"encoding": "utf-16"}),
    ("d14", "qcoffice", 2024, "tab", ("NA307", "NA309", "NA310"), {}),
    ("d15", "liuhe", 2025, "broken_header", ("CO401",), {}),
    ("d16", "baisha", 2025, "tab", ("CO402",), {}),
    ("d17", "yunxi", 2024, "cell_per_line", ("CO403",), {}),
    ("d18", "dongcheng", 2024, "tab", ("CO404",), {}),
    ("d19", "nanhu", 2025, "no_leading_labels", ("CO405",), {}),
    ("d20", "ljeco", 2019, "tab", ("TX503",), {}),
    ("d21", "qingchuan", 2024, "tab", ("HI701", "RE603"), {}),
    ("d22", "shiqiao", 2024, "tab", ("RE601",), {"copied_from": "d23"}),
    ("d23", "jiangnan", 2024, "broken_header", ("RE601",), {"copied_from": "d22"}),
    ("d24", "fengze", 2020, "tab", ("ST102",), {}),
)


def sample_specs() -> list[ReportSpec]:
    """The curated batch, each report chained to the same body's previous year when present."""
    built: dict[tuple[str, int], ReportSpec] = {}
    for report_id, body, year, layout, defects, options in sorted(SAMPLES, key=lambda s: s[2]):
        previous = built.get((body, year - 1))
        built[(body, year)] = build_spec(report_id, body, year, defects=defects, layout=layout,
                                         previous=previous, **options)
    order = {s[0]: i for i, s in enumerate(SAMPLES)}
    return sorted(built.values(), key=lambda spec: order[spec.id])


def random_specs(count: int, seed: int = 0) -> list[ReportSpec]:
    """`count` clean reports of random bodies, years and layouts (for benchmarks)."""
    rng = random.Random(seed)
    keys = sorted(BODIES)
    return [build_spec(f"r{index:05d}", rng.choice(keys), rng.randint(2019, 2025), layout=rng.choice(LAYOUTS),
                       seed=seed) for index in range(count)]
