"""Every typed value a passage states: figures, money and dates, for suggesting facts.

``factsheet cite`` shows an editor what the words they picked can support,
read by the same grammars the validator uses.
"""

from __future__ import annotations

from decimal import Decimal

from generator.lexicon.units import PERCENT_FORMS
from generator.matchers.dates import DateMention, find_dates
from generator.matchers.money import MoneyMention, find_money
from generator.matchers.numbers import NumberMention, find_numbers, format_number
from generator.matchers.units import counted_noun, plural_of


def describe_values(text: str, default_year: int | None = None
                    ) -> dict[str, list[NumberMention] | list[MoneyMention] | list[DateMention]]:
    """``{"figures": [NumberMention], "money": [MoneyMention], "dates": [DateMention]}``.

    Numbers that are amounts of money are listed under money only.
    """
    numbers = find_numbers(text)
    money = find_money(text, numbers)
    in_money = {id(m.number) for m in money}
    return {
        "figures": [n for n in numbers if id(n) not in in_money],
        "money": money,
        "dates": [d for d in find_dates(text, default_year) if d.year is not None or d.weekday_only],
    }


def fact_value(mention: NumberMention | MoneyMention | DateMention, text: str | None = None) -> dict[str, object]:
    """The typed value a fact would give for a mention, as YAML-ready data; with the ``text`` the
    mention was found in, a figure gets the unit that text counts at it."""
    if isinstance(mention, MoneyMention):
        return {"money": {"value": _yaml_number(mention.amount), "currency": mention.currency}}
    if isinstance(mention, NumberMention):
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
    if mention.year is None:
        return {}
    return {"date": mention.describe()}


def _yaml_number(value: Decimal) -> int | str:
    """19500 stays a number; 3.5e9 reads better as "3.5 billion" (parse_value takes both); 2/3 a fraction."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -6:  # 2/3
        return format_number(value)
    if value == value.to_integral_value() and abs(value) < 10 ** 6:
        return int(value)
    return format_number(value)
