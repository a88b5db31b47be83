"""Claim consistency: what the claim (the sentence readers read) states must be what the fact proves.

The claim is read with the grammars that read sources (numbers, money, dates,
quotations, reporting verbs). Every figure, amount, date and quotation in it
must agree with the fact's typed value or be stated by one of its located
excerpts, in any notation ("19.5 thousand" = 19,500, "€3.5bn" = 3.5 billion
euros, "over fifty" = more than 50); a claim that makes someone other than a
quote's speaker the sayer contradicts the quote. Agreement of qualifiers
follows the entailment the value checks use: "more than 50" lets a claim say
"at least 50", never "under 50"; an exact number lets it say "about", "at
least", "at most" or "up to" that number.

Two readings are left out on purpose, each measured on the example content:
the word "one" (a determiner or pronoun far more often than a count: "one
report", "one of the") and numbers inside the claim's own quotation marks
(the quotation is checked as a whole, word for word).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

import calendar
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Mapping, Protocol, Sequence, TypeVar

from generator.matchers.alternation import longest_first
from generator.matchers.durations import Duration, find_durations
from generator.matchers.dates import DateMention, PartialDate, find_dates, find_times
from generator.matchers.frequency import find_frequencies
from generator.matchers.markup import markup_to_text
from generator.matchers.units import counted_noun, lemmas_of, same_noun
from generator.matchers.vague import find_vague
from generator.matchers.memo import per_text
from generator.matchers.money import MoneyMention, find_money
from generator.matchers.numbers import ENTAILS, NumberMention, find_numbers, format_number
from generator.matchers.people import PeopleIndex
from generator.matchers.quotes import QuotedSpan, QuoteMiss, find_quote, find_quoted_spans, quote_parts
from generator.matchers.quotes.sayers import find_sayers
from generator.model import Fact
from generator.lexicon.numbers import NOT_COUNTS, RANKS_WHERE_RANKED
from generator.lexicon.calendar import MONTH_NAMES, WEEKDAY_NAMES
from generator.lexicon.places import CAPITALS, COMPASS_PARTS, place_names
from generator.lexicon.polarity import (
    CONTRASTS,
    NEGATED_SKIPS,
    NEGATIVE_IN_EXCERPT,
    NEGATORS,
    NOT_NEGATING_AFTER_NO,
    OPPOSITES,
)
from generator.lexicon.speech import (
    CLAUSE_WORDS,
    PREPOSITIONS,
    REPORTING_VERBS,
    STARTERS,
    TITLES,
)
from generator.matchers.binding import DatesIn, bound_date, bound_place, bound_year, places_in
from generator.normalize import as_grammars_read, fold, fold_text
from generator.kinds import KINDS
from generator.validation.checks.dates import agrees

class _Mention(Protocol):  # a time, a frequency, a vague quantity: where it is in its text
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_M = TypeVar("_M", bound=_Mention)

# What an exact number lets a claim say of it: "exactly 50" is "about 50" and "at least 50".
_EXACT_ALLOWS = frozenset({"about", "at least", "at most", "up to"})
# Number words that are a determiner or pronoun more often than a count.
_NOT_COUNTS = NOT_COUNTS
# Function words are never what an excerpt denies ("not from", "no, under"): only content words are.
NOT_DENIED = PREPOSITIONS | CLAUSE_WORDS | REPORTING_VERBS


@dataclass(frozen=True, slots=True)
class Cited:
    """One located citation: the source's own text at the span, and the source's published date."""

    text: str
    published: PartialDate | None = None
    source_text: str = ""  # the whole source, for places named elsewhere in it
    context: str = ""  # the paragraphs the span lies in: names read there count as the cited text's
    currency_symbols: Mapping[str, str] = field(default_factory=dict)  # the source's bare "$", as its sidecar says
    numeric_dates: str | None = None  # "day first" or "month first", as its sidecar says
    title: str = ""  # the source's title, as its sidecar gives it: what the source names, too


@dataclass(slots=True)
class _Excerpts:
    """What the cited spans state, read once per fact."""

    numbers: list[NumberMention] = field(default_factory=list)
    money: list[MoneyMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    dates_in: list[list[DateMention]] = field(default_factory=list)  # each text's own, in order
    durations: list[Duration] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, cited: Sequence[Cited]) -> "_Excerpts":
        out = cls()
        for c in cited:
            numbers = find_numbers(c.text)
            out.numbers += numbers
            out.money += find_money(c.text, numbers, c.currency_symbols)
            dates = find_dates(c.text, published=c.published, numeric=c.numeric_dates)
            out.dates += dates
            out.dates_in.append(dates)
            out.durations += find_durations(c.text, numbers)
            out.texts.append(c.text)
            out.sources.append(c.source_text or c.text)
            out.titles.append(c.title)
            out.contexts.append(c.context or c.text)
        return out


def qualifier_allows(claimed: str | None, stated: str | None) -> bool:
    """May a claim qualify a number with ``claimed`` where the value or text qualifies it with ``stated``?"""
    if claimed is None or claimed == stated:
        return True
    if stated is None:
        return claimed in _EXACT_ALLOWS
    return claimed in ENTAILS[stated]


def _number_states(e: NumberMention, n: NumberMention) -> bool:
    """Does the excerpt's number ``e`` state the claim's ``n``? A rank ("2nd") needs a rank: "two
    leaders" is no second contact; a count may be read from either ("third anniversary": three years)."""
    return e.value == n.value and qualifier_allows(n.qualifier, e.qualifier) and (e.ordinal or not n.ordinal)


def _q(value: Decimal, qualifier: str | None) -> str:
    return f"{qualifier} {format_number(value)}" if qualifier else format_number(value)


def _words(text: str, a: int, b: int) -> str:
    return " ".join(text[a:b].split())


def check_claim(fact: Fact, cited: Sequence[Cited], people: PeopleIndex) -> list[tuple[str, str]]:
    """(rule id, message) for everything the claim states that neither the value nor an excerpt says.

    ``cited`` holds the located citations only; with none located, only the typed value is compared
    (the fact already fails on its citations)."""
    claim = markup_to_text(fact.claim)
    reader = _ClaimReader(claim, fact, _Excerpts.read(cited), bool(cited), people)
    return reader.problems()


