"""Figures and money: the fact's number (and currency) must be stated in the cited text.

The number must be there, in any usual form. A fact's qualifier must be said
by the text (or one it entails: "more than 50" supports "at least 50"); a
qualifier the text gives and the fact leaves out is a warning, since the bare
number then overstates what the source knows.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from generator.matchers.durations import find_durations, unit_length
from generator.matchers.money import MoneyMention, find_money
from generator.matchers.numbers import ENTAILS, NumberMention, find_numbers, format_number
from generator.matchers.units import counted_noun, disagreement, parse_unit, year_reading
from generator.model import Figure, Money
from generator.kinds import KINDS
from generator.validation.checks.base import Context, Outcome

_MAX_LISTED = 4
_NEXT_WORDS = re.compile(r"(?:[\s\-]+[^\W\d_][\w'\u2019-]*){1,2}")


def snippet(text: str, start: int, end: int) -> str:
    """The words at start:end and up to two words after, on one line: '19,500 Ukrainian children'."""
    more = _NEXT_WORDS.match(text, end)
    stop = more.end() if more else end
    return " ".join(text[start:stop].split())


def _said(m: NumberMention) -> str:
    return f"{m.qualifier} {format_number(m.value)}" if m.qualifier else format_number(m.value)


def _listing(text: str, mentions: list[NumberMention]) -> str:
    shown = [f"{_said(m)} (\"{snippet(text, *m.span)}\")" for m in mentions[:_MAX_LISTED]]
    more = len(mentions) - _MAX_LISTED
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _bind(unit_text: str, same: list[NumberMention], text: str,
          ctx: Context) -> tuple[list[NumberMention], list[tuple[str, str]]]:
    """The mentions of the value that count the fact's unit, and what is wrong when none does.

    A number proves only what it counts: in "412 soldiers in the north, 96 tanks in the south" the
    96 says nothing about soldiers. The noun is read from the source around the number, so an
    excerpt cut before it ("300" of "300 tanks") neither hides it nor loses it.
    """
    unit = parse_unit(unit_text)
    base, off = (ctx.source_text, ctx.offset) if ctx.source_text else (text, 0)
    bound = [(m, counted_noun(base, off + m.start, off + m.end, m.value, m.ordinal, m.form)) for m in same]
    agree = [m for m, c in bound if c is not None and disagreement(unit, c) is None]
    if agree:
        return agree, []
    unstated = [m for m, c in bound if c is None]
    if unstated:
        m = unstated[0]
        return unstated, [("unit-not-stated",
                           f"the excerpt states {format_number(m.value)} (\"{snippet(text, *m.span)}\") but does "
                           f"not say what it counts, so the unit \"{unit.text}\" is the editor's reading; cite the "
                           "words that name it, or leave `unit` out")]
    m, c = bound[0]
    assert c is not None
    why = disagreement(unit, c)
    said = snippet(base, min(off + m.start, c.start), max(off + m.end, c.end))
    counts = " and ".join(c.heads)
    hint = (f"; if the fact means {counts}, write `unit: {counts}`" if why and why.startswith("counts")
            else f"; write `unit: {' '.join([*c.modifiers, c.head])}` or cite words that say it")
    return [], [("unit-mismatch",
                 f"the fact's unit is \"{unit.text}\", but at {format_number(m.value)} the source {why} "
                 f"(\"{said}\"){hint}")]


def _fraction_as_percent(figure: Figure, mentions: list[NumberMention], text: str,
                         ctx: Context) -> list[NumberMention]:
    """A fraction the editor writes ("2/3") that the text gives as a percentage, rounded to the places it
    writes ("67%", "66.7 per cent"): the same number. Only for a fraction: 0.67 is not 67%."""
    if not isinstance(figure.value, str) or "/" not in figure.value:
        return []
    base, off = (ctx.source_text, ctx.offset) if ctx.source_text else (text, 0)
    out = []
    for m in mentions:
        places = len(m.raw.split(".", 1)[1]) if "." in m.raw else 0
        percent = (figure.amount * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if percent == m.value and not m.ordinal:
            counted = counted_noun(base, off + m.start, off + m.end, m.value, m.ordinal, m.form)
            if counted is not None and counted.how == "percent":
                out.append(replace(m, value=figure.amount))
    return out


def _entails(stated: str | None, wanted: str | None) -> bool:
    """Does the text's qualifier say at least what the fact's does ("over 40" entails "at least 40")?"""
    return stated is not None and wanted is not None and wanted in ENTAILS[stated]


def _as_duration(figure: Figure, mentions: list[NumberMention], text: str) -> tuple[int, int] | None:
    """A length of time counted in the fact's unit that the text gives in another ("25 years" as "a
    quarter of a century", "90 minutes" as "an hour and a half"): its span, with the qualifier the fact's
    entails, or None."""
    length = unit_length(figure.unit) if figure.unit else None
    if length is None:
        return None
    per, scale = length
    for d in find_durations(text, mentions):
        if d.scale == scale and d.amount == figure.amount * per and (
                d.qualifier == figure.qualifier or _entails(d.qualifier, figure.qualifier)):
            return d.start, d.end
    return None


def check_figure(figure: Figure, text: str, ctx: Context) -> Outcome:
    target = figure.amount
    wanted = figure.qualifier
    fact_says = f"{wanted} {format_number(target)}" if wanted else format_number(target)
    mentions = find_numbers(text)
    same = [m for m in mentions if m.value == target] or _fraction_as_percent(figure, mentions, text, ctx)
    if not same and (span := _as_duration(figure, mentions, text)) is not None:
        return Outcome(highlights=[span])
    if not same:
        if not mentions:
            return Outcome(problems=[("figure-not-supported",
                                      f"the excerpt states no number; the fact says {fact_says}")])
        return Outcome(problems=[("figure-not-supported",
                                  f"the excerpt states {_listing(text, mentions)}, not {format_number(target)}")])
    base, off = (ctx.source_text, ctx.offset) if ctx.source_text else (text, 0)
    years = {id(m): year_reading(base, off + m.start, off + m.end, m.value, m.ordinal) for m in same}
    counts = [m for m in same if years[id(m)] != "year"]
    if not counts:  # "in 2022" is no figure of 2,022
        m = same[0]
        return Outcome(problems=[("figure-not-supported",
                                  f"the excerpt's {m.raw} is a year (\"{snippet(text, *m.span)}\"), "
                                  f"not a count of {format_number(target)}")])
    same = counts
    problems: list[tuple[str, str]] = []
    if figure.unit:
        same, problems = _bind(figure.unit, same, text, ctx)
        if not same:
            return Outcome(problems=problems)
    if all(years[id(m)] == "maybe" for m in same):
        m = same[0]
        problems.append(("figure-year-like",
                         f"{m.raw} (\"{snippet(text, *m.span)}\") may be a year rather than a count: nothing "
                         "after it says what it counts; cite words that do, or check the fact"))
    if wanted is None:
        plain = [m for m in same if m.qualifier is None]
        if plain:
            return Outcome(problems=problems, highlights=[plain[0].span])
        m = same[0]
        if m.range_end:
            return Outcome(
                problems=[*problems, ("range-end",
                                      f"the excerpt gives a range (\"{snippet(text, *m.span)}\"): "
                                      f"{format_number(target)} is its {m.range_end} end, which says only "
                                      f"'{m.qualifier} {format_number(target)}'; add `qualifier: {m.qualifier}` "
                                      "or cite a single number")],
                highlights=[m.span])
        return Outcome(
            problems=[*problems, ("qualifier-missing",
                                  f"the excerpt says \"{snippet(text, *m.span)}\" ({m.qualifier} "
                                  f"{format_number(target)}); add `qualifier: {m.qualifier}` to the figure")],
            highlights=[m.span],
        )
    good = [m for m in same if _entails(m.qualifier, wanted)]
    if good:
        return Outcome(problems=problems, highlights=[good[0].span])
    m = next((x for x in same if x.qualifier is not None), same[0])
    if m.qualifier is None:
        message = (f"the fact says {fact_says}, but the excerpt states {format_number(target)} "
                   f"(\"{snippet(text, *m.span)}\") without '{wanted}' or a word that means it")
    else:
        message = (f"the excerpt says {m.qualifier} {format_number(target)} (\"{snippet(text, *m.span)}\"), "
                   f"not {fact_says}")
    return Outcome(problems=[*problems, ("qualifier-contradicted", message)], highlights=[m.span])


def _money_said(m: MoneyMention) -> str:
    code = " or ".join(m.currencies)
    return f"{code} {format_number(m.amount)} (\"{' '.join(m.raw.split())}\")"


def check_money(money: Money, text: str, ctx: Context) -> Outcome:
    target: Decimal = money.amount
    wanted = money.currency
    numbers = find_numbers(text)
    found = find_money(text, numbers, ctx.currency_symbols)
    same = [m for m in found if m.amount == target]
    right = [m for m in same if m.is_in(wanted)]
    single = [m for m in right if m.number is None or m.number.range_end is None]
    if single:
        return Outcome(highlights=[(single[0].start, single[0].end)])
    fact_says = f"{wanted} {format_number(target)}"
    if right:  # "between 200 and 250 million dollars" is no amount of 250 million dollars
        m = right[0]
        assert m.number is not None
        return Outcome(problems=[("range-end",
                                  f"the excerpt gives a range (\"{snippet(text, *m.number.span)}\"): "
                                  f"{fact_says} is its {m.number.range_end} end, not an amount it states; "
                                  "cite a single amount")])
    if same:
        return Outcome(
            problems=[("money-currency-mismatch",
                       f"the excerpt states {', '.join(_money_said(m) for m in same[:_MAX_LISTED])}, "
                       f"not {fact_says}")],
            highlights=[(m.start, m.end) for m in same[:1]],
        )
    bare = [n for n in numbers if n.value == target and not n.ordinal
            and not any(m.number is n for m in found)]
    if bare:
        return Outcome(problems=[("money-not-supported",
                                  f"the excerpt states {format_number(target)} "
                                  f"(\"{snippet(text, bare[0].start, bare[0].end)}\") but names no currency "
                                  f"for it; the fact says {fact_says}")])
    if found:
        listed = ", ".join(_money_said(m) for m in found[:_MAX_LISTED])
        return Outcome(problems=[("money-not-supported", f"the excerpt states {listed}, not {fact_says}")])
    return Outcome(problems=[("money-not-supported",
                              f"the excerpt states no {KINDS['money'].label}; the fact says {fact_says}")])
