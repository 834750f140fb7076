"""CO406 — a total stated in the narrative and the parts the same text breaks it into.

Real reports state a total and then its parts: 「主动公开政府信息52条。其中工作动态类信息11条，
……，其他类信息7条」, 「共计3437条，包括：人事信息12条，……，其他类信息1827条」. The text
alone then says two things that cannot both be true when

- the parts are the whole (listed after 包括/分别为/具体为/分别是, or after 其中 with a part named
  其他/其余 — the rest), and they do not add up to the total; or
- the parts are some of the whole (其中 …) and one part alone, or the parts together, exceed the
  total. Parts counted by channel (网站, 微信公众号, 新媒体, 平台, 通过 …) may overlap, so only a
  single one of them above the total counts.

The total is the last count before the breakdown word in the same sentence, or the last count of
the sentence before one that opens with 其中; its parts are the counts of the breakdown, in the
same family of units (条/篇/件/个 count items; 次/场/期 count events), before the next sentence.
Decimals and 万 are summed within the printed rounding. No table is needed.
"""
from __future__ import annotations

import re
from decimal import Decimal

from auditor.finding import Hit, Location
from auditor.limits import Limits
from auditor.model import Report
from auditor.registry import rule

_UNITS = {"条": "items", "篇": "items", "件": "items", "个": "items", "项": "items",
          "次": "events", "场": "events", "期": "events"}
_COUNT = re.compile(rf"(?<![\d.])(?P<n>\d{{1,{Limits.max_digits}}}(?:\.\d{{1,3}})?)\s*(?P<wan>万)?\s*(?:余|多)?"
                    rf"\s*(?P<unit>[条篇件个项次场期])(?![\d次])")
_APPROXIMATE = re.compile(r"余|多")
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
_WHOLE = re.compile(r"包括[:：]?|包含[:：]?|分别为[:：]?|分别是[:：]?|具体为[:：]?|具体是[:：]?")
_PART_OF = re.compile(r"其中[:：，,]?")
_REST = re.compile(r"其他|其余|其它")
_CHANNEL = re.compile(r"网站|网|微信|公众号|微博|新媒体|平台|通过|渠道|客户端|抖音|头条|视频号|专栏|公开栏|政务号")
_NEW_CLAUSE = re.compile(r"发布|公开|开展|召开|组织|回应|解读|印发|制定|受理|办理|推送|更新|转载")
_PERCENT_AFTER = re.compile(r"^\s*[,，]?\s*占")
_PARENTHESIS = re.compile(r"[（(][^（()）]*[）)]")


def _value(match: re.Match) -> tuple[Decimal, Decimal]:
    """The count and half its last printed digit (the rounding it may carry)."""
    digits = match.group("n")
    scale = Decimal(10000) if match.group("wan") else Decimal(1)
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    slack = Decimal(5).scaleb(-decimals - 1) * scale if decimals or match.group("wan") else Decimal(0)
    return Decimal(digits) * scale, slack


