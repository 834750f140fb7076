"""The audit's segmenter (rjieba, no spaCy Doc) against spaCy's Chinese tokenizer with jieba, and
the token-sequence phrase matching against spaCy's PhraseMatcher, on every sentence and line of
the sample batch, the seeds and the real pages (when ../shared is present)."""
from __future__ import annotations

from pathlib import Path

import pytest

from auditor.nlp import keywords
from auditor.nlp.pipeline import all_user_words, nlp, tokens, words
from auditor.nlp.units import narrative_units
from auditor.parse import read_report
from auditor.paths import expand_paths

ROOT = Path(__file__).resolve().parent.parent
# the demo round (Word, PDF, web pages, text, both years) and the four-format catalogue's text files
SAMPLE = expand_paths([str(ROOT / "corpora" / "sample")]) + sorted(str(p) for p in (ROOT / "tests" / "fixtures" / "formats").glob("*.txt"))
SHARED = ROOT.parent / "shared"
# whitespace cases spaCy folds (one space after a word) or keeps (any other run)
EDGES = ["政务公开 工作", "政务公开  工作", "政务公开\u3000工作", " 开头有空格", "结尾有空格 ", "信息\t处理费", "ABC 123 全年",
         "根据《中华人民共和国政府信息公开条例》，本年度未收取信息处理费。"]


def _texts(paths) -> list[str]:
    texts = set(EDGES)
    for path in paths:
        report = read_report(path)
        texts.update(u.text for u in narrative_units(report))
        texts.update(line for line in report.text.splitlines() if line.strip())
    return sorted(texts)


def _spacy_tokens(text: str) -> tuple[tuple[str, int], ...]:
    return tuple((t.text, t.idx) for t in nlp().make_doc(text))


def _spacy_phrase_hits(text: str) -> list[tuple[str, int, int]]:
    from spacy.matcher import PhraseMatcher

    matcher = _spacy_matcher(PhraseMatcher)
    doc = nlp().make_doc(text)
    strings = doc.vocab.strings
    return sorted(((strings[m], doc[s:e].start_char, doc[s:e].end_char) for m, s, e in matcher(doc)),
                  key=lambda hit: (hit[1], hit[2], hit[0]))


_MATCHER = []


def _spacy_matcher(cls):
    if not _MATCHER:
        matcher = cls(nlp().vocab)
        for rule in keywords.element_rules():
            if rule.phrases:
                matcher.add(rule.code, [nlp().make_doc(p) for p in rule.phrases])
        _MATCHER.append(matcher)
    return _MATCHER[0]


def _compare(texts: list[str]) -> None:
    differing = [t for t in texts if tokens(t) != _spacy_tokens(t)]
    assert not differing, differing[:5]
    for text in texts:
        assert words(text) == tuple(t.text for t in nlp().make_doc(text) if not t.is_space)
    differing = [t for t in texts if list(keywords._phrase_hits(t)) != _spacy_phrase_hits(t)]
    assert not differing, differing[:5]


def test_user_words_and_edges_tokenise_as_spacy_does():
    _compare(sorted(set(EDGES) | set(all_user_words())))
    assert "中华人民共和国政府信息公开条例" in words(EDGES[-1]) and "信息处理费" in words(EDGES[-1])


def test_sample_batch_tokenises_and_matches_as_spacy_does():
    assert len(SAMPLE) > 90
    texts = _texts(SAMPLE)
    assert len(texts) > 1000
    _compare(texts)


def test_seeds_and_real_pages_tokenise_and_match_as_spacy_does():
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is absent (the shared material lives beside the project)")
    paths = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "real" / "excerpts").glob("*.txt"))
    texts = _texts(paths)
    assert len(texts) > 1000
    _compare(texts)


def test_is_word_answers_as_jiebas_table_and_the_user_words():
    import logging

    import jieba

    from auditor.nlp.lexicon import is_word

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    table = jieba.dt.FREQ  # jieba's own table: words with their frequency, prefixes with 0
    user = set(all_user_words())
    assert not [w for w, freq in table.items() if is_word(w) != (w in user or bool(freq))][:5]
    assert all(is_word(w) for w in user)
    text = "".join(_texts(SAMPLE[:20]))[:20000]
    assert len(text) == 20000
    grams = {text[i:i + n] for n in (2, 3, 4) for i in range(len(text) - n)}
    assert not [g for g in grams if is_word(g) != (g in user or bool(table.get(g)))][:5]
