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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Callable
from functools import cached_property

from generator.lexicon.speech import (
    DEFINITE_DETERMINERS,
    DEMONYM_STEMS,
    DETERMINERS,
    PERSONAL_PRONOUNS,
    REPORTING_VERBS,
    SPEAKER_RELATIONS,
    SPEECH_NOUNS,
    STAND_INS,
    VOICES,
)
from generator.matchers.headings import speaker_labels
from generator.matchers.people import PeopleIndex
from generator.matchers.quotes import Attribution, QuotedSpan, QuoteReader
from generator.normalize import fold, fold_text

SUPPORTED, UNRESOLVED, WRONG = 0, 1, 2


class SourceSpeakers:
    """One source text read once for attribution, shared by every citation of it."""

    def __init__(self, text: str, people: PeopleIndex):
        self.text = text
        self.people = people

    @cached_property
    def reader(self) -> QuoteReader:
        return QuoteReader(self.text, self.people)

    @cached_property
    def turns(self) -> list[Turn]:
        """A transcript's turns: each speaker label at a line's start (``MR SMITH:``, ``The Prime
        Minister (Rishi Sunak):``, ``Mr. KELLY.``, a heading with no colon: the forms in
        ``generator.matchers.headings``), to the next label. A text with one label is no transcript
        (a ``BEIJING:`` dateline is not a speaker) unless the label's form is a transcript's own."""
        found, transcript = speaker_labels(self.text)
        if not transcript:
            return []
        ends = [m.start() for m in found[1:]] + [len(self.text)]
        return [Turn(m.start("label"), m.end("label"), m.end(), end) for m, end in zip(found, ends)]

    def turn_at(self, a: int, b: int) -> Turn | None:
        n = bisect_right(self._turn_starts, a) - 1
        return self.turns[n] if n >= 0 and b <= self.turns[n].end else None

    @cached_property
    def _turn_starts(self) -> list[int]:
        return [t.start for t in self.turns]

    @cached_property
    def _span_starts(self) -> list[int]:
        return [s.inner_start for s in self.reader.spans]

    def _holding(self, a: int, b: int) -> QuotedSpan | None:
        """The source quotation whose words hold ``a``..``b`` (spans are in order, not overlapping)."""
        n = bisect_right(self._span_starts, a) - 1
        if n < 0:
            return None
        span = self.reader.spans[n]
        return span if span.inner_start <= a and b <= span.inner_end else None

    @cached_property
    def _paras(self) -> tuple[list[int], list[int]]:
        """Where the text's paragraph breaks start and end, found once."""
        found = list(_PARA.finditer(self.text))
        return [m.start() for m in found], [m.end() for m in found]

    def is_quotation(self, a: int, b: int) -> bool:
        """Whether the source gives the words at ``a``..``b`` as someone's own words: inside its
        quotation marks, in a transcript's turn, or, in a text with no quotation marks at all,
        direct speech (``…, he said``, ``X said: …``). Narrative and indirect speech
        (``X announced that …``) are not."""
        if self._holding(a, b) is not None or self.turn_at(a, b) is not None:
            return True
        if self._under_name(a, b) is not None:
            return True
        if self.reader.spans:
            return False
        before = self.text[max(0, a - 120):a].rstrip()
        if before.endswith(":"):
            # "Jones said: …", "Jones said in a statement: …"; a dateline ("CANBERRA: …") is no speech.
            return _introduces_speech(before)
        return self._intro_paragraph(a) is not None or _postposed_clause(self.text, b)

    def _intro_paragraph(self, a: int) -> tuple[int, int] | None:
        """GOV.UK's house style: a paragraph ending "X said:" and X's words in the paragraphs after it, with
        no quotation marks. The paragraph holding ``a`` is X's when it is the first after the intro, or
        speaks in the first or second person within three paragraphs of it; the intro's span, or None."""
        starts, ends = self._paras
        n = bisect_right(ends, a)  # paragraph breaks before a: a's paragraph is the n-th
        here = self.text[ends[n - 1] if n else 0:starts[n] if n < len(starts) else len(self.text)]
        for back in range(1, 4):
            k = n - back
            if k < 0:
                return None
            lo, hi = (ends[k - 1] if k else 0), starts[k]
            para = self.text[lo:hi].rstrip()
            if para.endswith(":"):
                speech = _introduces_speech(para) and (back == 1 or _personal(here))
                return (lo, hi) if speech else None
            if _reports(para):
                return None  # narrative in between: "The Government said …" ends X's words
        return None

    def _under_name(self, a: int, b: int) -> Turn | None:
        """A speaker's name alone on a line above their words, as a press conference's transcript gives its
        opening statement ("Michele Bullock", then paragraphs), when the name is a person's in
        facts/people.yml: the paragraph holding ``a``..``b`` is theirs when it is the first below the name,
        or speaks in the first or second person, and no other heading ("Question", "Journalist") or "X
        said:" comes between. A transcript's own labels come first (``turns``); the name is looked for
        within a dozen paragraphs."""
        if self.turns:
            return None
        starts, ends = self._paras
        n = bisect_right(ends, a)
        end = starts[n] if n < len(starts) else len(self.text)
        if b > end:
            return None
        here = self.text[ends[n - 1] if n else 0:end]
        for k in range(n - 1, max(-1, n - 13), -1):
            lo, hi = (ends[k - 1] if k else 0), starts[k]
            para = self.text[lo:hi]
            name = para.strip()
            if name and len(name) <= 60 and "\n" not in name:
                found = self.people.mentions(fold(name).text)
                if any(m.start == 0 and m.end == len(fold(name).text) for m in found):
                    if k != n - 1 and not _personal(here):
                        return None
                    at = lo + para.index(name)
                    return Turn(at, at + len(name), hi, end)
            if para.rstrip().endswith(":") or _short_line(name):
                return None  # someone else's words introduced, or another heading: the name's turn ended
        return None

    @property
    def has_marks(self) -> bool:
        return bool(self.reader.spans)

    def attribute(self, a: int, b: int, marks: tuple[int, int] | None = None) -> Attribution:
        """Who the source says spoke the words at ``a``..``b`` (source offsets); ``marks``: the
        quotation around them, marks included, as the excerpt shows it whole."""
        reader = self.reader
        span = self._holding(a, b)
        if marks is not None and (span is None or (span.start, span.end) != marks):
            # A stray mark earlier in the text pairs the source's marks otherwise; the excerpt shows
            # this quotation whole, between its own marks: read it so, in its paragraphs.
            return self._local(marks[0], marks[1])
        if span is not None:
            return reader.attribute_span(span)
        turn = self.turn_at(a, b) or self._under_name(a, b)
        if turn is not None:
            return self._labelled(turn)
        # No quotation marks hold these words in the source: read them as the quotation.
        intro = None if self.has_marks else self._intro_paragraph(a)
        if intro is not None and self.text[max(0, a - 120):a].rstrip()[-1:] != ":":
            return self._introduced(intro, a, b)
        return self._local(a, b)

    def _introduced(self, intro: tuple[int, int], a: int, b: int) -> Attribution:
        """``a``..``b`` read as a quotation right after its "X said:" paragraph, the words between left out
        (they hold no speaker: ``_intro_paragraph`` saw to it)."""
        lo, hi = intro
        starts, _ = self._paras
        m = bisect_left(starts, b)
        end = starts[m] if m < len(starts) else len(self.text)
        if _follows(self.text[lo:hi]):
            # "The Chaplain, Dr. Barry C. Black, offered the following prayer:" has no reporting verb
            # to read: the intro names the speaker as a label does.
            label = self.text[lo:hi].rstrip()
            return self._labelled(Turn(lo, lo + len(label) - 1, hi, end))
        # The words read as if they opened the paragraph under the intro, as the intro's first words do.
        local_text = self.text[lo:hi] + "\n\n" + self.text[a:end]
        shift = a - (hi - lo + 2)  # where the second part's characters are in the source
        local = QuoteReader(local_text, self.people, extra_span=(a - shift, b - shift))
        held = next(s for s in local.spans if s.start == a - shift)
        # The intro's spans move by where it starts, the words' by where they are in the source.
        return _shifted(local.attribute_span(held), lambda at: lo if at < hi - lo else shift)

    def _local(self, a: int, b: int) -> Attribution:
        """``a``..``b`` read as a quotation within its paragraph and the one before."""
        lo, hi = self._paragraphs_around(a, b)
        local = QuoteReader(self.text[lo:hi], self.people, extra_span=(a - lo, b - lo))
        held = next(s for s in local.spans if s.start == a - lo)
        return _shifted(local.attribute_span(held), lo)

    def _paragraphs_around(self, a: int, b: int) -> tuple[int, int]:
        starts, ends = self._paras
        n = bisect_right(ends, a)  # paragraph breaks ending by a
        lo = ends[n - 2] if n >= 2 else 0
        m = bisect_left(starts, b)  # the first break from b on
        return lo, starts[m] if m < len(starts) else len(self.text)


    def _labelled(self, turn: Turn) -> Attribution:
        label = " ".join(self.text[turn.label_start:turn.label_end].split())
        ids = frozenset(i for m in self.people.mentions(fold(label).text) for i in m.ids)
        evidence = f"{label}:" if self.text[turn.label_end:turn.start].strip().startswith(":") else label
        if ids:
            ambiguous = len(ids) > 1
            reason = f"'{label}' names {', '.join(sorted(ids))}" if ambiguous else ""
            return Attribution(ids, (turn.label_start, turn.label_end), evidence, reason, ambiguous=ambiguous)
        # "PRIME MINISTER:" is the one person whose role has those words, when there is exactly one.
        title = [w for w in _words(label) if w not in _TITLE_FILLERS]
        holders = {pid for pid, p in self.people.people.items()
                   if title and p.role and set(title) <= set(_words(p.role))}
        if len(holders) == 1:
            return Attribution(frozenset(holders), (turn.label_start, turn.label_end), evidence)
        return Attribution(evidence=evidence, described=label, reason=(
            f"the transcript gives it to '{label}', which is not a name or alias in facts/people.yml"
            + (f" and the role of {', '.join(sorted(holders))}" if holders else "")))


