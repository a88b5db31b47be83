"""Vague quantities: "hundreds of thousands of children", "millions of pounds", "dozens of villages".

Not a number, so they support no figure; but each says an order of magnitude, a range [low, high)
(``generator.lexicon.numbers``), so a claim's "millions" is not its excerpt's "hundreds of thousands".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.lexicon.numbers import VAGUE_MULTIPLIERS, VAGUE_QUANTITIES, VAGUE_UNITS
from generator.lexicon.text import WORD_SPACES
from generator.matchers.memo import per_text
from generator.normalize import as_grammars_read

_WS = WORD_SPACES
_VAGUE = re.compile(
    rf"(?<![\w-])(?:(?P<mult>{'|'.join(VAGUE_MULTIPLIERS)})[{_WS}]+of[{_WS}]+(?P<unit>{'|'.join(VAGUE_UNITS)})"
    rf"|(?P<alone>{'|'.join(VAGUE_QUANTITIES)}))(?=[{_WS}]+of(?![\w])|[{_WS}]+(?!of)[^\W\d_])", re.I)


@dataclass(frozen=True, slots=True)
class Vague:
    start: int
    end: int
    low: int
    high: int  # exclusive

    def overlaps(self, other: "Vague") -> bool:
        return self.low < other.high and other.low < self.high

    def holds(self, value: float) -> bool:
        return self.low <= value < self.high


@per_text
def find_vague(text: str) -> list[Vague]:
    """Every vague quantity in ``text``, in order, with the range it says."""
    text = as_grammars_read(text)
    out = []
    for m in _VAGUE.finditer(text):
        if m["mult"]:
            lo, hi = VAGUE_MULTIPLIERS[m["mult"].lower()]
            unit = VAGUE_UNITS[m["unit"].lower()]
            out.append(Vague(m.start(), m.end(), lo * unit, hi * unit))
        else:
            lo, hi = VAGUE_QUANTITIES[m["alone"].lower()]
            out.append(Vague(m.start(), m.end(), lo, hi))
    return out
