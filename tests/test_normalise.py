"""Normalisation repairs width, spacing, broken lines and debris, and maps offsets back."""
from __future__ import annotations

from hypothesis import given, strategies as st

from auditor.normalise import NormalisedText, normalise_cell


def test_stray_spaces_and_widths():
    norm = NormalisedText("利通区上桥镇 2022 年，邮 编 ：７５１１００，电话\u00a0１２３")
    assert norm.text == "利通区上桥镇2022年，邮编：751100，电话123"


def test_spaces_between_numbers_are_kept():
    assert NormalisedText("申请数量 0 0 12 3").text.endswith("0 0 12 3")


def test_broken_sentence_is_joined_but_headings_are_not():
    raw = "我镇认真贯彻执行条例规定，高度重视政府信息公开工作，逐步健全\n\n域信息的发布。\n（一）主动公开\n内容"
    assert NormalisedText(raw).text == "我镇认真贯彻执行条例规定，高度重视政府信息公开工作，逐步健全域信息的发布。\n（一）主动公开\n内容"


def test_debris_is_removed_and_kept_as_artifact():
    norm = NormalisedText("[bookmark: _GoBack]本报告依据条例编制。")
    assert norm.text == "本报告依据条例编制。"
    assert norm.artifacts[0].text == "[bookmark: _GoBack]"
    assert norm.raw[norm.artifacts[0].raw_start:norm.artifacts[0].raw_end] == "[bookmark: _GoBack]"


def test_offsets_map_back_to_the_original():
    raw = "\ufeff一、 总体情况\r\n2023 年，我乡 收到 申请 ３ 件。"
    norm = NormalisedText(raw)
    index = norm.text.index("收到")
    assert raw[norm.to_raw(index):norm.to_raw(index) + 2] == "收到"
    assert norm.from_raw(norm.to_raw(index)) == index


@given(st.text(alphabet="年月日我乡镇收到申请件 \n\t0123456789０１（）()", max_size=80))
def test_every_normalised_character_comes_from_the_original(raw):
    norm = NormalisedText(raw)
    for i, ch in enumerate(norm.text):
        original = norm.raw[norm.to_raw(i)]
        assert original == ch or normalise_cell(original) == ch or original.translate({0x3000: 32}) == ch
        assert norm.from_raw(norm.to_raw(i)) == i


def test_cell_normalisation():
    assert normalise_cell(" （三） 不 予 公 开 ") == "（三）不予公开"
    assert normalise_cell("１２") == "12"
