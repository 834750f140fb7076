"""Charts of `auditor similar`: a heatmap of the similarity matrix (rows in cluster order) and a
dendrogram (average linkage on 1 − similarity) of which bodies write alike; PNG and SVG."""
from __future__ import annotations

from pathlib import Path

import numpy as np

_LABELLED = 150  # more rows than this: no tick labels (they would overlap)


def _figure(size: float):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    from auditor.output.fonts import use_cjk_font

    use_cjk_font()
    return pyplot, pyplot.figure(figsize=(size, size * 0.8))


def _linkage(matrix: np.ndarray):
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    distance = 1.0 - np.clip(matrix, 0.0, 1.0)
    np.fill_diagonal(distance, 0.0)
    return linkage(squareform((distance + distance.T) / 2, checks=False), method="average")


def _save(pyplot, figure, stem: Path) -> list[Path]:
    paths = [stem.with_suffix(".png"), stem.with_suffix(".svg")]
    figure.tight_layout()
    for path in paths:
        figure.savefig(path, dpi=150)
    pyplot.close(figure)
    return paths


def draw_heatmap(matrix: np.ndarray, labels: list[str], stem: Path) -> list[Path]:
    from scipy.cluster.hierarchy import leaves_list

    order = leaves_list(_linkage(matrix))
    n = len(labels)
    pyplot, figure = _figure(min(40.0, max(7.0, 0.28 * n + 3)))
    axes = figure.add_subplot()
    image = axes.imshow(matrix[np.ix_(order, order)], vmin=0, vmax=1, cmap="viridis")
    if n <= _LABELLED:
        ticks = [labels[i] for i in order]
        axes.set_xticks(range(n), ticks, rotation=90, fontsize=7)
        axes.set_yticks(range(n), ticks, fontsize=7)
    axes.set_title("年度报告叙述部分相似度（按聚类排序）")
    figure.colorbar(image, ax=axes, label="相似度（字符片段 Jaccard）")
    return _save(pyplot, figure, stem)


def draw_dendrogram(matrix: np.ndarray, labels: list[str], stem: Path) -> list[Path]:
    from scipy.cluster.hierarchy import dendrogram

    n = len(labels)
    pyplot, figure = _figure(min(40.0, max(7.0, 0.22 * n + 3)))
    axes = figure.add_subplot()
    dendrogram(_linkage(matrix), labels=labels if n <= _LABELLED else None, orientation="left", ax=axes,
               leaf_font_size=7, color_threshold=0.5)
    axes.set_xlabel("差异度（1 − 相似度）")
    axes.set_title("哪些机关的报告写法相近（层次聚类）")
    return _save(pyplot, figure, stem)
