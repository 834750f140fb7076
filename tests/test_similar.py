"""`auditor similar` and the reuse key of `auditor audit --format json`."""
from __future__ import annotations

import csv
import json
import warnings
from pathlib import Path

from typer.testing import CliRunner

from auditor.cli import app
from auditor.corpus.reuse import ReuseAnalysis
from auditor.corpus.parameters import ReuseParameters
from auditor.output.similar_files import write_similar
from auditor.parse import read_report

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "formats"
IDS = ("d22_shiqiao_2024", "d23_jiangnan_2024", "s01_liuhe_2023", "s05_linjiang_2023", "s06_linjiang_2024")
FILES = [str(SAMPLE / f"{stem}.txt") for stem in IDS]


def test_similar_writes_matrix_pairs_and_charts(tmp_path):
    result = CliRunner().invoke(app, ["similar", *FILES, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "RE601" in result.output
    for name in ("similarity.csv", "pairs.csv", "pairs.json", "heatmap.png", "heatmap.svg",
                 "dendrogram.png", "dendrogram.svg"):
        assert (tmp_path / name).stat().st_size > 100, name
    raw = (tmp_path / "similarity.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads the Chinese names
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == len(IDS) + 1 and len(rows[0]) == len(IDS) + 2
    assert "青川县石桥镇" in rows[0]
    assert any(row[0] == "临澜市人民政府2024" for row in rows[1:])  # same body twice: the year is shown
    pairs = json.loads((tmp_path / "pairs.json").read_text(encoding="utf-8"))["pairs"]
    reuse = [p for p in pairs if p["kind"] == "reuse"]
    assert len(reuse) == 1 and {Path(reuse[0]["a"]).stem, Path(reuse[0]["b"]).stem} == set(IDS[:2])
    listed = list(csv.reader((tmp_path / "pairs.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert any("段落雷同" in row and "信息发布审核环节" in row[-1] for row in listed[1:])


def test_charts_draw_chinese_names_without_missing_glyphs(tmp_path):
    analysis = ReuseAnalysis([read_report(f) for f in FILES], ReuseParameters())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        write_similar(analysis, tmp_path)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert not missing, missing


def test_similar_without_reports_exits_2(tmp_path):
    result = CliRunner().invoke(app, ["similar", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "没有找到" in result.output


def test_audit_json_carries_the_reuse_analysis(tmp_path):
    result = CliRunner().invoke(app, ["audit", *FILES, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    assert set(data["reuse"]) >= {"parameters", "matrix", "pairs", "boilerplate"}
    assert any(f["code"] == "RE601" for r in data["reports"] for f in r["findings"])
    config = tmp_path / "auditor.toml"
    config.write_text('ignore = ["RE"]\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", *FILES, "--format", "json", "--config", str(config)])
    assert "reuse" not in json.loads(result.stdout)


def test_reuse_parameters_come_from_the_configuration(tmp_path):
    config = tmp_path / "auditor.toml"
    config.write_text("[reuse]\nmin_chars = 400\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", *FILES, "--format", "json", "--config", str(config)])
    data = json.loads(result.stdout)
    assert data["reuse"]["parameters"]["min_chars"] == 400
    assert not any(f["code"] == "RE601" for r in data["reports"] for f in r["findings"])
    config.write_text("[reuse]\nmin_charz = 4\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", *FILES, "--config", str(config)])
    assert result.exit_code == 2 and "min_charz" in result.output
