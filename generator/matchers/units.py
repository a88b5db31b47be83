"""Units: what a number in text counts, and whether a figure's ``unit`` names the same thing.

A number counts the noun of the phrase that follows it: ``19,500 Ukrainian children`` counts
children (``Ukrainian`` is a modifier), ``160 Airbus aircraft`` counts aircraft, ``a 36-hour truce``
counts hours, ``the 12-point paper`` points, ``12%`` and ``12 per cent`` percent. ``19,500 of the
children`` and ``3 out of 10 children`` count children; in a range (``200 to 250 tanks``) the first
number counts what the second does. A number followed by no noun may be a label of the noun before
it (``Day 407``, ``Article 5``). Anything else is no stated unit (``more than 50 denounced``).

Nouns are compared by lemma (lemminflect's dictionary, shipped inside the package: child/children,
country/countries, analysis/analyses) and by the synonym groups of ``generator.lexicon.units``
(nations = countries, people = persons, % = per cent; percentage points are their own unit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from generator.lexicon.calendar import MONTHS_PER_UNIT, RELATIVE_WORDS, SECONDS_PER_UNIT
from generator.lexicon.numbers import POSTFIX_QUALIFIERS, QUALIFIER_SYNONYMS, VULGAR_FRACTIONS
from generator.lexicon.text import WORD_SPACES
from generator.lexicon.units import (
    ABBREVIATIONS,
    INVARIANT_PLURALS,
    OF_DETERMINERS,
    PERCENT_FORMS,
    PHRASE_STOPS,
    SYNONYM_GROUPS,
)

_TIME_UNITS = frozenset({*SECONDS_PER_UNIT, *MONTHS_PER_UNIT})
# A phrase ends at a stop word, and at a day named relative to today: "two in five today" counts nothing.
_STOPS = PHRASE_STOPS | {w for w in RELATIVE_WORDS if " " not in w}
_WS = WORD_SPACES  # between the words of one expression, as the lexicon has it
_MAX_WORDS = 6  # a noun phrase after a number is short: "19,500 Ukrainian children"
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_GAP = re.compile(rf"[{_WS}]*")
_PERCENT = re.compile(
    rf"[{_WS}]?(?P<p>"
    + "|".join(re.escape(f).replace(r"\ ", rf"[{_WS}]?") for f in sorted(PERCENT_FORMS, key=len, reverse=True))
    + r")(?:(?<=%)|(?![\w]))",
    re.I,
)
_COMPOUND = re.compile(r"[-\u2010\u2011](?P<w>[^\W\d_]+)(?![\w])")  # "36-hour", "three-year", "12-point"
_GLUED = re.compile(r"(?P<w>[^\W\d_]+[²2]?(?:/[^\W\d_]+)?)(?![\w])")  # "40km", "5kg", "90km/h"
# The number grammar's postfix qualifiers ("or more", "-plus", "+"), and "-odd" ("40-odd"): not nouns.
_POSTFIX = re.compile(
    "[{ws}]*(?:{spaced}|-?(?:{word})|{sign}|-odd)(?![\\w])".format(
        ws=_WS, spaced="|".join(re.escape(p).replace(r"\ ", f"[{_WS}]+") for p in POSTFIX_QUALIFIERS if " " in p),
        word="|".join(p for p in POSTFIX_QUALIFIERS if p.isalpha()),
        sign="|".join(re.escape(p) for p in POSTFIX_QUALIFIERS if not p.replace(" ", "").isalpha())),
    re.I)
_NOT_UNITS = frozenset({"plus", "odd", "strong", "something", "or"})  # "40-plus", "3,000-strong"
_RANGE = re.compile(rf"[{_WS}]*(?:to|and|or|[-\u2013\u2014])[{_WS}]*(?=\d)", re.I)
_OF = re.compile(rf"[{_WS}]+(?:out[{_WS}]+)?of[{_WS}]+", re.I)
# A number ahead, with the fraction after its whole part ("5-1/2", "5 1/2", "5½": a range's high end).
_NUMBER_AHEAD = re.compile(rf"\d[\d,.\u00a0]*(?:[-{_WS}]\d/\d{{1,2}}|[{''.join(VULGAR_FRACTIONS)}])?(?![\w])[{_WS}]*")
_LABEL_BEFORE = re.compile(rf"(?<![\w#])(?P<w>[^\W\d_]+)[{_WS}]\Z")


@dataclass(frozen=True, slots=True)
class Counted:
    """What a number counts: its noun as written, the words between the number and it."""

    head: str
    modifiers: tuple[str, ...]
    start: int  # the noun phrase (modifiers and head), offsets in the text
    end: int
    how: str  # after | compound | glued | percent | of | range | label | multiple
    # Nouns the number counts together with the head: "1,200 hospitals and schools".
    also: tuple[str, ...] = ()

    @property
    def heads(self) -> tuple[str, ...]:
        return (self.head, *self.also)


@dataclass(frozen=True, slots=True)
class Unit:
    """A fact's ``unit`` as the editor wrote it: its head noun and the words before it.

    ``days of the war`` is the head ``days``; what follows ``of`` describes, it is not compared.
    """

    text: str
    head: str
    modifiers: tuple[str, ...]
    also: tuple[str, ...] = ()  # "hospitals and schools": the other nouns counted together

    @property
    def heads(self) -> tuple[str, ...]:
        return (self.head, *self.also)


_CONJUNCTION = re.compile(r"\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+", re.I)  # "a, b and c"


def parse_unit(unit: str) -> Unit:
    text = " ".join(unit.split())
    main = re.split(r"\s+of\s+", text, maxsplit=1, flags=re.I)[0]
    first, *others = _CONJUNCTION.split(main)
    also = tuple(o.split(" ")[-1] for o in others)
    if first.lower() in PERCENT_FORMS or first.lower() in _SYNONYM_OF:
        return Unit(text, first, (), also)
    words = first.split(" ")
    return Unit(text, words[-1], tuple(words[:-1]), also)


# -- the lexicon: lemmas (lemminflect, loaded on first use) and synonyms -------------------------

_SYNONYM_OF: dict[str, str] = {form: group[0] for group in SYNONYM_GROUPS for form in group}


# lemminflect's answers, by question ("getAllLemmas\0children"). Its dictionary loads on first use
# (≈ 0.3 s: only figures with units pay); the validation cache keeps these answers between runs
# (keyed by lemminflect's version), so a re-run asks the dictionary only about words it never met.
Answer = tuple[str, ...] | dict[str, tuple[str, ...]] | None
_ANSWERS: dict[str, Answer] = {}


def _ask(question: str, *args: str) -> Any:
    key = "\0".join((question, *args))
    try:
        return _ANSWERS[key]
    except KeyError:
        import lemminflect  # type: ignore[import-untyped]  # lemminflect ships no annotations

        found = _ANSWERS[key] = _answer(getattr(lemminflect, question)(*args))
        return found


def _answer(value: Any) -> Answer:
    """An answer as tuples (lemminflect's shape), whether it came from lemminflect or from JSON."""
    if value is None:
        return None
    if isinstance(value, dict):
        return {str(k): tuple(str(x) for x in v) for k, v in value.items()}
    return tuple(str(x) for x in value)


def dictionary_answers() -> dict[str, Answer]:
    """What this process asked lemminflect (and what it was told before), to keep for a later run."""
    return _ANSWERS


def load_dictionary() -> None:
    """Load lemminflect's tables now (≈ 0.2 s): processes forked afterwards share them instead of each
    loading its own."""
    import lemminflect

    lemminflect.getAllLemmas("children")  # the tables load on the first question


def remember_answers(answers: dict[str, Any]) -> None:
    """Answers a run with the same lemminflect gave (the validation cache passes them back)."""
    read = {str(key): _answer(value) for key, value in answers.items()}  # all or nothing: may raise
    for key, value in read.items():
        _ANSWERS.setdefault(key, value)


@lru_cache(maxsize=None)
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """Every part of speech lemminflect knows ``word`` as, with its lemmas ({} when unknown)."""
    found = _ask("getAllLemmas", word)
    if not found and word != word.lower():
        found = _ask("getAllLemmas", word.lower())
    return dict(found)


@lru_cache(maxsize=None)  # a claim's words are looked up against every word its excerpt denies
def lemmas_of(word: str) -> frozenset[str]:
    """Every lemma the dictionary knows ``word`` by, any part of speech ("sitting": sit)."""
    return frozenset(lemma.lower() for lemmas in _lemmas(word).values() for lemma in lemmas)


def is_noun(word: str) -> bool:
    return "NOUN" in _lemmas(word) or word.lower() in ABBREVIATIONS or word.lower() in _SYNONYM_OF


def _is_plural(word: str) -> bool:
    """A plural noun form: "children", "communities", "people" (not "aircraft": ambiguous)."""
    if word.lower() in INVARIANT_PLURALS:
        return True
    lemmas = _lemmas(word).get("NOUN", ())
    if any(lemma.lower() != word.lower() for lemma in lemmas):
        return True
    if lemmas:
        plurals = _ask("getAllInflections", lemmas[0], "NOUN").get("NNS", ())
        return bool(plurals) and plurals[0].lower() == word.lower()
    return False


def plural_of(noun: str) -> str:
    """ "hours" for "hour" (the noun itself when the dictionary knows no plural)."""
    plurals = _ask("getInflection", noun, "NNS")
    return plurals[0] if plurals else noun


@lru_cache(maxsize=None)
def noun_keys(noun: str) -> frozenset[str]:
    """The synonym-group keys of every lemma of ``noun`` (its last word when it has several)."""
    text = " ".join(noun.lower().split())
    if text in PERCENT_FORMS:
        text = PERCENT_FORMS[text]
    forms = {text}
    if text not in _SYNONYM_OF:
        *before, last = text.split(" ")
        lemmas = set(_lemmas(last).get("NOUN", ()))
        if not _lemmas(last):
            lemmas |= set(_ask("getAllLemmasOOV", last, "NOUN").get("NOUN", ()))
        forms |= {" ".join([*before, lemma.lower()]) for lemma in lemmas}
    return frozenset(_SYNONYM_OF.get(form, form) for form in forms)


def same_noun(a: str, b: str) -> bool:
    """``children``/``child``, ``nations``/``countries``, ``%``/``per cent``: the same unit."""
    return a.lower() == b.lower() or bool(noun_keys(a) & noun_keys(b))


# -- what a number counts -------------------------------------------------------------------------


def _phrase(text: str, pos: int) -> list[tuple[str, int, int]]:
    """The words from ``pos`` up to a stop word, punctuation, a number or a line break."""
    words: list[tuple[str, int, int]] = []
    while len(words) < _MAX_WORDS:
        gap = _GAP.match(text, pos)
        p = gap.end() if gap else pos
        if words and p == pos:
            break
        m = _WORD.match(text, p)
        if not m or m.group().lower() in _STOPS:
            break
        words.append((m.group(), m.start(), m.end()))
        pos = m.end()
    return words


def _head(words: list[tuple[str, int, int]], plural: bool) -> int | None:
    """Which of the phrase's words is the counted noun."""
    run = 0
    while run < len(words) and words[run][0][:1].isupper() and words[run][0][1:2].islower():
        run += 1
    if run >= 2 and run == len(words):
        # A name in title case is one noun, headed by its last word: "the 26th Ukraine Defence Contact
        # Group" counts groups, not Defence; a time unit first is a compound ("100 Year Partnership",
        # "Three Year Exchequer Bonds": years, as "a 100-year partnership").
        return 0 if words[0][0].lower() in _TIME_UNITS else run - 1
    if plural:
        for i, (w, _, _) in enumerate(words):
            if _is_plural(w):
                # A compound's last noun is its head: "300 armoured personnel carriers".
                while i + 1 < len(words) and _is_plural(words[i + 1][0]):
                    i += 1
                return i
    for i, (w, _, _) in enumerate(words):
        if is_noun(w):
            return i
    for i, (w, _, _) in enumerate(words):
        if w.islower() and not _lemmas(w):  # a noun no dictionary knows: "300 drones", "5 hryvnias"
            return i
    return None


_AND = re.compile(rf"[{_WS}]+(?:and|or|&)(?=[{_WS}])", re.I)
_OXFORD = re.compile(rf",[{_WS}]*(?:and|or|&)(?=[{_WS}])", re.I)
_COMMA = re.compile(rf",(?=[{_WS}])")


def _from_phrase(text: str, pos: int, plural: bool, how: str) -> Counted | None:
    words = _phrase(text, pos)
    i = _head(words, plural)
    if i is None:
        return None
    end = words[i][2]
    also: list[str] = []
    if i == len(words) - 1:
        # "1,200 hospitals and schools", "7,000 surgeries, libraries and schools": counted together.
        # Nouns after a comma join only when an "and"/"or" closes the list.
        pending: list[str] = []
        at = end
        while len(also) + len(pending) < 5:
            conj = _AND.match(text, at) or (_OXFORD.match(text, at) if pending else None)
            comma = None if conj else _COMMA.match(text, at)
            if not conj and not comma:
                break
            more = _phrase(text, (conj or comma).end())  # type: ignore[union-attr]
            j = _head(more, plural)
            compound = j is not None and j + 1 < len(more) and is_noun(more[j + 1][0])
            if j is None or (plural and not _is_plural(more[j][0])) or compound:
                break  # "and 200 trucks", "and school buildings": not one more noun of this list
            at = more[j][2]
            if comma:
                pending.append(more[j][0])
                continue
            also += [*pending, more[j][0]]
            pending, end = [], at
    return Counted(words[i][0], tuple(w for w, _, _ in words[:i]), words[0][1], end, how, tuple(also))


def counted_noun(text: str, start: int, end: int, value: Decimal, ordinal: bool = False,
                 form: str = "number") -> Counted | None:
    """What the number at ``text[start:end]`` counts, or None when the text names nothing there."""
    if form == "multiple":  # "twice", "doubled", "3-fold": a number of times
        return Counted("times", (), start, end, "multiple")
    plural = not ordinal and value != 1
    m = _PERCENT.match(text, end)
    if m:
        return Counted(m["p"], (), m.start("p"), m.end("p"), "percent")
    m = _COMPOUND.match(text, end)
    if m and m["w"].lower() not in _NOT_UNITS:
        return Counted(m["w"], (), m.start("w"), m.end("w"), "compound")
    m = _GLUED.match(text, end)
    if m:
        if m["w"].lower() in ABBREVIATIONS:
            return Counted(m["w"], (), m.start(), m.end(), "glued")
        return None  # "A320neo", "5G": part of a name
    pos = end
    m = _POSTFIX.match(text, pos)
    if m:  # "50 or more countries", "40-plus countries"
        pos = m.end()
    found = _from_phrase(text, pos, plural, "after")
    if found:
        return found
    m = _RANGE.match(text, pos)
    if m:  # "200 to 250 tanks": the first number counts what the second does
        n = _NUMBER_AHEAD.match(text, m.end())
        if n:
            nxt = _from_phrase(text, n.end(), True, "range")
            if nxt:
                return nxt
    m = _OF.match(text, pos)
    if m and not ordinal:  # "19,500 of the children", "one of them", "12 of the 27 states", "3 out of 10 children"
        p = m.end()
        det = _WORD.match(text, p)
        if det and det.group().lower() in OF_DETERMINERS:
            p = _GAP.match(text, det.end()).end()  # type: ignore[union-attr]
        n = _NUMBER_AHEAD.match(text, p)
        found = _from_phrase(text, n.end() if n else p, True, "of")
        if found and _is_plural(found.head):  # a part of a plural: not "Article 5 of the treaty"
            return found
    # "Day 407", "Article 5": a label of the noun just before it, when nothing follows.
    before = _LABEL_BEFORE.search(text, max(0, start - 30), start)
    if before and "NOUN" in _lemmas(before["w"]) and before["w"].lower() not in PHRASE_STOPS \
            and before["w"].lower() not in QUALIFIER_SYNONYMS:
        return Counted(before["w"], (), before.start("w"), before.end("w"), "label")
    return None


def disagreement(unit: Unit, counted: Counted) -> str | None:
    """None when ``counted`` is the unit; otherwise what differs, for the message."""
    if len(unit.heads) != len(counted.heads) or not all(
            any(same_noun(u, c) for c in counted.heads) for u in unit.heads):
        return f"counts {' and '.join(counted.heads)}"
    said = [*counted.modifiers]
    missing = [w for w in unit.modifiers if not any(w.lower() == s.lower() or same_noun(w, s) for s in said)]
    if missing:
        return f"does not say {' '.join(missing)}"
    return None


# -- years are not counts -------------------------------------------------------------------------

_YEAR_SHAPE = re.compile(r"\d{4}\Z")
# Words after which a four-digit number is a year: "in 2022", "since 2014", "Russia's 2022 invasion".
_YEAR_BEFORE = re.compile(
    r"(?:(?<![\w])(?:in|since|from|until|till|through|during|before|after|early|late|mid|year|fiscal|fy"
    rf"|spring|summer|autumn|fall|winter)[{_WS}-]*|['\u2019]s[{_WS}]+|\()\Z",
    re.I,
)

_YEAR_AFTER_WEAK = re.compile(rf"(?<![\w])(?:of|by|for|at|and|or)[{_WS}]+\Z", re.I)
_DECADE = re.compile(r"['\u2019]?s(?![\w])")  # "the 1960s", "the 1990's"


def year_reading(text: str, start: int, end: int, value: Decimal, ordinal: bool = False) -> str | None:
    """Whether a number is a year, not a count: "year" ("in 2022", "the 2022 invasion"), "maybe"
    (four digits from 1000 to 2100 with nothing counted after them: "2022 was hard", "reached 2000."),
    or None ("2000 soldiers", "2000-year-old", "1500%", "Day 2022")."""
    raw = text[start:end]
    if ordinal or not _YEAR_SHAPE.match(raw) or not 1000 <= value <= 2100:
        return None
    if _YEAR_BEFORE.search(text, max(0, start - 12), start) or _DECADE.match(text, end):
        return "year"
    counted = counted_noun(text, start, end, value)
    if counted is None:
        # "the start of 2004", "by 2010": a year after a weaker preposition when nothing is counted.
        return "year" if _YEAR_AFTER_WEAK.search(text, max(0, start - 8), start) else "maybe"
    if counted.how != "after":
        return None
    if _is_plural(counted.head):
        return None
    return "year" if "NOUN" in _lemmas(counted.head) else "maybe"  # "the 2022 invasion"
