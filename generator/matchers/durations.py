"""Durations: a number with a unit of time, so that "45 minutes" and "three quarters of an hour" meet.

Read on top of the number grammar: a number followed by a time unit (``two
hours``, ``36-hour``, ``an hour`` and ``half an hour``, which the number grammar
reads as 1 and 0.5), and fractions of a unit the number grammar does not read
(``a quarter of an hour``, ``three quarters of an hour``). The length is kept
in two exact scales that never mix: seconds for seconds to weeks, months for
months to centuries (a month has no fixed number of days).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from generator.matchers.numbers import NumberMention, find_numbers

_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "fortnight": 1209600}
_MONTHS = {"month": 1, "year": 12, "decade": 120, "century": 1200}
_UNIT = r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|century|centuries)"
# After the number: "two hours", "36-hour", "an hour" (the number grammar's span already holds the unit).
_AFTER = re.compile(rf"(?:[ \u00a0]+|[ \u00a0]?-[ \u00a0]?){_UNIT}(?![\w])", re.I)
_OWN_UNIT = re.compile(rf"(?:half[ \u00a0]+)?an?[ \u00a0]+{_UNIT}\Z", re.I)
_LONG = re.compile(r"(?<![\w-])(?P<unit>second|minute|hour|day|week|month|year|decade)-long(?![\w])", re.I)
_QUARTERS = re.compile(rf"(?<![\w])(?P<q>a|one|two|three)[ \u00a0]+quarters?[ \u00a0]+of[ \u00a0]+an?[ \u00a0]+{_UNIT}"
                       r"(?![\w])", re.I)


@dataclass(frozen=True, slots=True)
class Duration:
    """A length of time in text: ``amount`` of ``scale`` ("s" for seconds, "mo" for months)."""

    start: int
    end: int
    amount: Decimal
    scale: str
    qualifier: str | None = None
    number: NumberMention | None = None

    def same_length(self, other: "Duration") -> bool:
        return self.scale == other.scale and self.amount == other.amount


def _unit(word: str) -> tuple[Decimal, str]:
    w = word.lower()
    w = "century" if w == "centuries" else w.rstrip("s") if w != "century" else w
    if w in _SECONDS:
        return Decimal(_SECONDS[w]), "s"
    return Decimal(_MONTHS[w]), "mo"


def find_durations(text: str, numbers: list[NumberMention] | None = None) -> list[Duration]:
    """Every duration in ``text``, in order (``numbers``: find_numbers(text), when at hand)."""
    out: list[Duration] = []
    taken: list[tuple[int, int]] = []
    for m in _QUARTERS.finditer(text):
        per, scale = _unit(m["unit"])
        count = {"a": 1, "one": 1, "two": 2, "three": 3}[m["q"].lower()]
        out.append(Duration(m.start(), m.end(), per * count / 4, scale))
        taken.append(m.span())
    for m in _LONG.finditer(text):  # "the hour-long conversation"
        per, scale = _unit(m["unit"])
        out.append(Duration(m.start(), m.end(), per, scale))
    for n in find_numbers(text) if numbers is None else numbers:
        if n.ordinal or any(a <= n.start < b for a, b in taken):
            continue
        own = _OWN_UNIT.search(n.raw)
        if own:
            per, scale = _unit(own["unit"])
            out.append(Duration(n.start, n.end, n.value * per, scale, n.qualifier, n))
            continue
        after = _AFTER.match(text, n.end)
        if after:
            per, scale = _unit(after["unit"])
            out.append(Duration(n.start, after.end(), n.value * per, scale, n.qualifier, n))
    out.sort(key=lambda d: d.start)
    return out
