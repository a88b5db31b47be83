"""Who a reporting verb has as its subject: a name, he/she, someone not in people.yml, or no one.

``X said``, ``said X``, ``A and B said``, ``John Kirby, a spokesman, said``,
``reported Xi as saying``, ``was told by X``, ``X, who had said``, ``X took a
hard line — saying``, and nested reports (``the government said Xi told``),
where the innermost reporter spoke.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.lexicon.calendar import RELATIVE_WORDS, WEEKDAY_NAMES
from generator.lexicon.speech import (
    TITLE_LINKS,
    ADVERBS,
    AUXILIARIES,
    BE_FORMS,
    CLAUSE_WORDS,
    NEGATIONS,
    OTHER_PRONOUNS,
    PERSON_LINKS,
    PERSON_NOUNS,
    PREPOSITIONS,
    REPORTING_VERBS,
    SUBJECT_PRONOUNS,
)
from generator.matchers.quotes.tokens import Tok, TokenizedText

_REPORTING = REPORTING_VERBS
_TITLE_LINKS = TITLE_LINKS
_AUX, _BE, _NEG = AUXILIARIES, BE_FORMS, NEGATIONS
_ADVERBS = ADVERBS | {w for w in RELATIVE_WORDS if " " not in w}  # today, yesterday, tonight, tomorrow
_WEEKDAYS = frozenset(d.lower() for d in WEEKDAY_NAMES)
_PREPOSITIONS, _CLAUSE_WORDS, _PERSON_NOUNS, _LINKS = PREPOSITIONS, CLAUSE_WORDS, PERSON_NOUNS, PERSON_LINKS
_SUBJECT_PRONOUNS, _OTHER_PRONOUNS = SUBJECT_PRONOUNS, OTHER_PRONOUNS


@dataclass
class Subject:
    kind: str  # "name" | "pronoun" (he, she) | "other-pronoun" (it, they, …) | "unknown" | "none"
    tok: Tok | None = None
    ids: frozenset[str] = frozenset()
    words: str = ""
    negated: bool = False
    joint: bool = False  # "A and B said": a shared name is not ambiguous here


class SubjectReader(TokenizedText):
    """The subject grammar over a :class:`TokenizedText`'s tokens (``idx``: token positions of one clause)."""

    def _is_reporting(self, idx: list[int], n: int) -> bool:
        t = self.tokens[idx[n]]
        if t.kind != "word":
            return False
        if t.low == "according":
            return n + 1 < len(idx) and self.tokens[idx[n + 1]].low == "to"
        if t.low not in _REPORTING:
            return False
        prev = self.tokens[idx[n - 1]] if n > 0 else None
        # "his call", "the report": determiners before a noun form
        return not (prev is not None and prev.low in ("a", "an", "the", "his", "her", "its", "their", "my", "our"))

    def _skip_fillers(self, idx: list[int], j: int, floor: int) -> tuple[int, bool, bool]:
        toks = self.tokens
        negated = passive = False
        while j >= floor:
            t = toks[idx[j]]
            if t.kind != "word":
                break
            w = t.low
            if w in _NEG:
                negated = True
            elif w in _BE:
                passive = True
            elif w in _AUX or w in _ADVERBS or w in _WEEKDAYS or (w.endswith("ly") and not t.upper and len(w) > 3):
                pass
            elif w in ("week", "month", "year") and j - 1 >= floor and toks[idx[j - 1]].low in ("last", "this"):
                j -= 1
            else:
                break
            if w in _WEEKDAYS and j - 1 >= floor and toks[idx[j - 1]].low == "on":
                j -= 1
            j -= 1
        return j, negated, passive

    def _passive(self, idx: list[int], n: int) -> bool:
        if self.tokens[idx[n]].low.endswith("ing"):
            return False
        _, _, passive = self._skip_fillers(idx, n - 1, 0)
        return passive

    def _agent(self, idx: list[int], n: int) -> Subject | None:
        toks = self.tokens
        for m in range(n + 1, len(idx) - 1):
            if toks[idx[m]].low == "by" and toks[idx[m + 1]].kind == "name" and not toks[idx[m + 1]].possessive:
                t = toks[idx[m + 1]]
                return Subject("name", t, t.ids)
        return None

    def _subject_before(self, idx: list[int], n: int, floor: int = 0) -> Subject:
        toks = self.tokens
        verb = toks[idx[n]]
        j, negated, passive = self._skip_fillers(idx, n - 1, floor)
        if j < floor:
            return Subject("none", negated=negated)
        t = toks[idx[j]]
        if verb.low == "saying" or verb.low == "telling":
            if t.low == "as" and j - 1 >= floor:
                # "reported Xi as saying", "was quoted as saying"
                o = toks[idx[j - 1]]
                if o.kind == "name" and not o.possessive:
                    return self._named(idx, j - 1, floor, negated)
                if o.kind == "word" and o.low in _REPORTING:
                    return self._subject_before(idx, j - 1, floor)
                if o.kind == "word" and o.low in ("him", "her"):
                    return Subject("pronoun", o, negated=negated)
                return Subject("unknown", words=self._np_before(idx, j - 1, floor), negated=negated)
        if t.kind == "name" and not t.possessive and not passive:
            if self._linked(idx, j, floor):
                # "an aide to Jones said": the aide spoke, not Jones.
                return Subject("unknown", words=self._np_before(idx, j, floor), negated=negated)
            return self._named(idx, j, floor, negated)
        if t.kind == "word" and t.low in _SUBJECT_PRONOUNS:
            return Subject("pronoun", t, negated=negated)
        if t.kind == "word" and t.low in _OTHER_PRONOUNS:
            return Subject("other-pronoun", t, negated=negated)
        if t.kind == "word" and t.low in ("who", "that", "which"):
            a = j - 1
            if a >= floor and toks[idx[a]].kind == "punct" and toks[idx[a]].low == ",":
                a -= 1
            if a >= floor and toks[idx[a]].kind == "name" and not toks[idx[a]].possessive:
                return self._named(idx, a, floor, negated)
            return Subject("unknown", words=self._np_before(idx, a, floor) if a >= floor else t.low,
                            negated=negated)
        if t.kind == "word" and t.low in ("and", "but", "or"):
            # "X said …, but said …": the subject is the first reporter's.
            for m in range(floor, j):
                if self._is_reporting(idx, m) and toks[idx[m]].low != "according":
                    first = self._subject_before(idx, m, floor)
                    first.negated = first.negated or negated
                    return first
            return Subject("none", negated=negated)
        if verb.low.endswith("ing") and (t.kind == "punct" or t.low in ("while", "when", "after", "before", "by")):
            return self._dangling(idx, j, floor, negated)
        if t.kind == "punct" and t.low in (",", ";"):
            # "Jeremy Hunt, Chancellor of the Exchequer, said:"; the Commission's "…, President of the
            # European Commission; said:"
            return self._appositive(idx, j, floor, negated)
        titled = self._title_after_comma(idx, j, floor)
        if titled is not None:
            return self._named(idx, titled, floor, negated)
        if t.kind == "punct" or t.kind == "quote" or t.low in _REPORTING or t.low in _CLAUSE_WORDS \
                or t.low in _PREPOSITIONS:
            return Subject("none", negated=negated)
        return Subject("unknown", words=self._np_before(idx, j, floor), negated=negated)

    def _title_after_comma(self, idx: list[int], j: int, floor: int) -> int | None:
        """``Olivér Várhelyi, Commissioner for Neighbourhood and Enlargement said:`` (no second comma):
        the name before a title in capitals, where the title's last word would pass for the speaker."""
        toks = self.tokens
        a = j
        while a >= floor and j - a < 8:
            u = toks[idx[a]]
            if u.kind == "punct" and u.low == ",":
                break
            if u.kind not in ("word", "name") or not (u.upper or u.low in _TITLE_LINKS):
                return None
            a -= 1
        else:
            return None
        if a == j or a - 1 < floor:
            return None
        name = toks[idx[a - 1]]
        return a - 1 if name.kind == "name" and not name.possessive else None

    def _named(self, idx: list[int], j: int, floor: int, negated: bool) -> Subject:
        """A name as subject; ``A and B said`` (``A, B and C said``) makes a joint statement."""
        toks = self.tokens
        t = toks[idx[j]]
        subj = Subject("name", t, t.ids, negated=negated)
        a = j - 1
        links: tuple[str, ...] = ("and",)
        while a - 1 >= floor and toks[idx[a]].low in links and toks[idx[a - 1]].kind == "name" \
                and not toks[idx[a - 1]].possessive \
                and not (a - 2 >= floor and toks[idx[a - 2]].low in _PREPOSITIONS):
            other = toks[idx[a - 1]]
            subj.ids = subj.ids | other.ids
            subj.joint = True
            a, links = a - 2, ("and", ",")
        return subj

    def _appositive(self, idx: list[int], j: int, floor: int, negated: bool) -> Subject:
        """``John Kirby, a spokesman, said``: the nearest comma-bounded part ending in a name."""
        toks = self.tokens
        end = j  # the comma before the verb
        for _ in range(3):
            start = end - 1
            while start >= floor and not (toks[idx[start]].kind == "punct"):
                start -= 1
            seg = list(range(start + 1, end))
            if seg:
                last = toks[idx[seg[-1]]]
                # "Macron, accused of being too submissive to Putin, said": a name governed by a
                # preposition is not the one the appositive describes.
                governed = len(seg) > 1 and toks[idx[seg[-2]]].low in _PREPOSITIONS
                if last.kind == "name" and not last.possessive and not governed:
                    return self._named(idx, seg[-1], floor, negated)
            if start < floor or toks[idx[start]].low != ",":
                break
            end = start
        return Subject("unknown", words=self._np_before(idx, j - 1, floor) if j - 1 >= floor else "",
                        negated=negated)

    def _dangling(self, idx: list[int], j: int, floor: int, negated: bool) -> Subject:
        """``X took a hard line — saying …``: the one person (or he/she) the clause has as a subject."""
        toks = self.tokens
        cands = self._subject_names(idx[floor:j + 1])
        pronouns = [toks[i] for i in idx[floor:j + 1] if toks[i].kind == "word" and toks[i].low in _SUBJECT_PRONOUNS]
        ids = {c.ids for c in cands}
        if len(ids) == 1 and not pronouns:
            return Subject("name", cands[0], cands[0].ids, negated=negated)
        if not cands and len(pronouns) == 1:
            return Subject("pronoun", pronouns[0], negated=negated)
        return Subject("unknown", words="", negated=negated)

    def _subject_names(self, positions: list[int]) -> list[Tok]:
        """Names not owned ("Xi's") and not governed by a preposition ("with Xi")."""
        toks = self.tokens
        out = []
        for n, i in enumerate(positions):
            t = toks[i]
            if t.kind != "name" or t.possessive:
                continue
            prev = toks[positions[n - 1]] if n > 0 else None
            if prev is not None and prev.kind == "word" and prev.low in _PREPOSITIONS:
                continue
            if prev is not None and prev.kind == "word" and prev.low in ("a", "an"):
                continue  # "A Chinese government reading": the name qualifies a noun, it is no subject
            out.append(t)
        return out

    def _subject_after(self, idx: list[int], n: int) -> Subject:
        toks = self.tokens
        if n >= len(idx):
            return Subject("none")
        t = toks[idx[n]]
        if t.kind == "name" and not t.possessive:
            return Subject("name", t, t.ids)
        if t.kind == "word" and t.low in _SUBJECT_PRONOUNS:
            return Subject("pronoun", t)
        words: list[Tok] = []
        for i in idx[n:n + 6]:
            u = toks[i]
            if u.kind == "punct" or u.kind == "quote" or (u.kind == "word" and words and (
                    u.low in _PREPOSITIONS or u.low in _CLAUSE_WORDS)):
                break
            words.append(u)
        if not words:
            return Subject("none")
        return Subject("unknown", words=self._words(words[0], words[-1]))

    def _linked(self, idx: list[int], j: int, floor: int) -> bool:
        """Whether the word at ``j`` follows a person noun and a preposition: "an aide to [Jones]",
        "officials close to [the talks]"."""
        toks = self.tokens
        k = j - 1
        if k < floor or toks[idx[k]].low not in _LINKS:
            return False
        k -= 1
        if k >= floor and toks[idx[k]].low in ("close", "near"):
            k -= 1
        return k >= floor and toks[idx[k]].kind == "word" and toks[idx[k]].low in _PERSON_NOUNS

    def _np_before(self, idx: list[int], j: int, floor: int) -> str:
        toks = self.tokens
        first = j
        while first - 1 >= floor and j - first < 9:
            u = toks[idx[first - 1]]
            if u.low in _LINKS and self._linked(idx, first, floor):
                first -= 1
                continue
            if u.kind not in ("word", "name") or u.low in _CLAUSE_WORDS or u.low in _PREPOSITIONS \
                    or u.low in _REPORTING:
                break
            first -= 1
        return self._words(toks[idx[first]], toks[idx[j]])

    def _descend(self, idx: list[int], n: int, subj: Subject) -> tuple[Subject, int]:
        """``the government said Xi told Zelenskyy``: the innermost reporter spoke."""
        toks = self.tokens
        while True:
            m = n + 1
            while m < len(idx) and toks[idx[m]].kind in ("word", "name") and m - n <= 8:
                if self._is_reporting(idx, m) and toks[idx[m]].low != "according":
                    break
                m += 1
            else:
                return subj, n
            if m >= len(idx) or m == n + 1:
                return subj, n
            inner = self._subject_before(idx, m, floor=n + 1)
            if inner.kind not in ("name", "pronoun"):
                return subj, n
            subj, n = inner, m
