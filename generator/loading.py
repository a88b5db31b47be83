"""Loading: read a repository's sources, people and sheets into the model.

Only files found by listing ``content/sources/`` and ``facts/`` are opened;
ids written in YAML are looked up in what was found, never joined into paths.
A file at fault becomes findings and is left out; the rest still loads, so an
editor sees every problem at once.
"""

from __future__ import annotations

import gc
import hashlib
import os
import re
import stat
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterator, TypeVar

from pydantic import BaseModel, ValidationError

from generator.findings import FactsheetError, Finding, Severity, did_you_mean
from generator.model import SLUG_PATTERN, People, Person, Sheet, SourceMeta
from generator.normalize import Folded, fold
from generator.rules import severity_of
from generator.yamlsafe import Document, Loc, decode_text, load_yaml

SOURCES_DIR = "content/sources"
FACTS_DIR = "facts"
PEOPLE_FILE = "facts/people.yml"
MAX_YAML_BYTES = 4 * 1024 * 1024
MAX_SOURCE_BYTES = 16 * 1024 * 1024
_SLUG = re.compile(SLUG_PATTERN)

M = TypeVar("M", bound=BaseModel)


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


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector while building many long-lived objects.

    Loading and validating create hundreds of thousands of objects that all
    live to the end, and almost no reference cycles; each full collection
    re-scans all of them for nothing (a third of validation time at 17k facts).
    At the end they are frozen (``gc.freeze``: left out of later collections)
    so that the first collection after this does not scan them all either.
    Reference counting still frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def load_workspace(root: Path) -> Workspace:
    _real_dir.cache_clear()
    with gc_paused():
        return _load_workspace(Path(root))


def _load_workspace(root: Path) -> Workspace:
    if not (root / FACTS_DIR).is_dir() and not (root / SOURCES_DIR).is_dir():
        raise FactsheetError(
            Finding(".", 1, 1, Severity.ERROR, "schema-missing-field",
                    f"{root} holds neither facts/ nor content/sources/: pass --root the folder that does")
        )
    ws = Workspace(root=root)
    _load_sources(ws)
    _load_people(ws)
    _load_sheets(ws)
    return ws


def _list(root: Path, rel: str, suffix: str) -> list[Path]:
    folder = root / rel
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.endswith(suffix) and not p.name.startswith("."))


@lru_cache(maxsize=64)
def _real_dir(folder: Path) -> Path:
    # Cleared at every load: a folder's real path is looked up once per load, not once per file.
    return folder.resolve(strict=True)


def _real_path(path: Path) -> tuple[Path, os.stat_result | None]:
    """``path.resolve(strict=True)``, and its stat when it is a regular file and not a link.

    A regular file that is not a symlink is its folder's real path plus its name;
    resolving every path component of every file (thousands) cost more than reading them.
    """
    st = os.lstat(path)
    if stat.S_ISREG(st.st_mode):
        return _real_dir(path.parent) / path.name, st
    return path.resolve(strict=True), None


def _read(root: Path, path: Path, limit: int, ws: Workspace) -> bytes | None:
    rel = path.relative_to(root).as_posix()
    try:
        real, st = _real_path(path)
        if not real.is_relative_to(_real_dir(root)):
            ws.findings.append(_err(rel, "invalid-id", "this file links outside the repository; it is not read"))
            return None
        if st is None and not real.is_file():
            ws.findings.append(_err(rel, "file-binary", "not a regular file"))
            return None
        size = st.st_size if st is not None else real.stat().st_size
        if size > limit:
            ws.findings.append(_err(rel, "file-too-large",
                                    f"{size} bytes is over the limit of {limit} bytes for this kind of file"))
            return None
        return real.read_bytes()
    except OSError as exc:
        ws.findings.append(_err(rel, "file-binary", f"cannot read the file: {exc.strerror or exc}"))
        return None


def _err(path: str, rule: str, message: str, line: int = 1, col: int = 1, fact: str | None = None) -> Finding:
    return Finding(path, line, col, severity_of(rule), rule, message, fact)


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


def validation_findings(exc: ValidationError, doc: Document, model: type[BaseModel]) -> list[Finding]:
    out: list[Finding] = []
    for error in exc.errors(include_url=False):
        loc = _yaml_loc(error["loc"], doc)
        kind = error["type"]
        fact = _fact_of(loc, doc)
        if kind == "extra_forbidden":
            key = str(loc[-1])
            allowed = _fields_at(model, loc[:-1])
            line, col = doc.key_pos(loc)
            msg = f"unknown field '{key}'{did_you_mean(key, allowed)}"
            if allowed:
                msg += f" (allowed here: {', '.join(sorted(allowed))})"
            out.append(_err(doc.path, "schema-unknown-field", msg, line, col, fact))
            continue
        line, col = doc.pos(loc)
        where = _describe(loc)
        if kind == "missing":
            rule, msg = "schema-missing-field", f"missing required field '{loc[-1]}'" + (
                f" in {_describe(loc[:-1])}" if loc[:-1] else "")
        elif kind == "string_pattern_mismatch" and str(loc[-1]) in {"id", "source", "speaker"} | (
            {"[key]"} if loc and loc[-1] == "[key]" else set()
        ):
            rule, msg = "invalid-id", (
                f"{where}: '{error['input']}' is not a slug: use lower-case letters, digits and '-' "
                "(at most 80 characters), starting with a letter or digit")
        elif kind in {"invalid_date", "unknown_currency", "invalid_number"}:
            rule, msg = kind.replace("_", "-"), f"{where}: {error['msg']}"
        elif kind == "string_pattern_mismatch" and str(loc[-1]) in {"date", "published", "retrieved"}:
            rule, msg = "invalid-date", (
                f"{where}: '{error['input']}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD in quotes")
        elif kind.endswith("_type") or kind.endswith("_parsing") or kind in {"model_type", "dict_type"}:
            rule, msg = "schema-type", f"{where}: {_type_message(error)}"
        else:
            rule, msg = "schema-value", f"{where}: {error['msg']}"
        out.append(_err(doc.path, rule, msg, line, col, fact))
    return out


