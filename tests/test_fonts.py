"""Charts show Chinese glyphs on a fresh machine: a CJK font is found and no glyph is missing."""
from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot  # noqa: E402

import pytest  # noqa: E402

from auditor.output.fonts import FontMissing, cjk_family, use_cjk_font  # noqa: E402


def test_chinese_text_draws_without_missing_glyphs(tmp_path):
    family = use_cjk_font()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure, axes = pyplot.subplots()
        axes.set_title("封丘县居厢镇 政府信息公开工作年度报告 得分分布")
        axes.bar(["主动公开", "依申请公开", "信息处理费"], [3, 2, -1])
        figure.savefig(tmp_path / "chart.png")
        figure.savefig(tmp_path / "chart.svg")
        pyplot.close(figure)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert not missing, missing
    assert family and (tmp_path / "chart.png").stat().st_size > 1000


def test_default_font_would_miss_glyphs(tmp_path):
    """The check above can fail: DejaVu Sans alone does warn on Chinese text."""
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure, axes = pyplot.subplots()
        axes.set_title("政府信息公开")
        figure.savefig(tmp_path / "plain.png")
        pyplot.close(figure)
    assert any("missing from" in str(w.message) for w in caught)


def test_no_cjk_font_is_a_clear_error():
    """Without any CJK family installed the charts stop with a message naming what to install."""
    with pytest.raises(FontMissing, match="fonts-noto-cjk"):
        cjk_family(("No Such Font Family",))
