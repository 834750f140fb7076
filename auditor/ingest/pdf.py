"""PDF reports: text in reading order page by page, ruled tables as positional grids.

Approach, per page. Characters and vector paths come from PDFium (`pdf_objects.py`, in C, about
five times faster than pdfminer) in pdfplumber's shapes, and pdfplumber's own table finder runs
on them; a page whose characters PDFium's text page did not all keep is read with pdfplumber
(pdfminer) instead, so both give the same documents.

1. Characters are de-duplicated (fake bold prints each glyph twice), diagonal watermark text
   is left out, and the rest is split into characters inside a ruled table and the others.
2. Tables come from the *visible* ruling only: stroked lines and rectangles, and thin filled
   rectangles. Large filled rectangles are cell or line backgrounds (WPS draws a white box
   behind every text line) and would otherwise turn whole pages into one-column "tables".
   A table cut by a page break has no border on the cut side, so a closing rule is added where
   several vertical rules end (or start) at the same height: without it pdfplumber drops the
   row next to the cut.
3. Each table becomes a grid over the union of its cells' edges: a merged cell owns every
   position it covers, its text is repeated there and the repeats are marked covered. Text
   inside a cell is joined without its line breaks (labels wrap inside narrow cells).
4. The other characters are grouped into lines; page numbers in the top or bottom margin
   (「- 2 -」, 「第 2 页 共 5 页」, 「2」) and running heads or feet (the same margin line at
   the same height on most pages) are dropped; the large lines opening the document are
   joined into one title; a line that fills the measure and is followed by an unindented line
   is joined with it unless it ends a sentence or the next line opens a heading.
5. A table that ends page N and one that opens page N+1 with compatible columns are one table:
   their parts are stacked into a single grid (a header row repeated on the continuation is
   dropped, a label cell cut by the break is made whole again). The page start recorded for
   page N+1 is the offset of the first row printed on it.

A sentence broken by a page break is left on two lines: normalisation (auditor.normalise) joins
such lines, and page starts stay exact. Normalisation also removes the stray spaces that
justified text leaves between characters (「邮 编 ：」), so the reader does not.

Errors become UnreadableFile with a message in Chinese: encrypted, damaged or truncated files,
and files without a text layer (scanned images) or without a usable character map.
"""
from __future__ import annotations

import bisect
import io
import re
import statistics
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from auditor.ingest.document import Document, DocumentWriter, UnreadableFile
from auditor.limits import limits
from auditor.normalise import STRUCTURAL_START

