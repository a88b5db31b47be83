"""Numbers: the values editors write and the number expressions in source text.

One grammar serves both. It reads digits with thousands separators (``19,500``,
``19 500`` with a space, no-break or thin space), decimals (``3.5``), scale
words and suffixes (``19.5 thousand``, ``600m``, ``1.13bn``), number words
(``fifteen``, ``twenty-five``, ``two hundred``, ``a dozen``), ordinals
(``third``, ``69th``) and the qualifier written before the number (``over``,
``nearly``, ``some``, ...), mapped to the canonical qualifiers of the format.
Digits that belong to a calendar date or a clock time are not figures.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation, localcontext

from generator.lexicon.calendar import MONTHS_PER_UNIT, SECONDS_PER_UNIT, TIME_UNIT_PLURALS
from generator.lexicon.money import SYMBOLS
from generator.lexicon.numbers import (
    CHANGE_VERBS,
    DENOMINATORS,
    DOZEN,
    ENTAILS,
    FRACTION_FOLLOWERS,
    MULTIPLES,
    MULTIPLE_ADJECTIVES,
    MULTIPLE_ADJECTIVE_FOLLOWERS,
    NUMERATORS,
    ORDINAL_SCALE_WORDS,
    ORDINAL_TENS_WORDS,
    ORDINAL_UNIT_WORDS,
    PLURAL_SCALE_WORDS,
    RATIO_DENOMINATORS,
    POSTFIX_QUALIFIERS,
    QUALIFIERS,
    QUALIFIER_SYNONYMS,
    RANGE_WORDS,
    SCALE_SUFFIXES,
    SCALE_WORDS,
    TENS_WORDS,
    UNIT_WORDS,
    PERIOD_COUNTERS,
    VULGAR_FRACTIONS,
)
from generator.lexicon.text import GROUP_SPACES, WORD_SPACES
from generator.lexicon.units import PERCENT_FORMS, PHRASE_STOPS
from generator.matchers.gated import Gated, WordGated, lowered
from generator.matchers.alternation import longest_first
from generator.matchers.dates import calendar_spans
from generator.matchers.forms import Form
from generator.matchers.memo import per_text
from generator.matchers.forms import forms_table as _forms_table
from generator.normalize import as_grammars_read

__all__ = ["ENTAILS", "QUALIFIERS", "QUALIFIER_SYNONYMS", "SCALES", "NumberMention", "find_numbers", "parse_value"]

_GS, _WS = GROUP_SPACES, WORD_SPACES  # the space classes' characters, as the lexicon has them
SCALES: dict[str, Decimal] = {w: Decimal(10) ** p for w, p in {**SCALE_WORDS, **PLURAL_SCALE_WORDS,
                                                                **SCALE_SUFFIXES}.items()}
_POSTFIX = POSTFIX_QUALIFIERS

_UNITS = {w: i for i, w in enumerate(UNIT_WORDS)}
_TENS = {w: 10 * i for i, w in enumerate(TENS_WORDS, 2)}
_ORD_UNITS = {w: i for i, w in enumerate(ORDINAL_UNIT_WORDS, 1)}
_ORD_TENS = {w: 10 * i for i, w in enumerate(ORDINAL_TENS_WORDS, 2)}
_BIG = {w: 10 ** p for w, p in SCALE_WORDS.items() if p >= 3}
_ORD_BIG = {w: 10 ** p for w, p in ORDINAL_SCALE_WORDS.items() if p >= 3}
_WORDS = [*_UNITS, *_TENS, *_ORD_UNITS, *_ORD_TENS, *_BIG, *_ORD_BIG, "hundred", "hundredth", DOZEN]


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _tree(words: Iterable[str]) -> str:
    """``_alt`` for a pattern compiled with re.I, as a prefix tree (matchers/alternation.py): the same
    matches, without trying every word at every place."""
    return longest_first(words, ignorecase=True)


_SUFFIX_ALT = _alt(SCALE_SUFFIXES)


def _first_letter(*word_lists: Iterable[str]) -> str:
    """A lookahead for the first letters of the words (any case): a pattern that must start with one
    of them fails at once elsewhere, before its lookbehind and alternations are tried."""
    return "(?=[" + "".join(sorted({re.escape(w[0].lower()) for words in word_lists for w in words})) + "])"

_SPACED_SUFFIX_ALT = _alt(s for s in SCALE_SUFFIXES if len(s) > 1)
_SYMBOL_CHARS = re.escape("".join(s for s in SYMBOLS if len(s) == 1))  # "$", "€", ...: "over $1bn"

_SP = f"[{_GS}]"  # what may sit between the digit groups of one number
# Space-grouped only when it cannot be a run of separate numbers: "10 737-800 planes" and phone
# numbers ("0845 8 505 505") are several numbers.
_SPACED = rf"(?<!\d{_SP})[1-9]\d{{0,2}}(?:{_SP}\d{{3}})+(?!\d)(?!,\d)(?![-/]\d)(?!{_SP}\d)"
_INT = (
    r"(?P<int>\d{1,3}(?:,\d{3})+(?!\d)"
    rf"|{_SPACED}"
    r"|\d+)"
)
# A number whose digit groups are spaced ("19 500"): excerpts may not start or end between its groups.
SPACE_GROUPED = re.compile(rf"(?<![\w])(?<!\d[.,]){_SPACED}")
_SUFFIX = (
    r"(?:(?P<ord>st|nd|rd|th)(?![^\W\d_])"
    rf"|(?P<sfx>{_SUFFIX_ALT})(?![^\W\d_])"
    rf"|[{_WS}](?P<sfx2>{_SPACED_SUFFIX_ALT})(?![^\W\d_])"
    rf"|(?:[{_WS}]+|[{_WS}]?-[{_WS}]?)(?P<word>{_alt({**SCALE_WORDS, **PLURAL_SCALE_WORDS})})(?![^\W\d_]))?"
)
_DIGITS_BODY = rf"{_INT}(?P<frac>\.\d+)?{_SUFFIX}"
# Not inside a word or a bigger number: "G7", "A320", "1.5" read from its "5" are not numbers.
_DIGITS = re.compile(rf"(?<![\w])(?<!\d[.,]){_DIGITS_BODY}", re.I)
_DIGITS_IN = Gated(_DIGITS, r"\d")  # a third of the texts the grammar reads hold no digit
_DIGITS_AT = re.compile(rf"(?<!\d[.,]){_DIGITS_BODY}", re.I)
_VALUE = re.compile(rf"[ \t]*(?P<sign>[-\u2212])?{_DIGITS_BODY}[ \t]*", re.I)
_WORD_ALT = longest_first(_WORDS, ignorecase=True)  # the longest-first alternation, as a prefix tree
# The first letters a run can start with, tested first: the alternation is slow to fail at every position.
_WORD_FIRST = "".join(sorted({w[0] for w in _WORDS} | {"a"}))
_WORD_RUN = re.compile(
    rf"(?=[{_WORD_FIRST}])(?<![\w])(?:(?P<a>an?)[{_WS}]+(?=(?:{_alt(SCALE_WORDS)}|{DOZEN})(?!\w)))?"
    rf"(?:{_WORD_ALT})(?![\w])"
    rf"(?:(?:[{_WS}]+(?:and[{_WS}]+)?|[{_WS}]?-[{_WS}]?)(?:{_WORD_ALT})(?![\w]))*",
    re.I,
)
_TOKEN = re.compile(r"[a-z]+", re.I)
# The plain longest-first alternation of the qualifiers (tests compare _QUALIFIER_BEFORE with it).
_QUAL_ALT = "|".join(re.escape(q).replace(r"\ ", f"[{_WS}]+")
                     for q in sorted(QUALIFIER_SYNONYMS, key=len, reverse=True))


def _qualifier_before(opening: str) -> re.Pattern[str]:
    """The qualifier just before the number, or before the currency that precedes it ("over $1bn");
    ``opening`` reads the qualifier itself (group ``q``)."""
    return re.compile(rf"{opening}(?:\s+|(?<=~))"
                      rf"(?-i:(?:[A-Z]{{1,3}})?[{_SYMBOL_CHARS}][{_WS}]?|[A-Z]{{3}}[{_WS}]?)?\Z", re.I)


# Searched back 40 characters from every number: the qualifiers as a prefix tree behind a first-letter
# lookahead (the plain alternation tried each of its 52 words at each place: 0.056 against 0.025 s
# over the 15,275 numbers of the 1x BBC run); tests compare it with the plain alternation.
_QUALIFIER_BEFORE = _qualifier_before(
    _first_letter(QUALIFIER_SYNONYMS) + r"(?<![\w])(?P<q>"
    + longest_first(QUALIFIER_SYNONYMS, ignorecase=True).replace("\\ ", f"[{_WS}]+") + ")")
_POSTFIX_SPACED = _alt(p for p in POSTFIX_QUALIFIERS if " " in p).replace(r"\ ", f"[{_WS}]+")
_POSTFIX_WORD = _alt(p for p in POSTFIX_QUALIFIERS if p.isalpha())
_POSTFIX_SIGN = _alt(p for p in POSTFIX_QUALIFIERS if not p.replace(" ", "").isalpha())
# A percent sign or word may sit between the number and its qualifier ("7 per cent. or higher").
_PERCENT_BETWEEN = rf"(?:[{_WS}]?(?:{_alt(PERCENT_FORMS).replace(chr(92) + ' ', f'[{_WS}]?')})\.?)?"
_QUALIFIER_AFTER = re.compile(
    rf"{_PERCENT_BETWEEN}(?:[{_WS}]+(?P<a>{_POSTFIX_SPACED})|-?(?P<b>{_POSTFIX_WORD})|(?P<c>{_POSTFIX_SIGN}))(?![\w])", re.I)
_HALF = Gated.literal(re.compile(rf"(?<![\w])half[{_WS}]+an?[{_WS}]+(?P<s>{DOZEN}|{_alt(SCALE_WORDS)})(?![\w])",
                                 re.I), "half")
# "an hour", "a month": the article counts one of a unit of time ("almost an hour", "more than a
# month"); "half a day" is 0.5. Other nouns are left alone: "a statement" is no figure.
_TIME_UNIT = f"(?:{_alt([*SECONDS_PER_UNIT, *MONTHS_PER_UNIT])})"
_ONE_UNIT = re.compile(rf"(?<![\w])(?P<half>half[{_WS}]+)?an?[{_WS}]+{_TIME_UNIT}(?![\w])", re.I)
# Searched only in texts holding "a"/"an" and a unit of time (lowered): few do.
_ONE_UNIT_IN = WordGated(_ONE_UNIT, gate=rf"an?[{_WS}]+(?:{_alt(w.lower() for w in [*SECONDS_PER_UNIT, *MONTHS_PER_UNIT])})")
_AND_A_HALF = re.compile(rf"(?:[{_WS}]+{_TIME_UNIT}s?)?[{_WS}]+and[{_WS}]+a[{_WS}]+half(?![\w])",
                         re.I)
# A minus sign, or a hyphen that starts a word: "-5C", "(-3)"; not "F-16" or "5-3".
_NEGATIVE = re.compile(r"(?:\u2212|(?:(?<=[\s(\[])|^)-)\Z")
_FRACTION_BEFORE = re.compile(rf"(?:(?<![\w])(?:a|one)[{_WS}]+|-)\Z", re.I)


# --- fractions, multiplicatives, ranges (issue 11) ------------------------------------------------
# Each form is a named entry with examples: tests are generated from FORMS, and README's table of
# number forms too (`python -m generator.matchers.numbers`).

def ratio(numerator: int, denominator: int) -> Decimal:
    """A fraction's value, to 20 significant digits: text ("two-thirds") and a fact's value ("2/3")
    both come here, so they compare equal, and a fact's value stays within what can be checked."""
    with localcontext() as ctx:
        ctx.prec = 20
        return Decimal(numerator) / Decimal(denominator)


