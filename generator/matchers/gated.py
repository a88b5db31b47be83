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
