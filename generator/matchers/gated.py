"""A pattern searched only in texts that hold a literal every one of its matches holds.

Python's re tries a pattern that opens on a lookbehind at every position of every text ("three
quarters of an hour" is looked for at each character of every claim and excerpt). Most texts lack
the one literal such a pattern cannot match without ("quarter", "-long"), and a search for a
literal alone runs in C at a glance: the pattern then runs only where it may match, with the same
matches (tests/test_fast_paths.py compares both on real texts).
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class Gated:
    """``pattern``'s ``finditer``, skipping texts without ``literal`` (matched with the pattern's flags)."""

    __slots__ = ("pattern", "literal", "_gate")

    def __init__(self, pattern: re.Pattern[str], literal: str) -> None:
        self.pattern = pattern
        self.literal = literal
        self._gate = re.compile(re.escape(literal), pattern.flags)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._gate.search(text) is None:
            return iter(())
        return self.pattern.finditer(text)
