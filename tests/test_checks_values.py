"""Value checks on real sentences: figures, money and dates, with the findings editors see."""

from __future__ import annotations

import pytest

from generator.findings import Severity
from generator.loading import load_workspace
from generator.matchers.dates import find_dates, parse_partial_date
from generator.matchers.people import PeopleIndex
from generator.kinds import suggest
from generator.matchers.scan import describe_values
from generator.model import Figure, Money
from generator.rules import RULES, severity_of
from generator.validation.checks import check_value
from generator.validation.checks.base import Context, Outcome
from generator.validation.checks.dates import agrees, check_date
from generator.validation.checks.figures import check_figure, check_money
from generator.validation.locate import Located, locate
from tests.conftest import REPO


def ctx(published: str | None = None) -> Context:
    return Context(parse_partial_date(published) if published else None, PeopleIndex())


def rules(outcome: Outcome) -> list[str]:
    return [rule for rule, _ in outcome.problems]


def errors(outcome: Outcome) -> list[str]:
    return [rule for rule, _ in outcome.problems if severity_of(rule) is Severity.ERROR]


def marked(text: str, outcome: Outcome) -> list[str]:
    return [text[a:b] for a, b in outcome.highlights]


def figure(value, qualifier=None) -> Figure:
    return Figure(value=value, qualifier=qualifier)


CHILDREN = "The statement cites Ukraine’s data on 19,500 Ukrainian children that Russia forcibly transferred"
FIFTY = "More than 50 countries denounce remarks by Russia’s commissioner for children’s rights"


# --- figures ------------------------------------------------------------------------------

def test_wrong_figure_says_what_the_excerpt_states():
    out = check_figure(figure(19000), CHILDREN, ctx())
    assert rules(out) == ["figure-not-supported"]
    assert out.problems[0][1] == 'the excerpt states 19,500 ("19,500 Ukrainian children"), not 19,000'


@pytest.mark.parametrize("value", [19500, "19,500", "19.5 thousand", 19500.0, "19 500"])
def test_right_figure_in_any_form(value):
    out = check_figure(figure(value), CHILDREN, ctx())
    assert out.problems == []
    assert marked(CHILDREN, out) == ["19,500"]


def test_qualifier_said_by_the_text():
    out = check_figure(figure(50, "more than"), FIFTY, ctx())
    assert out.problems == [] and marked(FIFTY, out) == ["More than 50"]


def test_qualifier_left_out_by_the_fact_is_a_warning():
    out = check_figure(figure(50), FIFTY, ctx())
    assert rules(out) == ["qualifier-missing"] and errors(out) == []
    assert "add `qualifier: more than`" in out.problems[0][1]


def test_qualifier_the_text_contradicts():
    out = check_figure(figure(50, "about"), FIFTY, ctx())
    assert rules(out) == ["qualifier-contradicted"]
    assert out.problems[0][1] == 'the excerpt says more than 50 ("More than 50 countries denounce"), not about 50'


def test_qualifier_the_text_does_not_say():
    out = check_figure(figure(160, "about"), "including the sale of 160 Airbus aircraft", ctx())
    assert rules(out) == ["qualifier-contradicted"]
    assert "without 'about'" in out.problems[0][1]


def test_entailed_qualifier_is_accepted():
    assert check_figure(figure(50, "at least"), FIFTY, ctx()).problems == []
    assert check_figure(figure(3, "less than"), "the nearly three-year conflict", ctx()).problems == []


@pytest.mark.parametrize("text,value,qualifier", [
    ("While Xi has met Putin over 40 times in the past decade", 40, "more than"),
    ("including the sale of 160 Airbus aircraft", 160, None),
    ("the conversation, which took place on Xi’s 69th birthday", 69, None),
    ("that’s 270 settlements of the region", 270, None),
    ("the 12-point position paper said", 12, None),
    ("Ukraine rejected a 36-hour truce from Russia for Orthodox Christmas.", 36, None),
    ("coinciding with the third anniversary of Russia’s full-scale invasion of Ukraine", 3, None),
    ("15 territorial communities of Vyshgorod, Bucha and Brovary districts were under occupation", 15, None),
    ("China has sought to depict itself as a neutral party amid the nearly three-year conflict", 3, "almost"),
])
def test_seed_figures_are_supported(text, value, qualifier):
    out = check_figure(figure(value, qualifier), text, ctx())
    assert out.problems == []
    assert out.highlights