_VULGAR: dict[str, Decimal] = {c: ratio(n, d) for c, (n, d) in VULGAR_FRACTIONS.items()}
_VULGAR_ALT = "".join(_VULGAR)
# "3 1/2", "8½", "½", the Federal Reserve's "5-1/4", and the parliamentary "7.3/4" (Hansard's 7¾). Not dates ("1/2/2023"), not
# scores or ratios without a whole part ("3/4" alone is left alone).
_DIGIT_FRACTION = Gated(re.compile(
    rf"(?<![\w.,/-])(?:(?P<whole>\d+)(?:(?P<sep>[{_GS}.-])(?P<num>\d)/(?P<den>\d{{1,2}})(?![\d/])"
    rf"|(?P<v1>[{_VULGAR_ALT}]))|(?P<v2>[{_VULGAR_ALT}]))"
), f"[/{_VULGAR_ALT}]")  # every fraction holds a slash or a vulgar fraction


def fraction_joint(text: str, at: int) -> bool:
    """Whether ``text[at]`` joins a whole number to its fraction as this grammar reads them: the space
    of "5 1/4" or the hyphen of "5-1/4" (the excerpt edges keep them one token)."""
    for m in _DIGIT_FRACTION.finditer(text, max(0, at - 24), min(len(text), at + 6)):
        if m["sep"] is not None and m.start("sep") == at and int(m["den"]) > int(m["num"]) > 0:
            return True
    return False


