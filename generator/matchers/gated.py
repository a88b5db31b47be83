"""A pattern searched only in texts that hold what every one of its matches holds.

Python's re tries a pattern that opens on a lookbehind at every position of every text ("three
quarters of an hour" is looked for at each character of every claim and excerpt). Most texts lack
what such a pattern cannot match without (the word "quarter", a "/" or a "½"), and a search for a
literal or a character class alone runs in C at a glance: the pattern then runs only where it may
match, with the same matches (tests/test_fast_paths.py compares both on real texts, and checks
that every match holds its gate).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

from generator.normalize import RE_I_ODD as _CASE_ODD


class Gated:
    """``pattern``'s ``finditer``, skipping texts where ``gate`` (a regex with no lookaround, read with
    the pattern's flags) finds nothing: every match of ``pattern`` must hold a match of ``gate``."""

    __slots__ = ("pattern", "gate")

    def __init__(self, pattern: re.Pattern[str], gate: str) -> None:
        self.pattern = pattern
        self.gate = re.compile(gate, pattern.flags)

    @classmethod
    def literal(cls, pattern: re.Pattern[str], word: str) -> "Gated":
        return cls(pattern, re.escape(word))

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        # A match inside [pos, endpos) holds its gate's match inside it too.
        if self.gate.search(text, pos, endpos) is None:
            return iter(())
        return self.pattern.finditer(text, pos, endpos)


# _CASE_ODD (normalize.RE_I_ODD): the characters besides ASCII letters that re.I matches to an ASCII
# letter; no other one lowers to a text holding one (tests/test_fast_paths.py checks every code point).
# In a text without them, str.lower() turns every case-insensitive match of ASCII words into those words
# in lower case, at the same place: a plain C search of the lowered text then finds what such a pattern
# cannot match without.


def lowered(text: str) -> str | None:
    """``text.lower()`` for ``WordGated``, or None when the text holds a character that re.I matches to
    an ASCII letter without being one (then every pattern runs)."""
    return None if _CASE_ODD.search(text) else text.lower()


class WordGated:
    """``pattern``'s (re.I) ``finditer``, skipping texts whose lowered copy holds none of ``words`` (or,
    given ``gate``, a case-sensitive regex of lowercase ASCII, no match of it): every match of
    ``pattern``, lowered, must hold one of the words (or the gate's match)."""

    __slots__ = ("pattern", "words", "gate")

    def __init__(self, pattern: re.Pattern[str], words: tuple[str, ...] = (), gate: str | None = None) -> None:
        self.pattern = pattern
        self.words = words
        self.gate = re.compile(gate) if gate is not None else None
        assert all(w.isascii() and w == w.lower() for w in words), words

    def may_match(self, low: str | None) -> bool:
        """Whether the text lowered to ``low`` (None: not lowered, see ``lowered``) may hold a match."""
        if low is None:
            return True
        if self.gate is not None:
            return self.gate.search(low) is not None
        for w in self.words:  # a loop, not any() over a generator: called for most texts read
            if w in low:
                return True
        return False

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``; ``low``: ``lowered(text)``."""
        return self.pattern.finditer(text) if self.may_match(low) else iter(())