def test_no_number_at_all():
    out = check_figure(figure(5), "Xi took his long-standing line", ctx())
    assert out.problems == [("figure-not-supported", "the excerpt states no number; the fact says 5")]


def test_time_and_date_digits_do_not_support_a_figure():
    text = "26 April 2023 Wednesday 05:24\n15 Reads"
    assert check_figure(figure(15), text, ctx()).problems == []
    for value in (26, 24, 5, 2023):
        assert rules(check_figure(figure(value), text, ctx())) == ["figure-not-supported"], value


# --- money --------------------------------------------------------------------------------

AID = "as she announced 3.5 billion euros of fresh aid to Kyiv."
HEADLINE = "EU announces €3.5B in aid to Ukraine as Putin pushes for ‘capitulation’"


@pytest.mark.parametrize("text", [AID, HEADLINE])
def test_money_supported(text):
    out = check_money(Money(value="3.5 billion", currency="EUR"), text, ctx())
    assert out.problems == []
    assert marked(text, out) in (["3.5 billion euros"], ["€3.5B"])


def test_money_wrong_amount():
    out = check_money(Money(value="3.5 million", currency="EUR"), AID, ctx())
    assert out.problems == [("money-not-supported",
                             'the excerpt states EUR 3.5 billion ("3.5 billion euros"), not EUR 3.5 million')]


def test_money_wrong_currency():
    out = check_money(Money(value="3.5 billion", currency="USD"), AID, ctx())
    assert out.problems == [("money-currency-mismatch",
                             'the excerpt states EUR 3.5 billion ("3.5 billion euros"), not USD 3.5 billion')]


def test_money_spaced_dollar_sign():
    text = "US President Joe Biden said the United States would provide an additional $ 1 billion in " \
           "security assistance to Kyiv"
    out = check_money(Money(value="1 billion", currency="USD"), text, ctx())
    assert out.problems == [] and marked(text, out) == ["$ 1 billion"]


def test_money_in_two_currencies():
    text = "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months"
    assert check_money(Money(value="1.13bn", currency="USD"), text, ctx()).problems == []
    assert check_money(Money(value="600m", currency="GBP"), text, ctx()).problems == []
    assert rules(check_money(Money(value="600m", currency="USD"), text, ctx())) == ["money-currency-mismatch"]


def test_money_amount_without_currency():
    out = check_money(Money(value=3500, currency="EUR"), "the 3,500 people who came", ctx())
    assert rules(out) == ["money-not-supported"] and "names no currency" in out.problems[0][1]


def test_yen_symbol_supports_either_reading():
    for code in ("JPY", "CNY"):
        assert check_money(Money(value="10bn", currency=code), "a ¥10bn loan", ctx()).problems == []


# --- dates --------------------------------------------------------------------------------

def test_date_with_weekday_and_time():
    text = "26 April 2023 Wednesday 05:24"
    out = check_date("2023-04-26", text, ctx("2023-04-26"))
    assert out.problems == [] and not out.inferred_year
    assert marked(text, out) == ["26 April 2023 Wednesday"]


def test_wrong_day_and_month():
    out = check_date("2023-05-04", "on April 5 via video link", ctx("2023-04-06"))
    assert rules(out) == ["date-not-supported"]
    assert "2023-04-05" in out.problems[0][1] and "year taken from the published date 2023-04-06" in out.problems[0][1]


def test_year_inferred_from_published_date():
    text = "addressed a UN Security Council meeting on April 5 via video link."
    out = check_date("2023-04-05", text, ctx("2023-04-06"))
    assert rules(out) == ["date-year-inferred"] and errors(out) == [] and out.inferred_year
    assert severity_of("date-year-inferred") is Severity.INFO
    assert "published date" in out.problems[0][1] and marked(text, out) == ["April 5"]
    assert check_date("2023-04-01", "the UN Security Council presidency on April 1", ctx("2023-04-06")).problems \
        == [("date-year-inferred", "\"April 1\" gives no year: read as 2023-04-01, the year that places it nearest "
                                   "to the source's published date (2023-04-06)")]


