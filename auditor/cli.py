"""The `auditor` command line. Thin: heavy imports happen inside the commands."""
from __future__ import annotations

import json
import sys
from dataclasses import replace
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


class AuditFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"
    html = "html"
    xlsx = "xlsx"


_STORED_FORMATS = ("html", "xlsx")  # written from the stored batch (auditor/store.py), into --out
_AUDIT_FILES = {"text": "audit.txt", "json": "audit.json", "csv": "findings.csv"}


@app.command("audit")
def audit_command(
    paths: list[str] = typer.Argument(..., help="报告文件或文件夹（递归查找），作为一个批次审核"),
    format: AuditFormat = typer.Option(AuditFormat.text, "--format", help="输出格式：text、json、csv、html（网页报告与图表，另附 Excel）或 xlsx（Excel 工作簿）；html 和 xlsx 须给出 --out"),
    out: Optional[Path] = typer.Option(None, "--out", help="输出文件夹；不给出时输出到标准输出"),
    config: Optional[Path] = typer.Option(None, "--config", help="配置文件（TOML）；默认读取 ./pyproject.toml 的 [tool.auditor]"),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="基线文件：其中已接受的问题不再报告"),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="把本次发现的全部问题写入基线文件"),
    pretty: bool = typer.Option(False, "--pretty", help="JSON 缩进排版（较慢；默认紧凑输出）"),
    cache: Optional[Path] = typer.Option(None, "--cache", help="增量缓存文件夹：内容未变的文件沿用上次的读取结果，不再重新读取"),
    select: list[str] = typer.Option([], "--select", help="只运行这些代码或前缀的检查（可逗号分隔、可重复），取代配置中的 select"),
    extend_select: list[str] = typer.Option([], "--extend-select", help="在已选检查之外再加上这些代码或前缀"),
    ignore: list[str] = typer.Option([], "--ignore", help="不运行这些代码或前缀的检查（加在配置的 ignore 之上）"),
    severity: list[str] = typer.Option([], "--severity", help="调整级别：CODE=LEVEL，例如 TA206=warning（LEVEL 为 error、warning 或 info）"),
    statistics: bool = typer.Option(False, "--statistics", help="只输出每个代码的问题数量（代码、数量、级别、名称），不逐条列出"),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="即使发现 error 级问题也以退出码 0 结束"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="不在标准错误输出进度条和摘要信息"),
    notices: bool = typer.Option(False, "--notices", help="同时为每个有问题的机关写出整改通知（Word 文档与可打印网页）和本轮审核情况通报（写入 --out 的 notices/）"),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="并行工作进程数（默认 0：本机核数；1 为单进程）；结果与单进程相同"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="在 Dask 集群上运行逐份检查：调度器地址，如 tcp://10.0.0.5:8786（需安装 distributed）；结果与本机运行相同"),
) -> None:
    """审核报告：逐项核对表格、结构、一致性和文字，输出问题清单（退出码：0 无错误，1 有错误，2 无法运行）。"""
    from auditor.baseline import write_baseline as save_baseline
    from auditor.config import ConfigError
    from auditor.corpus.reuse import reuse_analysis
    from auditor.executor import default_jobs, run_files
    from auditor.parse import read_report
    from auditor.progress import progress_bar
    from auditor.registry import load_rules

    files, settings = _batch_and_config(paths, config, "审核")
    settings = _rules_from_command_line(settings, select, extend_select, ignore, severity)
    if baseline is not None:
        settings = replace(settings, baseline=str(baseline))
    say = (lambda *a, **k: None) if quiet else typer.echo
    status = (lambda failed: 0) if exit_zero else (lambda failed: 1 if failed else 0)
    if format.value in _STORED_FORMATS and out is None:
        typer.echo(f"错误：--format {format.value} 需要用 --out 指定输出文件夹", err=True)
        raise typer.Exit(2)
    if notices and out is None:
        typer.echo("错误：--notices 需要用 --out 指定输出文件夹", err=True)
        raise typer.Exit(2)
    _require_model(settings)
    reports_cache = None
    if cache is not None:
        from auditor.cache import ReportCache

        reports_cache = ReportCache(cache)
    read = reports_cache.report if reports_cache else read_report
    if scheduler is not None and reports_cache is not None:
        typer.echo("错误：--cache 与 --scheduler 不能同时使用（缓存只在本机有效）", err=True)
        raise typer.Exit(2)
    from auditor.cluster import ClusterError

    try:
        with progress_bar(0 if quiet else len(files)) as advance:
            done = run_files(files, settings, read, jobs or default_jobs(), progress=lambda report: advance(),
                             freeze=True, scheduler=scheduler)
    except (ConfigError, ClusterError) as error:
        typer.echo(f"错误：{error}", err=True)
        raise typer.Exit(2)
    results = done.results
    if reports_cache:
        say(f"增量缓存：重新读取 {reports_cache.reads} 份，沿用 {reports_cache.hits} 份", err=True)
    extra = {}
    wants_reuse = format is AuditFormat.json or format.value in _STORED_FORMATS
    if wants_reuse and any(settings.enabled(code) for code in load_rules() if code.startswith("RE")):
        extra["reuse"] = reuse_analysis(done.batch).to_json()
    if done.baseline is not None:
        extra["baseline"] = {"suppressed": done.baseline.suppressed, "stale": done.baseline.stale}
        for entry in done.baseline.stale:
            typer.echo(f"基线中的条目已不再出现（可删除）：{entry.get('source')} {entry.get('code')} {entry.get('message', '')}",
                       err=True)
    if write_baseline is not None:
        count = save_baseline(results, write_baseline)
        say(f"已把 {count} 项问题写入基线文件 {write_baseline}", err=True)
    if format.value in _STORED_FORMATS:
        from auditor.output.render import render
        from auditor.store import save_batch

        stored = save_batch(results, out, extra)
        written = render(out, html=format is AuditFormat.html, batch=stored)
        say(f"已审核 {len(results)} 份报告，结果写入 {'、'.join(map(str, written))}", err=True)
        if notices:
            _write_notices(stored, out, say)
        if statistics:
            sys.stdout.write(_statistics(results))
        raise typer.Exit(status(any(r.errors for r in results)))
    if statistics:
        sys.stdout.write(_statistics(results))
        if out is None:
            raise typer.Exit(status(any(r.errors for r in results)))
    if out is None:
        _write_audit(results, format, extra, sys.stdout, pretty)
    else:
        out.mkdir(parents=True, exist_ok=True)
        target = out / _AUDIT_FILES[format.value]
        with target.open("w", encoding="utf-8") as stream:
            _write_audit(results, format, extra, stream, pretty)
        say(f"已审核 {len(results)} 份报告，结果写入 {target}", err=True)
        if notices:
            from auditor.store import save_batch

            _write_notices(save_batch(results, out, extra), out, say)
    raise typer.Exit(status(any(r.errors for r in results)))


