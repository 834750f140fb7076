"""Render a ReportSpec as a government web page: navigation, article, footer; real merged cells."""
from __future__ import annotations

from html import escape

from auditor.synth import labels as L
from auditor.synth.render_text import cell
from auditor.synth.spec import ReportSpec

_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title></head>
<body>
<div class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a> | <a href="/bsfw/">办事服务</a></div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<div class="article">
<h1>{title}</h1>
<div class="info">发布时间：{published}　来源：{agency}</div>
{body}
</div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a">中国政府网</a></li><li><a href="/b">省政府网</a></li></ul></div>
<div class="footer">主办单位：{agency}　网站标识码：0000000000　ICP备案号：示例ICP备00000000号</div>
</body></html>
"""


def render_html(spec: ReportSpec) -> str:
    parts = []
    for block in spec.blocks:
        if block.kind == "title":
            continue
        if block.kind == "table":
            if spec.tables.get(block.text) is not None:
                parts.append(_TABLES[block.text](spec))
        elif block.kind in ("heading", "subheading"):
            parts.append(f"<p><strong>{escape(block.text)}</strong></p>")
        else:
            parts.append(f"<p>{escape(block.text)}</p>")
    published = f"{spec.year + 1}-0{1 + spec.style % 3}-15"
    return _PAGE.format(title=escape(spec.title), published=published, agency=escape(spec.agency),
                        body="\n".join(parts))


def _td(text: str, rowspan: int = 1, colspan: int = 1) -> str:
    attributes = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
    return f"<td{attributes}>{escape(text)}</td>"


def _table(rows: list[str]) -> str:
    return '<table border="1" cellspacing="0">\n' + "\n".join(f"<tr>{r}</tr>" for r in rows) + "\n</table>"


def _active(spec: ReportSpec) -> str:
    table, rows = spec.tables["active"], []
    for block, headers, items in L.active_layout(spec.template):
        rows.append(_td(L.ARTICLE_BLOCKS[block], colspan=4))
        widths = _widths(len(headers))
        rows.append(_td(L.CONTENT) + "".join(_td(spec.label(h), colspan=w) for h, w in zip(headers, widths)))
        for key, label in items:
            value = table[key]
            values = value if isinstance(value, list) else [value]
            rows.append(_td(spec.label(label)) + "".join(_td(cell(v, spec.blank_mark), colspan=w)
                                                          for v, w in zip(values, widths)))
    return _table(rows)


def _widths(count: int) -> list[int]:
    """Three value columns shared among `count` headers, the last one widest."""
    return {1: [3], 2: [1, 2], 3: [1, 1, 1]}[count]


def _requests(spec: ReportSpec) -> str:
    table = spec.tables["requests"]["rows"]
    keys = L.request_rows(spec.template)
    results = [k for k in keys if k.startswith("3.")]
    rows = [_td(L.REQUEST_CORNER, 3, 3) + _td(L.REQUEST_HEAD, colspan=7),
            _td(L.REQUEST_COLUMN_LABELS["natural"], 2) + _td(L.REQUEST_LEGAL_PERSONS, colspan=5)
            + _td(L.REQUEST_COLUMN_LABELS["total"], 2),
            "".join(_td(L.REQUEST_COLUMN_LABELS[c]) for c in L.REQUEST_COLUMNS[1:6])]
    for key in keys:
        values = "".join(_td(cell(v, spec.blank_mark)) for v in table[key])
        label = spec.label(L.REQUEST_ROW_LABELS[key])
        if key in ("1", "2", "4"):
            rows.append(_td(label, colspan=3) + values)
            continue
        lead = _td(L.REQUEST_GROUP_LABELS["3"], rowspan=len(results)) if key == results[0] else ""
        if key.count(".") == 2:
            group = key.rsplit(".", 1)[0]
            members = [k for k in keys if k.startswith(group + ".")]
            if key == members[0]:
                lead += _td(L.REQUEST_GROUP_LABELS[group], rowspan=len(members))
            rows.append(lead + _td(label) + values)
        else:
            rows.append(lead + _td(label, colspan=2) + values)
    return _table(rows)


def _review(spec: ReportSpec) -> str:
    table = spec.tables["review_litigation"]
    results = list(L.REVIEW_RESULTS)
    rows = [_td(L.REVIEW_HEAD, colspan=5) + _td(L.LITIGATION_HEAD, colspan=10),
            "".join(_td(r, rowspan=2) for r in results) + _td(L.LITIGATION_DIRECT, colspan=5) + _td(L.LITIGATION_AFTER, colspan=5),
            "".join(_td(r) for r in results * 2),
            "".join(_td(cell(v, spec.blank_mark)) for g in L.REVIEW_GROUPS for v in table[g])]
    return _table(rows)


_TABLES = {"active": _active, "requests": _requests, "review_litigation": _review}
