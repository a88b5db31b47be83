"""Find a citation's excerpt in its source, exactly after folding.

A fuzzy score is only ever used to explain a miss (the closest passage and a
word diff); it never makes a citation pass.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from generator.model import Citation
from generator.normalize import Folded, fold_text
from generator.validation.edges import Cut, cut_at, cuts, token_around

_WORDS = re.compile(r"[\w'’-]+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Located:
    start: int  # in the original source text
    end: int
    occurrences: int  # how many places match excerpt (and prefix/suffix, when given)
    total: int  # how many places match the excerpt alone


@dataclass(frozen=True, slots=True)
class Missed:
    rule: str
    message: str


def locate(citation: Citation, folded: Folded) -> Located | Missed:
    """The one place ``citation`` cites: found exactly after folding, on the source's token
    edges (see :mod:`generator.validation.edges`), and picked by prefix/suffix when given.
    Only whole-token occurrences count: "60" occurs once in "60 of the 160", not twice."""
    needle = fold_text(citation.excerpt).strip()
    hay = folded.text
    if not needle or hay.find(needle) < 0:
        return _cut_in_composed(needle, folded) or Missed("excerpt-not-found", _explain_miss(needle, folded))
    whole, cut = _occurrences(folded, needle)
    chosen = whole
    if citation.prefix or citation.suffix:
        prefix = fold_text(citation.prefix).strip() if citation.prefix else ""
        suffix = fold_text(citation.suffix).strip() if citation.suffix else ""
        chosen = [s for s in whole if _fits(hay, s, s + len(needle), prefix, suffix)]
        if not chosen:
            # The place prefix/suffix point at may be one inside a token: say so, not "no context".
            fitting = _first_fitting(folded, needle, prefix, suffix)
            if fitting is not None or not whole:
                return _explain_cut(cut[0] if fitting is None else fitting, len(needle), folded)
            return Missed("excerpt-context-mismatch", _explain_context(whole, len(needle), citation, folded))
    elif not chosen:
        return _explain_cut(cut[0], len(needle), folded)
    first = chosen[0]
    start, end = folded.span_in_original(first, first + len(needle))
    return Located(start, end, len(chosen), len(whole))


def whole_token_starts(folded: Folded, needle: str) -> list[int]:
    """Folded offsets where ``needle`` (folded) occurs on the source's token edges."""
    return _occurrences(folded, needle)[0] if needle else []


def _is_cut(folded: Folded, s: int, n: int) -> bool:
    """Whether the occurrence at folded ``s`` starts or ends inside a token of the source."""
    if folded.splits_piece(s) or folded.splits_piece(s + n):
        return True
    a, b = folded.span_in_original(s, s + n)
    return cuts(folded.original, a, end=False) or cuts(folded.original, b, end=True)


def _edge_cut(folded: Folded, s: int, n: int) -> tuple[Cut | None, Cut | None] | None:
    """The tokens the occurrence at folded ``s`` cuts at its start and its end, or None."""
    a, b = folded.span_in_original(s, s + n)
    text = folded.original
    head = _piece_cut(folded, s) if folded.splits_piece(s) else cut_at(text, a, end=False)
    tail = _piece_cut(folded, s + n) if folded.splits_piece(s + n) else cut_at(text, b, end=True)
    return None if head is None and tail is None else (head, tail)


def _piece_cut(folded: Folded, i: int) -> Cut:
    # Folded offset i lies inside what folds as one piece ("ẹ" of "ẹ́", ".." of "…").
    a, b = token_around(folded.original, folded.start_in_original(i), folded.end_in_original(i + 1))
    return Cut("character", folded.original[a:b], a, b)


def _cut_in_composed(needle: str, folded: Folded) -> Missed | None:
    """"cafe" of a source's "café" (e and a combining accent): not in the folded text, which
    composes "é", but in the decomposed one, and then it stops inside a character."""
    hay = unicodedata.normalize("NFD", folded.text)
    at = hay.find(unicodedata.normalize("NFD", needle))
    if at < 0:
        return None
    ends = at + len(unicodedata.normalize("NFD", needle))
    text = folded.original
    parts, spans = [], []
    for edge, side in ((at, "starts"), (ends, "ends")):
        k, inside = _composed_at(folded.text, edge)
        if inside:
            a, b = token_around(text, folded.start_in_original(k), folded.end_in_original(k + 1))
            parts.append(f"{side} inside \"{_clip(text[a:b], 60)}\"")
            spans.append((a, b))
    if not parts:
        return None
    a, b = spans[0]
    return Missed("excerpt-cuts-token", f"the excerpt {' and '.join(parts)} (line {line_of(text, a)}), between "
                                        "a letter and its marks: cite the whole character with its marks")


