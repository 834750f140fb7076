"""Readers: one per file format, all producing the same Document (text lines + cell grids)."""
from __future__ import annotations

import os
from pathlib import Path

from auditor.ingest.document import Document, Grid, UnreadableFile
from auditor.limits import Limits, applied, limits

__all__ = ["Document", "Grid", "UnreadableFile", "read_document", "source_name", "SUPPORTED_SUFFIXES"]

SUPPORTED_SUFFIXES = (".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".docx", ".pdf", ".doc", ".wps")


def read_document(path: str | Path, data: bytes | None = None, limits: Limits | None = None) -> Document:
    """Read one file into a Document; raise UnreadableFile (IN001) with a reason in Chinese.
    Text beyond the character limit is cut off with a reader warning. With `data`, the file's
    bytes are given (e.g. shipped to a cluster worker) and `path` only names it. The readers
    enforce `limits` (default: those in force, see auditor.limits.applied)."""
    with applied(limits) as enforced:
        return _read(Path(path), data).cut(enforced.max_chars)


def source_name(path: str | Path) -> str:
    """The file's name as text that any output can hold: a name that is not valid UTF-8 (its
    bytes come back as lone surrogates) keeps its bytes, written as \\xNN escapes."""
    name = os.fsdecode(os.fspath(path))
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        try:
            return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:
            return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _read(path: Path, data: bytes | None) -> Document:
    max_bytes = limits().max_bytes
    try:
        size = path.stat().st_size if data is None else len(data)
        if size > max_bytes:
            raise UnreadableFile(f"文件过大（{size / (1024 * 1024):.1f} MB，上限 {max_bytes / (1024 * 1024):.1f} MB），"
                                 "不像一份年度报告（上限可在 [tool.auditor.limits] 的 max_bytes 调整）")
        if data is None:
            data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(f"无法打开文件：{error.strerror or error}") from error
    kind, source = _content_kind(path, data), source_name(path)
    if kind == "html":
        from auditor.ingest.html import read_html

        return read_html(source, data)
    if kind == "txt":
        from auditor.ingest.txt import read_txt

        return read_txt(source, data)
    if kind == "zip":
        from auditor.ingest.docx import read_docx

        return read_docx(source, data)
    if kind == "pdf":
        from auditor.ingest.pdf import read_pdf

        return read_pdf(source, data)
    if kind == "ole":
        from auditor.ingest.legacy import read_legacy_word

        return read_legacy_word(path, source, data)
    raise UnreadableFile(f"不支持的文件类型「{path.suffix or '无扩展名'}」：请提供 txt、html、docx 或 pdf 文件")


_MAGIC = ((b"%PDF", "pdf"), (b"PK\x03\x04", "zip"), (b"\xd0\xcf\x11\xe0", "ole"))


def _content_kind(path: Path, data: bytes) -> str:
    """What the bytes are, by their signature first and the file name second."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    suffix = path.suffix.lower()
    if suffix in (".pdf", ".docx"):
        raise UnreadableFile(f"文件扩展名为 {suffix}，但内容不是有效的 {suffix[1:].upper()} 文件（可能已损坏或为空）")
    if suffix in (".doc", ".wps"):
        return "ole"
    if suffix in (".html", ".htm", ".shtml", ".xhtml") or head.startswith((b"<!doctype html", b"<html", b"<?xml")):
        return "html"
    if suffix in (".txt", ".text", ""):
        return "txt"
    return "other"
