"""Old Word and WPS files (.doc, .wps): converted to .docx by LibreOffice when it is installed."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from auditor.ingest.document import Document, UnreadableFile

_TIMEOUT_SECONDS = 120


def read_legacy_word(path: Path, source: str, data: bytes) -> Document:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise UnreadableFile(f"旧版 Word/WPS 文件（{path.suffix}）需要先转换：请用 WPS 或 Word 另存为 .docx，"
                             "或安装 LibreOffice 后重试（soffice --headless --convert-to docx）")
    with tempfile.TemporaryDirectory() as out:
        original = Path(out) / ("original" + path.suffix)  # the bytes as read, wherever they came from
        original.write_bytes(data)
        try:
            subprocess.run([office, "--headless", "--convert-to", "docx", "--outdir", out, str(original)],
                           capture_output=True, timeout=_TIMEOUT_SECONDS, check=True)
        except (subprocess.SubprocessError, OSError) as error:
            raise UnreadableFile(f"LibreOffice 转换 {path.name} 失败：{error}") from error
        converted = Path(out) / "original.docx"
        if not converted.exists():
            raise UnreadableFile(f"LibreOffice 未能把 {path.name} 转换为 .docx，文件可能已损坏")
        from auditor.ingest.docx import read_docx

        document = read_docx(source, converted.read_bytes())
    return Document(source, "docx", document.raw_text, document.grids, f"{path.suffix[1:]}→docx")
