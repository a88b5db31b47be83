"""Value checks: does the cited text say the fact's typed value?

Each check reads the source's own text at the located span (never the excerpt
as typed) and returns an :class:`Outcome`: problems by rule id, and the spans
of the words that carry the value, for highlighting. One module per kind.
"""

from __future__ import annotations

from generator.model import Fact
from generator.validation.checks.base import Context, Outcome
from generator.validation.checks.dates import check_date
from generator.validation.checks.figures import check_figure, check_money
from generator.validation.checks.quotes import check_quote

__all__ = ["Context", "Outcome", "check_value"]


def check_value(fact: Fact, text: str, ctx: Context) -> Outcome:
    if fact.figure is not None:
        return check_figure(fact.figure, text, ctx)
    if fact.money is not None:
        return check_money(fact.money, text, ctx)
    if fact.date is not None:
        return check_date(fact.date, text, ctx)
    if fact.quote is not None:
        return check_quote(fact.quote, text, ctx)
    return Outcome(highlights=[(0, len(text))])  # a statement: the excerpt itself is the evidence
