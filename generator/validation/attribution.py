"""Who the source says spoke a cited quotation: read around the located span, not in the excerpt alone.

An excerpt cut before "…,” Jones added." must not give Jones's words to Smith,
so a quotation's speaker is read in the whole source text: its sentence, the
reporting clause after it, the sentence and paragraph before. Then the speaker
found is judged against the fact's: the same person, someone else named, or
someone the text describes ("an aide to Jones", "officials", "the president")
who may or may not be them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from generator.matchers.people import PeopleIndex
from generator.matchers.quotes import Attribution, QuoteReader
from generator.normalize import fold_text

SUPPORTED, UNRESOLVED, WRONG = 0, 1, 2


class SourceSpeakers:
    """One source text read once for attribution, shared by every citation of it."""

    def __init__(self, text: str, people: PeopleIndex):
        self.text = text
        self.people = people

    @cached_property
    def reader(self) -> QuoteReader:
        return QuoteReader(self.text, self.people)

    def attribute(self, a: int, b: int) -> Attribution:
        """Who the source says spoke the words at ``a``..``b`` (source offsets)."""
        reader = self.reader
        span = next((s for s in reader.spans if s.inner_start <= a and b <= s.inner_end), None)
        if span is not None:
            return reader.attribute_span(span)
        # No quotation marks hold these words in the source (a transcript): read them as the
        # quotation, within their paragraph and the one before.
        lo, hi = self._paragraphs_around(a, b)
        local = QuoteReader(self.text[lo:hi], self.people, extra_span=(a - lo, b - lo))
        held = next(s for s in local.spans if s.start == a - lo)
        return _shifted(local.attribute_span(held), lo)

    def _paragraphs_around(self, a: int, b: int) -> tuple[int, int]:
        breaks = [m.end() for m in _PARA.finditer(self.text, 0, a)]
        lo = breaks[-2] if len(breaks) >= 2 else 0
        after = _PARA.search(self.text, b)
        return lo, after.start() if after else len(self.text)


_PARA = re.compile(r"\n[ \t\r\f\v]*\n")


def _shifted(att: Attribution, by: int) -> Attribution:
    def move(s: tuple[int, int] | None) -> tuple[int, int] | None:
        return None if s is None else (s[0] + by, s[1] + by)
    return Attribution(att.speaker_ids, move(att.span), att.evidence, att.reason, move(att.antecedent),
                       att.negated, att.ambiguous, att.described)


@dataclass(frozen=True, slots=True)
class Judgement:
    rank: int  # SUPPORTED, UNRESOLVED or WRONG
    message: str


def judge(speaker: str, said: str, att: Attribution, people: PeopleIndex, where: str) -> Judgement:
    """Is ``att`` (read from ``where``: "the source" or "the excerpt") the fact's ``speaker``?"""
    who = f"{people.display(speaker)} ({speaker})"
    others = ", ".join(f"{people.display(i)} ({i})" for i in sorted(att.speaker_ids - {speaker}))
    if att.negated and speaker in att.speaker_ids:
        return Judgement(WRONG, f"{where} denies that {who} said \"{said}\": {att.reason}")
    if att.negated:
        return Judgement(UNRESOLVED, f"cannot tell from {where} who said \"{said}\": {att.reason}, which does "
                                     "not say who did")
    if att.speaker_ids and speaker not in att.speaker_ids:
        return Judgement(WRONG, f"{where} attributes \"{said}\" to {others} ('{att.evidence}'), not to {who}")
    if att.resolved:
        return Judgement(SUPPORTED, "")
    if att.described and not could_be(att.described, speaker, people):
        return Judgement(WRONG, (
            f"{where} gives \"{said}\" to '{att.described}' ('{att.evidence}'), who is not {who}; if "
            f"'{att.described}' does name {people.display(speaker)}, add it to their aliases in facts/people.yml"))
    if where == "the excerpt":
        fix = (f"extend the excerpt to the words that name the speaker (e.g. \"{people.display(speaker)} "
               "said\")")
    else:
        fix = ("the source does not name the speaker where it gives the words, so the fact is shown as "
               "'speaker not confirmed'; cite a source that names them, or add the words the text uses for "
               f"{people.display(speaker)} to their aliases in facts/people.yml")
    return Judgement(UNRESOLVED, f"cannot tell from {where} who said \"{said}\": {att.reason}; {fix}")


# -- descriptions: can "the president", "an aide to Jones" or "officials" be the fact's speaker?

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_DETERMINERS = frozenset("a an the this that these those his her its their our my your one two three some "
                         "several many other another".split())
_DEFINITE = frozenset("the this that his her its their our my your".split())
# Words that relate the speaker to someone else: "an aide to Jones", "officials close to Jones".
_RELATIONS = frozenset("to for of from at with close near in on within inside representing".split())
# Those who speak for a body: "a spokesman for the Kremlin" may be the Kremlin speaking.
_VOICES = frozenset("spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen statement statements "
                    "readout readouts release office press secretary communique communiqué official officials".split())
