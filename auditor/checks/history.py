"""HI — the same body's consecutive reports in one batch must agree (carry-over, documents in force).

Bodies are matched by normalised name (「人民政府」「办事处」 and spaces dropped) and kind; a name
that repeats another with its superior places before it (「淮安市洪泽区」, 「洪泽区」) is the same body.
"""
from __future__ import annotations

import re

from auditor.batch import Batch
from auditor.model import Report
from auditor.checks.relations import broken
from auditor.registry import rule

_MIN_BODY_NAME = 3  # a shorter name (「城区」) is too common to join to a longer one


def body_key(report: Report) -> tuple[str, str] | None:
    if not report.agency:
        return None
    name = re.sub(r"\s+", "", report.agency)
    for suffix in ("人民政府办公室", "人民政府", "办事处"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name.removesuffix(suffix)
            break
    return name, report.agency_kind


def canonical_bodies(keys) -> dict[tuple[str, str], tuple[str, str]]:
    """Body keys → one key per body: a body named without the superior places before it
    (洪泽区 beside 淮安市洪泽区, same kind) is the body of the longer name."""
    names = sorted({k for k in keys if k}, key=lambda k: (-len(k[0]), k))
    canonical: dict[tuple[str, str], tuple[str, str]] = {}
    longest_with_suffix: dict[tuple[str, str], tuple[str, str]] = {}  # (ending, kind) → first longer key
    for key in names:
        longer = longest_with_suffix.get(key) if len(key[0]) >= _MIN_BODY_NAME else None
        canonical[key] = canonical[longer] if longer else key
        name, kind = key
        for size in range(_MIN_BODY_NAME, len(name)):
            longest_with_suffix.setdefault((name[-size:], kind), key)
    return canonical


def consecutive_pairs(reports: list[Report]):
    """(previous, current) for every body that has reports for years Y-1 and Y in the batch.

    A batch may hold one report in several formats (txt and html); each version of year Y is
    paired with a version of Y-1, the same format preferred.
    """
    by_body: dict[tuple, dict[int, list[Report]]] = {}
    bodies = canonical_bodies(body_key(r) for r in reports)
    for report in reports:
        key = body_key(report)
        if key is not None and report.year is not None and not report.error:
            by_body.setdefault(bodies[key], {}).setdefault(report.year, []).append(report)
    for years in by_body.values():
        for year, versions in sorted(years.items()):
            earlier = years.get(year - 1)
            if not earlier:
                continue
            for current in versions:
                same_format = [r for r in earlier if r.format == current.format]
                yield (same_format or earlier)[0], current


@rule("HI701", "carry-over-mismatch", "error", corpus=True)
def carry_over_mismatch(batch: Batch):
    """This year's 上年结转 differs from the previous report's 结转下年度继续办理 (same body).

    问题：本年度表三「上年结转政府信息公开申请数量」与同一机关上一年度报告的「结转下年度继续办理」不一致。
    为何重要：上一年结转的申请必须在本年接续办理，两者不一致说明其中一年的数据有误。
    示例：2023 年度报告结转下年度 3 件，2024 年度报告上年结转却为 0。
    依据：国办公开办函〔2021〕30号 表三（第二项「上年结转」与上一年度第四项「结转下年度继续办理」相衔接）。
    """
    for previous, current in consecutive_pairs(batch.reports):
        for hit in broken(current, "HI701", previous):
            yield current, hit


@rule("HI702", "in-force-drift", "info", corpus=True)
def in_force_drift(batch: Batch):
    """现行有效件数 does not follow from last year's figure + 本年制发 − 本年废止 (soft).

    问题：表二「现行有效件数」与上一年度现行有效件数加本年制发、减本年废止的结果不一致。
    为何重要：可能是制发、废止或现行有效数统计口径有误；也可能是清理文件未在报告中说明，属提示。
    示例：上年现行有效 20 件，本年制发 3 件、废止 1 件，本年现行有效却填 30 件。
    依据：国办公开办函〔2021〕30号 表二（第二十条第（一）项）。
    """
    for previous, current in consecutive_pairs(batch.reports):
        for hit in broken(current, "HI702", previous):
            yield current, hit