_TITLE_FILLERS = frozenset("the mr mrs ms dr".split())


@dataclass(frozen=True, slots=True)
class Turn:
    """A transcript's turn: the speaker label, and the words it covers (to the next label)."""

    label_start: int
    label_end: int
    start: int
    end: int


# A paragraph break: a blank line, or a line indented by two spaces or more (the Congressional Record's
# paragraphs open so, their other lines flush left).
_PARA = re.compile(r"\n[ \t\r\f\v]*\n|\n(?=[ \t]{2,}\S)")
# Direct speech with no marks: a reporting clause right after the words ("…, he said", "…, said Jones").
_CLAUSE_AFTER = re.compile(r"[ \t]*[,\u2014\u2013][ \t]*(?P<clause>[^.!?;:\n]{0,80})")


def _introduces_speech(before: str) -> bool:
    """Whether text ending in a colon introduces speech: a reporting verb in its last clause."""
    clause = re.split(r"[.!?\n]", before.rstrip()[:-1])[-1]
    words = re.findall(r"[^\W\d_]+", clause.lower())[-6:]
    return _follows(before) or any(w in REPORTING_VERBS and not w.endswith("ing") for w in words)


def _follows(intro: str) -> bool:
    """Whether an intro ends "the following <speech>:" ("offered the following prayer:")."""
    words = re.findall(r"[^\W\d_]+", intro.rstrip().rstrip(":").lower())[-2:]
    return intro.rstrip().endswith(":") and len(words) == 2 and words[0] == "following" and words[1] in SPEECH_NOUNS


