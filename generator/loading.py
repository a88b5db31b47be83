"""Loading: read a repository's sources, people and sheets into the model.

Only files found by listing ``content/sources/`` and ``facts/`` are opened;
ids written in YAML are looked up in what was found, never joined into paths.
A file at fault becomes findings and is left out; the rest still loads, so an
editor sees every problem at once.
"""

from __future__ import annotations

import difflib
import gc
import hashlib
import os
import re
import stat
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Collection, Iterator, TypeVar

from pydantic import BaseModel, ValidationError

from generator.findings import FactsheetError, Finding, Severity, did_you_mean
from generator.matchers.dates import PartialDate, parse_partial_date
from generator.matchers.quotes import QuotedSpan, find_quoted_spans
from generator.model import SLUG_PATTERN, People, Person, Sheet, SourceMeta
from generator.normalize import Folded, fold
from generator.rules import finding
from generator.yamlsafe import Document, Loc, decode_text, load_yaml

SOURCES_DIR = "content/sources"
FACTS_DIR = "facts"
PEOPLE_FILE = "facts/people.yml"
PUBLISHED_IDS_FILE = "facts/published-ids.txt"
MAX_YAML_BYTES = 4 * 1024 * 1024
MAX_SOURCE_BYTES = 16 * 1024 * 1024
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


def load_workspace(root: Path, *, sheets: Collection[str] | None = None,
                   sources: Collection[str] | None = None, report_ignored: bool = True) -> Workspace:
    """Read a repository. ``sheets``/``sources`` (ids) restrict what is read to those files, for
    the validation cache, which has the rest's findings and results already (and reads the
    folders for ignored files in one of its loads only)."""
    _real_dir.cache_clear()
    with gc_paused():
        return _load_workspace(Path(root), sheets, sources, report_ignored)


def _load_workspace(root: Path, only_sheets: Collection[str] | None = None,
                    only_sources: Collection[str] | None = None, report_ignored: bool = True) -> Workspace:
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
    _load_people(ws)
    _load_sheets(ws, only_sheets)
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


def _list(root: Path, rel: str, suffix: str, only: Collection[str] | None = None) -> list[Path]:
    """The folder's files ending in ``suffix``, by name; with ``only``, just those stems (looked
    up, not listed: the cache loads a few files of a large folder)."""
    folder = root / rel
    if not folder.is_dir():
        return []
    if only is not None:
        named = (folder / f"{stem}{suffix}" for stem in only)
        return sorted((p for p in named if os.path.lexists(p)), key=lambda p: p.name)
    # By name (one folder): comparing Path objects costs far more than comparing their names.
    return sorted((p for p in folder.iterdir() if p.name.endswith(suffix) and not p.name.startswith(".")),
                  key=lambda p: p.name)


@lru_cache(maxsize=64)
def _real_dir(folder: Path) -> Path:
    # Cleared at every load: a folder's real path is looked up once per load, not once per file.
    return folder.resolve()


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
    """The bytes of one listed file, if it really lives in its folder and is small enough.

    Symlinks are followed only when they stay inside the folder they were listed
    in: a contributor's link to /etc/passwd or to ../.git/config is never opened.
    """
    rel = path.relative_to(root).as_posix()
    folder = _real_dir(root) / path.parent.relative_to(root)
    try:
        real, st = _real_path(path)
        if not real.is_relative_to(folder):
            ws.findings.append(_err(rel, "file-outside-root",
                                    f"this file links outside {path.parent.relative_to(root).as_posix()}/; "
                                    "it is not read: replace the link with the file itself"))
            return None
        if st is None and not real.is_file():
            ws.findings.append(_err(rel, "file-unreadable", "not a regular file (a folder, device or pipe)"))
            return None
        size = st.st_size if st is not None else real.stat().st_size
        if size > limit:
            ws.findings.append(_err(rel, "file-too-large",
                                    f"{size} bytes is over the limit of {limit} bytes for this kind of file"))
            return None
        with real.open("rb") as fh:
            # Read at most one byte past the limit: a file that grows after stat() is still bounded.
            data = fh.read(limit + 1)
        if len(data) > limit:
            ws.findings.append(_err(rel, "file-too-large",
                                    f"over the limit of {limit} bytes for this kind of file"))
            return None
        return data
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop on older Pythons
        ws.findings.append(_err(rel, "file-unreadable", f"cannot read the file: "
                                f"{getattr(exc, 'strerror', None) or exc}"))
        return None


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


