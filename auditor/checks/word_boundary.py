"""Word boundaries without a segmenter: does a match cut a known word in two?

Chinese has no spaces, so a short pattern (全乡, 按排) also matches across the boundary of two
words (健全|乡村, 按|排名). The lexicon auditor/rules/words.tsv lists the words such matches
cut; a match that covers only part of one of them, where it stands in the text, is no match.
"""
from __future__ import annotations

import re
from functools import cache

from auditor.rules import words


@cache
def _lexicon() -> tuple[re.Pattern, int]:
    """A pattern finding every (overlapping) occurrence of a lexicon word, and the longest length."""
    lexicon = sorted(words("words.tsv"), key=len, reverse=True)
    return re.compile("(?=(" + "|".join(map(re.escape, lexicon)) + "))"), len(lexicon[0])


def cuts_word(text: str, start: int, end: int) -> bool:
    """Whether the match text[start:end] covers part of a lexicon word without covering all of it."""
    pattern, longest = _lexicon()
    for found in pattern.finditer(text, max(0, start - longest + 1), min(len(text), end + longest - 1)):
        word_start, word_end = found.start(), found.start() + len(found.group(1))
        if word_start < end and word_end > start and (word_start < start or word_end > end):
            return True
    return False
