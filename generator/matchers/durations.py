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

from generator.lexicon.calendar import MONTHS_PER_UNIT, SECONDS_PER_UNIT, TIME_UNIT_PLURALS
from generator.lexicon.text import WORD_SPACES
from generator.matchers.numbers import NumberMention, find_numbers
from generator.matchers.gated import Gated
from generator.normalize import as_grammars_read

_WS = WORD_SPACES  # between the words of one expression, as the lexicon has it
_SECONDS = SECONDS_PER_UNIT
_MONTHS = MONTHS_PER_UNIT
_PLURAL_OF = {u: TIME_UNIT_PLURALS.get(u, u + "s") for u in (*_SECONDS, *_MONTHS)}
_SINGULAR_OF = {**{p: u for u, p in _PLURAL_OF.items()}, **{u: u for u in _PLURAL_OF}}
_UNIT = "(?P<unit>" + "|".join(sorted(_SINGULAR_OF, key=len, reverse=True)) + ")"
# After the number: "two hours", "36-hour", "an hour" (the number grammar's span already holds the unit).
_AFTER = re.compile(rf"(?:[{_WS}]+|[{_WS}]?-[{_WS}]?){_UNIT}(?![\w])", re.I)
# Within the number grammar's span: "an hour", "half an hour", "a year and a half", "two years and a half".
_HALF_TAIL = rf"[{_WS}]+and[{_WS}]+a[{_WS}]+half"
_OWN_UNIT = re.compile(rf"(?:^|[{_WS}])(?:(?:half[{_WS}]+)?an?[{_WS}]+)?{_UNIT}(?:{_HALF_TAIL})?\Z", re.I)
_LONG = Gated.literal(re.compile(rf"(?<![\w-])(?P<unit>{'|'.join(_PLURAL_OF)})-long(?![\w])", re.I), "-long")
_QUARTERS = Gated.literal(re.compile(
    rf"(?<![\w])(?P<q>a|one|two|three)[{_WS}]+quarters?[{_WS}]+of[{_WS}]+an?[{_WS}]+{_UNIT}(?![\w])", re.I), "quarter")


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
    w = _SINGULAR_OF[word.lower()]
    if w in _SECONDS:
        return Decimal(_SECONDS[w]), "s"
    return Decimal(_MONTHS[w]), "mo"


def unit_length(word: str) -> tuple[Decimal, str] | None:
    """The length of one ``word`` ("years", "hour") in its scale, or None when it is no unit of time."""
    return _unit(word) if word.lower() in _SINGULAR_OF else None


def find_durations(text: str, numbers: list[NumberMention] | None = None) -> list[Duration]:
    """Every duration in ``text``, in order (``numbers``: find_numbers(text), when at hand)."""
    text = as_grammars_read(text)
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