def _rules_from_command_line(settings, select, extend_select, ignore, severity):
    """--select/--extend-select/--ignore/--severity over the configuration; exit 2 when a code is unknown."""
    from auditor.config import ConfigError, with_command_line
    from auditor.registry import load_rules

    try:
        return with_command_line(settings, set(load_rules()), select, extend_select, ignore, severity)
    except ConfigError as error:
        typer.echo(f"错误：{error}", err=True)
        raise typer.Exit(2)


def _require_model(settings) -> None:
    """Exit 2 with the reason when NA rules are on and the classifier's model is missing."""
    from auditor.nlp.classifier import ModelMissingError, load_model
    from auditor.registry import load_rules

    if not any(settings.enabled(code) for code in load_rules() if code.startswith("NA")):
        return
    try:
        load_model()
    except ModelMissingError as error:
        typer.echo(f"错误：{error}", err=True)
        raise typer.Exit(2)


def _statistics(results) -> str:
    """Findings counted per code, most frequent first, as `ruff --statistics` prints them."""
    from collections import Counter

    from auditor.registry import load_rules

    rules = load_rules()
    counts = Counter(f.code for r in results for f in r.findings)
    grades = {f.code: f.severity.value for r in results for f in r.findings}
    lines = [f"{count:>6}  {code}  {grades[code]:<7}  {rules[code].name if code in rules else ''}"
             for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    total = sum(counts.values())
    return "\n".join([*lines, f"共 {total} 项问题，涉及 {len(counts)} 个代码，{len(results)} 份报告"]) + "\n"


def _batch_and_config(paths: list[str], config: Optional[Path], verb: str):
    """The files of a batch and the configuration; exits 2 when either cannot be had."""
    from auditor.config import ConfigError, load_config
    from auditor.paths import expand_paths
    from auditor.registry import load_rules

    files = expand_paths(paths)
    if not files:
        typer.echo(f"错误：没有找到要{verb}的报告文件", err=True)
        raise typer.Exit(2)
    try:
        settings = load_config(config, set(load_rules()))
    except ConfigError as error:
        typer.echo(f"错误：{error}", err=True)
        raise typer.Exit(2)
    return files, settings


def _write_audit(results, format: AuditFormat, extra: dict, stream, pretty: bool) -> None:
    if format is AuditFormat.json:
        from auditor.output.audit_json import audit_to_json
        from auditor.output.json_file import write_json

        write_json(audit_to_json(results, extra), stream, pretty)
        return
    if format is AuditFormat.csv:
        from auditor.output.audit_csv import audit_to_csv

        stream.write(audit_to_csv(results))
        return
    from auditor.output.audit_text import audit_to_text

    stream.write(audit_to_text(results))


@app.command("train")
def train_command(
    sentences: Path = typer.Option(Path("corpora/labels/sentences.jsonl"), "--data",
                                   help="标注句子文件（JSONL，在源码目录中运行）；由 PYTHONPATH=tools python -m synth.labelled_set 生成"),
    models: Optional[Path] = typer.Option(None, "--models", help="模型输出文件夹；默认为程序包内的 auditor/models/"),
    rebuild_real: bool = typer.Option(False, "--rebuild-real", help="先由 ../shared 的真实报告重建真实句子引用（corpora/labels/real_sentences.jsonl）"),
) -> None:
    """重新训练内容要素分类器，写出模型和模型卡（数据哈希、库版本、指标、阈值）。"""
    from auditor.nlp import real_labels
    from auditor.nlp.classifier import CARD_FILE
    from auditor.nlp.training import package_models_dir, train

    if not sentences.exists():
        typer.echo(f"错误：标注句子文件不存在：{sentences}（请在源码目录中运行，或用 --data 指定）", err=True)
        raise typer.Exit(2)
    if rebuild_real and real_labels.SHARED.exists():
        real_labels.write_refs(real_labels.build_refs())
    target = models or package_models_dir()
    card = train(sentences, target, say=lambda line: typer.echo(f"真实标注句子：{line}", err=True))
    real = card["real_heldout"]
    typer.echo(f"已训练内容要素分类器：阈值 {card['threshold']}，生成保留集宏平均 F1 {card['heldout']['macro_f1']}，"
               f"真实保留集宏平均 F1 {real['macro_f1'] if real else '未计算（无真实材料）'}；模型卡写入 {target / CARD_FILE}")


def _write_notices(stored, directory: Path, say) -> None:
    from auditor.output.batch_view import summarise
    from auditor.output.notices import NOTICES_DIR, write_notices

    written = write_notices(stored, summarise(stored), directory)
    say(f"已写出 {len(written) // 2 - 1} 份整改通知和审核情况通报（Word 与网页）→ {directory / NOTICES_DIR}", err=True)


@app.command("notice")
def notice_command(
    directory: Path = typer.Argument(..., help="auditor audit --out 写出的输出文件夹（含 findings.json、reports.json）"),
) -> None:
    """为每个有问题的机关写出整改通知（Word 文档和可打印网页：问题、位置、原因、依据、整改要求），并写出本轮审核情况通报。"""
    from auditor.store import StoreError, load_batch

    try:
        stored = load_batch(directory)
    except StoreError as error:
        typer.echo(f"错误：{error}", err=True)
        raise typer.Exit(2)
    _write_notices(stored, directory, typer.echo)


@app.command("render")
def render_command(
    directory: Path = typer.Argument(..., help="auditor audit --format html 或 xlsx 写出的输出文件夹（含 findings.json、reports.json）"),
) -> None:
    """根据已保存的审核结果重新生成网页报告、图表和 Excel 工作簿（不重新读取或审核报告）。"""
    from auditor.output.render import render
    from auditor.store import StoreError

    try:
        written = render(directory)
    except StoreError as error:
        typer.echo(f"错误：{error}", err=True)
        raise typer.Exit(2)
    typer.echo(f"已重新生成 {'、'.join(map(str, written))}", err=True)


@app.command("similar")
def similar_command(
    paths: list[str] = typer.Argument(..., help="报告文件或文件夹（递归查找），作为一个批次比较"),
    out: Path = typer.Option(..., "--out", help="输出文件夹：相似度矩阵、热力图、聚类树状图、雷同段落清单"),
    config: Optional[Path] = typer.Option(None, "--config", help="配置文件（TOML）；比较参数读取 [tool.auditor.reuse]"),
) -> None:
    """比较各机关报告的叙述部分：相似度矩阵（CSV）、热力图和聚类树状图（PNG、SVG）、共同段落清单（CSV、JSON）。"""
    from auditor.corpus.reuse import ReuseAnalysis
    from auditor.output.similar_files import write_similar
    from auditor.parse import read_report
    from auditor.progress import progress_bar

    files, settings = _batch_and_config(paths, config, "比较")
    reports = []
    with progress_bar(len(files)) as advance:
        for file in files:
            reports.append(read_report(file, limits=settings.limits))
            advance()
    analysis = ReuseAnalysis(reports, settings.reuse)
    written = write_similar(analysis, out)
    counts = {kind: len(analysis.pairs_of(kind)) for kind in ("reuse", "same_body")}
    members = sum(len(c.members) for c in analysis.clusters)
    typer.echo(f"已比较 {len(analysis.documents)} 份报告：段落雷同 {counts['reuse']} 对（RE601），"
               f"雷同报告群 {len(analysis.clusters)} 个、共 {members} 份报告（RE602），与上年基本相同 {counts['same_body']} 份（RE603）；"
               f"结果写入 {out}（{len(written)} 个文件）", err=True)
    if analysis.matrix is None:
        typer.echo(f"提示：报告超过 {settings.reuse.matrix_max_reports} 份，未输出相似度矩阵和图表"
                   "（可在 [tool.auditor.reuse] 调整 matrix_max_reports）", err=True)


@app.command("rules")
def rules_command() -> None:
    """列出全部检查代码（代码、名称、默认级别、说明）。"""
    from auditor.registry import FAMILIES, load_rules

    family = None
    for rule in load_rules().values():
        if rule.family != family:
            family = rule.family
            typer.echo(f"\n{family} {FAMILIES.get(family, '')}")
        typer.echo(f"  {rule.code}  {rule.name:<36} {rule.severity.label}  {rule.summary}")


@app.command("explain")
def explain_command(code: str = typer.Argument(..., help="检查代码，例如 TA201")) -> None:
    """解释一个检查代码：问题是什么、为何重要、示例和法律依据。"""
    from auditor.registry import load_rules

    rule = load_rules().get(code.upper())
    if rule is None:
        typer.echo(f"错误：没有代码为「{code}」的检查；用 auditor rules 查看全部代码", err=True)
        raise typer.Exit(2)
    doc = rule.doc
    typer.echo(f"{rule.code} {rule.name}（默认级别：{rule.severity.label}）\n")
    for heading in ("问题", "为何重要", "示例", "依据"):
        typer.echo(f"{heading}：{doc.get(heading, '（无）')}\n")
