"""The date grammar: partial dates editors write and date expressions in source text."""

from __future__ import annotations

import calendar
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.matchers.dates import PartialDate, calendar_spans, find_dates, parse_partial_date
from tests.conftest import run_cli, write_one_fact


def dates(text: str, default_year: int | None = None) -> list[tuple]:
    return [(d.year, d.month, d.day, d.weekday, d.year_inferred) for d in find_dates(text, default_year)]


WED = 2


@pytest.mark.parametrize("text,default_year,expected", [
    # Seed sentences.
    ("26 April 2023 Wednesday 05:24", None, [(2023, 4, 26, WED, False)]),
    ("since the start of the Russian invasion on February 24, 2022.", None, [(2022, 2, 24, None, False)]),
    ("addressed a UN Security Council meeting on April 5 via video link.", 2023, [(2023, 4, 5, None, True)]),
    ("on the first anniversary of the Russian invasion on February 24.", 2023, [(2023, 2, 24, None, True)]),
    ("which began with Russia’s invasion in late February 2022.", None, [(2022, 2, None, None, False)]),
    ("Russia assuming the UN Security Council presidency on April 1", 2023, [(2023, 4, 1, None, True)]),
    ("presented in March a proposal", 2023, [(2023, 3, None, None, True)]),
    ("just before Russia’s 2022 invasion.", 2023, [(2022, None, None, None, False)]),
    ("China said it happened on Wednesday, at the invitation of Zelenskyy.", 2023, [(None, None, None, WED, False)]),
    (" date 2023-04-26 ", None, [(2023, 4, 26, None, False)]),
    # Other forms of the grammar.
    ("April 26, 2023", None, [(2023, 4, 26, None, False)]),
    ("26th April", 2023, [(2023, 4, 26, None, True)]),
    ("the 26th of April 2023", None, [(2023, 4, 26, None, False)]),
    ("Apr. 26, 2023", None, [(2023, 4, 26, None, False)]),
    ("Sept 11, 2001", None, [(2001, 9, 11, None, False)]),
    ("Sep. 11 2001", None, [(2001, 9, 11, None, False)]),
    ("Wednesday, April 26, 2023", None, [(2023, 4, 26, WED, False)]),
    ("26 APRIL 2023", None, [(2023, 4, 26, None, False)]),
    ("February 2022", None, [(2022, 2, None, None, False)]),
    ("mid-February, 2022", None, [(2022, 2, None, None, False)]),
    ("in May", 2023, [(2023, 5, None, None, True)]),
    ("April 5", None, [(None, 4, 5, None, False)]),
    ("24-26 February 2022", None, [(2022, 2, 24, None, False), (2022, 2, 26, None, False)]),
    ("26/04/2023", None, [(2023, 4, 26, None, False)]),
    ("2023/04/26", None, [(2023, 4, 26, None, False)]),
    ("the 2022/23 season", None, [(2022, None, None, None, False)]),
    ("mid-2022 and 2014-2015", None, [(2022, None, None, None, False), (2014, None, None, None, False),
                                      (2015, None, None, None, False)]),
])
def test_date_expressions(text, default_year, expected):
    assert dates(text, default_year) == expected


def test_ambiguous_numeric_date_keeps_both_readings():
    assert dates("04/05/2023") == [(2023, 4, 5, None, False), (2023, 5, 4, None, False)]


@pytest.mark.parametrize("text", [
    "it may be", "they march on", "19,500 children", "the 1990s", "a 2000-strong crowd", "12000 people",
    "F-2000", "$2022", "2022.5", "3,2022", "2,022 votes", "1 500 people",
    "Mondays are quiet", "the sunday papers",
])
def test_not_dates(text):
    assert dates(text, 2023) == []


def test_days_that_do_not_exist_are_not_read_as_days():
    assert dates("February 30, 2023") == [(None, 2, None, None, False), (2023, None, None, None, False)]
    assert dates("32 April", 2023) == [(2023, 4, None, None, True)]


def test_mention_spans_and_descriptions():
    text = "It was announced on Wednesday, April 26, 2023 in Kyiv"
    (d,) = find_dates(text)
    assert text[d.start:d.end] == d.raw == "Wednesday, April 26, 2023"
    assert d.describe() == "2023-04-26"
    (w,) = find_dates("on Monday")
    assert w.weekday_only and w.describe() == "Monday"


