"""Token edges of a source text: where an excerpt may start and end.

An excerpt starts and ends where the source's words and numbers start and end,
so that "60" is never read from "160", "acceptable" from "unacceptable" or
"Marie" from "Anne-Marie". A boundary between two characters lies inside a token
when they belong to one:

- a grapheme cluster: a letter and its combining marks, a Hangul syllable's jamo,
  an emoji sequence joined by ZWJ or a modifier, a flag's two regional indicators;
- a word: letters, digits and marks in a row ("69th", "COVID19"), except in
  scripts written without spaces (Chinese, Japanese, Thai...) where every
  character is its own token: no dictionary here to find their words;
- a number with its separators and decimals ("19,500", "3.5", "26/04", "05:24",
  "1 000" grouped as the number grammar reads it), a whole number with its fraction ("5 1/4",
  "5-1/4", "5¼"), and its sign or leading point ("-5", ".5");
- a hyphenated compound ("Anne-Marie", "36-hour", "2021–22": hyphens and en
  dashes between letters or digits; an em dash is punctuation);
- a word with an apostrophe ("can't", "O'Brien"). One exception: an excerpt may
  *end* before a possessive or clitic "'s" ("Russia" of "Russia's war"), which
  names the whole thing; "can" of "can't" or "won" of "won't" is a cut.

A parliamentary record's speaker name run into the member's first word (``§ Mr. McKENNAThe``) is
an edge before that word (``generator.matchers.headings``).

Anything else is an edge: punctuation, quotation marks, brackets, white space,
symbols ("€" before "23.5", "%" after "50").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.lexicon.text import APOSTROPHES, GROUP_SPACES, HYPHENS
from generator.matchers.headings import glued_heading_ends_at
from generator.matchers.numbers import SPACE_GROUPED, fraction_joint

# Between two digits, these keep one number: "19,500", "3.5", "26/04/2023", "05:24".
NUMBER_JOINERS = ",./:"
SIGNS = "-\u2212."
ZWJ = "\u200d"
_EXTEND = frozenset({ZWJ, "\u200c", "\uff9e", "\uff9f"} | {chr(c) for c in range(0x1F3FB, 0x1F400)})
# Scripts written without spaces between words: each character is a token of its own.
_NO_SPACES = (
    (0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x2E80, 0x2FDF), (0x3040, 0x30FF),
    (0x3100, 0x312F), (0x31A0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
    (0xFF66, 0xFF9D), (0x20000, 0x3FFFF),
)
# How far a number's space-grouped run is looked for around a space (longer runs are not numbers).
_GROUP_WINDOW = 40


@dataclass(frozen=True, slots=True)
class Cut:
    kind: str  # "character", "number", "hyphenated word", "word"
    token: str  # the whole token in the source's characters (clipped when absurdly long)
    token_start: int
    token_end: int


def cuts(text: str, p: int, *, end: bool) -> bool:
    """Whether an excerpt starting (``end=False``) or ending (``end=True``) at ``p`` cuts a token."""
    kind = joined(text, p)
    if kind is not None and not end and glued_heading_ends_at(text, p):
        return False  # historic Hansard's "§ Mr. McKENNAThe reason…": the member's words start at "The"
    return kind is not None and not (end and kind == "apostrophe" and _clitic_s(text, p))


def cut_at(text: str, p: int, *, end: bool) -> Cut | None:
    """The token an excerpt starting (``end=False``) or ending (``end=True``) at ``p`` cuts."""
    if not cuts(text, p, end=end):
        return None
    kind = joined(text, p)
    a, b = token_around(text, p - 1, p + 1)
    token = text[a:b]
    if kind == "character":
        pass
    elif re.fullmatch(rf"[{re.escape(SIGNS)}]?\d+(?:[{re.escape(NUMBER_JOINERS + GROUP_SPACES + HYPHENS)}]\d+)*", token):
        kind = "number"
    elif any(h in token for h in HYPHENS):
        kind = "hyphenated word"
    else:
        kind = "word"
    return Cut(kind, token, a, b)


def token_around(text: str, a: int, b: int) -> tuple[int, int]:
    """``text[a:b]`` widened to the whole tokens at its ends (at most 200 characters each way)."""
    lo, hi = a, b
    while lo > 0 and a - lo < 200 and joined(text, lo):
        lo -= 1
    while hi < len(text) and hi - b < 200 and joined(text, hi):
        hi += 1
    return lo, hi


def joined(text: str, p: int) -> str | None:
    """Why the boundary before ``text[p]`` lies inside a token, or None when it is an edge."""
    if p <= 0 or p >= len(text):
        return None
    left, right = text[p - 1], text[p]
    if left.isascii() and right.isascii():  # the common case, without unicodedata
        if left.isalnum() and right.isalnum():
            return "word"
    elif _one_grapheme(text, p):
        return "character"
    elif _word(left) and _word(right):
        return None if _no_spaces(left) or _no_spaces(right) else "word"
    before = text[p - 2] if p >= 2 else ""
    after = text[p + 1] if p + 1 < len(text) else ""
    for sep, x, y, at in ((right, left, after, p), (left, before, right, p - 1)):
        # The boundary touches a joiner ``sep`` at ``at`` with ``x`` before it and ``y`` after it.
        if sep in NUMBER_JOINERS and x.isdecimal() and y.isdecimal():
            return "number"
        if sep in HYPHENS and _word(x) and _word(y):
            return "hyphen"
        if sep in APOSTROPHES and _word(x) and _word(y):
            return "apostrophe"
        if sep in GROUP_SPACES and x.isdecimal() and y.isdecimal() and (_grouped(text, at)
                                                                         or fraction_joint(text, at)):
            return "number"
    # A sign or a leading point belongs to its number: "-5" is not "5", ".5" is not "5".
    if left in SIGNS and right.isdecimal() and not (_word(before) or before in ".-\u2212"):
        return "number"
    return None


def _clitic_s(text: str, p: int) -> bool:
    """An apostrophe at ``p`` followed by "s" and the end of the word: "Russia's"."""
    return (text[p] in APOSTROPHES and text[p + 1:p + 2] in ("s", "S")
            and not _word(text[p + 2:p + 3]))


def _word(c: str) -> bool:
    if not c:
        return False
    return c.isalnum() or unicodedata.category(c)[0] == "M"


def _no_spaces(c: str) -> bool:
    o = ord(c)
    return o >= 0x0E00 and any(a <= o <= b for a, b in _NO_SPACES)


def _grouped(text: str, at: int) -> bool:
    """Whether the space at ``at`` sits between the digit groups of one number ("1 000")."""
    lo = max(0, at - _GROUP_WINDOW)
    for m in SPACE_GROUPED.finditer(text, lo, min(len(text), at + _GROUP_WINDOW)):
        if m.start() < at < m.end():
            return True
    return False


# --- grapheme clusters (UAX #29, the rules that keep letters whole) -------------------------

def _one_grapheme(text: str, p: int) -> bool:
    left, right = text[p - 1], text[p]
    if right in _EXTEND or unicodedata.category(right)[0] == "M" or left == ZWJ:
        return True  # GB9, GB9a, GB11 (loosely: nothing breaks right after a ZWJ)
    hl, hr = _hangul(left), _hangul(right)
    if hl and hr and ((hl == "L" and hr in ("L", "V", "LV", "LVT")) or (hl in ("LV", "V") and hr in ("V", "T"))
                      or (hl in ("LVT", "T") and hr == "T")):
        return True  # GB6-8
    if _regional(right) and _regional(left):
        n = 0  # GB12-13: regional indicators pair up from the start of their run
        i = p - 1
        while i >= 0 and _regional(text[i]) and n < 64:
            n += 1
            i -= 1
        return n % 2 == 1
    return False


def _regional(c: str) -> bool:
    return 0x1F1E6 <= ord(c) <= 0x1F1FF


def _hangul(c: str) -> str | None:
    o = ord(c)
    if 0x1100 <= o <= 0x115F or 0xA960 <= o <= 0xA97C:
        return "L"
    if 0x1160 <= o <= 0x11A7 or 0xD7B0 <= o <= 0xD7C6:
        return "V"
    if 0x11A8 <= o <= 0x11FF or 0xD7CB <= o <= 0xD7FB:
        return "T"
    if 0xAC00 <= o <= 0xD7A3:
        return "LV" if (o - 0xAC00) % 28 == 0 else "LVT"
    return None