def _yaml_loc(loc: tuple[Any, ...], doc: Document) -> Loc:
    # RootModel errors start with 'root'; dict key errors end with '[key]'.
    parts = [p for p in loc if p != "root"]
    if parts and parts[-1] == "[key]":
        parts.pop()
    return tuple(parts)


def _fact_of(loc: Loc, doc: Document) -> str | None:
    if len(loc) >= 2 and loc[0] == "facts" and isinstance(loc[1], int):
        value = doc.value
        try:
            fid = value["facts"][loc[1]].get("id")
        except (AttributeError, IndexError, KeyError, TypeError):
            return None
        stem = Path(doc.path).stem
        return f"{stem}/{fid}" if isinstance(fid, str) else None
    return None


def _describe(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


def _type_message(error: dict[str, Any]) -> str:
    got = type(error.get("input")).__name__
    names = {"str": "text", "int": "a whole number", "float": "a number", "bool": "true/false",
             "dict": "a mapping", "list": "a list", "NoneType": "nothing (null)"}
    return f"{error['msg'].lower()}, got {names.get(got, got)}"


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names allowed at ``loc`` inside ``model`` (for "did you mean")."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if fields is None or part not in fields:
            return []
        current = _inner_model(fields[part].annotation)
        if current is None:
            return []
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _load_sources(ws: Workspace) -> None:
    root = ws.root
    texts = {p.name[:-4]: p for p in _list(root, SOURCES_DIR, ".txt")}
    metas = {p.name[:-4]: p for p in _list(root, SOURCES_DIR, ".yml")}
    for stem in sorted(texts.keys() - metas.keys()):
        rel = texts[stem].relative_to(root).as_posix()
        ws.findings.append(_err(rel, "source-missing-sidecar",
                                f"source text '{stem}' has no sidecar {SOURCES_DIR}/{stem}.yml: "
                                f"create it with `factsheet new-source` or write title and sha256"))
    for stem in sorted(metas):
        meta_rel = metas[stem].relative_to(root).as_posix()
        if not _check_stem(meta_rel, stem, ws, "source"):
            continue
        if stem not in texts:
            ws.findings.append(_err(meta_rel, "source-missing-text",
                                    f"sidecar has no text file {SOURCES_DIR}/{stem}.txt beside it"))
            continue
        raw_meta = _read(root, metas[stem], MAX_YAML_BYTES, ws)
        raw_text = _read(root, texts[stem], MAX_SOURCE_BYTES, ws)
        if raw_meta is None or raw_text is None:
            continue
        parsed = parse_file(raw_meta, meta_rel, SourceMeta, ws)
        text_rel = texts[stem].relative_to(root).as_posix()
        try:
            text = decode_text(raw_text, text_rel)
        except FactsheetError as exc:
            ws.findings.append(exc.finding)
            continue
        if parsed is None:
            continue
        meta, doc = parsed
        digest = hashlib.sha256(raw_text).hexdigest()
        if digest != meta.sha256:
            line, col = doc.pos(("sha256",))
            ws.findings.append(_err(meta_rel, "source-hash-mismatch",
                                    f"{text_rel} has sha256 {digest}, not the {meta.sha256} recorded here: "
                                    "the text changed. Restore it, or run `factsheet rehash "
                                    f"{stem}` if the change is a deliberate correction", line, col))
        ws.sources[stem] = Source(stem, text_rel, meta_rel, meta, text, doc, digest)


def _load_people(ws: Workspace) -> None:
    path = ws.root / PEOPLE_FILE
    if not path.is_file():
        return
    raw = _read(ws.root, path, MAX_YAML_BYTES, ws)
    if raw is None:
        return
    parsed = parse_file(raw, PEOPLE_FILE, People, ws)
    if parsed is None:
        return
    people, ws.people_doc = parsed
    ws.people = dict(people.root)


def _load_sheets(ws: Workspace) -> None:
    for path in _list(ws.root, FACTS_DIR, ".yml"):
        rel = path.relative_to(ws.root).as_posix()
        if rel == PEOPLE_FILE:
            continue
        stem = path.name[:-4]
        if not _check_stem(rel, stem, ws, "sheet"):
            continue
        raw = _read(ws.root, path, MAX_YAML_BYTES, ws)
        if raw is None:
            continue
        parsed = parse_file(raw, rel, Sheet, ws)
        if parsed is None:
            continue
        sheet, doc = parsed
        ws.sheets[stem] = SheetFile(stem, rel, sheet, doc)