# "two-thirds", "three quarters", "a third of", "one-fifth", "half of": a fraction. "a third term" is
# the ordinal; "a third" is a fraction only before "of", a comma or the sentence's end.
# A word that makes "three quarters" after it a count of periods, not a fraction.
_PERIOD_BEFORE = re.compile(rf"(?<![\w])(?:{'|'.join(PERIOD_COUNTERS)})[{_WS}]+\Z", re.I)
_WORD_FRACTION = re.compile(
    _first_letter(NUMERATORS, DENOMINATORS) + rf"(?<![\w-])(?:(?P<n>{_tree(NUMERATORS)})[{_WS}-]+)?(?P<d>{_tree(DENOMINATORS)})(?![\w-])"
    rf"(?P<after>[{_WS}]+(?:{_alt(FRACTION_FOLLOWERS)})(?![\w])|[{_WS}]*(?=[,.;:)]|\Z))?",
    re.I,
)
# "twice", "doubled", "double the number", "threefold", "3-fold": how many times.
_MULTIPLE = re.compile(
    _first_letter(MULTIPLES, MULTIPLE_ADJECTIVES) + rf"(?<![\w-])(?:(?P<w>{_tree(MULTIPLES)})"
    rf"|(?P<v>{_tree(MULTIPLE_ADJECTIVES)})(?=[{_WS}]+(?:{_alt(MULTIPLE_ADJECTIVE_FOLLOWERS)})(?![\w])))"
    r"(?![\w-])",
    re.I,
)


def _covered(words: Iterable[str], stems: tuple[str, ...]) -> tuple[str, ...]:
    """``stems`` for a WordGated, checked to be in every one of ``words`` (lowered)."""
    missing = [w for w in words if not any(s in w.lower() for s in stems)]
    assert not missing, missing
    return stems


