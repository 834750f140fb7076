"""A PDF page's characters and vector paths from PDFium, shaped as pdfplumber shapes them.

pdfminer (under pdfplumber) interprets content streams in pure Python, which costs about
150 ms per page; PDFium (pypdfium2) does it in C. This module reads with PDFium and hands the
PDF reader the same objects pdfplumber would: characters as dicts (text, x0, x1, top, bottom,
size, matrix), paths split into subpaths and classified as pdfminer classifies them (a
two-point subpath is a line, an axis-aligned closed four-point subpath a rect, anything else a
curve), with their stroke/fill flags and colours. Table finding is pdfplumber's own
(`TableFinder` over these objects' edges), so the tables are found by the same algorithm.

Coordinates are pdfplumber's: x from the left, `top`/`bottom` from the top of the page.
Paths inside Form XObjects are placed on the page through the form's matrix.
"""
from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

_UNMAPPED = "(cid:0)"  # pdfplumber's spelling of a glyph without a Unicode mapping


class PdfiumPage:
    """One page: `chars`, path `objects`, `images` (a count), `width`, `height`; `complete` is
    False when PDFium's text page left characters out (see `_chars`)."""

    def __init__(self, page: pdfium.PdfPage):
        self.width, self.height = page.get_size()
        self.bbox = (0, 0, self.width, self.height)
        self.images = 0
        self.objects: list[dict] = []
        text_objects = []
        for kind, obj, matrix in _page_objects(page):
            if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                self.images += 1
            elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                self.objects.extend(_paths(obj, matrix, self.height))
            elif kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                text_objects.append(obj)
        self.chars, self.complete = _chars(page, self.height, text_objects)

    def filter(self, keep) -> "_Objects":
        """The page's path objects that `keep` accepts (pdfplumber's `Page.filter`)."""
        return _Objects([obj for obj in self.objects if keep(obj)], self.bbox)


class _Objects:
    """Path objects of a page, with the edges and the table finder pdfplumber offers."""

    def __init__(self, objects: list[dict], bbox):
        self.objects = objects
        self.bbox = bbox

    @property
    def edges(self) -> list[dict]:
        from pdfplumber import utils

        edges = []
        for obj in self.objects:
            edges.extend(utils.obj_to_edges(obj))
        return edges

    def find_tables(self, settings: dict):
        from pdfplumber.table import TableFinder

        return TableFinder(self, settings).tables


# ---------------------------------------------------------------- characters


def _chars(page: pdfium.PdfPage, height: float, text_objects: list) -> tuple[list[dict], bool]:
    """The page's characters from PDFium's text page, and whether it kept every text object.

    A text object none of whose characters reached the text page means characters are missing;
    the reader then reads that page with pdfplumber instead.
    """
    text_page = page.get_textpage()
    chars = []
    matrix = pdfium_c.FS_MATRIX()
    box = pdfium_c.FS_RECTF()
    reached = set()  # the text objects some character of the text page comes from
    try:
        for index in range(text_page.count_chars()):
            if pdfium_c.FPDFText_IsGenerated(text_page, index):
                continue  # spaces and line breaks PDFium infers; pdfplumber has none
            code = pdfium_c.FPDFText_GetUnicode(text_page, index)
            if pdfium_c.FPDFText_HasUnicodeMapError(text_page, index) or not code:
                text = _UNMAPPED
            else:
                text = chr(code) if code < 0x110000 else "\ufffd"
            if not pdfium_c.FPDFText_GetLooseCharBox(text_page, index, box):
                continue
            reached.add(ctypes.cast(pdfium_c.FPDFText_GetTextObject(text_page, index), ctypes.c_void_p).value)
            pdfium_c.FPDFText_GetMatrix(text_page, index, matrix)
            size = pdfium_c.FPDFText_GetFontSize(text_page, index) * _scale(matrix)
            if box.right - box.left > 1.5 * size or box.top - box.bottom > 1.5 * size:
                # a loose box PDFium got wrong (seen on vertically stacked cell text): a square
                # of one font size around the glyph's tight box
                pdfium_c.FPDFText_GetCharBox(text_page, index, _LEFT, _RIGHT, _BOTTOM, _TOP)
                middle_x, middle_y = (_LEFT.value + _RIGHT.value) / 2, (_BOTTOM.value + _TOP.value) / 2
                box.left, box.right, box.bottom = middle_x - size / 2, middle_x + size / 2, middle_y - size / 2
            chars.append(_char(text, box.left, box.right, height - box.bottom, size,
                               (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)))
    finally:
        text_page.close()
    # PDFium skips a text object of one character whose font has no glyph boxes (its bounds are
    # then a point): a real character on the second line of a wrapped table label
    return chars, all(ctypes.cast(obj, ctypes.c_void_p).value in reached for obj in text_objects)


