"""One lexicon (issue 11): every word list lives once in generator/lexicon, the grammars are built from
it, each form is a named entry whose examples are the tests here, README's tables come from the same
entries, and which date grammar wins contested words is data."""

from __future__ import annotations

import io
import tokenize
import typing
from pathlib import Path

import pytest

from generator.lexicon.calendar import DATE_PRECEDENCE, MONTH_NAMES, NUMERIC_DATE_READINGS, WEEKDAY_NAMES
from generator.lexicon.money import DISPLAY_SYMBOLS, ISO_4217, SHARED_SYMBOLS, SYMBOLS
from generator.lexicon.numbers import QUALIFIER_SYNONYMS, QUALIFIERS, SCALE_SUFFIXES, SCALE_WORDS
from generator.lexicon.text import GROUP_SPACES, WHITESPACE, WORD_SPACES
from generator.matchers.dates import DATE_FORMS, FORMS_PUBLISHED, GIVES_MONTH, find_dates
from generator.matchers.forms import block, tables
from generator.matchers.money import MONEY_FORMS, find_money
from generator.matchers.memo import forget
from generator.matchers.numbers import find_numbers, format_number, parse_value
from generator.model import Qualifier
from tests.conftest import REPO


def _money_reading(text: str) -> str:
    found = find_money(text)
    return " / ".join(f"{'/'.join(m.currencies)} {format_number(m.amount)}" for m in found) or "none"


def _date_reading(text: str) -> str:
    return " / ".join(d.describe() for d in find_dates(text, published=FORMS_PUBLISHED)) or "none"


MONEY = [(f.name, t, r) for f in MONEY_FORMS for t, r in (*f.examples, *f.counter)]
DATES = [(f.name, t, r) for f in DATE_FORMS for t, r in (*f.examples, *f.counter)]


@pytest.mark.parametrize("form,text,reading", MONEY, ids=[f"{m[0]}: {m[1]}" for m in MONEY])
def test_every_money_form_reads_its_examples(form, text, reading):
    assert _money_reading(text) == reading


@pytest.mark.parametrize("form,text,reading", DATES, ids=[f"{d[0]}: {d[1]}" for d in DATES])
def test_every_date_form_reads_its_examples(form, text, reading):
    assert _date_reading(text) == reading


def test_readme_tables_are_generated_from_the_forms():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    for name, table in tables().items():
        assert block(text, name).strip() == table.strip(), "run `python -m generator.matchers.forms`"


# --- date precedence is data --------------------------------------------------------------------

def test_the_date_forms_are_the_precedence_in_its_order():
    assert tuple(f.name for f in DATE_FORMS) == DATE_PRECEDENCE


def test_every_grammar_with_a_month_comes_before_the_others():
    # The number grammar leaves out only the dates with a month; it asks for those alone, which is
    # exact only while no grammar without a month can take words first.
    with_month = [name in GIVES_MONTH for name in DATE_PRECEDENCE]
    assert with_month == sorted(with_month, reverse=True) and GIVES_MONTH <= set(DATE_PRECEDENCE)


def test_precedence_decides_contested_words(monkeypatch):
    import generator.matchers.dates as dates

    # "26 April 2023": the day-month grammar takes the year with it. With bare years first, the year
    # is a date of its own and only the month is left: the order, as data, is what decides.
    def read() -> list[tuple[str, str]]:
        return [(d.raw, d.describe()) for d in find_dates("on 26 April 2023", published=FORMS_PUBLISHED)]

    assert read() == [("26 April 2023", "2023-04-26")]
    monkeypatch.setattr(dates, "DATE_PRECEDENCE", ("year", *(n for n in DATE_PRECEDENCE if n != "year")))
    forget()  # answers read with the old order are remembered per text
    assert read() == [("April", "2023-04"), ("2023", "2023")]


def test_numeric_readings_are_data(monkeypatch):
    import generator.matchers.dates as dates

    assert NUMERIC_DATE_READINGS == ("day first", "month first")
    assert _date_reading("04/05/2023") == "2023-04-05 / 2023-05-04"
    monkeypatch.setattr(dates, "NUMERIC_DATE_READINGS", ("month first",))
    forget()
    assert _date_reading("04/05/2023") == "2023-04-05"
    assert _date_reading("26/04/2023") == "none"  # no month 26
    monkeypatch.setattr(dates, "NUMERIC_DATE_READINGS", ("day first",))
    forget()
    assert _date_reading("04/05/2023") == "2023-05-04"


