"""Text normalisation with a map back to the original.

Reports arrive with full-width digits, stray spaces inside words (「2023 年」, 「邮 编 ：」),
non-breaking and ideographic spaces, sentences broken over lines and conversion debris
(「[bookmark: _GoBack]」). Normalisation only ever *replaces one character by one* or
*deletes* characters, so every offset of the normalised text maps back to exactly one offset
of the original text: findings can always point at the source.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# One-for-one replacements: full-width ASCII forms to half-width, odd spaces to a plain space,
# half-width parentheses to the full-width ones Chinese text uses.
_ONE_FOR_ONE = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}  # ０-９
_ONE_FOR_ONE.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_ONE_FOR_ONE.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_ONE_FOR_ONE.update({0xFF0E: ord("."), 0xFF05: ord("%"), 0xFF0F: ord("/")})
_ONE_FOR_ONE.update({ord(c): ord(" ") for c in "\u00a0\u3000\u2002\u2003\u2009\u202f"})
_ONE_FOR_ONE.update({ord("("): ord("（"), ord(")"): ord("）")})
# str.translate looks every character up in the table: translating only the runs that need it
# is about ten times faster on report text, where such characters are few.
_TRANSLATED_RUN = re.compile("[" + re.escape("".join(map(chr, sorted(_ONE_FOR_ONE)))) + "]+")

_INVISIBLE = re.compile("[\r\ufeff\u200b\u200c\u200d\u2060]")
ARTIFACT_PATTERN = re.compile(r"\[bookmark:[^\]\n]*\]|\{\s*(?:PAGE|NUMPAGES|HYPERLINK|TOC)\b[^}\n]*\}")

_CJK = "\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "\u3000-\u303f\uff00-\uffef“”‘’"
# A run of spaces that is debris: between two CJK characters, CJK and a digit, or after a
# list number 「1. 属于」.  Never between two digits: 「0 0 0」 separates table cells.
# Every match starts at a space: the leading lookahead spares trying each branch elsewhere.
_STRAY_SPACE = re.compile(
    rf"(?= )(?:(?<=[{_CJK}{_CJK_PUNCT}]) +(?=[{_CJK}{_CJK_PUNCT}0-9])"
    rf"|(?<=[0-9.]) +(?=[{_CJK}{_CJK_PUNCT}])"
    rf"|^ +| +$)",
    re.MULTILINE,
)

# A line that starts a new unit and so never continues the previous line.
STRUCTURAL_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d+\s*[.、．]"
    r"|第[一二三四五六七八九十]+[条章节项]|[-•·●■◆]|[一二三四五六七八九十]是)"
)
_SENTENCE_END = re.compile(r"[。！？；：:;!?…”」』）)\]】]$")
_JOINABLE_END = re.compile(rf"[{_CJK}，、]")
_JOINABLE_START = re.compile(rf"[{_CJK}\d]")
_MIN_BROKEN_LINE = 20
# A line of page furniture (a CMS date or source line, a breadcrumb) never runs on into the next,
# nor does a line run on into one.
_FURNITURE_LINE = re.compile(r"(?:发布(?:日期|时间)|来源|浏览|点击|字号|字体)\s*[:：]|[>＞»]|位置\s*[:：]|^[\u4e00-\u9fff ]{1,6}[:：]")


@dataclass(frozen=True)
class Artifact:
    """Conversion debris removed from the text, kept so that a check can report it."""

    text: str
    raw_start: int
    raw_end: int
    start: int  # offset in the normalised text where it stood


class NormalisedText:
    """The normalised text of a document and the offset map to its original text."""

    def __init__(self, raw: str, removed: tuple[tuple[int, int], ...] = ()):
        self.raw = raw
        self.removed = removed  # raw spans removed on top of the normalisation (page furniture)
        translated = _one_for_one(raw)
        deletions = _deletions(translated) + list(removed)
        deletions.sort()
        self.artifacts_raw = [(m.group(), m.start(), m.end()) for m in ARTIFACT_PATTERN.finditer(translated)]
        pieces: list[str] = []
        # _kept[k] = (norm_start, raw_start) of the k-th kept run; kept runs are contiguous in raw.
        self._norm_starts: list[int] = []
        self._raw_starts: list[int] = []
        cursor = 0
        length = 0
        for start, end in deletions:
            if start > cursor:
                self._norm_starts.append(length)
                self._raw_starts.append(cursor)
                pieces.append(translated[cursor:start])
                length += start - cursor
            cursor = max(cursor, end)
        if cursor < len(translated):
            self._norm_starts.append(length)
            self._raw_starts.append(cursor)
            pieces.append(translated[cursor:])
        self.text = "".join(pieces)
        self.artifacts = tuple(Artifact(t, s, e, self.from_raw(s)) for t, s, e in self.artifacts_raw)

    def without(self, spans: list[tuple[int, int]]) -> "NormalisedText":
        """This text with the [start, end) spans of its normalised text removed as well (each with
        the line break after it); offsets of the result still map to the original text."""
        removed = []
        for start, end in spans:
            if end < len(self.text) and self.text[end] == "\n":
                end += 1
            if end > start:
                removed.append((self.to_raw(start), self.to_raw(end - 1) + 1))
        return NormalisedText(self.raw, self.removed + tuple(removed))

    def to_raw(self, offset: int) -> int:
        """The original offset of normalised offset `offset` (end offsets map to run ends)."""
        if not self._norm_starts:
            return 0
        k = max(bisect.bisect_right(self._norm_starts, offset) - 1, 0)
        return self._raw_starts[k] + (offset - self._norm_starts[k])

    def from_raw(self, offset: int) -> int:
        """The normalised offset of original offset `offset` (a deleted one maps to where it stood)."""
        if not self._raw_starts:
            return 0
        k = bisect.bisect_right(self._raw_starts, offset) - 1
        if k < 0:
            return 0
        run_len = (self._norm_starts[k + 1] if k + 1 < len(self._norm_starts) else len(self.text)) - self._norm_starts[k]
        return self._norm_starts[k] + min(offset - self._raw_starts[k], run_len)


def normalise_cell(text: str) -> str:
    """Normalise a short string (a table cell or label) without keeping offsets."""
    text = _INVISIBLE.sub("", _one_for_one(text))
    return _STRAY_SPACE.sub("", ARTIFACT_PATTERN.sub("", text)).strip()


def _one_for_one(text: str) -> str:
    return _TRANSLATED_RUN.sub(lambda match: match.group().translate(_ONE_FOR_ONE), text)


def _deletions(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _INVISIBLE.finditer(text)]
    spans += [m.span() for m in ARTIFACT_PATTERN.finditer(text)]
    spans += [m.span() for m in _STRAY_SPACE.finditer(text) if m.end() > m.start()]
    spans += _broken_line_joins(text)
    spans.sort()
    return spans


def _broken_line_joins(text: str) -> list[tuple[int, int]]:
    """Newlines (with blank lines between) that break one sentence of prose in two."""
    joins = []
    previous: tuple[int, str] | None = None  # (end offset, content) of the previous non-blank line
    blank_run = 0
    start = 0
    for line in text.split("\n"):
        content = line.strip(" \r")
        if not content:
            blank_run += 1
        else:
            if previous is not None and blank_run <= 4 and _continues(previous[1], content):
                joins.append((previous[0], start + len(line) - len(line.lstrip(" \r"))))
            previous = (start + len(line.rstrip(" \r")), content)
            blank_run = 0
        start += len(line) + 1
    return joins


def _continues(before: str, after: str) -> bool:
    if "\t" in before or "\t" in after or len(before) < _MIN_BROKEN_LINE:
        return False
    if _SENTENCE_END.search(before) or STRUCTURAL_START.match(after) or before.endswith("报告"):
        return False
    if _FURNITURE_LINE.search(before) or _FURNITURE_LINE.match(after):
        return False
    if STRUCTURAL_START.match(before) and len(before) < 30:  # a heading, not a broken sentence
        return False
    return bool(_JOINABLE_END.match(before[-1])) and bool(_JOINABLE_START.match(after[0]))
