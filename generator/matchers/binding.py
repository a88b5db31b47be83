"""Which place or year a number is bound to: in "412 in the north, 96 in the south" the 96 is the south's.

A number is bound to a place written after it in the same clause: at most a few words (what it
counts, a verb) and then ``in``/``across`` and a place, either a part named by direction (``the
north``, ``the south-east``) or a capitalised name (``Kharkiv``, ``the Donbas``). Punctuation ends the
clause: ``412 in the north, 96 in the south`` binds 412 to the north only. A number with no such
place is bound to none, and nothing is concluded from it; nor is one with the place before it, unless
the place opens its sentence, set off by a comma, and the number follows at once ("In the south,
412"). A year binds the same way, after ``in``, ``for``, ``during`` or ``by``; so does any date with a month (``1.7 percent in August``, ``rose 1.9
percent for the 12 months ending August``), and one written just before the number as its modifier
(``the July figure of 1.4 percent``, ``in September (4.0%``, ``in September 2024, at 4.1%``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Sequence

from generator.lexicon.calendar import DATE_PREPOSITIONS, YEAR_PREPOSITIONS
from generator.lexicon.places import COMPASS_PARTS, PLACE_PREPOSITIONS
from generator.lexicon.text import WORD_SPACES
from generator.matchers.dates import DateMention

_WS = WORD_SPACES
_COMPASS = "|".join(sorted(COMPASS_PARTS, key=len, reverse=True))
_DIRECTION = rf"(?:north|south)[{_WS}-]?(?:east|west)|{_COMPASS}"
_NAME = rf"(?-i:[A-Z][\w'\u2019-]*(?:[{_WS}](?:[A-Z][\w'\u2019-]*))?)"
# After the number: up to four words in the same clause, then the preposition and the place.
_BOUND = re.compile(
    rf"(?:[{_WS}]+[^\W\d_][\w'\u2019-]*){{0,4}}?[{_WS}]+(?:{'|'.join(PLACE_PREPOSITIONS)})[{_WS}]+"
    rf"(?:(?P<the>the)[{_WS}]+)?(?:(?P<dir>{_DIRECTION})(?![\w-])|(?P<name>{_NAME})(?![\w-]))",
    re.I,
)
# A place the text names with a preposition, anywhere ("attacks rose in the north").
_PLACE = re.compile(
    rf"(?<![\w])(?:{'|'.join(PLACE_PREPOSITIONS)})[{_WS}]+(?:the[{_WS}]+)?"
    rf"(?:(?P<dir>{_DIRECTION})(?![\w-])|(?P<name>{_NAME})(?![\w-]))",
    re.I,
)


# After the number: up to four words in the same clause, then the preposition and a year.
_BOUND_YEAR = re.compile(
    rf"%?(?:[{_WS}]+[^\W\d_][\w'\u2019-]*){{0,4}}?[{_WS}]+(?:{'|'.join(YEAR_PREPOSITIONS)})[{_WS}]+"
    r"(?P<year>1[5-9]\d\d|20\d\d)(?![\w,.]\d)(?![\w])",
    re.I,
)


def bound_year(text: str, end: int) -> int | None:
    """The year the number ending at ``end`` is bound to ("£320 millions in 1952"), or None."""
    m = _BOUND_YEAR.match(text, end)
    return int(m["year"]) if m else None


# A word of the clause after a number ("%", "percent", "12", "ending"); punctuation ends the clause.
_CLAUSE_WORD = re.compile(r"\s*(%|[\w'\u2019-]+)\s*")  # a line break inside a wrapped paragraph too
# Between a date and the number it modifies: "July figure of ", "September (", "September 2024, at ".
_DATE_MODIFIES = re.compile(r"\s*\(\s*|(?:\s+[^\W\d_]+){1,2}\s+of\s+|,?\s+at\s+", re.I)


class DatesIn:
    """A text's dates with a month, indexed once for ``bound_date`` (where each starts; their ends in
    order), so binding every number of a text costs linear time whatever the text holds."""

    def __init__(self, dates: Sequence[DateMention]):
        self.dated = [d for d in dates if d.month is not None]  # in order, not overlapping
        self.at = {d.start: d for d in self.dated}
        self.ends = [d.end for d in self.dated]


def bound_date(text: str, start: int, end: int, dates: DatesIn) -> DateMention | None:
    """The date with a month that the number at ``start``..``end`` is bound to, among the text's
    ``dates``, or None: one after it in its clause, else one just before it as its modifier."""
    pos = end
    for _ in range(7):  # the number's unit and a few words ("percent for the 12 months ending")
        m = _CLAUSE_WORD.match(text, pos)
        if m is None:
            break
        pos = m.end()
        if m[1].lower() in DATE_PREPOSITIONS and pos in dates.at:
            return dates.at[pos]
    k = bisect_right(dates.ends, start) - 1  # the last date ending before the number
    if k >= 0 and start - dates.ends[k] <= 20:
        d = dates.dated[k]
        return d if _DATE_MODIFIES.fullmatch(text, d.end, start) else None
    return None


def _key(m: re.Match[str]) -> str:
    """A place as one comparable key: "the North-East" and "the northeast" are one."""
    if m["dir"]:
        return re.sub(rf"[{_WS}-]", "", m["dir"].lower()).replace("center", "centre")
    return " ".join(m["name"].split())


# A place opening its sentence and set off by a comma, the number right after it: "In the south, 412".
_PLACE_OPENING = re.compile(
    rf"(?:^|(?<=[.;:!?\n]))[{_WS}]*(?:{'|'.join(PLACE_PREPOSITIONS)})[{_WS}]+(?:(?P<the>the)[{_WS}]+)?"
    rf"(?:(?P<dir>{_DIRECTION})|(?P<name>{_NAME})),[{_WS}]*\Z",
    re.I | re.M,
)


def bound_place(text: str, end: int, start: int | None = None) -> str | None:
    """The place the number ending at ``end`` is bound to, as a key, or None; with its ``start``, also a
    place opening the sentence just before it ("In the south, 412 attacks")."""
    m = _BOUND.match(text, end)
    if m is None and start is not None:
        m = _PLACE_OPENING.search(text, max(0, start - 60), start)
    return _key(m) if m else None


def places_in(text: str) -> list[str]:
    """Every place ``text`` names after ``in``/``across``, as keys, in order."""
    return [_key(m) for m in _PLACE.finditer(text)]
