"""How typed values read on the site: dates, figures, amounts."""

from __future__ import annotations

from decimal import Decimal

from generator.lexicon.calendar import MONTH_NAMES
from generator.lexicon.money import DISPLAY_SYMBOLS
from generator.matchers.dates import PartialDate, parse_partial_date
from generator.model import Figure, Money

SYMBOLS = DISPLAY_SYMBOLS


def date_label(d: PartialDate | str) -> str:
    """``26 April 2023``, ``February 2022`` or ``2022``."""
    if isinstance(d, str):
        d = parse_partial_date(d)
    if d.month is None:
        return str(d.year)
    month = MONTH_NAMES[d.month - 1]
    return f"{month} {d.year}" if d.day is None else f"{d.day} {month} {d.year}"


def date_sort_key(d: PartialDate) -> tuple[int, int, int]:
    return (d.year, d.month or 0, d.day or 0)


def number_label(value: int | float | str) -> str:
    """As the editor wrote it when it is text ("3.5 billion"); numbers get thousands separators."""
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return f"{value:,}"
    d = Decimal(str(value))
    return f"{d:,}" if d != d.to_integral_value() else f"{int(d):,}"


def ordinal_label(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``22nd``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n:,}{suffix}"


def figure_label(f: Figure, ordinal: bool = False) -> str:
    """``more than 50 countries``; ``3rd anniversary`` when the sources state the figure as an ordinal."""
    whole = f.amount == f.amount.to_integral_value() and f.amount > 0
    number = ordinal_label(int(f.amount)) if ordinal and whole else number_label(f.value)
    parts = [f.qualifier or "", number, f.unit or ""]
    return " ".join(p for p in parts if p)


def money_label(m: Money) -> str:
    symbol = SYMBOLS.get(m.currency)
    amount = number_label(m.value)
    return f"{symbol}{amount}" if symbol else f"{m.currency} {amount}"


def plain_decimal(d: Decimal) -> str:
    """A Decimal without exponent, for data attributes and exports."""
    s = format(d.normalize(), "f")
    return s
