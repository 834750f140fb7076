"""Page furniture: what a web page's frame puts around a report, found line by line.

Pages saved or crawled from a government site carry the site's frame with the report: the
breadcrumb (「当前位置：首页 > 政务公开 > …」), the CMS's date, source and hits line
(「发布时间：2023-01-12 来源：某镇 浏览次数：」), its metadata table (「索引号」「发布机构」
「是否有效」), font-size, share and print widgets (「【字体：大 中 小】」「分享到」「打印本页」
「关闭窗口」) and links (「附件下载」「设为首页」). None of it is the report: a check reading it
raises alarms on the frame (a 「来源：」 line taken for a sentence, a date for the report's year).
A line is furniture only when all of it is furniture — field labels with short values, widget
words, separators — so a sentence that mentions 「来源」 stays. The metadata reader still sees
these lines (the body named in 「发布机构」, 「来源：」): they are removed after it has read them.
"""
from __future__ import annotations

import re

# Labels of the fields a CMS prints about a page, each followed by its value.
_FIELDS = (
    "发布时间", "发布日期", "发表日期", "更新时间", "成文日期", "生成日期", "生效日期", "废止日期", "公开日期", "发文日期",
    "信息提供日期", "撰写时间", "印发日期", "日期", "时间", "信息来源", "文章来源", "来源", "责任编辑", "编辑", "作者",
    "浏览次数", "浏览量", "浏览数", "浏览", "点击率", "点击数", "点击量", "点击", "阅读次数", "阅读量", "阅读数", "访问量",
    "访问次数", "字体大小", "字体", "字号", "分享到", "分享", "索引号", "发布机构", "发文机关", "发文字号", "文件编号", "文号",
    "关键词", "关键字", "公开形式", "公开方式", "公开范围", "公开时限", "责任部门", "是否有效", "有效性", "时效性", "公文时效",
    "主题分类", "所属主题", "组配分类", "信息分类", "分类", "体裁分类", "名称", "标题", "标 题", "文 号", "视力保护色",
)
# Labels whose value is free text (a name, a title, a code): it runs to the next label.
_FREE = {"信息来源", "文章来源", "来源", "责任编辑", "编辑", "作者", "索引号", "发布机构", "发文机关", "发文字号", "文件编号", "文号",
         "文 号", "关键词", "关键字", "主题分类", "所属主题", "组配分类", "信息分类", "分类", "体裁分类", "名称", "标题", "标 题",
         "公开形式", "公开方式", "公开范围", "责任部门"}
# Words of the site's widgets and links.
_WIDGETS = (
    "打印本页", "打印此页", "打印文章", "打印", "关闭窗口", "关闭本页", "关闭", "返回顶部", "返回首页", "返回", "附件下载", "文件下载",
    "下载附件", "附件", "分享到", "分享", "收藏本页", "加入收藏", "收藏", "设为首页", "网站首页", "首页", "扫一扫在手机打开当前页",
    "扫一扫在手机上查看当前页面", "扫一扫", "手机打开当前页", "在手机打开当前页", "微信", "微博", "QQ空间", "QQ", "无障碍浏览",
    "无障碍版", "无障碍", "长辈版", "长者助手", "关怀版", "适老化", "登录", "注册", "简体版", "繁体版", "简体", "繁体", "智能问答",
    "支持IPv6", "今天是", "站群导航", "全文检索", "搜索", "页面", "配色", "辅助线", "重置", "默认", "超大", "大", "中", "小",
    "A+", "A-", "A", "【", "】", "[", "]",
)
_LABEL = "|".join(re.escape(label) for label in sorted(_FIELDS, key=len, reverse=True))
_WIDGET = "|".join(re.escape(word) for word in sorted(_WIDGETS, key=len, reverse=True))
_FILLER = re.compile(r"[\s|｜•·●\-—_:：;；,，、/()（）\[\]【】<>《》]*")
_DATE = r"(?:(?:19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}:\d{2}(?::\d{2})?)"
_PIECE = re.compile(
    rf"(?P<label>{_LABEL})\s*[:：|｜]?\s*(?P<value>{_DATE}|\d+\s*次?|[^\s|｜:：【\[]{{0,60}}?)(?=\s|[|｜【\[]|$|(?:{_LABEL})\s*[:：])"
    rf"|(?P<widget>{_WIDGET})|{_DATE}|\d+\s*次")
