"""The executor: the per-file stage in forked workers gives the same results as one process,
in input order; a runaway, memory-hungry or crashing file is IN001 and the batch goes on."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from auditor.config import Config
from auditor.engine import selected_rules
from auditor.executor import audit_files
from auditor.limits import Limits
from auditor.parse import read_report

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "formats"
STEMS = ("d01_baisha_2023", "d02_yunxi_2022", "d03_dongcheng_2022", "d22_shiqiao_2024", "d23_jiangnan_2024")


def _batch(tmp_path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    for stem in STEMS:
        for suffix in (".txt", ".html", ".docx", ".pdf"):
            shutil.copy(SAMPLE / f"{stem}{suffix}", folder / f"{stem}{suffix}")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    return folder


def test_jobs_2_writes_the_bytes_jobs_1_writes(tmp_path):
    folder = _batch(tmp_path)
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        run = subprocess.run([sys.executable, "-m", "auditor", "audit", str(folder), "--format", "json", "--out", str(out),
                              "--jobs", jobs, "--quiet"], capture_output=True, text=True)
        assert run.returncode in (0, 1) and "Traceback" not in run.stderr, run.stderr
        outputs.append((out / "audit.json").read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b'"source"') >= len(STEMS) * 4 + 1


# Readers for the tests below: module-level, since the workers inherit them by fork.

def _hangs_on_slow(path: str):
    if "slow" in path:
        time.sleep(3600)
    return read_report(path)


def _hogs_on_hog(path: str):
    if "hog" in path:
        return [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GiB
    return read_report(path)


def _dies_on_die(path: str):
    if "die" in path:
        os.kill(os.getpid(), signal.SIGKILL)
    return read_report(path)




@pytest.mark.parametrize("read, name, seconds, reason", [
    (_hangs_on_slow, "slow.txt", 2, "超过时间上限"),
    (_hogs_on_hog, "hog.txt", 600, "工作进程终止"),
    (_dies_on_die, "die.txt", 600, "工作进程终止"),
])
def test_a_runaway_file_is_in001_and_the_batch_goes_on(tmp_path, read, name, seconds, reason):
    tight = Config(limits=replace(Limits(), seconds=seconds, memory_mib=256))
    files = [str(SAMPLE / "d01_baisha_2023.txt"), str(tmp_path / name), str(SAMPLE / "d02_yunxi_2022.html")]
    Path(files[1]).write_bytes((SAMPLE / "d03_dongcheng_2022.txt").read_bytes())
    rules = selected_rules(Config())
    results = audit_files(files, rules, tight, read, jobs=2)
    alone = audit_files([files[0], files[2]], rules, Config(), read_report, jobs=1)
    assert [r.report.source for r in results] == [files[0], files[1], files[2]]
    assert results[1].report.error_code == "IN001" and reason in results[1].report.error
    for result, expected in zip((results[0], results[2]), alone):
        assert result.findings == expected.findings and result.elements == expected.elements


def test_the_cache_counts_what_the_workers_read_and_reuse(tmp_path):
    from auditor.cache import ReportCache

    files = [str(SAMPLE / f"{stem}.txt") for stem in STEMS]
    rules = selected_rules(Config())
    first = ReportCache(tmp_path / "cache")
    audit_files(files, rules, Config(), first.report, jobs=2)
    second = ReportCache(tmp_path / "cache")
    again = audit_files(files, rules, Config(), second.report, jobs=2)
    assert (first.reads, first.hits, second.reads, second.hits) == (len(files), 0, 0, len(files))
    assert [r.report.source for r in again] == files


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_configs_limits_reach_the_readers_and_go_with_the_run(jobs):
    """Limits travel with the config, in this process and in forked workers: a run with a small
    byte limit calls every file IN001, and a run after it with the defaults reads them all."""
    files = [str(SAMPLE / f"{stem}.txt") for stem in STEMS]
    rules = selected_rules(Config())
    small = audit_files(files, rules, Config(limits=replace(Limits(), max_bytes=100)), read_report, jobs=jobs)
    assert all(r.report.error_code == "IN001" and "过大" in r.report.error for r in small)
    default = audit_files(files, rules, Config(), read_report, jobs=jobs)
    assert not any(r.report.error for r in default)