class _ClaimReader:
    def __init__(self, claim: str, fact: Fact, seen: _Excerpts, located: bool, people: PeopleIndex):
        self.claim, self.fact, self.seen, self.located, self.people = claim, fact, seen, located, people
        # A quotation that is nothing but a value ("'3,500 million'", "“over 40”") is read as that
        # value, in any notation; any other quotation is checked word for word.
        spans = find_quoted_spans(claim)
        self._worded = [s for s in spans if not _only_a_value(claim, s)]
        self.quoted = [(s.start, s.end) for s in self._worded]
        self.out: list[tuple[str, str]] = []
        self.money_spans: list[tuple[int, int]] = []
        self._claim_quotes = [(s.start, s.end) for s in spans]
        self._people_spans: list[tuple[int, int]] = []
        self._claim_places: list[tuple[int, int, str]] = []

    def _not_a_count(self, n: NumberMention) -> bool:
        """ "one of the", "the first to benefit": no count, unless an excerpt ranks ("the second")."""
        word = n.raw.lower()
        if word in RANKS_WHERE_RANKED and n.ordinal and any(e.ordinal for e in self.seen.numbers):
            return False
        return word in _NOT_COUNTS

    def _in_quote(self, a: int, b: int) -> bool:
        return any(qa <= a and b <= qb for qa, qb in self.quoted)

    def problems(self) -> list[tuple[str, str]]:
        dates = [d for d in find_dates(self.claim) if not self._in_quote(d.start, d.end)]
        numbers = [n for n in find_numbers(self.claim) if not self._in_quote(n.start, n.end)]
        money = find_money(self.claim, numbers)
        in_money = {id(m.number) for m in money}
        years = {(d.start, d.end) for d in dates if d.month is None and d.year is not None}
        durations = [d for d in find_durations(self.claim, numbers) if not self._in_quote(d.start, d.end)]
        figures = [n for n in numbers if id(n) not in in_money and (n.start, n.end) not in years
                   and not self._not_a_count(n) and not any(d.start <= n.start < d.end for d in durations)]
        self._figures(figures, durations)
        self._places(figures)
        self._dated(figures, dates)
        self._durations(durations, figures)
        self._money(money)
        self.money_spans = [(m.start, m.end) for m in money]
        self._dates(dates)
        self._years([d for d in dates if (d.start, d.end) in years])
        self._times()
        self._frequencies()
        self._vague()
        self._quotations()
        self._speaker()
        if self.located:
            self._names()
            self._swapped_names()
            self._polarity()
        return self.out

    # -- figures

    def _figures(self, figures: list[NumberMention], durations: list[Duration]) -> None:
        fig = self.fact.figure
        target = fig.amount if fig is not None else None
        stated = list(self.seen.numbers)
        agrees_value = [n for n in figures if target is not None and n.value == target] + [
            d for d in durations if target is not None and d.number is not None and d.number.value == target]
        for n in figures:
            words = _words(self.claim, *n.span)
            if target is not None and n.value == target:
                assert fig is not None
                if qualifier_allows(n.qualifier, fig.qualifier):
                    continue
                if any(_number_states(e, n) for e in stated):
                    continue
                self.out.append(("claim-contradicts-value", (
                    f"the claim says \"{words}\" ({_q(n.value, n.qualifier)}), but the figure is "
                    f"{_q(target, fig.qualifier)}: say it as the value does")))
                continue
            if any(_number_states(e, n) for e in stated) or self._labelled_rank(n):
                continue
            if target is not None and not agrees_value:
                assert fig is not None
                self.out.append(("claim-contradicts-value", (
                    f"the claim says \"{words}\" ({_q(n.value, n.qualifier)}), but the figure is "
                    f"{_q(target, fig.qualifier)} and no cited excerpt states {_q(n.value, n.qualifier)}")))
            elif self.located:
                self.out.append(("claim-not-in-excerpt", (
                    f"the claim says \"{words}\" ({_q(n.value, n.qualifier)}), which no cited excerpt states"
                    f"{self._numbers_listing(n.value)}")))

    def _labelled_rank(self, n: NumberMention) -> bool:
        """A rank the excerpt writes as a label of the same noun: the claim's "the third quarter" is the
        excerpt's "Quarter 3", "the 407th day" its "Day 407"; never another noun's ("the third day")."""
        if not n.ordinal:
            return False
        mine = counted_noun(self.claim, n.start, n.end, n.value, True)
        if mine is None:
            return False
        for text in self.seen.texts:
            for e in find_numbers(text):
                if e.value == n.value and not e.ordinal:
                    theirs = counted_noun(text, e.start, e.end, e.value)
                    if theirs is not None and theirs.how == "label" and same_noun(theirs.head, mine.head):
                        return True
        return False

    def _places(self, figures: list[NumberMention]) -> None:
        """A number proves only what it is bound to: in "412 in the north, 96 in the south" the 96 is the
        south's. A claim that binds a number to a place (or a figure's claim that names a place) is
        contradicted when an excerpt binds that number to another place and that place to another number;
        a number bound to no place, or to the claim's, concludes nothing."""
        fig = self.fact.figure
        pairs = [(n.value, place, _words(self.claim, *n.span)) for n in figures
                 for place in [bound_place(self.claim, n.end, n.start)] if place is not None]
        if not pairs and fig is not None and not any(n.value == fig.amount for n in figures):
            pairs = [(fig.amount, place, f"the figure ({format_number(fig.amount)})")
                     for place in places_in(self.claim)]
        for value, place, words in pairs:
            conflict = None
            for text in self.seen.texts:
                mentions = find_numbers(text)
                same = [(m, bound_place(text, m.end, m.start)) for m in mentions if m.value == value and not m.ordinal]
                if any(p is None or p == place for _, p in same):
                    conflict = None
                    break
                other = [m for m in mentions if m.value != value and bound_place(text, m.end, m.start) == place]
                if same and other and conflict is None:
                    conflict = (text, same[0], other[0])
            if conflict is not None:
                text, (m, there), o = conflict
                said_m = _words(text, m.start, _clause_end(text, m.end))
                said_o = _words(text, o.start, _clause_end(text, o.end))
                self.out.append(("claim-place-mismatch", (
                    f"the claim puts {words} in {_place_said(place)}, but the excerpt binds "
                    f"{format_number(value)} to {_place_said(there)} (\"{said_m}\") "
                    f"and {_place_said(place)} to {format_number(o.value)} (\"{said_o}\")")))

    def _durations(self, durations: list[Duration], figures: list[NumberMention]) -> None:
        """"about an hour" agrees with "almost an hour" and "three quarters of an hour" with "45 minutes";
        "two hours" and "almost a day" do not."""
        fig = self.fact.figure
        for d in durations:
            words = _words(self.claim, d.start, d.end)
            value = d.number.value if d.number is not None else None
            if fig is not None and value == fig.amount:
                if qualifier_allows(d.qualifier, fig.qualifier):
                    continue
            elif any(e.same_length(d) and qualifier_allows(d.qualifier, e.qualifier) for e in self.seen.durations):
                continue
            if fig is not None and (value == fig.amount or not any(n.value == fig.amount for n in figures)
                                    and not any(x.number is not None and x.number.value == fig.amount
                                                for x in durations)):
                self.out.append(("claim-contradicts-value", (
                    f"the claim says \"{words}\", but the figure is {_q(fig.amount, fig.qualifier)}"
                    + (f" {fig.unit}" if fig.unit else ""))))
            elif self.located:
                listed = ", ".join(f"\"{_words(e_text, 0, len(e_text))}\"" for e_text in self._duration_words()[:4])
                self.out.append(("claim-not-in-excerpt", (
                    f"the claim says \"{words}\", a length of time no cited excerpt states"
                    + (f"; the excerpts state {listed}" if listed else "; the excerpts state no length of time"))))

    def _duration_words(self) -> list[str]:
        out = []
        for text in self.seen.texts:
            out += [text[d.start:d.end] for d in find_durations(text)]
        return out

    def _numbers_listing(self, value: Decimal) -> str:
        same = [e for e in self.seen.numbers if e.value == value]
        if same:
            e = same[0]
            return f"; the excerpt says {_q(e.value, e.qualifier)}"
        if self.seen.numbers:
            shown = ", ".join(_q(e.value, e.qualifier) for e in self.seen.numbers[:4])
            return f"; the excerpts state {shown}"
        return "; the excerpts state no number"

    # -- money

    def _money(self, money: list[MoneyMention]) -> None:
        value = self.fact.money
        for m in money:
            words = _words(self.claim, m.start, m.end)
            q = m.number.qualifier if m.number is not None else None
            said = f"{'/'.join(m.currencies)} {_q(m.amount, q)}"
            if value is not None and m.amount == value.amount and m.is_in(value.currency):
                # The value carries no qualifier: the claim's ("up to £460") must be one its excerpt allows.
                same = [e for e in self.seen.money if e.amount == m.amount and set(e.currencies) & set(m.currencies)]
                stated = [e.number.qualifier if e.number is not None else None for e in same]
                if not same or any(qualifier_allows(q, s) for s in stated):
                    continue
                self.out.append(("claim-not-in-excerpt", (
                    f"the claim says \"{words}\" ({said}), but the excerpt says "
                    f"\"{_q(m.amount, stated[0])}\": write the amount with the "
                    "excerpt's qualifier")))
                continue
            if any(e.amount == m.amount and set(e.currencies) & set(m.currencies)
                   and qualifier_allows(q, e.number.qualifier if e.number is not None else None)
                   for e in self.seen.money):
                continue
            if value is not None and (m.amount == value.amount or not any(
                    x.amount == value.amount and x.is_in(value.currency) for x in money)):
                self.out.append(("claim-contradicts-value", (
                    f"the claim says \"{words}\" ({said}), but the amount is "
                    f"{value.currency} {format_number(value.amount)}")))
            elif self.located:
                listed = ", ".join(f"{'/'.join(e.currencies)} {format_number(e.amount)}" for e in self.seen.money[:4])
                self.out.append(("claim-not-in-excerpt", (
                    f"the claim says \"{words}\" ({said}), which no cited excerpt states"
                    + f"; the excerpts state {listed or 'no ' + KINDS['money'].label}")))

    # -- dates

    def _dates(self, dates: list[DateMention]) -> None:
        target = self.fact.date_value
        for d in dates:
            words = _words(self.claim, d.start, d.end)
            own = _own_weekday_problem(d)
            if own:
                self.out.append(("claim-contradicts-value", f"the claim says \"{words}\", but {own}"))
                continue
            if target is not None and agrees(target, d):
                continue
            if any(agrees(e, d) for e in self.seen.dates):
                continue
            if d.month is None and d.day is None and d.year is not None and self._year_is_a_number(d.year):
                continue
            if target is not None and not agrees(target, d, every=False):
                self.out.append(("claim-contradicts-value", (
                    f"the claim says \"{words}\" ({_describe(d)}), but the date is {target}")))
            elif self.located:
                listed = ", ".join(f"{_describe(e)} (\"{_words(e.raw, 0, len(e.raw))}\")"
                                   for e in self.seen.dates[:4])
                self.out.append(("claim-not-in-excerpt", (
                    f"the claim says \"{words}\" ({_describe(d)}), which no cited excerpt states"
                    + (f"; the excerpts state {listed}" if listed else "; the excerpts state no date"))))

    def _both_sides(self, find: Callable[[str], list[_M]]) -> tuple[list[_M], list[tuple[str, _M]]]:
        """What ``find`` reads in the claim (outside its quotations), and in each cited excerpt (with the
        excerpt's text); nothing when the claim has none or no citation was located."""
        if not self.located:
            return [], []
        mine = [x for x in find(self.claim) if not self._in_quote(x.start, x.end)]
        return mine, [(text, x) for text in self.seen.texts for x in find(text)] if mine else []

    def _times(self) -> None:
        """A time of day in the claim ("began at 1:13 p.m.") must be one an excerpt states ("1:31 p.m. EDT");
        the number grammar leaves clock times to this check."""
        times, stated = self._both_sides(find_times)
        for t in times:
            if any(t.minutes & e.minutes for _, e in stated):
                continue
            listed = ", ".join(f"{e.describe()} (\"{_words(text, e.start, e.end)}\")" for text, e in stated)
            self.out.append(("claim-not-in-excerpt", (
                f"the claim says \"{_words(self.claim, t.start, t.end)}\" ({t.describe()}), which no cited "
                f"excerpt states" + (f"; the excerpts state {listed}" if listed else "; the excerpts state no time"))))

    def _vague(self) -> None:
        """"Millions of children" over "hundreds of thousands of children": a claim's vague quantity must
        be one its excerpt says, vaguely or as a number in its range."""
        mine, stated = self._both_sides(find_vague)
        values = [n.value for n in self.seen.numbers] + [m.amount for m in self.seen.money]
        for v in mine:
            if any(v.overlaps(e) for _, e in stated) or any(v.holds(float(x)) for x in values):
                continue
            said = ", ".join(sorted({_words(text, e.start, e.end) for text, e in stated}))
            self.out.append(("claim-not-in-excerpt", (
                f"the claim says \"{_words(self.claim, v.start, v.end)}\", which no cited excerpt says"
                + (f"; the excerpts say {said}" if said else "") + ": say how many as the excerpt does")))
            return

    def _frequencies(self) -> None:
        """"monthly" over "on a quarterly basis", "£100 a month" over "£100 a year": a claim's frequency
        must be one its excerpt states, when the excerpt states any (one it does not is context)."""
        mine, stated = self._both_sides(find_frequencies)
        periods = {e.days for _, e in stated}
        for f in mine:
            if periods and f.days not in periods:
                said = sorted({_words(text, e.start, e.end) for text, e in stated})
                self.out.append(("claim-not-in-excerpt", (
                    f"the claim says \"{_words(self.claim, f.start, f.end)}\", but the excerpt says "
                    f"{', '.join(repr(w) for w in said)}: say how often as the excerpt does")))
                return

    def _dated(self, figures: list[NumberMention], dates: list[DateMention]) -> None:
        """A number proves only the date it is bound to: in "1.7 percent in August, an increase from the
        July figure of 1.4 percent" the 1.4 is July's. A claim binding a number to a month or day is
        contradicted when an excerpt binds that number to another and the claim's to another number."""
        if not self.located:
            return
        claim_dates = DatesIn(dates)
        read: list[tuple[str, dict[Decimal, list[tuple[NumberMention, DateMention | None]]],
                         dict[int, list[tuple[NumberMention, DateMention]]]]] = []
        for n in figures:
            when = bound_date(self.claim, n.start, n.end, claim_dates)
            if when is None or n.ordinal:
                continue
            if not read:  # each excerpt's numbers and the dates they are bound to, read once
                read = [_bound_dates(text, text_dates) for text, text_dates in zip(self.seen.texts, self.seen.dates_in)]
            conflict = None
            for text, by_value, by_month in read:
                same = by_value.get(n.value, [])
                if any(d is None or _same_time(d, when) for _, d in same):
                    conflict = None
                    break
                other = next((m for m, d in by_month.get(when.month or 0, ()) if m.value != n.value
                              and _same_time(d, when)), None)
                if same and other is not None and conflict is None:
                    conflict = (text, same[0], other)
            if conflict is not None:
                text, (m, there), o = conflict
                assert there is not None
                said = _words(self.claim, when.start, when.end)
                self.out.append(("claim-date-mismatch", (
                    f"the claim gives {_words(self.claim, *n.span)} the date \"{said}\", but the excerpt binds "
                    f"{format_number(n.value)} to \"{_words(text, there.start, there.end)}\" and "
                    f"\"{said}\" to {format_number(o.value)}: give the number the excerpt's date")))

    def _years(self, years: list[DateMention]) -> None:
        """A claim that gives its value one year ("savings in 1962 were £320 million") is contradicted
        when the excerpt binds that value to another year ("£320 millions in 1952") and the claim's
        year to another number: the year is in the excerpt, but it is not this value's."""
        if len(years) != 1 or not self.located:
            return
        year = years[0].year
        value = (self.fact.figure.amount if self.fact.figure is not None
                 else self.fact.money.amount if self.fact.money is not None else None)
        if value is None or year is None or value == year:
            return
        for text in self.seen.texts:
            mentions = [m for m in find_numbers(text) if not m.ordinal]
            same = [(m, bound_year(text, m.end)) for m in mentions if m.value == value]
            if not same or any(y is None or y == year for _, y in same):
                return
            other = [m for m in mentions if m.value not in (value, year) and bound_year(text, m.end) == year]
            if not other:
                other = [m for m in mentions if m.value not in (value, year)
                         and _year_before(text, m.start) == year]
            if other:
                m, there = same[0]
                self.out.append(("claim-year-mismatch", (
                    f"the claim gives {format_number(value)} the year {year}, but the excerpt binds it to "
                    f"{there} (\"{_words(text, m.start, _clause_end(text, m.end))}\") and {year} to "
                    f"{format_number(other[0].value)}: give the value the excerpt's year")))
                return

    def _year_is_a_number(self, year: int) -> bool:
        """A bare four-digit number ("1500 soldiers") reads as a year too: as a figure it may agree."""
        fig = self.fact.figure
        return (fig is not None and fig.amount == year) or any(e.value == year for e in self.seen.numbers)

    # -- quotations

    def _quotations(self) -> None:
        for span in self._worded:
            words = " ".join(self.claim[span.inner_start:span.inner_end].split()).strip(" ,.;:")
            if not any(c.isalnum() for c in words) or self._quoted_somewhere(words):
                continue
            if self.located:
                self.out.append(("claim-not-in-excerpt", (
                    f"the claim quotes \"{words}\", but no cited excerpt has these words"
                    + (f"; the quote is \"{self.fact.quote.text}\"" if self.fact.quote is not None else ""))))

    def _quoted_somewhere(self, words: str) -> bool:
        if self.fact.quote is not None and _contains_words(self.fact.quote.text, words):
            return True
        for text in self.seen.texts:
            if not isinstance(find_quote(words, text), QuoteMiss) or _contains_words(text, words):
                return True
        return False

    # -- names: people and places the cited text never names

    def _names(self) -> None:
        folded = fold(self.claim)
        claim_places = self._claim_places = find_places(self.claim)
        people = [(*folded.span_in_original(m.start, m.end), m) for m in self.people.mentions(folded.text)]
        # "Russia" may be a speaker in people.yml (its government) and a place: it is checked as a place.
        self._people_spans = [(a, b) for a, b, _ in people]
        people = [(a, b, m) for a, b, m in people if not any(pa < b and a < pb for pa, pb, _ in claim_places)]
        named: set[str] = set()
        if self.fact.quote is not None:
            named.add(self.fact.quote.speaker)  # who said it is read from the source around the span
        for text in self.seen.contexts if people else ():  # read only for a claim that names someone
            named |= {i for m in self.people.mentions(fold_text(text)) for i in m.ids}
        for a, b, m in people:
            if self._in_quote(a, b) or m.ids & named:
                continue
            who = ", ".join(self.people.display(i) for i in sorted(m.ids))
            self.out.append(("claim-name-not-in-excerpt", (
                f"the claim names \"{_words(self.claim, a, b)}\" ({who}), whom no cited excerpt names")))
        if not claim_places:
            return  # the cited texts' places are read only for a claim that names one
        places = {c for text in self.seen.contexts for c in places_named(text)}
        in_sources: set[str] | None = None  # whole sources: read only when an excerpt misses a place
        reported: set[str] = set()
        for a, b, country in claim_places:
            if self._in_quote(a, b) or any(pa <= a and b <= pb for pa, pb, _ in people) \
                    or any(ma <= a and b <= mb for ma, mb in self.money_spans):
                continue  # "Ukrainian President Zelensky" is a person, "Canadian dollars" a currency
            if country in places or country in reported:
                continue
            reported.add(country)
            where = f"; the excerpts name {', '.join(sorted(places))}" if places else ""
            if in_sources is None:
                in_sources = {c for text in self.seen.sources for c in places_named(text)}
            if country in in_sources:
                self.out.append(("claim-place-not-in-excerpt", (
                    f"the claim names \"{_words(self.claim, a, b)}\" ({country}), which no cited excerpt names"
                    f"{where}: extend the excerpt to the words that name it, or leave it out of the claim")))
            else:
                self.out.append(("claim-place-not-in-source", (
                    f"the claim names \"{_words(self.claim, a, b)}\" ({country}), which no cited source "
                    f"names anywhere{where}")))

    def _swapped_names(self) -> None:
        """A name swapped for another: the claim names "Woking" where its excerpt names "Guildford", and no
        cited source names Woking anywhere (its text or its title). People are checked against people.yml
        and countries against the gazetteer (above); a capital is checked here too, as the city it is ("London" for "Brussels"
        passes as the UK otherwise). A name the sources lack with no name of the excerpt's left out of the
        claim concludes nothing: the claim may add context ("in the House of Commons")."""
        quoted = self._claim_quotes
        people = self._people_spans  # read by _names, which runs first
        places = [(a, b) for a, b, _ in self._claim_places if self.claim[a:b] not in CAPITALS]  # as _names read them
        opening = _openings(self.claim)
        new = [(w, a, b) for w, a, b in [*opening, *_proper_words(self.claim)]
               if not any(qa <= a < qb for qa, qb in quoted + people + places)]
        if not new:
            return
        # The source's title names what it is about ("H.R. 1 (Congressional Record, Senate, …)").
        sources = [s.lower() for s in self.seen.sources + self.seen.titles]
        new = [(w, a, b) for w, a, b in new if not any(_has_word(s, w.lower()) for s in sources)]
        # The dictionary is asked only about an opening word the sources lack.
        new = [(w, a, b) for w, a, b in new if (w, a, b) not in opening or _names_all_the_same(w)]
        # A title or a body's name spelt out is a paraphrase, not a swap.
        new = [(w, a, b) for w, a, b in new if _is_a_name(_capitalised_run(self.claim, a, b), self.seen.sources)]
        if not new:
            return
        low_claim = self.claim.lower()
        dropped = [w for text, source in zip(self.seen.texts, self.seen.sources)
                   for w, _, _ in [*_proper_words(text),
                                   *((w, a, b) for w, a, b in _openings(text) if _names_all_the_same(w, source))]
                   if w.lower() not in low_claim]
        if dropped:
            w, a, b = new[0]
            self.out.append(("claim-name-swapped", (
                f"the claim names \"{w}\", which no cited source names, where the excerpt names "
                f"\"{dropped[0]}\": name what the excerpt names, or cite a source that names {w}")))

    # -- polarity

    def _polarity(self) -> None:
        # Quoted words are checked word for word elsewhere; an aside in brackets is the editor's note.
        set_aside = [(m.start(), m.end()) for m in _ASIDE.finditer(self.claim)] + self._claim_quotes
        # No word negates unless it is a negator or ends in "n't", whatever follows it (_negates).
        may_negate = _may_negate(self.claim)
        # Words with their places only where a place counts: a word set aside, or one that may negate.
        whole = _tokens(self.claim) if set_aside or may_negate else ()  # quoted words too: "would “rather not”"
        if set_aside:
            skip = bytearray(len(self.claim) + 1)  # a mask, not a scan of the spans per word: linear in the claim
            for qa, qb in set_aside:
                skip[qa:qb] = b"\x01" * (qb - qa)
            claim: Sequence[tuple[str, int, int]] = [(w, a, b) for w, a, b in whole if not skip[a]]
            words: frozenset[str] | set[str] = _with_phrases([w for w, _, _ in claim])
        else:  # every word counts: the claim's words are its text's, read once per text
            claim, words = whole, _word_set(self.claim)
        if may_negate:
            after = [w for w, _, _ in claim[1:]] + [""]
            negated = [(w, a, b) for (w, a, b), following in zip(claim, after) if _negates(w, following)]
            if negated and not any(w in NEGATORS or w.endswith("n't") or w in NEGATIVE_IN_EXCERPT
                                   for w in self._excerpt_words()):
                _, a, b = negated[0]
                self.out.append(("claim-polarity-mismatch", (
                    f"the claim says \"{_words(self.claim, a, b)}\" but no cited excerpt negates anything: the claim "
                    "may say the opposite of its source; write the claim as the excerpt says it, or cite the words "
                    "that negate")))
                return
        if not (may_negate and any(_negates(w, f) for (w, _, _), (f, _, _) in zip(whole, [*whole[1:], ("", 0, 0)]))) \
                and not words & NEGATIVE_IN_EXCERPT:
            denied = self._denied_in_excerpt()
            # With nothing denied no word can match (and its lemmas need not be looked up).
            said = sorted(w for w in words if _stem(w, denied) is not None) if denied else []
            if said:
                self.out.append(("claim-polarity-mismatch", (
                    f"the claim says \"{said[0]}\" where the excerpt denies it (\"{denied[_stem(said[0], denied) or said[0]]}\"): "
                    "write the claim as the excerpt says it")))
                return
        if _OPPOSITE_WORDS.isdisjoint(words):
            return  # the claim says no side of any scale (most claims): none can be reversed
        excerpt = self._excerpt_words()
        for opposite in OPPOSITES:
            for mine, other in ((opposite.up, opposite.down), (opposite.down, opposite.up)):
                said = sorted(words & mine)
                # A claim saying both sides ("the fall followed a rise") reverses neither.
                if said and not excerpt & mine and excerpt & other and not words & other:
                    self.out.append(("claim-polarity-mismatch", (
                        f"the claim says \"{said[0]}\" where the excerpt says \"{sorted(excerpt & other)[0]}\" "
                        f"({opposite.name}): write the claim as the excerpt says it")))
                    return

    def _excerpt_words(self) -> frozenset[str]:
        """Every cited excerpt's words and opposites' phrases, together."""
        return frozenset().union(*(_word_set(text) for text in self.seen.texts))

    def _denied_in_excerpt(self) -> dict[str, str]:
        """The words an excerpt denies ("make no statement", "do not have any statements"), each with the
        excerpt's words that deny it: a claim that says the word and negates nothing says the opposite."""
        denied: dict[str, str] = {}
        for text in self.seen.texts:
            if not _may_negate(text):
                continue  # no word of it negates: it denies nothing
            toks = _tokens(text)
            for n, (w, a, _) in enumerate(toks[:-1]):
                if not _negates(w, toks[n + 1][0]) or (w == "not" and toks[n + 1][0] == "only"):
                    continue
                k = n + 1
                while k < len(toks) and k <= n + 3 and toks[k][0] in NEGATED_SKIPS:
                    k += 1
                if k >= len(toks) or k > n + 3 or not _spaced_only(text, toks[n][2], toks[k][1]):
                    continue  # "never," said: punctuation between, no denial
                if any(t in CONTRASTS for t, _, _ in toks[k + 1:k + 10]):
                    continue  # "did not come from Washington but from Brussels": the denial is of the other part
                word = toks[k][0]
                if len(word) >= 4 and "'" not in word and word not in NEGATORS and word not in NOT_DENIED:
                    denied.setdefault(word, _words(text, a, toks[k][2]))
        return denied

    # -- the speaker

    def _speaker(self) -> None:
        quote = self.fact.quote
        if quote is None:
            return
        sayers = [s for s in find_sayers(self.claim, self.people) if s.ids and not s.negated]
        if any(quote.speaker in s.ids for s in sayers):
            return
        if sayers:
            s = sayers[0]
            others = ", ".join(f"{self.people.display(i)} ({i})" for i in sorted(s.ids))
            self.out.append(("claim-wrong-speaker", (
                f"the claim makes {others} the one who said it (\"{s.words} … {s.verb}\"), but the quote's "
                f"speaker is {self.people.display(quote.speaker)} ({quote.speaker})")))
            return
        # No reporting verb says who spoke ("Putin went no further than offering …"): a claim that
        # never names the speaker but names someone the cited text does not is giving the words away.
        folded = fold(self.claim)
        mentions = [m for m in self.people.mentions(folded.text)
                    if self._outside_quotes(*folded.span_in_original(m.start, m.end))]
        if any(quote.speaker in m.ids for m in mentions):
            return
        named = {i for text in self.seen.contexts for m in self.people.mentions(fold_text(text)) for i in m.ids}
        strangers = [m for m in mentions if not m.ids & named]
        if strangers and self.located:
            m = strangers[0]
            words = _words(self.claim, *folded.span_in_original(m.start, m.end))
            self.out.append(("claim-wrong-speaker", (
                f"the claim names \"{words}\" but never the quote's speaker, "
                f"{self.people.display(quote.speaker)} ({quote.speaker}), and no cited excerpt names "
                f"\"{words}\": name the speaker")))

    def _outside_quotes(self, a: int, b: int) -> bool:
        return not any(qa <= a and b <= qb for qa, qb in self._claim_quotes)


