"""Orchestration: a repository's sources, people and sheets read into one ``Workspace``.

Reading is confined (``read.py``) and errors are put in the editor's words
(``errors.py``); this module decides what is read, in which order, and what is
left out. A file at fault becomes findings and is left out; the rest still
loads, so an editor sees every problem at once.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.collector import gc_paused
from generator.findings import FactsheetError, Finding
from generator.loading.errors import validation_findings
from generator.loading.read import (
    FACTS_DIR,
    MAX_SOURCE_BYTES,
    MAX_YAML_BYTES,
    PEOPLE_FILE,
    PUBLISHED_IDS_FILE,
    SOURCES_DIR,
    forget_real_dirs,
    list_files,
    read_confined,
    read_given,
)
from generator.matchers.dates import PartialDate, parse_partial_date
from generator.matchers.quotes import QuotedSpan, find_quoted_spans
from generator.model import SLUG_PATTERN, People, Person, Sheet, SourceMeta
from generator.normalize import Folded, fold
from generator.rules import finding
from generator.yamlsafe import Document, Loc, decode_text, load_yaml

_SLUG = re.compile(SLUG_PATTERN)

M = TypeVar("M", bound=BaseModel)
_LINE_BLOCK = 4096


@dataclass
class Source:
    id: str
    text_path: str
    meta_path: str
    meta: SourceMeta
    text: str
    doc: Document
    sha256: str

    @cached_property
    def folded(self) -> Folded:
        # Folded once per source, lazily: a source nobody cites costs nothing.
        return fold(self.text)

    @cached_property
    def quoted_spans(self) -> list[QuotedSpan]:
        """The source's quotations, found once (only if a citation needs them)."""
        return find_quoted_spans(self.text)

    @cached_property
    def _lines_before_block(self) -> list[int]:
        # Line breaks before each block of _LINE_BLOCK characters, counted once: a line number
        # is then a count within one block, not over the whole text before it for every citation
        # (and, unlike a list of every line start, small whatever the text).
        out, n = [], 0
        for a in range(0, len(self.text) + 1, _LINE_BLOCK):
            out.append(n)
            n += self.text.count("\n", a, a + _LINE_BLOCK)
        return out

    def line_of(self, offset: int) -> int:
        """The 1-based line holding ``offset`` (``text.count("\\n", 0, offset) + 1``)."""
        block = offset // _LINE_BLOCK
        return self._lines_before_block[block] + self.text.count("\n", block * _LINE_BLOCK, offset) + 1

    @cached_property
    def published_date(self) -> PartialDate | None:
        """For dates without a year in this text; parsed once, not per citation."""
        return parse_partial_date(self.meta.published) if self.meta.published else None


@dataclass(slots=True)
class SheetFile:
    id: str
    path: str
    sheet: Sheet
    doc: Document


@dataclass
class Workspace:
    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    people_doc: Document | None = None
    sheets: dict[str, SheetFile] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    # facts/published-ids.txt as text, read here like every other input file (confined, bounded);
    # None when there is none or it was refused.
    published_ids: str | None = None
    # Files that exist but did not load, for telling root causes from the findings that follow:
    # the people file (every speaker then looks unknown) and each source's file at fault.
    people_unloaded: bool = False
    unloaded_sources: dict[str, str] = field(default_factory=dict)


def load_workspace(root: Path, *, sheets: Collection[str] | None = None,
                   sources: Collection[str] | None = None, report_ignored: bool = True,
                   given: Mapping[str, bytes] | None = None, people: bool = True) -> Workspace:
    """Read a repository. ``sheets``/``sources`` (ids) restrict what is read to those files, for
    the validation cache, which has the rest's findings and results already (and reads the
    folders for ignored files, and the people file, in one of its loads only: ``report_ignored``,
    ``people``).

    ``given`` maps a file of ``facts/`` (``facts/x.yml``, or the people file) to bytes that stand
    for it (an editor's unsaved buffer, read from stdin): they are read instead of the file on
    disk, which need not exist, with the same limits and findings."""
    forget_real_dirs()
    with gc_paused():
        return _load_workspace(Path(root), sheets, sources, report_ignored, given or {}, people)