# A fraction in words holds its denominator, a multiple its word: most texts hold neither.
_WORD_FRACTION_IN = WordGated(_WORD_FRACTION, _covered(DENOMINATORS, (
    "half", "halves", "third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")))
_MULTIPLE_IN = WordGated(_MULTIPLE, _covered([*MULTIPLES, *MULTIPLE_ADJECTIVES], (
    "twice", "thrice", "doubl", "tripl", "trebl", "quadrupl", "fold")))
# A run of number words holds one of these: two texts in three hold none.
_WORD_RUN_IN = WordGated(_WORD_RUN, _covered(_WORDS, (
    "one", "two", "thr", "thir", "four", "five", "fif", "six", "seven", "eigh", "nin", "ten", "elev", "twel", "twent",
    "fort", "first", "second", "hundred", "thousand", "illion", "dozen", "zero")))
_FOLD = re.compile(r"-?fold(?![\w])", re.I)  # "3-fold", "3fold"
_TIME_PLURALS = [TIME_UNIT_PLURALS.get(u, u + "s") for u in (*SECONDS_PER_UNIT, *MONTHS_PER_UNIT)]
# "one in ten households", "almost two in five", "1 in 4 adults", "one in 10,000": the numerator below
# the denominator; a stop may follow ("one in ten."). Not a count within a stretch of time: "3 in 10
# minutes" is three within ten minutes.
_RATIO = re.compile(
    rf"(?<![\w.,-])(?P<n>{_alt(w for w in NUMERATORS if w not in ('a', 'an'))}|[1-9]\d?)(?:[{_WS}]+in[{_WS}]+(?:every[{_WS}]+)?|-in-)"
    rf"(?P<d>{_alt(RATIO_DENOMINATORS).replace(chr(92) + ' ', f'[{_WS}]+')}|[1-9]\d{{0,2}}(?:,\d{{3}})*)"
    rf"(?![\w-]|[.,]\d|[{_WS}]\d)(?![{_WS}]+(?:{_alt(_TIME_PLURALS)})(?![\w]))",
    re.I)
# A ratio holds "in" (or "in every") and then its denominator's digit or word.
_RATIO_IN = WordGated(_RATIO, gate=(
    rf"in(?:[{_WS}]+(?:every[{_WS}]+)?|-)(?:[1-9]|{_alt(w.lower() for w in RATIO_DENOMINATORS).replace(chr(92) + ' ', f'[{_WS}]+')})"))
# Between two numbers: the words that make them a range. "from 10 to 20" after a verb of change
# ("rose from 10 to 20") is two values, not a range.
_RANGE_GAP = re.compile(
    rf"[{_WS}]*(?:{_alt(RANGE_WORDS)}|[-\u2013\u2014])[{_WS}]*(?:{_alt(SYMBOLS)})?\Z", re.I)
_BETWEEN = re.compile(rf"(?<![\w])between[{_WS}]+\Z", re.I)
_CHANGE = re.compile(rf"(?<![\w])(?:{_alt(CHANGE_VERBS)})[{_WS}]+from[{_WS}]+\Z", re.I)
_MODEL_BEFORE = re.compile(rf"(?:\d|\b(?P<w>[A-Z][\w-]*))[{_WS}]\Z")


def _is_model(scan: str, start: int) -> bool:
    """A number right after another number or a name: "10 737-800 planes", "Boeing 737-800"."""
    m = _MODEL_BEFORE.search(scan, max(0, start - 30), start)
    return m is not None and not (m["w"] and (m["w"].lower() in PHRASE_STOPS or m["w"].lower() in QUALIFIER_SYNONYMS
                                         or m["w"].lower() == "between"))


_SCALE_AT_END = re.compile(rf"(?:{_alt(SCALES)})\Z", re.I)


