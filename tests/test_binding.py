"""Binding by place (issue 11): in "412 in the north, 96 in the south" a number proves only what it is
bound to. A claim that puts a number in a place the excerpt gives another number is refused; a number
bound to no place, or to the claim's, concludes nothing."""

from __future__ import annotations

import pytest

from generator.matchers.binding import DatesIn, bound_date, bound_place, bound_year, places_in
from generator.matchers.dates import PartialDate, find_dates
from generator.matchers.numbers import find_numbers
from tests.conftest import run_cli, write_one_fact

WIRE = "Officials counted 412 attacks in the north, 96 in the south. In Kharkiv, 30 shelters opened.\n"


@pytest.mark.parametrize("text, bound", [
    ("412 in the north, 96 in the south", [("412", "north"), ("96", "south")]),
    ("96 attacks were recorded in the South-East and 4 in Kharkiv", [("96", "southeast"), ("4", "Kharkiv")]),
    ("killed 96 people in attacks in the south east", [("96", "southeast")]),
    ("In the north 412 died", [("412", None)]),  # a place before the number binds nothing
    ("412 died, in the north", [("412", None)]),  # a comma ends the clause
    ("96 in southern Ukraine", [("96", None)]),  # a place it cannot read: nothing concluded
    ("96 people were killed during many weeks of attacks in the south", [("96", None)]),  # too far: unbound
])
def test_a_number_is_bound_to_the_place_after_it_in_its_clause(text, bound):
    assert [(str(n.value), bound_place(text, n.end)) for n in find_numbers(text)] == bound


@pytest.mark.parametrize("text, bound", [
    ("In the south, 412 attacks were recorded. In the north, 96.", [("412", "south"), ("96", "north")]),
    ("In Kharkiv, 30 shelters opened.", [("30", "Kharkiv")]),
    ("In the north 412 died", [("412", None)]),  # no comma: not set off as the sentence's place
    ("Officials said in Kharkiv, 30 shelters opened.", [("30", None)]),  # not opening its sentence
])
def test_a_place_opening_the_sentence_binds_the_number_after_its_comma(text, bound):
    assert [(str(n.value), bound_place(text, n.end, n.start)) for n in find_numbers(text)] == bound


def test_a_number_put_in_the_other_sentence_opening_place_is_refused(workspace):
    text = "In the south, 412 attacks were recorded. In the north, 96.\n"
    write_one_fact(workspace, text, "Officials recorded 96 attacks in the south.", "figure: {value: 96}",
                   "In the south, 412 attacks were recorded. In the north, 96.")
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 1 and "(claim-place-mismatch)" in r.stdout, r.stdout
    write_one_fact(workspace, text, "Officials recorded 96 attacks in the north.", "figure: {value: 96}",
                   "In the south, 412 attacks were recorded. In the north, 96.")
    r = run_cli("validate", "--root", str(workspace))
    assert "claim-place-mismatch" not in r.stdout, r.stdout


def test_places_a_claim_names():
    assert places_in("Attacks rose in the North-East and across Kharkiv Oblast.") == ["northeast", "Kharkiv Oblast"]


def _sheet(workspace, claim: str, value: int) -> None:
    write_one_fact(workspace, WIRE, claim, f"figure: {{value: {value}}}", "412 attacks in the north, 96 in the south",
                   published="2023-05-09")


@pytest.mark.parametrize("claim, value", [
    ("Officials counted 96 attacks in the south.", 96),
    ("Officials counted 412 attacks in the north.", 412),
    ("Officials counted 96 attacks.", 96),  # no place: nothing to bind
])
def test_a_number_in_its_own_place_passes(workspace, claim, value):
    _sheet(workspace, claim, value)
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "claim-place-mismatch" not in r.stdout


def test_a_number_put_in_the_other_place_is_refused(workspace):
    _sheet(workspace, "Officials counted 96 attacks in the north.", 96)
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 1
    assert ("facts/sheet.yml:4:12: [error] the claim puts 96 in the north, but the excerpt binds 96 to "
            "the south (\"96 in the south\") and the north to 412 (\"412 attacks in the north\") "
            "(claim-place-mismatch)") in r.stdout


def test_a_figure_whose_claim_names_the_other_place_is_refused(workspace):
    _sheet(workspace, "Most attacks were counted in the north.", 96)
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 1
    assert "the claim puts the figure (96) in the north" in r.stdout and "(claim-place-mismatch)" in r.stdout


# -- years (claim-year-mismatch): a real GOV.UK sentence and a historic Hansard one

PAYBILL = ("The government has reduced the level of facility time in the Civil Service from 0.26% of total "
           "paybill costs in 2012 to just 0.05% in 2024.\n")
SAVINGS = "the personal savings for 1962 were £2,300 millions against £320 millions in 1952.\n"


@pytest.mark.parametrize("text, bound", [
    ("from 0.26% of total paybill costs in 2012 to just 0.05% in 2024", [("0.26", 2012), ("0.05", 2024)]),
    ("£2,300 millions against £320 millions in 1952", [("2300000000", None), ("320000000", 1952)]),
    ("5 people in 2,000 homes", [("5", None), ("2000", None)]),  # a count, not a year
    ("12 new schools for 2023, 5 in 2024", [("12", 2023), ("5", 2024)]),
])
def test_a_number_is_bound_to_the_year_after_it_in_its_clause(text, bound):
    assert [(str(n.value), bound_year(text, n.end)) for n in find_numbers(text)
            if n.value not in (2012, 2024, 1952, 2023)] == bound


