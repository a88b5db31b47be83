"""Who the text says spoke a quotation: the reporting clause next to it, or the sentence before.

``"…," X said``, ``said X``, ``X said: "…"``, ``X told Y "…"``, ``according to
X``, and a quotation that continues the speaker of the sentence before it.
``he``/``she`` resolve only when exactly one person is named, as a subject,
before the quote. Anything else is left unresolved rather than guessed.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from generator.lexicon.speech import RELAYING_VERBS
from generator.matchers.people import PeopleIndex
from generator.matchers.quotes.marks import QuotedSpan
from generator.matchers.quotes.subjects import Subject, SubjectReader
from generator.matchers.quotes.tokens import Tok

_PRONOUN_REACH = 3  # sentences between a name and the he/she that stands for it
# Tokens read back from a quotation for its reporting clause, and back from a he/she for other
# people it could mean. A clause is a few words; the bound keeps reading every quotation of a text
# linear in it when a "sentence" never ends (hostile text: thousands of quotations, no full stop).
_CLAUSE_REACH = 200
# "… was as far as X would go", "… was all X would say": the verb that makes X the speaker.
_CONCEDING = frozenset("go say offer venture concede admit commit reveal".split())


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the text says spoke a quotation.

    ``speaker_ids`` is empty when the text does not say (or this module cannot
    tell); ``reason`` then says why. ``span`` is where the text names the speaker
    (for a pronoun: the pronoun; its antecedent is in ``antecedent``).
    """

    speaker_ids: frozenset[str] = frozenset()
    span: tuple[int, int] | None = None
    evidence: str = ""  # the reporting words, e.g. "Yermak said"
    reason: str = ""
    antecedent: tuple[int, int] | None = None
    negated: bool = False  # "X never said …": the text denies X said it
    ambiguous: bool = False  # a name or alias shared by several people
    # The words the text gives them to when they are no name or alias ("an aide to Jones",
    # "officials", "the president"): the validator tells whether that can be the fact's speaker.
    described: str = ""

    @property
    def resolved(self) -> bool:
        return bool(self.speaker_ids) and not self.ambiguous and not self.negated

    def highlight_spans(self) -> list[tuple[int, int]]:
        return [s for s in (self.span, self.antecedent) if s is not None]


_NO_VERB = "no reporting verb (said, told, according to, …) next to the quote names who spoke"


