"""Figures and money: the fact's number (and currency) must be stated in the cited text."""

from __future__ import annotations

from generator.model import Figure, Money
from generator.validation.checks.base import Context, Outcome


def check_figure(figure: Figure, text: str, ctx: Context) -> Outcome:
    raise NotImplementedError("figure checks")


def check_money(money: Money, text: str, ctx: Context) -> Outcome:
    raise NotImplementedError("money checks")
