"""Readers: one per file format, all producing the same Document (text lines + cell grids)."""
from __future__ import annotations

from pathlib import Path

from auditor.ingest.document import MAX_FILE_BYTES, Document, Grid, UnreadableFile

__all__ = ["Document", "Grid", "UnreadableFile", "read_document", "SUPPORTED_SUFFIXES"]

SUPPORTED_SUFFIXES = (".txt", ".text", ".html", ".htm", ".shtml", ".xhtml")


def read_document(path: str | Path) -> Document:
    """Read one file into a Document; raise UnreadableFile (IN001) with a reason in Chinese."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableFile(f"文件过大（{size // (1024 * 1024)} MB，上限 {MAX_FILE_BYTES // (1024 * 1024)} MB），不像一份年度报告")
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(f"无法打开文件：{error.strerror or error}") from error
    kind = _content_kind(path, data)
    if kind == "html":
        from auditor.ingest.html import read_html

        return read_html(str(path), data)
    if kind == "txt":
        from auditor.ingest.txt import read_txt

        return read_txt(str(path), data)
    raise UnreadableFile(_UNSUPPORTED.get(kind, f"不支持的文件类型「{path.suffix or '无扩展名'}」：请提供 txt 或 html 文件"))


_MAGIC = ((b"%PDF", "pdf"), (b"PK\x03\x04", "zip"), (b"\xd0\xcf\x11\xe0", "ole"))
_UNSUPPORTED = {
    "pdf": "PDF 文件暂不支持读取，请先另存为文本或网页",
    "zip": "Word（.docx）等压缩格式文件暂不支持读取，请先另存为文本或网页",
    "ole": "旧版 Word/WPS（.doc/.wps）文件暂不支持读取，请先另存为文本或网页",
}


def _content_kind(path: Path, data: bytes) -> str:
    """What the bytes are, by their signature first and the file name second."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".shtml", ".xhtml") or head.startswith((b"<!doctype html", b"<html", b"<?xml")):
        return "html"
    if suffix in (".txt", ".text", ""):
        return "txt"
    return "other"
