"""Whole-process audit throughput at province scale, paired with a read+regex floor.

Usage: python benchmarks/scale.py [--sizes 1000,2000,5000,10000] [--kinds real,generated]
                                  [--jobs 0] [--work DIR] [--pdf-every 0]

Batches are built at run time, never committed:
- real: copies of the seed reports (../shared/seeds) and of the real web-page excerpts that
  are reports (../shared/real/excerpts), each copy with its body renamed (a fictional place
  name swapped in for every mention of the real body's short name), so that each real report
  becomes a cluster of near-identical reports of different bodies — the shape of a province
  where bodies copy each other. With --pdf-every K, every K-th file is one of the real PDFs
  (../shared/real/*.pdf; a PDF cannot be renamed, so its copies are versions of one body).
- generated: `python -m synth`-style reports (distinct bodies, four years each) as txt.

For each batch and --jobs value the benchmark runs, in fresh processes, the floor (one process
that reads every file and runs four regexes) and `auditor audit --format json --out DIR`, and
prints reports/s, the ratio to the floor (by wall time and by CPU time), peak RSS (of the
largest process), JSON size, and the growth factor per doubling of the batch. The machine is
shared: wall times swing with the other load, CPU seconds much less — read the CPU figures and
the ratios, not the absolute wall times; each line gives the 1-minute load average before and
after its audit, so that a figure can be read against the load it was measured under.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
_PLACES = "青禾白沙云栖望川临溪松岭石门柳塘桐源枫桥槐里栗山荷湾秋浦兰渡梅坞竹溪杏林"
_SUFFIXES = ("镇", "乡", "街道")


def _fictional(index: int) -> str:
    rng = random.Random(index)
    return "".join(rng.choice(_PLACES) for _ in range(3)) + f"{index}" + rng.choice(_SUFFIXES)


def real_sources() -> list[tuple[Path, str]]:
    """(file, short body name) of every real text report beside the project."""
    sys.path.insert(0, str(ROOT))
    from auditor.checks.history import body_key
    from auditor.parse import read_report

    files = sorted((SHARED / "seeds").glob("*.txt"))
    index = SHARED / "real" / "excerpts" / "index.jsonl"
    if index.exists():
        for line in index.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            if entry["is_report"]:
                files.append(SHARED / "real" / "excerpts" / f"{entry['id']}.txt")
    sources = []
    for path in files:
        report = read_report(path)
        key = body_key(report)
        sources.append((path, key[0] if key and len(key[0]) >= 2 else ""))
    return sources


def build_real(directory: Path, size: int, pdf_every: int) -> None:
    sources = real_sources()
    pdfs = sorted((SHARED / "real").glob("*.pdf")) if pdf_every else []
    texts = [(p.read_text(encoding="utf-8", errors="replace"), name) for p, name in sources]
    directory.mkdir(parents=True)
    for i in range(size):
        if pdfs and i % pdf_every == pdf_every - 1:
            shutil.copyfile(pdfs[i % len(pdfs)], directory / f"{i:06d}.pdf")
            continue
        text, name = texts[i % len(texts)]
        if name:
            text = text.replace(name, _fictional(i))
        (directory / f"{i:06d}.txt").write_text(text, encoding="utf-8")


def build_generated(directory: Path, size: int) -> None:
    sys.path.insert(0, str(ROOT))
    from synth.bodies import random_bodies
    from synth.build import LAYOUTS, build_spec
    from synth.render_text import render_text

    directory.mkdir(parents=True)
    i = 0
    for body in random_bodies(max(1, -(-size // 4)), seed=7):
        for year in (2021, 2022, 2023, 2024):
            if i == size:
                return
            spec = build_spec(f"g{i:06d}", body, year, layout=LAYOUTS[i % len(LAYOUTS)], seed=i)
            (directory / f"{i:06d}.txt").write_text(render_text(spec), encoding="utf-8")
            i += 1


_FLOOR = r"""
import re, sys
from pathlib import Path
patterns = [re.compile(p) for p in (r"\d+", r"[一二三四五六七八]、", r"年度报告", r"公开")]
hits = 0
for path in sorted(Path(sys.argv[1]).iterdir()):
    text = path.read_bytes().decode("utf-8", "replace")
    for p in patterns:
        hits += len(p.findall(text))
