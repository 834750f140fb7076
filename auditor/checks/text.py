"""TX — the words themselves: doubled words, typos, traditional characters, debris, unpaired marks, placeholders, dates that lost characters."""
from __future__ import annotations

import re
from functools import cache

from auditor.checks.word_boundary import cuts_word
from auditor.finding import Hit, Location
from auditor.model import Report
from auditor.nlp.lexicon import character_class, is_word, to_simplified
from auditor.registry import rule
from auditor.rules import word_pairs, words

_DOUBLED = re.compile(r"([\u4e00-\u9fff]{1,6})(、\s*)?\1")  # a repeat across 「，」 is rhetoric (顶真), not a slip
# 一 + a measure word, doubled, means "one by one" (一件一件, 一项一项, 一步一步); 一是一是 is a slip.
_ONE_BY_ONE = re.compile(r"一[个件项步家户村人条天年月次批点处级层笔份张篇类位名环节]")
# Lines of the web page around the report (「来源：…」, 「索引号…分类…」), whose fields were run together.
_PAGE_FURNITURE = re.compile(r"来源[:：]|索引号|发布日期|发布时间|发布机构|浏览次数|点击[率数量]|字体[:：]|分类[:：]?")


# Blanks within the line only: a \s* at a line start would run over every following empty
# line and back, quadratic on a file of many empty lines.
_FOOTER = re.compile(r"^[^\S\n]*(?:[-—－]\s*\d{1,3}\s*[-—－]|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?)[^\S\n]*$", re.M)


_LAST_PROSE: tuple = (None, ())  # (report, its prose lines): the TX rules of one report share them


def _prose(report: Report) -> tuple[tuple[int, str], ...]:
    """(offset, line) of each line that is not a table row (split once per report)."""
    global _LAST_PROSE
    last = _LAST_PROSE  # read once: another thread may put its own report there meanwhile
    if last[0] is report:
        return last[1]
    found, offset = [], 0
    for line in report.text.split("\n"):
        if "\t" not in line:
            found.append((offset, line))
        offset += len(line) + 1
    lines = tuple(found)
    _LAST_PROSE = (report, lines)
    return lines


@rule("TX501", "repeated-word", "info")
def repeated_word(report: Report):
    """A word, phrase or character doubled by mistake: 新增新增, 考评、考评, 下属属单位.

    问题：同一词语或单字连续重复出现，且不成词。按 jieba 词典判断：叠字本身是词或在词中（「层层」「常常」「息息相关」），叠词（「清清楚楚」），名词、量词重叠表示「每一」（「件件」「级级」），或两个字分属前后两个词（「工作作风」是「工作」加「作风」，「松溪镇镇政府」是「松溪镇」加「镇政府」）的都不算。
    为何重要：说明报告未经校对，影响严肃性。
    示例：「新增新增了一台查询机」；「进行检查、考评、考评」；「明确下属属各单位的任务」。
    依据：国办公开办函〔2021〕30号（年度报告应准确、规范）。
    """
    for offset, line in _prose(report):
        if _PAGE_FURNITURE.search(line):
            continue
        for match in _DOUBLED.finditer(line):
            word, listed = match.group(1), match.group(2)
            if len(set(word)) == 1 and len(word) > 1 or _ONE_BY_ONE.fullmatch(word):
                continue  # 「层层层」 is read at its single character; 一件一件
            if listed and len(word) == 1:
                continue  # 「先审后发、发后读网」: a chain of clauses, not a slip
            if not listed and _legitimate_double(line, match.start(), match.start() + len(word), match.end()):
                continue
            yield Hit(f"词语重复：「{match.group()}」", Location(start=offset + match.start(), end=offset + match.end()),
                      {"word": word})