def _load_workspace(root: Path, only_sheets: Collection[str] | None = None,
                    only_sources: Collection[str] | None = None, report_ignored: bool = True,
                    given: Mapping[str, bytes] | None = None, people: bool = True) -> Workspace:
    given = given or {}
    if not root.is_dir():
        what = "does not exist" if not root.exists() else "is a file, not a folder"
        raise FactsheetError(_err(str(root), "root-invalid",
                                  f"{root} {what}, so it holds neither facts/ nor content/sources/: pass --root the "
                                  "folder that does"))
    if not (root / FACTS_DIR).is_dir() and not (root / SOURCES_DIR).is_dir():
        raise FactsheetError(_err(str(root), "root-invalid",
                                  f"{root} holds neither facts/ nor content/sources/: pass --root the folder "
                                  "that does"))
    ws = Workspace(root=root)
    _load_sources(ws, only_sources)
    if people:
        _load_people(ws, given)
    _load_sheets(ws, only_sheets, given)
    _load_published_ids(ws)
    if report_ignored:
        _report_ignored(ws)
    unique = dict.fromkeys(ws.findings)  # one message per place, in a stable order
    ws.findings = sorted(unique, key=lambda f: (f.path, f.line, f.column, f.rule, f.message))
    return ws


def _released(doc: Document) -> Document:
    """``doc`` without its raw YAML tree, once its model is built: the model holds the same
    data, and only the positions are needed later (to point findings at the file). Released
    file by file, so a large workspace never holds all its trees at once."""
    doc.value = None
    return doc


def _err(path: str, rule: str, message: str, line: int = 1, col: int = 1, fact: str | None = None) -> Finding:
    return finding(path, (line, col), rule, message, fact)


def _check_stem(rel: str, stem: str, ws: Workspace, what: str) -> bool:
    if _SLUG.match(stem):
        return True
    ws.findings.append(_err(rel, "invalid-id",
                            f"'{stem}' is not a valid {what} id: use lower-case letters, digits and '-' "
                            "(at most 80), starting with a letter or digit; rename the file"))
    return False


def parse_file(data: bytes, rel: str, model: type[M], ws: Workspace) -> tuple[M, Document] | None:
    """YAML → model, or findings at the positions at fault."""
    try:
        doc = load_yaml(data, rel)
    except FactsheetError as exc:
        ws.findings.append(exc.finding)
        return None
    try:
        return model.model_validate(doc.value), doc
    except ValidationError as exc:
        ws.findings.extend(validation_findings(exc, doc, model))
        return None


def _load_sources(ws: Workspace, only: Collection[str] | None = None) -> None:
    root = ws.root
    texts = {p.name[:-4]: p for p in list_files(root, SOURCES_DIR, ".txt", only)}
    metas = {p.name[:-4]: p for p in list_files(root, SOURCES_DIR, ".yml", only)}
    for stem in sorted(texts.keys() - metas.keys()):
        rel = texts[stem].relative_to(root).as_posix()
        if not _check_stem(rel, stem, ws, "source"):
            continue
        ws.unloaded_sources[stem] = rel
        ws.findings.append(_err(rel, "source-missing-sidecar",
                                f"source text '{stem}' has no sidecar {SOURCES_DIR}/{stem}.yml: "
                                f"create it with `factsheet new-source` or write title and sha256"))
    for stem in sorted(metas):
        meta_rel = metas[stem].relative_to(root).as_posix()
        if not _check_stem(meta_rel, stem, ws, "source"):
            continue
        if stem not in texts:
            ws.unloaded_sources[stem] = meta_rel
            ws.findings.append(_err(meta_rel, "source-missing-text",
                                    f"sidecar has no text file {SOURCES_DIR}/{stem}.txt beside it"))
            continue
        text_rel = texts[stem].relative_to(root).as_posix()
        raw_meta = read_confined(root, metas[stem], MAX_YAML_BYTES, ws.findings)
        raw_text = read_confined(root, texts[stem], MAX_SOURCE_BYTES, ws.findings)
        if raw_meta is None or raw_text is None:
            ws.unloaded_sources[stem] = meta_rel if raw_meta is None else text_rel
            continue
        parsed = parse_file(raw_meta, meta_rel, SourceMeta, ws)
        try:
            text = decode_text(raw_text, text_rel)
        except FactsheetError as exc:
            ws.findings.append(exc.finding)
            ws.unloaded_sources[stem] = meta_rel if parsed is None else text_rel
            continue
        if parsed is None:
            ws.unloaded_sources[stem] = meta_rel
            continue
        meta, doc = parsed
        digest = hashlib.sha256(raw_text).hexdigest()
        if digest != meta.sha256:
            line, col = doc.pos(("sha256",))
            ws.findings.append(_err(meta_rel, "source-hash-mismatch",
                                    f"{text_rel} has sha256 {digest}, not the {meta.sha256} recorded here: "
                                    "the text changed. Restore it, or run `factsheet rehash "
                                    f"{stem}` if the change is a deliberate correction", line, col))
        ws.sources[stem] = Source(stem, text_rel, meta_rel, meta, text, _released(doc), digest)


