"""Every typed value a passage states: figures, money and dates, for suggesting facts.

``factsheet cite`` shows an editor what the words they picked can support,
read by the same grammars the validator uses; ``generator.kinds.suggest`` turns each
mention into the typed value a fact would write.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.matchers.dates import DateMention, find_dates
from generator.matchers.money import MoneyMention, find_money
from generator.matchers.numbers import NumberMention, find_numbers


def describe_values(text: str, default_year: int | None = None, currency_symbols: Mapping[str, str] | None = None,
                    numeric_dates: str | None = None
                    ) -> dict[str, list[NumberMention] | list[MoneyMention] | list[DateMention]]:
    """``{"figures": [NumberMention], "money": [MoneyMention], "dates": [DateMention]}``.

    Numbers that are amounts of money are listed under money only. ``currency_symbols``: what the
    source's bare "$" means, and ``numeric_dates`` how it writes 04/05/2023, as its sidecar says.
    """
    numbers = find_numbers(text)
    money = find_money(text, numbers, currency_symbols)
    in_money = {id(m.number) for m in money}
    return {
        "figures": [n for n in numbers if id(n) not in in_money],
        "money": money,
        "dates": [d for d in find_dates(text, default_year, numeric=numeric_dates)
                  if d.year is not None or d.weekday_only],
    }