def _counts(text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
    """The counts of a stretch, without those inside brackets or followed by a share (占 N%)."""
    blanked = _PARENTHESIS.sub(lambda m: " " * len(m.group()), text)
    return [m for m in _COUNT.finditer(blanked, start, len(text) if end is None else end)
            if not _PERCENT_AFTER.match(blanked, m.end())]


def _text(value: Decimal) -> str:
    return format(value.normalize(), "f")


@rule("CO406", "narrative-sum-mismatch", "warning")
def narrative_sum_mismatch(report: Report):
    """A total stated in the text and the parts the text breaks it into disagree.

    问题：正文写明一个总数，随后列出其分项（「其中」「包括」「分别为」……），而分项与总数矛盾：列出的是全部分项（用「包括」「分别为」列举，或「其中」列举到「其他类」），相加却不等于总数；或列出的是部分分项（「其中……」），某一分项或分项之和已超过总数。只看同一类单位（条、篇、件、个、项；次、场、期）；按渠道列出的分项（网站、微信公众号、新媒体……）可能重叠，只在单个分项超过总数时报告。
    为何重要：同一段文字自相矛盾，总数与分项至少有一个不实，读者无法知道真实数字。
    示例：「主动公开政府信息52条。其中工作动态类信息11条，财政预决算类信息4条，年度报告类信息1条，通知公告29条，其他类信息7条，县长信箱2条」——分项之和为54条，不是52条。
    依据：《中华人民共和国政府信息公开条例》第五十条（年度报告应当如实报告政府信息公开工作情况）；国办公开办函〔2021〕30号（报告数据应真实准确）。
    """
    for section in report.sections:
        if section.number != "一":
            continue
        text = report.text[section.heading_end:section.end]
        sentences = list(_SENTENCE.finditer(text))
        for index, sentence in enumerate(sentences):
            found = _breakdown(sentence, sentences[index - 1] if index else None)
            if found is None:
                continue
            total, parts, whole, channel = found
            yield from _judge(report, section.heading_end, sentence, total, parts, whole, channel)


def _breakdown(sentence: re.Match, before: re.Match | None):
    """(total, parts, whole, by channel) when the sentence breaks a stated total down, else None."""
    text = sentence.group()
    word = _WHOLE.search(text) or _PART_OF.search(text)
    if word is None:
        return None
    opens = not text[:word.start()].strip(" ，,：:")
    if opens and word.group().startswith("其中") and before is not None:
        totals = _counts(before.group())
        total_match, total_text, total_offset = (totals[-1], before.group(), before.start()) if totals else (None, "", 0)
    else:
        totals = _counts(text, 0, word.start())
        total_match, total_text, total_offset = (totals[-1], text, sentence.start()) if totals else (None, "", 0)
    if total_match is None or _APPROXIMATE.search(total_match.group()):
        return None  # 「100余条」 is no exact total
    family = _UNITS[total_match.group("unit")]
    listed = re.split(r"[；;]", text[word.end():], maxsplit=1)[0]  # the list ends with its clause group
    parts = []
    previous = 0
    for match in _counts(listed):
        if _UNITS[match.group("unit")] != family:
            continue
        name = listed[previous:match.start()]
        previous = match.end()
        if _APPROXIMATE.search(match.group()):
            return None  # an approximate part: nothing to add up
        parts.append((name, match))
    if not parts:
        return None
    whole = word.group().startswith(("包括", "包含", "分别", "具体")) or any(_REST.search(n) for n, _ in parts)
    channel = any(_CHANNEL.search(n) for n, _ in parts)
    return (total_match, total_text, total_offset), parts, whole and len(parts) >= 2, channel


def _judge(report: Report, base: int, sentence: re.Match, total, parts, whole: bool, channel: bool):
    total_match, _, total_offset = total
    value, slack = _value(total_match)
    values = [_value(m) for _, m in parts]
    added = sum((v for v, _ in values), Decimal(0))
    margin = slack + sum((s for _, s in values), Decimal(0))
    biggest = max(range(len(parts)), key=lambda i: values[i][0])
    running, running_slack = Decimal(0), slack
    for index, (part, part_slack) in enumerate(values[:-1]):
        running, running_slack = running + part, running_slack + part_slack
        if abs(running - value) <= running_slack and _NEW_CLAUSE.search(parts[index + 1][0]):
            return  # the first parts make the total and a new clause follows (「…，发布政策解读14篇」)
    if whole and not channel and abs(added - value) > margin:
        said = f"分项之和为{_text(added)}，不是{_text(value)}"
    elif not whole and values[biggest][0] - values[biggest][1] > value + slack:
        said = f"分项「{parts[biggest][1].group().strip()}」已超过总数{_text(value)}"
    elif not whole and not channel and len(parts) >= 2 and added - margin > value:
        said = f"分项之和为{_text(added)}，超过总数{_text(value)}"
    else:
        return
    quoted = sentence.group().strip()
    quoted = quoted if len(quoted) <= 90 else quoted[:90] + "…"
    start = base + total_offset + total_match.start()
    unit = total_match.group("unit")
    arithmetic = "（" + " + ".join(_text(v) for v, _ in values) + f" = {_text(added)}{unit}）" if "之和" in said else ""
    yield Hit(f"正文所列总数与分项不符：总数「{total_match.group().strip()}」，「{quoted}」{said}{arithmetic}",
              Location(section="一", start=start, end=base + sentence.end()),
              {"total": _text(value), "parts": [_text(v) for v, _ in values], "sum": _text(added),
               "whole": whole, "by_channel": channel, "sentence": sentence.group().strip()})
