"""Is a readable page an annual report, or a page about annual reports?

Bodies publish, next to their reports and often under the same column, pages that talk about a
report without being one: the 解读 of a report, a superior's notice on compiling the reports, the
rules (制度/办法) or a guide on how reports are made, a page listing the reports of several years.
Their titles hold 「年度报告」 and their text names the report's parts, so neither a title nor a
phrase makes a report. What makes one is what the format prescribes: its numbered sections and
its tables. What makes a page about reports is what such pages print: the kind of document its
title names (…解读, …的通知, …制度), the sentence that says what the page does (「现就……解读如下」,
「现就有关事项通知如下」), numbered articles (第一条, 第二条), several report titles in a row.

The decision, in order:
1. two or more of the six sections, or a table read with cells: a report, whatever its title;
2. a page that names itself a 解读, notice, rule, guide or list: not a report, with that reason;
3. neither a title nor a section, and the text never calls itself the report (「本年度报告」,
   「现公布……年度报告」): not a report;
4. otherwise a report (an excerpt or a report whose headings were not recognised).
"""
from __future__ import annotations

import re

from auditor.model import Section, TableReading

NO_REPORT = "未找到政府信息公开工作年度报告的标题或章节，不像一份年度报告"

# What a title names, by the words it ends with (after a closing bracket or mark).
_TITLE_KINDS = (
    (re.compile(r"(?:解读|图解|读懂|问答|答问)$"), "年度报告的解读"),
    (re.compile(r"(?:通知|通报|函|批复|意见)$"), "通知"),
    (re.compile(r"(?:制度|办法|规定|细则|规则|方案|要点|规范)(?:[（(](?:试行|暂行)[）)])?$"), "制度或办法"),
    (re.compile(r"指南$"), "指南"),
)
_TITLE_END_MARKS = re.compile(r"[\s【】\[\]《》“”\"'（）()、，,。：:—\-]+$")
# Sentences that say what the page does.
_DOING = (
    (re.compile(r"(?:进行|作|做)(?:如下|以下)(?:的)?解读|解读如下"), "年度报告的解读"),
    (re.compile(r"通知如下|特此通知|现将[^。\n]{0,120}印发给你们|请[^。\n]{0,10}认真(?:贯彻)?执行|现就[^。\n]{0,40}通知"), "通知"),
)
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百]+条")
# A line that is a report's title: a year and 「年度报告」/「年报」 on a short line of its own.
_REPORT_TITLE_LINE = re.compile(r"^[^。，,；;]{0,40}(?:19|20)\d{2}\s*年[^。，,；;]{0,40}(?:年度报告|年报)[^。，,；;]{0,12}$")
# The text speaking of itself as the report.
_SELF_DESCRIPTION = re.compile(r"本(?:年度)?(?:报告|年报)(?:[中所的由是按依根列统全共分包]|$)|"
                               r"(?:现|特|予以|现予|现将|现向社会)公布[^。\n]{0,40}(?:年度报告|年报)")
_HEAD_LINES = 12
_LIST_TITLES = 3
_ARTICLES = 2


def non_report_reason(lines: list[tuple[int, int, str]], title: str | None, sections: list[Section],
                      tables: dict[str, TableReading | None]) -> str | None:
    """Why the page is not an annual report, or None when it is one. `lines` are its prose lines
    (start, end, text), `title` the title found, `sections` and `tables` what was read."""
    if len(sections) >= 2 or any(t is not None and t.cells for t in tables.values()):
        return None
    genre = page_genre(lines, title)
    if genre:
        return genre
    if title is None and not sections and not any(_SELF_DESCRIPTION.search(text) for _, _, text in lines):
        return NO_REPORT
    return None


def page_genre(lines: list[tuple[int, int, str]], title: str | None) -> str | None:
    """The reason a page names itself a document about reports (解读, notice, rules, guide, list)."""
    head = [text for _, _, text in lines[:_HEAD_LINES]]
    for candidate in ([title] if title else []) + [t for t in head if len(t) <= 80 and "。" not in t]:
        named = _title_kind(candidate)
        if named:
            return f"页面是{named}（标题「{candidate[:60]}」），不是年度报告本身"
    texts = [text for _, _, text in lines]
    for pattern, named in _DOING:
        for text in texts:
            match = pattern.search(text)
            if match:
                return f"页面是{named}（「{match.group()[:30]}」），不是年度报告本身"
    articles = [t for t in texts if _ARTICLE.match(t)]
    if len(articles) >= _ARTICLES:
        return f"页面是分条款的制度或办法（「{articles[0][:20]}」等 {len(articles)} 条），不是年度报告本身"
    listed = list(dict.fromkeys(t for t in texts if _REPORT_TITLE_LINE.match(t)))
    if len(listed) >= _LIST_TITLES:
        return f"页面列出 {len(listed)} 份年度报告的标题（「{listed[0][:40]}」等），是目录或列表页，不是年度报告本身"
    return None


def _title_kind(text: str) -> str | None:
    """The kind of document a title names by its last words, when it is not a report."""
    core = _TITLE_END_MARKS.sub("", re.sub(r"\s+", "", text))
    if not core or core.endswith(("报告", "年报")):
        return None
    if "报告" not in core and "年报" not in core:
        return None  # a line about something else (a CMS line, a menu item, a heading)
    for pattern, named in _TITLE_KINDS:
        if pattern.search(core):
            return named
    return None
