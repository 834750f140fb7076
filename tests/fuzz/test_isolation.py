"""Hostile files cost nobody else: the sample reports audited together with one input of each
hostile class get the same per-report findings and scores as audited alone."""
from __future__ import annotations

import os

from fuzz_inputs import SAMPLE, inputs

from auditor.engine import audit
from auditor.parse import read_report

GOOD_PREFIX = "d0"
# The corpus families compare reports with each other by design (a new body in the batch is a
# new candidate for reuse, and shifts which sentences are the batch's boilerplate): they are
# compared apart, below.
CORPUS_FAMILIES = ("RE", "HI")


def _view(results):
    return {r.report.source: (r.score, sorted((f.code, f.message, f.location.start or -1) for f in r.findings
                                               if not f.code.startswith(CORPUS_FAMILIES)))
            for r in results}


def test_one_hostile_file_of_each_class_changes_no_good_report(tmp_path):
    good = [read_report(p) for p in sorted(SAMPLE.glob(f"{GOOD_PREFIX}*"))]
    hostile_paths = []
    seen = set()
    for item in inputs():
        if item.kind in seen or item.name.startswith(GOOD_PREFIX.encode()):
            continue  # one per class, none a copy of a good report
        seen.add(item.kind)
        path = os.fsencode(tmp_path) + b"/" + item.name.replace(b"/", b"_")
        with open(path, "wb") as handle:
            handle.write(item.data)
        hostile_paths.append(path)
    assert len(seen) == len({i.kind for i in inputs()})
    hostile = [read_report(os.fsdecode(p)) for p in hostile_paths]
    alone = audit(good)
    mixed = audit(good[:5] + hostile + good[5:])
    together = {source: view for source, view in _view(mixed).items() if source in _view(alone)}
    assert together == _view(alone)
    assert len(mixed) == len(good) + len(hostile)
