"""The spaCy pipeline: blank Chinese with the jieba segmenter and the project's user words.

Built lazily, once per process, on first use (importing spaCy and loading jieba's dictionary
take seconds, so CLI start-up and commands that need no NLP stay fast). The user words
(auditor/rules/user_words.txt and every keyword phrase of the element rules) are added to
jieba so that legal terms and the rules' phrases are single tokens, which is what lets the
PhraseMatcher find them reliably.
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
    segmentation is a third faster."""

    def __init__(self, jieba_module) -> None:
        self._jieba = jieba_module

    def cut(self, text: str, cut_all: bool = False):
        return self._jieba.cut(text, cut_all=cut_all, HMM=False)

    def add_word(self, word: str, freq: int | None = None) -> None:
        self._jieba.add_word(word, freq)


@cache
def nlp():
    """The shared pipeline (spaCy `Language`), its segmenter holding every user word."""
    import jieba
    import spacy

    jieba.setLogLevel(logging.WARNING)
    pipeline = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    segmenter = _Segmenter(pipeline.tokenizer.jieba_seg)
    pipeline.tokenizer.jieba_seg = segmenter
    for word in all_user_words():
        segmenter.add_word(word, _USER_WORD_FREQ)
    return pipeline


def all_user_words() -> tuple[str, ...]:
    """The user words and the phrases of every element rule, in a stable order."""
    from auditor.nlp.keywords import element_rules

    phrases = {p for rule in element_rules() for p in rule.phrases}
    return tuple(dict.fromkeys([*user_words(), *sorted(phrases)]))


@lru_cache(maxsize=50_000)
def doc_of(text: str):
    """The tokenised Doc of one sentence; cached, since the keyword rules and the classifier
    both read it and sentences recur across a batch (prescribed formulas, shared wording)."""
    return nlp().make_doc(text)


@lru_cache(maxsize=50_000)
def words(text: str) -> tuple[str, ...]:
    """The text as the pipeline segments it (the classifier's word features)."""
    return tuple(token.text for token in doc_of(text) if not token.is_space)
