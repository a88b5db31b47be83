"""Numbers: the values editors write and the number expressions in source text."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

SCALES: dict[str, Decimal] = {
    "thousand": Decimal(10) ** 3, "k": Decimal(10) ** 3,
    "million": Decimal(10) ** 6, "m": Decimal(10) ** 6, "mn": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "b": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12, "tn": Decimal(10) ** 12,
}
_VALUE = re.compile(r"^\s*(\d{1,3}(?:[, ]\d{3})+|\d+)(\.\d+)?\s*([a-z]+)?\s*$", re.I)


def parse_value(value: int | float | str) -> Decimal:
    """A fact's ``value``: ``19500``, ``3.5``, ``"19,500"``, ``"3.5 billion"``, ``"600m"``."""
    if isinstance(value, bool):
        raise ValueError("a number is needed, not true/false")
    if isinstance(value, (int, float)):
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise ValueError(f"'{value}' is not a finite number") from None
    m = _VALUE.match(value)
    if not m:
        raise ValueError(f"'{value}' is not a number: write 19500, 3.5, \"19,500\" or \"3.5 billion\"")
    whole, frac, scale = m.groups()
    number = Decimal(re.sub(r"[, ]", "", whole) + (frac or ""))
    if scale:
        factor = SCALES.get(scale.lower())
        if factor is None:
            raise ValueError(f"'{scale}' in '{value}' is not a scale: use thousand, million, billion, k, m or bn")
        number *= factor
    return number