_PLAIN_VALUE = re.compile(rf"{_DATE}|\d*\s*次|\d+|(?:{_WIDGET}|有效|无效|是|否|\s)+")
_BREADCRUMB = re.compile(r"^(?:[•·\-]\s*)?(?:您?(?:现在|当前)?(?:所在)?的?位置|当前位置|所在位置)\s*[:：]?")
# What every furniture line holds somewhere (a label, a widget word of two characters or more, an
# arrow): most lines of a report are passed over on this one search.
_HINT = re.compile("|".join([_LABEL] + [re.escape(w) for w in _WIDGETS if len(w) > 1] + ["位置", ">", "＞", "»", "›", "→"]))
_ARROW = re.compile(r"[>＞»›→]")
_CRUMB_SEPARATOR = re.compile(r"\s*(?:>|＞|»|›|→)+\s*")
_NOT_FURNITURE = re.compile(r"[。！？]|(?:年度报告|工作报告|情况报告)\S*[。，]")
_MAX_LINE = 160
_MAX_VALUE_LINE = 20  # a value printed on the line under its label (「来源」/「大川镇」)


def furniture_lines(lines: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """[start, end) of every line (`lines`: the prose lines, as (start, end, text)) that is page
    furniture; a value printed on the line below a label alone is taken with it."""
    found = []
    value_expected = False
    for start, end, text in lines:
        if value_expected and _is_value_line(text):
            found.append((start, end))
            value_expected = False
            continue
        value_expected = False
        if _is_furniture(text):
            found.append((start, end))
            value_expected = _label_alone(text)
    return found


def _is_furniture(text: str) -> bool:
    text = text.strip()
    if len(text) > _MAX_LINE or "。" in text or not _HINT.search(text) or _NOT_FURNITURE.search(text):
        return False
    if _BREADCRUMB.match(text) or (_ARROW.search(text) and _is_breadcrumb(text)):
        return True
    position, named = 0, False
    while position < len(text):
        position = _FILLER.match(text, position).end()
        if position >= len(text):
            break
        piece = _PIECE.match(text, position)
        if piece is None or piece.end() == position:
            return False
        if piece.group("label") and piece.group("label") not in _FREE and not _plain_value(piece.group("value")):
            return False
        named = named or bool(piece.group("label") or piece.group("widget"))
        position = piece.end()
    return named  # a date alone (the signature's) is no furniture


def _plain_value(value: str) -> bool:
    """The value of a date, count or widget label: a date, a number, nothing, or widget words."""
    value = value.strip()
    return not value or _PLAIN_VALUE.fullmatch(value) is not None


def _is_breadcrumb(text: str) -> bool:
    """「首页 > 政务公开 > 年报」: short segments between arrows, opening with the home page or three of them."""
    segments = [s for s in _CRUMB_SEPARATOR.split(text) if s.strip()]
    if len(segments) < 2 or not _CRUMB_SEPARATOR.search(text) or any(len(s) > 30 for s in segments):
        return False
    return segments[0].strip() in ("首页", "网站首页") or len(segments) >= 3 or text.startswith((">", "＞"))


def _label_alone(text: str) -> bool:
    """A line that is only a free-text label (「来源」, 「编辑」): its value may stand on the next line."""
    return re.fullmatch(rf"\s*(?:{_LABEL})\s*[:：]?\s*", text) is not None


def _is_value_line(text: str) -> bool:
    text = text.strip()
    return (0 < len(text) <= _MAX_VALUE_LINE and not _NOT_FURNITURE.search(text) and "报告" not in text
            and not re.match(r"[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十\d]+[）)]", text))
