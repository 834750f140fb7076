"""Reuse detection at scale: recall and false pairs on planted copies, time and peak memory.

Usage: python benchmarks/reuse_scale.py [--sizes 2000,1000,5000,10000] [--copies-per-1000 50]
Each size runs in a fresh process: N generated reports (N/4 fictional townships and streets,
four consecutive years each, `synth`), of which 2 × C carry a planted copy: a distinct
passage written by one body and printed by another with its name swapped in and a figure
changed (synth.copies), C = N × copies-per-1000 / 1000 (100 at 2,000). Reports are
rendered as text and parsed in memory; the timed part is the reuse analysis of the batch (the
computation RE601–RE603 share). Recall = planted pairs found as reuse; false pairs = reported
cross-body pairs that were not planted, as a share of all reported ones.
"""
from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from dataclasses import replace

from auditor.corpus.parameters import ReuseParameters
from auditor.corpus.reuse import ReuseAnalysis
from auditor.ingest.txt import read_txt
from auditor.parse import parse_document
from synth.bodies import random_bodies
from synth.build import LAYOUTS, build_spec
from synth.copies import distinct_passage, lightly_edited
from synth.render_text import render_text
from synth.spec import Block

_SLOTS = ("（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障")


def _with_passage(spec, slot: str, text: str):
    blocks = list(spec.blocks)
    at = next(i for i, b in enumerate(blocks) if b.kind == "subheading" and b.text == slot) + 1
    blocks[at] = Block("para", text)
    return replace(spec, blocks=tuple(blocks))


def generate(count: int, copies: int, seed: int = 7):
    """(reports, planted pairs of sources) for a batch of `count` reports."""
    rng = random.Random(seed)
    bodies = random_bodies(count // 4 + 1, seed)
    specs = []
    for index in range(count):
        body = bodies[index // 4]
        start = random.Random(f"{seed}:{body.key}").randint(2019, 2022)
        specs.append(build_spec(f"r{index:05d}", body, start + index % 4, layout=rng.choice(LAYOUTS), seed=seed))
    order = iter(rng.sample(range(count), count))
    planted, used = set(), set()
    while len(planted) < copies:
        source, target = next(order), next(order)
        if specs[source].body.key == specs[target].body.key:
            continue
        own, other = specs[source].body.short, specs[target].body.short
        passage = distinct_passage(rng, own, used)
        specs[source] = _with_passage(specs[source], rng.choice(_SLOTS), passage)
        specs[target] = _with_passage(specs[target], rng.choice(_SLOTS), lightly_edited(passage, own, other, rng))
        planted.add(frozenset((f"{specs[source].id}.txt", f"{specs[target].id}.txt")))
    reports = [parse_document(read_txt(f"{spec.id}.txt", render_text(spec).encode("utf-8"))) for spec in specs]
    return reports, planted


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(count: int, per_thousand: int) -> None:
    copies = count * per_thousand // 1000
    reports, planted = generate(count, copies)
    before = _rss_mib()
    started, cpu = time.perf_counter(), time.process_time()
    analysis = ReuseAnalysis(reports, ReuseParameters())
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    reported = {frozenset((p.a.report.source, p.b.report.source)) for p in analysis.pairs
                if p.kind in ("reuse", "near_duplicate")}
    found = len(planted & reported)
    false = len(reported - planted)
    print(f"{count:>6} reports ({len(analysis.documents)} documents, {len(planted)} planted copies): "
          f"recall {found / len(planted):.3f}, false pairs {false}/{len(reported)} "
          f"({false / max(1, len(reported)):.1%}), same-body pairs {len(analysis.pairs_of('same_body'))}; "
          f"analysis {elapsed:.1f} s (CPU {cpu:.1f} s); peak RSS {before:.0f} MiB before, {_rss_mib():.0f} MiB after", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,1000,5000,10000")
    parser.add_argument("--copies-per-1000", type=int, default=50)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a single size, in this process
    args = parser.parse_args()
    if args.one:
        run_one(args.one, args.copies_per_1000)
        return
    for size in args.sizes.split(","):
        subprocess.run([sys.executable, __file__, "--one", size, "--copies-per-1000", str(args.copies_per_1000)],
                       check=True)


if __name__ == "__main__":
    main()