# --- one entry, both sides ----------------------------------------------------------------------

def test_scale_words_are_read_alike_in_values_and_text():
    for word, power in {**SCALE_WORDS, **SCALE_SUFFIXES}.items():
        value = parse_value(f"3 {word}" if len(word) > 1 else f"3{word}")
        assert value == 3 * 10 ** power, word
        glued_or_spaced = f"3{word}" if len(word) == 1 else f"3 {word}"
        assert [n.value for n in find_numbers(f"spent {glued_or_spaced} on it")] == [value], word


@pytest.mark.parametrize("text", ["3 bln won", "3 mln won", "3 trn won", "3k won"])
def test_every_scale_makes_won_a_currency(text):
    # "won" names the currency only after a scaled amount; the wire's "bln" used to be left out.
    assert [m.currency for m in find_money(f"spent {text} on it")] == ["KRW"]


@pytest.mark.parametrize("text", ["2022 bln", "2022 mln", "2022 trn", "2022 per cent", "2022%", "2022 pct"])
def test_a_number_with_a_scale_or_percent_is_no_year(text):
    assert find_dates(f"a total of {text} was spent") == []


def test_the_qualifiers_of_the_format_are_the_lexicons():
    assert typing.get_args(Qualifier) == QUALIFIERS
    assert set(QUALIFIER_SYNONYMS.values()) == set(QUALIFIERS)


def test_symbols_and_codes_agree():
    assert all(c in ISO_4217 for codes in SYMBOLS.values() for c in codes)
    assert all(c in ISO_4217 for c in DISPLAY_SYMBOLS) and set(SHARED_SYMBOLS) <= set(SYMBOLS)
    assert set(GROUP_SPACES) < set(WORD_SPACES) <= set(WHITESPACE)


@pytest.mark.parametrize("space", list(WORD_SPACES))
def test_every_word_space_joins_a_scale_and_a_qualifier(space):
    found = find_numbers(f"more{space}than{space}5{space}million people")
    assert [(n.value, n.qualifier) for n in found] == [(5_000_000, "more than")]


def test_names_do_not_follow_the_locale():
    assert MONTH_NAMES[3] == "April" and WEEKDAY_NAMES[2] == "Wednesday" and len(MONTH_NAMES) == 12


# Words each of which belongs to one lexicon list: a module outside generator/lexicon that spells one
# in its code (not in a comment or a docstring, and not in a form's examples) defines a list again.
SENTINELS = ("hryvnia", "approximately", "fortnight", "thousandth", "tonight", "trillion", "thursday", "september",
             "no fewer than", "\u202f", "\u2009", "\\u202f", "\\u2009", "bln", "cest", "sterling", "reiterates",
             "archbishop", "spokespeople")
EXAMPLE_TABLES = ("FORMS", "MONEY_FORMS", "DATE_FORMS")


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """String literals in code: not docstrings, not inside a forms table of examples."""
    out: list[tuple[int, str]] = []
    tokens = list(tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline))
    in_table = False
    prev = None
    for tok in tokens:
        if tok.type == tokenize.NAME and tok.start[1] == 0:
            in_table = tok.string in EXAMPLE_TABLES
        if tok.type == tokenize.STRING and not in_table:
            docstring = prev is None or prev.type in (tokenize.INDENT, tokenize.NEWLINE, tokenize.NL, tokenize.DEDENT)
            if not docstring:
                out.append((tok.start[0], tok.string))
        if tok.type not in (tokenize.COMMENT, tokenize.NL):
            prev = tok
    return out


def test_no_word_list_is_defined_outside_the_lexicon():
    root = REPO / "generator"
    found = []
    for path in sorted(root.rglob("*.py")):
        if "lexicon" in path.parts:
            continue
        for line, text in _code_strings(path):
            low = text.lower()
            found += [f"{path.relative_to(REPO)}:{line}: {w!r}" for w in SENTINELS if w in low]
    assert found == []
