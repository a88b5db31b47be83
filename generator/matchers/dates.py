"""Dates: the partial dates editors write, and date expressions in text.

One grammar reads both sides. Editors write ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``; sources write ``2023-04-26``, ``26 April 2023``, ``April 26,
2023``, ``26th April``, ``April 5`` (no year: it takes the year of the source's
published date, and says so), ``late February 2022``, ``in March``, ``2022``
and weekdays. Clock times (``05:24``, ``10am``) are found too, only so that
the number matcher can leave them out.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date as Day
from datetime import timedelta
from typing import Callable

from generator.lexicon.calendar import (
    AGO_UNITS,
    DATE_PRECEDENCE,
    MAY_CONTEXT,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    NUMERIC_DATE_READINGS,
    RELATIVE_WEEKDAY_WORDS,
    RELATIVE_WORDS,
    TIME_ZONES,
    WEEKDAY_NAMES,
    YEAR_PREFIXES,
)
from generator.lexicon.numbers import SCALE_SUFFIXES, SCALE_WORDS, UNIT_WORDS
from generator.lexicon.text import APOSTROPHES, WORD_SPACES
from generator.lexicon.units import PERCENT_FORMS
from generator.matchers.alternation import longest_first
from generator.matchers.forms import Form
from generator.matchers.memo import kept_per_text, per_text
from generator.normalize import as_grammars_read

__all__ = ["MONTHS", "WEEKDAYS", "WEEKDAY_NAMES", "RELATIVE_WORDS", "DateMention", "PartialDate", "find_dates"]

_WS = WORD_SPACES  # between the words of one expression, as the lexicon has it
_PARTIAL = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")  # ASCII digits only


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
        if self.day is not None:
            out += f"-{self.day:02d}"
        return out

    @property
    def weekday(self) -> int | None:
        """Monday is 0, as in :mod:`datetime`; None unless the day is known."""
        if self.month is None or self.day is None:
            return None
        return calendar.weekday(self.year, self.month, self.day)


def parse_partial_date(value: str) -> PartialDate:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` that exists; ValueError says what is wrong."""
    m = _PARTIAL.match(value)
    if not m:
        raise ValueError(f"'{value}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (in quotes)")
    year = int(m[1])
    month = int(m[2]) if m[2] else None
    day = int(m[3]) if m[3] else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{value}' has no month {month}: months run from 01 to 12")
    if day is not None:
        assert month is not None
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(
                f"'{value}' does not exist: {MONTH_NAMES[month - 1]} {year} has {last} days"
            )
    return PartialDate(year, month or None, day or None)


