"""Inline Markdown to the plain words a reader reads, for checking a claim's text.

Claims allow ``*em*``, ``**strong**``, `` `code` ``, backslash escapes and
``[links](url)`` (see ``generator.render.inline``, which renders them; the
validation layer must not import the renderer). Here the markers go and the
words stay: ``[Xi](https://…) said **no**`` reads "Xi said no". Unmatched
markers stay as text, as the renderer shows them.
"""

from __future__ import annotations

import re

_ESCAPABLE = "\\`*_{}[]()#+-.!|<>~^=:'\"&"
_CODE = re.compile(r"(`+)(.+?)\1", re.S)
_LINK = re.compile(r"\[([^\[\]]*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)")
# Emphasis markers that open before a word and close after one: "*so*", "**so**", "_so_".
_STRONG = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])", re.S)
_EM = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])", re.S)
# Every pattern below needs one of these characters: a claim with none of them is plain text already.
_MARKERS = re.compile(r"[\\`\[*_]")
_PLACEHOLDER = "\x00"  # stands for an escaped character while the markers are taken out
_CODE_MARK = "\x01"  # stands for a code span


def markup_to_text(source: str) -> str:
    """The claim as plain text, white space runs kept as one space."""
    # The two placeholders are control characters, never words: any already in the claim count as
    # white space, so every placeholder left below is one of ours.
    source = source.replace(_PLACEHOLDER, " ").replace(_CODE_MARK, " ")
    if not _MARKERS.search(source):
        return " ".join(source.split())  # no escape, code, link or emphasis can match: nothing to take out
    escaped: list[str] = []

    def hold(m: re.Match[str]) -> str:
        escaped.append(m.group(1))
        return _PLACEHOLDER

    text = re.sub(r"\\([" + re.escape(_ESCAPABLE) + "])", hold, source)
    codes: list[str] = []

    def code(m: re.Match[str]) -> str:
        codes.append(m.group(2).strip() or m.group(2))
        return _CODE_MARK

    text = _CODE.sub(code, text)
    text = _LINK.sub(lambda m: m.group(1), text)
    for _ in range(3):  # nested emphasis: ***both***, *a **b** c*
        text = _STRONG.sub(lambda m: m.group(2), text)
        text = _EM.sub(lambda m: m.group(2), text)
    held_codes, held_escapes = iter(codes), iter(escaped)
    text = re.sub(_CODE_MARK, lambda _m: next(held_codes), text)
    text = re.sub(_PLACEHOLDER, lambda _m: next(held_escapes), text)
    return " ".join(text.split())