_MARGIN_BAND = 0.12  # share of the page height where running heads and page numbers live
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~～_·•\s]*\d{1,4}[-—–－~～_·•\s]*"
    r"|第\s*\d{1,4}\s*页\s*(?:[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$"
)
_SENTENCE_END = re.compile(r"[。！？；：!?;:]$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_X_TOLERANCE = 3.0  # points: cell edges closer than this are the same column boundary
_Y_TOLERANCE = 2.0
_MIN_TEXT_CHARS = 10
_MAX_CID_SHARE = 0.3
_ENCRYPTED = "PDF 文件已加密，需要密码才能打开：请提供未加密的版本"
_NO_TEXT = "PDF 没有文字层（可能是扫描件），需要先进行 OCR 识别"


# ---------------------------------------------------------------- data carried between steps


@dataclass
class _Line:
    """One line of text outside the tables, with its position on the page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass
class _Part:
    """The piece of a ruled table printed on one page: cell boxes and the characters inside."""

    cells: list[tuple[float, float, float, float]]  # x0, x1, top, bottom
    chars: list[dict]
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class _Table:
    """A ruled table, possibly continued over several pages (one part per page)."""

    parts: list[_Part]
    first_rows: list[int] = field(default_factory=list)  # grid row where each part begins
    grid: object = None  # the Grid written for it

    @property
    def top(self) -> float:
        return self.parts[0].top


@dataclass
class _Page:
    items: list  # _Line | _Table, in reading order
    height: float
    continues: tuple[_Table, int] | None = None  # the page opens with part k of an earlier table


@dataclass
class _Layout:
    """Measures of the body text shared by all pages: font size and text margins."""

    size: float
    left: float
    right: float


@dataclass
class _Grid:
    rows: list[list[str]]
    covered: list[list[bool]]
    row_tops: list[float]  # stacked y where each kept row begins
    first_rows: list[int]


# ---------------------------------------------------------------- entry point


def read_pdf(source: str, data: bytes) -> Document:
    _check_complete(data)
    try:
        return _read(source, data)
    except UnreadableFile:
        raise
    except Exception as error:  # pdfminer raises many kinds of errors on broken files
        raise _unreadable(error) from error


def _read(source: str, data: bytes) -> Document:
    with _PageSource(data) as source_pages:
        if len(source_pages) > limits().max_pages:
            raise UnreadableFile(f"PDF 页数过多（{len(source_pages)} 页，上限 {limits().max_pages} 页），不像一份年度报告"
                                 "（上限可在 [tool.auditor.limits] 的 max_pages 调整）")
        pages, warnings = _read_pages(source_pages)
    _drop_page_furniture(pages)
    _join_continued_tables(pages)
    layout = _measure(pages)
    writer = DocumentWriter()
    _write(writer, pages, layout)
    return Document(source, "pdf", writer.text(), tuple(writer.grids), "pdf", tuple(warnings),
                    tuple(writer.page_starts))


class _PageSource:
    """The pages' characters and paths: from PDFium (fast, in C), or from pdfplumber for a page
    whose characters PDFium's text page did not all keep."""

    def __init__(self, data: bytes):
        import pypdfium2 as pdfium

        self.data = data
        self.pdfium = pdfium.PdfDocument(data)
        self.plumber = None

    def __iter__(self):
        from auditor.ingest.pdf_objects import PdfiumPage

        for index in range(len(self.pdfium)):
            page = PdfiumPage(self.pdfium[index])
            if not page.complete:
                if self.plumber is None:
                    import pdfplumber

                    self.plumber = pdfplumber.open(io.BytesIO(self.data))
                page = self.plumber.pages[index]
            yield page

    def __len__(self) -> int:
        return len(self.pdfium)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.pdfium.close()
        if self.plumber is not None:
            self.plumber.close()


def _check_complete(data: bytes) -> None:
    """A PDF ends with %%EOF (within its last KB); a cut-off download does not."""
    if b"%%EOF" not in data.rstrip(b"\x00\r\n\t ")[-1024:]:
        raise UnreadableFile("PDF 文件已损坏或不完整（缺少文件结束标记 %%EOF，可能下载或复制时被截断）")


def _unreadable(error: Exception) -> UnreadableFile:
    """The user's message for an exception from PDFium or pdfminer (pdfplumber wraps them)."""
    causes = [error, *error.args, error.__cause__, error.__context__]
    causes = [c for c in causes if isinstance(c, BaseException)]
    names = " ".join(type(c).__name__ for c in causes)
    if "Password" in names or "Encrypt" in names or "password" in str(error) or "security scheme" in str(error):
        return UnreadableFile(_ENCRYPTED)
    inner = causes[1] if len(causes) > 1 and type(error).__name__ == "PdfminerException" else error
    detail = f"{type(inner).__name__}：{str(inner)[:80]}" if str(inner) else type(inner).__name__
    if not _raised_by_library(error):  # a fault of this reader, not of the file
        return UnreadableFile(f"读取 PDF 时程序出错（{detail}），请将此文件反馈给维护者")
    return UnreadableFile(f"PDF 文件已损坏，无法解析（{detail}）")


def _raised_by_library(error: BaseException) -> bool:
    """Whether the innermost frame of the traceback is in one of the PDF libraries."""
    trace = error.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    filename = trace.tb_frame.f_code.co_filename if trace is not None else ""
    return any(name in filename for name in ("pdfminer", "pdfplumber", "pypdfium2"))


def _read_pages(pdf_pages) -> tuple[list[_Page], list[str]]:
    pages: list[_Page] = []
    warnings: list[str] = []
    counts = Counter()
    most = limits().max_page_content_bytes
    for number, page in enumerate(pdf_pages, start=1):
        if _content_bytes(page, most) > most:
            warnings.append(f"第 {number} 页的内容流解压后超过 {most // 1024} KB（上限可在 [tool.auditor.limits] 的 "
                            "max_page_content_bytes 调整），该页未读取")
            pages.append(_Page([], float(page.height)))
            counts["skipped"] += 1
            continue
        chars = _visible_chars(page)
        counts["chars"] += len(chars)
        counts["cid"] += sum(1 for c in chars if c["text"].startswith("(cid:"))
        if not chars and page.images:
            warnings.append(f"第 {number} 页没有文字层（可能是扫描页），其内容未读取")
        pages.append(_read_page(page, [c for c in chars if not c["text"].startswith("(cid:")]))
    if counts["chars"] < _MIN_TEXT_CHARS:
        raise UnreadableFile(f"PDF 有 {counts['skipped']} 页内容过大未读取，其余页面没有文字" if counts["skipped"] else _NO_TEXT)
    if counts["cid"] > _MAX_CID_SHARE * counts["chars"]:
        raise UnreadableFile("PDF 的文字无法解码（字体缺少 Unicode 字符映射），需要先进行 OCR 识别")
    return pages, warnings


def _content_bytes(page, limit: int) -> int:
    """A pdfplumber page's content streams, inflated no further than just past `limit`: a
    stream of a few KB that inflates to hundreds of MB is measured, not decoded, and pdfminer
    (minutes on such a page) never sees it. PDFium's pages (read in C, seconds on any stream)
    are not measured: 0."""
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, resolve1

    contents = getattr(getattr(page, "page_obj", None), "contents", None)
    if not contents:
        return 0
    total = 0
    try:
        for reference in contents:
            stream = resolve1(reference)
            filters = stream.get_filters()
            if stream.data is not None or not filters:
                total += len(stream.data if stream.data is not None else stream.rawdata)
            elif len(filters) == 1 and filters[0][0] in LITERALS_FLATE_DECODE:
                total += len(zlib.decompressobj().decompress(stream.rawdata, limit - total + 1))
            else:
                total += len(stream.get_data())
            if total > limit:
                break
    except Exception:  # a stream pdfminer cannot decode: the page reader reports the file as damaged
        return 0
    return total


# ---------------------------------------------------------------- one page


def _visible_chars(page) -> list[dict]:
    """Printable characters on the page, each glyph once (fake bold prints it twice)."""
    seen: set[tuple[str, int, int]] = set()
    chars = []
    for char in page.chars:
        text = char["text"]
        if not text.strip() or not _on_page(char, page) or _is_slanted(char.get("matrix")):
            continue
        x, y = int(char["x0"]), int(char["top"])
        if any((text, x + dx, y + dy) in seen for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
            continue
        seen.add((text, x, y))
        chars.append(char)
    return chars


def _on_page(char: dict, page) -> bool:
    return char["x1"] >= 0 and char["x0"] <= page.width and char["bottom"] >= 0 and char["top"] <= page.height


def _is_slanted(matrix) -> bool:
    """Text drawn neither horizontally nor vertically: a diagonal watermark, not the report's."""
    if not matrix:
        return False
    a, b, c, d = (abs(v) for v in matrix[:4])
    straight, skew = a + d, b + c
    return min(straight, skew) > 0.2 * max(straight, skew)


def _read_page(page, chars: list[dict]) -> _Page:
    parts = _find_tables(page)
    inside: list[list[dict]] = [[] for _ in parts]
    free = []
    for char in chars:
        index = _part_at(parts, char)
        (free if index is None else inside[index]).append(char)
    for part, part_chars in zip(parts, inside):
        part.chars = part_chars
    items: list = [_Table([part]) for part in parts] + _text_lines(free)
    items.sort(key=lambda item: item.top)
    return _Page(items, page.height)


def _part_at(parts: list[_Part], char: dict) -> int | None:
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    for index, part in enumerate(parts):
        if part.x0 <= x <= part.x1 and part.top <= y <= part.bottom:
            return index
    return None


def _is_ruling(obj: dict) -> bool:
    """Objects that draw visible rules: lines, stroked boxes, thin filled bars; not backgrounds."""
    kind = obj.get("object_type")
    if kind == "char":
        return False
    if kind == "line":
        return not _is_white(obj.get("stroking_color"))
    if kind in ("rect", "curve"):
        if obj.get("stroke") and not _is_white(obj.get("stroking_color")):
            return True
        thin = min(obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]) < 2
        return kind == "rect" and thin and bool(obj.get("fill")) and not _is_white(obj.get("non_stroking_color"))
    return False


def _is_white(color) -> bool:
    if not isinstance(color, (tuple, list)) or not all(isinstance(v, (int, float)) for v in color):
        return False
    if len(color) == 4:  # CMYK: no ink
        return all(v <= 0.05 for v in color)
    return len(color) in (1, 3) and all(v >= 0.95 for v in color)


def _find_tables(page) -> list[_Part]:
    ruled = page.filter(_is_ruling)
    edges = [e for e in ruled.edges if e["orientation"] == "v" and e["bottom"] - e["top"] > 2]
    settings = {"vertical_strategy": "lines", "horizontal_strategy": "lines",
                "explicit_horizontal_lines": _closing_rules(edges)}
    parts = []
    for table in ruled.find_tables(settings):
        cells = [(c[0], c[2], c[1], c[3]) for c in table.cells]
        x0, top, x1, bottom = table.bbox
        part = _Part(cells, [], x0, x1, top, bottom)
        if len(_boundaries(part)) >= 3:
            parts.append(part)  # a box of one column is a frame, not a table
    return parts


def _closing_rules(vertical_edges: list[dict]) -> list[dict]:
    """Horizontal rules where two or more vertical rules end (or start) at the same height.

    A table cut by a page break has its side rules but no rule along the cut.
    """
    rules = []
    for key in ("top", "bottom"):
        for group in _same_height(vertical_edges, key):
            xs = sorted({e["x0"] for e in group})
            if len(xs) >= 2 and xs[-1] - xs[0] > _X_TOLERANCE:
                y = statistics.median(e[key] for e in group)
                rules.append({"object_type": "line", "x0": xs[0], "x1": xs[-1], "top": y, "bottom": y,
                              "width": xs[-1] - xs[0], "height": 0})
    return rules


def _same_height(edges: list[dict], key: str) -> list[list[dict]]:
    groups: list[list[dict]] = []
    for edge in sorted(edges, key=lambda e: e[key]):
        if groups and edge[key] - groups[-1][-1][key] <= _Y_TOLERANCE:
            groups[-1].append(edge)
        else:
            groups.append([edge])
    return groups


def _text_lines(chars: list[dict]) -> list[_Line]:
    """Characters grouped into lines: a character joins the line its vertical centre falls in."""
    lines: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        middle = (char["top"] + char["bottom"]) / 2
        if lines and lines[-1][0]["top"] <= middle <= max(c["bottom"] for c in lines[-1][-3:]):
            lines[-1].append(char)
        else:
            lines.append([char])
    return [_make_line(line) for line in lines]


def _make_line(chars: list[dict]) -> _Line:
    chars.sort(key=lambda c: c["x0"])
    return _Line(_join_chars(chars), chars[0]["x0"], max(c["x1"] for c in chars), min(c["top"] for c in chars),
                 max(c["bottom"] for c in chars), statistics.median(c["size"] for c in chars))


def _join_chars(chars: list[dict]) -> str:
    """Characters of one line, left to right, with a space where the gap is a visible one."""
    out = []
    for previous, char in zip([None, *chars], chars):
        if previous is not None and char["x0"] - previous["x1"] > 0.3 * min(char["size"], previous["size"]):
            out.append(" ")
        out.append(char["text"])
    return "".join(out)


# ---------------------------------------------------------------- page furniture


def _drop_page_furniture(pages: list[_Page]) -> None:
    """Page numbers, and running heads or feet repeated on most pages, in the margin bands."""
    running = _running_lines(pages)
    for page in pages:
        edge = _edge_lines(page)
        page.items = [item for i, item in enumerate(page.items)
                      if not (i in edge and (_PAGE_NUMBER.match(item.text.strip()) or _furniture_key(item) in running))]


def _edge_lines(page: _Page) -> set[int]:
    """Indexes of the first two and last two lines of the page that lie in the margin bands."""
    lines = [i for i, item in enumerate(page.items) if isinstance(item, _Line)]
    height = page.height
    return {i for i in lines[:2] + lines[-2:]
            if page.items[i].bottom < height * _MARGIN_BAND or page.items[i].top > height * (1 - _MARGIN_BAND)}


def _running_lines(pages: list[_Page]) -> set[tuple[str, int]]:
    """Margin lines printed at the same height on most pages (page numbers aside)."""
    if len(pages) < 3:
        return set()
    counts = Counter(key for page in pages for key in {_furniture_key(page.items[i]) for i in _edge_lines(page)})
    return {key for key, count in counts.items() if count >= max(3, (len(pages) + 1) // 2)}


def _furniture_key(line: _Line) -> tuple[str, int]:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text)), round(line.top / 6)


# ---------------------------------------------------------------- tables across pages


def _join_continued_tables(pages: list[_Page]) -> None:
    """A table closing page N and one opening page N+1 with compatible columns become one."""
    open_table: _Table | None = None
    for page in pages:
        first = page.items[0] if page.items else None
        if open_table is not None and isinstance(first, _Table) and _compatible(open_table, first.parts[0]):
            open_table.parts.append(_without_repeated_header(open_table, first.parts[0]))
            page.items.pop(0)
            page.continues = (open_table, len(open_table.parts) - 1)
        last = page.items[-1] if page.items else (page.continues[0] if page.continues else None)
        open_table = last if isinstance(last, _Table) else None


def _compatible(table: _Table, part: _Part) -> bool:
    """Same outer edges, and the column boundaries of one part are among those of the other."""
    previous = table.parts[-1]
    if abs(previous.x0 - part.x0) > 2 * _X_TOLERANCE or abs(previous.x1 - part.x1) > 2 * _X_TOLERANCE:
        return False
    a, b = _boundaries(previous), _boundaries(part)
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(abs(x - y) <= _X_TOLERANCE for y in large) for x in small)


