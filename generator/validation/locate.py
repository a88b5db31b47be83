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
        chosen = [s for s in starts if _fits(hay, s, s + len(needle), citation)]
        if not chosen:
            return Missed("excerpt-context-mismatch", _explain_context(starts, len(needle), citation, folded))
    first = chosen[0]
    start, end = folded.span_in_original(first, first + len(needle))
    return Located(start, end, len(chosen), len(starts))


def _all(hay: str, needle: str) -> list[int]:
    found: list[int] = []
    i = hay.find(needle)
    while i >= 0:
        found.append(i)
        i = hay.find(needle, i + 1)
    return found


def _fits(hay: str, start: int, end: int, citation: Citation) -> bool:
    if citation.prefix and not hay[:start].rstrip().endswith(fold_text(citation.prefix).strip()):
        return False
    if citation.suffix and not hay[end:].lstrip().startswith(fold_text(citation.suffix).strip()):
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
    align = fuzz.partial_ratio_alignment(needle, hay, score_cutoff=40)
    if align is None:
        return "the excerpt is not in the source, and no passage resembles it: check the source id"
    # Widen to whole words (not punctuation) so the diff reads naturally.
    a, b = align.dest_start, align.dest_end
    while a > 0 and hay[a - 1].isalnum():
        a -= 1
    while b < len(hay) and hay[b].isalnum():
        b += 1
    passage = hay[a:b]
    start = folded.start_in_original(a)
    end = folded.end_in_original(a + len(passage))
    original = " ".join(folded.original[start:end].split())
    score = fuzz.ratio(needle, passage)
    diff = word_diff(needle, passage)
    return (f"the excerpt is not in the source; closest passage ({score:.0f}% similar) at line "
            f"{line_of(folded.original, start)}: \"{_clip(original)}\"; differences: {diff}")


def word_diff(typed: str, found: str) -> str:
    """``-word`` for what the excerpt has and the source does not, ``+word`` the reverse."""
    a, b = _WORDS.findall(typed), _WORDS.findall(found)
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            parts.append("-" + " ".join(a[i1:i2]))
        if op in ("replace", "insert"):
            parts.append("+" + " ".join(b[j1:j2]))
    return " ".join(f"[{p}]" for p in parts) or "only in folded characters"


def _clip(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
