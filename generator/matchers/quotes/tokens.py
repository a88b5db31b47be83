"""A text read once for attribution: its quotations, the people it names, its words and sentences."""

from __future__ import annotations

import re
from functools import lru_cache
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from generator.lexicon.speech import INSTITUTION_WORDS, SENTENCE_ABBREVIATIONS, STARTERS, TITLES
from generator.matchers.people import PeopleIndex
from generator.matchers.quotes.marks import QuotedSpan, find_quoted_spans
from generator.normalize import fold, fold_text

_ABBREVIATIONS, _TITLES, _STARTERS = SENTENCE_ABBREVIATIONS, TITLES, STARTERS
_INSTITUTION_WORDS = INSTITUTION_WORDS
_NATIONALITY = re.compile(r"[^\W\d_]+(?:ian|ean|ese|ish|can|ch|ic|i|an)$")


def _is_title_like(word: str) -> bool:
    return word in _TITLES or word in _STARTERS or _NATIONALITY.match(word) is not None


# A whole source is read word by word for attribution, and words repeat: each is folded once.
_fold_word = lru_cache(maxsize=1 << 16)(fold_text)
_TOKEN = re.compile(r"(?P<para>\n[ \t\r\f\v]*\n\s*)|(?P<brk>\n)|(?P<word>[^\W_]+(?:['\u2019\-.][^\W_]+)*)"
                    r"|(?P<punct>\S)")


class Tok(NamedTuple):
    """One token of a text read for attribution. A named tuple, not a frozen dataclass: a source is
    read token by token (100,000 of them in the BBC benchmark), and a frozen dataclass is built
    field by field through ``object.__setattr__`` (1.1 µs a token against 0.4 µs)."""

    kind: str  # "word" | "punct" | "quote" | "name" | "break"
    start: int
    end: int
    low: str = ""
    ids: frozenset[str] = frozenset()
    possessive: bool = False
    upper: bool = False
    quote: int = -1  # index of the quoted span, for kind == "quote"


