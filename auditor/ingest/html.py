"""Government web pages: find the article, drop navigation and footers, expand table spans.

The article container is chosen the way readability tools do it: every paragraph-like
element credits its Chinese text (minus link text) to its parent and, halved, to its
grandparent; the best-credited element is the article.
"""
from __future__ import annotations

import re

from lxml import etree  # plain etree elements: lxml.html's per-element class lookup is slow

from auditor.ingest.decode import decode_text
from auditor.ingest.document import CellBudget, Document, Grid, UnreadableFile

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "iframe", "form", "select", "button")
_BOILERPLATE = re.compile(r"nav|menu|footer|foot|header|head|breadcrumb|crumb|sidebar|side|share|copyright|banner|login|search", re.I)
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "blockquote", "pre", "center", "td", "th"}
_LINE_SPACE = re.compile(r"[ \t\r\n]+")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_TITLE_HINT = "年度报告"


def read_html(source: str, data: bytes) -> Document:
    text, encoding, warnings = _decode_html(data)
    root, flattened = _parse(text)
    if flattened:
        warnings += ("网页元素嵌套过深，已忽略容器元素（div、span 等）的层次后读取",)
    page_title = _page_title(root)
    _strip_boilerplate(root)
    article = _article(root)
    writer = _Writer(CellBudget("网页"))
    if page_title and _TITLE_HINT not in _text_of(article)[:300]:
        writer.paragraph(page_title)
    writer.walk(article)
    return Document(source, "html", writer.text(), tuple(writer.grids), encoding, warnings)


_CONTAINER_TAG = re.compile(r"</?(?:div|span|font|section|article|center|b|i|u|strong|em|a)\b[^>]*>", re.I)


def _parse(text: str):
    """The page's element tree, and whether containers had to be flattened. libxml2 stops at
    a nesting depth of 256 (2,048 with huge_tree) and silently drops the rest of the page, so
    a page nested deeper is parsed again with huge_tree, then without its container tags."""
    flattened = False
    for attempt in range(3):
        parser = etree.HTMLParser(huge_tree=attempt > 0)
        try:
            root = etree.fromstring(text, parser)
        except Exception as error:  # lxml raises several types for hopeless markup
            raise UnreadableFile(f"无法解析 HTML：{error}") from error
        if not any("depth" in entry.message.lower() for entry in parser.error_log):
            break
        if attempt == 1:
            text, flattened = _CONTAINER_TAG.sub("", text), True
    if root is None:
        raise UnreadableFile("无法解析 HTML：Document is empty")
    return root, flattened


