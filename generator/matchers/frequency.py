"""How often: "monthly", "on a quarterly basis", "£100 a month", "per year", "every week".

A claim that gives a frequency its excerpt does not share ("monthly" over "on a quarterly basis",
"£100 a month" over "£100 a year") says something else; the words are the lexicon's
(``generator.lexicon.calendar``). Only lower-case words count: "Daily News" is a title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.lexicon.calendar import FREQUENCY_DETERMINERS, FREQUENCY_UNITS, FREQUENCY_WORDS
from generator.lexicon.text import WORD_SPACES
from generator.matchers.memo import per_text

_WS = WORD_SPACES


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_FREQUENCY = re.compile(
    rf"(?<![\w-])(?:(?P<word>{_alt(FREQUENCY_WORDS)})"
    rf"|(?:{_alt(FREQUENCY_DETERMINERS)})[{_WS}]+(?P<unit>{_alt(FREQUENCY_UNITS)}))(?![\w-])")


@dataclass(frozen=True, slots=True)
class Frequency:
    start: int
    end: int
    days: int  # the period: 30 for "monthly" and "a month"


@per_text
def find_frequencies(text: str) -> list[Frequency]:
    """Every frequency ``text`` states, in order."""
    return [Frequency(m.start(), m.end(), FREQUENCY_WORDS[m["word"]] if m["word"] else FREQUENCY_UNITS[m["unit"]])
            for m in _FREQUENCY.finditer(text)]
