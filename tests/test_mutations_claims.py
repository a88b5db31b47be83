"""Mutations of every example claim (issue 10): the sentence readers read must agree with what is proven.

For every fact of the example content, each number, amount, currency, date (day,
month, year), qualifier, duration, speaker and country the claim states is
changed, one at a time, with the rest of the fact untouched. Every mutant must
be refuted (an error); every original stays verified
(tests/test_mutations_example.py).
"""

from __future__ import annotations

import calendar
import re
from decimal import Decimal

import pytest

from generator.findings import Severity
from generator.loading import SheetFile, load_workspace
from generator.matchers.dates import find_dates
from generator.matchers.markup import markup_to_text
from generator.matchers.money import find_money
from generator.matchers.numbers import find_numbers, format_number
from generator.matchers.people import PeopleIndex
from generator.matchers.quotes import find_quoted_spans
from generator.model import Fact, Sheet
from generator.normalize import fold
from generator.validation import validate
from generator.validation.claims import find_places
from generator.validation.results import FactVerdict
from tests.conftest import REPO

# What each qualifier becomes: one the original does not entail.
OPPOSITE = {"more than": "less than", "at least": "less than", "less than": "more than", "at most": "more than",
            "up to": "more than", "almost": "more than", "about": "more than"}
CURRENCY_SWAP = [("€", "$"), ("$", "€"), ("£", "€"), ("euros", "dollars"), ("euro", "dollar"),
                 ("dollars", "euros"), ("dollar", "euro"), ("EUR", "USD"), ("USD", "EUR"), ("pounds", "euros")]
_ONE_UNIT = re.compile(r"(?i)(?:half )?an? (\w+)")


def _swap(text: str, a: int, b: int, new: str) -> str:
    return text[:a] + new + text[b:]


def _outside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return not any(x <= a and b <= y for x, y in spans)


def claim_mutations(claim: str, fact: Fact, people: PeopleIndex) -> list[tuple[str, str]]:
    """(label, mutated claim) for everything the claim states."""
    text = markup_to_text(claim)
    quoted = [(s.start, s.end) for s in find_quoted_spans(text)]
    out: list[tuple[str, str]] = []
    numbers = [n for n in find_numbers(text) if _outside(quoted, n.start, n.end)]
    money = find_money(text, numbers)
    in_money = {id(m.number) for m in money}
    dates = [d for d in find_dates(text) if _outside(quoted, d.start, d.end)]
    years = {(d.start, d.end) for d in dates if d.month is None}
    for n in numbers:
        if id(n) in in_money or (n.start, n.end) in years or n.raw.lower() == "one":
            continue
        unit = _ONE_UNIT.fullmatch(n.raw)
        if unit:
            out.append(("duration", _swap(text, n.start, n.end, f"two {unit[1]}s")))
        elif n.ordinal:
            k = int(n.value) + 1
            suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
            out.append(("ordinal", _swap(text, n.start, n.end, f"{k}{suffix}")))
        else:
            out.append(("number", _swap(text, n.start, n.end, format_number(n.value * 10 + 1))))
        if n.qualifier and n.qualifier_span:
            out.append(("qualifier", _swap(text, *n.qualifier_span, OPPOSITE[n.qualifier])))
    for m in money:
        assert m.number is not None
        out.append(("amount", _swap(text, m.number.start, m.number.end, format_number(m.amount * 2))))
        raw = text[m.start:m.end]
        for old, new in CURRENCY_SWAP:
            if old in raw:
                out.append(("currency", _swap(text, m.start, m.end, raw.replace(old, new, 1))))
                break
        if m.number.qualifier and m.number.qualifier_span:
            out.append(("qualifier", _swap(text, *m.number.qualifier_span, OPPOSITE[m.number.qualifier])))
    for d in dates:
        raw = d.raw
        if d.day is not None:
            day = d.day % 28 + 1
            out.append(("day", _swap(text, d.start, d.end, re.sub(rf"(?<!\d){d.day}(?!\d)", str(day), raw, 1))))
        if d.year is not None:
            out.append(("year", _swap(text, d.start, d.end, raw.replace(str(d.year), str(d.year + 1), 1))))
        if d.month is not None:
            name = next((f for f in (calendar.month_name[d.month], calendar.month_abbr[d.month]) if f in raw), None)
            if name:
                other = calendar.month_name[d.month % 12 + 1]
                out.append(("month", _swap(text, d.start, d.end, raw.replace(name, other, 1))))
    folded = fold(text)
    names = [(*folded.span_in_original(m.start, m.end), m.ids) for m in people.mentions(folded.text)]
    if fact.quote is not None:
        other = "Vladimir Putin" if fact.quote.speaker != "vladimir-putin" else "Emmanuel Macron"
        spans = [(a, b) for a, b, ids in names if fact.quote.speaker in ids and _outside(quoted, a, b)]
        if spans:
            mutated = text
            for a, b in reversed(spans):
                mutated = _swap(mutated, a, b, other)
            out.append(("speaker", mutated))
    for a, b, country in find_places(text):
        if not _outside(quoted, a, b) or any(x < b and a < y for x, y, _ in names) \
                or any(m.start <= a and b <= m.end for m in money):
            continue
        word = text[a:b]
        new = "Brazil" if word in (country, "US", "U.S.", "UK", "Britain", "America") or word.istitle() \
            and not word.endswith(("n", "ns", "ese", "ish", "ch", "i")) else "Brazilian"
        out.append(("country", _swap(text, a, b, new)))
    return out


@pytest.fixture(scope="module")
def example():
    ws = load_workspace(REPO)
    return ws, validate(ws)


def test_the_example_claims_raise_no_claim_error(example):
    _, report = example
    bad = [f.format_text() for f in report.findings if f.rule.startswith("claim-")]
    assert bad == []


def test_every_claim_mutation_is_refuted(example):
    ws, report = example
    people = PeopleIndex.from_mapping(ws.people)
    mutated: list[Fact] = []
    labels: dict[str, str] = {}
    kinds: dict[str, int] = {}
    for sheet_id, sf in ws.sheets.items():
        for fact in sf.sheet.facts:
            for label, claim in claim_mutations(fact.claim, fact, people):
                mid = f"m{len(mutated)}"
                labels[mid] = f"{sheet_id}/{fact.id} [{label}] {claim}"
                kinds[label] = kinds.get(label, 0) + 1
                mutated.append(fact.model_copy(update={"id": mid, "claim": claim}))
    # Every class of change is exercised on the example content.
    assert {"number", "qualifier", "duration", "ordinal", "amount", "currency", "day", "month", "year",
            "speaker", "country"} <= set(kinds), kinds
    first = next(iter(ws.sheets.values()))
    ws.sheets = {"mutants": SheetFile("mutants", first.path, Sheet(title="m", facts=mutated), first.doc)}
    result = validate(ws)
    survivors = [labels[f.fact.id] for f in result.facts if f.verdict is not FactVerdict.REFUTED]
    assert survivors == []
    errors = {f.fact for f in result.findings if f.severity is Severity.ERROR and f.rule.startswith("claim-")}
    assert errors >= {f"mutants/{mid}" for mid in labels}
