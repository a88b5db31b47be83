"""Quotes: the quoted words in the cited text, said by the fact's speaker."""

from __future__ import annotations

from generator.model import Quote
from generator.validation.checks.base import Context, Outcome


def check_quote(quote: Quote, text: str, ctx: Context) -> Outcome:
    raise NotImplementedError("quote checks")