def _only_a_value(text: str, span: QuotedSpan) -> bool:
    """Is the quotation one number, amount or date and nothing else?"""
    inner = text[span.inner_start:span.inner_end].strip(" ,.;:")
    if not inner:
        return False
    whole = [(n.span) for n in find_numbers(inner)] + [(m.start, m.end) for m in find_money(inner)]
    whole += [(d.start, d.end) for d in find_dates(inner)]
    return any(a == 0 and b == len(inner) for a, b in whole) or any(
        (m.start, m.end) == (0, len(inner)) for m in find_money(inner))


def _place_pattern(forms: list[str], flags: int = 0) -> "re.Pattern[str]":
    # As a prefix tree: the longest-first alternation of hundreds of names, tried at every word.
    if flags & re.I:  # any letter may open a name: the lookbehind first rejects most places at once
        return re.compile(r"(?<![\w.])(?:" + longest_first(forms, True) + r")(?![\w])", flags)
    # Names as written open on a capital, rare in text: checking what precedes after it is 2-3x faster.
    return re.compile(r"(?:" + longest_first(forms, not_after=r"[\w.]") + r")(?![\w])", flags)


_PLACES = place_names()
_PLACES_FOLDED = {k.lower(): v for k, v in _PLACES.items()}
_PLACE = _place_pattern(list(_PLACES))
# Sources write "russian invaders" too; short capitals ("US", "UK") only as written ("us" is a pronoun).
_ACRONYM = re.compile(r"[A-Z.]{1,5}")
_PLACE_ANY_CASE = _place_pattern([f for f in _PLACES if not _ACRONYM.fullmatch(f)], re.I)
_PLACE_ACRONYM = _place_pattern([f for f in _PLACES if _ACRONYM.fullmatch(f)])


