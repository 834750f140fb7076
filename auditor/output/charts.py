"""The batch charts, drawn with matplotlib in a CJK font and saved as PNG and SVG.

Findings by code and by family, the score distribution, element coverage (bodies × elements)
and, when the batch has a reuse analysis, the similarity matrix ordered by its dendrogram.
A chart whose data is absent is not drawn and says why (「未计算」). Output is deterministic:
no dates in the files and a fixed salt for SVG ids.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.output.batch_view import SEVERITY_RANK, BodySummary
from auditor.output.elements import element_label
from auditor.output.fonts import use_cjk_font

_COLOURS = {"error": "#c62828", "warning": "#e69a00", "info": "#1e74c9"}
_COVERAGE = {"present": 1.0, "thin": 0.5, "missing": 0.0}
_MAX_LABELS = 60  # beyond this many bodies, heatmap rows carry no names


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    drawn: bool
    note: str = ""


def write_charts(bodies: list[BodySummary], reuse: dict[str, Any] | None, directory: Path) -> list[Chart]:
    import matplotlib

    use_cjk_font()
    directory.mkdir(parents=True, exist_ok=True)
    plans = [("findings_by_code", "问题数量（按代码）", _by_code, bodies),
             ("findings_by_family", "问题数量（按类别）", _by_family, bodies),
             ("score_distribution", "得分分布", _scores, bodies),
             ("element_coverage", "内容要素覆盖（机关 × 要素）", _coverage, bodies),
             ("similarity", "报告相似度（按聚类排序）", _similarity, reuse)]
    charts = []
    with matplotlib.rc_context({"svg.hashsalt": "auditor", "svg.fonttype": "path"}):
        for name, title, draw, data in plans:
            charts.append(_chart(directory, name, title, draw, data))
    return charts


def _chart(directory: Path, name: str, title: str, draw, data) -> Chart:
    """One chart, drawn and saved; a failure costs this chart only (it says so on the index)."""
    try:
        figure, note = draw(data)
        if figure is None:
            return Chart(name, title, False, note)
        figure.savefig(directory / f"{name}.png", dpi=110, metadata={"Software": None})
        figure.savefig(directory / f"{name}.svg", metadata={"Date": None})
    except Exception as error:  # whatever the data, the index and the other charts still appear
        for suffix in ("png", "svg"):
            (directory / f"{name}.{suffix}").unlink(missing_ok=True)
        return Chart(name, title, False, f"图表绘制失败（{type(error).__name__}），其余结果不受影响。")
    return Chart(name, title, True)


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _by_code(bodies: list[BodySummary]):
    findings = [f for body in bodies for f in body.findings]
    if not findings:
        return None, "本批次没有发现问题。"
    by_code = Counter(f["code"] for f in findings)
    severity: dict[str, str] = {}  # the most serious grade each code was given
    for finding in findings:
        if SEVERITY_RANK.get(finding["severity"], 0) > SEVERITY_RANK.get(severity.get(finding["code"], ""), 0):
            severity[finding["code"]] = finding["severity"]
    codes = sorted(by_code, reverse=True)
    figure = _figure(7, max(2.5, 0.28 * len(codes) + 1))
    axes = figure.subplots()
    axes.barh(codes, [by_code[c] for c in codes], color=[_COLOURS.get(severity.get(c, ""), "#777") for c in codes])
    axes.set_xlabel("问题数（项）")
    for position, code in enumerate(codes):
        axes.annotate(str(by_code[code]), (by_code[code], position), xytext=(3, 0), textcoords="offset points",
                      va="center", fontsize=8)
    return figure, ""


def _by_family(bodies: list[BodySummary]):
    from auditor.registry import FAMILIES

    counted = Counter(f["code"][:2] for body in bodies for f in body.findings)
    if not counted:
        return None, "本批次没有发现问题。"
    families = [f for f in FAMILIES if f in counted] + sorted(set(counted) - set(FAMILIES))
    figure = _figure(7, 3.6)
    axes = figure.subplots()
    axes.bar([f"{f}\n{FAMILIES.get(f, '')}" for f in families], [counted[f] for f in families], color="#3b6e99")
    axes.set_ylabel("问题数（项）")
    return figure, ""


def _scores(bodies: list[BodySummary]):
    from matplotlib.ticker import MaxNLocator

    scores = [b.score for b in bodies if isinstance(b.score, (int, float))]
    if not scores:
        return None, "得分：未计算。"
    figure = _figure(7, 3.6)
    axes = figure.subplots()
    axes.hist(scores, bins=range(0, 105, 5), color="#3b6e99", edgecolor="white")
    axes.set_xlabel("得分")
    axes.set_ylabel("报告数（份）")
    axes.set_xlim(0, 100)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    return figure, ""


def _coverage(bodies: list[BodySummary]):
    import numpy

    rows = [b for b in bodies if b.elements]
    if not rows:
        return None, "要素覆盖：未计算。"
    labels: dict[str, str] = {}
    for body in rows:
        for element in body.elements:
            labels.setdefault(element["element"], element_label(element))
    columns = list(labels)
    matrix = numpy.full((len(rows), len(columns)), numpy.nan)
    for r, body in enumerate(rows):
        for element in body.elements:
            matrix[r, columns.index(element["element"])] = _COVERAGE.get(element.get("status"), numpy.nan)
    figure = _figure(max(6, 0.45 * len(columns) + 3), min(14, max(3, 0.22 * len(rows) + 2)))
    axes = figure.subplots()
    image = axes.imshow(numpy.ma.masked_invalid(matrix), aspect="auto", cmap="RdYlGn", vmin=0, vmax=1,
                        interpolation="nearest")
    axes.set_xticks(range(len(columns)), [labels[c] for c in columns], rotation=60, ha="right", fontsize=8)
    _row_labels(axes, [b.name for b in rows])
    colour_bar = figure.colorbar(image, ax=axes, ticks=[0, 0.5, 1], shrink=0.6, label="空白：不适用")
    colour_bar.ax.set_yticklabels(["缺失", "单薄", "已覆盖"])
    return figure, ""


def _similarity(reuse: dict[str, Any] | None):
    import numpy
    from scipy.cluster.hierarchy import dendrogram, linkage
    from scipy.spatial.distance import squareform

    matrix = (reuse or {}).get("matrix") or {}
    values = numpy.asarray(matrix.get("values") or [], dtype=float)
    if values.ndim != 2 or values.shape[0] < 2 or values.shape[0] != values.shape[1]:
        return None, "雷同分析：未计算。"
    names = list(matrix.get("agencies") or matrix.get("sources") or range(len(values)))
    distance = numpy.clip(1 - (values + values.T) / 2, 0, 1)
    numpy.fill_diagonal(distance, 0)
    tree = linkage(squareform(distance, checks=False), method="average")
    figure = _figure(9, min(14, max(4, 0.22 * len(values) + 2)))
    left, right = figure.subplots(1, 2, width_ratios=[1, 4])
    order = dendrogram(tree, orientation="left", no_labels=True, ax=left, color_threshold=0.5,
                       above_threshold_color="#888")["leaves"][::-1]
    left.set_axis_off()
    image = right.imshow(values[numpy.ix_(order, order)], cmap="magma_r", vmin=0, vmax=1, interpolation="nearest",
                         aspect="auto")
    _row_labels(right, [str(names[i]) for i in order])
    right.set_xticks([])
    figure.colorbar(image, ax=right, shrink=0.6, label="相似度")
    return figure, ""


def _row_labels(axes, names: list[str]) -> None:
    if len(names) <= _MAX_LABELS:
        axes.set_yticks(range(len(names)), names, fontsize=8)
    else:
        axes.set_yticks([])
        axes.set_ylabel(f"{len(names)} 份报告")
