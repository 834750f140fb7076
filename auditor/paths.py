"""Expand command-line paths (files or folders, recursive) into the batch of report files."""
from __future__ import annotations

from pathlib import Path

REPORT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".pdf", ".docx", ".doc", ".wps")


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; folders searched recursively for report files, in a stable order."""
    files: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files += sorted(str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
        else:
            files.append(given)
    return files