def test_day_without_year_takes_the_year_nearest_the_published_date():
    # A January text's "December 28" is the December just gone, not the one eleven months ahead.
    text = "the talks held on December 28 failed"
    out = check_date("2022-12-28", text, ctx("2023-01-05"))
    assert rules(out) == ["date-year-inferred"] and out.inferred_year
    # One reading only: the other year is not accepted, and the message says which year was read.
    out = check_date("2023-12-28", text, ctx("2023-01-05"))
    assert rules(out) == ["date-not-supported"] and "2022-12-28" in out.problems[0][1]
    # "since November 15" in a February text is the previous November.
    assert rules(check_date("2022-11-15", "since November 15", ctx("2023-02-10"))) == ["date-year-inferred"]
    assert rules(check_date("2023-11-15", "since November 15", ctx("2023-02-10"))) == ["date-not-supported"]
    # A December text's "January 3" is the coming January.
    assert rules(check_date("2023-01-03", "talks on January 3", ctx("2022-12-20"))) == ["date-year-inferred"]
    # A published date with no month gives its own year: nothing to measure from.
    assert rules(check_date("2023-12-28", text, ctx("2023"))) == ["date-year-inferred"]


@pytest.mark.parametrize("text,published,fact,expected", [
    ("The minister said yesterday that", "2023-04-26", "2023-04-25", ["date-relative"]),
    ("The minister said yesterday that", "2023-04-26", "2023-04-26", ["date-not-supported"]),
    ("Talks are due to resume today.", "2023-04-26", "2023-04-26", ["date-relative"]),
    ("Talks resume tomorrow.", "2023-04-30", "2023-05-01", ["date-relative"]),
    ("Yesterday, in a call", "2023-04-01", "2023-03-31", ["date-relative"]),
    ("He spoke last night", "2023-04-26", "2023-04-25", ["date-relative"]),
    # A week is no day: "last week" gives its month when the whole week lies in one month ...
    ("talks last week", "2023-04-26", "2023-04", ["date-relative"]),
    ("talks last week", "2023-04-26", "2023-04-20", ["date-not-supported"]),
    # ... and only its year when the week straddles two months.
    ("talks last week", "2023-04-05", "2023-04", ["date-not-supported"]),  # Mar 27 to Apr 2
    ("talks last week", "2023-04-05", "2023", ["date-relative"]),
    ("the deal signed last month", "2023-01-10", "2022-12", ["date-relative"]),
    ("the deal signed last month", "2023-01-10", "2023-01", ["date-not-supported"]),
    ("elections next year", "2023-04-26", "2024", ["date-relative"]),
    ("earlier this year", "2023-04-26", "2023", ["date-relative"]),
    # A month-precise published date: "today" says only the month.
    ("announced today", "2023-04", "2023-04", ["date-relative"]),
    ("announced today", "2023-04", "2023-04-26", ["date-not-supported"]),
])
def test_relative_dates_are_read_against_the_published_date(text: str, published: str, fact: str,
                                                            expected: list[str]) -> None:
    assert rules(check_date(fact, text, ctx(published))) == expected


def test_relative_dates_need_a_published_date():
    assert rules(check_date("2023-04-25", "the minister said yesterday", ctx())) == ["date-not-supported"]


def test_a_stated_date_beats_a_relative_word():
    out = check_date("2023-04-25", "yesterday, 25 April 2023, the talks", ctx("2023-04-26"))
    assert out.problems == [] and not out.inferred_year


def test_another_day_is_not_called_less_precise():
    msg = check_date("2023-04-26", "the call on April 25, 2023", ctx()).problems[0][1]
    assert "2023-04-25" in msg and "less precise" not in msg
    msg = check_date("2023-04-26", "the call in April 2023", ctx()).problems[0][1]
    assert "less precise" in msg and "give the day" in msg
    msg = check_date("2023-04-26", "the call in 2023", ctx()).problems[0][1]
    assert "less precise" in msg and "give the month" in msg


