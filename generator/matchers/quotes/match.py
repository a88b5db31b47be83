"""Finding a fact's quote in a text: its parts (split at elisions), in order, at word
boundaries, inside quoted spans whenever the text has any: a paraphrase outside
quotation marks is not a quotation. A miss says why, for the validator's message.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rapidfuzz import fuzz

from generator.matchers.quotes.marks import QuotedSpan, find_quoted_spans
from generator.normalize import Folded, fold, fold_text

_ELLIPSIS = re.compile(r"\.\.\.+|\[\s*\.\.\.\s*\]")
_EDGE = " ,.;:[]"
_STRADDLES = ("the words \"{}\" run past the quotation marks in the excerpt (the words outside them are the "
              "reporter's): quote only the words inside the marks")


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """One place the quote's parts are, in order: offsets in the original text."""

    parts: tuple[tuple[int, int], ...]
    spans: tuple[QuotedSpan | None, ...]  # the quotation holding each part (None: text has none)


@dataclass(frozen=True, slots=True)
class QuoteMiss:
    reason: str  # "empty" | "outside-quotes" | "straddles" | "order" | "absent"
    message: str
    part: str = ""  # the folded part that is missing, for "absent"
    closest: str = ""  # the most similar quoted words (folded), for a word diff


def quote_parts(quote_text: str) -> list[str]:
    """The fact's quote folded and split at elisions, surrounding marks and edge punctuation dropped."""
    folded = fold_text(quote_text).strip().strip("'\" ").strip()
    parts = []
    for piece in _ELLIPSIS.split(folded):
        piece = piece.strip(_EDGE + "'\"").strip(_EDGE)
        if piece:
            parts.append(_unify_marks(piece))
    return parts


def _unify_marks(s: str) -> str:
    # A quotation within a quotation may be typed with either mark.
    return s.replace('"', "'")


def find_quote(quote_text: str, text: str, *, folded: Folded | None = None,
               spans: list[QuotedSpan] | None = None) -> list[QuoteMatch] | QuoteMiss:
    """Every place ``text`` holds the quote's parts in order (first part's
    occurrences each start one match), or why it does not."""
    parts = quote_parts(quote_text)
    if not parts:
        return QuoteMiss("empty", "the quote is empty once quote marks and elisions are dropped")
    folded = folded if folded is not None else fold(text)
    spans = spans if spans is not None else find_quoted_spans(text)
    hay = _unify_marks(folded.text)
    occurrences: list[list[tuple[int, int, QuotedSpan | None]]] = []
    loose: list[list[tuple[int, int]]] = []
    starts = [s.start for s in spans]
    for part in parts:
        here: list[tuple[int, int, QuotedSpan | None]] = []
        anywhere: list[tuple[int, int]] = []
        for i in _word_occurrences(hay, part):
            a, b = folded.span_in_original(i, i + len(part))
            anywhere.append((a, b))
            if not spans:
                here.append((a, b, None))
                continue
            holder = _holder(spans, starts, a, b)
            if holder is not None:
                here.append((a, b, holder))
        occurrences.append(here)
        loose.append(anywhere)
    matches = _chains(occurrences)
    if matches:
        return matches
    return QuoteMiss(*_explain(parts, occurrences, loose, folded, spans))


def _holder(spans: list[QuotedSpan], starts: list[int], a: int, b: int) -> QuotedSpan | None:
    """The quotation holding ``a``..``b``: spans are in order and do not overlap, so only the
    last one starting at or before ``a`` can (a bisection, not a scan of every span)."""
    k = bisect_right(starts, a) - 1
    first = starts[k] if k >= 0 else None
    while k >= 0 and starts[k] == first:  # an empty span may stand at the same start
        if spans[k].holds(a, b):
            return spans[k]
        k -= 1
    return None


def _word_occurrences(hay: str, needle: str) -> list[int]:
    found = []
    i = hay.find(needle)
    while i >= 0:
        j = i + len(needle)
        left_ok = not needle[0].isalnum() or i == 0 or not hay[i - 1].isalnum()
        right_ok = not needle[-1].isalnum() or j >= len(hay) or not hay[j].isalnum()
        if left_ok and right_ok:
            found.append(i)
        i = hay.find(needle, i + 1)
    return found


def _chains(occurrences: list[list[tuple[int, int, QuotedSpan | None]]]) -> list[QuoteMatch]:
    matches = []
    # Each part's occurrences are in text order: the next part's first one at or after the end
    # of the chain so far is found by bisection.
    later_starts = [[o[0] for o in later] for later in occurrences[1:]]
    for first in occurrences[0][:50]:
        chain = [first]
        for later, starts in zip(occurrences[1:], later_starts):
            k = bisect_left(starts, chain[-1][1])
            if k >= len(later):
                break
            chain.append(later[k])
        if len(chain) == len(occurrences):
            matches.append(QuoteMatch(tuple((a, b) for a, b, _ in chain), tuple(s for _, _, s in chain)))
    return matches


def _explain(parts: list[str], occurrences: list[list[tuple[int, int, QuotedSpan | None]]],
             loose: list[list[tuple[int, int]]], folded: Folded,
             spans: list[QuotedSpan]) -> tuple[str, ...]:
    text = folded.original
    for part, inside, anywhere in zip(parts, occurrences, loose):
        if inside:
            continue
        shown = _clip(part, 80)
        if anywhere:
            a, b = anywhere[0]
            if any(s.overlaps(a, b) for s in spans):
                return ("straddles", _STRADDLES.format(shown))
            return ("outside-quotes", f"the words \"{shown}\" are in the excerpt but not inside quotation "
                    "marks: a paraphrase is not a quotation")
        if spans and _word_occurrences(_unify_marks(fold_text(_without_marks(text, spans))), part):
            return ("straddles", _STRADDLES.format(shown))
        closest = _closest(part, folded, spans)
        where = "quoted words" if spans else "passage"
        hint = f"; closest {where} ({closest[0]:.0f}% similar): \"{_clip(closest[1])}\"" if closest else ""
        return ("absent", f"\"{shown}\" is not in the excerpt{hint}", part, closest[1] if closest else "")
    return ("order", "every part of the quote is in the excerpt, but not in the order the quote gives them "
            "(parts split at `...` must appear in order)")


def _without_marks(text: str, spans: list[QuotedSpan]) -> str:
    marks = {i for s in spans for i in range(s.start, s.inner_start)} | {
        i for s in spans for i in range(s.inner_end, s.end)}
    return "".join(c for i, c in enumerate(text) if i not in marks)


def _closest(part: str, folded: Folded, spans: list[QuotedSpan]) -> tuple[float, str] | None:
    """The quoted words (or passage, without quotation marks) most like ``part``: diagnostics only."""
    text = folded.original
    regions = [(s.inner_start, s.inner_end) for s in spans] or [(0, len(text))]
    best: tuple[float, str] | None = None
    for a, b in regions:
        region = _unify_marks(fold_text(text[a:b]))
        align = fuzz.partial_ratio_alignment(part, region, score_cutoff=40)
        if align is None:
            continue
        lo = region.rfind(" ", 0, align.dest_start) + 1
        hi = region.find(" ", align.dest_end)
        passage = region[lo:hi if hi >= 0 else len(region)].strip()
        score = fuzz.ratio(part, passage)
        if best is None or score > best[0]:
            best = (score, passage)
    return best


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