def find_places(text: str) -> list[tuple[int, int, str]]:
    """(start, end, country) for every country, demonym, short form or capital in ``text``, as written."""
    return [(m.start(), m.end(), _PLACES[m.group()]) for m in _PLACE.finditer(text)]


def places_named(text: str) -> set[str]:
    """The countries a cited text names, in any letter case (acronyms as written)."""
    return set(_places_named(text))


@per_text  # a paragraph is read for every fact that cites it
def _places_named(text: str) -> list[str]:
    text = as_grammars_read(text)
    found = {_PLACES_FOLDED[m.group().lower()] for m in _PLACE_ANY_CASE.finditer(text)}
    return sorted(found | {_PLACES[m.group()] for m in _PLACE_ACRONYM.finditer(text)})


_PROPER = re.compile(r"(?<![\w'\u2019-])[A-Z][\w'\u2019-]*[a-z][\w'\u2019-]*")
_NOT_NAMES = frozenset(w.lower() for w in (*MONTH_NAMES, *WEEKDAY_NAMES))
_OPENERS = frozenset(" \t\u00a0\"\u201c\u2018'(")  # what may stand between a sentence's end and its first word


def _unpossessive(word: str) -> str:
    """``word`` without a final "'s" ("Putin's": Putin); a string test, not a regex call per word."""
    return word[:-2] if word.endswith(_POSSESSIVE_ENDS) else word


