"""TX — the words themselves: doubled words, known typos, traditional characters, debris."""
from __future__ import annotations

import re
from functools import cache

from auditor.checks.word_boundary import cuts_word
from auditor.finding import Hit, Location
from auditor.model import Report
from auditor.nlp.lexicon import is_word, to_simplified
from auditor.registry import rule
from auditor.rules import word_pairs

_DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,6})(?:、\s*)?\1")  # a repeat across 「，」 is rhetoric (顶真), not a slip
# Doubled words that are correct Chinese (reduplication) and never a slip.
_DOUBLED_OK = {"研究", "讨论", "看看", "常常", "天天", "年年", "人人", "层层", "事事", "处处", "家家"}
# 一 + a measure word, doubled, means "one by one" (一件一件, 一项一项, 一步一步); 一是一是 is a slip.
_ONE_BY_ONE = re.compile(r"一[个件项步家户村人条天年月次批点处级层笔份张篇类位名环节]")
_FOOTER = re.compile(r"^\s*(?:[-—－]\s*\d{1,3}\s*[-—－]|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?)\s*$", re.M)


def _prose(report: Report):
    """(offset, line) of each line that is not a table row."""
    offset = 0
    for line in report.text.split("\n"):
        if "\t" not in line:
            yield offset, line
        offset += len(line) + 1


@rule("TX501", "repeated-word", "info")
def repeated_word(report: Report):
    """A word or phrase doubled by mistake: 新增新增, 考评、考评.

    问题：同一词语连续重复出现。正常的叠用（「层层」「研究研究」「一件一件」）不算。
    为何重要：说明报告未经校对，影响严肃性。
    示例：「新增新增了一台查询机」；「进行检查、考评、考评」。
    依据：国办公开办函〔2021〕30号（年度报告应准确、规范）。
    """
    for offset, line in _prose(report):
        for match in _DOUBLED.finditer(line):
            word = match.group(1)
            if word in _DOUBLED_OK or len(set(word)) == 1 or _ONE_BY_ONE.fullmatch(word):
                continue
            yield Hit(f"词语重复：「{match.group()}」", Location(start=offset + match.start(), end=offset + match.end()),
                      {"word": word})


@rule("TX502", "typo", "info")
def typo(report: Report):
    """A known misspelling, or a traditional character in simplified text.

    问题：文中有常见错别字，或在简体文本中混入繁体字（按 OpenCC 的繁简转换表逐词判断）。跨越词语边界的字串不算（「按排名」是「按」加「排名」，不是「按排」）；简体中也规范使用的字不算（「乾隆」「乾县」的「乾」，「於潜」的「於」）。
    为何重要：错别字和繁简混用说明报告未经校对，影响政府公文的严肃性。
    示例：「重大決第」（应为「重大决策」，且「決」为繁体）；「布署」（应为「部署」）；「這個」（应为「这个」）。
    依据：《中华人民共和国国家通用语言文字法》第三条、第九条（国家机关以规范汉字为公务用字）；《党政机关公文处理工作条例》。
    """
    typos = _typo_pattern()
    for offset, line in _prose(report):
        for match in typos.finditer(line):
            wrong = match.group()
            if cuts_word(line, match.start(), match.end()):
                continue  # 按排名 is 按 + 排名, not the typo 按排
            yield Hit(f"疑似错别字「{wrong}」，应为「{_typos()[wrong]}」",
                      Location(start=offset + match.start(), end=offset + match.end()),
                      {"found": wrong, "suggest": _typos()[wrong]})
        for start, end, suggest in _traditional_runs(line):
            found, context = line[start:end], line[max(0, start - 2):end + 2]
            yield Hit(f"简体文本中出现繁体字「{found}」（「{context}」），应为「{suggest}」",
                      Location(start=offset + start, end=offset + end), {"found": found, "suggest": suggest})


@cache
def _typos() -> dict[str, str]:
    return dict(word_pairs("typos.tsv"))


@cache
def _typo_pattern() -> re.Pattern:
    """One alternation of every known misspelling, longest first."""
    return re.compile("|".join(re.escape(w) for w in sorted(_typos(), key=len, reverse=True)))


def _traditional_runs(line: str):
    """(start, end, simplified) of each run of traditional characters in the line.

    OpenCC converts the line phrase by phrase; a character it changes is traditional, unless it
    is also a character of the simplified standard set (GB 2312: 乾, 於, 後, 徵 …, which
    simplified text uses in names and some words). Such a character counts only where the text
    around it is no word but its conversion is one (乾净 → 干净), never where it stands in a
    word of its own (乾县, 乾坤)."""
    if line.isascii():
        return
    simplified = to_simplified(line)
    if len(simplified) != len(line):  # a phrase changed length: judge character by character
        simplified = "".join(to_simplified(char) for char in line)
    changed = [i for i, (a, b) in enumerate(zip(line, simplified))
               if a != b and (not _in_gb2312(a) or _traditional_in_context(line, simplified, i))]
    for run in _runs(changed):
        yield run[0], run[-1] + 1, simplified[run[0]:run[-1] + 1]


def _runs(indices: list[int]):
    run: list[int] = []
    for i in indices:
        if run and i != run[-1] + 1:
            yield run
            run = []
        run.append(i)
    if run:
        yield run


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _traditional_in_context(line: str, simplified: str, index: int) -> bool:
    pieces = [(a, b) for a, b in ((line[s:s + n], simplified[s:s + n]) for n in (2, 3, 4)
                                  for s in range(max(0, index - n + 1), min(index, len(line) - n) + 1))]
    if any(is_word(original) for original, _ in pieces):
        return False
    return any(is_word(converted) for original, converted in pieces if original != converted)


@rule("TX503", "conversion-artifact", "info")
def conversion_artifact(report: Report):
    """Debris of document conversion left in the text: Word bookmarks, field codes, page footers.

    问题：文档转换留下的残留内容，如「[bookmark: _GoBack]」、页码「- 2 -」夹在正文中。
    为何重要：说明发布前未检查转换结果，公众看到的是有瑕疵的文本。
    示例：报告开头出现「[bookmark: _GoBack]」。
    依据：国办公开办函〔2021〕30号（年度报告应规范发布）。
    """
    for note in report.notes:
        if note.kind == "artifact":
            yield Hit(f"文档转换残留：「{note.data['text']}」", Location(start=note.start, end=note.end), {"found": note.data["text"]})
    if report.format in ("txt", "html", "docx"):
        for match in _FOOTER.finditer(report.text):
            yield Hit(f"正文中夹有页码「{match.group().strip()}」", Location(start=match.start(), end=match.end()),
                      {"found": match.group().strip()})
