"""Word (.docx) reports: paragraphs and tables in document order, merged cells expanded.

Headers and footers live in separate parts of the package and are never read. Headings whose
number 「一、」 comes from Word's automatic numbering (not the text) get that number written
back in, computed from the numbering definitions, so they are recognised like typed ones.
"""
from __future__ import annotations

import io
import re
import zipfile

from auditor.ingest.document import CellBudget, Document, DocumentWriter, UnreadableFile
from auditor.limits import limits

_CHINESE_DIGITS = "〇一二三四五六七八九"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_STRICT = "http://purl.oclc.org/ooxml/"
_CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting",
                    "ideographDigital", "chineseLegalSimplified"}


def read_docx(source: str, data: bytes) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    _check_package(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableFile(f"Word 文件已损坏或不是 .docx 格式，无法打开（{type(error).__name__}）") from error
    except Exception as error:  # lxml and zip errors of many kinds on broken packages
        raise UnreadableFile(f"Word 文件无法解析：{error}") from error
    root = document.element
    if not isinstance(root.tag, str) or root.tag != f"{_W}document":
        raise UnreadableFile(f"Word 文件的正文部分不是 Word 文档（根元素为 {_local(root)}），文件可能已损坏")
    body = root.find(f"{_W}body")
    if body is None:
        raise UnreadableFile("Word 文件的正文部分没有正文（缺少 body），文件可能已损坏")
    numbering = _Numbering(document)
    writer = DocumentWriter()
    cells = CellBudget("Word 文件")
    for child in body.iterchildren():
        tag = _local(child)
        if tag == "p":
            writer.line(numbering.prefix(child) + _paragraph_text(child))
        elif tag == "tbl":
            writer.grid(*_expand(child, cells))
    return Document(source, "docx", writer.text(), tuple(writer.grids), "docx")


def _check_package(data: bytes) -> None:
    """Refuse a package whose parts inflate beyond the limit (a zip bomb) or that is Strict
    Open XML (python-docx reads transitional documents only)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
            inflated = sum(i.file_size for i in infos)
            if inflated > limits().max_inflated_bytes:
                raise UnreadableFile(f"Word 文件解压后过大（{inflated / 2 ** 20:.0f} MB，上限 "
                                     f"{limits().max_inflated_bytes / 2 ** 20:.0f} MB），可能是恶意压缩包")
            if "_rels/.rels" in package.namelist() and package.getinfo("_rels/.rels").file_size < 1_000_000:
                if _STRICT.encode() in package.read("_rels/.rels"):
                    raise UnreadableFile("Word 文件为 Strict Open XML 格式，暂不支持：请在 Word 中另存为标准 .docx 后重试")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError) as error:
        raise UnreadableFile(f"Word 文件已损坏或不是 .docx 格式，无法打开（{type(error).__name__}）") from error


def _local(node) -> str:
    """An element's tag without its namespace; "" for comments, entities and processing instructions."""
    tag = node.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _int(value, default: int) -> int:
    """A numeric attribute as Word writes it, or `default` when it is missing or no integer."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _paragraph_text(p) -> str:
    parts = []
    for node in p.iter():
        tag = _local(node)
        if tag == "t" and node.text:
            parts.append(node.text)
        elif tag == "tab":
            parts.append(" ")
        elif tag in ("br", "cr"):
            parts.append("\n")
    return "".join(parts)


def _cell_text(tc) -> str:
    lines = [_paragraph_text(p) for p in tc.iterchildren() if _local(p) == "p"]
    return re.sub(r"\s*\n\s*", "", "\n".join(lines)).replace("\t", " ").strip()


def _expand(tbl, cells: CellBudget) -> tuple[list[list[str]], list[list[bool]]]:
    """The table as a rectangular grid: gridSpan repeated across, vMerge continued down."""
    rows: list[list[str]] = []
    covered: list[list[bool]] = []
    for tr in (c for c in tbl.iterchildren() if _local(c) == "tr"):
        row: list[str] = []
        cover: list[bool] = []
        for tc in (c for c in tr.iterchildren() if _local(c) == "tc"):
            span, merge = _span_and_merge(tc)
            cells.take(max(span, 1))
            column = len(row)
            if merge == "continue" and rows and column < len(rows[-1]):
                text, first_covered = rows[-1][column], True
            else:
                text, first_covered = _cell_text(tc), False
            for offset in range(max(span, 1)):
                row.append(text)
                cover.append(first_covered or offset > 0)
        rows.append(row)
        covered.append(cover)
    width = max((len(r) for r in rows), default=0)
    cells.take(sum(width - len(r) for r in rows))
    for row, cover in zip(rows, covered):
        row.extend([""] * (width - len(row)))
        cover.extend([False] * (width - len(cover)))
    return rows, covered


def _span_and_merge(tc) -> tuple[int, str | None]:
    """A cell's gridSpan (1 when missing or no integer) and vMerge value, read from the XML
    itself (python-docx's typed properties raise on values that are not integers)."""
    props = tc.find(f"{_W}tcPr")
    if props is None:
        return 1, None
    span = props.find(f"{_W}gridSpan")
    merge = props.find(f"{_W}vMerge")
    return (_int(span.get(f"{_W}val"), 1) if span is not None else 1,
            (merge.get(f"{_W}val") or "continue") if merge is not None else None)


class _Numbering:
    """Renders the automatic number of a paragraph (「一、」, 「（一）」, 「1.」) from numbering.xml."""

    def __init__(self, document) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
        abstract = {}
        for node in numbering.findall("w:abstractNum", ns):
            levels = {}
            for lvl in node.findall("w:lvl", ns):
                ilvl = _int(lvl.get(f"{{{ns['w']}}}ilvl"), 0)
                fmt = lvl.find("w:numFmt", ns)
                text = lvl.find("w:lvlText", ns)
                start = lvl.find("w:start", ns)
                levels[ilvl] = (fmt.get(f"{{{ns['w']}}}val") if fmt is not None else "decimal",
                                text.get(f"{{{ns['w']}}}val") if text is not None else "",
                                _int(start.get(f"{{{ns['w']}}}val"), 1) if start is not None else 1)
            abstract[node.get(f"{{{ns['w']}}}abstractNumId")] = levels
        for num in numbering.findall("w:num", ns):
            ref = num.find("w:abstractNumId", ns)
            if ref is None:
                continue
            for ilvl, level in abstract.get(ref.get(f"{{{ns['w']}}}val"), {}).items():
                self.levels[(num.get(f"{{{ns['w']}}}numId"), ilvl)] = level

    def prefix(self, p) -> str:
        num_pr = p.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}numPr")
        if num_pr is None or not self.levels:
            return ""
        w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        num_id_node, ilvl_node = num_pr.find(f"{w}numId"), num_pr.find(f"{w}ilvl")
        if num_id_node is None:
            return ""
        num_id = num_id_node.get(f"{w}val")
        ilvl = _int(ilvl_node.get(f"{w}val"), 0) if ilvl_node is not None else 0
        level = self.levels.get((num_id, ilvl))
        if level is None:
            return ""
        fmt, text, start = level
        key = (num_id, ilvl)
        self.counters[key] = self.counters.get(key, start - 1) + 1
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[deeper]
        return re.sub(r"%(\d)", lambda m: self._render(num_id, int(m.group(1)) - 1), text)

    def _render(self, num_id: str, ilvl: int) -> str:
        value = self.counters.get((num_id, ilvl), 1)
        fmt = self.levels.get((num_id, ilvl), ("decimal", "", 1))[0]
        return chinese_numeral(value) if fmt in _CHINESE_FORMATS else str(value)


def chinese_numeral(value: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (enough for section and item numbers); outside
    0…99 (a list past 99 items, a negative or huge start) the number in Arabic digits."""
    if not 0 <= value <= 99:
        return str(value)
    if value < 10:
        return _CHINESE_DIGITS[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" + (_CHINESE_DIGITS[ones] if ones else "")