def _boundaries(part: _Part) -> list[float]:
    return _cluster([x for cell in part.cells for x in cell[:2]], _X_TOLERANCE)


def _without_repeated_header(table: _Table, part: _Part) -> _Part:
    """The continuation without the header rows it repeats from the table's first page."""
    header = _grid([table.parts[0]])
    own = _grid([part])
    repeated = 0
    while (repeated < min(len(header.rows), len(own.rows)) - 1 and own.rows[repeated] == header.rows[repeated]
           and any(own.rows[repeated])):
        repeated += 1
    if not repeated:
        return part
    cut = part.top + own.row_tops[repeated]  # row_tops count from the part's top
    return _Part([c for c in part.cells if c[2] >= cut - _Y_TOLERANCE], [c for c in part.chars if c["top"] >= cut],
                 part.x0, part.x1, cut, part.bottom)


# ---------------------------------------------------------------- grids


def _grid(parts: list[_Part]) -> _Grid:
    """The parts stacked one below the other, as one grid with merged cells expanded."""
    cells, chars, part_tops = _stack(parts)
    xs = _cluster([x for c in cells for x in c[:2]], _X_TOLERANCE)
    ys = _cluster([y for c in cells for y in c[2:]], _Y_TOLERANCE)
    owner, spans = _owners(cells, xs, ys)
    texts = _cell_texts(chars, owner, xs, ys)
    first_rows = [_nearest(ys, top) for top in part_tops]
    for row in first_rows[1:]:
        _mend_cut_cells(owner, spans, texts, row)
    return _expand(owner, texts, ys, first_rows)


