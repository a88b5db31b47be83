"""The render side of the value-kind registry (``generator/kinds.py``): per kind, its chip on the
pages, the cells it fills in data/facts.csv, and whether the figures page charts it.

One entry per kind; a test fails when a kind of the model has none. How a charted kind is
grouped into charts is ``render/charts.py``'s own table, keyed by the same names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from generator.kinds import KINDS
from generator.matchers.dates import PartialDate, parse_partial_date
from generator.model import Fact, Person
from generator.render.values import date_label, figure_label, money_label, plain_decimal


@dataclass(slots=True)
class ValueView:
    kind: str  # date | figure | money | quote
    label: str
    sort: str = ""  # a number or ISO date, for sorting and data attributes
    date: PartialDate | None = None
    speaker: str | None = None
    person: Person | None = None
    quote: str | None = None
    ordinal: bool = False  # a figure the sources state as an ordinal ("third anniversary")


Cells = dict[str, object]


@dataclass(frozen=True, slots=True)
class RenderKind:
    # The chip: the fact, the people, and whether the sources state the figure as an ordinal.
    chip: Callable[[Fact, dict[str, Person], bool], ValueView | None]
    cells: Callable[[Fact], Cells]  # the CSV cells this kind fills (every other typed cell stays empty)
    charted: bool = False  # drawn on the figures page (render/charts.py groups it)


def _date_chip(fact: Fact, people: dict[str, Person], ordinal: bool) -> ValueView:
    d = parse_partial_date(fact.date or "")
    return ValueView("date", date_label(d), str(d), date=d)


def _figure_chip(fact: Fact, people: dict[str, Person], ordinal: bool) -> ValueView:
    assert fact.figure is not None
    return ValueView("figure", figure_label(fact.figure, ordinal), plain_decimal(fact.figure.amount), ordinal=ordinal)


def _money_chip(fact: Fact, people: dict[str, Person], ordinal: bool) -> ValueView:
    assert fact.money is not None
    return ValueView("money", money_label(fact.money), plain_decimal(fact.money.amount))


def _quote_chip(fact: Fact, people: dict[str, Person], ordinal: bool) -> ValueView:
    assert fact.quote is not None
    return ValueView("quote", fact.quote.text, speaker=fact.quote.speaker, person=people.get(fact.quote.speaker),
                     quote=fact.quote.text)


def _no_chip(fact: Fact, people: dict[str, Person], ordinal: bool) -> None:
    return None  # a statement: the claim is all there is


def _figure_cells(fact: Fact) -> Cells:
    assert fact.figure is not None
    f = fact.figure
    return {"value": f.value, "amount": format(f.amount.normalize(), "f"), "unit": f.unit, "qualifier": f.qualifier}


def _money_cells(fact: Fact) -> Cells:
    assert fact.money is not None
    m = fact.money
    return {"value": m.value, "amount": format(m.amount.normalize(), "f"), "currency": m.currency}


def _quote_cells(fact: Fact) -> Cells:
    assert fact.quote is not None
    return {"speaker": fact.quote.speaker, "quote": fact.quote.text}


RENDER: dict[str, RenderKind] = {
    "date": RenderKind(_date_chip, lambda fact: {"date": fact.date}),
    "figure": RenderKind(_figure_chip, _figure_cells, charted=True),
    "money": RenderKind(_money_chip, _money_cells, charted=True),
    "quote": RenderKind(_quote_chip, _quote_cells),
    "statement": RenderKind(_no_chip, lambda fact: {}),
}
assert RENDER.keys() == KINDS.keys(), "every value kind needs its render entry"
CHARTED = frozenset(k for k, r in RENDER.items() if r.charted)
# Every cell a kind can fill, in the order the CSV lists them.
TYPED_CELLS = ["value", "amount", "unit", "currency", "qualifier", "date", "speaker", "quote"]
