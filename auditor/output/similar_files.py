"""`auditor similar`: the similarity matrix and the pairs with their shared passages, as files.

CSV files are UTF-8 with a byte-order mark so that Excel shows the Chinese names.
"""
from __future__ import annotations

import json
from pathlib import Path

from auditor.corpus.reuse import ReuseAnalysis
from auditor.output.csv_cells import SafeWriter

PAIR_KINDS = {"reuse": "段落雷同", "same_body": "与上年相同"}
CLUSTER_KIND = "报告雷同（{cluster}）"
PAIR_COLUMNS = ("报告A", "机关A", "报告B", "机关B", "类型", "整体相似度", "段落字数", "段落相似度",
                "A起", "A止", "B起", "B止", "共同段落")


def document_labels(analysis: ReuseAnalysis) -> list[str]:
    """A body's name, with the year when the batch holds several of its reports."""
    names = [d.report.agency or Path(d.report.source).stem for d in analysis.documents]
    return [f"{name}{d.report.year}" if names.count(name) > 1 and d.report.year else name
            for name, d in zip(names, analysis.documents)]


def write_matrix_csv(analysis: ReuseAnalysis, path: Path) -> None:
    labels = document_labels(analysis)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = SafeWriter(handle)
        writer.writerow(["机关", "报告文件", *labels])
        for label, document, row in zip(labels, analysis.documents, analysis.matrix):
            writer.writerow([label, document.report.source, *(f"{value:.3f}" for value in row)])


def write_pairs_csv(analysis: ReuseAnalysis, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = SafeWriter(handle)
        writer.writerow(PAIR_COLUMNS)
        for pair in analysis.pairs:
            head = [pair.a.report.source, pair.a.report.agency or "", pair.b.report.source, pair.b.report.agency or "",
                    PAIR_KINDS[pair.kind], f"{pair.similarity:.3f}"]
            for passage in pair.passages or [None]:
                if passage is None:
                    writer.writerow(head + [""] * 7)
                    continue
                writer.writerow(head + [passage.chars, f"{passage.similarity:.3f}", passage.a_start, passage.a_end,
                                        passage.b_start, passage.b_end, passage.text])
        for cluster in analysis.clusters:  # one row per member and its closest; the shared passages once
            for number, member in enumerate(cluster.members):
                a, b = member.document.report, member.closest.report
                writer.writerow([a.source, a.agency or "", b.source, b.agency or "", CLUSTER_KIND.format(cluster=cluster.id),
                                 f"{member.similarity:.3f}"] + [""] * 7)
            for passage in cluster.passages:
                a, b = cluster.members[0].document.report, cluster.members[0].closest.report
                writer.writerow([a.source, a.agency or "", b.source, b.agency or "", CLUSTER_KIND.format(cluster=cluster.id),
                                 "", passage.chars, f"{passage.similarity:.3f}", passage.a_start, passage.a_end,
                                 passage.b_start, passage.b_end, passage.text])


def write_similar(analysis: ReuseAnalysis, folder: Path) -> list[Path]:
    """Write every file of `auditor similar` into `folder`; returns the paths written."""
    from auditor.output.similar_charts import draw_dendrogram, draw_heatmap

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    (folder / "pairs.json").write_text(json.dumps(analysis.to_json(), ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8")
    write_pairs_csv(analysis, folder / "pairs.csv")
    written += [folder / "pairs.json", folder / "pairs.csv"]
    if analysis.matrix is not None:
        write_matrix_csv(analysis, folder / "similarity.csv")
        written.append(folder / "similarity.csv")
        if len(analysis.documents) >= 2:
            labels = document_labels(analysis)
            written += draw_heatmap(analysis.matrix, labels, folder / "heatmap")
            written += draw_dendrogram(analysis.matrix, labels, folder / "dendrogram")
    return written