def _legitimate_double(line: str, start: int, middle: int, end: int) -> bool:
    """Whether text[start:middle] repeated at text[middle:end] is correct Chinese by jieba's
    dictionary: the doubled text is a word or inside one (层层, 息息相关), it is half of an AABB
    reduplication (清清楚楚), a noun or measure word doubled means "every" (件件, 级级), or the
    copies belong to two different words (工作|作风, 人民政府|政府信息, 松溪镇|镇政府)."""
    copy = middle - start
    if any(is_word(line[a:b]) for a in range(max(0, start - 3), start + 1) for b in range(end, min(len(line), end + 3) + 1)):
        return True
    before = [a for a in range(max(0, start - 4), start + 1) if middle - a >= 2 and is_word(line[a:middle])]
    after = [b for b in range(end, min(len(line), end + 4) + 1) if b - middle >= 2 and is_word(line[middle:b])]
    if copy == 1:
        return (_aabb(line, start - 2) or _aabb(line, start) or (character_class(line[start]) or "")[:1] in ("n", "q", "z")
                or any(b > end for b in after))
    return bool(before and after) and (min(before) < start or max(after) > end)


def _aabb(line: str, index: int) -> bool:
    piece = line[index:index + 4] if index >= 0 else ""
    return len(piece) == 4 and piece[0] == piece[1] and piece[2] == piece[3] and piece[0] != piece[2]


@rule("TX502", "typo", "info")
def typo(report: Report):
    """A known misspelling, a set term with a character lost, or a traditional character in simplified text.

    问题：文中有常见错别字（繁体字写成的也算，「重大決第」）；固定提法漏字（「实施乡村战略」应为「乡村振兴战略」，「受理渠。」应为「受理渠道」，按 rules/set_terms.txt 中的固定提法推出漏一两个字的写法，本身成词的不算）；分句开头的量词「名」前没有数字（「名部门继续……」，应为形近的「各」）；或在简体文本中混入繁体字（按 OpenCC 的繁简转换表逐词判断）。跨越词语边界的字串不算（「按排名」是「按」加「排名」，不是「按排」）；简体中也规范使用的字不算（「乾隆」「乾县」的「乾」，「於潜」的「於」）。
    为何重要：错别字和繁简混用说明报告未经校对，影响政府公文的严肃性。
    示例：「重大決第」（应为「重大决策」，且「決」为繁体）；「布署」（应为「部署」）；「這個」（应为「这个」）。
    依据：《中华人民共和国国家通用语言文字法》第三条、第九条（国家机关以规范汉字为公务用字）；《党政机关公文处理工作条例》。
    """
    typos, lost = _typo_pattern(), _lost_pattern()
    for offset, line in _prose(report):
        simplified = _same_length_simplified(line)  # 「重大決第」 is the misspelling 重大决第 too
        for match in typos.finditer(simplified):
            wrong = match.group()
            if cuts_word(simplified, match.start(), match.end()):
                continue  # 按排名 is 按 + 排名, not the typo 按排
            yield Hit(f"疑似错别字「{line[match.start():match.end()]}」，应为「{_typos()[wrong]}」",
                      Location(start=offset + match.start(), end=offset + match.end()),
                      {"found": line[match.start():match.end()], "suggest": _typos()[wrong]})
        for match in lost.finditer(simplified):
            term, at_end = _lost_variants()[match.group()]
            if at_end and _CHINESE_CHAR.match(line, match.end()) or _straddled(simplified, match.start(), match.end()):
                continue  # 「受理渠」 lost its 道 only where the clause ends; 「实施乡村战略」 is 乡村振兴战略
            yield Hit(f"疑似漏字：「{match.group()}」，应为「{term}」",
                      Location(start=offset + match.start(), end=offset + match.end()),
                      {"found": match.group(), "suggest": term})
        for match in _CLAUSE_MING.finditer(line) if "名" in line else ():
            start = match.start(1)
            if any(is_word(line[start:start + n]) for n in (2, 3, 4)):
                continue  # 名单, 名称, 名副其实: a word of its own
            found = line[start:start + 3]
            yield Hit(f"疑似错别字「{found}」，应为「各{found[1:]}」（量词「名」前没有数字）",
                      Location(start=offset + start, end=offset + start + 1), {"found": found, "suggest": "各" + found[1:]})
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


# 「名」 opening a clause: a measure word with no number before it (「名部门继续采取…」), where the
# look-alike 「各」 was meant; a word that starts with 名 (名单, 名称) is left alone.
_CLAUSE_MING = re.compile(r"(?:^|(?<=[。；：:，,、！？]))\s*(名)[\u4e00-\u9fff]{2}")


