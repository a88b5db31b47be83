"""The one normaliser, for excerpts as editors type them and for source texts.

It forgives what is not substance and nothing else: curly and straight quotes,
dash and hyphen forms, ``…`` and ``...``, runs of white space and line breaks,
and letter case. :class:`Folded` maps every folded offset back to the original
text, so a match found in folded text can be shown, highlighted and checked in
the source's own characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

SINGLE_QUOTES = "\u2018\u2019\u201a\u201b"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
# Every character str.isspace() accepts (checked by a test against the whole of Unicode).
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

_TABLE = str.maketrans(
    {
        **{c: "'" for c in SINGLE_QUOTES},
        **{c: '"' for c in DOUBLE_QUOTES},
        **{c: "-" for c in DASHES},
        **{c: " " for c in WHITESPACE},
        # The only character whose lower() is two characters long; fold it to keep lengths 1:1.
        "\u0130": "i",
    }
)
# What changes length once the 1:1 folds are done.
_RESIZE = re.compile(r" {2,}|\u2026")


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text with a map back to the original.

    The map is a list of segments: segment k starts at folded offset ``_fs[k]``
    and original offset ``_os[k]``; it is 1:1 unless it is a resized piece
    (a white-space run or an ellipsis), recorded in ``_resized``.
    """

    text: str
    original: str
    _fs: tuple[int, ...]
    _os: tuple[int, ...]
    _resized: frozenset[int]

    def start_in_original(self, i: int) -> int:
        """Original offset of the character at folded offset ``i``."""
        k = bisect_right(self._fs, i) - 1
        if k in self._resized:
            return self._os[k]
        return self._os[k] + (i - self._fs[k])

    def end_in_original(self, j: int) -> int:
        """Original offset just past the folded character at ``j - 1``."""
        if j <= 0:
            return 0
        k = bisect_right(self._fs, j - 1) - 1
        if k in self._resized:
            nxt = self._os[k + 1] if k + 1 < len(self._os) else len(self.original)
            return nxt
        return self._os[k] + (j - self._fs[k])

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        return self.start_in_original(start), self.end_in_original(end)


def fold_text(text: str) -> str:
    """The folded form alone, for excerpts and values (no map needed)."""
    return _RESIZE.sub(_resize, _lower(text.translate(_TABLE)))


def fold(text: str) -> Folded:
    """Fold ``text`` in one pass, keeping the map back to it."""
    flat = _lower(text.translate(_TABLE))  # 1:1 with text
    pieces: list[str] = []
    fs: list[int] = [0]
    os_: list[int] = [0]
    resized: set[int] = set()
    f = o = 0  # folded and original offsets reached so far
    for m in _RESIZE.finditer(flat):
        a, b = m.span()
        if a > o:
            pieces.append(flat[o:a])
            f += a - o
            o = a
            fs.append(f)
            os_.append(o)
        rep = _resize(m)
        pieces.append(rep)
        resized.add(len(fs) - 1)
        f += len(rep)
        o = b
        fs.append(f)
        os_.append(o)
    pieces.append(flat[o:])
    return Folded("".join(pieces), text, tuple(fs), tuple(os_), frozenset(resized))


def _lower(text: str) -> str:
    # str.lower() is context-free but for one letter: a capital sigma becomes final "ς" at the
    # end of a word, so "ΑΣ" cut from "ΑΣΒ" would fold differently from its source. One sigma.
    return text.lower().replace("\u03c2", "\u03c3")


def _resize(m: re.Match[str]) -> str:
    return "..." if m.group() == "\u2026" else " "
