"""Comparing a stored snapshot with its original: a word diff, and the citations a new text would break.

``--apply`` keeps the old snapshot reachable without git: before the text is
replaced, it is copied with its sidecar to ``content/archive/<id>@<date>.txt``
and ``.yml`` (the date is the old ``retrieved``, else ``published``, else
``undated``). content/archive/ is outside content/sources/, so validate and
build never read it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from generator.authoring import Refused, write_new
from generator.loading import Source, Workspace
from generator.normalize import fold
from generator.validation.locate import Located, Missed, locate, line_of

ARCHIVE_DIR = "content/archive"
_WORD = re.compile(r"\S+")
_CONTEXT = 6  # words shown either side of a change


@dataclass(frozen=True)
class Change:
    line: int  # in the new text (the old text's line when words were only removed)
    before: str
    removed: str
    added: str
    after: str

    def format(self) -> str:
        parts = [self.before] if self.before else []
        if self.removed:
            parts.append(f"[-{self.removed}-]")
        if self.added:
            parts.append(f"{{+{self.added}+}}")
        if self.after:
            parts.append(self.after)
        return f"line {self.line}: " + " ".join(parts)


def word_changes(old: str, new: str) -> list[Change]:
    """Word-level changes from ``old`` to ``new`` (white space alone is no change)."""
    a = [(m.group(0), m.start()) for m in _WORD.finditer(old)]
    b = [(m.group(0), m.start()) for m in _WORD.finditer(new)]
    wa, wb = [w for w, _ in a], [w for w, _ in b]
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        line = line_of(new, b[j1][1]) if j1 < len(b) else line_of(old, a[i1][1]) if i1 < len(a) else 1
        out.append(Change(line, " ".join(wb[max(0, j1 - _CONTEXT):j1]), " ".join(wa[i1:i2]),
                          " ".join(wb[j1:j2]), " ".join(wb[j2:j2 + _CONTEXT])))
    return out


@dataclass(frozen=True)
class Broken:
    where: str  # path:line:col of the excerpt
    fact: str
    message: str
    rule: str
    already: bool  # the stored text does not match it either


def broken_citations(ws: Workspace, source: Source, new_text: str) -> tuple[int, list[Broken]]:
    """How many citations the source has, and those whose excerpt the new text would no longer hold."""
    folded_new = fold(new_text)
    total, broken = 0, []
    for sheet in ws.sheets.values():
        for i, fact in enumerate(sheet.sheet.facts):
            for j, citation in enumerate(fact.sources):
                if citation.source != source.id:
                    continue
                total += 1
                where = locate(citation, folded_new)
                if isinstance(where, Located):
                    continue
                assert isinstance(where, Missed)
                line, col = sheet.doc.pos(("facts", i, "sources", j, "excerpt"))
                already = not isinstance(locate(citation, source.folded), Located)
                broken.append(Broken(f"{sheet.path}:{line}:{col}", f"{sheet.id}/{fact.id}", where.message,
                                     where.rule, already))
    return total, broken


def archive(root: Path, source: Source, text_bytes: bytes, sidecar_bytes: bytes) -> Path:
    """Copy the old snapshot and its sidecar to content/archive/<id>@<date>.txt/.yml; the text's path."""
    day = source.meta.retrieved or source.meta.published or "undated"
    folder = root / ARCHIVE_DIR
    for n in range(1, 100):
        stem = f"{source.id}@{day}" + ("" if n == 1 else f"-{n}")
        text_path, meta_path = folder / f"{stem}.txt", folder / f"{stem}.yml"
        if text_path.exists() and text_path.read_bytes() == text_bytes:
            return text_path  # archived already (a refresh that was interrupted, or run twice)
        if text_path.exists() or meta_path.exists():
            continue
        write_new(meta_path, sidecar_bytes)
        try:
            write_new(text_path, text_bytes)
        except BaseException:
            meta_path.unlink()
            raise
        return text_path
    raise Refused("file-exists", f"{folder}: 99 archived snapshots of {source.id} dated {day}; tidy them first")