def _same_length_simplified(line: str) -> str:
    """The line in simplified characters, offset for offset (the line itself when OpenCC changes a
    phrase's length)."""
    if line.isascii():
        return line
    simplified = to_simplified(line)
    return simplified if len(simplified) == len(line) else line


@cache
def _lost_variants() -> dict[str, tuple[str, bool]]:
    """Each set term of rules/set_terms.txt with one character, or two together, lost inside it
    (乡村振兴战略 → 乡村战略), or its last character lost (受理渠道 → 受理渠): variant → (term, lost at
    the end). A variant that is a word itself, or part of another term, is left out."""
    terms = words("set_terms.txt")
    found: dict[str, tuple[str, bool]] = {}
    for term in terms:
        cuts = {(term[:i] + term[i + n:], False) for n in (1, 2) for i in range(1, len(term) - n)}
        cuts.add((term[:-1], True))
        for variant, at_end in sorted(cuts):
            if len(variant) >= 3 and not is_word(variant) and not any(variant in other for other in terms if other != term):
                found.setdefault(variant, (term, at_end))
    return found


def _straddled(line: str, start: int, end: int) -> bool:
    """Whether a word of jieba's dictionary runs across either end of line[start:end] (「公开道歉」
    is 公开 + 道歉, not 公开渠道 with 渠 lost)."""
    return any(is_word(line[a:b]) for a in range(max(0, start - 3), start) for b in range(start + 1, min(end, start + 3) + 1)) \
        or any(is_word(line[a:b]) for a in range(max(start, end - 3), end) for b in range(end + 1, min(len(line), end + 3) + 1))


@cache
def _lost_pattern() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(_lost_variants(), key=len, reverse=True)))


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
    if simplified == line:
        return
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
    """Debris of document conversion left in the text: Word bookmarks, field codes, page footers,
    the remains of an HTML tag.

    问题：文档转换留下的残留内容，如「[bookmark: _GoBack]」、页码「- 2 -」夹在正文中；网页发布时尖括号被当作 HTML 标签，留下只有后半的「……格式>」。成对的「<……>」（网页上代替书名号）和导航栏「首页 > 政务公开」不算。
    为何重要：说明发布前未检查转换结果，公众看到的是有瑕疵的文本。
    示例：报告开头出现「[bookmark: _GoBack]」；前言句末多出「年度报告格式>」。
    依据：国办公开办函〔2021〕30号（年度报告应规范发布）。
    """
    for note in report.notes:
        if note.kind == "artifact":
            yield Hit(f"文档转换残留：「{note.data['text']}」", Location(start=note.start, end=note.end), {"found": note.data["text"]})
    if report.format in ("txt", "html", "docx"):
        for match in _FOOTER.finditer(report.text):
            yield Hit(f"正文中夹有页码「{match.group().strip()}」", Location(start=match.start(), end=match.end()),
                      {"found": match.group().strip()})
    if ">" in report.text or "＞" in report.text:
        for offset, line in _prose(report):
            for start, end in _tag_debris(line):
                found = line[start:end]
                yield Hit(f"正文中夹有网页标签残留「{found}」（只有后半的尖括号）",
                          Location(start=offset + start, end=offset + end), {"found": found})


# A closing angle bracket after words, the end of a tag whose opening was lost: 「…报告格式>」.
_ANGLE = re.compile(r"[<>＜＞]")
_TAG_TAIL = re.compile(r"[\u4e00-\u9fff]{2,40}$")
# A navigation line (「当前位置：首页 > 政务公开 > 年报」) uses > as a separator, not as a tag's end.
# 「满意度>90%」: a comparison with the number after it.
_COMPARISON = re.compile(r"\s*[=＝]?\s*\d")
_BREADCRUMB = re.compile(r"首页|当前位置|的位置|[>＞][^<>＜＞。，,；]{1,15}[>＞]")


def _tag_debris(line: str):
    """(start, end) of each run of words ended by a > that closes no <: a tag whose opening the
    page lost. Only in a sentence (a line holding 。), never in a navigation line."""
    if "。" not in line or _BREADCRUMB.search(line):
        return
    depth = 0
    for match in _ANGLE.finditer(line):
        if match.group() in "<＜":
            depth += 1
        elif depth:
            depth -= 1
        elif not _COMPARISON.match(line, match.end()):
            tail = _TAG_TAIL.search(line, max(0, match.start() - 40), match.start())
            if tail:
                yield tail.start(), match.end()


