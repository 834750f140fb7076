"""The fuzz suite of issue #10: thousands of deterministic hostile inputs (tests/fuzz/fuzz_inputs.py).

For each input: the per-file stage (read, parse, every rule) finishes within the per-file time
limit, with its peak memory recorded; and in batches through the command line: exit status 0
or 1, no traceback, valid JSON holding an entry for every file. CI runs every 12th input of
each class; `AUDITOR_FUZZ=all` runs all of them. The counts are printed (README records them).
"""
from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from fuzz_inputs import Input, inputs

from auditor.ingest import source_name
from auditor.limits import limits

STRIDE = 1 if os.environ.get("AUDITOR_FUZZ") == "all" else 12
BATCH = 400
_KILLED_BY_ALARM = -signal.SIGALRM


@pytest.fixture(scope="module")
def chosen() -> list[Input]:
    """Every STRIDE-th input of each class (the first of each class always)."""
    by_kind: dict[str, list[Input]] = {}
    for item in inputs():
        by_kind.setdefault(item.kind, []).append(item)
    return [item for items in by_kind.values() for item in items[::STRIDE]]


@pytest.fixture(scope="module")
def written(chosen, tmp_path_factory) -> list[tuple[Path, list[bytes]]]:
    """The inputs as files, in batch folders of at most BATCH files (paths as bytes)."""
    root = tmp_path_factory.mktemp("fuzz")
    batches = []
    for start in range(0, len(chosen), BATCH):
        folder = root / f"batch{start // BATCH:02d}"
        folder.mkdir()
        paths = []
        for number, item in enumerate(chosen[start:start + BATCH]):
            path = os.fsencode(folder) + b"/" + b"%04d-" % number + item.name.replace(b"/", b"_")
            with open(path, "wb") as handle:
                handle.write(item.data)
            paths.append(path)
        batches.append((folder, paths))
    return batches


def _per_file(path: bytes) -> tuple[int, float, int]:
    """Read, parse and audit one file in a forked child; (status, seconds, peak RSS in KiB).
    The child stops itself at the per-file time limit (a hang shows as SIGALRM)."""
    from auditor.engine import audit
    from auditor.parse import read_report

    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: exit 0 when the stage returned, 3 when it raised
        signal.alarm(limits().seconds)
        try:
            audit([read_report(os.fsdecode(path))])
            os._exit(0)
        except BaseException:
            os._exit(3)
    _, status, usage = os.wait4(pid, 0)
    return os.waitstatus_to_exitcode(status), time.perf_counter() - started, usage.ru_maxrss


def test_every_input_finishes_its_per_file_stage_within_the_limits(chosen, written, capsys):
    from auditor.engine import audit
    from auditor.parse import read_report

    sample = Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "d01_baisha_2023.txt"
    audit([read_report(sample)])  # models loaded before the children fork, as the executor does
    outcomes, failures = Counter(), []
    slowest, largest = (0.0, b""), (0, b"")
    for _, paths in written:
        for path in paths:
            status, seconds, peak = _per_file(path)
            outcome = "hang" if status == _KILLED_BY_ALARM else "ok" if status == 0 else "crash"
            outcomes[outcome] += 1
            if outcome != "ok":
                failures.append((outcome, os.fsdecode(path)))
            slowest = max(slowest, (seconds, path))
            largest = max(largest, (peak, path))
    with capsys.disabled():
        print(f"\nfuzz per-file stage: {len(chosen)} inputs of {len(Counter(i.kind for i in chosen))} classes; "
              f"crashes {outcomes['crash']}, hangs {outcomes['hang']}; slowest {slowest[0]:.1f} s "
              f"({os.fsdecode(Path(os.fsdecode(slowest[1])).name)!r}); largest peak RSS {largest[0] / 1024:.0f} MiB "
              f"({os.fsdecode(Path(os.fsdecode(largest[1])).name)!r})")
    assert not failures
    assert largest[0] < 1536 * 1024


def test_batches_through_the_command_line_lose_no_file(written, capsys):
    worst_seconds, worst_rss = 0.0, 0
    for folder, paths in written:
        out = folder.with_name(folder.name + "-out")
        started = time.perf_counter()
        with open(out.with_suffix(".err"), "wb") as stderr:
            process = subprocess.Popen([sys.executable, "-m", "auditor", "audit", str(folder), "--format", "json",
                                        "--out", str(out), "--quiet"], stdout=subprocess.DEVNULL, stderr=stderr)
            _, status, usage = os.wait4(process.pid, 0)
        worst_seconds = max(worst_seconds, time.perf_counter() - started)
        worst_rss = max(worst_rss, usage.ru_maxrss)
        errors = out.with_suffix(".err").read_text(encoding="utf-8", errors="replace")
        assert os.waitstatus_to_exitcode(status) in (0, 1), errors[-2000:]
        assert "Traceback" not in errors, errors[-2000:]
        audit = json.loads((out / "audit.json").read_text(encoding="utf-8"))
        sources = Counter(entry["source"] for entry in audit["reports"])
        assert sources == Counter(source_name(p) for p in paths)
    with capsys.disabled():
        print(f"\nfuzz batches: {sum(len(p) for _, p in written)} files in {len(written)} batches, every file in valid "
              f"JSON; slowest batch {worst_seconds:.0f} s, largest batch peak RSS {worst_rss / 1024:.0f} MiB")
    assert worst_rss < 1536 * 1024
