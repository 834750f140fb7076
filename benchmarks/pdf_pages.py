"""PDF reading speed: pages per CPU second with PDFium, paired with pdfplumber for every page.

Usage: python benchmarks/pdf_pages.py [--shared ../shared]

Reads the shared real PDFs (`real/*.pdf`) and the demo round's PDFs (`corpora/sample/**/*.pdf`)
twice in one process: as the reader works (PDFium, pdfplumber only for pages whose characters
PDFium's text page did not all keep) and with every page forced through pdfplumber (the
reader before PDFium), so the ratio is measured on the same machine in the same run. Also
checks that both give the same documents and prints how many pages fell back.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import pypdfium2 as pdfium

import auditor.ingest.pdf_objects as pdf_objects
from auditor.ingest.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[1]


def _time(files: list[tuple[str, bytes]]):
    read_pdf(*files[0])  # imports and first-use costs out of the figure
    start = time.process_time()
    documents = [read_pdf(name, data) for name, data in files]
    return time.process_time() - start, documents


def _plumber_only():
    """Every page counted as incomplete, so the reader takes it from pdfplumber."""
    original = pdf_objects.PdfiumPage.__init__

    def init(self, page):
        original(self, page)
        self.complete = False

    pdf_objects.PdfiumPage.__init__ = init
    return original


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    sets = {"real (shared/real)": sorted((args.shared / "real").glob("*.pdf")),
            "sample (corpora/sample)": sorted((ROOT / "corpora" / "sample").rglob("*.pdf"))}
    for label, paths in sets.items():
        if not paths:
            print(f"{label}: no PDF found")
            continue
        files = [(str(p), p.read_bytes()) for p in paths]
        pages = fallback = 0
        for _, data in files:
            document = pdfium.PdfDocument(data)
            for index in range(len(document)):
                pages += 1
                fallback += not pdf_objects.PdfiumPage(document[index]).complete
        fast, documents = _time(files)
        original = _plumber_only()
        try:
            slow, reference = _time(files)
        finally:
            pdf_objects.PdfiumPage.__init__ = original
        same = sum(a == b for a, b in zip(documents, reference))
        print(f"{label}: {len(files)} files, {pages} pages ({fallback} read by pdfplumber) — "
              f"{pages / fast:.1f} pages/CPU s, pdfplumber for every page {pages / slow:.1f} pages/CPU s, "
              f"×{slow / fast:.1f}; identical documents {same}/{len(files)}")


if __name__ == "__main__":
    main()