class QuoteReader(SubjectReader):
    """A text read once, and who it says spoke each of its quotations."""

    def __init__(self, text: str, people: PeopleIndex, *, extra_span: tuple[int, int] | None = None):
        super().__init__(text, people, extra_span=extra_span)
        self._memo: dict[int, Attribution | None] = {}

    @cached_property
    def _token_ends(self) -> list[int]:
        return [t.end for t in self.tokens]

    @cached_property
    def _token_at(self) -> dict[int, int]:
        return {t.start: i for i, t in enumerate(self.tokens)}

    def attribute_span(self, span: QuotedSpan) -> Attribution:
        k = self.quote_token(span)
        att = self._attribute(k)
        return att if att is not None else Attribution(reason=_NO_VERB)

    def _attribute(self, k: int) -> Attribution | None:
        # A quotation that continues the one before continues its speaker: follow that chain
        # in a loop (a text may hold thousands of such quotations in a row), then memoise the
        # answer for every quotation on it.
        chain: list[int] = []
        att: Attribution | None = None
        while k not in self._memo:
            self._memo[k] = None  # guards the chain
            chain.append(k)
            att = self._own(k)
            if att is not None:
                break
            nxt = self._continued(k)
            if not isinstance(nxt, int):
                att = nxt
                break
            k = nxt
        else:
            att = self._memo[k]
        for c in chain:
            self._memo[c] = att
        return att

    def _own(self, k: int) -> Attribution | None:
        lo, hi = self._sentence_range(k)
        toks = self.tokens
        left = [i for i in range(max(lo, k - _CLAUSE_REACH), k) if toks[i].kind != "break"]
        right = []
        for i in range(k + 1, hi):
            if toks[i].kind == "quote":
                break
            if toks[i].kind != "break":
                right.append(i)
        before = toks[left[-1]] if left else None
        embedded = before is not None and not (before.kind == "punct" and before.low in (",", ";", "-", "(", "["))
        sides = (self._from_left, self._from_right) if embedded else (self._from_right, self._from_left)
        for side in sides:
            found = side(left if side == self._from_left else right)
            if found is not None:
                return found
        return None

    def _continued(self, k: int) -> Attribution | int | None:
        """A quotation that opens its sentence with no reporting words of its own
        continues the speaker of the sentence before, in the same paragraph:
        ``"…," Yermak said. "…"``, ``X said, according to Y. "…"``, or
        ``X reiterated his call … . "…"``. Returns the attribution, or the token of
        the quotation before whose speaker this one continues."""
        lo, _ = self._sentence_range(k)
        toks = self.tokens
        if lo == 0 or k - lo > _CLAUSE_REACH or any(toks[i].kind != "punct" for i in range(lo, k)):
            return None
        if toks[lo - 1].kind == "break":
            return self._across_paragraph(k, lo)  # a new paragraph may bring a new speaker
        plo, _ = self._sentence_range(lo - 1)
        quotes = [i for i in range(plo, lo) if toks[i].kind == "quote"]
        if quotes:
            return quotes[-1]
        return self._first_clause([i for i in range(plo, lo) if toks[i].kind != "break"])

    def _across_paragraph(self, k: int, lo: int) -> Attribution | int | None:
        """A quotation opening its paragraph with no reporting words of its own: after
        ``X said:`` (``X, the Home Secretary, said:``) ending the paragraph before; or, when
        the quotation is its whole paragraph, the speaker of the paragraph before's last
        sentence (``X tells the BBC …``, ``X says …``, ``"…," X said.``, or another such
        paragraph). Anything else in between may bring a new speaker: unresolved. Like
        :meth:`_continued`, returns the token of the quotation whose speaker this one continues."""
        toks = self.tokens
        j = lo - 1
        while j >= 0 and toks[j].kind == "break":
            j -= 1
        if j < 0:
            return None
        plo, _ = self._sentence_range(j)
        prev = [i for i in range(max(plo, j + 1 - _CLAUSE_REACH), j + 1) if toks[i].kind != "break"]
        if toks[j].kind == "punct" and toks[j].low == ":":
            return self._from_left(prev)
        end = k + 1
        while end < len(toks) and toks[end].kind == "punct":
            end += 1
        if end < len(toks) and toks[end].kind != "break":
            return None  # more than a quotation in this paragraph
        quotes = [i for i in prev if toks[i].kind == "quote"]
        if quotes:
            return quotes[-1]
        found = self._first_clause(prev)
        # Only someone named or described carries over a paragraph break ("This was announced …" does not).
        return found if found is not None and (found.speaker_ids or found.described) else None

    def _first_clause(self, idx: list[int]) -> Attribution | None:
        toks = self.tokens
        for n, i in enumerate(idx):
            t = toks[i]
            if t.kind == "word" and self._is_reporting(idx, n):
                return self._reported_at(idx, n)
        return None

    def _reported_at(self, idx: list[int], n: int) -> Attribution | None:
        """The reporting verb at ``n`` with its subject before it (the innermost of nested reports)."""
        subj = self._subject_before(idx, n)
        if subj.kind == "none":
            return None
        subj, n = self._descend(idx, n, subj)
        return self._conclude(subj, idx[n])

    # left: "X said “…”", "X told Y that “…”", "with X calling him his “…”"
    def _from_left(self, idx: list[int]) -> Attribution | None:
        toks = self.tokens
        if len(idx) >= 2 and toks[idx[-1]].low == ":" and toks[idx[-2]].kind == "name":
            name = toks[idx[-2]]
            if not name.possessive:
                return self._conclude(Subject("name", name, name.ids), idx[-2])
        for n in range(len(idx) - 1, -1, -1):
            if self._is_reporting(idx, n):
                if toks[idx[n]].low == "according":
                    subj = self._subject_after(idx, n + 2)
                else:
                    subj = self._subject_before(idx, n)
                    if subj.kind == "unknown" and self._passive(idx, n):
                        subj = self._agent(idx, n) or subj
                if subj.kind == "none":
                    return Attribution(reason=f"cannot tell who '{toks[idx[n]].low}' has as its subject")
                return self._conclude(subj, idx[n])
        return None

    # right: "“…,” X said", "“…,” said X", "“…,” the government said Xi told Y", "“…,” according to X"
    def _from_right(self, idx: list[int]) -> Attribution | None:
        toks = self.tokens
        n = 0
        while n < len(idx) and toks[idx[n]].kind == "punct":
            n += 1
        idx = idx[n:]
        if not idx:
            return None
        first = toks[idx[0]]
        if first.kind == "word" and first.low == "according" and len(idx) > 1 and toks[idx[1]].low == "to":
            return self._conclude(self._subject_after(idx, 2), idx[0])
        if first.kind == "word" and self._is_reporting(idx, 0) and not first.low.endswith("ing"):
            subj = self._subject_after(idx, 1)
            return self._conclude(subj, idx[0])
        if first.kind == "word" and first.low in ("was", "is"):
            found = self._as_far_as(idx)
            if found is not None:
                return found
        for n, i in enumerate(idx[:14]):
            t = toks[i]
            if t.kind == "punct" and t.low in (".", ";", "!", "?", ":"):
                return None
            if t.kind == "word" and t.low in RELAYING_VERBS and n + 1 < len(idx) \
                    and toks[idx[n + 1]].kind == "name" and not toks[idx[n + 1]].possessive:
                # "“…,” Smith, quoting Jones, said": the words are the one quoted
                name = toks[idx[n + 1]]
                return self._conclude(Subject("name", name, name.ids), idx[n])
            if t.kind == "word" and self._is_reporting(idx, n) and t.low != "according":
                return self._reported_at(idx, n)
        return None

    def _as_far_as(self, idx: list[int]) -> Attribution | None:
        """``"…," was as far as X would go`` / ``"…" was all X would say``: X gave the words."""
        toks = self.tokens
        for n in range(2, min(len(idx), 12)):
            t, before = toks[idx[n]], toks[idx[n - 1]]
            if t.kind == "punct":
                return None
            if t.low in _CONCEDING and before.low in ("would", "could", "will", "did", "was", "is"):
                subj = self._subject_before(idx, n, floor=1)
                return self._conclude(subj, idx[n]) if subj.kind != "none" else None
        return None

    def _conclude(self, subj: Subject, verb_i: int) -> Attribution:
        toks = self.tokens
        verb = toks[verb_i]
        verb_words = self.text[verb.start:verb.end]
        if verb.low == "according":
            verb_words = "according to"
        if subj.kind == "name" and subj.tok is not None:
            name = self._words(subj.tok, subj.tok)
            evidence = self._evidence(subj.tok, verb, name, verb_words)
            ambiguous = len(subj.ids) > 1 and not subj.joint
            reason = ""
            if ambiguous:
                reason = (f"'{name}' names {', '.join(sorted(subj.ids))} (a shared name or alias in "
                          "facts/people.yml)")
            if subj.negated:
                reason = f"the text denies it: '{self._clause(subj.tok, verb)}'"
            return Attribution(subj.ids, (subj.tok.start, subj.tok.end), evidence, reason,
                               negated=subj.negated, ambiguous=ambiguous)
        if subj.kind == "pronoun" and subj.tok is not None:
            return self._resolve_pronoun(subj, verb, verb_words)
        if subj.kind == "other-pronoun" and subj.tok is not None and subj.tok.low == "it":
            found = self._resolve_it(subj, verb, verb_words)
            if found is not None:
                return found
        if subj.kind == "other-pronoun" and subj.tok is not None:
            word = self.text[subj.tok.start:subj.tok.end]
            return Attribution(evidence=f"{word} {verb_words}",
                               reason=f"'{word} {verb_words}' does not say who '{word}' is")
        if subj.kind == "unknown" and subj.words:
            who = subj.words
            return Attribution(evidence=f"{who} {verb_words}", described=who,
                               reason=(f"the text attributes it to '{who}' ('{verb_words}'), which is not a "
                                       "name or alias in facts/people.yml"))
        return Attribution(reason=f"cannot tell who is the subject of '{verb_words}'")

    def _evidence(self, who: Tok, verb: Tok, name: str, verb_words: str) -> str:
        """The reporting words as the text has them: "Xi told", "said Macron", "Xi … saying"."""
        lo, hi = min(who.start, verb.start), max(who.end, verb.end)
        if verb_words == "according to" or hi - lo > 60:
            return f"{name} … {verb_words}" if who.start < verb.start else f"{verb_words} {name}"
        return self._clause(who, verb)

    def _clause(self, a: Tok, b: Tok) -> str:
        return self._words(min(a, b, key=lambda t: t.start), max(a, b, key=lambda t: t.end))

    def _resolve_it(self, subj: Subject, verb: Tok, verb_words: str) -> Attribution | None:
        """``it`` stands for a body (a government, an office), never a person: the body that opens
        the nearest sentence before (``Britain has blocked …. "…," it said``), when that sentence
        opens with a name at all; otherwise None (unresolved)."""
        pron = subj.tok
        assert pron is not None
        p_i = self._token_at[pron.start]
        lo, _ = self._sentence_range(p_i)
        if lo == 0:
            return None
        plo, _ = self._sentence_range(lo - 1)
        first = next((i for i in range(plo, min(lo, plo + _CLAUSE_REACH))
                      if self.tokens[i].kind not in ("break", "punct") and self.tokens[i].low != "the"), None)
        if first is None:
            return None
        t = self.tokens[first]
        if t.kind != "name" or t.possessive or len(t.ids) != 1 or not self.people.is_body(next(iter(t.ids))):
            return None
        word = self.text[pron.start:pron.end]
        return Attribution(t.ids, (pron.start, pron.end), self._evidence(pron, verb, word, verb_words),
                           negated=subj.negated,
                           reason=(f"the text denies it: '{self._clause(pron, verb)}'" if subj.negated else ""),
                           antecedent=(t.start, t.end))

    def _resolve_pronoun(self, subj: Subject, verb: Tok, verb_words: str) -> Attribution:
        """``he``/``she`` is someone only when the nearest sentence that names anyone as a
        subject (outside quotations, before the pronoun, within reach) names exactly one person."""
        pron = subj.tok
        assert pron is not None
        # Names before the pronoun (and so before the quotation it reports), within reach: in a
        # whole text, someone named pages earlier is no candidate.
        upto = min(pron.start, verb.start)
        p_i = self._token_at[pron.start]
        p_sentence = self.sentence[p_i]
        before = bisect_right(self._token_ends, upto)  # tokens[:before] end by upto
        # From the first sentence within reach (and at most _CLAUSE_REACH tokens back, for a
        # hostile "sentence" that never ends): a window, not a pass over the whole text per pronoun.
        first = max(self._sentence_lo[max(0, p_sentence - _PRONOUN_REACH)], before - _CLAUSE_REACH, 0)
        positions = [i for i in range(first, before) if self.tokens[i].kind != "break"]
        cands = self._subject_names(positions)
        if cands:
            # The nearest sentence that names a subject decides ("Zelenskyy said …. He later wrote").
            nearest = self.sentence[self._token_at[cands[-1].start]]
            cands = [c for c in cands if self.sentence[self._token_at[c.start]] == nearest]
        ids = {c.ids for c in cands}
        word = self.text[pron.start:pron.end]
        evidence = self._evidence(pron, verb, word, verb_words)
        if len(ids) == 1 and len(next(iter(ids))) == 1:
            ante = cands[-1]
            a_i = self._token_at[ante.start]
            name = self._words(ante, ante)
            # Anyone else named from the name's sentence on could be the one meant.
            others = self._unknown_people(max(self._sentence_range(a_i)[0], first), p_i)
            if others:
                return Attribution(evidence=evidence, reason=(
                    f"'{word}' could refer to {name} or to {others[-1]}, who is not in facts/people.yml"))
            return Attribution(ante.ids, (pron.start, pron.end), evidence,
                               negated=subj.negated,
                               reason=(f"the text denies it: '{self._clause(pron, verb)}'" if subj.negated else ""),
                               antecedent=(ante.start, ante.end))
        if not ids:
            why = f"'{word}' refers to no one named as a subject in the {_PRONOUN_REACH} sentences before it"
        else:
            names = sorted({self.people.display(i) for c in ids for i in c})
            why = f"'{word}' could refer to any of {', '.join(names)}"
        return Attribution(evidence=evidence, reason=why)


def attribute(text: str, quote_span: tuple[int, int], people: PeopleIndex) -> Attribution:
    """Who ``text`` says spoke the quotation at ``quote_span`` (offsets in ``text``,
    marks included; any span when the text has no quotation marks there)."""
    reader = QuoteReader(text, people, extra_span=quote_span)
    span = next((s for s in reader.spans if s.start <= quote_span[0] and quote_span[1] <= s.end), None)
    if span is None:
        return Attribution(reason=_NO_VERB)
    return reader.attribute_span(span)