def _composed_at(text: str, n: int) -> tuple[int, bool]:
    """The character of ``text`` whose decomposition holds offset ``n`` of NFD(text), and
    whether ``n`` falls strictly inside it. Decomposition is per character, so lengths add up."""
    k = seen = 0
    step = 4096  # whole blocks first, then one character at a time inside the block that holds n
    while k < len(text):
        size = len(unicodedata.normalize("NFD", text[k:k + step]))
        if seen + size > n:
            if step == 1:
                return k, seen < n
            step = 1
            continue
        seen += size
        k += step
    return len(text), False


_CITE_WHOLE = {"character": "the whole character with its marks", "number": "the whole number",
               "hyphenated word": "the whole hyphenated word", "word": "the whole word"}


def _explain_cut(s: int, n: int, folded: Folded) -> Missed:
    found = _edge_cut(folded, s, n)
    assert found is not None
    head, tail = found
    a, b = folded.span_in_original(s, s + n)
    text = folded.original
    parts = []
    if head is not None:
        parts.append(f"starts inside \"{_clip(head.token, 60)}\"")
    if tail is not None:
        parts.append(f"ends inside \"{_clip(tail.token, 60)}\"")
    kinds = sorted({_CITE_WHOLE[c.kind] for c in (head, tail) if c is not None})
    lo = min(a, head.token_start) if head is not None else a
    hi = max(b, tail.token_end) if tail is not None else b
    widened = " ".join(text[lo:hi].split())
    if len(widened) > 120:
        widened = widened[:57] + " … " + widened[-57:]
    return Missed("excerpt-cuts-token",
                  f"the excerpt {' and '.join(parts)} (line {line_of(text, a)}): cite {' and '.join(kinds)}, "
                  f"e.g. excerpt: \"{widened}\"")


# Enough to pick a place with prefix/suffix; a degenerate text (the same run repeated
# throughout) would otherwise cost occurrences × excerpt length.
MAX_OCCURRENCES = 1000
# rapidfuzz aligns a needle of up to 64 characters bit-parallel, in time linear in the source;
# a longer excerpt is placed by its head or its tail instead of by the whole of it.
_PROBE = 64
# The word diff compares this many tokens at most (the message is clipped anyway).
_DIFF_TOKENS = 300


# However many places an excerpt occurs at inside tokens, this many are looked at (a text of one
# letter repeated has an occurrence of "aa" at every offset); a prefilter skips most of them.
MAX_CUT_OCCURRENCES = 10_000


def _occurrences(folded: Folded, needle: str) -> tuple[list[int], list[int]]:
    """Folded starts of ``needle`` on token edges (up to MAX_OCCURRENCES) and inside tokens."""
    hay = folded.text
    whole: list[int] = []
    cut: list[int] = []
    for finder in (_edge_finder(needle), _any_finder(needle)):
        i = finder(hay, 0)
        while i >= 0 and len(whole) < MAX_OCCURRENCES and len(cut) < MAX_CUT_OCCURRENCES:
            (cut if _is_cut(folded, i, len(needle)) else whole).append(i)
            i = finder(hay, i + 1)
        if whole or cut:
            break
    return whole, cut


def _first_fitting(folded: Folded, needle: str, prefix: str, suffix: str) -> int | None:
    find = _any_finder(needle)
    i, seen = find(folded.text, 0), 0
    while i >= 0 and seen < MAX_CUT_OCCURRENCES:
        if _fits(folded.text, i, i + len(needle), prefix, suffix):
            return i
        i, seen = find(folded.text, i + 1), seen + 1
    return None


