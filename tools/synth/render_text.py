"""Render a ReportSpec as the plain text a supervisor receives, in one of its table layouts.

The layouts are the ones real extracted text shows (seeds): `tab` (tab-separated rows, group
labels only on their first row), `broken_header` (header cells broken over lines and spaced out),
`cell_per_line` (every cell on its own tab-indented line, a blank line between rows) and
`no_leading_labels` (rows printed without their empty leading cells). The layouts crawlers and
converters leave (CRAWLED_LAYOUTS): `glued` (a table flattened to one line, whitespace collapsed,
its cells glued: 「规章000行政规范性文件12310」; an empty cell leaves nothing), `spaced` (the same,
cells one space apart), `markdown` (pipe tables, a `|---|` row after the first) and `vertical`
(every cell on its own line, a `|` line between cells).
"""
from __future__ import annotations

from synth import labels as L
from synth.spec import ReportSpec

def render_text(spec: ReportSpec, layout: str | None = None) -> str:
    layout = layout or spec.layout
    lines: list[str] = []
    for block in spec.blocks:
        if block.kind == "title" and spec.style == 1:
            cut = block.text.index("政府信息公开") + len("政府信息公开工作")
            lines += [block.text[:cut], block.text[cut:]]
        elif block.kind == "table":
            table = spec.tables.get(block.text)
            if table is not None:
                lines += _format(table_rows(spec, block.text), layout)
        else:
            lines.append(block.text)
    return "\n".join(lines) + "\n"


def table_rows(spec: ReportSpec, name: str) -> list[list[str]]:
    """The table as printed rows of cells ("" = an empty cell), before any text layout."""
    return {"active": _active_rows, "requests": _requests_rows, "review_litigation": _review_rows}[name](spec)


def cell(value, blank: str = "/") -> str:
    return blank if value is None else str(value)


def _active_rows(spec: ReportSpec) -> list[list[str]]:
    table, rows = spec.tables["active"], []
    for block, headers, items in L.active_layout(spec.template):
        rows.append([L.ARTICLE_BLOCKS[block]])
        rows.append([L.CONTENT, *(spec.label(h) for h in headers)])
        for key, label in items:
            value = table[key]
            values = value if isinstance(value, list) else [value]
            rows.append([spec.label(label), *(cell(v, spec.blank_mark) for v in values)])
    return rows


def _requests_rows(spec: ReportSpec) -> list[list[str]]:
    """Rows as extracted text shows them: leading label columns, then seven values."""
    table = spec.tables["requests"]["rows"]
    rows = [[L.REQUEST_CORNER, "", L.REQUEST_HEAD],
            ["", "", L.REQUEST_COLUMN_LABELS["natural"], L.REQUEST_LEGAL_PERSONS, "", "", "", "", L.REQUEST_COLUMN_LABELS["total"]],
            ["", "", "", *(L.REQUEST_COLUMN_LABELS[c] for c in L.REQUEST_COLUMNS[1:6])]]
    seen_groups: set[str] = set()
    results = L.results_block(spec.template)
    for row in L.request_table(spec.template).rows:
        key = row.key
        values = [cell(v, spec.blank_mark) for v in table[key]]
        label = spec.label(L.REQUEST_ROW_LABELS[key])
        if key not in results:
            rows.append([label, "", *values])
            continue
        group = row.group if row.group != L.RESULTS_GROUP else None
        lead = [L.REQUEST_GROUP_LABELS[L.RESULTS_GROUP] if L.RESULTS_GROUP not in seen_groups else ""]
        seen_groups.add(L.RESULTS_GROUP)
        if group:
            lead.append(L.REQUEST_GROUP_LABELS[group] if group not in seen_groups else "")
            seen_groups.add(group)
        rows.append([*lead, label, *values])
    return rows


def _review_rows(spec: ReportSpec) -> list[list[str]]:
    table = spec.tables["review_litigation"]
    results = list(L.REVIEW_RESULTS)
    values = [cell(v, spec.blank_mark) for g in L.REVIEW_GROUPS for v in table[g]]
    return [[L.REVIEW_HEAD, "", "", "", "", L.LITIGATION_HEAD],
            [*results, L.LITIGATION_DIRECT, "", "", "", "", L.LITIGATION_AFTER],
            ["", "", "", "", "", *results, *results],
            values]


CRAWLED_LAYOUTS = ("glued", "spaced", "markdown", "vertical")


def _format(rows: list[list[str]], layout: str) -> list[str]:
    if layout in ("glued", "spaced"):
        return [("" if layout == "glued" else " ").join(c.strip() for row in rows for c in row if c.strip())]
    if layout == "markdown":
        width = max(map(len, rows))
        lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in rows]
        return lines[:1] + ["|" + "---|" * width] + lines[1:]
    if layout == "vertical":
        return ["\n|\n".join(c for row in rows for c in row if c)]
    if layout == "cell_per_line":
        out: list[str] = []
        for row in rows:
            out += ["\t" + c for c in row if c] + [""]
        return out
    if layout == "no_leading_labels":
        return ["\t".join(_strip_leading(row)) for row in rows]
    if layout == "broken_header":
        return [line for row in rows for line in _broken(row)]
    return ["\t".join(row) for row in rows]


def _strip_leading(row: list[str]) -> list[str]:
    index = 0
    while index < len(row) - 1 and not row[index]:
        index += 1
    return row[index:]


def _broken(row: list[str]) -> list[str]:
    """A header row whose long label cells wrap: the tail of each goes on a following line."""
    if any(ch.isdigit() or ch == "/" for c in row for ch in c) or not any(5 <= len(c) <= 8 for c in row):
        return ["\t".join(row)]
    heads, tails = [], []
    for c in row:
        if 5 <= len(c) <= 8:
            heads.append(c[:4])
            tails.append(c[4:])
        else:
            heads.append(" ".join(c) if len(c) == 3 else c)
            tails.append("")
    return ["\t".join(heads), "", "\t".join(tails)]