_LEFT, _RIGHT, _BOTTOM, _TOP = (ctypes.c_double() for _ in range(4))


def _scale(matrix) -> float:
    """How much an FS_MATRIX scales lengths."""
    return abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5


def _char(text: str, x0: float, x1: float, bottom: float, size: float, matrix: tuple) -> dict:
    """pdfminer's character box: one font size tall from the descent line up (PDFium's loose
    box shares the descent line but takes its height from the font's ascent)."""
    return {"object_type": "char", "text": text, "x0": x0, "x1": x1, "top": bottom - size, "bottom": bottom,
            "size": size, "matrix": matrix}


# ---------------------------------------------------------------- paths


def _page_objects(page: pdfium.PdfPage):
    """(type, raw object, matrix to page space) for every object, forms descended into."""
    stack = [(pdfium_c.FPDFPage_CountObjects(page), pdfium_c.FPDFPage_GetObject, page, _IDENTITY, 0)]
    while stack:
        count, get, parent, outer, depth = stack.pop()
        for index in range(count):
            obj = get(parent, index)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
                inner = _multiply(_matrix(obj), outer)
                stack.append((pdfium_c.FPDFFormObj_CountObjects(obj), pdfium_c.FPDFFormObj_GetObject, obj, inner,
                              depth + 1))
            else:
                yield kind, obj, outer


_MAX_FORM_DEPTH = 16  # forms nested deeper than this (a hostile file) are not descended into


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _matrix(obj) -> tuple:
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
        return _IDENTITY
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _multiply(m: tuple, n: tuple) -> tuple:
    """m then n (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _apply(m: tuple, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _paths(obj, outer: tuple, height: float) -> list[dict]:
    """A path object's painted subpaths as pdfplumber line/rect/curve dicts."""
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
        return []
    fill, stroke = fill_mode.value != 0, bool(stroke.value)
    if not fill and not stroke:
        return []
    matrix = _multiply(_matrix(obj), outer)
    paint = {"stroke": stroke, "fill": fill, "stroking_color": _colour(obj, pdfium_c.FPDFPageObj_GetStrokeColor),
             "non_stroking_color": _colour(obj, pdfium_c.FPDFPageObj_GetFillColor)}
    return [shape for points in _subpaths(obj, matrix) if (shape := _shape(points, height, paint))]


def _colour(obj, getter) -> tuple | None:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)


def _subpaths(obj, matrix: tuple) -> list[list[tuple[float, float]]]:
    """Each subpath's points (a close adds the start point again), in page space."""
    subpaths: list[list[tuple[float, float]]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = _apply(matrix, x.value, y.value)
        if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([point])
        else:
            subpaths[-1].append(point)
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            subpaths[-1].append(subpaths[-1][0])
    return subpaths


def _shape(points: list[tuple[float, float]], height: float, paint: dict) -> dict | None:
    """pdfminer's classification: a line, an axis-aligned rectangle, or a curve."""
    if len(points) > 2 and points[-1] == points[-2]:
        points = points[:-1]  # a redundant line to the start before the close
    if len(points) < 2:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    box = {"x0": x0, "x1": x1, "y0": y0, "y1": y1, "top": height - y1, "bottom": height - y0,
           "doctop": height - y1, "width": x1 - x0, "height": y1 - y0, **paint}
    if len(points) == 2 or (len(points) == 3 and points[2] == points[0]):
        return {"object_type": "line", **box}
    if len(points) == 5 and points[4] == points[0] and _square(points):
        return {"object_type": "rect", **box}
    pts = [(px, height - py) for px, py in points]
    return {"object_type": "curve", "pts": pts, **box}


def _square(points) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[:4]
    return (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