# A key that starts with digits: the rest of `464,000` or `cost 464,000 euros` cut at its comma in a
# flow mapping ({value: 464,000}).
_CUT_AT_COMMA = re.compile(r"^[0-9]")

_TYPE_NAMES = {"int": "a whole number", "float": "a number", "str": "text", "string": "text",
               "bool": "true/false", "dict": "a mapping", "list": "a list", "NoneType": "nothing (null)"}


def validation_findings(exc: ValidationError, doc: Document, model: type[BaseModel]) -> list[Finding]:
    """Pydantic's errors as findings at the YAML positions at fault, one per place and rule."""
    errors = exc.errors(include_url=False)
    # A union (19500 | 3.5 | "3.5 billion") fails once per member: say it once, naming every member.
    # When one member accepted the type but refused the value ("abc" as text is no number),
    # that refusal is the whole story.
    expected: dict[Loc, list[str]] = {}
    refused: set[Loc] = set()
    for error in errors:
        where = _yaml_loc(error["loc"], doc, error["type"])
        if _is_type_error(error["type"]):
            expected.setdefault(where, []).append(error["type"])
        elif error["type"] not in {"missing", "extra_forbidden"}:
            refused.add(where)
    # A misspelt required field is one mistake, not two: "unknown field 'cliam'; did you mean 'claim'?"
    # stands for the "missing required field 'claim'" it causes.
    missing = {_yaml_loc(e["loc"], doc, "missing") for e in errors if e["type"] == "missing"}
    typo_for: dict[Loc, str] = {}
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = _yaml_loc(error["loc"], doc, error["type"])
            allowed = _fields_at(model, loc[:-1])
            best = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
            if best and (*loc[:-1], best[0]) in missing:
                typo_for[loc] = best[0]
    covered = {(*loc[:-1], name) for loc, name in typo_for.items()}
    out: list[Finding] = []
    seen: set[tuple[Loc, str]] = set()
    for error in errors:
        raw_loc = error["loc"]
        kind = error["type"]
        loc = _yaml_loc(raw_loc, doc, kind)
        if _is_type_error(kind) and loc in refused:
            continue
        if kind == "missing" and loc in covered:
            continue
        fact = _fact_of(loc, doc)
        if kind == "extra_forbidden":
            key = str(loc[-1])
            allowed = _fields_at(model, loc[:-1])
            line, col = doc.key_pos(loc)
            if loc in typo_for:
                msg = (f"unknown field '{key}'; did you mean '{typo_for[loc]}'? (a required field, so it is "
                       "missing too): correct the spelling")
            elif _CUT_AT_COMMA.match(key):
                msg = (f"'{key}' is the end of a value cut at a comma: inside {{ }} and [ ] a comma separates "
                       "items, so an unquoted value such as 464,000 is read as 464 and a field '000'. Put the "
                       "value in quotes (\"464,000\") or write the number without commas (464000)")
            else:
                msg = f"unknown field '{key}'{did_you_mean(key, allowed)}"
                if allowed:
                    msg += f" (allowed here: {', '.join(sorted(allowed))})"
            rule = "schema-unknown-field"
        elif raw_loc and raw_loc[-1] == "[key]":
            # A mapping key at fault (a person id in people.yml): point at the key, not its value.
            line, col = doc.key_pos(loc)
            rule, msg = "invalid-id", (
                f"'{error['input']}' is not a valid id: use lower-case letters, digits and '-' "
                "(at most 80 characters), starting with a letter or digit")
        else:
            line, col = doc.pos(loc)
            rule, msg = _rule_and_message(error, loc, expected.get(loc, []))
        if (loc, rule) in seen:
            continue
        seen.add((loc, rule))
        out.append(_err(doc.path, rule, msg, line, col, fact))
    return out