def _stack(parts: list[_Part]):
    """Cells as (x0, x1, top, bottom) and characters as (x, y, char) in one vertical space."""
    cells, chars, part_tops = [], [], []
    offset = 0.0
    for part in parts:
        shift = offset - part.top
        part_tops.append(offset)
        cells += [(x0, x1, top + shift, bottom + shift) for x0, x1, top, bottom in part.cells]
        chars += [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2 + shift, c) for c in part.chars]
        offset += part.bottom - part.top
    return cells, chars, part_tops


def _cluster(values: list[float], tolerance: float) -> list[float]:
    """Sorted values merged where they lie within `tolerance` of each other (their mean)."""
    groups: list[list[float]] = []
    for value in sorted(values):
        if groups and value - groups[-1][-1] <= tolerance:
            groups[-1].append(value)
        else:
            groups.append([value])
    return [sum(g) / len(g) for g in groups]


def _nearest(points: list[float], value: float) -> int:
    index = bisect.bisect_left(points, value)
    if index > 0 and (index == len(points) or value - points[index - 1] <= points[index] - value):
        return index - 1
    return index


def _owners(cells, xs, ys):
    """owner[r][c]: the index of the cell covering grid position (r, c), or None; and cell spans."""
    owner: list[list[int | None]] = [[None] * max(len(xs) - 1, 0) for _ in range(max(len(ys) - 1, 0))]
    spans: dict[int, list[int]] = {}
    for index, (x0, x1, top, bottom) in enumerate(cells):
        c0, c1, r0, r1 = _nearest(xs, x0), _nearest(xs, x1), _nearest(ys, top), _nearest(ys, bottom)
        if c1 <= c0 or r1 <= r0:
            continue
        spans[index] = [r0, r1, c0, c1]
        for r in range(r0, r1):
            for c in range(c0, c1):
                if owner[r][c] is None:
                    owner[r][c] = index
    return owner, spans


