"""Who a sentence says said something: every reporting verb with its subject.

For a claim ("Xi told Zelensky that …", "One report quotes Zelensky as calling
…", "According to CCTV, Xi said …") rather than for a quotation in a source:
the same subject grammar (:mod:`subjects`), read at every reporting verb of
the sentence outside its own quotation marks. The one spoken to ("told
Zelensky") is an object, never a sayer.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.matchers.people import PeopleIndex
from generator.matchers.quotes.subjects import Subject, SubjectReader


@dataclass(frozen=True, slots=True)
class Sayer:
    """A reporting verb and who the sentence makes its subject.

    ``ids`` is empty when the subject is no one in the people index (``words``
    then holds what the text says, e.g. "the report"); ``span`` is where the
    subject is named, ``verb`` the reporting words as written.
    """

    verb: str
    verb_span: tuple[int, int]
    ids: frozenset[str] = frozenset()
    span: tuple[int, int] | None = None
    words: str = ""
    negated: bool = False


def find_sayers(text: str, people: PeopleIndex) -> list[Sayer]:
    """Every reporting verb in ``text`` (outside its quotations) with its subject, in order."""
    reader = SubjectReader(text, people)
    toks = reader.tokens
    idx = [i for i, t in enumerate(toks) if t.kind != "break"]
    out: list[Sayer] = []
    for n, i in enumerate(idx):
        if not reader._is_reporting(idx, n):
            continue
        verb = toks[i]
        if verb.low == "according":
            subj = reader._subject_after(idx, n + 2)
            words = "according to"
        else:
            subj = _as_doing(reader, idx, n) or reader._subject_before(idx, n)
            if subj.kind == "unknown" and reader._passive(idx, n):
                subj = reader._agent(idx, n) or subj
            words = text[verb.start:verb.end]
        if subj.kind == "name" and subj.tok is not None:
            out.append(Sayer(words, (verb.start, verb.end), subj.ids, (subj.tok.start, subj.tok.end),
                             text[subj.tok.start:subj.tok.end], subj.negated))
        elif subj.kind != "none":
            who = subj.words or (text[subj.tok.start:subj.tok.end] if subj.tok is not None else "")
            out.append(Sayer(words, (verb.start, verb.end), words=who, negated=subj.negated))
    return out


def _as_doing(reader: SubjectReader, idx: list[int], n: int) -> Subject | None:
    """``quotes Zelensky as calling …``, ``described Xi as saying``: the name before "as" spoke."""
    toks = reader.tokens
    verb = toks[idx[n]]
    if not verb.low.endswith("ing") or n < 2:
        return None
    before, name = toks[idx[n - 1]], toks[idx[n - 2]]
    if before.low == "as" and name.kind == "name" and not name.possessive:
        return Subject("name", name, name.ids)
    return None
