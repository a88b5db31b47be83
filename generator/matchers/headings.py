"""Speaker headings of a parliamentary record written without a colon.

Historic Hansard gives each member's words under a heading that names them, in two house styles:

- a line of its own (``Mr. Lever``, ``5. Mr. Marten``, ``Sir C. Osborne``, ``Mr. du Cann``,
  ``Mr. C. R. Hobson (Keighley)``, ``The Postmaster-General (Dr. Charles Hill)``), the words in the
  paragraphs below it;
- a section mark and the name run into the words, with no space (``§ Mr. McKENNAThe reason…``,
  ``§ Mr. CallaghanI can…``, ``§ 34. Sir C. Osborneasked the Chancellor…``).

The words under a heading are that member's own, as a transcript's turn is its speaker's. A heading
starts with an honorific (or ``The`` and a bracket naming the member), so a line of a news story is
none; a text needs two headings to be read as a record (the attribution reader's rule).
"""

from __future__ import annotations

import re

from generator.lexicon.speech import HEADING_HONORIFICS, NAME_PARTICLES

_HON = rf"(?:{'|'.join(HEADING_HONORIFICS)})\.?"
_PART = "|".join(NAME_PARTICLES)
_CAP = r"[A-Z][\w'\u2019.\-]*"
_BRACKET = r"(?:[ \t]*\([^()\n]{1,60}\))"
# A heading alone on its line: an honorific and capitalised words (particles such as "du" between),
# or "The" and a title with the member in brackets.
LINE_HEADING = re.compile(
    rf"^[ \t]*(?:\d{{1,3}}\.[ \t]+)?(?P<label>{_HON}[ \t]+(?:(?:{_PART})[ \t]+)?{_CAP}(?:[ \t]+(?:(?:{_PART})[ \t]+)?{_CAP}){{0,5}}"
    rf"{_BRACKET}*|The[ \t]+{_CAP}(?:[ \t]+(?:of|the|for|and|{_CAP})){{0,6}}{_BRACKET}+)[ \t]*$",
    re.MULTILINE,
)
# "§ Mr. McKENNAThe …", "§ Mr. DAVID MASONasked …", "§ 34. Sir C. Osborneasked …", "§ Mr. CallaghanI …":
# the name ends where a name in capitals meets a capitalised or lower-case word, or where a name in
# mixed case meets a capital or the question's "asked".
_INITIALS = r"(?:[A-Z]\.[ \t]*)*"
_CAPS_NAME = r"(?:(?:Mc|Mac|O['\u2019])?[A-Z]{2,}[ \t]+)*(?:Mc|Mac|O['\u2019])?[A-Z]{2,}(?=asked(?![a-z])|[A-Z][a-z])"
_MIXED_NAME = r"(?:[A-Z][a-z'\u2019]+[ \t]+)*(?:Mc|Mac|O['\u2019])?[A-Z][a-z'\u2019]+?(?=asked(?![a-z])|[A-Z])"
GLUED_HEADING = re.compile(
    rf"^[ \t]*\u00a7[ \t]*(?:\d{{1,3}}\.[ \t]+)?(?P<label>{_HON}[ \t]+(?:(?:{_PART})[ \t]+)?{_INITIALS}"
    rf"(?:{_CAPS_NAME}|{_MIXED_NAME}))",
    re.MULTILINE,
)


def headings(text: str) -> list[re.Match[str]]:
    """Every speaker heading in ``text``, in order: a match whose ``label`` group names the member
    and whose end is where their words start (the next line for a heading on its own line)."""
    found = list(GLUED_HEADING.finditer(text))
    for m in LINE_HEADING.finditer(text):
        found.append(m)
    return sorted(found, key=lambda m: m.start())


def glued_heading_ends_at(text: str, p: int) -> bool:
    """Whether a ``§`` heading's name ends at ``p``, run into the member's first word: an excerpt of
    their words may start there ("The reason…" of "§ Mr. McKENNAThe reason…")."""
    if p <= 0 or p >= len(text) or "\u00a7" not in text[max(0, p - 80):p]:
        return False
    line = text.rfind("\n", 0, p) + 1
    m = GLUED_HEADING.match(text, line)
    return m is not None and m.end() == p