def _is_type_error(kind: str) -> bool:
    return kind.endswith("_type") or kind.endswith("_parsing")


def _rule_and_message(error: Any, loc: Loc, union: list[str]) -> tuple[str, str]:
    kind = error["type"]
    where = _describe(loc)
    if kind == "missing":
        return "schema-missing-field", f"missing required field '{loc[-1]}'" + (
            f" in {_describe(loc[:-1])}" if loc[:-1] else "")
    if kind == "string_pattern_mismatch" and loc and str(loc[-1]) in {"id", "source", "speaker"}:
        return "invalid-id", (
            f"{where}: '{error['input']}' is not a slug: use lower-case letters, digits and '-' "
            "(at most 80 characters), starting with a letter or digit")
    if kind in {"invalid_date", "unknown_currency", "invalid_number"}:
        return kind.replace("_", "-"), f"{where}: {error['msg']}"
    if loc and str(loc[-1]) in _DATE_FIELDS:
        if kind == "string_pattern_mismatch":
            return "invalid-date", f"{where}: {date_advice(str(error['input']))}"
        if isinstance(error.get("input"), (int, float)) and not isinstance(error.get("input"), bool):
            return "invalid-date", (
                f"{where}: {error['input']} is a number to YAML, not a date: write it in quotes, "
                f"{loc[-1]}: \"{error['input']}\"")
    if kind == "literal_error":
        return "schema-value", f"{where}: {_literal_message(error, loc)}"
    if _is_type_error(kind):
        if len(union) > 1:
            names = [_TYPE_NAMES.get(k.split("_")[0], k.split("_")[0]) for k in union]
            want = ", ".join(dict.fromkeys(names))
            return "schema-type", f"{where}: expected one of: {want}; got {_got(error)}"
        want = _TYPE_NAMES.get(kind.split("_")[0], kind.split("_")[0])
        return "schema-type", f"{where}: expected {want}, got {_got(error)}"
    return "schema-value", f"{where}: {plain_message(error)}"


_DATE_FIELDS = frozenset({"date", "published", "retrieved"})


def iso_suggestion(text: str) -> str | None:
    """For a day/month/year date (04/05/2023, 4.5.2023): the ISO forms it can mean, said plainly."""
    m = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*", text)
    if not m:
        return None
    a, b, year = int(m[1]), int(m[2]), m[3]
    readings = []
    if 1 <= b <= 12 and 1 <= a <= 31:
        readings.append(f'"{year}-{b:02d}-{a:02d}" (day first)')
    if 1 <= a <= 12 and 1 <= b <= 31 and a != b:
        readings.append(f'"{year}-{a:02d}-{b:02d}" (month first)')
    if not readings:
        return None
    return f"'{text}' is not a date of the format: write YYYY-MM-DD, here " + " or ".join(readings)