print(hits)
"""


def _floor(batch: Path) -> tuple[float, float]:
    """The read+regex floor: wall and CPU seconds of the fastest of three fresh processes
    (interpreter start included)."""
    best = (float("inf"), float("inf"))
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", _FLOOR, str(batch)], check=True, stdout=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        best = min(best, (wall, cpu), key=lambda pair: pair[1])
    return best


def run(kind: str, size: int, jobs: int, work: Path, pdf_every: int) -> dict:
    batch = work / f"{kind}-{size}"
    if not batch.exists():
        (build_real(batch, size, pdf_every) if kind == "real" else build_generated(batch, size))
    floor, floor_cpu = _floor(batch)
    out = work / f"out-{kind}-{size}-{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "auditor", "audit", str(batch), "--format", "json", "--out", str(out)]
    if jobs:
        command += ["--jobs", str(jobs)]
    # a fresh interpreter measures the peak RSS of this audit alone
    probe = [sys.executable, "-c", "import resource, subprocess, sys; subprocess.run(sys.argv[1:]); "
             "u = resource.getrusage(resource.RUSAGE_CHILDREN); print(u.ru_maxrss, u.ru_utime + u.ru_stime)", *command]
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    done = subprocess.run(probe, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    load = (load_before, os.getloadavg()[0])
    rss, cpu = done.stdout.split() if done.stdout.strip() else ("-1024", "nan")
    peak = int(rss) // 1024
    target = out / "audit.json"
    size_mb = target.stat().st_size / 2**20 if target.exists() else float("nan")
    return {"kind": kind, "reports": size, "jobs": jobs, "seconds": elapsed, "cpu": float(cpu), "floor": floor, "floor_cpu": floor_cpu,
            "per_second": size / elapsed, "ratio": elapsed / floor, "cpu_ratio": float(cpu) / floor_cpu, "rss": peak, "json_mb": size_mb,
            "json": target, "load": load}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,5000,10000")
    parser.add_argument("--kinds", default="real,generated")
    parser.add_argument("--jobs", default="0", help="comma-separated --jobs values to pass, e.g. 1,2 (0: do not pass --jobs)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/auditor-scale"))
    parser.add_argument("--pdf-every", type=int, default=0, help="every K-th real-shaped file is a real PDF (0: none)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    print("| batch | reports | --jobs | wall s | CPU s | reports/s (wall) | reports per CPU s | floor wall / CPU s "
          "| × floor (wall) | × floor (CPU) | peak RSS MiB | JSON MB | × per doubling (wall, CPU) | = --jobs 1 "
          "| load average (1 min) before, after |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for kind in args.kinds.split(","):
        for jobs in (int(j) for j in args.jobs.split(",")):
            previous = None
            for size in sizes:
                row = run(kind, size, jobs, args.work, args.pdf_every)
                growth = ""
                if previous:
                    doublings = math.log2(size / previous["reports"])
                    growth = ", ".join(f"{(row[key] / previous[key]) ** (1 / doublings):.2f}" for key in ("seconds", "cpu"))
                single = args.work / f"out-{kind}-{size}-1" / "audit.json"
                same = "" if jobs == 1 or not single.exists() else (
                    "yes" if single.read_bytes() == row["json"].read_bytes() else "NO")
                print(f"| {kind} | {size} | {jobs} | {row['seconds']:.1f} | {row['cpu']:.1f} | {row['per_second']:.0f} "
                      f"| {size / row['cpu']:.0f} | {row['floor']:.2f} / {row['floor_cpu']:.2f} | {row['ratio']:.0f} "
                      f"| {row['cpu_ratio']:.0f} | {row['rss']} | {row['json_mb']:.1f} | {growth} | {same} "
                      f"| {row['load'][0]:.1f}, {row['load'][1]:.1f} |", flush=True)
                previous = row


if __name__ == "__main__":
    main()
