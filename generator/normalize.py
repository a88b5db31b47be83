"""The one normaliser, for excerpts as editors type them and for source texts.

It forgives what is not substance and nothing else: curly and straight quotes,
dash and hyphen forms (a typewriter's ``--`` for a dash too), ``…`` and ``...``, runs of white space and line breaks,
letter case, and canonical Unicode equivalence (an "é" typed as one character
or as "e" and a combining accent: NFC). :class:`Folded` maps every folded offset
back to the original text, so a match found in folded text can be shown,
highlighted and checked in the source's own characters.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from generator.lexicon.text import DASHES, DOUBLE_QUOTES, SINGLE_QUOTES, WHITESPACE

__all__ = ["WHITESPACE", "Folded", "fold", "fold_text"]

_TABLE = str.maketrans(
    {
        **{c: "'" for c in SINGLE_QUOTES},
        **{c: '"' for c in DOUBLE_QUOTES},
        **{c: "-" for c in DASHES},
        **{c: " " for c in WHITESPACE},
    }
)
# What the 1:1 table leaves to the piece-wise pass: white-space runs, ellipses, a typewriter's dash
# ("--" or "---" for "—": a run of dash forms, read after the table made each one "-"), and "İ", the only
# character whose lower() is two characters long (folded to "i" after NFC has read it, since
# "İ" is "I" and a combining dot; NFC runs are added when a text needs them).
# Each piece opens on its literal characters (not " {2,}"): re then finds where a piece may start by
# its first character in C, instead of trying the whole pattern at every character.
_PIECES = r"  +|\u2026|--+"
_RESIZE = re.compile(_PIECES)
_DOTTED_I = str.maketrans({"\u0130": "i"})
# Every code point that NFC may change or join to what precedes it lies below this (a test checks
# the whole of Unicode), so the table below is built from this much of it.
UNSTABLE_LIMIT = 0x30000


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text with a compact map back to the original.

    Folding is 1:1 but for resized pieces (a white-space run, an ellipsis, a combining
    sequence that NFC changes). Piece k covers folded offsets ``_at[k]`` to
    ``_at[k] + _len[k]``; after it, folded offset i is original offset ``i + _shift[k]``
    (before the first piece the shift is 0). Nine bytes a piece in machine arrays (a piece
    takes at least three bytes of UTF-8 text), where Python tuples of ints took over a hundred.
    """

    text: str
    original: str
    _at: array[int]
    _len: array[int]
    _shift: array[int]

    def _piece(self, i: int) -> tuple[int, bool]:
        """(k, inside): the last piece starting at or before folded ``i``, and whether i is in it."""
        k = bisect_right(self._at, i) - 1
        return k, k >= 0 and i < self._at[k] + self._len[k]

    def _shift_after(self, k: int) -> int:
        return self._shift[k] if k >= 0 else 0

    def start_in_original(self, i: int) -> int:
        """Original offset of the character at folded offset ``i``."""
        k, inside = self._piece(i)
        if inside:
            return self._at[k] + self._shift_after(k - 1)  # a resized piece starts where it starts
        return i + self._shift_after(k)

    def end_in_original(self, j: int) -> int:
        """Original offset just past the folded character at ``j - 1``."""
        if j <= 0:
            return 0
        k, inside = self._piece(j - 1)
        if inside:
            return self._at[k] + self._len[k] + self._shift[k]  # ... and ends where it ends
        return j + self._shift_after(k)

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        return self.start_in_original(start), self.end_in_original(end)

    def splits_piece(self, i: int) -> bool:
        """Whether folded offset ``i`` falls strictly inside a resized piece ("ẹ́" folded from
        three characters, "..." from "…"): no span of the original starts or ends there."""
        k, inside = self._piece(i)
        return inside and i > self._at[k]


# re.I matches these four letters to ASCII ones ("İ" and "ı" to "i", "ſ" to "s", the Kelvin sign to "k";
# no other character: tests/test_fast_paths.py checks every code point). A grammar matching an ASCII word
# case-insensitively may match them inside it, and its lexicon, written in ASCII, then lacks the word it
# matched ("ſix", "Afghaniſtan", "a maxımum of"): the grammars read them as the letters re.I takes them for.
RE_I_ODD = re.compile("[\u0130\u0131\u017f\u212a]")
_RE_I_LETTERS = str.maketrans({"\u0130": "I", "\u0131": "i", "\u017f": "s", "\u212a": "K"})


def as_grammars_read(text: str) -> str:
    """``text`` with the letters re.I matches to ASCII ones written as those ASCII letters, at the same
    offsets; any other text as it is (an ASCII text at no cost)."""
    if text.isascii() or RE_I_ODD.search(text) is None:
        return text
    return text.translate(_RE_I_LETTERS)


def fold_text(text: str) -> str:
    """The folded form alone, for excerpts and values (no map needed)."""
    flat = text.translate(_TABLE)
    if _plain(flat):
        folded = _lower(_RESIZE.sub(_resize, flat))
        if unicodedata.is_normalized("NFC", folded):
            return folded
    return _lower(_with_nfc_runs().sub(_resize, flat))