def _cell_texts(chars, owner, xs, ys) -> dict:
    """Text of each cell (key: cell index) and of each unowned position (key: (r, c))."""
    buckets: dict = defaultdict(list)
    if not owner or not owner[0]:
        return {}
    for x, y, char in chars:
        r = min(max(bisect.bisect_right(ys, y) - 1, 0), len(owner) - 1)
        c = min(max(bisect.bisect_right(xs, x) - 1, 0), len(owner[0]) - 1)
        buckets[owner[r][c] if owner[r][c] is not None else (r, c)].append(char)
    return {key: _cell_text(found) for key, found in buckets.items()}


def _cell_text(chars: list[dict]) -> str:
    """The cell's lines joined without their breaks (labels wrap inside narrow cells)."""
    return "".join(line.text for line in _text_lines(chars)).strip()


def _mend_cut_cells(owner, spans, texts, row: int) -> None:
    """Make a label cell cut by a page break whole again (its two pieces become one cell)."""
    if row <= 0 or row >= len(owner):
        return
    for c in range(len(owner[row])):
        upper, lower = owner[row - 1][c], owner[row][c]
        if upper is None or lower is None or upper == lower:
            continue
        if spans[upper][1] != row or spans[lower][0] != row or spans[upper][2:] != spans[lower][2:]:
            continue
        if not _is_cut_label(texts.get(upper, ""), texts.get(lower, ""), spans[upper], spans[lower]):
            continue
        texts[upper] = texts.get(upper, "") + texts.get(lower, "")
        r0, r1, c0, c1 = spans[lower]
        for r in range(r0, r1):
            for cc in range(c0, c1):
                if owner[r][cc] == lower:
                    owner[r][cc] = upper
        spans[upper][1] = r1