MONTHS: dict[str, int] = {**{m.lower(): i for i, m in enumerate(MONTH_NAMES, 1)}, **MONTH_ABBREVIATIONS}
WEEKDAYS: dict[str, int] = {d.lower(): i for i, d in enumerate(WEEKDAY_NAMES)}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in text. Fields the text does not give are None.

    ``year_inferred`` is True when the text gives no year and ``year`` is the
    default year passed in (the source's published year).
    """

    start: int
    end: int
    year: int | None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # Monday is 0
    year_inferred: bool = False
    raw: str = ""
    # Read from a word relative to the source's published date ("yesterday", "last month").
    relative: bool = False
    # One of two readings of the same numeric date (04/05/2023: 4 May or 5 April).
    ambiguous: bool = False

    @property
    def weekday_only(self) -> bool:
        return self.weekday is not None and self.month is None and self.year is None

    def describe(self) -> str:
        """``2023-04-26``, ``2022-02``, ``2022`` or ``Wednesday``, as the text gives it."""
        if self.month is None and self.year is None:
            return WEEKDAY_NAMES[self.weekday] if self.weekday is not None else self.raw
        parts = [f"{self.year:04d}" if self.year is not None else "????"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


def _names(words: list[str]) -> str:
    """Title Case and UPPER CASE forms, longest first: lower-case 'may' and 'march' are words."""
    forms = {f for w in words for f in (w.title(), w.upper())}
    return longest_first(forms)  # the longest-first alternation as a prefix tree: the same matches


_MONTH = rf"(?P<month>(?:{_names(list(MONTHS))})(?![\w])\.?)"
_MONTH_FULL = rf"(?P<month>(?:{_names(list(MONTH_NAMES))})(?![\w]))"
_WEEKDAY = rf"(?:{_names(list(WEEKDAYS))})(?![\w])"
_SP = rf"[{_WS}]+"
_DAY = r"(?P<day>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?(?![\w])"
_DAY2 = r"(?P<day2>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?(?![\w])"
_YEAR = r"(?P<year>[12]\d{3})(?![\d\w])(?![.,]\d)"
_RANGE = rf"[{_WS}]*(?:-|\u2013|\u2014)[{_WS}]*"

_ISO = re.compile(r"(?<![\w.\-/])(?P<year>[12]\d{3})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d\w])")
_NUMERIC_DMY = re.compile(
    # "26/04/2023", "26.04.2023", and a heading's "26 / 07 / 2024" (the same spacing both times).
    r"(?<![\w.\-/])(?P<a>\d{1,2})(?P<sep>[/.]| / )(?P<b>\d{1,2})(?P=sep)(?P<year>[12]\d{3})(?![\d\w])(?!\.\d)"
)
_NUMERIC_YMD = re.compile(r"(?<![\w.\-/])(?P<year>[12]\d{3})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?![\d\w/])")
_DAY_MONTH = re.compile(
    rf"(?<![\w.,])(?:(?P<wd>{_WEEKDAY}),?{_SP}(?:the{_SP})?)?{_DAY}"
    rf"(?:(?:{_RANGE}|{_SP}(?:to|and){_SP}){_DAY2})?(?:{_SP}of)?{_SP}{_MONTH}(?:,?{_SP}{_YEAR})?"
)
_MONTH_DAY = re.compile(
    rf"(?<![\w])(?:(?P<wd>{_WEEKDAY}),?{_SP})?{_MONTH}{_SP}(?:the{_SP})?{_DAY}"
    rf"(?:{_RANGE}{_DAY2})?(?:,?{_SP}{_YEAR})?"
)
_MONTH_YEAR = re.compile(rf"(?<![\w]){_MONTH},?{_SP}{_YEAR}")
# "November ‘23", "Nov '23": the year's century left out, an apostrophe in its place.
_MONTH_SHORT_YEAR = re.compile(rf"(?<![\w]){_MONTH}{_SP}[{APOSTROPHES}\u2018](?P<yy>\d{{2}})(?![\d\w])")
_BARE_MONTH = re.compile(rf"(?<![\w]){_MONTH_FULL}")
# Every grammar with a month name matches where this does: texts without one skip those grammars.
_ANY_MONTH_NAME = re.compile(rf"(?:{_names(list(MONTHS))})(?![\w])")
# "May" is also a verb: alone, it is a month only after one of these words.
_MAY_CONTEXT = re.compile(rf"(?:\b(?:{'|'.join(MAY_CONTEXT)})[{_WS}-]+)\Z", re.I)
# What after a four-digit number makes it an amount, not a year: "2022 bln", "2022 per cent".
_AMOUNT_AFTER = "|".join(re.escape(w).replace(r"\ ", r"[ \t]?") for w in sorted(
    {*PERCENT_FORMS, *SCALE_WORDS, *(s for s in SCALE_SUFFIXES if len(s) > 1)}, key=len, reverse=True))
_BARE_YEAR = re.compile(
    r"(?<![\w.,$\u20ac\u00a3\u00a5/])(?P<year>[12]\d{3})(?![\w])(?!/\d{1,2}/)(?![.,]\d)(?!-[^\W\d])"
    rf"(?![{_WS}]*(?:{_AMOUNT_AFTER})(?:(?<=%)|\b))"
)
_YEAR_CONTEXT_ALLOWED = re.compile(rf"(?:{'|'.join(YEAR_PREFIXES)})-\Z", re.I)
_WEEKDAY_ALONE = re.compile(rf"(?<![\w])(?P<wd>{_WEEKDAY})")
_TRAILING_WEEKDAY = re.compile(rf",?{_SP}(?P<wd>{_WEEKDAY})")
# Clock times: 05:24, 10.30pm, 10 a.m., 0800 GMT.
_TIME = re.compile(
    r"(?<![\w.:])(?:[01]?\d|2[0-3])(?::[0-5]\d(?::[0-5]\d)?(?:[ \t]?(?:[ap]\.m\.|[ap]m)(?![\w]))?"
    r"|\.[0-5]\d[ \t]?(?:[ap]\.m\.|[ap]m)(?![\w])|[ \t]?(?:[ap]\.m\.|[ap]m)(?![\w]))"
    rf"|(?<![\w.:])(?:[01]\d|2[0-3])[0-5]\d[ \t]?(?:{'|'.join(TIME_ZONES)})\b",
    re.I,
)


class _Spans:
    """Non-overlapping spans taken so far, kept sorted so that a test for overlap is a bisection."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, a: int, b: int) -> bool:
        k = bisect_left(self.starts, b)  # spans at k and after start at or past b
        return k == 0 or self.ends[k - 1] <= a

    def append(self, span: tuple[int, int]) -> None:
        k = bisect_left(self.starts, span[0])
        self.starts.insert(k, span[0])
        self.ends.insert(k, span[1])


def _days_in(year: int | None, month: int) -> int:
    return calendar.monthrange(year if year is not None else 2000, month)[1]  # 2000: Feb 29 allowed


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if year is not None and not 1000 <= year <= 2999:
        return False
    if month is None:
        return day is None
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= _days_in(year, month)


def _month(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def find_dates(text: str, default_year: int | None = None, *,
               published: PartialDate | None = None, numeric: str | None = None) -> list[DateMention]:
    """Every date expression in ``text``, in order. Expressions never overlap.

    A day-month or month without a year takes a year, with ``year_inferred`` set:
    with ``published`` (the source's date), the year that places it nearest to that
    date ("November 15" in a February text is the previous November); otherwise
    ``default_year`` when given. With ``published``, relative words ("today",
    "yesterday", "last month") are read against it too, with ``relative`` set. ``numeric``: the one
    reading of a numeric date the source uses ("day first" or "month first", its sidecar's
    ``numeric_dates``); otherwise every reading of NUMERIC_DATE_READINGS that exists, each marked
    ``ambiguous`` when there are two.

    The text is read once (per numeric reading) and each published date asked for is applied to
    that reading: the same text is read with its source's date and without, many times a run.
    """
    return _text(as_grammars_read(text)).reading(numeric).read(default_year, published)


def _find_dates_plainly(text: str, default_year: int | None = None, *,
                        published: PartialDate | None = None, numeric: str | None = None) -> list[DateMention]:
    """find_dates read in one go, each time: what the reading must answer (for tests)."""
    text = as_grammars_read(text)
    if published is not None:
        default_year = published.year
    return _scan(text, default_year, with_month_only=False, published=published, numeric=numeric)


find_dates.uncached = _find_dates_plainly  # type: ignore[attr-defined]


def _full_year(yy: int, near: int | None) -> int:
    """The year ``'yy`` names: the one of its century's choices nearest ``near`` (the published year),
    else this century's."""
    if near is None:
        return 2000 + yy
    base = near // 100 * 100 + yy
    return min((base - 100, base, base + 100), key=lambda y: (abs(y - near), -y))


def nearest_year(month: int, day: int | None, published: PartialDate) -> int:
    """The year that puts month/day nearest to ``published`` (ties go to the past: news looks back).

    A published date without a month gives its own year: nothing to measure from."""
    if published.month is None:
        return published.year
    anchor = Day(published.year, published.month, published.day or 15)
    best = published.year
    best_gap: int | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        last = calendar.monthrange(year, month)[1]
        gap = (Day(year, month, min(day or 15, last)) - anchor).days
        key = abs(gap) * 2 + (gap > 0)  # ties: the past reading wins
        if best_gap is None or key < best_gap:
            best, best_gap = year, key
    return best


def _published_days(published: PartialDate) -> tuple[Day, Day]:
    """The first and last day the published date may be (one day, a month's or a year's)."""
    last_month = published.month or 12
    return (Day(published.year, published.month or 1, published.day or 1),
            Day(published.year, last_month, published.day or calendar.monthrange(published.year, last_month)[1]))


def _ago_range(count: str, unit: str, published: PartialDate) -> tuple[Day, Day] | None:
    """The days "``count`` ``unit``s ago" covers ("two days ago", "a fortnight ago"), or None for zero."""
    kind, per = AGO_UNITS[unit.lower()]
    count = count.lower()
    n = int(count) if count.isdigit() else 1 if count in ("a", "an") else UNIT_WORDS.index(count)
    return _relative_span(kind, -n * per, published, *_published_days(published)) if n else None


def _relative_range(word: str, published: PartialDate) -> tuple[Day, Day] | None:
    """The days a relative expression covers, read against the published date's own span."""
    first, last = _published_days(published)
    if word not in RELATIVE_WORDS:  # "last thursday", "next monday"
        if first != last:
            return None  # a month-precise text's "last Thursday" could be any of five
        which, weekday = word.split()
        if RELATIVE_WEEKDAY_WORDS[which] < 0:
            back = (first.weekday() - WEEKDAYS[weekday]) % 7 or 7
            return first - timedelta(days=back), first - timedelta(days=back)
        ahead = (WEEKDAYS[weekday] - first.weekday()) % 7 or 7
        return first + timedelta(days=ahead), first + timedelta(days=ahead)
    kind, offset = RELATIVE_WORDS[word]
    return _relative_span(kind, offset, published, first, last)


def _relative_span(kind: str, offset: int, published: PartialDate, first: Day, last: Day) -> tuple[Day, Day] | None:
    """The days ``offset`` units of ``kind`` from the published date's own span (``first``..``last``)."""
    if kind == "day":
        return first + timedelta(days=offset), last + timedelta(days=offset)
    if kind == "week":
        if first != last:
            return None  # "last week" of a month-precise text could be any of five weeks
        monday = first - timedelta(days=first.weekday()) + timedelta(weeks=offset)
        return monday, monday + timedelta(days=6)
    if kind == "month":
        if published.month is None:
            return None
        y, m = divmod(published.year * 12 + published.month - 1 + offset, 12)
        return Day(y, m + 1, 1), Day(y, m + 1, calendar.monthrange(y, m + 1)[1])
    return Day(published.year + offset, 1, 1), Day(published.year + offset, 12, 31)  # year


def _coarsest_common(a: Day, b: Day) -> tuple[int | None, int | None, int | None]:
    """The finest (year, month, day) that every day from ``a`` to ``b`` shares."""
    if a == b:
        return a.year, a.month, a.day
    if (a.year, a.month) == (b.year, b.month):
        return a.year, a.month, None
    if a.year == b.year:
        return a.year, None, None
    return None, None, None


# A date read from the text (``a``, ``b``, year, month, day, weekday, ambiguous, ``yy``): ``yy`` is a
# year's last two digits whose century the published year decides; a year-less month takes its year too.
_Add = Callable[[int, int, "int | None", "int | None", "int | None", "int | None", bool, "int | None"], None]


def _order(d: DateMention) -> tuple[int, int, int, int]:
    return d.start, d.end, d.month or 0, d.day or 0


def _scan(text: str, default_year: int | None, with_month_only: bool,
          published: PartialDate | None = None, numeric: str | None = None) -> list[DateMention]:
    """find_dates read in one go (the plain way, kept to compare the reading with); with
    ``with_month_only``, only the dates that have a month.

    Every grammar that yields a month runs before the bare years and weekdays, so
    stopping before those gives exactly find_dates' dates with a month.
    """
    out: list[DateMention] = []

    def add(a: int, b: int, year: int | None, month: int | None, day: int | None,
            weekday: int | None = None, ambiguous: bool = False, yy: int | None = None) -> None:
        inferred = False
        if yy is not None:
            year = _full_year(yy, default_year)
        elif year is None and month is not None and published is not None:
            year, inferred = nearest_year(month, day, published), True
        elif year is None and month is not None and default_year is not None:
            year, inferred = default_year, True
        out.append(DateMention(a, b, year, month, day, weekday, inferred, text[a:b], ambiguous=ambiguous))

    def relative(taken: _Spans) -> None:
        if published is not None:
            out.extend(_relatives(_relative_words(text), published, taken))

    names = [n for n in DATE_PRECEDENCE if not with_month_only or n in GIVES_MONTH]
    _run(text, names, _Spans(), add, out.append, relative, numeric,
         _ANY_MONTH_NAME.search(text) is not None, _ANY_DIGIT.search(text) is not None)
    out.sort(key=_order)
    return out


def _run(text: str, names: list[str] | tuple[str, ...], taken: _Spans, add: _Add,
         put: Callable[[DateMention], None], relative: Callable[[_Spans], None], numeric: str | None,
         named: bool, digits: bool) -> None:
    """Run the grammars ``names`` in that order over ``text``, each taking only what is still free in
    ``taken``: a date that may need the published date goes to ``add``, one that is whole to ``put``;
    the relative words (read by the published date) are ``relative``'s to read.
    ``named``/``digits``: whether the text has a month name / a digit (texts without skip those grammars)."""
    free = taken.free

    def trailing_weekday(end: int) -> tuple[int, int | None]:
        m = _TRAILING_WEEKDAY.match(text, end)
        return (m.end(), WEEKDAYS[m["wd"].lower()]) if m else (end, None)

    def iso() -> None:
        for m in _ISO.finditer(text):
            y, mo, d = int(m["year"]), int(m["month"]), int(m["day"])
            if free(*m.span()) and _valid(y, mo, d):
                end, wd = trailing_weekday(m.end())
                taken.append((m.start(), end))
                add(m.start(), end, y, mo, d, wd, False, None)

    def numeric_ymd() -> None:
        for m in _NUMERIC_YMD.finditer(text):
            y, mo, d = int(m["year"]), int(m["month"]), int(m["day"])
            if free(*m.span()) and _valid(y, mo, d):
                taken.append(m.span())
                add(m.start(), m.end(), y, mo, d, None, False, None)

    def numeric_dmy() -> None:
        for m in _NUMERIC_DMY.finditer(text):
            a, b, y = int(m["a"]), int(m["b"]), int(m["year"])
            if not free(*m.span()):
                continue
            # 26/04/2023 or 04/26/2023: each reading the lexicon keeps that exists (both, when both do).
            orders = (numeric,) if numeric is not None else NUMERIC_DATE_READINGS
            readings = dict.fromkeys((mo, d) for mo, d in (_NUMERIC_ORDERS[r](a, b) for r in orders)
                                     if _valid(y, mo, d))
            if readings:
                taken.append(m.span())
            for mo, d in readings:
                add(m.start(), m.end(), y, mo, d, None, len(readings) > 1, None)

    def named_days(pattern: re.Pattern[str]) -> None:
        for m in pattern.finditer(text) if named else ():
            if not free(*m.span()):
                continue
            named_year = int(m["year"]) if m["year"] else None
            mo = _month(m["month"])
            days = [int(m["day"])] + ([int(m["day2"])] if m["day2"] else [])
            if not all(_valid(named_year, mo, d) for d in days):
                continue
            wd = WEEKDAYS[m["wd"].lower()] if m["wd"] else None
            end = m.end()
            if wd is None:
                end, wd = trailing_weekday(end)
            taken.append((m.start(), end))
            for d in days:
                add(m.start(), end, named_year, mo, d, wd if len(days) == 1 else None, False, None)

    def month_year() -> None:
        for m in _MONTH_YEAR.finditer(text) if named else ():
            if free(*m.span()) and _valid(int(m["year"]), _month(m["month"]), None):
                taken.append(m.span())
                add(m.start(), m.end(), int(m["year"]), _month(m["month"]), None, None, False, None)
        for m in _MONTH_SHORT_YEAR.finditer(text) if named else ():
            if free(*m.span()):
                taken.append(m.span())
                add(m.start(), m.end(), None, _month(m["month"]), None, None, False, int(m["yy"]))

    def bare_month() -> None:
        for m in _BARE_MONTH.finditer(text) if named else ():
            if not free(*m.span()):
                continue
            if m["month"].lower() == "may" and not _MAY_CONTEXT.search(text, max(0, m.start() - 24), m.start()):
                continue
            taken.append(m.span())
            add(m.start(), m.end(), None, _month(m["month"]), None, None, False, None)

    def bare_year() -> None:
        for m in _BARE_YEAR.finditer(text):
            before = text[max(0, m.start() - 5):m.start()]
            # "F-2000" is a name; "mid-2022" and "2021-2022" are years.
            if re.search(r"[^\W\d]-\Z", before) and not _YEAR_CONTEXT_ALLOWED.search(before):
                continue
            if free(*m.span()):
                taken.append(m.span())
                add(m.start(), m.end(), int(m["year"]), None, None, None, False, None)

    def weekday() -> None:
        for m in _WEEKDAY_ALONE.finditer(text):
            if free(*m.span()):
                taken.append(m.span())
                put(DateMention(m.start(), m.end(), None, None, None, WEEKDAYS[m["wd"].lower()], False, m.group()))

    grammars: dict[str, Callable[[], None]] = {
        "iso": iso, "numeric ymd": numeric_ymd, "numeric dmy": numeric_dmy,
        "day month": lambda: named_days(_DAY_MONTH), "month day": lambda: named_days(_MONTH_DAY),
        "month year": month_year, "month": bare_month, "relative": lambda: relative(taken), "year": bare_year, "weekday": weekday,
    }
    # The lexicon's order decides which grammar takes contested words; each takes only what is still free.
    for name in names:
        if not digits and name in NEEDS_DIGIT:
            continue
        grammars[name]()


# A relative expression as written: start, end, the words, and ("ago", count, unit) or ("word", words).
_RelativeWords = tuple[int, int, str, tuple[str, str, str]]


def _relative_words(text: str) -> list[_RelativeWords]:
    """The relative expressions in ``text``, whatever the published date: a count back first ("two
    days ago"), then the words ("yesterday", "last Thursday")."""
    found: list[_RelativeWords] = [(m.start(), m.end(), m.group(), ("ago", m["n"], m["unit"]))
                                   for m in _AGO.finditer(text)]
    found += [(m.start(), m.end(), m.group(), ("word", " ".join(m.group().lower().split()), ""))
              for m in _RELATIVE.finditer(text)]
    return found


def _relatives(words: list[_RelativeWords], published: PartialDate, taken: _Spans) -> list[DateMention]:
    """The relative expressions read against ``published`` that take text still free in ``taken``."""
    out: list[DateMention] = []
    for a, b, raw, (kind, first, second) in words:
        span = _ago_range(first, second, published) if kind == "ago" else _relative_range(first, published)
        if span is None or not taken.free(a, b):
            continue
        common_year, common_month, common_day = _coarsest_common(*span)
        if common_year is not None:
            taken.append((a, b))
            out.append(DateMention(a, b, common_year, common_month, common_day, None, True, raw, relative=True))
    return out


# A date of a reading: the mention, and what it still needs from the published date: None (nothing),
# _INFER (a year-less month's year) or the two digits of a year whose century it decides.
_INFER = -1
_Entry = tuple[DateMention, "int | None"]


def _resolved(d: DateMention, need: int, default_year: int | None, published: PartialDate | None) -> DateMention:
    """``d`` with what it needs from the published date (``default_year``: its year, or the caller's)."""
    if need != _INFER:
        if default_year is None:
            return d  # read with no year to go by: as it is
        year, inferred = _full_year(need, default_year), False
    elif published is not None:
        year, inferred = nearest_year(d.month, d.day, published), True  # type: ignore[arg-type]
    elif default_year is not None:
        year, inferred = default_year, True
    else:
        return d
    return DateMention(d.start, d.end, year, d.month, d.day, d.weekday, inferred, d.raw, ambiguous=d.ambiguous)


class _Reading:
    """A text's dates read once for one numeric reading, whatever the published date: the dates
    (sorted, as no published date reads them) and which of them need the published date.

    Only the relative words take text by the published date ("last Thursday" of a month-precise text
    takes none, and "Thursday" is a weekday then): when one does, the grammars after them read again."""

    __slots__ = ("text", "numeric", "named", "digits", "before", "taken", "dates", "needs", "words")

    def __init__(self, text: str, numeric: str | None, named: bool, digits: bool) -> None:
        self.text, self.numeric, self.named, self.digits = text, numeric, named, digits
        self.before: list[_Entry] = []  # the dates of the grammars before the relative words
        self.taken: tuple[list[int], list[int]] = ([], [])  # and the text they took
        self.words: list[_RelativeWords] | None = [] if "relative" not in DATE_PRECEDENCE else None

        entries: list[_Entry] = []

        def relative(taken: _Spans) -> None:  # where the relative words read: what is taken so far
            self.before = entries[:]
            self.taken = (taken.starts[:], taken.ends[:])

        self._entries(DATE_PRECEDENCE, _Spans(), entries, relative)
        if "relative" not in DATE_PRECEDENCE:
            self.before = entries[:]
        if len(entries) > 1:
            entries.sort(key=lambda e: _order(e[0]))
        self.dates = tuple(d for d, _ in entries)
        self.needs = tuple((i, need) for i, (_, need) in enumerate(entries) if need is not None)

    def _entries(self, names: tuple[str, ...], taken: _Spans, out: list[_Entry],
                 relative: Callable[[_Spans], None] = lambda taken: None) -> list[_Entry]:
        """``out`` with the dates the grammars ``names`` read from what ``taken`` leaves."""
        text = self.text

        def add(a: int, b: int, year: int | None, month: int | None, day: int | None,
                weekday: int | None = None, ambiguous: bool = False, yy: int | None = None) -> None:
            need = yy if yy is not None else _INFER if year is None and month is not None else None
            if yy is not None:
                year = _full_year(yy, None)  # as read with no published year; resolved when there is one
            out.append((DateMention(a, b, year, month, day, weekday, False, text[a:b], ambiguous=ambiguous), need))

        _run(text, names, taken, add, lambda d: out.append((d, None)), relative, self.numeric, self.named,
             self.digits)
        return out

    def read(self, default_year: int | None, published: PartialDate | None) -> list[DateMention]:
        """find_dates' answer: a new list each time."""
        if published is not None:
            default_year = published.year
            if self.words is None:
                self.words = _relative_words(self.text)
            if self.words:
                taken = _Spans()
                taken.starts, taken.ends = self.taken[0][:], self.taken[1][:]
                found = _relatives(self.words, published, taken)
                if found:
                    return self._again(found, taken, default_year, published)
        if not self.needs:
            return list(self.dates)
        out = list(self.dates)
        for i, need in self.needs:
            out[i] = _resolved(out[i], need, default_year, published)
        return out

    def _again(self, found: list[DateMention], taken: _Spans, default_year: int | None,
               published: PartialDate) -> list[DateMention]:
        """The dates when relative words took text: the grammars after them read what is left."""
        after = DATE_PRECEDENCE[DATE_PRECEDENCE.index("relative") + 1:]
        entries = self._entries(after, taken, self.before + [(d, None) for d in found])
        out = [d if need is None else _resolved(d, need, default_year, published) for d, need in entries]
        out.sort(key=_order)
        return out


class _Text:
    """What a text's date readings share: whether it has a month name, a digit, a numeric date (only
    then does the numeric reading asked for matter), and its readings so far."""

    __slots__ = ("text", "named", "digits", "numeric_matters", "readings")

    def __init__(self, text: str) -> None:
        self.text = text
        self.named = _ANY_MONTH_NAME.search(text) is not None
        self.digits = _ANY_DIGIT.search(text) is not None
        self.numeric_matters = self.digits and _NUMERIC_DMY.search(text) is not None
        self.readings: dict[str | None, _Reading] = {}

    def reading(self, numeric: str | None) -> _Reading:
        key = numeric if self.numeric_matters else None
        try:
            return self.readings[key]
        except KeyError:
            found = self.readings[key] = _Reading(self.text, key, self.named, self.digits)
            return found


@kept_per_text  # one text is read with its source's date (an excerpt), without (the claim), for numbers
def _text(text: str) -> _Text:
    return _Text(text)


# The grammars whose every date has a month: all of them come before the others in DATE_PRECEDENCE
# (a test holds it), so that the dates with a month are the same whether the others run or not.
GIVES_MONTH = frozenset({"iso", "numeric ymd", "numeric dmy", "day month", "month day", "month year", "month"})
# The grammars whose every pattern needs a digit (a day, a year, a numeric date): a text with none skips them.
NEEDS_DIGIT = frozenset({"iso", "numeric ymd", "numeric dmy", "day month", "month day", "month year", "year"})
_ANY_DIGIT = re.compile(r"\d")  # any decimal digit, as the patterns' \d reads them
# A numeric date's first two numbers (a, b) as (month, day), per reading.
_NUMERIC_ORDERS: dict[str, Callable[[int, int], tuple[int, int]]] = {
    "day first": lambda a, b: (b, a), "month first": lambda a, b: (a, b)}


_RELATIVE = re.compile(
    r"(?<![\w])(?:" + "|".join(w.replace(" ", rf"[{_WS}]+") for w in sorted(RELATIVE_WORDS, key=len, reverse=True))
    + rf"|(?:{'|'.join(RELATIVE_WEEKDAY_WORDS)})[{_WS}]+(?:{'|'.join(d.lower() for d in WEEKDAY_NAMES)})"
    + r")(?![\w])", re.I)


_AGO = re.compile(
    rf"(?<![\w])(?P<n>\d{{1,3}}|an?|{'|'.join(UNIT_WORDS[1:])})[{_WS}]+(?P<unit>{'|'.join(AGO_UNITS)})s?[{_WS}]+ago(?![\w])",
    re.I)


def time_spans(text: str) -> list[tuple[int, int]]:
    """Clock times in ``text`` (``05:24``, ``10am``, ``0800 GMT``)."""
    if _ANY_DIGIT.search(text) is None:
        return []  # every clock time has a digit
    return [m.span() for m in _TIME.finditer(text)]


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A time of day as written, and the minutes after midnight it may be (two for "5:15" with no
    a.m. or p.m.; one for "5.15 p.m.", "17:15" or "0800 GMT")."""

    start: int
    end: int
    minutes: frozenset[int]

    def describe(self) -> str:
        return " or ".join(f"{m // 60:02d}:{m % 60:02d}" for m in sorted(self.minutes))


_CLOCK_PARTS = re.compile(r"(?P<h>\d{1,2})(?:[:.]?(?P<m>\d{2}))?(?:[:]\d{2})?[ \t]?(?P<ap>[ap])?", re.I)


@per_text
def find_times(text: str) -> list[ClockTime]:
    """Every clock time in ``text`` with what it may mean."""
    text = as_grammars_read(text)
    out: list[ClockTime] = []
    if _ANY_DIGIT.search(text) is None:
        return out  # every clock time has a digit
    for m in _TIME.finditer(text):
        parts = _CLOCK_PARTS.match(m.group())
        if parts is None:
            continue
        hour, minute = int(parts["h"]), int(parts["m"] or 0)
        ap = (parts["ap"] or "").lower()
        if ap:
            hours = {hour % 12 + (12 if ap == "p" else 0)}
        elif hour < 12 and ":" in m.group() and not re.search(r"\d{4}", m.group()):
            hours = {hour, hour + 12}  # "5:15" alone: morning or afternoon
        else:
            hours = {hour}
        out.append(ClockTime(m.start(), m.end(), frozenset(h * 60 + minute for h in hours)))
    return out


@per_text
def calendar_spans(text: str) -> list[tuple[int, int]]:
    """Spans whose digits belong to a calendar date with a month, or to a clock time.

    The number matcher leaves these out: ``April 5`` states no figure 5. Bare
    years stay numbers too (``2022`` can be either).
    """
    # the dates with a month of the text's reading: their grammars come first (GIVES_MONTH), so they
    # are what reading only those grammars gives (_scan with_month_only, which a test compares)
    text = as_grammars_read(text)
    spans = [(d.start, d.end) for d in _text(text).reading(None).dates if d.month is not None]
    spans += time_spans(text)
    return sorted(set(spans))


# Each form the date grammar reads, named as DATE_PRECEDENCE names it and listed in that order, with
# examples read against a source published on FORMS_PUBLISHED (tests and README's table are generated
# from them). A reading is what the text says (``2023-04-26``, ``2022-02``, ``Wednesday``); two
# readings of the same words are joined by " / "; "none" reads no date.
FORMS_PUBLISHED = PartialDate(2023, 2, 10)
DATE_FORMS: tuple[Form, ...] = (
    Form("iso", "year, month and day with hyphens", (("2023-04-26", "2023-04-26"),
                                                      ("2023-04-26 Wednesday", "2023-04-26"))),
    Form("numeric ymd", "year, month and day with slashes", (("2023/04/26", "2023-04-26"),)),
    Form("numeric dmy", "day and month in either order, then the year: where both readings exist, both are kept "
         "(with `date-numeric-ambiguous`) unless the source's `numeric_dates` says which",
         (("26/04/2023", "2023-04-26"), ("04/26/2023", "2023-04-26"), ("26.04.2023", "2023-04-26"),
          ("26 / 07 / 2024", "2024-07-26"),
          ("04/05/2023", "2023-04-05 / 2023-05-04")),
         (("13/13/2023", "none"),)),
    Form("day month", "a day, then the month's name or abbreviation, the year if given (else the year that "
         "places it nearest the published date)",
         (("26 April 2023", "2023-04-26"), ("21st June", "2023-06-21"), ("Tuesday 4th of July 2023", "2023-07-04"),
          ("5-6 May 2023", "2023-05-05 / 2023-05-06")),
         (("31 February 2023", "2023-02"),)),
    Form("month day", "the month's name or abbreviation, then the day and the year if given",
         (("April 26, 2023", "2023-04-26"), ("Jan. 9", "2023-01-09"), ("Sept. 14, 2022", "2022-09-14"),
          ("(May 3rd, 2021)", "2021-05-03"), ("November 15", "2022-11-15"))),
    Form("month year", "a month and a year; a year of two digits after an apostrophe is the nearest to the "
         "published year's", (("February 2022", "2022-02"), ("Dec 2021", "2021-12"), ("November \u201823", "2023-11"),
                              ("Nov '23", "2023-11"))),
    Form("month", "a month's full name alone; `May` only after `in`, `since`, `late`, ...",
         (("in March", "2023-03"), ("since late May", "2023-05")),
         (("you may go", "none"),)),
    Form("relative", "a word relative to the published date, at the precision it allows",
         (("yesterday", "2023-02-09"), ("the day before yesterday", "2023-02-08"), ("last month", "2023-01"),
          ("next year", "2024"), ("last Thursday", "2023-02-09"), ("last Friday", "2023-02-03"),
          ("next Monday", "2023-02-13"), ("two days ago", "2023-02-08"), ("10 days ago", "2023-01-31"),
          ("three weeks ago", "2023-01"), ("six months ago", "2022-08"), ("a year ago", "2022"))),
    Form("year", "a four-digit year", (("in 2022", "2022"), ("mid-2022", "2022")),
         (("2022 bln", "none"), ("F-2000", "none"), ("2022 per cent", "none"))),
    Form("weekday", "a weekday alone: weak evidence, checked against the published date",
         (("on Wednesday", "Wednesday"),)),
)
