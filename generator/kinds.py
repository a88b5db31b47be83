"""The value kinds a fact can carry: one registry, at the lowest layer that knows the model.

Each kind is one entry here: its name (the fact's field, FORMAT.md's key), the
words readers and editors see for it, the class its value has, and how
``factsheet cite`` turns a mention the grammars found into the value a fact
would write. What a kind means to a later layer lives in that layer's own table,
keyed by these names, and a test fails when a table misses a kind:
``validation/checks/__init__.py`` (the source check), ``render/kinds.py`` (the
chip, the CSV cells, whether it is charted), ``render/charts.py`` (the chart
group). Claims are read for every kind of mention whatever the fact's kind
(``validation/claims.py``), so a claim reader pass is added there, not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from generator.lexicon.units import PERCENT_FORMS
from generator.matchers.dates import DateMention
from generator.matchers.money import MoneyMention
from generator.matchers.numbers import NumberMention, format_number
from generator.matchers.units import counted_noun, plural_of
from generator.model import Fact, Figure, Money, Quote

Mention = NumberMention | MoneyMention | DateMention
Suggestion = dict[str, object]


@dataclass(frozen=True, slots=True)
class Kind:
    name: str  # the fact's field ("statement": a fact with none)
    label: str  # what readers and editors call it
    model: type | None  # the class of the field's value; None for a statement
    scanned: str | None = None  # its group in matchers.scan.describe_values, when `cite` lists it
    mention: type | None = None  # the grammar's mention type `cite` turns into a value
    suggest: Callable[[Mention, str | None], Suggestion] | None = None


def _yaml_number(value: Decimal) -> int | str:
    """19500 stays a number; 3.5e9 reads better as "3.5 billion" (parse_value takes both); 2/3 a fraction."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -6:  # 2/3
        return format_number(value)
    if value == value.to_integral_value() and abs(value) < 10 ** 6:
        return int(value)
    return format_number(value)


def _suggest_money(mention: Mention, text: str | None) -> Suggestion:
    assert isinstance(mention, MoneyMention)
    return {"money": {"value": _yaml_number(mention.amount), "currency": mention.currency}}


def _suggest_figure(mention: Mention, text: str | None) -> Suggestion:
    assert isinstance(mention, NumberMention)
    figure: dict[str, object] = {"value": _yaml_number(mention.value)}
    counted = None if text is None else counted_noun(text, mention.start, mention.end, mention.value,
                                                     mention.ordinal, mention.form)
    if counted is not None:
        head = counted.head
        if counted.how == "percent":  # "%", "per cent", "pc": written as the format's words
            head = "percent" if PERCENT_FORMS[" ".join(head.lower().split())] == "percent" else "percentage points"
        elif counted.how == "compound" and mention.value != 1:  # "a 36-hour truce": 36 hours
            head = plural_of(head)
        head = " and ".join([head, *counted.also])
        figure["unit"] = head.lower() if head[:1].isupper() and head[1:].islower() else head
    if mention.qualifier:
        figure["qualifier"] = mention.qualifier
    return {"figure": figure}


def _suggest_date(mention: Mention, text: str | None) -> Suggestion:
    assert isinstance(mention, DateMention)
    return {} if mention.year is None else {"date": mention.describe()}


# In the order `cite` lists what a passage states: amounts before the numbers inside them.
KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("money", "amount of money", Money, "money", MoneyMention, _suggest_money),
    Kind("figure", "figure", Figure, "figures", NumberMention, _suggest_figure),
    Kind("date", "date", str, "dates", DateMention, _suggest_date),
    Kind("quote", "quotation", Quote),
    Kind("statement", "statement", None),
)}
def kind_of(fact: Fact) -> Kind:
    return KINDS[fact.kind]


def value_of(fact: Fact) -> object | None:
    """The fact's typed value (a YAML date string, a Figure, Money or Quote), or None for a statement."""
    kind = kind_of(fact)
    return getattr(fact, kind.name) if kind.model is not None else None


def suggest(mention: Mention, text: str | None = None) -> Suggestion:
    """The typed value a fact would give for a mention, as YAML-ready data (``{}``: none, e.g. a date
    without a year); with the ``text`` the mention was found in, a figure gets the unit it counts."""
    for kind in KINDS.values():
        if kind.mention is not None and kind.suggest is not None and isinstance(mention, kind.mention):
            return kind.suggest(mention, text)
    raise TypeError(f"no value kind reads a {type(mention).__name__}")
