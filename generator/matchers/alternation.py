"""A list of literal words as one regex alternation that tries the longest first, as a prefix tree.

``"|".join(escape(w) for w in sorted(words, key=len, reverse=True))`` tries every word at every
place it is tried (Python's re does not factor alternations): hundreds of country names made
each claim check cost milliseconds. The tree tries one branch per letter and, along the one path
the text follows, the longer words before the shorter, which is the same order among the words
that can match there: the same matches, in any surrounding pattern.
"""

from __future__ import annotations

import re
from typing import Iterable

_END = ""  # a key no letter has: "a word ends here"


def _key(ch: str, ignorecase: bool) -> str:
    # Under re.I, "A" and "a" must share a branch, or the tree would try a short word down one
    # before a longer one down the other. Letters whose lower case is not one letter stay apart.
    if ignorecase:
        low = ch.lower()
        if len(low) == 1:
            return low
    return ch


def longest_first(words: Iterable[str], ignorecase: bool = False, not_after: str = "") -> str:
    """A regex (no group around it) matching what the longest-first alternation of ``words`` matches.

    ``not_after``: a character class (``[\\w.]``) the character before a word may not be in: the same
    matches as ``(?<!not_after)(?:...)``, but checked after each word's first letter, so that the
    pattern opens on letters and re finds where a word may start in C instead of trying every
    position. It pays when the words open on letters rare in text (names as written, on a capital:
    2-3x faster over the benchmark's excerpts); under re.I, or for words on common lower-case
    letters, the lookbehind first is cheaper (it rejects every place inside a word at once)."""
    words = list(words)
    # After the first letter, the two characters behind are the one before the word and that letter.
    after = f"(?<!{not_after}.)" if not_after else ""
    if after and "" in words:
        raise ValueError("not_after needs words of one letter or more")
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(_key(ch, ignorecase), {})
        node[_END] = {}
    if not tree:
        return ""  # as the empty alternation: matches the empty string
    if ignorecase and not _apart(tree):
        # Two branches one letter could take ("s" and "ſ" under re.I): the plain alternation.
        return "|".join(re.escape(w[0]) + after + re.escape(w[1:]) for w in sorted(words, key=len, reverse=True))
    return _emit(tree, after)


def _apart(node: dict[str, dict]) -> bool:  # type: ignore[type-arg]
    """No letter of the text could follow two branches of one node under re.I."""
    keys = [k for k in node if k != _END]
    for i, a in enumerate(keys):
        if any(re.fullmatch(re.escape(a), b, re.I) for b in keys[i + 1:]):
            return False
    return all(_apart(child) for child in node.values())


def _emit(node: dict[str, dict], after_first: str = "") -> str:  # type: ignore[type-arg]
    branches = [re.escape(ch) + after_first + _emit(child) for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:  # a word ends here; longer ones through this node are tried first (greedy)
        return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + body + ")?"
    return body