_POSSESSIVE_ENDS = ("'s", "\u2019s")


def _proper_words(text: str) -> list[tuple[str, int, int]]:
    """Capitalised words of four letters or more that do not open a sentence: the names a text uses."""
    out = []
    for m in _PROPER.finditer(text):
        i = m.start() - 1  # the last character before the word that is no space, opening mark or bracket
        while i >= 0 and text[i] in _OPENERS:
            i -= 1
        if i < 0 or text[i] in ".!?:\n":
            continue  # a sentence's first word is capitalised whatever it is
        word = _unpossessive(m.group())
        if len(word) >= 4 and word.lower() not in _NOT_NAMES:
            out.append((word, m.start(), m.start() + len(word)))
    return out


_OPENING = re.compile(r"(?:^|(?<=[.!?:\n]))[\s\"\u201c\u2018'(]*(?P<w>[A-Z][a-z][\w'\u2019-]*)")


def _openings(text: str) -> list[tuple[str, int, int]]:
    """The capitalised words of four letters or more opening ``text``'s sentences: names or not."""
    out = []
    for m in _OPENING.finditer(text):
        word = _unpossessive(m["w"])
        if len(word) >= 4 and word.lower() not in _NOT_NAMES:
            out.append((word, m.start("w"), m.start("w") + len(word)))
    return out


