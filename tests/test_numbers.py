"""The number grammar: numbers in source text and the values editors write."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.matchers.dates import find_dates
from generator.matchers.money import find_money
from generator.matchers.numbers import QUALIFIERS, find_numbers, format_number, parse_value, ratio
from tests.conftest import REPO

BBC = REPO.parent / "shared" / "corpora" / "bbc-news-2005"


def values(text: str) -> list[tuple[Decimal, str | None]]:
    return [(m.value, m.qualifier) for m in find_numbers(text)]


# Real sentences from the seed sources: (sentence, [(value, qualifier)]).
SEED_SENTENCES = [
    ("The statement cites Ukraine’s data on 19,500 Ukrainian children that Russia forcibly transferred",
     [(19500, None)]),
    ("More than 50 countries denounce remarks by Russia’s commissioner", [(50, "more than")]),
    ("The remarks by Lvova-Belova were denounced by more than 50 nations", [(50, "more than")]),
    ("While Xi has met Putin over 40 times in the past decade", [(40, "more than")]),
    ("including the sale of 160 Airbus aircraft.", [(160, None)]),
    ("the conversation, which took place on Xi’s 69th birthday, was", [(69, None)]),
    ("15 territorial communities of Vyshgorod, Bucha and Brovary districts were under occupation – "
     "that’s 270 settlements of the region.", [(15, None), (270, None)]),
    ("“Dialogue and negotiations are the only possible solution,” the 12-point position paper said.",
     [(12, None)]),
    ("Ukraine rejected a 36-hour truce from Russia for Orthodox Christmas.", [(36, None)]),
    ("coinciding with the third anniversary of Russia’s full-scale invasion of Ukraine", [(3, None)]),
    ("China has sought to depict itself as a neutral party amid the nearly three-year conflict.",
     [(3, "almost")]),
    ("Ukraine was once a Soviet republic, as were over a dozen other currently independent countries.",
     [(12, "more than")]),
    ("U.S. and Russian envoys may meet within two weeks", [(2, None)]),
    ("Day 407: China’s Xi Jinping shows no sign of changing position", [(407, None)]),
    ("Watch Ukraine in flames #392 to hear stories", [(392, None)]),
    ("One year anniversary of liberation of the Kyiv region.", [(1, None)]),
    ("The hostilities in the Kyiv region lasted for more than a month.", [(1, "more than")]),
    ("the talks ultimately lasted an hour and a half.", [(Decimal("1.5"), None)]),
]


@pytest.mark.parametrize("sentence,expected", SEED_SENTENCES)
def test_seed_sentences(sentence, expected):
    assert values(sentence) == [(Decimal(v), q) for v, q in expected]


def test_mentions_point_at_their_words():
    text = "denounced by more than 50 nations"
    (m,) = find_numbers(text)
    assert text[m.start:m.end] == m.raw == "50"
    assert text[slice(*m.qualifier_span)] == "more than"
    assert text[slice(*m.span)] == "more than 50"


def test_ordinals():
    found = find_numbers("Xi’s 69th birthday, the 1st, 2nd and 3rd rounds, the third anniversary, "
                         "his twenty-first visit, the hundredth day")
    assert [(m.value, m.ordinal) for m in found] == [
        (69, True), (1, True), (2, True), (3, True), (3, True), (21, True), (100, True)]


def test_fractions_are_not_ordinals():
    # Issue 11: "a third" is the fraction 1/3 (it used to read as nothing), never the ordinal 3.
    assert values("a third of the children") == [(ratio(1, 3), None)]
    assert values("the third anniversary") == [(3, None)]


@pytest.mark.parametrize("text,value", [
    ("19,500", 19500), ("19 500", 19500), ("19\u00a0500", 19500), ("19\u2009500", 19500),
    ("19\u202f500", 19500), ("1,234,567", 1234567), ("3.5", Decimal("3.5")), ("19.5 thousand", 19500),
    ("600m", 600_000_000), ("1.13bn", 1_130_000_000), ("1.13 bn", 1_130_000_000), ("€3.5B", 3_500_000_000),
    ("5k", 5000), ("2tn", 2 * 10 ** 12), ("4 trillion", 4 * 10 ** 12), ("$1.5-billion", 1_500_000_000),
    ("3 mn", 3_000_000), ("5 hundred", 500),
])
def test_digit_forms(text, value):
    assert values(f"a total of {text} people") == [(Decimal(value), None)]


@pytest.mark.parametrize("text,value", [
    ("zero", 0), ("fifteen", 15), ("twenty-five", 25), ("twenty five", 25), ("ninety", 90),
    ("two hundred", 200), ("a hundred", 100), ("one hundred and fifty", 150),
    ("two hundred and fifty thousand", 250_000), ("three million", 3_000_000), ("a million", 1_000_000),
    ("a dozen", 12), ("two dozen", 24), ("five thousand three hundred", 5300),
])
def test_number_words(text, value):
    assert values(f"there were {text} of them") == [(Decimal(value), None)]


def test_signs_halves_and_wire_style_scales():
    assert values("temperatures of -5C and \u22123 degrees, (-2), but F-16 and a 5-3 win") == [
        (-5, None), (-3, None), (-2, None), (5, None), (3, None)]
    assert values("half a million people and half a dozen others") == [(500_000, None), (6, None)]
    assert values("3.5 bln and 20mln") == [(3_500_000_000, None), (20_000_000, None)]


def test_separate_numbers_are_not_joined():
    assert values("in 2021 15 people") == [(2021, None), (15, None)]
    assert values("one two three") == [(1, None), (2, None), (3, None)]
    assert values("1,2345") == [(1, None)]  # not a grouped number; the malformed rest is not read
    assert values("the sale of 10 737-800 planes") == [(10, None), (737, None), (800, None)]
    assert values("call 0845 8 505 505") == [(845, None), (8, None), (505, None), (505, None)]
    assert values("scores of 6-4 7-5") == [(6, None), (4, None), (7, None), (5, None)]


def test_names_with_numbers_are_not_figures():
    assert values("F-16 jets, Covid-19, the G7 and an A320") == []


@pytest.mark.parametrize("text", [
    "on April 5 via video link", "2023-04-26", "26 April 2023 Wednesday 05:24", "at 10am", "at 10.30pm",
    "February 24, 2022", "in late February 2022", "from 24-26 February", "at 0800 GMT", "26/04/2023",
])
def test_dates_and_times_are_not_figures(text):
    assert values(text) == []


def test_bare_years_stay_numbers():
    assert values("Russia’s 2022 invasion") == [(2022, None)]


@pytest.mark.parametrize("written,canonical", [
    ("more than", "more than"), ("over", "more than"), ("above", "more than"), ("in excess of", "more than"),
    ("nearly", "almost"), ("almost", "almost"), ("about", "about"), ("some", "about"),
    ("around", "about"), ("approximately", "about"), ("roughly", "about"), ("an estimated", "about"),
    ("at least", "at least"), ("no fewer than", "at least"), ("at most", "at most"),
    ("no more than", "at most"), ("less than", "less than"), ("fewer than", "less than"),
    ("under", "less than"), ("below", "less than"), ("up to", "up to"), ("as many as", "up to"),
])
def test_qualifier_synonyms(written, canonical):
    for text in (f"{written} 40 people", f"{written.capitalize()} 40 people", f"{written} forty people",
                 f"{written} $40m"):
        (m,) = find_numbers(text)
        assert (m.value in (40, 40_000_000), m.qualifier) == (True, canonical), text
        assert text[slice(*m.qualifier_span)].lower() == written


def test_qualifiers_written_after():
    assert values("50 or more people, 40-plus years, 20+ cities, 30 or so") == [
        (50, "at least"), (40, "more than"), (20, "more than"), (30, "about")]


def test_qualifier_must_touch_the_number():
    assert values("about the 50 people") == [(50, None)]
    assert values("more than the 3 of them") == [(3, None)]


def test_every_canonical_qualifier_is_reachable():
    found = {m.qualifier for q in QUALIFIERS for m in find_numbers(f"{q} 7 days")}
    assert found == set(QUALIFIERS)


@pytest.mark.parametrize("value,expected", [
    (19500, 19500), (3.5, Decimal("3.5")), ("19,500", 19500), ("19 500", 19500), ("3.5 billion", 3_500_000_000),
    ("600m", 600_000_000), ("1.13bn", 1_130_000_000), ("19.5 thousand", 19500), (" 12 ", 12),
    ("-5", -5), ("fifteen", 15), ("two hundred", 200), ("0.25", Decimal("0.25")), ("5K", 5000),
])
def test_parse_value(value, expected):
    assert parse_value(value) == Decimal(expected)


@pytest.mark.parametrize("value,says", [
    (True, "true/false"), (float("nan"), "finite"), (float("inf"), "finite"), ("abc", "is not a number"),
    ("3.5 zillion", "'zillion' in '3.5 zillion' is not a scale"), ("", "is not a number"),
    ("1,2", "is not a number"), ("about 5", "is not a number"), ("5 5", "is not a number"),
])
def test_parse_value_errors(value, says):
    with pytest.raises(ValueError, match=says):
        parse_value(value)


def test_format_number():
    assert format_number(Decimal(19500)) == "19,500"
    assert format_number(Decimal("3.5e9")) == "3.5 billion"
    assert format_number(Decimal("1130000000.00")) == "1.13 billion"
    assert format_number(Decimal(1234567)) == "1,234,567"
    assert format_number(Decimal("0.25")) == "0.25"


# --- properties -------------------------------------------------------------------------

SEPARATORS = [",", " ", "\u00a0", "\u2009", "\u202f"]
SCALE_FORMS = {3: ["thousand", "k"], 6: ["million", "m", "mn"], 9: ["billion", "bn"], 12: ["trillion", "tn"]}


def notations(d: Decimal) -> list[str]:
    plain = format(d, "f")
    forms = [plain] + [format(d, ",f").replace(",", sep) for sep in SEPARATORS]
    for exp, words in SCALE_FORMS.items():
        scale = Decimal(10) ** exp
        short = d / scale
        if d >= scale and short == short.quantize(Decimal("0.001")):
            s = format(short.normalize(), "f")
            forms += [f"{s} {w}" if len(w) > 2 else f"{s}{w}" for w in words]
            forms.append(f"{s}-{words[0]}")
    return forms


decimals = st.builds(lambda n, k: Decimal(n).scaleb(-k),
                     st.integers(min_value=0, max_value=10 ** 14), st.integers(min_value=0, max_value=3))


@settings(max_examples=300, deadline=None)
@given(decimals)
def test_notations_parse_back(d):
    for form in notations(d):
        assert parse_value(form) == d, form
        found = find_numbers(f"a total of {form} people")
        assert [m.value for m in found] == [d], form


ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
       "sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def in_words(n: int) -> str:
    """An independent writer of English numbers, as the oracle for the word grammar."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return ONES[n // 100] + " hundred" + (" and " + in_words(n % 100) if n % 100 else "")
    for scale, word in ((10 ** 9, "billion"), (10 ** 6, "million"), (10 ** 3, "thousand")):
        if n >= scale:
            rest = n % scale
            return in_words(n // scale) + f" {word}" + (" " + in_words(rest) if rest else "")
    raise AssertionError(n)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_number_words_parse_back(n):
    words = in_words(n)
    assert parse_value(words) == n
    assert values(f"they counted {words} of them") == [(Decimal(n), None)]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_random_text_never_breaks_the_finders(text):
    find_numbers(text)
    find_money(text)
    find_dates(text, 2023)
    try:
        parse_value(text)
    except ValueError:
        pass


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789,. \u00a0-kmbnthousandmilliontwentyoveraboutApril$€£¥:/", max_size=40))
def test_number_like_text_never_breaks_the_finders(text):
    for m in find_numbers(text):
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.raw
    find_money(text)
    find_dates(text, None)
    try:
        parse_value(text)
    except ValueError:
        pass


@pytest.mark.skipif(not BBC.is_dir(), reason="the BBC corpus is not on this machine")
def test_bbc_corpus_reads_without_failing():
    files = sorted(BBC.rglob("*.txt"))
    assert len(files) > 2000
    counts = {"numbers": 0, "money": 0, "dates": 0}
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        numbers = find_numbers(text)
        for m in numbers:
            assert text[m.start:m.end] == m.raw
        counts["numbers"] += len(numbers)
        counts["money"] += len(find_money(text, numbers))
        counts["dates"] += len(find_dates(text, 2005))
    # A news corpus is full of figures, amounts and dates: none of the readers may go blind.
    assert counts["numbers"] > 10 * len(files) and counts["money"] > len(files) and counts["dates"] > len(files)


def test_bbc_style_business_sentence():
    text = "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three " \
           "months to December, from $639m year-earlier."
    assert values(text) == [(76, None), (1_130_000_000, None), (600_000_000, None), (3, None),
                            (639_000_000, None)]



def test_an_article_counts_one_unit_of_time():
    """Seed phrases: "lasted an hour and a half", "lasted almost an hour", "more than a month"."""
    from decimal import Decimal

    from generator.matchers.numbers import find_numbers

    def seen(text):
        return [(m.raw, m.value, m.qualifier) for m in find_numbers(text)]

    assert seen("ultimately lasted an hour and a half.") == [("an hour and a half", Decimal("1.5"), None)]
    assert seen("a conversation that lasted almost an hour") == [("an hour", Decimal(1), "almost")]
    assert seen("lasted for more than a month.") == [("a month", Decimal(1), "more than")]
    assert seen("two and a half years later") == [("two and a half", Decimal("2.5"), None)]
    assert seen("half a day") == [("half a day", Decimal("0.5"), None)]
    assert seen("a statement that said") == []  # only units of time
