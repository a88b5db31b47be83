"""Dates: the fact's date must be stated in the cited text.

A date in the text supports the fact when it says the fact's date at the
fact's precision or finer: ``2022`` is supported by any date in 2022,
``2022-02`` by ``February 2022`` or a day in that month, ``2023-04-26`` only
by that day. A day without a year takes the one year that places it nearest
to the source's published date (one reading, so a changed year is always
caught); the finding says so. Relative words ("yesterday", "last month") are
read against the published date at the precision it allows, and said so too. A weekday alone is weak evidence (a warning)
when it is the fact's weekday within a week of the published date, and
contradicts the fact when it is another weekday or further away: news text
says "on Wednesday" only of the week around its own date.
"""

from __future__ import annotations

import calendar
from datetime import date as Day
from datetime import timedelta

from generator.matchers.dates import WEEKDAY_NAMES, DateMention, PartialDate, find_dates, parse_partial_date
from generator.kinds import KINDS
from generator.validation.checks.base import Context, Outcome

_MAX_LISTED = 4
_WEEKDAY_REACH = timedelta(days=7)  # how far from the published date a bare weekday can point


def agrees(stated: DateMention | PartialDate, wanted: DateMention | PartialDate, *, every: bool = True) -> bool:
    """Do two dates agree? The one date-agreement test, for sources and claims alike.

    ``every=True`` (entailment): ``stated`` says every field ``wanted`` gives (year, month, day),
    at ``wanted``'s precision or finer. ``every=False`` (compatibility): no field that both give
    differs, which is what a contradiction needs.

    A weekday counts only where ``wanted`` writes one (a :class:`DateMention`; a
    :class:`PartialDate`'s weekday is derived from its day, never written): a weekday alone
    ("on Wednesday") agrees with ``stated``'s written weekday or with the weekday of its full
    date; beside a date ("Wednesday 26 April") it must not differ from a weekday ``stated``
    gives, and only entailment compares it.
    """
    written = wanted.weekday if isinstance(wanted, DateMention) else None
    if wanted.year is None and wanted.month is None:  # a weekday alone
        if written is None:
            return not every
        known = {stated.weekday}
        if stated.year is not None and stated.month is not None and stated.day is not None:
            known.add(calendar.weekday(stated.year, stated.month, stated.day))
        known.discard(None)
        return written in known if every else (not known or written in known)
    for field in ("year", "month", "day"):
        want, have = getattr(wanted, field), getattr(stated, field)
        if want is not None and want != have and (every or have is not None):
            return False
    return not (every and written is not None and stated.weekday is not None and stated.weekday != written)


def supports(mention: DateMention, target: PartialDate) -> bool:
    """Does the mention state ``target`` at ``target``'s precision?"""
    return agrees(mention, target)


def _said(m: DateMention, published: PartialDate | None) -> str:
    raw = " ".join(m.raw.split())
    if m.weekday_only:
        return f"\"{raw}\""
    if m.year is None:
        return f"\"{raw}\" (no year, and the source has no published date)"
    if m.relative:
        return f"{m.describe()} (\"{raw}\", read from the published date {published})"
    if m.year_inferred:
        return f"{m.describe()} (\"{raw}\", year taken from the published date {published})"
    return f"{m.describe()} (\"{raw}\")"


def _beyond_weekday_reach(target: PartialDate, published: PartialDate | None) -> str:
    """How far ``target`` (a full date) lies outside the week around ``published``, or "" if inside.

    A published date of year or month precision covers its whole year or month."""
    if published is None:
        return ""
    assert target.month is not None and target.day is not None
    first = Day(published.year, published.month or 1, published.day or 1)
    last_month = published.month or 12
    last = Day(published.year, last_month,
               published.day or calendar.monthrange(published.year, last_month)[1])
    day = Day(target.year, target.month, target.day)
    if day < first - _WEEKDAY_REACH:
        return f"{(first - day).days} days before it"
    if day > last + _WEEKDAY_REACH:
        return f"{(day - last).days} days after it"
    return ""


def check_date(date: str, text: str, ctx: Context) -> Outcome:
    target = parse_partial_date(date)
    mentions = find_dates(text, published=ctx.published, numeric=ctx.numeric_dates)
    good = [m for m in mentions if supports(m, target)]
    if good:
        # A stated year beats an inferred one, and an inferred year beats a relative word.
        best = min(good, key=lambda m: (m.year_inferred, m.relative))
        out = Outcome(highlights=[(best.start, best.end)])
        raw = " ".join(best.raw.split())
        if best.relative:
            out.inferred_year = True
            out.problems.append(("date-relative",
                                 f"\"{raw}\" is relative: read as {best.describe()} from the source's "
                                 f"published date ({ctx.published})"))
        elif best.year_inferred:
            out.inferred_year = True
            out.problems.append(("date-year-inferred",
                                 f"\"{raw}\" gives no year: read as {best.describe()}, the year that places it "
                                 f"nearest to the source's published date ({ctx.published})"))
        elif other := next((m for m in mentions if best.ambiguous and m.ambiguous and not supports(m, target)
                            and (m.start, m.end) == (best.start, best.end)), None):
            out.problems.append(("date-numeric-ambiguous",
                                 f"\"{raw}\" reads as {best.describe()} or as {other.describe()}: say how the source "
                                 "writes dates with `numeric_dates: day first` or `numeric_dates: month first` in "
                                 "its sidecar"))
        return out
    weekday = target.weekday
    if weekday is not None:
        weekdays = [m for m in mentions if m.weekday_only]
        same_day = [m for m in weekdays if m.weekday == weekday]
        if same_day:
            m = same_day[0]
            far = _beyond_weekday_reach(target, ctx.published)
            if far:
                return Outcome(problems=[("date-not-supported",
                                          f"the excerpt only says \"{m.raw}\", which names a day within a week "
                                          f"of the source's published date ({ctx.published}); {target} is {far}")])
            return Outcome(
                problems=[("date-weekday-only",
                           f"the excerpt only says \"{m.raw}\"; {target} was a {WEEKDAY_NAMES[weekday]}, "
                           "but a weekday alone does not state the date: cite words that give it")],
                highlights=[(m.start, m.end)],
            )
        if weekdays:
            m = weekdays[0]
            return Outcome(problems=[("date-not-supported",
                                      f"the excerpt says \"{m.raw}\", but {target} was a "
                                      f"{WEEKDAY_NAMES[weekday]}")])
    dated = [m for m in mentions if not m.weekday_only]
    if not dated:
        return Outcome(problems=[("date-not-supported", f"the excerpt states no {KINDS['date'].label}; the fact says {target}")])
    # Less precise: the same year (and month), but no month (or no day) where the fact has one.
    coarser = [m for m in dated if m.year == target.year
               and (m.month is None or (m.month == target.month and m.day is None))]
    listed = ", ".join(_said(m, ctx.published) for m in dated[:_MAX_LISTED])
    more = len(dated) - _MAX_LISTED
    if more > 0:
        listed += f" and {more} more"
    hint = ""
    if coarser:
        missing = "day" if coarser[0].month is not None else "month"
        hint = f": {coarser[0].describe()} is less precise than the fact's date; cite words that give the {missing}"
    return Outcome(problems=[("date-not-supported", f"the excerpt states {listed}, not {target}{hint}")])