# Paired marks: each opener with the closers that end it (half-width forms come from web pages).
_PAIRS = {"《": "》", "“": "”", "（": "）", "(": "）", "〔": "〕"}
_CLOSERS = {"》": "《", "”": "“", "）": "（", ")": "（", "〕": "〔"}
_OPENERS = {"(": "（"}  # one family for the full- and half-width parenthesis
_MARK = re.compile(r"[《》“”（）()〔〕]")
# A closing parenthesis after a list number opens nothing: 「1）」, 「（2）」 is balanced anyway.
_LIST_NUMBER = re.compile(r"(?:^|[\s，,；;。：:、])[\dA-Za-z一二三四五六七八九十]{1,3}$")
_SENTENCE_END = re.compile(r"[。！？!?]\s*$")


def _paragraphs(report: Report):
    """(offset, text) of each prose paragraph; a line that ends inside an open 《 or （ without
    closing its sentence was wrapped, and goes on in the next line."""
    lines = list(_prose(report))
    index = 0
    while index < len(lines):
        offset, text = lines[index]
        while index + 1 < len(lines) and not _SENTENCE_END.search(text) and _open_marks(text) \
                and lines[index + 1][0] == offset + len(text) + 1:
            index += 1
            text += " " + lines[index][1]  # the line break kept as one character: offsets stay exact
        yield offset, text, index == len(lines) - 1
        index += 1


def _open_marks(text: str) -> list[tuple[str, int]]:
    return _balance(text)[0]


def _balance(text: str) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """(openers never closed, closers that close nothing), each with its index."""
    stack: list[tuple[str, int]] = []
    unclosed: list[tuple[str, int]] = []
    stray: list[tuple[str, int]] = []
    for match in _MARK.finditer(text):
        mark, index = match.group(), match.start()
        if mark in _PAIRS:
            stack.append((_OPENERS.get(mark, mark), index))
        elif any(opener == _CLOSERS[mark] for opener, _ in stack):
            while stack[-1][0] != _CLOSERS[mark]:
                unclosed.append(stack.pop())  # 「（以下简称《条例）」: the 《 inside was never closed
            stack.pop()
        elif not (mark in "）)" and _LIST_NUMBER.search(text[:index])):
            stray.append((mark, index))
    return sorted(unclosed + stack, key=lambda item: item[1]), stray


@rule("TX504", "unbalanced-marks", "info")
def unbalanced_marks(report: Report):
    """A book-title mark, quotation mark or parenthesis opened and never closed, or closed and never opened.

    问题：书名号《》、引号“”、括号（）不成对：只有前半或只有后半。段落内判断，折行不算断开；列表编号「1）」不算；被截断的末段不判断。
    为何重要：标点不成对说明编辑时删改不完整，读者无法确定文件名称或引用内容的范围。
    示例：「咨询电话：0871-1234567）。」（有右括号而无左括号）；「严格执行《条例规定」（书名号未闭合）。
    依据：GB/T 15834—2011《标点符号用法》（书名号、引号、括号成对使用）；《党政机关公文处理工作条例》。
    """
    for offset, text, last in _paragraphs(report):
        if not _MARK.search(text):
            continue
        opened, stray = _balance(text)
        if last and not _SENTENCE_END.search(text):
            opened = []  # a text cut off mid-sentence: what it would have closed is unknown
        # Quotation marks typed all as “ (or all as ”) are a keyboard habit, not an open quote.
        if text.count("”") == 0 and text.count("“") % 2 == 0:
            opened = [(m, i) for m, i in opened if m != "“"]
        if text.count("“") == 0 and text.count("”") % 2 == 0:
            stray = [(m, i) for m, i in stray if m != "”"]
        for mark, index in opened:
            closer = _PAIRS[mark]
            yield Hit(f"「{mark}」未闭合（「{text[index:index + 16].strip()}…」），缺少「{closer}」",
                      Location(start=offset + index, end=offset + index + 1), {"found": mark, "missing": closer})
        for mark, index in stray:
            opener = _CLOSERS[mark]
            yield Hit(f"「{mark}」前没有对应的「{opener}」（「…{text[max(0, index - 16):index + 1].strip()}」）",
                      Location(start=offset + index, end=offset + index + 1), {"found": mark, "missing": opener})


