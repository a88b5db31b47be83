"""Amounts of money in source text: the number grammar plus a currency."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.matchers.money import ISO_4217, SYMBOLS, find_money


def amounts(text: str) -> list[tuple[Decimal, tuple[str, ...], str]]:
    return [(m.amount, m.currencies, m.raw) for m in find_money(text)]


B, M = 10 ** 9, 10 ** 6


@pytest.mark.parametrize("text,amount,codes,raw", [
    # Seed sentences.
    ("EU announces €3.5B in aid to Ukraine as Putin pushes for ‘capitulation’", 3.5 * B, ("EUR",), "€3.5B"),
    ("as she announced 3.5 billion euros of fresh aid to Kyiv.", 3.5 * B, ("EUR",), "3.5 billion euros"),
    ("the United States would provide an additional $ 1 billion in security assistance to Kyiv",
     1 * B, ("USD",), "$ 1 billion"),
    # The forms FORMAT.md promises, and their neighbours.
    ("EUR 3.5bn", 3.5 * B, ("EUR",), "EUR 3.5bn"), ("£600m", 600 * M, ("GBP",), "£600m"),
    ("€ 500 million", 500 * M, ("EUR",), "€ 500 million"), ("US$5m", 5 * M, ("USD",), "US$5m"),
    ("EUR 2 billion", 2 * B, ("EUR",), "EUR 2 billion"), ("2 billion EUR", 2 * B, ("EUR",), "2 billion EUR"),
    ("USD1.5bn", 1.5 * B, ("USD",), "USD1.5bn"), ("¥300bn", 300 * B, ("JPY", "CNY"), "¥300bn"),
    ("5 billion yen", 5 * B, ("JPY",), "5 billion yen"), ("10bn yuan", 10 * B, ("CNY",), "10bn yuan"),
    ("3m roubles", 3 * M, ("RUB",), "3m roubles"), ("3m rubles", 3 * M, ("RUB",), "3m rubles"),
    ("2 billion hryvnias", 2 * B, ("UAH",), "2 billion hryvnias"),
    ("40 dollars", 40, ("USD",), "40 dollars"), ("5 pounds", 5, ("GBP",), "5 pounds"),
    ("5m Australian dollars", 5 * M, ("AUD",), "5m Australian dollars"),
    ("a 3.5bn-euro package", 3.5 * B, ("EUR",), "3.5bn-euro"),
    ("3 billion won", 3 * B, ("KRW",), "3 billion won"), ("A$20m", 20 * M, ("AUD",), "A$20m"),
    ("₴12 bn", 12 * B, ("UAH",), "₴12 bn"), ("two million euros", 2 * M, ("EUR",), "two million euros"),
    ("1,500 €", 1500, ("EUR",), "1,500 €"), ("$1.30", Decimal("1.30"), ("USD",), "$1.30"),
])
def test_amounts(text, amount, codes, raw):
    assert amounts(text) == [(Decimal(str(amount)), codes, raw)]


def test_bbc_style_amount_in_two_currencies():
    text = "TimeWarner jumped 76% to $1.13bn (£600m) for the three months to December"
    assert amounts(text) == [(Decimal("1.13e9"), ("USD",), "$1.13bn"), (Decimal("6e8"), ("GBP",), "£600m")]


def test_bbc_style_amount_in_three_currencies():
    text = "Net profit was $186m (£98m; 143m euros) in the quarter"
    assert [(m.amount, m.currency) for m in find_money(text)] == [
        (186 * M, "USD"), (98 * M, "GBP"), (143 * M, "EUR")]


@pytest.mark.parametrize("text", [
    "the team won 3 matches", "Arsenal 2 won", "ALL 5 MEN AGREED", "160 Airbus aircraft", "the 3rd €",
    "TOP 10 hits", "in 2021 15 people", "he was 5 feet tall",
])
def test_not_money(text):
    assert amounts(text) == []


def test_mention_keeps_the_number_and_its_qualifier():
    (m,) = find_money("worth more than 200bn euros a year")
    assert m.amount == 200 * B and m.currency == "EUR"
    assert m.number is not None and m.number.qualifier == "more than"


def test_ambiguous_yen_symbol_accepts_either_reading():
    (m,) = find_money("¥10bn")
    assert m.is_in("JPY") and m.is_in("CNY") and not m.is_in("USD")


def test_symbols_name_real_currencies():
    assert {c for codes in SYMBOLS.values() for c in codes} <= ISO_4217


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10 ** 6), st.integers(min_value=0, max_value=2),
       st.sampled_from([("€", "EUR"), ("£", "GBP"), ("$", "USD"), ("US$", "USD")]),
       st.sampled_from([("bn", 10 ** 9), (" billion", 10 ** 9), ("m", 10 ** 6), (" million", 10 ** 6), ("", 1)]),
       st.booleans())
def test_symbol_amounts_read_back(n, places, symbol, scale, space):
    mantissa = Decimal(n).scaleb(-places)
    text = f"a deal worth {symbol[0]}{' ' if space else ''}{mantissa:,f}{scale[0]} was signed"
    assert [(m.amount, m.currency) for m in find_money(text)] == [(mantissa * scale[1], symbol[1])]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10 ** 6),
       st.sampled_from([("euros", "EUR"), ("dollars", "USD"), ("pounds", "GBP"), ("yen", "JPY"),
                        ("EUR", "EUR"), ("USD", "USD"), ("roubles", "RUB"), ("hryvnias", "UAH")]),
       st.sampled_from([("bn", 10 ** 9), (" billion", 10 ** 9), ("m", 10 ** 6), (" thousand", 10 ** 3), ("", 1)]))
def test_word_amounts_read_back(n, word, scale):
    text = f"a deal worth {n:,}{scale[0]} {word[0]} was signed"
    assert [(m.amount, m.currency) for m in find_money(text)] == [(Decimal(n) * scale[1], word[1])]


def test_long_runs_of_space_after_an_amount():
    assert find_money("5" + " " * 50000 + "euros") == []  # too far apart to belong together
    (m,) = find_money("€5" + " " * 50000 + "x")
    assert m.amount == 5 and m.currency == "EUR"