_DEMONYMS = {"french": "france", "dutch": "netherlands", "british": "britain", "english": "england",
             "welsh": "wales", "scottish": "scotland", "irish": "ireland", "swiss": "switzerland",
             "greek": "greece", "turkish": "turkey", "spanish": "spain", "polish": "poland",
             "danish": "denmark", "swedish": "sweden", "finnish": "finland", "norwegian": "norway",
             "belgian": "belgium", "portuguese": "portugal", "chinese": "china", "japanese": "japan",
             "us": "united", "uk": "united", "eu": "european", "un": "united"}


def _words(text: str) -> list[str]:
    return [re.sub(r"['\u2019]s$", "", w) for w in _WORD.findall(fold_text(text).lower())]


def _same(a: str, b: str) -> bool:
    a, b = _DEMONYMS.get(a, a), _DEMONYMS.get(b, b)
    if a == b:
        return True
    short = min(len(a), len(b))
    if short < 4:
        return False
    n = 0
    while n < short and a[n] == b[n]:
        n += 1
    return n >= min(5, short)


def _known_words(speaker: str, people: PeopleIndex) -> list[str]:
    person = people.people.get(speaker)
    if person is None:
        return []
    return [w for name in (*person.all_names, person.role) for w in _words(name)
            if w not in _DETERMINERS and w not in _RELATIONS]


# Who speaks for another: a spokesman, an aide, a source.
_STAND_INS = _VOICES | frozenset("aide aides adviser advisers advisor advisors source sources ally allies lawyer "
                                 "lawyers staff staffer staffers insider insiders".split())
# Words in a name or role that make it a body (a government, an office, a statement), which speaks
# through spokespeople and statements, not a person.
_BODY_WORDS = frozenset("""
government office ministry department agency council commission committee kremlin palace house embassy
statement paper readout party company corporation organisation organization union nations assembly
parliament court bank bureau service administration presidency cabinet authority federation
""".split())


def _is_body(speaker: str, people: PeopleIndex) -> bool:
    person = people.people.get(speaker)
    return person is not None and any(w in _BODY_WORDS for w in _words(f"{person.name} {person.role}"))


def could_be(described: str, speaker: str, people: PeopleIndex) -> bool:
    """Whether the description the text gives can be the fact's speaker.

    A description is someone else when it relates them to another ("an aide to
    Jones", "Jones's spokesman": the aide is not Jones), or when it is an
    unnamed someone ("a spokesperson", "officials") whose words are not among
    the speaker's name, aliases and role. A definite description ("the
    president", "the minister") may be the speaker unless it names what
    people.yml does not say they are ("the Chinese leader" is not the President
    of France). Lenient where the text is silent: that stays unresolved, which
    is never verified.
    """
    raw = _WORD.findall(described)
    words = _words(described)
    if not words:
        return True
    known = _known_words(speaker, people)
    # Split off a relation: "an aide to Jones" → "an aide" | "Jones"; "Jones's spokesman" → "spokesman" | "Jones".
    head, related = words, []
    for n, w in enumerate(words[1:], 1):
        if w in _RELATIONS:
            head, related = words[:n], words[n + 1:]
            break
    for n, r in enumerate(raw[:-1]):
        if re.search(r"['\u2019]s$", r) and raw[n][0].isupper():
            related, head = words[:n + 1], words[n + 1:]
            break
    content = [w for w in head if w not in _DETERMINERS]
    if not content:
        return True
    overlap = [w for w in content if any(_same(w, k) for k in known)]
    if related:
        voice = any(w in _VOICES for w in content)
        related_is_speaker = any(any(_same(w, k) for k in known) for w in related if w not in _DETERMINERS)
        if related_is_speaker:
            # "a spokesman for the Kremlin" may be the Kremlin; "an aide to Jones" or "Jones's spokesman"
            # is not Jones.
            return voice and _is_body(speaker, people)
        return bool(overlap)
    if overlap:
        last = content[-1]
        if last in _STAND_INS and not any(_same(last, k) for k in known):
            # "a Kremlin spokesman" may be the Kremlin; "a Jones aide" is not Jones.
            return _is_body(speaker, people)
        # Every proper word must fit too: "the French president" is not the President of China.
        proper = [fold_text(r).lower() for r in raw[1:] if r[:1].isupper()]
        return all(any(_same(_DEMONYMS.get(p, p), k) for k in known) for p in proper)
    if words[0] in _DEFINITE:
        # "the minister" may be them; "the Chinese leader" (a proper word they lack) cannot be Macron.
        return not any(r[:1].isupper() for r in raw[1:])
    return False