def _edge_finder(needle: str) -> Callable[[str, int], int]:
    # An ASCII letter or digit next to an ASCII letter or digit is always inside a word: such
    # places are skipped in C (a folded ASCII letter or digit comes from a letter or digit).
    head = "(?<![0-9a-zA-Z])" if needle[0].isascii() and needle[0].isalnum() else ""
    tail = "(?![0-9a-zA-Z])" if needle[-1].isascii() and needle[-1].isalnum() else ""
    if not head and not tail:
        return _any_finder(needle)
    # str.find and a look at the two neighbours: compiling a pattern per excerpt cost more than
    # the whole search (re's parser is Python). Only a needle that keeps landing inside words
    # ("aa" in "aaaa…") gets the pattern, which skips such places in C.
    n = len(needle)
    pattern: re.Pattern[str] | None = None
    misses = 0

    def find(hay: str, pos: int) -> int:
        nonlocal pattern, misses
        if pattern is None:
            i = hay.find(needle, pos)
            while i >= 0:
                if not (head and i > 0 and hay[i - 1] in _ASCII_ALNUM) \
                        and not (tail and i + n < len(hay) and hay[i + n] in _ASCII_ALNUM):
                    return i
                misses += 1
                if misses > _MISSES_BEFORE_PATTERN:
                    pattern = re.compile(head + re.escape(needle) + tail)
                    pos = i + 1
                    break
                i = hay.find(needle, i + 1)
            else:
                return -1
        m = pattern.search(hay, pos)
        return m.start() if m else -1
    return find


_ASCII_ALNUM = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_MISSES_BEFORE_PATTERN = 32


def _any_finder(needle: str) -> Callable[[str, int], int]:
    return lambda hay, pos: hay.find(needle, pos)


def _fits(hay: str, start: int, end: int, prefix: str, suffix: str) -> bool:
    # Folded text has at most one space in a row, so the characters that decide lie within
    # len + 1 of the excerpt: look there, not at a copy of the whole text before or after it.
    # prefix and suffix come folded once per citation, not once per occurrence.
    if prefix:
        if not hay[max(0, start - len(prefix) - 1):start].rstrip().endswith(prefix):
            return False
    if suffix:
        if not hay[end:end + len(suffix) + 1].lstrip().startswith(suffix):
            return False
    return True


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _explain_context(starts: list[int], length: int, citation: Citation, folded: Folded) -> str:
    lines = ", ".join(str(line_of(folded.original, folded.start_in_original(s))) for s in starts[:5])
    return (f"the excerpt occurs {len(starts)} time(s) (line {lines}) but never with the given "
            "prefix/suffix around it: copy prefix and suffix from the text just before and after")


def _explain_miss(needle: str, folded: Folded) -> str:
    hay = folded.text
    if not needle:
        return "the excerpt is empty after folding white space"
    where = _closest(needle, hay)
    if where is None:
        return "the excerpt is not in the source, and no passage resembles it: check the source id"
    # Widen to whole words (not punctuation) so the diff reads naturally.
    a, b = where
    while a > 0 and hay[a - 1].isalnum():
        a -= 1
    while b < len(hay) and hay[b].isalnum():
        b += 1
    passage = hay[a:b]
    start = folded.start_in_original(a)
    end = folded.end_in_original(a + len(passage))
    original = " ".join(folded.original[start:end].split())
    score = min(round(fuzz.ratio(needle, passage)), 99)  # never "100%" for what is not a match
    diff = word_diff(needle, passage)
    return (f"the excerpt is not in the source; closest passage ({score}% similar) at line "
            f"{line_of(folded.original, start)}: \"{_clip(original)}\"; differences: {diff}")


def _closest(needle: str, hay: str) -> tuple[int, int] | None:
    """Where in ``hay`` the passage most like ``needle`` starts and ends (folded offsets)."""
    if len(needle) <= _PROBE:
        align = fuzz.partial_ratio_alignment(needle, hay, score_cutoff=40)
        return None if align is None else (align.dest_start, align.dest_end)
    best: tuple[float, int] | None = None
    for probe, offset in ((needle[:_PROBE], 0), (needle[-_PROBE:], len(needle) - _PROBE)):
        align = fuzz.partial_ratio_alignment(probe, hay, score_cutoff=40)
        if align is not None and (best is None or align.score > best[0]):
            best = (align.score, max(0, align.dest_start - offset))
    if best is None:
        return None
    return best[1], min(len(hay), best[1] + len(needle))


def word_diff(typed: str, found: str) -> str:
    """``-word`` for what the excerpt has and the source does not, ``+word`` the reverse."""
    a, b = _WORDS.findall(typed), _WORDS.findall(found)
    # Drop the common head and tail (linear) so that the quadratic diff sees only what differs.
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    a, b = a[head:len(a) - tail][:_DIFF_TOKENS], b[head:len(b) - tail][:_DIFF_TOKENS]
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            parts.append("-" + " ".join(a[i1:i2]))
        if op in ("replace", "insert"):
            parts.append("+" + " ".join(b[j1:j2]))
    return " ".join(f"[{p}]" for p in parts) or "only in folded characters"


def _clip(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