def _read_yaml(ws: Workspace, path: Path, given: Mapping[str, bytes]) -> bytes | None:
    rel = path.relative_to(ws.root).as_posix()
    if rel in given:
        return read_given(rel, given[rel], MAX_YAML_BYTES, ws.findings)
    return read_confined(ws.root, path, MAX_YAML_BYTES, ws.findings)


def _load_people(ws: Workspace, given: Mapping[str, bytes]) -> None:
    path = ws.root / PEOPLE_FILE
    if PEOPLE_FILE not in given and not path.exists() and not path.is_symlink():
        return  # no people yet; a folder or a dangling link is reported
    raw = _read_yaml(ws, path, given)
    parsed = None if raw is None else parse_file(raw, PEOPLE_FILE, People, ws)
    if parsed is None:
        ws.people_unloaded = True
        return
    people, doc = parsed
    ws.people_doc = _released(doc)
    ws.people = dict(people.root)


def _report_ignored(ws: Workspace) -> None:
    """Files an editor meant to be read but the format never reads: said, not silently skipped."""
    for rel, suffix in ((FACTS_DIR, ".yml"), (SOURCES_DIR, ".yml")):
        folder = ws.root / rel
        if not folder.is_dir():
            continue
        # Directory entries, not Paths: their type comes with the listing (thousands of files,
        # a stat each cost more than the rest of a cached run). Only what could be reported is
        # sorted: a name the format reads that is no folder is skipped unsorted.
        with os.scandir(folder) as listing:
            entries = sorted((e for e in listing if not e.name.startswith(".") and (
                not e.name.endswith(_READ_SUFFIXES) or _is_dir(e))), key=lambda e: e.name)
        for entry in entries:
            name = entry.name
            if name.endswith(".yaml") and not _is_dir(entry):
                ws.findings.append(_err(f"{rel}/{name}", "file-ignored",
                                        f"'{name}' is never read: files here end in {suffix}; rename it to "
                                        f"{rel}/{name[:-5]}{suffix}"))
            elif _is_dir(entry) and not entry.is_symlink():
                path = folder / name
                inside = sorted(p.relative_to(ws.root).as_posix() for p in path.rglob("*")
                                if p.name.endswith((".yml", ".yaml", ".txt")) and not p.name.startswith("."))
                if inside:
                    more = f" and {len(inside) - 1} more" if len(inside) > 1 else ""
                    ws.findings.append(_err(inside[0], "file-ignored",
                                            f"files in subfolders of {rel}/ are never read ({inside[0]}{more}): "
                                            f"move them into {rel}/ itself"))


_READ_SUFFIXES = (".yml", ".txt")  # no finding for such a name unless it is a folder


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """As Path.is_dir: a link loop or a dangling link is no folder (DirEntry.is_dir raises)."""
    try:
        return entry.is_dir()
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            return False
        raise


