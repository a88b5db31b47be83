"""Speaker labels and headings: where a transcript or a parliamentary record says whose words follow.

``SPEAKER_FORMS`` is the specification, one named form each with examples (README's table and the
tests are generated from it): a label with a colon (``MR PRICE:``, ``The Prime Minister (Rishi
Sunak):``), the White House's ``Q``, a record's label run into the speech (``Mr. KELLY. Mr. President,
…``), and headings with no colon. The words from a label to the next are that speaker's turn.

Historic Hansard gives each member's words under a heading that names them, in two house styles:

- a line of its own (``Mr. Lever``, ``5. Mr. Marten``, ``Sir C. Osborne``, ``Mr. du Cann``,
  ``Mr. C. R. Hobson (Keighley)``, ``The Postmaster-General (Dr. Charles Hill)``), the words in the
  paragraphs below it;
- a section mark and the name run into the words, with no space (``§ Mr. McKENNAThe reason…``,
  ``§ Mr. CallaghanI can…``, ``§ 34. Sir C. Osborneasked the Chancellor…``).

The words under a heading are that member's own, as a transcript's turn is its speaker's. A heading
starts with an honorific (or ``The`` and a bracket naming the member), so a line of a news story is
none; a text needs two labels to be read as a transcript (a ``BEIJING:`` dateline is no speaker),
unless one is of a form no other text writes (``SpeakerForm.alone``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.lexicon.speech import HEADING_HONORIFICS, NAME_PARTICLES, RECORD_HONORIFICS
from generator.matchers.forms import Form

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


# A label opening a line: capitals (MR SMITH, PRIME MINISTER, Q, MS. JEAN-PIERRE), then a colon.
_CAPS_LABEL = re.compile(
    r"^[ \t]*(?P<label>[A-Z][A-Z'\u2019.\-]*(?:[ \t]+[A-Z][A-Z'\u2019.\-]*){0,5})[ \t]*:(?=\s)", re.MULTILINE)
# The White House's questioner: "Q" and a wide space, no colon ("Q    Sure, thanks, Josh.").
_Q_LABEL = re.compile(r"^[ \t]*(?P<label>Q)(?:[ \t]{2,}|\t)(?=\S)", re.MULTILINE)
# A parliament's heading with a colon: an honorific or "The" and capitalised words, or capitalised words
# with a constituency or party in brackets. Lower-case words ("Smith said:") are no heading.
_W = r"[A-Z][\w'\u2019.\-]*"
_COLON_HEADING = re.compile(
    rf"^[ \t]*(?P<label>(?:(?:{'|'.join(HEADING_HONORIFICS)}|The)\.?[ \t]+{_W}"
    rf"(?:[ \t]+{_W}){{0,5}}|{_W}(?:[ \t]+{_W}){{0,5}}(?=[ \t]*\())(?:[ \t]*\([^()\n]{{1,60}}\))*)[ \t]*:(?=\s)",
    re.MULTILINE)
# The Congressional Record's label, run into the speech at a paragraph's start: an honorific and the
# member's surname in capitals, or "The" and an office in capitals, then a full stop ("Mr. KELLY.",
# "Mr. SMITH of Texas.", "The PRESIDING OFFICER.", "The ACTING PRESIDENT pro tempore.").
_UP = r"(?:Mc|Mac|O['\u2019])?[A-Z][A-Z'\u2019\-]+"
RECORD_LABEL = re.compile(
    rf"^[ \t]*(?P<label>(?:{'|'.join(RECORD_HONORIFICS)})\.?[ \t]+(?:[A-Z]\.[ \t]*)*{_UP}(?:[ \t]+{_UP})*"
    rf"(?:[ \t]+of[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?|The[ \t]+{_UP}(?:[ \t]+{_UP})*(?:[ \t]+pro[ \t]+tempore)?)"
    r"\.(?=[ \t]+\S)",
    re.MULTILINE)
# A member's heading alone on its line: the name and a bracket (constituency, party) after it, as a
# republisher of the Oireachtas record writes it, the photograph's caption run into the name
# ("Photo of Micheál MartinMicheál Martin (Cork South Central, Fianna Fail)").
_UW = r"[A-Z\u00c0-\u00d6\u00d8-\u00de][\w'\u2019.\-]*"  # "Ó Fearghaíl": a capital beyond ASCII too
_NAME = rf"{_UW}(?:[ \t]+(?:(?:{_PART})[ \t]+)?{_UW}){{0,4}}"
MEMBER_LINE = re.compile(
    rf"^[ \t]*(?:Photo[ \t]+of[ \t]+(?P<caption>{_NAME}?))?(?P<label>(?(caption)(?P=caption)|{_NAME})"
    rf"(?:[ \t]*\([^()\n]{{1,60}}\))+)[ \t]*$",
    re.MULTILINE)


@dataclass(frozen=True, slots=True)
class SpeakerForm:
    """A way a text says whose words follow: the pattern (its ``label`` group names the speaker; its end
    is where the words start), whether one such label alone makes the text a transcript, and examples
    as (line, label read) and counter-examples as (line, ``none``)."""

    name: str
    means: str
    pattern: re.Pattern[str]
    alone: bool
    examples: tuple[tuple[str, str], ...]
    counter: tuple[tuple[str, str], ...] = ()
    caps: bool = False  # the label must hold two capitals in a row (or be "Q"): "Note:" is none

    @property
    def form(self) -> Form:
        return Form(self.name, self.means, self.examples, self.counter)

    def labels(self, text: str) -> list[re.Match[str]]:
        found = self.pattern.finditer(text)
        if self.caps:
            return [m for m in found if re.search(r"[A-Z]{2}|^\s*Q\b", m["label"])]
        return list(found)


SPEAKER_FORMS: tuple[SpeakerForm, ...] = (
    SpeakerForm("label in capitals", "a transcript's speaker, a colon", _CAPS_LABEL, False,
                (("MR PRICE: Good afternoon.", "MR PRICE"), ("MS. JEAN-PIERRE: Hi, everybody.", "MS. JEAN-PIERRE"),
                 ("PRIME MINISTER: Thank you.", "PRIME MINISTER")),
                (("Note: figures are rounded.", "none"),), caps=True),
    SpeakerForm("parliament heading", "a member or office, brackets allowed, a colon", _COLON_HEADING, False,
                (("The Prime Minister (Rishi Sunak): I thank", "The Prime Minister (Rishi Sunak)"),
                 ("Mr Speaker: Order.", "Mr Speaker"),
                 ("Sir Keir Starmer (Holborn and St Pancras) (Lab): The", "Sir Keir Starmer (Holborn and St Pancras) (Lab)")),
                (("Smith said: we will.", "none"),)),
    SpeakerForm("questioner Q", "the White House's reporter, a wide space, no colon", _Q_LABEL, False,
                (("Q    Sure, thanks, Josh.", "Q"),), (("Q: the quarter", "none"),)),
    SpeakerForm("record label", "the Congressional Record: surname or office in capitals, a full stop, the speech",
                RECORD_LABEL, True,
                (("  Mr. KELLY. Mr. President, what are we doing here?", "Mr. KELLY"),
                 ("  The PRESIDING OFFICER. The clerk will read.", "The PRESIDING OFFICER"),
                 ("  Mr. SMITH of Texas. Madam Speaker, I yield.", "Mr. SMITH of Texas"),
                 ("  The ACTING PRESIDENT pro tempore. Without objection.", "The ACTING PRESIDENT pro tempore")),
                (("Mr. Kelly. He spoke.", "none"), ("  Mr. KELLY said no.", "none"))),
    SpeakerForm("heading line", "historic Hansard: an honorific and the name, alone on its line", LINE_HEADING, False,
                (("5. Mr. Marten", "Mr. Marten"), ("The Postmaster-General (Dr. Charles Hill)",
                                                   "The Postmaster-General (Dr. Charles Hill)")),
                (("Mr. Lever said the rate was high.", "none"), ("The Times", "none"))),
    SpeakerForm("glued heading", "historic Hansard: a section mark, the name run into the words", GLUED_HEADING, False,
                (("\u00a7 Mr. McKENNAThe reason for raising", "Mr. McKENNA"),
                 ("\u00a7 34. Sir C. Osborneasked the Chancellor", "Sir C. Osborne")),
                (("He met Mr. McKENNAThe reason", "none"),)),
    SpeakerForm("member line", "a name and its constituency or party in brackets, alone on its line",
                MEMBER_LINE, False,
                (("Micheál Martin (Cork South Central, Fianna Fail)", "Micheál Martin (Cork South Central, Fianna Fail)"),
                 ("Photo of Seán Ó FearghaílSeán Ó Fearghaíl (Kildare South, Ceann Comhairle)",
                  "Seán Ó Fearghaíl (Kildare South, Ceann Comhairle)")),
                (("Vladimir Putin (pictured) said no.", "none"), ("Photo of Jane SmithJohn Smith", "none"))),
)


def speaker_labels(text: str) -> tuple[list[re.Match[str]], bool]:
    """Every speaker label in ``text`` in order (at one place the first form listed wins), and whether
    the text is a transcript: two labels, or one of a form that only a transcript writes."""
    seen: dict[int, tuple[re.Match[str], SpeakerForm]] = {}
    for form in SPEAKER_FORMS:
        for m in form.labels(text):
            seen.setdefault(m.start(), (m, form))
    found = [seen[k] for k in sorted(seen)]
    return [m for m, _ in found], len(found) >= 2 or any(f.alone for _, f in found)