def _paybill_sheet(workspace, claim: str) -> None:
    write_one_fact(workspace, PAYBILL, claim, "figure: {value: 0.05, unit: percent}",
                   "from 0.26% of total paybill costs in 2012 to just 0.05% in 2024", published="2024-04-10")


@pytest.mark.parametrize("claim", [
    "Facility time fell to just 0.05% of total paybill costs in 2024.",
    "In 2024 facility time was 0.05% of paybill costs.",
    "Facility time fell to 0.05% of paybill costs.",
])
def test_a_value_given_its_own_year_passes(workspace, claim):
    _paybill_sheet(workspace, claim)
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "claim-year-mismatch" not in r.stdout


def test_a_value_given_the_other_values_year_is_refused(workspace):
    _paybill_sheet(workspace, "Facility time fell to just 0.05% of total paybill costs in 2012.")
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 1
    assert ("the claim gives 0.05 the year 2012, but the excerpt binds it to 2024 (\"0.05% in 2024\") and "
            "2012 to 0.26: give the value the excerpt's year (claim-year-mismatch)") in r.stdout


def test_money_given_the_year_written_before_another_amount_is_refused(workspace):
    excerpt = "personal savings for 1962 were £2,300 millions against £320 millions in 1952"
    money = "money: {value: 320 million, currency: GBP}"
    write_one_fact(workspace, SAVINGS, "Personal savings in 1962 were £320 million.", money, excerpt,
                   published="1963-01-24")
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 1 and "(claim-year-mismatch)" in r.stdout, r.stdout
    write_one_fact(workspace, SAVINGS, "Personal savings in 1952 were £320 million.", money, excerpt,
                   published="1963-01-24")
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 0, r.stdout


# Dates with a month bind the same way (the held-out set's statistical releases: BLS, Eurostat).
BLS = ("The 12-month change in the index for all items was 1.7 percent in\n August, an increase from the July "
       "figure of 1.4 percent. The index for all items less food and energy rose 1.9 percent for the 12 months "
       "ending August, a slight decline from the 2.1 percent figure in July.\n")
EUROSTAT = ("Euro area annual inflation is expected to be 1.8% in September 2024, down from 2.2% in August. "
            "Services is expected to have the highest annual rate in September (4.0%, compared with 4.1% in August).\n")


@pytest.mark.parametrize("text, bound", [
    (BLS, [("12", None), ("1.7", "August"), ("1.4", "July"), ("1.9", "August"), ("12", "August"), ("2.1", "July")]),
    (EUROSTAT, [("1.8", "September 2024"), ("2.2", "August"), ("4.0", "September"), ("4.1", "August")]),
    ("In August, 412 attacks were recorded.", [("412", None)]),  # a comma: the date modifies no number
    ("412 attacks were recorded. In August the rate fell.", [("412", None)]),  # another sentence
    ("the rate rose 3 percent in 2023", [("3", None)]),  # a year alone is bound_year's
])
def test_a_number_is_bound_to_the_month_after_it_or_modifying_it(text, bound):
    dates = find_dates(text, published=PartialDate(2024, 10, 1))
    got = [(n.raw, (lambda d: d and d.raw)(bound_date(text, n.start, n.end, DatesIn(dates))))
           for n in find_numbers(text) if not any(d.start <= n.start < d.end for d in dates)]
    assert got == bound


@pytest.mark.parametrize("claim, value, excerpt, ok", [
    ("The 12-month change was 1.7 percent in August 2012.", 1.7, " ".join(BLS.split(". ")[0].split()), True),
    ("The July figure was 1.4 percent.", 1.4, " ".join(BLS.split(". ")[0].split()), True),
    ("The 12-month change was 1.4 percent in August 2012.", 1.4, " ".join(BLS.split(". ")[0].split()), False),
    ("Core prices rose 2.1 percent over the 12 months ending August 2012.", 2.1,
     "rose 1.9 percent for the 12 months ending August, a slight decline from the 2.1 percent figure in July", False),
    ("Inflation is expected to be 2.2% in September 2024.", 2.2, EUROSTAT.split(". ")[0], False),
    ("Services are expected to have the highest annual rate in September 2024, at 4.1%.", 4.1,
     "highest annual rate in September (4.0%, compared with 4.1% in August)", False),
    ("Services are expected to have the highest annual rate in September 2024, at 4.0%.", 4.0,
     "highest annual rate in September (4.0%, compared with 4.1% in August)", True),
])
def test_a_number_given_another_numbers_month_is_refused(workspace, claim, value, excerpt, ok):
    write_one_fact(workspace, BLS + EUROSTAT, claim, f"figure: {{value: {value}, unit: percent}}", excerpt,
                   published="2012-09-14" if "2012" in claim or "July" in claim else "2024-10-01")
    r = run_cli("validate", "--root", str(workspace))
    if ok:
        assert "claim-date-mismatch" not in r.stdout, r.stdout
    else:
        assert r.returncode == 1 and "(claim-date-mismatch)" in r.stdout, r.stdout
        assert "give the number the excerpt's date" in r.stdout
