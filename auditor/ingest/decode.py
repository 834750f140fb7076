"""Turn the bytes of a text file into a string: detect the encoding, never assume it."""
from __future__ import annotations

import codecs

from auditor.ingest.document import UnreadableFile

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes(c for c in range(32) if chr(c) not in "\t\n\r\f\v")


_REPLACED = "文件中有 {count} 处字节无法按 {encoding} 解码（长度不成对或代理字符不成对），已用 � 代替"


def decode_text(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Return (text, encoding, warnings); line ends become LF (CRLF and a lone CR alike).
    Raises UnreadableFile with a reason in Chinese."""
    text, encoding, warnings = _decode(data)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding, warnings


def _decode(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    if not data.strip():
        raise UnreadableFile("文件为空（0 字节或只有空白）")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding.startswith("utf-8"):
                try:
                    return data.decode(encoding), encoding, ()
                except UnicodeDecodeError as error:
                    raise UnreadableFile(f"文件以 {encoding} 字节序标记开头，但内容无法按该编码解码（{error.reason}）") from error
            return _lenient(data, encoding)
    utf16 = _bomless_utf16(data)
    if utf16:
        return _lenient(data, utf16)
    if b"\x00" in data[:65536]:
        raise UnreadableFile("文件含有二进制数据（NUL 字节），不是文本文件")
    try:
        return _checked(data.decode("utf-8")), "utf-8", ()
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            text = data[: error.start].decode("utf-8")
            return _checked(text), "utf-8", ("文件末尾的字符不完整，文件可能被截断",)
    for encoding in ("gb18030", "big5"):
        try:
            return _checked(data.decode(encoding)), encoding, ()
        except (UnicodeDecodeError, UnreadableFile):
            continue
    return _detected(data)


def _lenient(data: bytes, encoding: str) -> tuple[str, str, tuple[str, ...]]:
    """UTF-16/32 as far as it decodes: an odd byte at the end or a lone surrogate becomes �
    with a reader warning, not a lost file."""
    try:
        return data.decode(encoding), encoding, ()
    except UnicodeDecodeError:
        text = data.decode(encoding, "replace")
        count = text.count("\ufffd") - data.decode(encoding, "ignore").count("\ufffd")
        return text, encoding, (_REPLACED.format(count=count, encoding=encoding),)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: NUL bytes present and one byte order reads as text."""
    sample = data[:4096]
    if b"\x00" not in sample or len(sample) < 4:
        return None
    best, best_share = None, 0.9
    for encoding in ("utf-16-le", "utf-16-be"):
        text = sample[: len(sample) // 2 * 2].decode(encoding, "replace")
        share = sum(1 for ch in text if _plausible(ch)) / max(len(text), 1)
        if share > best_share:
            best, best_share = encoding, share
    return best


def _plausible(ch: str) -> bool:
    code = ord(ch)
    return (32 <= code < 127 or ch in "\t\n\r" or 0x3000 <= code <= 0x303F or 0x4E00 <= code <= 0x9FFF
            or 0xFF00 <= code <= 0xFFEF or ch in "“”‘’…—·")


def _detected(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None:
        raise UnreadableFile("无法识别文件的文字编码，可能是二进制文件")
    try:
        return _checked(data.decode(best.encoding)), best.encoding, ()
    except (UnicodeDecodeError, LookupError) as error:
        raise UnreadableFile(f"按检测到的编码 {best.encoding} 解码失败") from error


def _checked(text: str) -> str:
    """Reject text that decoded but is mostly control characters (binary data)."""
    sample = text[:20000]
    # In UTF-8 a control character is one byte below 0x20 and no other character has such a
    # byte, so counting bytes counts the characters; bytes.translate is much faster than a regex.
    encoded = sample.encode("utf-8", "surrogatepass")
    controls = len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))
    if controls > max(3, len(sample) // 100):
        raise UnreadableFile("文件含有大量控制字符，不是文本文件")
    return text
