"""Write the sample batch: `python -m synth corpora/sample`.

Each report is written as text (in its own encoding), as a web page, a Word file and a PDF, and `manifest.json`
records its true tables and planted defects — the oracle the tests compare against.
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
from synth.spec import ReportSpec


def manifest_entry(spec: ReportSpec, files: dict[str, str]) -> dict:
    return {"id": spec.id, "files": files, "title": spec.title, "agency": spec.agency,
            "agency_kind": spec.agency_kind, "year": spec.year, "template": spec.template,
            "layout": spec.layout, "encoding": spec.encoding, "previous_id": spec.meta.get("previous_id"),
            "tables": spec.tables, "defects": list(spec.defects)}


def write_batch(folder: Path) -> list[dict]:
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for spec in sample_specs():
        stem = f"{spec.id}_{spec.body.key}_{spec.year}"
        files = {form: f"{stem}.{form}" for form in ("txt", "html", "docx", "pdf")}
        (folder / files["txt"]).write_bytes(render_text(spec).encode(spec.encoding))
        (folder / files["html"]).write_text(render_html(spec), encoding="utf-8")
        (folder / files["docx"]).write_bytes(render_docx(spec))
        (folder / files["pdf"]).write_bytes(render_pdf(spec))
        entries.append(manifest_entry(spec, files))
    manifest = {"generator": "tools/synth", "reports": entries}
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return entries


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("用法：python -m synth 输出目录", file=sys.stderr)
        return 2
    entries = write_batch(Path(argv[0]))
    print(f"已生成 {len(entries)} 份样例报告（txt、html、docx、pdf）及 manifest.json → {argv[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
