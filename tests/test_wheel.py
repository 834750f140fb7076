"""A non-editable install works without the checkout: the wheel carries the model and every
data file, and an audit from it decides elements with the classifier as the checkout does.

The wheel is built from a copy of only `pyproject.toml`, `README.md` and `auditor/` (what a
clean checkout gives the build), installed with `--no-deps` into a fresh venv outside the
project; the venv sees the test venv's libraries through a `.pth` line (not the test venv's
editable `auditor`, whose own `.pth` hook is not run from there), so what is audited is the
wheel's contents. Runs in CI as part of the suite.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from auditor.output.audit_json import audit_to_json

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "formats"
SEEDS = ROOT.parent / "shared" / "seeds"
CLASSIFIER_CODES = {"NA301", "NA302", "NA303", "NA304", "NA305", "NA311", "NA312"}


def _run(*command, **options) -> subprocess.CompletedProcess:
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True, **options)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The `auditor` command of a fresh venv holding only the wheel."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "auditor", source / "auditor", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", work / "dist", source)
    wheel = next((work / "dist").glob("gov_report_auditor-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"auditor/models/element_classifier.joblib", "auditor/models/element_classifier.card.json",
            "auditor/rules/user_words.txt", "auditor/output/templates/index.html"} <= names
    assert not any(n.startswith(("auditor/synth/", "synth/", "tools/")) for n in names), "development tools shipped"
    venv = work / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    _run(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "-q", "--no-deps", wheel)
    purelib = Path(_run(venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
                   .stdout.strip())
    (purelib / "test_venv_libraries.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    where = _run(venv / "bin" / "python", "-c", "import auditor; print(auditor.__file__)", cwd=work).stdout.strip()
    assert Path(where).is_relative_to(venv), where
    return venv / "bin" / "auditor"


def _audit(auditor: Path, files: list[Path], cwd: Path) -> dict:
    return json.loads(_run(auditor, "audit", *files, "--format", "json", "--quiet", cwd=cwd).stdout)


def _decided(report: dict) -> list:
    return [(f["code"], f["message"], f.get("evidence")) for f in report["findings"]], report["elements"]


def _checkout_audit(files: list[Path]) -> dict:
    from auditor.config import Config
    from auditor.engine import audit
    from auditor.parse import read_report

    return audit_to_json(audit([read_report(f) for f in files], Config()), {})


@pytest.fixture
def sample_report(tmp_path) -> Path:
    """A sample report without its 主动公开 topic and with 平台建设 said in words no keyword rule
    knows: the first missing by the classifier's verdict, the second present by it."""
    lines = next(SAMPLE.glob("s01_*.txt")).read_text(encoding="utf-8").split("\n")
    active = lines.index("（一）主动公开")
    del lines[active:active + 2]
    platform = lines.index("（四）政府信息公开平台建设")
    lines[platform:platform + 2] = ["群众可在乡便民服务大厅的自助终端和乡政府微信号上随时查阅本乡发布的各类文件。"]
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_wheel_audits_with_the_classifier_as_the_checkout_does(installed, sample_report):
    got = _audit(installed, [sample_report], sample_report.parent)["reports"][0]
    decided = {e["element"]: e for e in got["elements"]}  # the JSON names the element; its code is its rule's
    assert decided["platform"]["status"] == "present" and decided["platform"]["by"] == "classifier"
    na301 = next(f for f in got["findings"] if f["code"] == "NA301")
    assert 0 <= na301["evidence"]["probability"] <= 1 and na301["evidence"]["threshold"] > 0
    assert na301["evidence"]["sentence"]
    assert _decided(got) == _decided(_checkout_audit([sample_report])["reports"][0])


def test_wheel_gives_seed_na_findings_their_classifier_evidence(installed, tmp_path):
    if not SEEDS.exists():
        pytest.skip(f"{SEEDS} is absent (the shared material lives beside the project)")
    seeds = sorted(SEEDS.glob("*.txt"))
    reports = _audit(installed, seeds, tmp_path)["reports"]
    classified = [(r, f) for r in reports for f in r["findings"] if f["code"] in CLASSIFIER_CODES]
    assert classified, "no NA finding of a classifier-backed element on the seeds"
    for report, finding in classified:
        decided = next(e for e in report["elements"] if e["element"] == finding["evidence"]["element"])
        if decided["by"] == "classifier":
            evidence = finding["evidence"]
            assert 0 <= evidence["probability"] <= 1 and evidence["threshold"] > 0 and evidence["sentence"]
    assert any(f["evidence"].get("probability") is not None for _, f in classified)
    assert [_decided(r) for r in reports] == [_decided(r) for r in _checkout_audit(seeds)["reports"]]


def test_an_install_without_its_model_stops_loudly(installed, sample_report):
    """With the model gone from the install the audit exits 2 saying why; it never runs without it."""
    report, tmp_path = sample_report, sample_report.parent
    where = _run(installed.parent / "python", "-c", "import auditor.models as m; print(m.__file__)", cwd=tmp_path)
    model = Path(where.stdout.strip()).parent / "element_classifier.joblib"
    hidden = model.with_suffix(".hidden")
    model.rename(hidden)
    try:
        done = subprocess.run([installed, "audit", report, "--quiet"], capture_output=True, text=True, cwd=tmp_path)
        ignored = subprocess.run([installed, "audit", report, "--quiet", "--ignore", "NA"], capture_output=True,
                                 text=True, cwd=tmp_path)
    finally:
        hidden.rename(model)
    assert done.returncode == 2 and "模型缺失" in done.stderr and not done.stdout
    assert ignored.returncode in (0, 1) and "模型缺失" not in ignored.stderr