def _is_cut_label(above: str, below: str, upper: list[int], lower: list[int]) -> bool:
    """Two pieces of one label: one piece is empty and the other Chinese text; or the text goes
    on without a new number (「（四）无」 / 「法提供」) in a cell spanning several rows, so that
    two single-row labels (「行政处罚」 / 「行政强制」) are never run together."""
    if not _CJK.search(above + below):
        return False
    if not above or not below:
        return True
    spans_rows = upper[1] - upper[0] > 1 or lower[1] - lower[0] > 1
    return spans_rows and not STRUCTURAL_START.match(below) and not _SENTENCE_END.search(above)


def _expand(owner, texts, ys, first_rows) -> _Grid:
    """Rows of cell texts (a merged cell's text in every position) and the covered flags."""
    origin: dict[int, tuple[int, int]] = {}
    rows, covered, tops, kept = [], [], [], []
    for r, line in enumerate(owner):
        row, cover = [], []
        for c, index in enumerate(line):
            if index is None:
                row.append(texts.get((r, c), ""))
                cover.append(False)
            else:
                origin.setdefault(index, (r, c))
                row.append(texts.get(index, ""))
                cover.append(origin[index] != (r, c))
        if any(row) and not all(cover):  # a row with nothing of its own is a drawing artefact
            kept.append(r)
            rows.append(row)
            covered.append(cover)
            tops.append(ys[r])
    firsts = [bisect.bisect_left(kept, row) for row in first_rows]
    return _Grid(rows, covered, tops, firsts)


