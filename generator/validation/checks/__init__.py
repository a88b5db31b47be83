"""Value checks: does the cited text say the fact's typed value?

Each check reads the source's own text at the located span (never the excerpt
as typed) and returns an :class:`Outcome`: problems by rule id, and the spans
of the words that carry the value, for highlighting. One module per kind;
``SOURCE_CHECKS`` is the validation side of the value-kind registry
(``generator/kinds.py``), one entry per kind.
"""

from __future__ import annotations

from typing import Any, Callable

from generator.kinds import KINDS, kind_of, value_of
from generator.model import Fact
from generator.validation.checks.base import Context, Outcome
from generator.validation.checks.dates import check_date
from generator.validation.checks.figures import check_figure, check_money
from generator.validation.checks.quotes import check_quote

__all__ = ["Context", "Outcome", "SOURCE_CHECKS", "check_value"]


def _statement(value: None, text: str, ctx: Context) -> Outcome:
    return Outcome(highlights=[(0, len(text))])  # a statement: the excerpt itself is the evidence


# kind → its source check, called with the fact's value (see generator.kinds.value_of).
SOURCE_CHECKS: dict[str, Callable[[Any, str, Context], Outcome]] = {
    "date": check_date,
    "figure": check_figure,
    "money": check_money,
    "quote": check_quote,
    "statement": _statement,
}
assert SOURCE_CHECKS.keys() == KINDS.keys(), "every value kind needs its source check"


def check_value(fact: Fact, text: str, ctx: Context) -> Outcome:
    return SOURCE_CHECKS[kind_of(fact).name](value_of(fact), text, ctx)
