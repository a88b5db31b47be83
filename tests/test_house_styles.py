"""Issue 11's house styles that the sidecar and the normaliser settle: what a bare `$` means in a text
(the optional `currency_symbols`), and the typewriter's `--` as a dash. Through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.matchers.money import find_money
from tests.conftest import REPO, run_cli, write_source, write_yaml

ABC = ("The Treasurer said the package was worth $5 billion, or A$5 billion, with US$2 billion from "
       "Washington, HK$40 million from Hong Kong and 3 million dollars more.\n")


def _readings(text: str, symbols: dict[str, str] | None = None) -> list[tuple[str, str]]:
    return [(m.raw, "/".join(m.currencies)) for m in find_money(text, symbols=symbols)]


def test_a_bare_dollar_is_usd_unless_the_source_says_otherwise():
    assert _readings(ABC) == [("$5 billion", "USD"), ("A$5 billion", "AUD"), ("US$2 billion", "USD"),
                              ("HK$40 million", "HKD"), ("3 million dollars", "USD")]
    assert _readings(ABC, {"$": "AUD"}) == [("$5 billion", "AUD"), ("A$5 billion", "AUD"),
                                            ("US$2 billion", "USD"), ("HK$40 million", "HKD"),
                                            ("3 million dollars", "AUD")]


def test_named_dollars_keep_their_currency_and_other_symbols_are_untouched():
    text = "5 million US dollars, 2 million Canadian dollars, €3m and £4m"
    assert _readings(text, {"$": "AUD"}) == _readings(text) == [
        ("5 million US dollars", "USD"), ("2 million Canadian dollars", "CAD"), ("€3m", "EUR"), ("£4m", "GBP")]
    assert _readings("¥300bn", {"¥": "CNY"}) == [("¥300bn", "CNY")]
    assert _readings("¥300bn") == [("¥300bn", "JPY/CNY")]
    assert _readings("£4m, 4 million pounds", {"£": "EGP"}) == [("£4m", "EGP"), ("4 million pounds", "EGP")]


def _budget(workspace: Path, sidecar_extra: str) -> None:
    write_source(workspace, "abc", ABC, published="2023-05-09")
    sidecar = workspace / "content" / "sources" / "abc.yml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + sidecar_extra, encoding="utf-8")
    write_yaml(workspace, "facts/budget.yml", """
        title: Budget
        facts:
          - id: package
            claim: The package was worth A$5 billion.
            money: {value: 5 billion, currency: AUD}
            sources:
              - source: abc
                excerpt: "worth $5 billion"
          - id: from-us
            claim: Washington gave US$2 billion.
            money: {value: 2 billion, currency: USD}
            sources:
              - source: abc
                excerpt: "US$2 billion from Washington"
          - id: more
            claim: Another A$3 million came.
            money: {value: 3 million, currency: AUD}
            sources:
              - source: abc
                excerpt: "3 million dollars more"
        """)


def test_an_australian_text_supports_aud_through_the_cli(workspace):
    _budget(workspace, 'currency_symbols: {"$": AUD}\n')
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "3 verified" in r.stdout


def test_without_the_sidecar_field_a_bare_dollar_is_no_aud(workspace):
    _budget(workspace, "")
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 1
    assert "facts/budget.yml:8:" in r.stdout and "USD 5 billion (\"$5 billion\"), not AUD 5 billion" in r.stdout
    assert "(money-currency-mismatch)" in r.stdout


def test_a_usd_fact_on_a_bare_dollar_of_an_australian_text_is_refused(workspace):
    _budget(workspace, 'currency_symbols: {"$": AUD}\n')
    path = workspace / "facts" / "budget.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "claim: The package was worth A$5 billion.\n    money: {value: 5 billion, currency: AUD}",
        "claim: The package was worth US$5 billion.\n    money: {value: 5 billion, currency: USD}"),
        encoding="utf-8")
    assert "currency: USD}" in path.read_text(encoding="utf-8").split("from-us")[0]
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 1
    assert "AUD 5 billion (\"$5 billion\"), not USD 5 billion (money-currency-mismatch)" in r.stdout


@pytest.mark.parametrize("extra, where, message", [
    ('currency_symbols: {"$": AUS}\n', "4:25", "'AUS' is not an ISO 4217 currency code; did you mean 'AUD'?"),
    ('currency_symbols: {"$": aud}\n', "4:25", "'aud' is not an ISO 4217 currency code (codes are upper case)"),
    ('currency_symbols: {"US$": USD}\n', "4:20", "'US$' names USD already: write one of $, £, ¥ as the key"),
    ('currency_symbols: {"dollar": AUD}\n', "4:20", "'dollar' is not a currency symbol several currencies share"),
])
def test_a_wrong_currency_symbols_entry_is_an_error_where_it_is_typed(workspace, extra, where, message):
    _budget(workspace, extra)
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 1
    line = next(x for x in r.stdout.splitlines() if x.startswith("content/sources/abc.yml:"))
    assert line.startswith(f"content/sources/abc.yml:{where}: [error]"), line
    assert message in line


def test_cite_suggests_the_currency_the_sidecar_gives(workspace):
    _budget(workspace, 'currency_symbols: {"$": AUD}\n')
    r = run_cli("cite", "abc", "worth $5 billion", "--root", str(workspace))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "money: {value: 5 billion, currency: AUD}" in r.stdout


def test_the_editor_schema_knows_the_field():
    schema = json.loads((REPO / "schema" / "source.schema.json").read_text(encoding="utf-8"))
    field = schema["properties"]["currency_symbols"]["anyOf"][0]
    assert field["propertyNames"] == {"enum": ["$", "£", "¥"]}
    assert "AUD" in field["additionalProperties"]["enum"] and "AUS" not in field["additionalProperties"]["enum"]


# --- the typewriter's dash -----------------------------------------------------------------

def test_an_excerpt_typed_with_a_double_hyphen_finds_the_dash(workspace):
    write_source(workspace, "transcript", "PRIME MINISTER: We will not \u2014 and I mean this \u2014 give up.\n")
    write_source(workspace, "typed", "MR SMITH: The plan -- which we backed -- failed in 2010--2011.\n")
    write_yaml(workspace, "facts/talk.yml", """
        title: Talk
        facts:
          - id: pm
            claim: The prime minister said they would not give up.
            sources:
              - source: transcript
                excerpt: "We will not -- and I mean this -- give up"
          - id: smith
            claim: The plan failed.
            sources:
              - source: typed
                excerpt: "The plan \u2014 which we backed \u2014 failed in 2010\u20132011"
        """)
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "2 verified" in r.stdout


# --- numeric dates: which way a text writes them -------------------------------------------

def _briefing(workspace: Path, sidecar_extra: str, date: str) -> None:
    write_source(workspace, "briefing", "Press briefing, 1/11/2017. The secretary took questions.\n",
                 published="2017-01-11")
    sidecar = workspace / "content" / "sources" / "briefing.yml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + sidecar_extra, encoding="utf-8")
    write_yaml(workspace, "facts/briefing.yml", f"""
        title: Briefing
        facts:
          - id: held
            claim: The briefing was held.
            date: "{date}"
            sources:
              - source: briefing
                excerpt: "Press briefing, 1/11/2017"
        """)


def test_an_ambiguous_numeric_date_supports_with_a_warning_that_says_so(workspace):
    _briefing(workspace, "", "2017-01-11")
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 0, r.stdout + r.stderr
    assert ("\"1/11/2017\" reads as 2017-01-11 or as 2017-11-01: say how the source writes dates with "
            "`numeric_dates: day first` or `numeric_dates: month first` in its sidecar (date-numeric-ambiguous)"
            ) in r.stdout


def test_a_month_first_text_reads_one_way(workspace):
    _briefing(workspace, "numeric_dates: month first\n", "2017-01-11")
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 0 and "date-numeric-ambiguous" not in r.stdout, r.stdout
    _briefing(workspace, "numeric_dates: month first\n", "2017-11-01")
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 1 and "(date-not-supported)" in r.stdout, r.stdout


def test_a_day_first_text_reads_the_other_way(workspace):
    _briefing(workspace, "numeric_dates: day first\n", "2017-11-01")
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 0 and "date-numeric-ambiguous" not in r.stdout, r.stdout
    _briefing(workspace, "numeric_dates: day first\n", "2017-01-11")
    assert run_cli("validate", "--root", str(workspace)).returncode == 1


def test_a_wrong_numeric_dates_value_is_an_error_where_it_is_typed(workspace):
    _briefing(workspace, "numeric_dates: month-first\n", "2017-01-11")
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 1
    assert ("content/sources/briefing.yml:4:16: [error] numeric_dates: 'month-first' is not one of: day first, "
            "month first; did you mean 'month first'?") in r.stdout, r.stdout


def test_an_unambiguous_numeric_date_needs_no_word(workspace):
    write_source(workspace, "uk", "Minutes of 26/04/2023.\n", published="2023-04-27")
    write_yaml(workspace, "facts/m.yml", """
        title: Minutes
        facts:
          - id: met
            claim: They met.
            date: "2023-04-26"
            sources:
              - source: uk
                excerpt: "Minutes of 26/04/2023"
        """)
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 0 and "date-numeric-ambiguous" not in r.stdout, r.stdout


# --- "last Thursday", and a heading's spaced numeric date ----------------------------------

@pytest.mark.parametrize("date, ok", [("2017-01-05", True), ("2017-01", True), ("2017-01-12", False)])
def test_last_weekday_is_read_against_the_published_day(workspace, date, ok):
    write_source(workspace, "wh", "Q    And the meeting? MR. EARNEST: That was last Thursday.\n", published="2017-01-11")
    write_yaml(workspace, "facts/wh.yml", f"""
        title: Briefing
        facts:
          - id: met
            claim: The meeting took place.
            date: "{date}"
            sources:
              - source: wh
                excerpt: "That was last Thursday"
        """)
    r = run_cli("validate", "--root", str(workspace))
    assert (r.returncode == 0) is ok, r.stdout
    if ok:
        assert "(date-relative)" in r.stdout and "read as 2017-01-05" in r.stdout


def test_a_spaced_numeric_date_is_a_date(workspace):
    write_source(workspace, "ec", "Daily News 26 / 07 / 2024\nThe Commission disbursed the funds.\n",
                 published="2024-07-26", numeric_dates="day first")
    write_yaml(workspace, "facts/ec.yml", """
        title: EC
        facts:
          - id: day
            claim: The daily news of 26 July 2024.
            date: "2024-07-26"
            sources:
              - source: ec
                excerpt: "Daily News 26 / 07 / 2024"
        """)
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 0, r.stdout


# -- clock times in claims (a State Department transcript, historic Hansard)

@pytest.mark.parametrize("claim, ok", [
    ("The briefing began at 1:31 p.m. EDT.", True),
    ("The briefing began at 13:31.", True),  # the same time, written on a 24-hour clock
    ("The briefing began at 1:13 p.m. EDT.", False),
    ("The briefing began at 1:31 a.m.", False),
])
def test_a_time_of_day_in_a_claim_is_one_the_excerpt_states(workspace, claim, ok):
    write_source(workspace, "briefing", "DEPARTMENT PRESS BRIEFING\n\n1:31 p.m. EDT\n\nMR MILLER: Good afternoon.\n",
                 published="2023-05-22")
    write_yaml(workspace, "facts/briefing.yml", f"""
        title: Briefing
        facts:
          - id: start
            claim: {claim}
            sources:
              - source: briefing
                excerpt: "1:31 p.m. EDT"
        """)
    r = run_cli("validate", "--root", str(workspace))
    if ok:
        assert r.returncode == 0, r.stdout
    else:
        assert r.returncode == 1 and "(claim-not-in-excerpt)" in r.stdout and "13:31" in r.stdout, r.stdout


# -- how often (European Commission daily news; a GOV.UK energy release)

@pytest.mark.parametrize("claim, ok", [
    ("Regular payments will follow on a quarterly basis.", True),
    ("Payments will follow every quarter.", True),
    ("Payments will follow on a monthly basis.", False),
    ("Households could save more than £460 a year, paid quarterly.", True),
    ("Households could save more than £460 a month.", False),
])
def test_a_claims_frequency_is_one_the_excerpt_states(workspace, claim, ok):
    write_source(workspace, "news", "Now regular payments will follow on a quarterly basis. Households could save "
                                    "more than £460 a year.\n", published="2024-06-28")
    write_yaml(workspace, "facts/news.yml", f"""
        title: News
        facts:
          - id: payments
            claim: {claim}
            sources:
              - source: news
                excerpt: "Now regular payments will follow on a quarterly basis. Households could save more than £460 a year."
        """)
    r = run_cli("validate", "--root", str(workspace))
    if ok:
        assert r.returncode == 0, r.stdout
    else:
        assert r.returncode == 1 and "say how often as the excerpt does (claim-not-in-excerpt)" in r.stdout, r.stdout


# -- vague quantities in claims (DfE, Cabinet Office)

@pytest.mark.parametrize("claim, ok", [
    ("Hundreds of thousands of children will continue to access free food.", True),
    ("More than 600,000 children will continue to access free food.", False),  # a figure: the number check's
    ("Millions of children will continue to access free food.", False),
    ("Tens of thousands of children will continue to access free food.", False),
])
def test_a_claims_vague_quantity_is_the_excerpts_order_of_magnitude(workspace, claim, ok):
    write_source(workspace, "dfe", "Hundreds of thousands of children across England will continue to access free, "
                                   "nutritious food.\n", published="2022-12-22")
    write_yaml(workspace, "facts/dfe.yml", f"""
        title: DfE
        facts:
          - id: children
            claim: {claim}
            sources:
              - source: dfe
                excerpt: "Hundreds of thousands of children across England will continue to access free, nutritious food."
        """)
    r = run_cli("validate", "--root", str(workspace))
    assert (r.returncode == 0) is ok, r.stdout
    if not ok:
        assert "(claim-not-in-excerpt)" in r.stdout


def test_a_number_in_its_range_supports_a_vague_quantity(workspace):
    write_source(workspace, "s", "Over 600,000 children took part.\n", published="2022-12-22")
    write_yaml(workspace, "facts/s.yml", """
        title: S
        facts:
          - id: children
            claim: Hundreds of thousands of children took part.
            sources: [{source: s, excerpt: "Over 600,000 children took part."}]
        """)
    assert run_cli("validate", "--root", str(workspace)).returncode == 0