FORMS: tuple[Form, ...] = (
    Form("mixed fraction", "a whole number and a fraction", (("3 1/2%", "3.5"), ("a rise of 2 3/4 per cent", "2.75")),
         (("on 1/2/2023", "none"), ("a 1/4 share", "numbers 1 and 4"))),
    Form("hyphenated fraction", "a whole number, a hyphen, a fraction: the Federal Reserve's style",
         (("5-1/4 percent", "5.25"), ("at 5-1/4 to 5-1/2 percent", "5.25 to 5.5")),
         (("on 26/04/2023", "none"),)),
    Form("vulgar fraction", "a fraction character, alone or after a whole number",
         (("8\u00bd per cent", "8.5"), ("\u00be of the vote", "0.75"), ("5\u00bc to 5\u00bd percent", "5.25 to 5.5"))),
    Form("parliamentary fraction", "Hansard's whole number, full stop, fraction: 7.3/4 is 7\u00be",
         (("7.3/4 per cent.", "7.75"), ("Consols at 2.1/2 per cent", "2.5"))),
    Form("fraction words", "a numerator and a denominator in words; `a third` only before `of` or a stop; "
         "after `past`, `last`, `first`, … a count of periods",
         (("two-thirds of voters", "2/3"), ("a third of the children", "1/3"),
          ("three quarters of the budget", "0.75"), ("half of the staff", "0.5"), ("one-fifth.", "0.2")),
         (("a third term", "none"), ("the third anniversary", "ordinal 3"),
          ("over the past three quarters", "numbers 3"), ("for two consecutive quarters", "numbers 2"))),
    Form("multiplicative", "how many times: a figure of `times` (or none)",
         (("twice as many", "2"), ("prices doubled", "2"), ("double the number", "2"), ("a threefold rise", "3"),
          ("a 3-fold rise", "3"), ("almost twice", "almost 2")),
         (("double standards", "none"),)),
    Form("range", "two ends: the low one says only `at least`, the high one `up to`; a scale or currency "
         "after the high end is shared",
         (("between 200 and 250 million dollars", "200 million to 250 million"), ("10-20 people", "10 to 20"),
          ("10 to 20 people", "10 to 20"), ("two or three days", "2 to 3")),
         (("rose from 10 to 20", "no range"), ("won 5-3", "no range"), ("Boeing 737-800", "no range"))),
    Form("qualifier after the number", "`or more`, `or higher`, `and over` (at least); `or less`, `or lower` "
         "(at most); a percent word may come between",
         (("50 or more people", "at least 50"), ("at 7 per cent. or higher", "at least 7"),
          ("0.2 per cent or more", "at least 0.2"), ("aged 65 and over", "at least 65"),
          ("100 or fewer", "at most 100"), ("aged 65 or older", "at least 65"), ("children of 5 and under",
                                                                                   "at most 5"),
          ("up to and including 10 days", "at most 10"))),
    Form("negated bound", "a bound with `not` or `no` before it is the opposite bound",
         (("a term not exceeding twenty years", "at most 20"), ("no greater than 5%", "at most 5"),
          ("not less than 10 days", "at least 10"))),
    Form("plural scale word", "the formal and historic `millions` after digits is `million`",
         (("\u00a32,300 millions", "2.3 billion"), ("320 millions of pounds", "320 million")),
         (("millions of people", "none"),)),
    Form("ratio", "`N in M`: how many of every M, the numerator below the denominator",
         (("one in ten households", "1/10"), ("almost two in five", "almost 0.4"), ("1 in 4 adults", "0.25"),
          ("fewer than one in 10,000 consoles", "less than 0.0001"), ("reached one in ten.", "1/10"),
          ("one in every five adults", "0.2"), ("a 1-in-10 chance", "1/10")),
         (("one in 2019", "no range"), ("5 in 3 days", "no range"), ("scored 3 in 10 minutes", "no range"))),
    Form("vague quantity", "not a number: it supports no figure; a claim's is compared with its excerpt's by the "
         "order of magnitude it says (`generator/matchers/vague.py`)", (),
         (("hundreds of people", "none"), ("dozens of villages", "none"),
          ("tens of thousands of troops", "none"), ("thousands fled", "none"))),
)


def forms_table() -> str:
    """README's table of the number forms (generated: `python -m generator.matchers.forms`)."""
    return _forms_table(FORMS)