# Placeholders of a template: a quoted or bracketed name to be filled in (“具体重大政策名称”,
# 【单位名称】), letters standing for a name or a number (XX乡, 20XX年, ××局, YYYY年), and the
# format's own writing conventions copied literally (YYYY, 「…」 as a text to be completed).
_FILL_IN = re.compile(r"[“「【\[〔（(]\s*((?:具体|此处|请|填写|填入|某)[\u4e00-\u9fff]{0,12}?(?:名称|全称|内容|数量|时间|日期)"
                      r"|[\u4e00-\u9fff]{0,10}(?:名称|全称)|(?:请|此处)?(?:填写|填入)[^”」】\]〕）)]{0,12})\s*[”」】\]〕）)]")
_LETTERS = re.compile(r"(?<![A-Za-z0-9_./:@%=&?-])(?:(?:19|20)?[XxＸｘ]{2,4}|[×＊*]{2,4}|Y{4}|M{1,2}(?=月)|D{1,2}(?=日))"
                      r"(?![A-Za-z0-9_./:@%=&?-])")
# A character every match of _LETTERS holds (a quick search: _LETTERS starts with a look-behind
# and an alternation, which the regex engine tries at every position).
_LETTER_MARK = re.compile(r"[XxＸｘ×＊*YMD]")
# 「王××」 after a role, or 「××先生」: a person's name withheld on purpose, not a placeholder.
_REDACTION_BEFORE = re.compile(r"(?:申请人|当事人|原告|被告|第三人|举报人|投诉人|群众|市民|村民|同志)[\u4e00-\u9fff]?$")
_REDACTION_AFTER = re.compile(r"^(?:先生|女士|同志|某)")


@rule("TX505", "placeholder-left", "warning")
def placeholder_left(report: Report):
    """A template placeholder left in the published text: “具体重大政策名称”, XX乡, 20XX年, ××局.

    问题：报告中留有模板的占位内容：引号或括号中待填写的名称（“具体重大政策名称”「单位名称」）、代替名称或数字的字母（「XX乡」「20XX年」「××局」「YYYY年」）、表格标签里的填报说明（「上一年项目数量（指2018年事项数）」）。有意隐去的人名（「申请人王××」「××先生」）不算。
    为何重要：占位内容说明报告照模板或他人报告套写后未填写实际情况，内容不真实、不完整。
    示例：「在“具体重大政策名称”发布时，同步发布解读」；「20XX年，我乡将继续……」。
    依据：《中华人民共和国政府信息公开条例》第五十条（年度报告应如实报告本机关工作情况）；国办公开办函〔2021〕30号（对内容不真实、不完整的报告予以问责）。
    """
    # A pattern found nowhere in the text is found in no line of it: one search each decides
    # whether the line by line reading is needed.
    offset = 0
    for line in report.text.split("\n") if _LABEL_NOTE.search(report.text) else ():
        if "\t" in line or "|" in line:
            for match in _LABEL_NOTE.finditer(line):
                yield Hit(f"表格标签中留有填报说明「{match.group()}」", Location(start=offset + match.start(), end=offset + match.end()),
                          {"found": match.group()})
        offset += len(line) + 1
    fill_in, letters = _FILL_IN.search(report.text), _LETTER_MARK.search(report.text)
    if not (fill_in or letters):
        return
    for offset, line in _prose(report):
        for match in _FILL_IN.finditer(line) if fill_in else ():
            yield Hit(f"报告中留有待填写的占位内容「{match.group()}」",
                      Location(start=offset + match.start(), end=offset + match.end()), {"found": match.group()})
        for match in _LETTERS.finditer(line) if letters and _LETTER_MARK.search(line) else ():
            before, after = line[max(0, match.start() - 6):match.start()], line[match.end():match.end() + 2]
            if not (_CHINESE_CHAR.search(before[-1:]) or _CHINESE_CHAR.match(after)):
                continue  # letters among letters or numbers: a code, not a placeholder
            if _REDACTION_BEFORE.search(before) or _REDACTION_AFTER.match(after):
                continue
            found = match.group() + (after[0] if _CHINESE_CHAR.match(after) else "")
            yield Hit(f"报告中留有占位字符「{found}」，应为实际的名称或数字",
                      Location(start=offset + match.start(), end=offset + match.start() + len(found)), {"found": found})


