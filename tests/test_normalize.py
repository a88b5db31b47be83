import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.normalize import WHITESPACE, fold, fold_text

SPECIAL = st.sampled_from(list("‘’“”\"'–—-…. \n\t\u00a0İAbc19,"))
TEXT = st.lists(st.one_of(SPECIAL, st.characters()), max_size=60).map("".join)


def test_folds_what_is_not_substance():
    assert fold_text("“Peace” — now…  THE\n\tend") == '"peace" - now... the end'
    assert fold_text("it’s") == fold_text("it's")
    assert fold_text("19,500") == "19,500"  # digits and separators are substance


def test_whitespace_table_is_complete():
    assert set(WHITESPACE) == {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}


def test_lower_keeps_length_for_every_character():
    long_lower = [chr(c) for c in range(sys.maxunicode + 1) if len(chr(c).lower()) != 1]
    assert all(fold_text(c) and len(fold_text(c)) == 1 for c in long_lower)


@given(TEXT)
@settings(max_examples=400)
def test_fold_matches_fold_text(text):
    assert fold(text).text == fold_text(text)


@given(TEXT, st.data())
@settings(max_examples=400)
def test_offset_map_round_trips(text, data):
    folded = fold(text)
    n = len(folded.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    a, b = folded.span_in_original(start, end)
    assert 0 <= a <= b <= len(text)
    # The original span folds to text that contains the folded span.
    assert folded.text[start:end].strip() in fold_text(text[a:b])


@given(TEXT)
@settings(max_examples=300)
def test_offsets_are_monotonic(text):
    folded = fold(text)
    starts = [folded.start_in_original(i) for i in range(len(folded.text))]
    assert starts == sorted(starts)
