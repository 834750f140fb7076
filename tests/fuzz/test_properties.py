"""Properties over any input: the decoder, the cell reader and the normaliser never fail on
what they are given, and keep their promises (LF line ends, bounded counts, offset maps)."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from auditor.ingest.decode import decode_text
from auditor.ingest.document import UnreadableFile
from auditor.limits import limits
from auditor.normalise import NormalisedText
from auditor.parse.cells import read_row, tokenise
from auditor.template.relations import arithmetic, row_cells
from auditor.template.values import amount_value, count_value

_TEXTISH = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
_ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030"])


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=600),
                 st.builds(lambda text, encoding, tail: text.encode(encoding, "ignore") + tail,
                           _TEXTISH, _ENCODINGS, st.binary(max_size=3))))
def test_the_decoder_reads_any_bytes_or_says_why(data):
    try:
        text, encoding, warnings = decode_text(data)
    except UnreadableFile as error:
        assert str(error)  # a reason for the user
        return
    assert "\r" not in text and isinstance(encoding, str) and all(isinstance(w, str) for w in warnings)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=30), st.from_regex(r"\d{1,30}|\d{100,5000}", fullmatch=True),
                          st.from_regex(r"[一-龥]{1,8}\d{1,40}", fullmatch=True)), max_size=8),
       st.integers(min_value=1, max_value=8), st.booleans())
def test_the_cell_reader_reads_any_cells_without_unbounded_numbers(cells, width, checked):
    tokens = tokenise(cells)
    values = [t for t in tokens if t.kind != "label"]
    rules = arithmetic("requests", row_cells("requests", "1")) if checked else None
    reading = read_row(values, len(rules.cells) if rules else width, rules)
    assert (reading.values is None) == bool(reading.problem)
    for value in reading.values or ():
        if value.kind == "count":
            assert len(str(abs(value.number))) <= limits().max_digits


@given(st.text(max_size=60))
def test_a_count_or_amount_cell_is_one_of_the_kinds(text):
    for value in (count_value(text), amount_value(text)):
        assert value.kind in ("count", "amount", "blank", "slash", "unreadable")
        if value.kind == "count":
            assert len(value.printed.lstrip("-")) <= limits().max_digits


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_the_normaliser_offset_maps_stay_consistent_for_any_text(raw):
    norm = NormalisedText(raw)
    previous = 0
    for i in range(len(norm.text)):
        at = norm.to_raw(i)
        assert 0 <= at < len(raw) and at >= previous
        assert norm.from_raw(at) == i
        previous = at
    assert 0 <= norm.from_raw(len(raw)) <= len(norm.text)
    for artifact in norm.artifacts:
        assert len(raw[artifact.raw_start:artifact.raw_end]) == len(artifact.text)  # replaced one for one