# ---------------------------------------------------------------- paragraphs


def _measure(pages: list[_Page]) -> _Layout:
    """The body text's size and left and right margins, from the lines of all pages."""
    lines = [item for page in pages for item in page.items if isinstance(item, _Line)]
    if not lines:
        return _Layout(12.0, 0.0, 0.0)
    size = Counter(round(line.size, 1) for line in lines).most_common(1)[0][0]
    body = [line for line in lines if abs(line.size - size) < 0.5] or lines
    left = Counter(round(line.x0) for line in body).most_common(1)[0][0]
    right = sorted(line.x1 for line in body)[int(len(body) * 0.8)]
    return _Layout(size, left, right)


def _paragraphs(lines: list[_Line], layout: _Layout, opening: bool) -> list[str]:
    """Lines joined into paragraphs; large lines in the document's opening into one title.

    The opening lasts until the first line of body text longer than a short caption (「附件1」).
    """
    texts: list[str] = []
    previous: _Line | None = None
    for line in lines:
        big = line.size > layout.size * 1.15
        title = opening and big and previous is not None and previous.size > layout.size * 1.15
        if previous is not None and (title or _continues(previous, line, layout)):
            texts[-1] += line.text
        else:
            texts.append(line.text)
        opening = opening and (big or len(line.text) <= 15)
        previous = line
    return texts


def _continues(before: _Line, after: _Line, layout: _Layout) -> bool:
    """`after` carries on the sentence of `before`: that line is full, this one not indented."""
    full = before.x1 >= layout.right - 1.5 * layout.size
    flush_left = after.x0 <= layout.left + 0.5 * layout.size
    close = after.top - before.bottom <= 1.2 * before.size and abs(after.size - before.size) < 1
    text = before.text.rstrip()
    return (full and flush_left and close and not _SENTENCE_END.search(text)
            and not STRUCTURAL_START.match(after.text))


# ---------------------------------------------------------------- writing


def _write(writer: DocumentWriter, pages: list[_Page], layout: _Layout) -> None:
    continued: list[tuple[int, _Table, int]] = []
    for number, page in enumerate(pages):
        writer.new_page()
        if page.continues is not None:
            continued.append((number, *page.continues))
        run: list[_Line] = []
        for item in page.items + [None]:
            if isinstance(item, _Line):
                run.append(item)
                continue
            for text in _paragraphs(run, layout, opening=number == 0 and not writer.parts):
                writer.line(text)
            run = []
            if isinstance(item, _Table):
                _write_table(writer, item)
    for number, table, part in continued:  # page N+1 begins at the first row printed on it
        grid = table.grid
        if grid is not None and part < len(table.first_rows) and table.first_rows[part] < len(grid.row_spans):
            writer.page_starts[number] = grid.row_spans[table.first_rows[part]][0]


def _write_table(writer: DocumentWriter, table: _Table) -> None:
    grid = _grid(table.parts)
    if not grid.rows:
        return
    writer.grid(grid.rows, grid.covered)
    table.first_rows = grid.first_rows
    table.grid = writer.grids[-1]