def fold(text: str) -> Folded:
    """Fold ``text`` in one pass, keeping the map back to it."""
    flat = text.translate(_TABLE)  # 1:1 with text; lowered at the end (lower() keeps lengths then)
    if _plain(flat):
        folded = _fold(text, flat, _RESIZE)
        if unicodedata.is_normalized("NFC", folded.text):
            return folded
    return _fold(text, flat, _with_nfc_runs())


def _fold(text: str, flat: str, resizer: re.Pattern[str]) -> Folded:
    code = "i" if 3 * len(text) < 2**31 else "q"  # folded offsets are at most 3 per character
    at, shift = array(code), array(code)
    length = array("B")  # a piece folds to a few characters: one byte each, unless one is longer
    chunks: list[str] = []
    pieces: list[str] = []
    o = 0  # original (= flat) offset reached so far
    delta = 0  # folded offset minus original offset so far
    for m in resizer.finditer(flat):
        a, b = m.span()
        rep = _resize(m)
        if rep == m.group() or (len(rep) == b - a and rep == _lower(m.group())):
            continue  # a combining sequence that NFC leaves alone stays 1:1 (lowered with the rest)
        if a > o:
            pieces.append(flat[o:a])
        pieces.append(rep)
        o = b
        if len(pieces) >= 1024:  # join as we go: a list of millions of small strings is the cost
            chunks.append(_lower("".join(pieces)))
            pieces.clear()
        if b - a == 1 == len(rep):
            continue  # one character for one ("İ" to "i"): still 1:1
        at.append(a + delta)
        if len(rep) > 255 and length.typecode == "B":
            length = array(code, length)
        length.append(len(rep))
        delta += len(rep) - (b - a)
        shift.append(-delta)
    pieces.append(flat[o:])
    chunks.append(_lower("".join(pieces)))  # lower() is context-free but for the final sigma, folded
    del pieces, flat
    return Folded("".join(chunks), text, at, length, shift)


def _lower(text: str) -> str:
    # str.lower() is context-free but for one letter: a capital sigma becomes final "ς" at the
    # end of a word, so "ΑΣ" cut from "ΑΣΒ" would fold differently from its source. One sigma.
    return text.lower().replace("\u03c2", "\u03c3")


def _plain(flat: str) -> bool:
    # Nearly every text is NFC already, and stays so once lowered (checked in C): only the others
    # pay for finding combining sequences. "İ" is "I" and a combining dot: folded to "i", it may
    # compose with a mark after it.
    return unicodedata.is_normalized("NFC", flat) and "\u0130" not in flat


def _resize(m: re.Match[str]) -> str:
    s = m.group()
    if s == "\u2026":
        return "..."
    if s == "\u0130":
        return "i"
    if s[0] == " " and s[-1] == " ":
        return " "
    if s[0] == "-" and s[-1] == "-":
        return "-"
    return _compose(s)


@lru_cache(maxsize=1024)
def _compose(s: str) -> str:
    # Composed, then lowered ("İ" to "i"), then composed again: "T" and a diaeresis have no composed
    # form, "t" and a diaeresis do ("ẗ"). Canonically equivalent runs compose alike to start with.
    # Cached: a text repeats its few combining sequences, and each piece then costs a reference.
    return unicodedata.normalize("NFC", _lower(unicodedata.normalize("NFC", s).translate(_DOTTED_I)))


@cache
def _with_nfc_runs() -> re.Pattern[str]:
    # A text breaks into NFC's pieces before every character that NFC can neither join to the one
    # before it nor reorder across (UAX #15, section 9): NFC of the whole is NFC of each piece. The
    # pieces worth looking at: a character with what joins it, or one that NFC changes alone.
    chars = [chr(c) for c in range(UNSTABLE_LIMIT)]
    joins = _class(c for c in chars if joins_back(c))
    alone = _class(c for c in chars if not joins_back(c) and unicodedata.normalize("NFC", c) != c)
    return re.compile(rf"{_PIECES}|[^{joins}]?[{joins}]+|[{alone}]|\u0130")


@cache
def _second_of_pair() -> frozenset[str]:
    """Characters NFC joins to a preceding one ("Maybe" in NFC's quick check)."""
    out = {chr(c) for c in range(0x1161, 0x1176)} | {chr(c) for c in range(0x11A8, 0x11C3)}  # Hangul V, T
    for cp in range(UNSTABLE_LIMIT):
        d = unicodedata.decomposition(chr(cp))
        parts = d.split()
        if len(parts) == 2 and not d.startswith("<"):
            first, second = chr(int(parts[0], 16)), chr(int(parts[1], 16))
            if unicodedata.normalize("NFC", first + second) == chr(cp):
                out.add(second)
    return frozenset(out)


def joins_back(c: str) -> bool:
    """Whether NFC may join ``c`` to the character before it or reorder it across that one."""
    if unicodedata.combining(c) or unicodedata.combining(unicodedata.normalize("NFD", c)[0]):
        return True
    return c in _second_of_pair()


def _class(chars: Iterable[str]) -> str:
    """A regular-expression character class body for ``chars``, as ranges."""
    out: list[list[str]] = []
    for c in chars:
        if out and ord(out[-1][1]) == ord(c) - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return "".join(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}" for a, b in out)