def test_calendar_spans_cover_dates_and_times_not_bare_years():
    text = "On 26 April 2023 at 05:24 and 10am, in 2022"
    assert [text[a:b] for a, b in calendar_spans(text)] == ["26 April 2023", "05:24", "10am"]


@pytest.mark.parametrize("value,expected", [
    ("2023", PartialDate(2023)), ("2022-02", PartialDate(2022, 2)), ("2023-04-26", PartialDate(2023, 4, 26)),
    ("2024-02-29", PartialDate(2024, 2, 29)),
])
def test_parse_partial_date(value, expected):
    assert parse_partial_date(value) == expected
    assert str(expected) == value


@pytest.mark.parametrize("value,says", [
    ("2023-02-29", "February 2023 has 28 days"), ("2023-13", "no month 13"), ("26 April 2023", "not a date"),
    ("2023-4-26", "not a date"), ("", "not a date"),
])
def test_parse_partial_date_errors(value, says):
    with pytest.raises(ValueError, match=says):
        parse_partial_date(value)


def test_weekday_of_a_partial_date():
    assert PartialDate(2023, 4, 26).weekday == WED
    assert PartialDate(2023, 4).weekday is None


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(2999, 12, 31)))
def test_formatted_dates_read_back(day):
    y, m, d = day.year, day.month, day.day
    month, abbr = calendar.month_name[m], calendar.month_abbr[m]
    wd = calendar.day_name[day.weekday()]
    ordinal = f"{d}{'th' if 11 <= d <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"
    for form in (f"{y:04d}-{m:02d}-{d:02d}", f"{d} {month} {y}", f"{month} {d}, {y}", f"{ordinal} {month} {y}",
                 f"{wd}, {d} {month} {y}", f"{abbr}. {d}, {y}", f"{d} {month.upper()} {y}",
                 f"{d:02d}/{m:02d}/{y}" if d > 12 else f"{y}/{m}/{d}"):
        expected = (y, m, d, day.weekday() if form.startswith(wd) else None, False)
        assert dates(f"It happened on {form} in the capital.") == [expected], form
    assert dates(f"It happened on {month} {d} in the capital.", y) == [(y, m, d, None, True)]
    assert dates(f"It happened in {month} {y}.") == [(y, m, None, None, False)]
    assert dates(f"It happened in {y}.") == [(y, None, None, None, False)]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_partial_date_raises_only_value_error(text):
    try:
        parse_partial_date(text)
    except ValueError:
        pass


def test_long_repetitive_text_is_read_in_full():
    # Inputs that make careless patterns backtrack for ever; each must still be read exactly.
    assert len(find_dates("April " * 20000, 2023)) == 20000
    assert find_dates("5" + " " * 50000 + "x") == []


def test_partial_dates_take_ascii_digits_only():
    import pytest

    from generator.matchers.dates import parse_partial_date

    with pytest.raises(ValueError):
        parse_partial_date("\u0662\u0660\u0662\u0663")  # Arabic-Indic ٢٠٢٣


@pytest.mark.parametrize("value, ok", [("2023-11", True), ("2024-11", False)])
def test_a_year_of_two_digits_after_an_apostrophe(workspace, value, ok):
    """The Reserve Bank of Australia's "November ‘23": 2023, not the November before publication."""
    text = "The cash rate has been at 4.35% since November 2023. At that time in November \u201823 the risks rose.\n"
    write_one_fact(workspace, text, "The Board raised the rate in November 2023.", f'date: "{value}"',
                   "At that time in November \u201823 the risks rose.", published="2025-02-18")
    r = run_cli("validate", "--root", str(workspace))
    assert (r.returncode == 0) == ok, r.stdout
    if not ok:
        assert "(date-not-supported)" in r.stdout


@pytest.mark.parametrize("words, value, ok", [
    ("the day before yesterday", "2024-03-12", True),
    ("the day before yesterday", "2024-03-13", False),  # was read as "yesterday"
    ("two days ago", "2024-03-12", True),
    ("two days ago", "2024-03-11", False),
    ("six months ago", "2023-09", True),
    ("three weeks ago", "2024-02", True),
    ("a year ago", "2023", True),
])
def test_days_counted_back_from_the_published_date(workspace, words, value, ok):
    text = f"The talks, which began {words}, resumed in Geneva.\n"
    write_one_fact(workspace, text, "The talks began then.", f'date: "{value}"', text.strip(), published="2024-03-14")
    r = run_cli("validate", "--root", str(workspace))
    assert (r.returncode == 0) == ok, r.stdout
    assert ("date-relative" in r.stdout) == ok, r.stdout
