"""Issue 11's number forms: fractions, multiplicatives, ranges and vague quantities, read by the one
number grammar (tests generated from its FORMS entries), and what each may support; years and
price-base labels are not counts."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from generator.findings import Severity
from generator.matchers.money import find_money
from generator.matchers.numbers import FORMS, QUALIFIERS, find_numbers, format_number, forms_table, parse_value, ratio
from generator.matchers.people import PeopleIndex
from generator.model import Figure, Money
from generator.rules import severity_of
from generator.validation.checks.base import Context, Outcome
from generator.validation.checks.figures import check_figure, check_money
from tests.conftest import REPO, run_cli, write_one_fact, write_source, write_yaml

EXAMPLES = [(f.name, text, reading) for f in FORMS for text, reading in f.examples]
COUNTER = [(f.name, text, instead) for f in FORMS for text, instead in f.counter]


def reading_of(text: str) -> str:
    """What the grammar reads, written as FORMS writes it."""
    found = find_numbers(text)
    ends = [m for m in found if m.range_end]
    if ends:
        low, high = ends[0], ends[1]
        return f"{format_number(low.value)} to {format_number(high.value)}"
    assert len(found) == 1, found
    m = found[0]
    return f"{m.qualifier} {format_number(m.value)}" if m.qualifier else format_number(m.value)


@pytest.mark.parametrize("form,text,reading", EXAMPLES, ids=[f"{e[0]}: {e[1]}" for e in EXAMPLES])
def test_every_form_reads_its_examples(form, text, reading):
    qualifier = next((q for q in QUALIFIERS if reading.startswith(q + " ")), None)
    value = (reading[len(qualifier) + 1:] if qualifier else reading) if " to " not in reading else None
    if value is not None and "/" not in value:
        assert parse_value(value) is not None
    assert reading_of(text) == (reading if "/" not in reading else format_number(parse_value(reading)))


@pytest.mark.parametrize("form,text,instead", COUNTER, ids=[f"{c[0]}: {c[1]}" for c in COUNTER])
def test_no_form_reads_its_counter_examples(form, text, instead):
    found = find_numbers(text)
    if instead == "none":
        assert found == []
    elif instead.startswith("ordinal "):
        assert [(m.value, m.ordinal) for m in found] == [(Decimal(instead.split()[1]), True)]
    elif instead.startswith("numbers "):  # read as separate numbers, no one value ("1/4" alone)
        assert [m.value for m in found] == [Decimal(v) for v in instead.removeprefix("numbers ").split(" and ")]
    else:
        assert instead == "no range" and len(found) >= 2 and not any(m.range_end for m in found)


def test_readme_shows_every_form():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- number-forms:start", 1)[1].split("\n", 1)[1].split("<!-- number-forms:end -->")[0]
    assert block.strip() == forms_table().strip(), "run `python -m generator.matchers.numbers`"


def test_two_thirds_is_no_longer_two():
    # It used to read "two" and support a figure of 2: a false support.
    assert [m.value for m in find_numbers("Two-thirds of the members voted in favour.")] == [ratio(2, 3)]


def test_fractions_beside_the_older_half_forms():
    found = find_numbers("for half an hour and half of the staff, two and a half days, half a dozen")
    assert [(m.raw, m.value) for m in found] == [("half an hour", Decimal("0.5")), ("half", Decimal("0.5")),
                                                ("two and a half", Decimal("2.5")), ("half a dozen", 6)]


def test_fractions_as_values():
    assert parse_value("2/3") == parse_value("two-thirds") == ratio(2, 3)
    assert parse_value("3 1/2") == parse_value("8½") - 5 == Decimal("3.5")
    assert format_number(ratio(2, 3)) == "2/3" and format_number(2 + ratio(1, 3)) == "2 1/3"
    assert format_number(Decimal("1" * 40)) == f"{int('1' * 40):,}"  # no fraction hunt in a long integer
    assert Figure(value="2/3").amount == ratio(2, 3)  # within the digits a value may have


# --- what they support, on real sentences --------------------------------------------------------

def ctx() -> Context:
    return Context(None, PeopleIndex())


def rules(outcome: Outcome) -> list[str]:
    return [rule for rule, _ in outcome.problems]


def fig(text: str, value, unit=None, qualifier=None) -> list[str]:
    return rules(check_figure(Figure(value=value, unit=unit, qualifier=qualifier), text, ctx()))


@pytest.mark.parametrize("text,value,unit", [
    ("Bank rate was raised to 3 1/2% on Thursday.", 3.5, "percent"),
    ("War Loan was converted at 8½ per cent of its face value.", 8.5, "per cent"),
    ("the rate of interest shall be 7.3/4 per cent. per annum", 7.75, "percent"),
    ("Two-thirds of the members voted in favour.", "2/3", None),
    ("A third of the children were under five.", "1/3", None),
    ("three quarters of the budget went to defence", 0.75, None),
    ("half of the staff were furloughed", 0.5, None),
    ("Exports to China doubled last year.", 2, None),
    ("Russia fired twice as many missiles as in May.", 2, "times"),
])
def test_fractions_and_multiples_support_their_value(text, value, unit):
    assert fig(text, value, unit) == []


def test_two_thirds_supports_no_figure_of_two():
    out = fig("Two-thirds of the members voted in favour.", 2)
    assert out == ["figure-not-supported"]


def test_a_multiple_counts_times():
    assert fig("Russia fired twice as many missiles as in May.", 2, "missiles") == ["unit-mismatch"]
    assert fig("the budget grew almost twice as fast", 2, None, "almost") == []


@pytest.mark.parametrize("text,low,high", [
    ("between 200 and 250 million dollars", "200 million", "250 million"),
    ("10-20 people were hurt", 10, 20),
    ("10 to 20 people were hurt", 10, 20),
    ("two or three days", 2, 3),
])
def test_a_range_end_supports_only_what_its_qualifier_allows(text, low, high):
    assert fig(text, low) == ["range-end"] and fig(text, high) == ["range-end"]
    assert severity_of("range-end") is Severity.ERROR
    assert fig(text, low, None, "at least") == [] and fig(text, high, None, "up to") == []
    assert fig(text, high, None, "at most") == []
    assert fig(text, low, None, "more than") == ["qualifier-contradicted"]
    assert fig(text, high, None, "at least") == ["qualifier-contradicted"]


def test_a_range_end_message_says_which_end():
    out = check_figure(Figure(value=10), "10 to 20 people were hurt", ctx())
    message = out.problems[0][1]
    assert "range" in message and "low end" in message and "`qualifier: at least`" in message


def test_a_change_is_two_values_not_a_range():
    assert fig("Prices rose from 10 to 20 euros a month.", 20) == []


def test_a_range_of_money_supports_neither_end():
    text = "The deal is worth between 200 and 250 million dollars."
    out = check_money(Money(value="250 million", currency="USD"), text, ctx())
    assert rules(out) == ["range-end"]
    out = check_money(Money(value="200 million", currency="USD"), text, ctx())
    assert severity_of(rules(out)[0]) is Severity.ERROR
    single = "a deal worth 250 million dollars"
    assert rules(check_money(Money(value="250 million", currency="USD"), single, ctx())) == []


@pytest.mark.parametrize("text,value", [
    ("hundreds of people gathered outside", 100), ("hundreds of people gathered outside", 200),
    ("dozens of villages were shelled", 12), ("dozens of villages were shelled", 24),
    ("tens of thousands of troops massed", 10000), ("tens of thousands of troops massed", 20000),
    ("thousands fled the city", 1000),
])
def test_a_vague_quantity_supports_no_figure(text, value):
    assert fig(text, value) == ["figure-not-supported"]


# --- years and labels are not counts ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Trump was blaming Ukraine for Russia's 2022 invasion.",
    "The embassy has been closed since 2022, officials said.",
    "The 2022 election returned a hung parliament.",
    "in 2022 the fighting spread",
    "It is still 40% higher than at the start of 2022.",
    "a style that had been popular in the 2020s",
])
def test_a_year_is_not_a_count(text):
    out = check_figure(Figure(value=int(re.search(r"\d{4}", text).group())), text, ctx())
    assert rules(out) == ["figure-not-supported"] and "is a year" in out.problems[0][1]


@pytest.mark.parametrize("text,unit", [("Some 2000 soldiers were deployed.", "soldiers"),
                                       ("a 2000-year-old temple", "years"), ("output rose 1500%", None),
                                       ("1500 aircraft were built", "aircraft")])
def test_a_four_digit_count_is_a_count(text, unit):
    value = 1500 if "1500" in text else 2000
    out = check_figure(Figure(value=value, unit=unit, qualifier="about" if "Some" in text else None), text, ctx())
    assert rules(out) == []


def test_a_number_that_may_be_a_year_is_a_warning():
    out = check_figure(Figure(value=2000), "By June the toll had reached 2000.", ctx())
    assert rules(out) == ["figure-year-like"] and severity_of("figure-year-like") is Severity.WARNING


@pytest.mark.parametrize("text", ["GDP per head was 41,000 (2015 USD).", "measured in 2015 dollars",
                                  "in constant 2015 US dollars"])
def test_a_price_base_year_is_no_amount(text):
    assert [m for m in find_money(text) if m.amount == 2015] == []
    out = check_money(Money(value=2015, currency="USD"), text, ctx())
    assert severity_of(rules(out)[0]) is Severity.ERROR


def test_an_amount_is_still_an_amount():
    assert [(m.amount, m.currency) for m in find_money("fined $2015 and costs")] == [(2015, "USD")]


def test_validate_refuses_a_year_as_a_count(workspace):
    write_source(workspace, "wire", "Trump was blaming Ukraine for Russia's 2022 invasion.\n")
    write_yaml(workspace, "facts/war.yml", """
        title: War
        facts:
          - id: invasions
            claim: There were 2,022 invasions.
            figure: {value: 2022, unit: invasions}
            sources:
              - source: wire
                excerpt: "Russia's 2022 invasion"
        """)
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 1 and "(figure-not-supported)" in r.stdout and "is a year" in r.stdout


@pytest.mark.parametrize("value, ok", [
    ('"2/3"', True),    # two-thirds is 67% to the places the text writes
    ('"3/4"', False),
    ("0.67", False),    # a decimal is no fraction: 0.67 is not 67%
    ('"1/3"', False),
])
def test_a_fraction_the_text_gives_as_a_rounded_percentage(workspace, value, ok):
    text = "Some towns' populations fell by as much as 67% between 1841 and 1851.\n"
    write_one_fact(workspace, text, "Some towns lost up to a share of their population.",
                   f"figure: {{value: {value}, qualifier: up to}}", "populations fell by as much as 67%")
    r = run_cli("validate", "--root", str(workspace))
    assert (r.returncode == 0) == ok, r.stdout
    if not ok:
        assert "(figure-not-supported)" in r.stdout


@pytest.mark.parametrize("text, value, unit, ok", [
    ("who inspired his countrymen for a quarter of a century as King", 25, "years", True),
    ("who inspired his countrymen for a quarter of a century as King", 20, "years", False),
    ("the talks lasted three quarters of an hour", 45, "minutes", True),
    ("the talks lasted three quarters of an hour", 45, "seconds", False),
    ("the talks lasted two hours", 120, "minutes", True),
    ("the talks ultimately lasted an hour and a half", 90, "minutes", True),
    ("the talks ultimately lasted an hour and a half", 60, "minutes", False),
    ("the siege went on for a year and a half", 18, "months", True),
    ("the siege went on for a year and a half", 12, "months", False),
    ("the siege went on for two years and a half", 30, "months", True),
])
def test_a_length_of_time_counted_in_another_unit(workspace, text, value, unit, ok):
    write_one_fact(workspace, text + ".\n", "It lasted that long.", f"figure: {{value: {value}, unit: {unit}}}", text)
    r = run_cli("validate", "--root", str(workspace))
    assert ("(figure-not-supported)" not in r.stdout) == ok, r.stdout


@pytest.mark.parametrize("claim, ok", [
    ("The talks lasted 90 minutes.", True),
    ("The talks lasted 80 minutes.", False),
    ("The talks lasted one and a half hours.", True),
    ("The talks lasted two and a half hours.", False),
])
def test_a_claims_length_of_time_against_an_hour_and_a_half(workspace, claim, ok):
    text = "The talks ultimately lasted an hour and a half, officials said."
    write_one_fact(workspace, text + "\n", claim, "", "The talks ultimately lasted an hour and a half")
    r = run_cli("validate", "--root", str(workspace))
    assert (r.returncode == 0) == ok, r.stdout
    if not ok:
        assert "(claim-not-in-excerpt)" in r.stdout, r.stdout


@pytest.mark.parametrize("value, unit, ok", [(3, "quarters", True), (0.75, None, False), (4, "quarters", False)])
def test_quarters_counted_after_past_are_periods(workspace, value, unit, ok):
    """The Reserve Bank of Australia's "eased over the past three quarters": three quarters of a year, not 3/4."""
    text = "Inflation has eased over the past three quarters and in the most recent quarter a bit more.\n"
    figure = f"figure: {{value: {value}, unit: {unit}}}" if unit else f"figure: {{value: {value}}}"
    write_one_fact(workspace, text, "Inflation eased for a while.", figure, "Inflation has eased over the past three quarters")
    r = run_cli("validate", "--root", str(workspace))
    assert (r.returncode == 0) == ok, r.stdout