def _names_all_the_same(word: str, source: str = "") -> bool:
    """Whether a word opening a sentence is a name: the dictionary knows no such word ("Guildford"), or
    ``source`` writes it capitalised inside a sentence too ("Reading")."""
    return not lemmas_of(word.lower()) or bool(source and word in _names_inside(source))


@lru_cache(maxsize=64)
def _names_inside(source: str) -> frozenset[str]:
    """The capitalised words a source writes inside its sentences (read once per source)."""
    return frozenset(w for w, _, _ in _proper_words(source))


_CAPITALISED = re.compile(r"[A-Z][\w'\u2019-]*")
_RUN_GAP = re.compile(r"[ \t]+")


def _is_a_name(run: list[str], sources: list[str]) -> bool:
    """Whether capitalised words name someone or something, rather than a title ("Foreign Minister",
    "Prime Minister") or a body's full name the sources give as initials ("North Atlantic Treaty
    Organization" where they say NATO)."""
    while run and (run[0].lower() in TITLES or run[0].lower() in STARTERS):
        run = run[1:]
    if not run:
        return False
    initials = "".join(w[0] for w in run if w.lower() not in CLAUSE_WORDS and w.lower() not in PREPOSITIONS)
    return len(initials) < 2 or not any(re.search(rf"(?<![A-Za-z]){initials}(?![A-Za-z])", s) for s in sources)