def _decode_html(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    head = data[:4096].decode("ascii", "ignore").lower()
    declared = re.search(r"charset\s*=\s*[\"']?([a-z0-9_-]+)", head)
    if declared and declared.group(1) in ("gb2312", "gbk", "gb18030"):
        try:
            return data.decode("gb18030"), "gb18030", ()
        except UnicodeDecodeError:
            pass
    text, encoding, warnings = decode_text(data)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    return text, encoding, warnings


def _page_title(root) -> str | None:
    for element in root.iter("h1", "h2", "h3", "title", "div", "p"):
        cls = (element.get("class") or "") + (element.get("id") or "")
        if element.tag in ("div", "p") and "title" not in cls.lower():
            continue
        value = _text_of(element)
        if _TITLE_HINT in value and len(value) < 80:
            return value
    return None


def _strip_boilerplate(root) -> None:
    for element in list(root.iter(*_DROP_TAGS)):
        _drop_tree(element)
    for element in list(root.iter("div", "ul", "section", "span", "p", "table")):
        if not element.attrib:  # most elements: no class or id to judge
            continue
        marker = f"{element.get('class') or ''} {element.get('id') or ''}"
        if marker.strip() and _BOILERPLATE.search(marker) and not _contains_report_table(element):
            if element.getparent() is not None:
                _drop_tree(element)


def _drop_tree(element) -> None:
    """Remove the element and its children, keeping its tail text (as lxml.html's drop_tree)."""
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + element.tail
        else:
            previous.tail = (previous.tail or "") + element.tail
    parent.remove(element)


def _contains_report_table(element) -> bool:
    return any(True for _ in element.iter("table")) and "申请" in _text_of(element)


def _article(root):
    scores: dict = {}
    for element in root.iter("p", "table", "h1", "h2", "h3", "h4", "div", "td", "li", "pre"):
        tag = element.tag
        if tag == "td" and len(element) == 0 and len(element.text or "") < 60:
            continue  # a data cell: its table is scored as a whole
        if tag in ("div", "td") and element.find(".//p") is not None:
            continue
        own = _cjk_count(_raw_text(element)) - 2 * sum(_cjk_count(_raw_text(a)) for a in element.iter("a"))
        if tag == "table":
            own *= 2
        parent = element.getparent()
        if parent is None or own <= 0:
            continue
        scores[parent] = scores.get(parent, 0) + own
        grandparent = parent.getparent()
        if grandparent is not None:
            scores[grandparent] = scores.get(grandparent, 0) + own / 2
    if not scores:
        body = root.find("body")
        return body if body is not None else root
    return max(scores, key=scores.get)


def _cjk_count(value: str) -> int:
    return sum(map(len, _CJK_RUN.findall(value)))


def _text_of(element) -> str:
    return " ".join(_raw_text(element).split())


def _raw_text(element) -> str:
    """All text below the element, as "".join(element.itertext()) but gathered by libxml2."""
    if len(element) == 0:  # the common case: the element's own text is all of it
        return element.text or ""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


class _Writer:
    """Walks the article in document order, writing lines of text and collecting grids."""

    def __init__(self, cells: CellBudget) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.grids: list[Grid] = []
        self.line: list[str] = []
        self.cells = cells

    def text(self) -> str:
        self._end_line()
        return "".join(self.parts)

    def paragraph(self, value: str) -> None:
        self._end_line()
        self._emit(value.strip() + "\n")

    def _emit(self, value: str) -> None:
        self.parts.append(value)
        self.length += len(value)

    def _end_line(self) -> None:
        if not self.line:
            return
        value = _LINE_SPACE.sub(" ", "".join(self.line)).strip()
        self.line = []
        if value:
            self._emit(value + "\n")

    def walk(self, article) -> None:
        """Text in document order, a line per block, tables as grids (iterative: pages nest
        deeper than Python's recursion limit)."""
        walker = etree.iterwalk(article, events=("start", "end"))
        for event, element in walker:
            tag = element.tag
            if not isinstance(tag, str):  # a comment or processing instruction: only its tail
                if event == "end" and element.tail:
                    self.line.append(element.tail)
                continue
            if event == "start":
                if tag == "table":
                    self._end_line()
                    self._table(element)
                    walker.skip_subtree()
                elif tag == "br":
                    self._end_line()
                else:
                    if tag in _BLOCK_TAGS:
                        self._end_line()
                    if element.text:
                        self.line.append(element.text)
                continue
            if tag in _BLOCK_TAGS:
                self._end_line()
            if element is not article and element.tail:
                self.line.append(element.tail)

    def _table(self, table) -> None:
        rows, covered = expand_table(table, self.cells)
        if not rows:
            return
        spans = []
        for row in rows:
            line = "\t".join(row)
            spans.append((self.length, self.length + len(line)))
            self._emit(line + "\n")
        self.grids.append(Grid(tuple(tuple(r) for r in rows), tuple(spans), True, tuple(tuple(c) for c in covered)))


def expand_table(table, cells: CellBudget | None = None) -> tuple[list[list[str]], list[list[bool]]]:
    """The table as a rectangular grid, rowspan/colspan expanded by repeating the cell text.

    Also returns which positions are covered by a span (True) rather than holding a cell. A span
    overlapping an earlier one takes its positions over. The positions count against `cells`
    (UnreadableFile past the limit: rows × columns, not each attribute, is what grows).
    """
    cells = cells or CellBudget("网页")
    written = 0
    trs = [tr for tr in table.iter("tr") if _nearest_table(tr) is table]
    texts: list[dict[int, str]] = [{} for _ in trs]  # per row: column -> cell text
    spanned: list[set[int]] = [set() for _ in trs]  # per row: the columns a span repeats a cell into
    width = 0
    for r, tr in enumerate(trs):
        line = texts[r]
        c = 0
        for cell in tr.iterchildren("td", "th"):
            while c in line:
                c += 1
            text = cell.text if len(cell) == 0 else _raw_text(cell)  # _text_of, inlined: the hot loop
            value = " ".join(text.split()) if text else ""
            attributes = cell.attrib
            if attributes:
                rowspan, colspan = _span(attributes.get("rowspan")), _span(attributes.get("colspan"))
            else:
                rowspan = colspan = 1
            if rowspan == colspan == 1:
                line[c] = value
            else:
                written += rowspan * colspan
                cells.check(written)
                for dr in range(rowspan):
                    if r + dr == len(texts):
                        texts.append({})
                        spanned.append(set())
                    target, covered = texts[r + dr], spanned[r + dr]
                    for dc in range(colspan):
                        target[c + dc] = value
                        if dr or dc:
                            covered.add(c + dc)
                        else:
                            covered.discard(c + dc)
            c += colspan
            if c > width:
                width = c
    while texts and not texts[-1]:
        texts.pop()
    cells.take(len(texts) * width)
    columns = range(width)
    rows = [[line.get(c, "") for c in columns] for line in texts]
    covered = [[c in cs for c in columns] if cs else [False] * width for cs in spanned[:len(texts)]]
    return rows, covered


def _nearest_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _span(value: str | None) -> int:
    """A rowspan or colspan attribute as a count: 1 when absent or unreadable, at most 200."""
    try:
        return max(1, min(int(value or 1), 200))
    except ValueError:
        return 1
