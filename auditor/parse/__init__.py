"""From a Document (text + grids) to one typed Report: metadata, sections, tables, notes."""
from __future__ import annotations

from pathlib import Path

from auditor.ingest import Document, UnreadableFile, read_document, source_name
from auditor.limits import Limits, applied
from auditor.model import ParseNote, Report, Span
from auditor.normalise import NormalisedText
from auditor.parse.furniture import furniture_lines
from auditor.parse.extent import partial_note
from auditor.parse.genre import non_report_reason
from auditor.parse.metadata import read_metadata
from auditor.parse.sections import build_sections, find_headings
from auditor.parse.tables import read_tables
from auditor.template import UNKNOWN
from auditor.template.recognise import report_version

__all__ = ["parse_document", "read_report"]

_MIN_DUPLICATE_LINE = 8


def read_report(path: str | Path, data: bytes | None = None, limits: Limits | None = None) -> Report:
    """Read and parse one file (`data`: its bytes, when they are given rather than read from
    `path`) under `limits` (default: those in force, see auditor.limits.applied). Never raises
    for a bad file: the Report carries the error (IN001 also when a reader or the parser fails
    on input nobody foresaw: one file never costs the batch)."""
    with applied(limits):
        try:
            document = read_document(path, data)
        except UnreadableFile as error:
            return failed_report(source_name(path), _format_of(path), str(error), "IN001")
        except Exception as error:  # any other failure on hostile input is this file's finding
            return failed_report(source_name(path), _format_of(path), _fault("读取", error), "IN001")
        try:
            return parse_document(document)
        except Exception as error:
            return failed_report(document.source, document.format, _fault("解析", error), "IN001")


def _fault(stage: str, error: Exception) -> str:
    kind = {MemoryError: "内存不足", RecursionError: "嵌套层次过深"}.get(type(error), type(error).__name__)
    return f"{stage}本文件时出错（{kind}），文件可能已损坏或格式异常；其他文件不受影响，如文件无误请反馈给维护者"


def failed_report(source: str, fmt: str, message: str, code: str) -> Report:
    return Report(source=source, format=fmt, text="", title=None, agency=None, agency_kind="other", year=None,
                  period=None, template=UNKNOWN, preamble=None, sections=(), tables={}, error=message,
                  error_code=code)


def parse_document(document: Document) -> Report:
    page = NormalisedText(document.raw_text)
    page_lines = _prose_lines(page.text, [(page.from_raw(g.start), page.from_raw(g.end)) for g in document.grids])
    furniture = furniture_lines(page_lines)
    # the checks read the report without the page's furniture; the metadata reader reads the page
    norm = page.without(furniture) if furniture else page
    text = norm.text
    grid_spans = [(norm.from_raw(g.start), norm.from_raw(g.end)) for g in document.grids]
    lines = _prose_lines(text, grid_spans) if furniture else page_lines
    sections, notes = build_sections(find_headings(lines, text), len(text))

    def on_page(offset: int) -> int:
        return page.from_raw(norm.to_raw(offset)) if furniture else offset

    meta = read_metadata(page.text, page_lines, on_page(sections[0].heading_end) if sections else None)
    title = meta.title
    if title is not None and furniture:
        title = (title[0], norm.from_raw(page.to_raw(title[1])), norm.from_raw(page.to_raw(title[2])))
    tables, table_notes = read_tables(document.grids, grid_spans, sections, text)
    not_a_report = non_report_reason(lines, title[0] if title else None, sections, tables)
    if not_a_report:
        return failed_report(document.source, document.format, not_a_report, "IN002")
    notes += table_notes
    partial = partial_note(text, lines, sections, title[2] if title else None)
    notes += [partial] if partial else []
    notes += [ParseNote("artifact", f"文档转换残留「{a.text}」", a.start, a.start, {"text": a.text}) for a in norm.artifacts]
    notes += _duplicate_lines(lines, {s.start for s in sections}, title, bool(furniture))
    notes += [ParseNote("reader-warning", w) for w in document.warnings]
    preamble_start = title[2] if title else 0
    preamble_end = sections[0].start if sections else len(text)
    return Report(
        source=document.source,
        format=document.format,
        text=text,
        title=title[0] if title else None,
        agency=meta.agency,
        agency_kind=meta.agency_kind,
        year=meta.year,
        period=meta.period,
        template=report_version(tables),
        preamble=Span(preamble_start, preamble_end) if preamble_end > preamble_start else None,
        sections=tuple(sections),
        tables=tables,
        notes=tuple(notes),
        pages=tuple(norm.from_raw(p) for p in document.page_starts),
        provenance=meta.provenance,
    )


def _prose_lines(text: str, grid_spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Non-empty lines outside the grids, as (start, end, text)."""
    lines = []
    spans = iter(sorted(grid_spans))
    current = next(spans, None)
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        content = line.strip()
        if content and "\t" not in line:
            while current is not None and current[1] < start:
                current = next(spans, None)
            if not (current is not None and current[0] <= start and end <= current[1] + 1):
                lines.append((start, end, content))
        start = end + 1
    return lines


def _duplicate_lines(lines, heading_starts: set[int], title: tuple[str, int, int] | None,
                    web_page: bool = False) -> list[ParseNote]:
    """Lines printed twice; the title counts as one line even when broken over two (a signature
    repeating the name line above the title is no duplicate). On a web page (`web_page`: page
    furniture was removed) the title the page's frame prints above the article's own heading is
    the frame's, not the report's: the title read from a removed line, or printed again on the
    next line, counts once."""
    seen: dict[str, int] = {title[0]: title[1]} if title and title[2] > title[1] else {}
    notes = []
    after_title = next((line for line in lines if title and line[0] >= title[2]), None) if web_page else None
    for start, end, content in lines:
        if len(content) < _MIN_DUPLICATE_LINE or start in heading_starts or (title and title[1] <= start < title[2]):
            continue
        if after_title is not None and start == after_title[0] and content == title[0]:
            continue
        if content in seen:
            notes.append(ParseNote("paragraph-duplicate", f"段落重复出现：「{content[:30]}」", start, end,
                                   {"first": seen[content]}))
        else:
            seen[content] = start
    return notes


def _format_of(path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    return {"htm": "html", "shtml": "html", "xhtml": "html", "text": "txt"}.get(suffix, suffix or "txt")

