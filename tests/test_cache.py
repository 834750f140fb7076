"""The incremental cache: a second run reads nothing unchanged and gives the same JSON; a
resubmitted file is read again."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from auditor import cache as cache_module
from auditor.cli import app

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "formats"
MANIFEST = json.loads((SAMPLE / "manifest.json").read_text(encoding="utf-8"))


def _batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    for entry in MANIFEST["reports"][:6]:
        shutil.copy(SAMPLE / entry["files"]["txt"], folder)
    return folder


def _run(batch: Path, out: Path, cache: Path, monkeypatch) -> tuple[bytes, list[str]]:
    reads = []
    original = cache_module.ReportCache.report

    def counting(self, path):
        before = self.reads
        report = original(self, path)
        if self.reads > before:
            reads.append(Path(path).name)
        return report

    monkeypatch.setattr(cache_module.ReportCache, "report", counting)
    # One process: the reads are counted here (tests/test_executor.py counts them through workers).
    result = CliRunner().invoke(app, ["audit", str(batch), "--format", "json", "--out", str(out), "--cache", str(cache),
                                      "--jobs", "1"])
    assert result.exit_code in (0, 1), result.output
    return (out / "audit.json").read_bytes(), reads


def test_second_run_reads_nothing_unchanged_and_gives_the_same_json(tmp_path, monkeypatch):
    batch, cache = _batch(tmp_path), tmp_path / "cache"
    first, read_first = _run(batch, tmp_path / "one", cache, monkeypatch)
    assert len(read_first) == 6
    second, read_second = _run(batch, tmp_path / "two", cache, monkeypatch)
    assert read_second == []
    assert second == first
    uncached = CliRunner().invoke(app, ["audit", str(batch), "--format", "json", "--out", str(tmp_path / "plain")])
    assert uncached.exit_code in (0, 1)
    assert (tmp_path / "plain" / "audit.json").read_bytes() == first


def test_a_resubmitted_file_is_read_again(tmp_path, monkeypatch):
    batch, cache = _batch(tmp_path), tmp_path / "cache"
    _run(batch, tmp_path / "one", cache, monkeypatch)
    changed = sorted(batch.iterdir())[2]
    changed.write_text(changed.read_text(encoding="utf-8").replace("。", "。\n", 1), encoding="utf-8")
    _, reads = _run(batch, tmp_path / "two", cache, monkeypatch)
    assert reads == [changed.name]


def test_a_damaged_entry_is_read_again(tmp_path, monkeypatch):
    batch, cache = _batch(tmp_path), tmp_path / "cache"
    first, _ = _run(batch, tmp_path / "one", cache, monkeypatch)
    for entry in cache.rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    again, reads = _run(batch, tmp_path / "two", cache, monkeypatch)
    assert len(reads) == 6 and again == first