class TokenizedText:
    """One text read once: its quotations, the names in it, its sentences."""

    def __init__(self, text: str, people: PeopleIndex, *, extra_span: tuple[int, int] | None = None):
        self.text = text
        self.people = people
        self.folded = fold(text)
        self.spans = find_quoted_spans(text)
        if extra_span is not None and not any(s.start == extra_span[0] and s.end == extra_span[1]
                                              for s in self.spans):
            a, b = extra_span
            self.spans = sorted([s for s in self.spans if not s.overlaps(a, b)]
                                + [QuotedSpan(a, b, a, b)], key=lambda s: s.start)
        self.tokens = self._tokenize()
        self.sentence = self._sentences()
        # Where each sentence starts and ends, and which token holds each quotation: looked up,
        # not walked to, so reading every quotation of a text stays linear in it.
        self._sentence_lo: list[int] = []  # sentence numbers run 0, 1, 2, … in token order
        self._sentence_hi: list[int] = []
        for i, n in enumerate(self.sentence):
            if n == len(self._sentence_lo):
                self._sentence_lo.append(i)
                self._sentence_hi.append(i)
            self._sentence_hi[n] = i + 1
        self._quote_tokens = {t.quote: i for i, t in enumerate(self.tokens) if t.kind == "quote"}
        self._span_starts = [s.start for s in self.spans]

    # -- tokens

    def _tokenize(self) -> list[Tok]:
        text = self.text
        regions: list[Tok] = []
        for n, s in enumerate(self.spans):
            regions.append(Tok("quote", s.start, s.end, quote=n))
        starts = [s.start for s in self.spans]
        for m in self.people.mentions(self.folded.text):
            a, b = self.folded.span_in_original(m.start, m.end)
            if self._in_quotation(starts, a, b):
                continue
            poss = re.match(r"['\u2019](?:s\b|(?![^\W_]))", text[b:b + 3]) is not None
            regions.append(Tok("name", a, b, low=m.name, ids=m.ids, possessive=poss, upper=text[a].isupper()))
        regions.sort(key=lambda t: (t.start, t.kind != "quote"))
        tokens: list[Tok] = []
        pos = 0
        for r in regions:
            if r.start < pos:
                continue
            tokens.extend(self._plain(pos, r.start))
            tokens.append(r)
            pos = r.end
            if r.kind == "name" and r.possessive:
                skip = re.match(r"['\u2019]s?", text[pos:pos + 2])
                pos += skip.end() if skip else 0
        tokens.extend(self._plain(pos, len(text)))
        return [self._someone_else(tokens, i) if t.kind == "name" else t for i, t in enumerate(tokens)]

    def _in_quotation(self, starts: list[int], a: int, b: int) -> bool:
        # Spans are in order and do not overlap: only the last one starting before b can overlap a..b
        # (or one beside it at the same start, when an empty span was added there).
        k = bisect_right(starts, b - 1) - 1
        first = starts[k] if k >= 0 else None
        while k >= 0 and starts[k] == first:
            if self.spans[k].overlaps(a, b):
                return True
            k -= 1
        return False

    def _someone_else(self, tokens: list[Tok], i: int) -> Tok:
        """"Helena Kennedy" is not Charles Kennedy: a one-word name after a capitalised
        word that is no title or sentence opener names someone else."""
        t = tokens[i]
        if t.kind != "name" or " " in t.low or i == 0:
            return t
        prev = tokens[i - 1]
        if prev.kind != "word" or not prev.upper or prev.end != t.start - 1 or _is_title_like(prev.low):
            return t
        return Tok("word", t.start, t.end, low=fold_text(self.text[t.start:t.end]), upper=t.upper)

    def _unknown_people(self, lo: int, hi: int) -> list[str]:
        """Names of people the index does not know, among tokens ``lo``..``hi``: runs of
        capitalised words ("Klaus Ioannis", "Baroness Boothroyd") that are no institution."""
        found, run = [], []
        for t in self.tokens[lo:hi] + [Tok("punct", 0, 0)]:
            if t.kind == "word" and t.upper and t.low not in _STARTERS:
                run.append(t)
                continue
            if len(run) >= 2 and not any(u.low in _INSTITUTION_WORDS for u in run):
                found.append(" ".join(self.text[run[0].start:run[-1].end].split()))
            run = []
        return found

    def _plain(self, a: int, b: int) -> list[Tok]:
        out: list[Tok] = []
        add, fold_word = out.append, _fold_word
        for m in _TOKEN.finditer(self.text, a, b):
            kind = m.lastgroup
            s, e = m.span()
            if kind == "word":
                word = m.group()
                add(Tok("word", s, e, fold_word(word), upper=word[0].isupper()))
            elif kind == "punct":
                add(Tok("punct", s, e, fold_word(m.group())))
            else:
                add(Tok("break", s, e, "para" if kind == "para" else "line"))
        return out

    # -- sentences and paragraphs

    def _sentences(self) -> list[int]:
        """Sentence number of every token; a break token starts a new one."""
        out: list[int] = []
        n = 0
        for i in range(len(self.tokens)):
            out.append(n)
            if self._ends_sentence(i):
                n += 1
        return out

    def _ends_sentence(self, i: int) -> bool:
        toks = self.tokens
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.kind == "break":
            return t.low == "para" or nxt is None or not (nxt.kind == "word" and not nxt.upper)
        if nxt is not None and nxt.kind == "break":
            return False  # the break itself ends it
        if t.kind == "punct" and t.low in (".", "!", "?", "..."):
            if nxt is None:
                return True
            prev = toks[i - 1] if i > 0 else None
            if prev is not None and prev.kind == "word" and t.low == "." and (
                    prev.low in _ABBREVIATIONS or "." in prev.low or (len(prev.low) == 1 and prev.upper)):
                return False
            return nxt.kind == "quote" or nxt.upper or (nxt.kind == "word" and nxt.low[:1].isdigit())
        if t.kind == "quote":
            inner = self.text[self.spans[t.quote].inner_start:self.spans[t.quote].inner_end].rstrip()
            if inner[-1:] in (".", "!", "?", "\u2026") and nxt is not None:
                return nxt.kind == "quote" or (nxt.kind in ("word", "name") and nxt.upper)
        return False

    def _sentence_range(self, k: int) -> tuple[int, int]:
        n = self.sentence[k]
        return self._sentence_lo[n], self._sentence_hi[n]

    def quote_token(self, span: QuotedSpan) -> int:
        k = bisect_left(self._span_starts, span.start)
        while k < len(self.spans) and self._span_starts[k] == span.start:
            if self.spans[k] == span and k in self._quote_tokens:
                return self._quote_tokens[k]
            k += 1
        raise StopIteration(f"no token holds the quotation at {span.start}")  # as next() did

    def _words(self, first: Tok, last: Tok) -> str:
        """The text from ``first`` to ``last`` on one line: messages quote it, and a finding is one line."""
        return " ".join(self.text[first.start:last.end].split())
