import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.normalize import UNSTABLE_LIMIT, WHITESPACE, fold, fold_text, joins_back

SPECIAL = st.sampled_from([*"‘’“”\"'–—-…. \n\t\u00a0İAbc19,", "--", "---"])
TEXT = st.lists(st.one_of(SPECIAL, st.characters()), max_size=60).map("".join)


def test_folds_what_is_not_substance():
    assert fold_text("“Peace” — now…  THE\n\tend") == '"peace" - now... the end'
    assert fold_text("it’s") == fold_text("it's")
    assert fold_text("19,500") == "19,500"  # digits and separators are substance


@pytest.mark.parametrize("typed", ["--", "---", "\u2014-", "-\u2013"])
def test_a_typewriter_dash_is_a_dash(typed):
    # Issue 11: a transcript or an editor writes "--" where print sets "—".
    assert fold_text(f"the talks {typed} which failed") == fold_text("the talks \u2014 which failed")
    assert fold_text(f"2010{typed}2020") == fold_text("2010\u20132020") == "2010-2020"


def test_a_typewriter_dash_maps_back_whole():
    text = "Peace -- now, and---later"
    folded = fold(text)
    assert folded.text == "peace - now, and-later"
    dash = folded.text.index("-")
    assert folded.span_in_original(dash, dash + 1) == (6, 8)
    assert folded.splits_piece(dash) is False and folded.splits_piece(dash + 1) is False
    later = folded.text.index("later")
    assert text[slice(*folded.span_in_original(later - 1, later + 5))] == "---later"
    assert text[slice(*folded.span_in_original(later, later + 5))] == "later"


def test_a_single_hyphen_is_unchanged():
    assert fold_text("F-16 and a 36-hour truce") == "f-16 and a 36-hour truce"
    assert fold("F-16")._at.tolist() == []  # no resized piece: the map stays 1:1


def test_whitespace_table_is_complete():
    assert set(WHITESPACE) == {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}


def test_lower_keeps_length_for_every_character():
    long_lower = [chr(c) for c in range(sys.maxunicode + 1) if len(chr(c).lower()) != 1]
    assert all(fold_text(c) and len(fold_text(c)) == 1 for c in long_lower)


@given(TEXT)
@settings(max_examples=400, deadline=None)
def test_fold_matches_fold_text(text):
    assert fold(text).text == fold_text(text)


@given(TEXT, st.data())
@settings(max_examples=400, deadline=None)
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
@settings(max_examples=300, deadline=None)
def test_offsets_are_monotonic(text):
    folded = fold(text)
    starts = [folded.start_in_original(i) for i in range(len(folded.text))]
    assert starts == sorted(starts)


# --- canonical equivalence (NFC) -----------------------------------------------------------

# Letters with their marks in every order and form: decomposed, precomposed, stacked marks NFC
# reorders, Hangul jamo that compose into a syllable, singletons (Ω for Ω), exclusions (क़).
CANONICAL = st.lists(st.one_of(
    st.sampled_from(["e", "E", "u", "U", "a", "\u0301", "\u0300", "\u0323", "\u0302", "\u0308", "\u00e9",
                     "\u1ec7", "\u1100", "\u1161", "\u11a8", "\uac00", "\u2126", "\u212b", "\u0958", "\u0344",
                     "\u0f73", "\u09c7", "\u09be", " ", "  ", "\u2026", "\u03a3", "\u0130", "-", "--", "\u2014",
                     "\u2019"]),
    st.characters()), max_size=40).map("".join)


@given(CANONICAL)
@settings(max_examples=600, deadline=None)
def test_canonically_equivalent_texts_fold_alike(text):
    nfc, nfd = unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)
    assert fold_text(text) == fold_text(nfc) == fold_text(nfd)
    assert unicodedata.is_normalized("NFC", fold_text(text))


@given(CANONICAL)
@settings(max_examples=600, deadline=None)
def test_the_map_is_exact_through_composition(text):
    """Every folded span that starts and ends on a piece of the map folds back from exactly
    the original span it maps to: the map loses nothing, however NFC composed."""
    folded = fold(text)
    assert folded.text == fold_text(text)
    n = len(folded.text)
    edges = [i for i in range(n + 1) if not folded.splits_piece(i)]
    for i in edges:
        for j in edges:
            if i < j and folded.text[i] != " " and folded.text[j - 1] != " ":
                a, b = folded.span_in_original(i, j)
                assert fold_text(text[a:b]) == folded.text[i:j], (text, i, j)


def test_nfc_and_nfd_sources_and_excerpts_meet():
    nfd = unicodedata.normalize("NFD", "Le café de l’Élysée")
    folded = fold(nfd)
    assert folded.text == "le café de l'élysée" and len(nfd) == len(folded.text) + 3
    start = folded.text.index("élysée")
    assert nfd[folded.start_in_original(start):folded.end_in_original(start + 6)] == nfd[-8:]
    assert folded.splits_piece(folded.text.index("é") + 1) is False  # "é" folds to one character


def test_a_piece_nfc_composes_into_two_characters_cannot_be_split():
    # e + dot below + acute: NFC gives "ẹ" + acute (two characters from three).
    folded = fold("xe\u0301\u0323y")
    assert folded.text == "x\u1eb9\u0301y"
    assert folded.splits_piece(2) and not folded.splits_piece(1) and not folded.splits_piece(3)
    assert folded.span_in_original(1, 3) == (1, 4)


@pytest.mark.parametrize("a, b", [("ﬁ", "fi"), ("²", "2"), ("①", "1"), ("１", "1"), ("Ⅻ", "XII"),
                                  ("½", "1/2"), ("ｶ", "カ")])
def test_compatibility_forms_are_not_folded(a, b):
    # NFC only: NFKC would read "x²" as "x2" and "①" as "1", changing what the text says.
    assert fold_text(a) != fold_text(b)


def test_every_character_nfc_can_change_lies_below_the_limit():
    above = [c for c in range(UNSTABLE_LIMIT, sys.maxunicode + 1)
             if joins_back(chr(c)) or unicodedata.normalize("NFC", chr(c)) != chr(c)]
    assert above == []


# --- the map's memory ----------------------------------------------------------------------

@pytest.mark.parametrize("unit", ["\u2026", "a  ", "e\u0301"])
def test_the_map_stays_compact_whatever_the_pieces(unit):
    """A text that is nothing but resized pieces (an ellipsis, a white-space run, a combining
    sequence) is the map's worst case: what folding allocates stays a few times the text's
    size in bytes, not a hundred (a Python tuple entry and int per piece)."""
    import tracemalloc

    text = unit * (60_000 // len(unit.encode("utf-8")))
    size = len(text.encode("utf-8"))
    fold(text[:10])  # the NFC table, built once per process, is not the text's cost
    fold(unicodedata.normalize("NFD", "é"))
    tracemalloc.start()
    try:
        folded = fold(text)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert folded.text.count(" ") == (text.count("a") if unit == "a  " else 0)
    assert peak <= 7 * size, (peak, size)
    assert held <= 5 * size, (held, size)