def date_advice(text: str) -> str:
    """Why ``text`` is not a date of the format, and how to write it (an ISO date, in quotes)."""
    return iso_suggestion(text) or (
        f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (in quotes in YAML: \"2023-04-26\")")


def _literal_message(error: Any, loc: Loc) -> str:
    allowed = [str(v).strip("'") for v in re.findall(r"'[^']*'", str(error.get("ctx", {}).get("expected", "")))]
    given = str(error.get("input"))
    hint = ""
    if loc and loc[-1] == "qualifier":
        from generator.matchers.numbers import QUALIFIER_SYNONYMS  # the words the validator reads
        canonical = QUALIFIER_SYNONYMS.get(given.lower().strip())
        if canonical and canonical != given:
            hint = f"; did you mean '{canonical}'? ('{given}' is read as {canonical} in the sources)"
    if not hint:
        hint = did_you_mean(given, allowed)
    return f"'{given}' is not one of: {', '.join(allowed)}{hint}"


def plain_message(error: Any) -> str:
    """Pydantic's message in the format's words where we know it."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "too_short":
        return "must not be empty"
    if kind == "string_too_short":
        return "must not be empty text"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters"
    if kind == "string_pattern_mismatch":
        return f"'{error.get('input')}' does not have the expected form ({ctx.get('pattern')})"
    msg = str(error["msg"])
    return msg[:1].lower() + msg[1:]


def _yaml_loc(loc: tuple[Any, ...], doc: Document, kind: str) -> Loc:
    """Pydantic's error location as a path into the YAML document.

    Pydantic adds parts that are not in the file: 'root' for RootModel, '[key]' for
    a dict key, and the member name ('int', 'str', ...) of a union. Keep the parts
    that exist in the document, plus the name of a missing field.
    """
    out: list[str | int] = []
    current: Any = doc.value
    parts = [p for p in loc if p not in ("root", "[key]")]
    for i, part in enumerate(parts):
        if isinstance(current, dict) and isinstance(part, str) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        else:
            if kind == "missing" and i == len(parts) - 1 and isinstance(current, dict):
                out.append(part)
            break
        out.append(part)
    return tuple(out)


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


def _got(error: Any) -> str:
    got = type(error.get("input")).__name__
    return _TYPE_NAMES.get(got, got)


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names allowed at ``loc`` inside ``model`` (for "did you mean")."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if fields is not None and list(fields) == ["root"] and part not in fields:
            current = _inner_model(fields["root"].annotation)  # a RootModel mapping: the part is its key
            continue
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


def _load_sources(ws: Workspace, only: Collection[str] | None = None) -> None:
    root = ws.root
    texts = {p.name[:-4]: p for p in _list(root, SOURCES_DIR, ".txt", only)}
    metas = {p.name[:-4]: p for p in _list(root, SOURCES_DIR, ".yml", only)}
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
        raw_meta = _read(root, metas[stem], MAX_YAML_BYTES, ws)
        raw_text = _read(root, texts[stem], MAX_SOURCE_BYTES, ws)
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


def _load_people(ws: Workspace) -> None:
    path = ws.root / PEOPLE_FILE
    if not path.exists() and not path.is_symlink():  # no people yet; a folder or a dangling link is reported
        return
    raw = _read(ws.root, path, MAX_YAML_BYTES, ws)
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
        for path in sorted(folder.iterdir(), key=lambda p: p.name):  # one folder: names sort as paths do
            name = path.name
            if name.startswith("."):
                continue
            where = path.relative_to(ws.root).as_posix()
            if name.endswith(".yaml") and not path.is_dir():
                ws.findings.append(_err(where, "file-ignored",
                                        f"'{name}' is never read: files here end in {suffix}; rename it to "
                                        f"{rel}/{name[:-5]}{suffix}"))
            elif path.is_dir() and not path.is_symlink():
                inside = sorted(p.relative_to(ws.root).as_posix() for p in path.rglob("*")
                                if p.name.endswith((".yml", ".yaml", ".txt")) and not p.name.startswith("."))
                if inside:
                    more = f" and {len(inside) - 1} more" if len(inside) > 1 else ""
                    ws.findings.append(_err(inside[0], "file-ignored",
                                            f"files in subfolders of {rel}/ are never read ({inside[0]}{more}): "
                                            f"move them into {rel}/ itself"))


def _load_sheets(ws: Workspace, only: Collection[str] | None = None) -> None:
    for path in _list(ws.root, FACTS_DIR, ".yml", only):
        rel = path.relative_to(ws.root).as_posix()
        if rel == PEOPLE_FILE:
            continue
        stem = path.name[:-4]
        if not _check_stem(rel, stem, ws, "sheet"):
            continue
        raw = _read(ws.root, path, MAX_YAML_BYTES, ws)
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
    raw = _read(ws.root, path, MAX_YAML_BYTES, ws)
    if raw is None:
        return
    try:
        ws.published_ids = decode_text(raw, PUBLISHED_IDS_FILE)
    except FactsheetError as exc:
        ws.findings.append(exc.finding)