def _fraction_mentions(scan: str, low: str | None = None) -> list[tuple[int, int, Decimal, str]]:
    """(start, end, value, form) of every fraction and multiple in ``scan`` (``low``: ``lowered(scan)``,
    or None to read every pattern)."""
    out: list[tuple[int, int, Decimal, str]] = []
    for m in _DIGIT_FRACTION.finditer(scan):
        if m["v2"]:
            out.append((m.start(), m.end(), _VULGAR[m["v2"]], "fraction"))
        elif m["v1"]:
            out.append((m.start(), m.end(), Decimal(m["whole"]) + _VULGAR[m["v1"]], "fraction"))
        elif m["num"] and m["den"] and int(m["den"]) > int(m["num"]) > 0:
            value = Decimal(m["whole"]) + ratio(int(m["num"]), int(m["den"]))
            out.append((m.start(), m.end(), value, "fraction"))
    for m in _WORD_FRACTION_IN.finditer(scan, low):
        d, n = m["d"].lower(), (m["n"] or "").lower()
        plural = d.endswith("s") and d != "halves" or d == "halves"
        if n in ("", "a", "an", "one"):
            if plural:
                continue
            if not n and d != "half":
                continue  # "third" alone is an ordinal
            if m["after"] is None:
                continue  # "a third term", "one half-brother": not a fraction
            numerator = 1
        else:
            if not plural:
                continue  # "two third" is not English; "three fourth" neither
            if _PERIOD_BEFORE.search(scan, max(0, m.start() - 20), m.start()):
                continue  # "the past three quarters", "the first two quarters of 2024": periods counted
            numerator = NUMERATORS[n]
        end = m.end("d")
        out.append((m.start(), end, ratio(numerator, DENOMINATORS[d]), "fraction"))
    for m in _RATIO_IN.finditer(scan, low):
        n = NUMERATORS.get(m["n"].lower()) or int(m["n"])
        d = RATIO_DENOMINATORS.get(" ".join(m["d"].lower().split())) or int(m["d"].replace(",", ""))
        if 0 < n < d:
            out.append((m.start(), m.end(), ratio(n, d), "ratio"))
    for m in _MULTIPLE_IN.finditer(scan, low):
        times = MULTIPLES[m["w"].lower()] if m["w"] else MULTIPLE_ADJECTIVES[m["v"].lower()]
        out.append((m.start(), m.end(), Decimal(times), "multiple"))
    return out


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number in text: where it is, what it is worth, and how the text qualifies it."""

    start: int
    end: int
    value: Decimal
    qualifier: str | None = None  # canonical: about, more than, less than, at least, at most, almost, up to
    qualifier_span: tuple[int, int] | None = None
    raw: str = ""
    ordinal: bool = False
    # "fraction" (two-thirds, 3 1/2), "multiple" (twice, doubled), or a plain "number".
    form: str = "number"
    # "low" or "high" for an end of a range ("10 to 20", "between 200 and 250 million"): a range
    # end says only "at least" its low end and "up to" its high end, never the single value.
    range_end: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        """The words that carry the value, qualifier included."""
        if self.qualifier_span is None:
            return self.start, self.end
        return min(self.start, self.qualifier_span[0]), max(self.end, self.qualifier_span[1])


def _digits_value(m: re.Match[str]) -> tuple[Decimal, bool]:
    number = Decimal(re.sub(r"[^\d]", "", m["int"]) + (m["frac"] or ""))
    scale = m["sfx"] or m["sfx2"] or m["word"]
    if scale:
        number *= SCALES[scale.lower()]
    return number, bool(m["ord"])


def _below_hundred(toks: list[str], i: int) -> tuple[int, int, bool] | None:
    """(value, next index, ordinal) of a number below 100 at toks[i]."""
    t = toks[i]
    if t in _UNITS:
        return _UNITS[t], i + 1, False
    if t in _ORD_UNITS:
        return _ORD_UNITS[t], i + 1, True
    if t in _ORD_TENS:
        return _ORD_TENS[t], i + 1, True
    if t == "hundredth" or t in _ORD_BIG:  # "the hundredth day"
        return _ORD_BIG.get(t, 100), i + 1, True
    if t in _TENS:
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if nxt in _UNITS and 1 <= _UNITS[nxt] <= 9:
            return _TENS[t] + _UNITS[nxt], i + 2, False
        if nxt in _ORD_UNITS and _ORD_UNITS[nxt] <= 9:
            return _TENS[t] + _ORD_UNITS[nxt], i + 2, True
        return _TENS[t], i + 1, False
    return None


def _below_thousand(toks: list[str], i: int) -> tuple[int, int, bool] | None:
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    if nxt in ("hundred", "hundredth") and (t in ("a", "an") or (t in _UNITS and _UNITS[t] >= 1)):
        hundreds = 100 * (1 if t in ("a", "an") else _UNITS[t])
        if nxt == "hundredth":
            return hundreds, i + 2, True
        j = i + 2
        if j + 1 < len(toks) and toks[j] == "and" and _below_hundred(toks, j + 1):
            j += 1
        tail = _below_hundred(toks, j) if j < len(toks) else None
        if tail:
            return hundreds + tail[0], tail[1], tail[2]
        return hundreds, j if toks[j - 1] != "and" else j - 1, False
    if t in ("a", "an"):
        return None
    return _below_hundred(toks, i)


def _words_value(toks: list[str], i: int) -> tuple[int, int, bool] | None:
    """The longest number phrase at toks[i]: (value, next index, ordinal), or None."""
    total, j, last_scale = 0, i, None
    result: tuple[int, int, bool] | None = None
    while j < len(toks):
        chunk = _below_thousand(toks, j)
        if chunk is None:
            if toks[j] in ("a", "an") and j + 1 < len(toks) and toks[j + 1] in (*_BIG, "dozen") and j == i:
                chunk = (1, j + 1, False)
            else:
                break
        value, k, ordinal = chunk
        if ordinal:
            return total + value, k, True
        nxt = toks[k] if k < len(toks) else ""
        if nxt == "dozen" and last_scale is None:
            return value * 12, k + 1, False
        scale = _BIG.get(nxt) or _ORD_BIG.get(nxt)
        if scale and (last_scale is None or scale < last_scale):
            total += value * scale
            if nxt in _ORD_BIG:
                return total, k + 1, True
            last_scale, j = scale, k + 1
            result = (total, j, False)
            if j + 1 < len(toks) and toks[j] == "and" and _below_thousand(toks, j + 1):
                j += 1
            continue
        return total + value, k, False
    return result


def _word_mentions(text: str, scan: str, low: str | None = None) -> list[tuple[int, int, Decimal, bool]]:
    """``low``: ``lowered`` of ``scan`` or of the text ``scan`` masks parts of (None: read every text)."""
    out = []
    for run in _WORD_RUN_IN.finditer(scan, low):
        spans = [(t.start(), t.end()) for t in _TOKEN.finditer(run.group())]
        toks = [run.group()[a:b].lower() for a, b in spans]
        base = run.start()
        i = 0
        while i < len(toks):
            parsed = _words_value(toks, i)
            if parsed is None:
                i += 1
                continue
            value, j, ordinal = parsed
            a, b = base + spans[i][0], base + spans[j - 1][1]
            # "a third", "one-third": a fraction, not the ordinal three.
            if not (ordinal and j - i == 1 and value >= 3 and _FRACTION_BEFORE.search(text, max(0, a - 5), a)):
                out.append((a, b, Decimal(value), ordinal))
            i = j
    return out


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = "\x00" * (b - a)
    return "".join(chars)


@per_text
def find_numbers(text: str) -> list[NumberMention]:
    """Every number in ``text`` in order, with its qualifier when the text gives one."""
    text = as_grammars_read(text)
    scan = _mask(text, calendar_spans(text))
    low = lowered(scan)  # for the word patterns' gates
    found: list[tuple[int, int, Decimal, bool, str]] = []
    special: list[tuple[int, int, Decimal, bool, str]] = []
    for m in _HALF.finditer(scan):
        special.append((m.start(), m.end(), Decimal(12 if m["s"].lower() == "dozen" else _BIG.get(m["s"].lower(), 100))
                        / 2, False, "number"))
    for m in _ONE_UNIT_IN.finditer(scan, low):
        special.append((m.start(), m.end(), Decimal("0.5") if m["half"] else Decimal(1), False, "number"))
    special.sort()
    taken_starts = [a for a, *_ in special]
    for a, b, value, form in _fraction_mentions(scan, low):
        k = bisect_left(taken_starts, b)  # the last "half a dozen" or "an hour" starting before b
        if (scan[max(0, a - 4):a].lower() == "and " and scan[a:a + 2].lower() == "a ") or (k and special[k - 1][1] > a):
            continue  # "two and a half" and "half a dozen" are read whole below
        special.append((a, b, value, False, form))
    # Digits and number words inside a fraction ("3 1/2", "two-thirds") are read only as the fraction.
    digits_scan = _mask(scan, [(a, b) for a, b, *_ in special])
    for m in _DIGITS_IN.finditer(digits_scan):
        a = m.start()
        if a >= 2 and scan[a - 1] in "-\u2212" and scan[a - 2].isalpha():
            continue  # "F-16", "Covid-19": names, not figures
        value, ordinal = _digits_value(m)
        fold = None if ordinal else _FOLD.match(scan, m.end())
        if fold:  # "a 3-fold rise"
            found.append((a, fold.end(), value, False, "multiple"))
            continue
        found.append((a, m.end(), value, ordinal, "number"))
    found = [(a - 1, b, -value, o, f) if a and not o and _NEGATIVE.search(scan, max(0, a - 2), a)
             else (a, b, value, o, f) for a, b, value, o, f in found]
    found += special
    found.sort()
    starts, ends = [a for a, *_ in found], [b for _, b, *_ in found]  # disjoint, so both sorted
    for a, b, value, ordinal in _word_mentions(text, digits_scan, low):  # masking only takes words away
        k = bisect_left(starts, b)
        if k == 0 or ends[k - 1] <= a:
            found.append((a, b, value, ordinal, "number"))
    found.sort()
    out = []
    for a, b, value, ordinal, form in found:
        half = None if ordinal or form != "number" else _AND_A_HALF.match(scan, b)
        if half:  # "an hour and a half", "two and a half years"
            value, b = value + Decimal("0.5"), half.end()
        qualifier = qspan = None
        if not ordinal:
            q = _QUALIFIER_BEFORE.search(scan, max(0, a - 40), a)
            if q:
                qualifier, qspan = QUALIFIER_SYNONYMS[" ".join(q["q"].lower().split())], q.span("q")
            else:
                p = _QUALIFIER_AFTER.match(scan, b)
                if p:
                    g = next(n for n in ("a", "b", "c") if p[n])
                    qualifier, qspan = _POSTFIX[" ".join(p[g].lower().split())], p.span(g)
        out.append(NumberMention(a, b, value, qualifier, qspan, text[a:b], ordinal, form))
    return _ranges(scan, out)


def _ranges(scan: str, out: list[NumberMention]) -> list[NumberMention]:
    """Mark the two ends of each range; the low end takes the high end's scale ("200 to 250 million")."""
    for i in range(len(out) - 1):
        low, high = out[i], out[i + 1]
        if low.ordinal or high.ordinal or low.form == "multiple" or high.form == "multiple" or low.range_end:
            continue
        gap = _RANGE_GAP.match(scan[low.end:high.start])
        if not gap:
            continue
        word = gap.group().strip().lower()
        if word == "and" and not _BETWEEN.search(scan, max(0, low.start - 12), low.start):
            continue
        if word in ("-", "\u2013", "\u2014") and (not (low.raw[-1:].isdigit() and high.raw[:1].isdigit())
                                                  or _is_model(scan, low.start)):
            continue  # "Boeing 737-800", "10 737-800 planes": a model, not a range
        if word in ("to", "-", "\u2013") and _CHANGE.search(scan, max(0, low.start - 20), low.start):
            continue  # "rose from 10 to 20": two values
        value = low.value
        scale = _SCALE_AT_END.search(high.raw)
        if scale and not _SCALE_AT_END.search(low.raw):
            factor = SCALES[scale.group().lower()]
            if value < high.value / factor:
                value *= factor
        if not value < high.value:
            continue  # "won 5-3", "2022-23"
        low_q = low.qualifier or "at least"
        high_q = high.qualifier or "up to"
        out[i] = replace(low, value=value, qualifier=low_q, qualifier_span=low.qualifier_span or (low.start, high.end),
                         range_end="low")
        out[i + 1] = replace(high, qualifier=high_q, qualifier_span=high.qualifier_span or (low.start, high.end),
                             range_end="high")
    return out


