"""Find a citation's excerpt in its source, exactly after folding.

A fuzzy score is only ever used to explain a miss (the closest passage and a
word diff); it never makes a citation pass.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from generator.model import Citation
from generator.normalize import Folded, fold_text

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
    needle = fold_text(citation.excerpt).strip()
    hay = folded.text
    starts = _all(hay, needle)
    if not starts:
        return Missed("excerpt-not-found", _explain_miss(needle, folded))
    chosen = starts
    if citation.prefix or citation.suffix:
        prefix = fold_text(citation.prefix).strip() if citation.prefix else ""
        suffix = fold_text(citation.suffix).strip() if citation.suffix else ""
        chosen = [s for s in starts if _fits(hay, s, s + len(needle), prefix, suffix)]
        if not chosen:
            return Missed("excerpt-context-mismatch", _explain_context(starts, len(needle), citation, folded))
    first = chosen[0]
    start, end = folded.span_in_original(first, first + len(needle))
    return Located(start, end, len(chosen), len(starts))


# Enough to pick a place with prefix/suffix; a degenerate text (the same run repeated
# throughout) would otherwise cost occurrences × excerpt length.
MAX_OCCURRENCES = 1000
# rapidfuzz aligns a needle of up to 64 characters bit-parallel, in time linear in the source;
# a longer excerpt is placed by its head or its tail instead of by the whole of it.
_PROBE = 64
# The word diff compares this many tokens at most (the message is clipped anyway).
_DIFF_TOKENS = 300


def _all(hay: str, needle: str) -> list[int]:
    found: list[int] = []
    i = hay.find(needle)
    while i >= 0 and len(found) < MAX_OCCURRENCES:
        found.append(i)
        i = hay.find(needle, i + 1)
    return found


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
