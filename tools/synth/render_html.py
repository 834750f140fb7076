"""Render a ReportSpec as a government web page: navigation, article, footer; real merged cells."""
from __future__ import annotations

from html import escape

from synth.grids import Cell, spanned_table
from synth.spec import ReportSpec

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
                parts.append(_table(spanned_table(spec, block.text)))
        elif block.kind in ("heading", "subheading"):
            parts.append(f"<p><strong>{escape(block.text)}</strong></p>")
        else:
            parts.append(f"<p>{escape(block.text)}</p>")
    published = f"{spec.year + 1}-0{1 + spec.style % 3}-15"
    return _PAGE.format(title=escape(spec.title), published=published, agency=escape(spec.agency),
                        body="\n".join(parts))


def _table(rows: list[list[Cell]]) -> str:
    lines = []
    for row in rows:
        cells = []
        for cell in row:
            spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
                f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
            cells.append(f"<td{spans}>{escape(cell.text)}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    return '<table border="1" cellspacing="0">\n' + "\n".join(lines) + "\n</table>"