def number_at(text: str, pos: int) -> NumberMention | None:
    """The digit number starting exactly at ``pos``, even glued to a word before it ("USD1.5bn")."""
    m = _DIGITS_AT.match(text, pos)
    if not m or (pos and text[pos - 1].isdigit()):
        return None
    value, ordinal = _digits_value(m)
    return NumberMention(m.start(), m.end(), value, None, None, m.group(), ordinal)


def parse_value(value: int | float | str) -> Decimal:
    """A fact's ``value``: ``19500``, ``3.5``, ``"19,500"``, ``"3.5 billion"``, ``"600m"``, ``"1.13bn"``."""
    if isinstance(value, bool):
        raise ValueError("a number is needed, not true/false")
    if isinstance(value, (int, float)):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise ValueError(f"'{value}' is not a finite number") from None
        if not number.is_finite():
            raise ValueError(f"'{value}' is not a finite number")
        return number
    if not isinstance(value, str):
        raise ValueError(f"'{value}' is not a number")
    m = _VALUE.fullmatch(value)
    if m:
        number, _ = _digits_value(m)
        return -number if m["sign"] else number
    words = [t.lower() for t in _TOKEN.findall(value)]
    if words and re.fullmatch(r"[A-Za-z \t-]+", value):
        parsed = _words_value(words, 0)
        if parsed and parsed[1] == len(words):
            return Decimal(parsed[0])
    m = re.fullmatch(r"[ \t]*(?P<sign>[-\u2212])?(?P<num>\d+)/(?P<den>[1-9]\d*)[ \t]*", value)
    if m:  # "2/3": the value of "two-thirds"
        number = ratio(int(m["num"]), int(m["den"]))
        return -number if m["sign"] else number
    fractions = [n for n in find_numbers(value.strip()) if n.form == "fraction"]
    if len(fractions) == 1 and fractions[0].raw == value.strip():  # "3 1/2", "8½", "two-thirds"
        return fractions[0].value
    m = re.fullmatch(r"[ \t]*[-\u2212]?[\d.,]+[ \t]*([A-Za-z]+)[ \t]*", value)
    if m and m[1].lower() not in SCALES:
        raise ValueError(f"'{m[1]}' in '{value}' is not a scale: use {_SCALES_SAID}")
    raise ValueError(f"'{value}' is not a number: write 19500, 3.5, \"19,500\" or \"3.5 billion\"")