def test_date_without_year_and_no_published_date():
    out = check_date("2023-04-05", "on April 5 via video link", ctx())
    assert rules(out) == ["date-not-supported"] and "no published date" in out.problems[0][1]


def test_full_date():
    text = "since the start of the Russian invasion on February 24, 2022."
    assert check_date("2022-02-24", text, ctx("2023-04-26")).problems == []
    assert check_date("2022-02", text, ctx()).problems == []
    assert check_date("2022", text, ctx()).problems == []


def test_anniversary_date_takes_the_published_year():
    text = "on the first anniversary of the Russian invasion on February 24."
    assert rules(check_date("2022-02-24", text, ctx("2023-04-26"))) == ["date-not-supported"]
    assert rules(check_date("2023-02-24", text, ctx("2023-04-26"))) == ["date-year-inferred"]


def test_month_precision():
    text = "which began with Russia’s invasion in late February 2022."
    assert check_date("2022-02", text, ctx()).problems == []
    assert check_date("2022", text, ctx()).problems == []
    out = check_date("2022-02-24", text, ctx())
    assert rules(out) == ["date-not-supported"] and "less precise" in out.problems[0][1]
    assert rules(check_date("2022-03", text, ctx())) == ["date-not-supported"]


def test_year_precision():
    text = "just before Russia’s 2022 invasion."
    assert check_date("2022", text, ctx("2025-02-24")).problems == []
    out = check_date("2022-02", text, ctx("2025-02-24"))
    assert rules(out) == ["date-not-supported"] and "cite words that give the month" in out.problems[0][1]


def test_weekday_only():
    text = "China said it happened on Wednesday, at the invitation of Zelenskyy."
    out = check_date("2023-04-26", text, ctx("2023-04-26"))
    assert rules(out) == ["date-weekday-only"] and errors(out) == [] and marked(text, out) == ["Wednesday"]
    out = check_date("2023-04-25", text, ctx("2023-04-26"))
    assert out.problems == [("date-not-supported", "the excerpt says \"Wednesday\", but 2023-04-25 was a Tuesday")]


def test_a_weekday_only_names_a_day_in_the_week_around_the_published_date():
    text = "The Kremlin said Wednesday that Xi"
    # Published Wednesday 2022-06-15: that day, and the Wednesdays a week either side, are weak support.
    for near in ("2022-06-15", "2022-06-08", "2022-06-22"):
        assert rules(check_date(near, text, ctx("2022-06-15"))) == ["date-weekday-only"], near
    # Other Wednesdays are not what the text says, however well the weekday fits.
    out = check_date("2021-06-16", text, ctx("2022-06-15"))
    assert out.problems == [("date-not-supported", "the excerpt only says \"Wednesday\", which names a day within "
                             "a week of the source's published date (2022-06-15); 2021-06-16 is 364 days before it")]
    assert errors(check_date("2022-06-29", text, ctx("2022-06-15"))) == ["date-not-supported"]
    # A month-precision published date covers its month; with none, nothing bounds the weekday.
    assert rules(check_date("2022-06-29", text, ctx("2022-06"))) == ["date-weekday-only"]
    assert errors(check_date("2022-08-03", text, ctx("2022-06"))) == ["date-not-supported"]
    assert rules(check_date("2021-06-16", text, ctx())) == ["date-weekday-only"]


def test_no_date_at_all():
    out = check_date("2023-04-26", "Xi took his long-standing line", ctx())
    assert out.problems == [("date-not-supported", "the excerpt states no date; the fact says 2023-04-26")]


def test_value_rules_are_catalogued():
    for rule in ("figure-not-supported", "qualifier-contradicted", "qualifier-missing", "money-not-supported",
                 "money-currency-mismatch", "date-not-supported", "date-year-inferred", "date-weekday-only"):
        assert rule in RULES
    assert severity_of("qualifier-missing") is Severity.WARNING
    assert severity_of("date-weekday-only") is Severity.WARNING