def _capitalised_run(text: str, a: int, b: int) -> list[str]:
    """The capitalised words around ``text[a:b]`` that stand together with it ("North Atlantic Treaty")."""
    words = [text[a:b]]
    at = a
    while True:  # leftwards
        m = re.search(r"([A-Z][\w'\u2019-]*)[ \t]+\Z", text[max(0, at - 40):at])
        if not m:
            break
        words.insert(0, m.group(1))
        at -= len(m.group(0))
    at = b
    while (gap := _RUN_GAP.match(text, at)) and (m := _CAPITALISED.match(text, gap.end())):
        words.append(m.group())
        at = m.end()
    return words


def _has_word(text: str, word: str) -> bool:
    """Whether ``word`` is in ``text`` (both lower case) as a whole word."""
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()):
            return True
        i = text.find(word, i + 1)
    return False


def _contains_words(text: str, words: str) -> bool:
    """``words`` at word boundaries in ``text``, after folding quotes, dashes, space and case;
    ``…`` or ``...`` in ``words`` elides, and the parts must come in order."""
    hay = f" {_plain(text)} "
    pos = 0
    parts = [p for p in (_plain(x) for x in quote_parts(words)) if p]
    for part in parts:
        at = hay.find(f" {part} ", pos)
        if at < 0:
            return False
        pos = at + len(part) + 1
    return bool(parts)


_YEAR_BEFORE = re.compile(r"(?<!\d)(?P<year>1[5-9]\d\d|20\d\d)(?!\d)[^.;,\d]{0,40}\Z")


