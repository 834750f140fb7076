"""Dictionary look-ups shared by the text checks: jieba's word list and OpenCC's conversion.

Both are loaded lazily, once per process: jieba's dictionary (the one the segmenter of
auditor.nlp.pipeline holds) with the project's user words, and OpenCC's traditional → simplified converter
with its phrase tables.
"""
from __future__ import annotations

import re
from functools import cache


def is_word(text: str) -> bool:
    """Whether jieba's dictionary or the project's user words list `text` as a word (jieba's
    prefix entries, frequency 0, do not count). Asked of the segmenter (auditor.nlp.pipeline),
    which holds jieba's dictionary and the user words: on every entry of jieba's own table its
    answer is jieba's (tests/test_segmentation.py), without loading that table a second time."""
    from auditor.nlp.pipeline import segmenter

    return bool(text) and segmenter().has_word(text)


@cache
def _character_tags() -> dict[str, str]:
    """jieba's part-of-speech tags of its one-character words, read straight from its dictionary
    file (a regular expression over the file: a fraction of what loading jieba.posseg costs)."""
    import jieba

    path = jieba.dt.get_dict_file()
    with path if hasattr(path, "read") else open(path, "rb") as handle:
        text = handle.read().decode("utf-8")
    return dict(re.findall(r"^(\S) \d+ (\w+)\r?$", text, re.M))


def character_class(char: str) -> str | None:
    """jieba's part-of-speech tag of a character as a word of its own (n noun, q measure word, v verb …), or None."""
    return _character_tags().get(char)


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """OpenCC's traditional → simplified conversion, phrase by phrase (乾隆 stays, 乾净 becomes 干净)."""
    return _t2s().convert(text)
