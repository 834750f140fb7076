"""The per-file stage on a Dask cluster gives the same audit as a local run (#15)."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "formats"


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=40) as local:
        yield local


def _audit(out: Path, files: list[str], *extra: str) -> bytes:
    result = CliRunner().invoke(app, ["audit", *files, "--format", "json", "--out", str(out), "--quiet", *extra])
    assert result.exit_code in (0, 1), result.output
    return (out / "audit.json").read_bytes()


def test_local_cluster_gives_the_local_json(cluster, tmp_path):
    files = sorted(str(p) for p in SAMPLE.glob("*.txt"))  # every body once, planted copies included
    files += [str(p) for p in sorted(SAMPLE.glob("*.docx"))[:1] + sorted(SAMPLE.glob("*.pdf"))[1:2]]
    files.append(str(tmp_path / "missing.txt"))  # unreadable: IN001 from the worker as locally
    local = _audit(tmp_path / "local", files, "--jobs", "1")
    remote = _audit(tmp_path / "remote", files, "--scheduler", cluster.scheduler_address)
    assert b'"IN001"' in local and b'"RE60' in local  # per-file and corpus findings both present
    assert remote == local


def test_the_configs_limits_reach_the_cluster_workers(cluster):
    """The per-file limits travel with the config to the workers (processes of their own)."""
    from dataclasses import replace

    from auditor.cluster import audit_files_on_cluster
    from auditor.config import Config
    from auditor.engine import selected_rules
    from auditor.limits import Limits

    files = [str(p) for p in sorted(SAMPLE.glob("*.txt"))[:2]]
    rules = selected_rules(Config())
    small = audit_files_on_cluster(files, rules, Config(limits=replace(Limits(), max_bytes=100)), cluster.scheduler_address)
    assert all(r.report.error_code == "IN001" and "过大" in r.report.error for r in small)
    default = audit_files_on_cluster(files, rules, Config(), cluster.scheduler_address)
    assert not any(r.report.error for r in default)


def test_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr("auditor.cluster.CONNECT_TIMEOUT", "2s")
    result = CliRunner().invoke(app, ["audit", str(next(SAMPLE.glob("*.txt"))), "--format", "json",
                                      "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:9", "--quiet"])
    assert result.exit_code == 2 and "无法连接 Dask 调度器" in result.output