def _short_line(text: str) -> bool:
    """A line that is no sentence: a few words, no stop at its end (a heading, a speaker's label)."""
    return bool(text) and "\n" not in text and len(text.split()) <= 6 and text[-1] not in ".!?,;\u2026\"\u201d"


def _personal(text: str) -> bool:
    return any(w in PERSONAL_PRONOUNS for w in re.findall(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?",
                                                           text.lower().replace("\u2019", "'")))


def _reports(text: str) -> bool:
    """Whether a paragraph reports someone's words itself ("…, the minister said.")."""
    return any(w in REPORTING_VERBS and not w.endswith("ing") for w in re.findall(r"[^\W\d_]+", text.lower()))


def _postposed_clause(text: str, at: int) -> bool:
    m = _CLAUSE_AFTER.match(text, at)
    if m is None:
        return False
    words = re.findall(r"[^\W\d_]+", m.group("clause").lower())[:6]
    return any(w in REPORTING_VERBS and not w.endswith("ing") and words[n + 1:n + 2] != ["that"]
               for n, w in enumerate(words))


def _shifted(att: Attribution, by: int | Callable[[int], int]) -> Attribution:
    """``att`` with its spans moved from a local text to the source: by ``by``, or by what ``by`` gives
    for a span's start."""
    def move(s: tuple[int, int] | None) -> tuple[int, int] | None:
        if s is None:
            return None
        d = by if isinstance(by, int) else by(s[0])
        return s[0] + d, s[1] + d
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
_DETERMINERS, _DEFINITE, _RELATIONS, _VOICES = DETERMINERS, DEFINITE_DETERMINERS, SPEAKER_RELATIONS, VOICES
_DEMONYMS = DEMONYM_STEMS


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


_STAND_INS = STAND_INS
def _is_body(speaker: str, people: PeopleIndex) -> bool:
    return people.is_body(speaker)


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