def _load_sheets(ws: Workspace, only: Collection[str] | None = None,
                 given: Mapping[str, bytes] | None = None) -> None:
    given = given or {}
    # A sheet given in place of its file is read even when the file is not saved yet.
    unsaved = {ws.root / rel for rel in given if Path(rel).parent.as_posix() == FACTS_DIR
               and rel.endswith(".yml") and (only is None or Path(rel).stem in only)}
    paths = sorted(set(list_files(ws.root, FACTS_DIR, ".yml", only)) | unsaved, key=lambda p: p.name)
    for path in paths:
        rel = path.relative_to(ws.root).as_posix()
        if rel == PEOPLE_FILE:
            continue
        stem = path.name[:-4]
        if not _check_stem(rel, stem, ws, "sheet"):
            continue
        raw = _read_yaml(ws, path, given)
        if raw is None:
            continue
        try:
            doc = load_yaml(raw, rel)
        except FactsheetError as exc:
            ws.findings.append(exc.finding)
            continue
        loaded = _sheet_from(doc, ws)
        if loaded is not None:
            sheet, kept = loaded
            ws.sheets[stem] = SheetFile(stem, rel, sheet, _released(kept))


# Top-level sheet fields that can be left out when they are at fault (title cannot).
_OPTIONAL_SHEET_FIELDS = frozenset(Sheet.model_fields) - {"title"}


def _sheet_from(doc: Document, ws: Workspace) -> tuple[Sheet, Document] | None:
    """The sheet, without the facts (and optional fields) at fault, so the rest is still checked.

    Every schema finding is reported; a fact at fault is left out of the sheet
    rather than taking its valid neighbours down with it.
    """
    try:
        return Sheet.model_validate(doc.value), doc
    except ValidationError as exc:
        ws.findings.extend(validation_findings(exc, doc, Sheet))
        errors = exc.errors(include_url=False)
    value = doc.value
    if not isinstance(value, dict):
        return None
    bad_facts: set[int] = set()
    bad_fields: set[str] = set()
    for error in errors:
        loc = error["loc"]
        if len(loc) >= 2 and loc[0] == "facts" and isinstance(loc[1], int) and isinstance(value.get("facts"), list):
            bad_facts.add(loc[1])
        elif loc and loc[0] in _OPTIONAL_SHEET_FIELDS:
            bad_fields.add(str(loc[0]))
        elif loc and loc[0] not in Sheet.model_fields:
            bad_fields.add(str(loc[0]))  # an unknown field
        else:
            return None  # the title, or the sheet as a whole: nothing to salvage
    kept = {k: v for k, v in value.items() if k not in bad_fields}
    if "facts" in kept:
        kept["facts"] = [f for i, f in enumerate(kept["facts"]) if i not in bad_facts]
    pruned = _without_facts(doc, kept, bad_facts)
    try:
        return Sheet.model_validate(kept), pruned
    except ValidationError:  # pragma: no cover - pruning removes every error's cause
        return None


def _without_facts(doc: Document, value: Any, dropped: set[int]) -> Document:
    """``doc`` with ``value`` and its positions renumbered for the facts that were kept.

    The validator addresses facts by their index in the sheet; after dropping some,
    ("facts", 2) must still point at the line where that fact is written.
    """
    if not dropped:
        return Document(doc.path, value, dict(doc.positions), dict(doc.key_positions))
    new_index: dict[int, int] = {}
    for old in range(len(doc.value.get("facts") or [])):
        if old not in dropped:
            new_index[old] = len(new_index)

    def renumber(table: dict[Loc, Any]) -> dict[Loc, Any]:
        out: dict[Loc, Any] = {}
        for loc, pos in table.items():
            if len(loc) >= 2 and loc[0] == "facts" and isinstance(loc[1], int):
                if loc[1] not in new_index:
                    continue
                loc = ("facts", new_index[loc[1]], *loc[2:])
            out[loc] = pos
        return out

    return Document(doc.path, value, renumber(doc.positions), renumber(doc.key_positions))


def _load_published_ids(ws: Workspace) -> None:
    path = ws.root / PUBLISHED_IDS_FILE
    if not path.exists() and not path.is_symlink():
        return
    raw = read_confined(ws.root, path, MAX_YAML_BYTES, ws.findings)
    if raw is None:
        return
    try:
        ws.published_ids = decode_text(raw, PUBLISHED_IDS_FILE)
    except FactsheetError as exc:
        ws.findings.append(exc.finding)