# --- the example content -----------------------------------------------------------------

def test_every_typed_fact_in_the_example_content_is_supported():
    ws = load_workspace(REPO)
    checked = 0
    for sheet in ws.sheets.values():
        for fact in sheet.sheet.facts:
            if fact.kind not in ("figure", "money", "date"):
                continue
            for citation in fact.sources:
                source = ws.sources[citation.source]
                where = locate(citation, source.folded)
                assert isinstance(where, Located), (fact.id, citation.excerpt)
                published = source.meta.published
                out = check_value(fact, source.text[where.start:where.end],
                                  Context(parse_partial_date(published) if published else None, PeopleIndex()))
                assert errors(out) == [], (sheet.id, fact.id, out.problems)
                assert out.highlights, (sheet.id, fact.id)
                checked += 1
    assert checked >= 25


# --- describe_values ------------------------------------------------------------------------

def test_describe_values_lists_what_a_passage_can_support():
    text = "On April 5, more than 50 nations backed €3.5B in aid, a 36-hour truce, on Wednesday."
    found = describe_values(text, 2023)
    assert [suggest(m) for m in found["figures"]] == [
        {"figure": {"value": 50, "qualifier": "more than"}}, {"figure": {"value": 36}}]
    assert [suggest(m) for m in found["money"]] == [{"money": {"value": "3.5 billion", "currency": "EUR"}}]
    assert [suggest(m) for m in found["dates"]] == [{"date": "2023-04-05"}, {}]
    assert found["dates"][0].year_inferred and found["dates"][1].weekday_only



# --- the one date-agreement test (sources and claims share it) ---

def _one(text: str):
    (mention,) = find_dates(text)
    return mention


@pytest.mark.parametrize("stated,wanted,every,expected", [
    # entailment: every field the wanted date gives, at its precision or finer
    ("26 April 2023", "2023-04", True, True),
    ("April 2023", "2023-04-26", True, False),
    ("26 April 2022", "2023-04-26", True, False),
    # a value's weekday is derived, never written: a source's own weekday is not held against it
    ("Tuesday, 26 April 2023", "2023-04-26", True, True),
    # compatibility: only fields both give can differ
    ("April 2023", "2023-04-26", False, True),
    ("March 2023", "2023-04-26", False, False),
])
def test_agrees_with_a_value(stated: str, wanted: str, every: bool, expected: bool):
    assert agrees(_one(stated), parse_partial_date(wanted), every=every) is expected


@pytest.mark.parametrize("stated,wanted,every,expected", [
    # a weekday alone: the stated weekday, or the weekday of a full date
    ("Wednesday", "Wednesday", True, True),
    ("26 April 2023", "Wednesday", True, True),
    ("26 April 2023", "Tuesday", True, False),
    ("April 2023", "Wednesday", True, False),
    ("April 2023", "Wednesday", False, True),  # nothing to contradict it
    ("26 April 2023", "Tuesday", False, False),
    # a written weekday beside a date must not differ from one the stated date writes
    ("Wednesday, 26 April 2023", "Wednesday 26 April 2023", True, True),
    ("Wednesday, 26 April 2023", "Tuesday 26 April 2023", True, False),
    ("Wednesday, 26 April 2023", "Tuesday 26 April 2023", False, True),  # a weekday clash is not a date clash
])
def test_agrees_between_mentions(stated: str, wanted: str, every: bool, expected: bool):
    assert agrees(_one(stated), _one(wanted), every=every) is expected


def test_agrees_with_a_value_the_other_way():
    """A claim's date against a value: the value states the claim's date when it gives every field."""
    value = parse_partial_date("2023-04-26")
    assert agrees(value, _one("Wednesday"))
    assert not agrees(value, _one("Thursday"))
    assert agrees(value, _one("April 2023"))
    assert not agrees(parse_partial_date("2023-04"), _one("26 April 2023"))
    assert agrees(parse_partial_date("2023-04"), _one("26 April 2023"), every=False)