_SCALES_SAID = ", ".join([*(w for w, p in SCALE_WORDS.items() if p >= 3), *list(SCALE_SUFFIXES)[:-1]]) + (
    f" or {list(SCALE_SUFFIXES)[-1]}")
# How messages write a large value: "3.5 billion", the largest scale first (millions and up).
_SHOWN_SCALES = tuple(sorted(((w, 10 ** p) for w, p in SCALE_WORDS.items() if p >= 6), key=lambda s: -s[1]))


def format_number(value: Decimal) -> str:
    """``19,500``, ``3.5 billion``, ``0.25``, ``2/3``: how messages show a value."""
    exponent = value.as_tuple().exponent  # 'n', 'N' or 'F' for NaN and infinities
    if value.is_finite() and isinstance(exponent, int) and exponent < -6:
        whole = int(value)
        rest = value - whole
        for den in (*range(2, 101), 1000):  # a fraction read from "two-thirds", "a seventh", "one in 13"
            num = int((rest * den).to_integral_value())
            if 0 < abs(num) < den and ratio(num, den) == rest:
                return f"{whole} {num}/{den}" if whole else f"{num}/{den}"
    if value.is_finite() and abs(value) >= 10 ** 6:
        for word, scale in _SHOWN_SCALES:
            if abs(value) >= scale:
                short = value / scale
                # quantize() cannot exceed the context's 28 digits: a longer number is shown in full.
                if short.adjusted() < 24 and short == short.quantize(Decimal("0.001")):
                    return f"{_plain(short)} {word}"
                break
    return _plain(value, grouped=True)


def _plain(value: Decimal, grouped: bool = False) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}" if grouped else str(int(value))
    text = format(value.normalize(), ",f" if grouped else "f")
    return text


if __name__ == "__main__":
    from generator.matchers.forms import update_readme

    print("README.md updated" if update_readme() else "README.md is current")
