"""Shared fixtures: where ../shared is, and skipping tests that need it when it is absent."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
REAL = SHARED / "real"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared material lives beside the project)")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return _need(SEEDS)


@pytest.fixture
def real_dir() -> Path:
    return _need(REAL)


@pytest.fixture
def seed_expectations(seeds_dir) -> dict:
    return json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))


# The real-material accuracy table (tests/test_real_truth.py), printed after the run when built.
REAL_ACCURACY = pytest.StashKey[str]()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    table = config.stash.get(REAL_ACCURACY, None)
    if table:
        terminalreporter.write_sep("=", "real-material accuracy (tests/real_truth)")
        terminalreporter.write_line(table)


# The demo round (corpora/sample) audited once per session as README's first command does it.
SAMPLE_ROUND = ROOT / "corpora" / "sample"


@pytest.fixture(scope="session")
def sample_round_out(tmp_path_factory):
    """(completed process, output folder) of `auditor audit corpora/sample --format html --out DIR --notices`."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("reports_out")
    run = subprocess.run([sys.executable, "-m", "auditor", "audit", str(SAMPLE_ROUND), "--format", "html",
                          "--out", str(out), "--notices", "--quiet"], capture_output=True, text=True, cwd=ROOT)
    return run, out
