"""The `auditor` command line. Thin: heavy imports happen inside the commands."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="政府信息公开工作年度报告审核工具（auditor）：读取、核对年度报告。")


class ParseFormat(str, Enum):
    json = "json"
    text = "text"


@app.callback()
def main() -> None:
    """政府信息公开工作年度报告审核工具。"""


@app.command("parse")
def parse_command(
    paths: list[str] = typer.Argument(..., help="报告文件或文件夹（递归查找 txt、html）"),
    format: ParseFormat = typer.Option(ParseFormat.json, "--format", help="输出格式：json 或 text"),
    out: Optional[Path] = typer.Option(None, "--out", help="输出文件夹；给出时写入 parsed.json，否则输出到标准输出"),
) -> None:
    """读取报告，输出结构化结果（机关、年度、六个部分、三张统计表）。"""
    from auditor.output.parse_json import report_to_json
    from auditor.output.parse_text import report_to_text
    from auditor.parse import read_report
    from auditor.paths import expand_paths

    files = expand_paths(paths)
    if not files:
        typer.echo("错误：没有找到要读取的报告文件", err=True)
        raise typer.Exit(2)
    reports = [read_report(f) for f in files]
    if format is ParseFormat.text:
        body = "\n".join(report_to_text(r) for r in reports)
    else:
        items = [report_to_json(r) for r in reports]
        body = json.dumps(items[0] if len(paths) == 1 and len(items) == 1 and not Path(paths[0]).is_dir() else items,
                          ensure_ascii=False, indent=2)
    if out is None:
        sys.stdout.write(body + "\n")
        return
    out.mkdir(parents=True, exist_ok=True)
    target = out / ("parsed.json" if format is ParseFormat.json else "parsed.txt")
    target.write_text(body + "\n", encoding="utf-8")
    failed = sum(1 for r in reports if r.error)
    typer.echo(f"已读取 {len(reports)} 份报告（{failed} 份无法读取），结果写入 {target}", err=True)