def _bound_dates(text: str, dates: list[DateMention]) -> tuple[
        str, dict[Decimal, list[tuple[NumberMention, DateMention | None]]], dict[int, list[tuple[NumberMention, DateMention]]]]:
    """An excerpt's numbers (not ranks, not inside a date) with the month each is bound to: by value, and
    the bound ones by month."""
    index = DatesIn(dates)
    starts = [d.start for d in dates]
    by_value: dict[Decimal, list[tuple[NumberMention, DateMention | None]]] = {}
    by_month: dict[int, list[tuple[NumberMention, DateMention]]] = {}
    for m in find_numbers(text):
        k = bisect_right(starts, m.start) - 1
        if m.ordinal or (k >= 0 and m.start < dates[k].end):
            continue
        d = bound_date(text, m.start, m.end, index)
        by_value.setdefault(m.value, []).append((m, d))
        if d is not None and d.month is not None:
            by_month.setdefault(d.month, []).append((m, d))
    return text, by_value, by_month


def _same_time(a: DateMention, b: DateMention) -> bool:
    """Whether two dates with a month may be one: the same month, and the same day and year where both
    give them (a year the text leaves out and the reader guesses is no year)."""
    if a.month != b.month or (a.day is not None and b.day is not None and a.day != b.day):
        return False
    return a.year_inferred or b.year_inferred or a.year is None or b.year is None or a.year == b.year


def _year_before(text: str, start: int) -> int | None:
    """The year written just before a number in its clause ("for 1962 were £2,300 millions")."""
    m = _YEAR_BEFORE.search(text, max(0, start - 50), start)
    return int(m["year"]) if m else None


def _plain(text: str) -> str:
    folded = fold_text(text)
    return " ".join("".join(c if c.isalnum() or c in "'-" else " " for c in folded).split())


def _describe(d: DateMention) -> str:
    if d.year is None and d.month is None:
        return calendar.day_name[d.weekday] if d.weekday is not None else d.raw
    parts = [f"{d.year:04d}" if d.year is not None else "(no year)"]
    if d.month is not None:
        parts.append(calendar.month_name[d.month])
    if d.day is not None:
        parts.append(str(d.day))
    return " ".join(parts)


def _own_weekday_problem(d: DateMention) -> str:
    """"Wednesday 27 April 2023": a weekday that is not the date's own is a contradiction in itself."""
    if d.weekday is None or d.year is None or d.month is None or d.day is None or d.year_inferred:
        return ""
    actual = calendar.weekday(d.year, d.month, d.day)
    if actual == d.weekday:
        return ""
    return f"{d.day} {calendar.month_name[d.month]} {d.year} was a {calendar.day_name[actual]}"


_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
_NEGATOR_WORD = re.compile(r"(?<![a-z])(?:" + longest_first(NEGATORS) + r")(?![a-z])|n't(?![a-z])")
_ASIDE = re.compile(r"\([^()]*\)")


_PHRASES = frozenset(f for o in OPPOSITES for f in o.up | o.down if " " in f)
_PHRASE_FIRSTS = frozenset(p.split(" ", 1)[0] for p in _PHRASES)
_OPPOSITE_WORDS = frozenset(f for o in OPPOSITES for f in o.up | o.down)


def _with_phrases(words: list[str]) -> set[str]:
    """The words, and the two-word phrases of the opposites' lexicon among them ("up from")."""
    found = set(words)
    if found.isdisjoint(_PHRASE_FIRSTS):  # no phrase can start here (most texts): no pairs to make
        return found
    return found | {p for p in (f"{a} {b}" for a, b in zip(words, words[1:])) if p in _PHRASES}


@lru_cache(maxsize=256)  # a fact's claim is often its excerpt; kept for every text it held 17 MB at 1x
def _word_set(text: str) -> frozenset[str]:
    """``_with_phrases`` of all of ``text``'s words."""
    return frozenset(_with_phrases(_TOKEN.findall(_lowered(text))))


@lru_cache(maxsize=256)  # a claim, then its excerpt (often the same text); kept for every text it held 12 MB
def _tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """Lower-cased words with their spans; curly apostrophes read as straight ones (one character each)."""
    return tuple((m.group(), m.start(), m.end()) for m in _TOKEN.finditer(_lowered(text)))


def _lowered(text: str) -> str:
    """What ``_TOKEN`` reads words in: lower case, curly apostrophes straight (one character each)."""
    return text.lower().replace("\u2019", "'")


def _spaced_only(text: str, a: int, b: int) -> bool:
    """Whether only words and spaces lie between ``a`` and ``b`` (no punctuation: one clause)."""
    return all(c.isalpha() or c.isspace() or c in "'\u2019" for c in text[a:b])


def _stem(word: str, denied: dict[str, str]) -> str | None:
    """The key of ``denied`` that ``word`` matches: itself, singular or plural, or a word of the same
    lemma ("sit" for "will not be sitting"); None when none does."""
    for k in (word, word[:-1], word + "s"):
        if k in denied:
            return k
    mine = lemmas_of(word)
    return next((k for k in denied if len(k) >= 4 and mine & lemmas_of(k)), None) if mine else None


def _may_negate(text: str) -> bool:
    """False when no word of ``_tokens(text)`` negates, whatever follows it (``_negates`` needs a negator or
    a word ending in "n't"). A word of ``_tokens`` has no letter a-z either side of it in the lower-cased
    text, so a negator word is a match of ``_NEGATOR_WORD`` there, and one ending in "n't" too: one
    search in C instead of a look at every word. (True may still negate nothing: the callers then look.)"""
    return _NEGATOR_WORD.search(_lowered(text)) is not None


def _negates(word: str, following: str) -> bool:
    if word == "no" and following in NOT_NEGATING_AFTER_NO:
        return False  # "no more than 40" qualifies a number
    return word in NEGATORS or word.endswith("n't")


def _place_said(place: str | None) -> str:
    return f"the {place}" if place in COMPASS_PARTS else str(place)


_CLAUSE_END = re.compile(r"[,;]|\.(?!\d)")


def _clause_end(text: str, end: int) -> int:
    """Where the clause holding a bound number ends: the next comma, semicolon or full stop."""
    m = _CLAUSE_END.search(text, end)
    return m.start() if m else len(text)
