"""Word segmentation: jieba's dictionary and algorithm (HMM off) with the project's user words.

Built lazily, once per process, on first use (loading a dictionary takes a moment, so CLI
start-up and commands that need no NLP stay fast). The user words (auditor/rules/user_words.txt
and every keyword phrase of the element rules) are added so that legal terms and the rules'
phrases are single tokens, which is what lets the keyword rules find them reliably. The audit
needs only token texts and offsets (`tokens`, `words`), so it builds no spaCy Doc; the tokens
are those of spaCy's Chinese tokenizer with jieba, which `nlp()` still gives.
"""
from __future__ import annotations

import logging
from functools import cache, lru_cache
from importlib import resources

_USER_WORD_FREQ = 200_000  # high enough that jieba keeps the word whole inside longer runs


def user_words() -> list[str]:
    text = resources.files("auditor.rules").joinpath("user_words.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


class _Segmenter:
    """jieba's segmenter without its HMM guessing of unknown words: names and numbers the
    dictionary does not know come out as single characters, which no rule depends on, and
    segmentation is a third faster. (The spaCy pipeline's segmenter; the audit itself
    segments with `segmenter()`.)"""

    def __init__(self, jieba_module) -> None:
        self._jieba = jieba_module

    def cut(self, text: str, cut_all: bool = False):
        return self._jieba.cut(text, cut_all=cut_all, HMM=False)

    def add_word(self, word: str, freq: int | None = None) -> None:
        self._jieba.add_word(word, freq)


@cache
def nlp():
    """A spaCy `Language` (blank Chinese, jieba without HMM, every user word): the tokens of
    `tokens()` as a spaCy Doc, for a caller that needs spaCy itself. The audit does not."""
    import jieba
    import spacy

    jieba.setLogLevel(logging.WARNING)
    pipeline = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    segmenter_ = _Segmenter(pipeline.tokenizer.jieba_seg)
    pipeline.tokenizer.jieba_seg = segmenter_
    for word in all_user_words():
        segmenter_.add_word(word, _USER_WORD_FREQ)
    return pipeline


@cache
def segmenter():
    """jieba's algorithm and dictionary in Rust (rjieba, about 15× faster here), HMM off, with
    every user word at the same frequency. On the sample, seed and real reports and the
    labelled sentences it cuts every text exactly as jieba does (tests/test_segmentation.py)."""
    import rjieba

    cutter = rjieba.Jieba()
    for word in all_user_words():
        cutter.add_word(word, _USER_WORD_FREQ, None)
    return cutter


def all_user_words() -> tuple[str, ...]:
    """The user words and the phrases of every element rule, in a stable order."""
    from auditor.nlp.keywords import element_rules

    phrases = {p for rule in element_rules() for p in rule.phrases}
    return tuple(dict.fromkeys([*user_words(), *sorted(phrases)]))


@lru_cache(maxsize=50_000)
def tokens(text: str) -> tuple[tuple[str, int], ...]:
    """(token, start offset) of one sentence, exactly the tokens of spaCy's Chinese tokenizer
    (`nlp().make_doc(text)`): the segmenter's words, a single space after a word folded into
    it, any other whitespace a token of its own. Cached: the keyword rules and the classifier
    both read it, and sentences recur across a batch (prescribed formulas, shared wording)."""
    found: list[tuple[str, int]] = []
    position = 0
    for word in segmenter().cut(text, False):
        if not word or word.isspace():
            continue
        start = text.index(word, position)
        if start > position:
            found.append((text[position:start], position))
        found.append((word, start))
        position = start + len(word)
        if position < len(text) and text[position] == " ":
            position += 1
    if position < len(text):
        found.append((text[position:], position))
    return tuple(found)


@lru_cache(maxsize=50_000)
def words(text: str) -> tuple[str, ...]:
    """The text as the pipeline segments it, whitespace left out (the classifier's word features)."""
    return tuple(token for token, _ in tokens(text) if not token.isspace())