_CHINESE_CHAR = re.compile(r"[\u4e00-\u9fff]")
# A filling note kept in a table label: 「上一年项目数量（指2018年事项数）」.
_LABEL_NOTE = re.compile(r"[（(]指[^）)|\t]{2,40}[）)]")
# A date that lost characters in publishing: 「20211月1日」 (年 lost), 「202311日」 (年 and 月 lost),
# 「2023年1231日」 (月 lost), 「1231日」 after 至 (年 and 月 lost in a period's end).
_LOST_DATE = re.compile(
    r"(?<![\d.])(?:(20[0-4]\d)(?:(0?[1-9]|1[0-2])月(\d{1,2})日|(\d{2,4})日)"  # 2021 + 1月1日 / 2023 + 11日
    r"|(20[0-4]\d)年(\d{2,4})日)"  # 2023年 + 1231日, 2019年 + 11日
    r"|(?<=[至到起止—-])((?:0?[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))日")  # 至1231日
# A sentence opened by a year that lost its 年: 「2023，我局…」, 「2023我局…」 (a count would carry its unit).
_YEAR_WITHOUT_NIAN = re.compile(r"(?:^|(?<=[。；！？]))\s*(?:[（(][一二三四五六七八九十\d]{1,2}[）)]\s*)?(20[0-4]\d)"
                                r"(?=[,，]?[\u4e00-\u9fff])(?![,，]?[年度号版届级期件条个次人份万元篇余多家项批])")


@rule("TX506", "date-digits-lost", "warning")
def date_digits_lost(report: Report):
    """A date that lost characters in publishing: 20211月1日, 202311日, 2023年1231日, 至1231日.

    问题：日期丢失了「年」「月」等字，数字连在一起：「20211月1日」「202311日」「20231231日」「2023年1231日」「至1231日」；句首的年份丢了「年」字（「2023，我局……」）。
    为何重要：统计期限等日期无法读懂，说明发布前未校对；统计期限不明，报告数据的口径也就不明。
    示例：「本报告统计期限自20231月1日起至202312月31日止」。
    依据：国办公开办函〔2021〕30号（年度报告应载明统计期限，内容准确）；GB/T 15835—2011《出版物上数字用法》。
    """
    for offset, line in _prose(report):  # every lost date ends in 日, every year starts 20: quick tests first
        for match in _LOST_DATE.finditer(line) if "日" in line else ():
            yield Hit(f"日期缺字：「{match.group()}」，应写作「{_date_as_written(match)}」",
                      Location(start=offset + match.start(), end=offset + match.end()),
                      {"found": match.group(), "suggest": _date_as_written(match)})
        for match in _YEAR_WITHOUT_NIAN.finditer(line) if "20" in line else ():
            year = match.group(1)
            yield Hit(f"句首年份缺「年」字：「{line[match.start(1):match.end(1) + 4]}」，应写作「{year}年」",
                      Location(start=offset + match.start(1), end=offset + match.end(1)), {"found": year, "suggest": f"{year}年"})


def _date_as_written(match: re.Match) -> str:
    """The most likely full form of a date whose 年 or 月 was lost."""
    year, month, day, digits, year2, month_day, bare = match.groups()
    if month:
        return f"{year}年{int(month)}月{int(day)}日"
    if digits:
        return f"{year}年{_month_day(digits)}"
    if month_day:
        return f"{year2}年{_month_day(month_day)}"
    return _month_day(bare)


def _month_day(digits: str) -> str:
    """「11」 → 1月1日, 「1231」 → 12月31日, 「101」 → 10月1日 or 1月01日: the month read first, as 1–12."""
    for cut in (2, 1):
        month, day = digits[:cut], digits[cut:]
        if day and 1 <= int(month) <= 12 and 1 <= int(day) <= 31 and len(day) <= 2:
            return f"{int(month)}月{int(day)}日"
    return f"{digits}日"
