"""Value checks: does the cited text say the fact's typed value?

Each check reads the source's own text at the located span (never the excerpt
as typed) and returns an :class:`Outcome`: problems by rule id, and the spans
of the words that carry the value, for highlighting.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.matchers.dates import PartialDate
from generator.matchers.people import PeopleIndex
from generator.model import Fact


@dataclass(frozen=True, slots=True)
class Context:
    published: PartialDate | None
    people: PeopleIndex


@dataclass(slots=True)
class Outcome:
    problems: list[tuple[str, str]] = field(default_factory=list)  # (rule id, message)
    highlights: list[tuple[int, int]] = field(default_factory=list)  # offsets in the cited text
    inferred_year: bool = False


def check_value(fact: Fact, text: str, ctx: Context) -> Outcome:
    kind = fact.kind
    if kind == "statement":
        return Outcome(highlights=[(0, len(text))])
    raise NotImplementedError(kind)
