"""Calendar words: months, weekdays, words relative to a date, units of time, time zones, and which
date grammar wins where two could read the same words.

Written out in English here rather than taken from :mod:`calendar`, whose names follow the process's
locale: a source text says "April" whatever the machine's language. The date grammar
(``generator.matchers.dates``), the duration grammar, the quotation reader and the renderer read them.
"""

from __future__ import annotations

MONTH_NAMES: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December")  # month 1 first
# Abbreviations as news and wires write them, a full stop after them or not ("Jan. 9", "Sept 14").
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12}
WEEKDAY_NAMES: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                  "Sunday")  # Monday is 0, as in datetime
# "May" is also a verb: alone, it names the month only after one of these words ("in May", "late May").
MAY_CONTEXT: tuple[str, ...] = (
    "in", "of", "since", "until", "till", "by", "early", "mid", "late", "last", "next", "this", "from", "through",
    "during", "before", "after", "end", "beginning", "start")
# Glued before a year with a hyphen, these keep it a year ("mid-2022"); other words make a name ("F-2000").
YEAR_PREFIXES: tuple[str, ...] = ("mid", "pre", "post", "early", "late")
# After a four-digit clock time ("0800 GMT").
TIME_ZONES: tuple[str, ...] = ("GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "PST", "PDT")

# Relative words, read against the source's published date: (unit, offset in that unit).
RELATIVE_WORDS: dict[str, tuple[str, int]] = {
    "today": ("day", 0), "tonight": ("day", 0), "this morning": ("day", 0),
    "this afternoon": ("day", 0), "this evening": ("day", 0),
    "yesterday": ("day", -1), "last night": ("day", -1), "tomorrow": ("day", 1),
    "the day before yesterday": ("day", -2), "the day after tomorrow": ("day", 2),
    "this week": ("week", 0), "last week": ("week", -1), "next week": ("week", 1),
    "this month": ("month", 0), "last month": ("month", -1), "next month": ("month", 1),
    "this year": ("year", 0), "last year": ("year", -1), "next year": ("year", 1),
}

# "two days ago", "three weeks ago", "a fortnight ago", "six months ago": a count of these units back
# from the published date, read at the precision of the unit (as "last week" and "last month" are).
AGO_UNITS: dict[str, tuple[str, int]] = {"day": ("day", 1), "week": ("week", 1), "fortnight": ("week", 2),
                                         "month": ("month", 1), "year": ("year", 1)}

# Before a weekday, read against a published day: "last Thursday" is the latest Thursday before it (one
# to seven days back), "next Thursday" the first after it. "this Thursday" may point either way: not read.
RELATIVE_WEEKDAY_WORDS: dict[str, int] = {"last": -1, "next": 1}

# Units of time in two exact scales that never mix: seconds for seconds to fortnights, months for
# months to centuries (a month has no fixed number of days).
SECONDS_PER_UNIT: dict[str, int] = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800,
                                    "fortnight": 1209600}
MONTHS_PER_UNIT: dict[str, int] = {"month": 1, "year": 12, "decade": 120, "century": 1200}
TIME_UNIT_PLURALS: dict[str, str] = {"century": "centuries"}  # the others add -s
DAYS_PER_MONTH = 365.25 / 12  # an average month (a Julian year's twelfth), for one axis of durations in days

# The order in which the date grammars take text, most specific first: a later one reads only what no
# earlier one took ("26 April 2023" is one date, not a day-month and a bare year). Every grammar that
# gives a month comes before those that do not (the number grammar asks for dates with a month only).
DATE_PRECEDENCE: tuple[str, ...] = (
    "iso",            # 2023-04-26
    "numeric ymd",    # 2023/04/26
    "numeric dmy",    # 26/04/2023, 04/26/2023, 26.04.2023
    "day month",      # 26 April 2023, Tuesday 21st June, 5-6 May
    "month day",      # April 26, 2023; Tuesday, Oct. 3; Jan. 9
    "month year",     # February 2022
    "month",          # in March
    "relative",       # yesterday, last month (with a published date)
    "year",           # 2022
    "weekday",        # on Wednesday
)
# A numeric date whose two first numbers could each be the day (04/05/2023): the readings kept, in
# this order. Both are kept, so either date is supported; a text where only one exists (26/04/2023,
# 04/26/2023) has that one.
NUMERIC_DATE_READINGS: tuple[str, ...] = ("day first", "month first")

# The prepositions that bind a number to the year written after it ("£320 millions in 1952",
# "0.05% in 2024", "for 2023"): in "0.26% in 2012 to 0.05% in 2024" 0.05% is 2024's, not 2012's.
YEAR_PREPOSITIONS: tuple[str, ...] = ("in", "for", "during", "by")
# What binds a number to a date with a month after it: "1.7 percent in August", "for the 12 months ending
# August".
DATE_PREPOSITIONS: tuple[str, ...] = YEAR_PREPOSITIONS + ("ending", "ended", "to")
# How often, as a period in days: "monthly", "on a quarterly basis", "£100 a month", "each year".
FREQUENCY_WORDS: dict[str, int] = {
    "daily": 1, "nightly": 1, "weekly": 7, "fortnightly": 14, "biweekly": 14, "monthly": 30, "bimonthly": 61,
    "quarterly": 91, "biannually": 182, "biannual": 182, "half-yearly": 182, "semiannual": 182,
    "semi-annual": 182, "semiannually": 182, "annually": 365, "annual": 365, "yearly": 365,
}
FREQUENCY_UNITS: dict[str, int] = {"day": 1, "night": 1, "week": 7, "fortnight": 14, "month": 30, "quarter": 91,
                                   "year": 365, "annum": 365}
FREQUENCY_DETERMINERS: tuple[str, ...] = ("a", "an", "per", "each", "every")
