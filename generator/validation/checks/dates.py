"""Dates: the fact's date must be stated in the cited text."""

from __future__ import annotations

from generator.validation.checks.base import Context, Outcome


def check_date(date: str, text: str, ctx: Context) -> Outcome:
    raise NotImplementedError("date checks")
