"""Write the generated batches.

    python -m synth corpora/sample                  # the demo round: one county, two years
    python -m synth --formats tests/fixtures/formats  # the catalogue, each report in four formats

The round (`synth.round`): each body's report of this year in the format it submits, and of
last year in a subfolder. The catalogue (`synth.catalogue`, the readers' test fixture): each
report written as text (in its own encoding), as a web page, a Word file and a PDF. Each
folder's `manifest.json` records every report's true tables and planted defects — the oracle
the tests compare against.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from synth.catalogue import sample_specs
from synth.render_docx import render_docx
from synth.render_html import render_html
from synth.render_pdf import render_pdf
from synth.render_text import render_text
from synth.round import round_reports
from synth.spec import ReportSpec

MANIFEST = "manifest.json"


def manifest_entry(spec: ReportSpec, files: dict[str, str]) -> dict:
    return {"id": spec.id, "files": files, "title": spec.title, "agency": spec.agency,
            "agency_kind": spec.agency_kind, "year": spec.year, "template": spec.template,
            "layout": spec.layout, "encoding": spec.encoding, "previous_id": spec.meta.get("previous_id"),
            "tables": spec.tables, "defects": list(spec.defects)}


def render(spec: ReportSpec, form: str) -> bytes:
    if form == "txt":
        return render_text(spec).encode(spec.encoding)
    if form == "html":
        return render_html(spec).encode("utf-8")
    return render_docx(spec) if form == "docx" else render_pdf(spec)


def write_formats(folder: Path) -> list[dict]:
    """The catalogue, every report in the four formats (tests/fixtures/formats)."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for spec in sample_specs():
        stem = f"{spec.id}_{spec.body.key}_{spec.year}"
        files = {form: f"{stem}.{form}" for form in ("txt", "html", "docx", "pdf")}
        for form, name in files.items():
            (folder / name).write_bytes(render(spec, form))
        entries.append(manifest_entry(spec, files))
    _write_manifest(folder, entries)
    return entries


def write_round(folder: Path) -> list[dict]:
    """The demo round: one file per body and year, last year's in a subfolder (corpora/sample)."""
    entries = []
    for item in round_reports():
        path = folder / item.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(item.spec, item.form))
        entries.append(manifest_entry(item.spec, {item.form: item.path}))
    _write_manifest(folder, entries)
    return entries


def _write_manifest(folder: Path, entries: list[dict]) -> None:
    manifest = {"generator": "tools/synth", "reports": entries}
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    formats = argv[:1] == ["--formats"]
    arguments = argv[1:] if formats else argv
    if len(arguments) != 1:
        print("用法：python -m synth [--formats] 输出目录", file=sys.stderr)
        return 2
    folder = Path(arguments[0])
    if formats:
        entries = write_formats(folder)
        print(f"已生成 {len(entries)} 份样例报告（每份 txt、html、docx、pdf 四种格式）及 {MANIFEST} → {folder}")
    else:
        entries = write_round(folder)
        years = sorted({e["year"] for e in entries})
        print(f"已生成一个县的审核批次：{len(entries)} 份报告（{'、'.join(map(str, years))} 年度）及 {MANIFEST} → {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
