"""The incremental validation cache: re-validating after a change costs about the changed part.

Everything is keyed by content: every input file's sha256, and the validator's own version
(a hash of every file of the generator package, the Python version and the libraries that
decide matches), so any change to the code is a cold run. What is kept, under ``--cache-dir``:

- ``files.bin`` and ``sources.bin``: for every sheet (in the first) and every source (its text and
  sidecar together, in the second), the digests it was read with, what loading it found, and
  whether it loaded; for a sheet, whether it declares redirects; and each input file's size,
  inode and times, so an unchanged file is not read again. Packed with ``marshal`` behind a
  sha256 of its bytes (``pack``): read on every run, they are the run's largest fixed cost, and
  marshal reads them three times faster than JSON and writes ten times faster; the checksum makes
  a damaged file a note, never a wrong answer. Each is written only when it changed, so an edited
  sheet does not rewrite the sources' part; and when every source file is as ``sources.bin``
  recorded it, its entries are taken whole, with no comparison per source.
- ``sheets/<hash of the path>.json``: one sheet's validation: its findings and fact results,
  with the names of everything they depend on (the sheet, facts/people.yml, the text and
  sidecar of every source it cites, and every source file when a citation names an unknown
  source: "did you mean" reads them all) and one digest of their digests. A line of JSON for the header, then each fact's
  record as the JSON report prints it. Only the JSON report needs the records: for the others a
  run reads the header line alone (``records=False``), a tenth of the bytes.
- ``lexicon.bin``: what the units' dictionary (lemminflect) answered, by question, so that a
  re-run does not load the dictionary again for words it already asked about (same version);
  packed the same way.

A run looks at every input (one stat each; a changed file is read and hashed again), loads and
validates only the sheets whose entry does not match, with the sources they cite, and takes the
rest from the cache. When published ids or redirects are in play (they relate every sheet to
every other) or a changed sheet cites an unknown source, everything is loaded, and only the
validation of unchanged sheets is reused. The result is the report a cold run gives, byte for
byte (tests/test_cache.py edits workspaces at random and compares).

Writes are atomic (a temporary file renamed over the entry), so two runs at once never see a
half-written entry; the later writer wins. A cache that is not ours, or an entry that does not
parse, is ignored with a note on stderr and rewritten.
"""

from __future__ import annotations

import hashlib
import importlib
import marshal
import importlib.util
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass, fields
from functools import cached_property
from itertools import count, repeat
from pathlib import Path
from stat import S_ISLNK, S_ISREG
from typing import Any, Callable, Iterable, NamedTuple

import generator
from generator.findings import Finding, Severity
from generator.loading import (
    FACTS_DIR,
    PEOPLE_FILE,
    PUBLISHED_IDS_FILE,
    SOURCES_DIR,
    SheetFile,
    Workspace,
    gc_paused,
    load_workspace,
)
from generator.matchers.units import dictionary_answers, remember_answers
from generator.validation.redirects import check_redirects
from generator.validation.results import FactResult, FactVerdict, Report, json_line
from generator.validation.parallel import check_sheets
from generator.validation.validator import people_findings, sheet_checker, validate

FORMAT = "factsheet-validation-cache"
FORMAT_VERSION = 1
DEFAULT_DIR = ".factsheet-cache"
_INDEX_FILE = "files.bin"  # the sheets' and the people file's digests and load findings (packed)
_SOURCES_INDEX_FILE = "sources.bin"  # the same for the sources (packed)
_ANSWERS_FILE = "lexicon.bin"  # lemminflect's answers, by question (packed)
_PACKED = b"factsheet-packed 1 "  # then the payload's sha256 in hex, a newline, the marshal payload
_ALL_SOURCES = "*sources*"  # the dependency on every source file (for "did you mean")
_LIBRARIES = ("pydantic", "pydantic_core", "rapidfuzz", "yaml")
_LAZY_LIBRARIES = ("lemminflect",)  # units.py asks it about nouns; its answers are kept in lexicon.bin
_LETTERS = {v: chr(ord("a") + i) for i, v in enumerate(FactVerdict)}
_CODES = {c: v for v, c in _LETTERS.items()}
_RANGES = tuple(range(n) for n in range(64))  # a fact's citations, as counted: shared, not made per fact


class _Records:
    """A sheet entry's fact records (one JSON line each), split into lines only when a report
    prints them: the text report needs just the verdicts and counts in the entry's head.

    When the run read only the head (``text`` None: ``validate_cached(records=False)``), the first
    record asked for reads the entry again, and refuses it unless its head is the one the run
    used (the same head, the same inputs: the same records) and it holds every record."""

    __slots__ = ("text", "lines", "path", "head", "count")

    def __init__(self, text: str | None, path: Path | None = None, head: str = "", count: int = 0):
        self.text = text
        self.lines: list[str] | None = None
        self.path, self.head, self.count = path, head, count

    def line(self, i: int) -> str:
        if self.lines is None:
            text = self.text if self.text is not None else self._body()
            self.lines = text.split("\n")
            self.text = ""
        return self.lines[i]

    def _body(self) -> str:
        assert self.path is not None
        first, _, rest = self.path.read_text(encoding="utf-8", errors="surrogatepass").partition("\n")
        if first != self.head or rest.count("\n") < self.count:
            raise RuntimeError(f"the validation cache entry {self.path} changed during this run: run it again")
        return rest


class StoredFact(NamedTuple):
    """A fact's result as the cache keeps it: what the reports print, not the model (a tuple:
    tens of thousands are made on every cached run)."""

    path: str
    verdict: FactVerdict
    citations: range  # only counted, by Report.stats
    records: _Records
    at: int  # its line among the records

    @property
    def json_text(self) -> str:
        """The record, exactly as the JSON report prints it."""
        return self.records.line(self.at)

    def as_dict(self) -> dict[str, object]:
        return json.loads(self.json_text)  # type: ignore[no-any-return]


def validator_version() -> str:
    """Changes whenever anything that decides a finding changes: the generator's files (code and
    data), the Python version and the libraries the matchers lean on."""
    h = hashlib.sha256(f"{FORMAT}/{FORMAT_VERSION}/{generator.__version__}/{sys.version}".encode())
    package = Path(generator.__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            h.update(path.relative_to(package).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    for lib in _LIBRARIES:  # their own __version__: no search of the installed distributions
        module = importlib.import_module(lib)
        h.update(f"{lib}={getattr(module, '__version__', '-')}".encode())
    for lib in _LAZY_LIBRARIES:  # imported only when needed: the installed version, not the module
        h.update(f"{lib}={_installed(lib)}".encode())
    return h.hexdigest()


def _installed(lib: str) -> str:
    """The name of the distribution's metadata folder beside the package ("lemminflect-0.2.3.dist-info"):
    found without importing the package, and without importlib.metadata, which reads every folder
    on sys.path."""
    spec = importlib.util.find_spec(lib)
    if spec is None or not spec.submodule_search_locations:
        return "-"
    folder = Path(next(iter(spec.submodule_search_locations))).parent
    return ",".join(sorted(p.name for p in folder.glob(f"{lib}-*.dist-info"))) or "-"


def _digest(entry: os.DirEntry[str], record: dict[str, list[Any]], settled: int) -> str:
    """sha256 of a regular file's bytes, recorded with its size, inode and times once it has
    settled; a link, folder or unreadable file is described, never followed (the loader decides
    whether to read it, and reports it). ``scan`` calls this for a file not as recorded."""
    try:
        st = entry.stat(follow_symlinks=False)
        mode = st.st_mode
        if not S_ISREG(mode):
            return f"link:{os.readlink(entry.path)}" if S_ISLNK(mode) else f"mode:{mode}"
        size, ino, mtime, ctime = st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns
        digest = _sha256_of(entry.path, size)
        if mtime < settled and ctime < settled:
            record[entry.name] = [size, ino, mtime, ctime, digest]
        return digest
    except OSError as exc:
        return f"error:{exc.errno}"


def _sha256_of(path: str, size: int) -> str:
    """A file's sha256, read with one call when its size is as stat said (a checkout makes every
    input new to the cache: thousands of files, where a buffered file object per file costs
    half again as much)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        data = os.read(fd, size + 1)
        h = hashlib.sha256(data)
        if len(data) > size:  # it grew since the stat: read the rest
            while data:
                data = os.read(fd, 1 << 20)
                h.update(data)
    finally:
        os.close(fd)
    return h.hexdigest()


def _plain_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


_SETTLE_NS = 2_000_000_000  # a file changed within this of a scan is read again next time


def scan(root: Path, known: dict[str, dict[str, list[Any]]] | None = None,
         stats: dict[str, dict[str, list[Any]]] | None = None, unchanged: set[str] | None = None,
         extras: set[str] | None = None) -> dict[str, str]:
    """Every input file (relative path → digest): sheets, people, published ids, sources.

    ``known``: what an earlier scan recorded per folder (name → size, inode, mtime, ctime, digest);
    ``stats`` receives this scan's record; ``unchanged`` the folders whose every file is as recorded
    (the same names, each settled and unchanged): their digests are the recording run's; ``extras``
    the folders holding something the loader may report as never read (a ``.yaml`` file, a
    subfolder, a link among the other names), so only then is the folder read again for them.
    """
    out: dict[str, str] = {}
    known = known or {}
    stats = stats if stats is not None else {}
    settled = time.time_ns() - _SETTLE_NS
    for rel_dir, suffixes in ((FACTS_DIR, (".yml", ".txt")), (SOURCES_DIR, (".txt", ".yml"))):
        folder = root / rel_dir
        if not folder.is_dir():
            continue
        seen = known.get(rel_dir) if isinstance(known.get(rel_dir), dict) else None
        seen = seen or {}
        record = stats.setdefault(rel_dir, {})
        prefix = rel_dir + "/"
        as_recorded = inputs = 0
        with os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                if not name.endswith(suffixes):
                    if extras is not None and (name.endswith(".yaml") or not _plain_file(entry)):
                        extras.add(rel_dir)
                    continue
                inputs += 1
                # As git does, a file whose size, inode, mtime and ctime are those recorded with its
                # digest is not read again (one stat, inline: thousands per run); it is recorded again
                # only once settled, as a change within one clock tick could keep the same times, and
                # ctime cannot be set back by hand.
                kept = seen.get(name)
                if kept is not None:
                    try:
                        st = entry.stat(follow_symlinks=False)
                    except OSError:
                        pass
                    else:
                        if (S_ISREG(st.st_mode) and kept[0] == st.st_size and kept[1] == st.st_ino
                                and kept[2] == st.st_mtime_ns and kept[3] == st.st_ctime_ns):
                            if kept[2] < settled and kept[3] < settled:
                                record[name] = kept
                                as_recorded += 1
                            out[prefix + name] = str(kept[4])
                            continue
                digest = out[prefix + name] = _digest(entry, record, settled)
                if extras is not None and digest.startswith(("mode:", "link:", "error:")):
                    extras.add(rel_dir)  # a folder named like a sheet, say
        if unchanged is not None and seen and as_recorded == inputs == len(seen):
            unchanged.add(rel_dir)
    return out


def pack(value: Any) -> bytes:
    """``value`` (dicts, lists, strings, numbers, None) as a packed entry: a header with the sha256 of
    the marshal payload, then the payload."""
    payload = marshal.dumps(value)
    return _PACKED + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def unpack(data: bytes) -> Any:
    """What ``pack`` packed; ValueError when ``data`` is no packed entry or its payload is damaged."""
    head, sep, payload = data.partition(b"\n")
    if not sep or not head.startswith(_PACKED) or head[len(_PACKED):] != hashlib.sha256(payload).hexdigest().encode():
        raise ValueError("not a packed entry, or a damaged one")
    try:
        return marshal.loads(payload)
    except (EOFError, TypeError) as exc:  # a payload that hashes right but is not ours
        raise ValueError(str(exc)) from exc


class Cache:
    """One cache folder; every problem with it is a note, never a failure."""

    def __init__(self, folder: Path, note: Callable[[str], None]):
        self.folder = folder
        self.note = note
        self.usable = self._check_marker()

    def _check_marker(self) -> bool:
        marker = self.folder / "CACHE.json"
        if self.folder.is_symlink():
            # A link committed in place of the folder could send our writes anywhere.
            self.note(f"{self.folder} is a symbolic link: not used as the validation cache")
            return False
        if not self.folder.exists():
            return True
        try:
            data = json.loads(marker.read_text(encoding="utf-8"))
            if data == {"format": FORMAT, "version": FORMAT_VERSION}:
                return True
        except (OSError, ValueError):
            pass
        if self.folder.is_dir() and not any(self.folder.iterdir()):
            return True
        self.note(f"{self.folder} is not a factsheet validation cache (or another version of it): "
                  "ignored; delete it or pass another --cache-dir")
        return False

    def read_packed(self, name: str) -> Any:
        if not self.usable:
            return None
        path = self.folder / name
        try:
            return unpack(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            self.note(f"cache entry {path} is unreadable or corrupt: ignored and rewritten")
            return None

    def write_packed(self, name: str, value: Any) -> None:
        self.write(name, pack(value))

    def read_text(self, name: str) -> str | None:
        if not self.usable:
            return None
        path = self.folder / name
        try:
            return path.read_text(encoding="utf-8", errors="surrogatepass")
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            self.note(f"cache entry {path} is unreadable or corrupt: ignored and rewritten")
            return None

    def read_head(self, name: str) -> str | None:
        """An entry's first line alone (without its newline); "" when it has no whole first line."""
        if not self.usable:
            return None
        path = self.folder / name
        try:
            with open(path, "rb") as fh:
                line = fh.readline()
            return line[:-1].decode("utf-8", errors="surrogatepass") if line.endswith(b"\n") else ""
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            self.note(f"cache entry {path} is unreadable or corrupt: ignored and rewritten")
            return None

    def write(self, name: str, text: str | bytes) -> None:
        """Atomically: a temporary file in the same folder, renamed over the entry."""
        if not self.usable:
            return
        path = self.folder / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            marker = self.folder / "CACHE.json"
            if not marker.exists():
                self._atomic(marker, json.dumps({"format": FORMAT, "version": FORMAT_VERSION}))
            self._atomic(path, text)
        except OSError as exc:
            self.note(f"cannot write the validation cache in {self.folder}: {exc.strerror or exc}")
            self.usable = False

    @staticmethod
    def _atomic(path: Path, text: str | bytes) -> None:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        try:
            if isinstance(text, bytes):
                with os.fdopen(fd, "wb") as fh:
                    fh.write(text)
            else:
                # surrogatepass: a file name that is not UTF-8 reaches messages as lone surrogates.
                with os.fdopen(fd, "w", encoding="utf-8", errors="surrogatepass") as fh:
                    fh.write(text)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise


# Every field of a finding, in order: one added later is kept too (and changes the version).
_FINDING_FIELDS = tuple(f.name for f in fields(Finding))
_SEVERITY_AT = _FINDING_FIELDS.index("severity")


def _deps_sum(digests: Iterable[str | None]) -> str:
    """One digest of a sheet's dependencies' digests, in order: its entry's head names the files and
    keeps this, not forty digests (the heads of every cached sheet are read on every run)."""
    return hashlib.sha256("\n".join(d or "-" for d in digests).encode()).hexdigest()


def _finding_dict(f: Finding) -> list[object]:
    return [getattr(f, name).value if name == "severity" else getattr(f, name) for name in _FINDING_FIELDS]


def _finding(d: list[Any]) -> Finding:
    if len(d) != len(_FINDING_FIELDS):
        raise ValueError("a finding of another shape")
    d = list(d)
    d[_SEVERITY_AT] = Severity(d[_SEVERITY_AT])
    return Finding(*d)


def _index_ok(index: dict[str, Any]) -> bool:
    """Every entry of the index has the shape this code reads (a damaged one is not half-used)."""
    try:
        for key, needed in (("sheets", ("digest", "findings", "loaded")), ("sources", ("txt", "yml", "findings"))):
            for entry in (index.get(key) or {}).values():
                if not isinstance(entry, dict) or not all(k in entry for k in needed):
                    return False
                for f in entry["findings"]:
                    _finding(f)
        return isinstance(index.get("stats", {}), dict)
    except (ValueError, KeyError, TypeError, AttributeError):
        return False


def _an_input(path: str, sheets: dict[str, Any], sources: dict[str, Any]) -> bool:
    """Is ``path`` the people file, the published ids, or one of these sheets' or sources' files?"""
    if path in (PEOPLE_FILE, PUBLISHED_IDS_FILE):
        return True
    folder, _, name = path.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    if folder == FACTS_DIR:
        return dot == "." and ext == "yml" and stem in sheets
    return folder == SOURCES_DIR and dot == "." and ext in ("txt", "yml") and stem in sources


def _sheet_rel(stem: str) -> str:
    return f"{FACTS_DIR}/{stem}.yml"


def _entry_name(rel: str) -> str:
    return f"sheets/{hashlib.sha256(rel.encode()).hexdigest()[:32]}.json"


@dataclass(slots=True)
class _SheetResult:
    findings: list[Finding]
    facts: list[FactResult | StoredFact]


def validate_cached(root: Path, cache_dir: Path, note: Callable[[str], None], *, records: bool = True,
                    jobs: int = 1) -> Report:
    """The report ``validate(load_workspace(root))`` gives, reusing what the cache holds.

    ``records=False``: read only the head of each cached sheet's entry (its verdicts, citation counts
    and findings: all the text report prints); a fact's JSON record is then read when first asked for.
    ``jobs``: the sheets to re-check are checked in up to that many processes (``validate``'s)."""
    root = Path(root)
    if not (root / FACTS_DIR).is_dir() and not (root / SOURCES_DIR).is_dir():
        return validate(load_workspace(root))  # says what is wrong with --root
    with gc_paused():
        run = _Run(root, Cache(cache_dir, note), records, jobs)
        report = run.report()
        run.save_answers()
        return report


class _Run:
    def __init__(self, root: Path, cache: Cache, records: bool = True, jobs: int = 1):
        self.root = root
        self.cache = cache
        self.records = records
        self.jobs = jobs
        self.version = validator_version()
        # Two parts, each written only when it changed: an edit of a sheet leaves the sources'
        # part (thousands of entries, most of the index) as it is.
        self.index = index = self._read_index(_INDEX_FILE)
        self.sources_index = self._read_index(_SOURCES_INDEX_FILE)
        self.answers = self._remember_answers()
        self.stats: dict[str, dict[str, list[Any]]] = {}
        known = {**(index.get("stats") or {}), **(self.sources_index.get("stats") or {})}
        self.unchanged: set[str] = set()
        self.extras: set[str] = set()
        self.inputs = scan(root, known, self.stats, self.unchanged, self.extras)
        self.old_sheets: dict[str, Any] = index.get("sheets") or {}
        self.old_sources: dict[str, Any] = self.sources_index.get("sources") or {}

    def _read_index(self, name: str) -> dict[str, Any]:
        index = self.cache.read_packed(name)
        if not (isinstance(index, dict) and index.get("version") == self.version):
            return {}
        if not _index_ok(index):
            self.cache.note(f"cache entry {self.cache.folder / name} is corrupt: ignored and rewritten")
            return {}
        return index

    @cached_property
    def all_sources(self) -> str:
        """One digest of every source file: what a citation of an unknown source depends on (its "did you
        mean" reads them all). Only such a sheet asks for it."""
        return hashlib.sha256(json.dumps(sorted(
            (k, v) for k, v in self.inputs.items() if k.startswith(SOURCES_DIR + "/"))).encode()).hexdigest()

    # -- the dictionary's answers (generator/matchers/units.py): loading it costs more than a re-run

    def _remember_answers(self) -> int:
        kept = self.cache.read_packed(_ANSWERS_FILE)
        if not (isinstance(kept, dict) and kept.get("version") == self.version):
            return -1
        try:
            remember_answers(kept["answers"])
        except (KeyError, TypeError, ValueError, AttributeError):
            self.cache.note(f"cache entry {self.cache.folder / _ANSWERS_FILE} is corrupt: ignored and rewritten")
            return -1
        return len(kept["answers"])

    def save_answers(self) -> None:
        answers = dictionary_answers()
        if len(answers) != self.answers:  # this run asked something new
            self.cache.write_packed(_ANSWERS_FILE, {"version": self.version, "answers": answers})

    # -- what the inputs are

    def sheet_stems(self) -> list[str]:
        # In the loader's order (sorted file names), facts/people.yml aside.
        return [rel[len(FACTS_DIR) + 1:-4] for rel in sorted(self.inputs)
                if rel.startswith(FACTS_DIR + "/") and rel.endswith(".yml") and rel != PEOPLE_FILE]

    def source_stems(self) -> list[str]:
        if self._sources_as_recorded():
            return sorted(self.old_sources)  # the same files as the recording run's: its stems
        return sorted({rel[len(SOURCES_DIR) + 1:-4] for rel in self.inputs if rel.startswith(SOURCES_DIR + "/")})

    def _sources_as_recorded(self) -> bool:
        """Every source file is as the run that wrote the index found it, so each of its sources'
        entries holds: no per-source comparison (thousands) is needed."""
        return SOURCES_DIR in self.unchanged and bool(self.old_sources)

    def _source_digests(self, stem: str) -> tuple[str | None, str | None]:
        return (self.inputs.get(f"{SOURCES_DIR}/{stem}.txt"), self.inputs.get(f"{SOURCES_DIR}/{stem}.yml"))

    def _dep_digest(self, dep: str) -> str | None:
        return self.all_sources if dep == _ALL_SOURCES else self.inputs.get(dep)

    # -- the run

    def report(self) -> Report:
        sheets = self.sheet_stems()
        sources = self.source_stems()
        known_sheets = {s: e for s in sheets if (e := self.old_sheets.get(s)) is not None
                        and isinstance(e, dict) and e.get("digest") == self.inputs.get(_sheet_rel(s))}
        if self._sources_as_recorded():
            known_sources = self.old_sources
        else:
            known_sources = {s: e for s in sources if (e := self.old_sources.get(s)) is not None and isinstance(e, dict)
                             and [e.get("txt"), e.get("yml")] == list(self._source_digests(s))}
        cached = {s: r for s in sheets if s in known_sheets and known_sheets[s].get("loaded")
                  and (r := self._cached_result(s)) is not None}
        full = PUBLISHED_IDS_FILE in self.inputs or any(e.get("redirects") for e in known_sheets.values())
        to_check = [s for s in sheets if s not in cached and (s not in known_sheets or known_sheets[s].get("loaded"))]
        ws = None
        if not full:
            partial = self._partial(
                sheets=set(to_check) | (set(sheets) - set(known_sheets)),
                sources=set(sources) - set(known_sources))
            if partial is None:
                full = True
            else:
                ws, sheets_read, sources_read = partial
        if full:
            ws = load_workspace(self.root)
            sheets_read, sources_read = set(sheets), set(sources)
        assert ws is not None
        if ws.people_unloaded:
            return self._cold()
        self.unloaded = bool(ws.unloaded_sources) or any(e.get("unloaded") for e in known_sources.values())
        return self._compose(ws, sheets, sources, known_sheets, known_sources, cached, sheets_read, sources_read, full)

    def _cold(self) -> Report:
        """A file others depend on did not load (the people file, a source): the validator then
        rewrites findings across every sheet (root causes, follow-ons left out), so validate cold."""
        return validate(load_workspace(self.root), self.jobs)

    def _partial(self, sheets: set[str], sources: set[str]) -> tuple[Workspace, set[str], set[str]] | None:
        """Load only ``sheets`` and ``sources``, plus the sources those sheets cite; None when that
        cannot give a cold run's answer (redirects, or a citation of a source that did not load)."""
        # The first load reads the people file, and the folders for ignored files when the scan saw
        # a name the loader would report (the second reads only sources).
        first = load_workspace(self.root, sheets=sheets, sources=set(), report_ignored=bool(self.extras))
        if any(sf.sheet.redirects for sf in first.sheets.values()):
            return None
        cited = {c.source for sf in first.sheets.values() for fact in sf.sheet.facts for c in fact.sources}
        second = load_workspace(self.root, sheets=set(), sources=sources | cited, report_ignored=False, people=False)
        if not cited <= second.sources.keys():
            return None  # "did you mean" needs every source: load them all
        ws = Workspace(root=self.root, sources=second.sources, people=first.people, people_doc=first.people_doc,
                       sheets=first.sheets, findings=first.findings + [
                           f for f in second.findings if f.path.startswith(SOURCES_DIR + "/")],
                       published_ids=first.published_ids, people_unloaded=first.people_unloaded,
                       unloaded_sources=second.unloaded_sources)
        return ws, sheets, sources | cited

    def _cached_result(self, stem: str) -> _SheetResult | None:
        name = _entry_name(_sheet_rel(stem))
        rest: str | None = None
        if self.records:
            text = self.cache.read_text(name)
            if text is None:
                return None
            first, _, rest = text.partition("\n")
        else:
            head_line = self.cache.read_head(name)
            if head_line is None:
                return None
            first = head_line
        try:
            head = json.loads(first)
            if head.get("version") != self.version or head.get("digest") != self.inputs.get(_sheet_rel(stem)):
                return None
            deps = head["deps"]
            if not isinstance(deps, list) or _deps_sum(map(self._dep_digest, deps)) != head["deps_sum"]:
                return None
            path, verdicts, counts = head["facts"]
            if len(verdicts) != len(counts) or (rest is not None and rest.count("\n") < len(counts)):
                raise ValueError("truncated")
            records = _Records(rest) if rest is not None else _Records(None, self.cache.folder / name, first, len(counts))
            # One tuple per fact, made by map (tens of thousands on every cached run).
            facts: list[FactResult | StoredFact] = list(map(
                tuple.__new__, repeat(StoredFact), zip(
                    repeat(path), map(_CODES.__getitem__, verdicts),
                    map(_RANGES.__getitem__, counts) if not counts or max(counts) < len(_RANGES)
                    else (_RANGES[n] if n < len(_RANGES) else range(n) for n in counts), repeat(records), count())))
            return _SheetResult([_finding(f) for f in head["findings"]], facts)
        except (ValueError, KeyError, TypeError, IndexError):
            self.cache.note(f"cache entry for {_sheet_rel(stem)} is corrupt: ignored and rewritten")
            return None

    def _store_result(self, sf: SheetFile, ws: Workspace, part: Report) -> None:
        deps: dict[str, str | None] = {PEOPLE_FILE: self.inputs.get(PEOPLE_FILE)}
        for fact in sf.sheet.facts:
            for c in fact.sources:
                if c.source in ws.sources:
                    for ext in ("txt", "yml"):
                        dep = f"{SOURCES_DIR}/{c.source}.{ext}"
                        deps[dep] = self.inputs.get(dep)
                else:
                    deps[_ALL_SOURCES] = self.all_sources
        head = {"version": self.version, "digest": self.inputs.get(sf.path),
                "deps": list(deps), "deps_sum": _deps_sum(deps.values()),
                "findings": [_finding_dict(f) for f in part.findings],
                # One path (the sheet's), a letter per fact for its verdict, its number of citations.
                "facts": [sf.path, "".join(_LETTERS[f.verdict] for f in part.facts),
                          [len(f.citations) for f in part.facts]]}
        body = [json_line(f.as_dict()) for f in part.facts]
        self.cache.write(_entry_name(sf.path), "\n".join([json.dumps(head, ensure_ascii=False), *body]) + "\n")

    def _compose(self, ws: Workspace, sheets: list[str], sources: list[str], known_sheets: dict[str, Any],
                 known_sources: dict[str, Any], cached: dict[str, _SheetResult], sheets_read: set[str],
                 sources_read: set[str], full: bool) -> Report:
        by_path: dict[str, list[Finding]] = {}
        for f in ws.findings:
            by_path.setdefault(f.path, []).append(f)
        # Load findings: from this run for the files it read, from the cache for the others.
        load_findings: list[Finding] = list(by_path.get(PEOPLE_FILE, [])) + list(by_path.get(PUBLISHED_IDS_FILE, []))
        new_sheets: dict[str, Any] = {}
        entry: dict[str, Any]
        for s in sheets:
            if s in sheets_read:
                rel = _sheet_rel(s)
                entry = {"digest": self.inputs.get(rel), "findings": [_finding_dict(f) for f in by_path.get(rel, [])],
                         "loaded": s in ws.sheets,
                         "redirects": bool(s in ws.sheets and ws.sheets[s].sheet.redirects)}
            else:
                entry = known_sheets[s]
            new_sheets[s] = entry
            if entry["findings"]:
                load_findings.extend(_finding(f) for f in entry["findings"])
        new_sources: dict[str, Any] = {}
        for s in sources:  # thousands: only the few read here cost more than a lookup
            if s in sources_read:
                txt, yml = f"{SOURCES_DIR}/{s}.txt", f"{SOURCES_DIR}/{s}.yml"
                entry = {"txt": self.inputs.get(txt), "yml": self.inputs.get(yml),
                         "findings": [_finding_dict(f) for f in by_path.get(txt, []) + by_path.get(yml, [])],
                         "loaded": s in ws.sources, "unloaded": s in ws.unloaded_sources}
            else:
                entry = known_sources[s]
            new_sources[s] = entry
            if entry["findings"]:
                load_findings.extend(_finding(f) for f in entry["findings"])
        # Findings about files that are neither sheets nor sources (ignored files: foo.yaml, a
        # subfolder): the partial load looks for them afresh every run.
        load_findings.extend(f for f in ws.findings if not _an_input(f.path, new_sheets, new_sources))
        if full:
            load_findings = list(ws.findings)  # the loader's own, for everything
        report = Report(findings=sorted(dict.fromkeys(load_findings),
                                        key=lambda f: (f.path, f.line, f.column, f.rule, f.message)))
        report.findings.extend(people_findings(ws))
        todo = [ws.sheets[s] for s in sheets if new_sheets[s]["loaded"] and s not in cached]
        checked = dict(zip((sf.id for sf in todo), check_sheets(sheet_checker(ws), todo, self.jobs)))
        for s in sheets:
            if not new_sheets[s]["loaded"]:
                continue
            result = cached.get(s)
            if result is None:
                sf = ws.sheets[s]
                part = checked[s]
                self._store_result(sf, ws, part)
                result = _SheetResult(part.findings, list(part.facts))
            if self.unloaded and any(f.rule == "unknown-source" for f in result.findings):
                # A citation of a source that did not load: the validator leaves it out as a
                # follow-on of that file and rewrites the file's finding, across sheets.
                return self._cold()
            report.findings.extend(result.findings)
            report.facts.extend(result.facts)  # type: ignore[arg-type]
        if full:
            report.findings.extend(check_redirects(ws))
        report.findings.sort(key=lambda f: (f.path, f.line, f.column, f.rule))
        index = {"version": self.version, "sheets": new_sheets,
                 "stats": {k: v for k, v in self.stats.items() if k != SOURCES_DIR}}
        sources_index = {"version": self.version, "sources": new_sources,
                         "stats": {k: v for k, v in self.stats.items() if k == SOURCES_DIR}}
        # Unchanged: nothing to write. Entries kept are the very objects read, so comparing is cheap.
        if index != self.index:
            self.cache.write_packed(_INDEX_FILE, index)
        if sources_index != self.sources_index:
            self.cache.write_packed(_SOURCES_INDEX_FILE, sources_index)
        return report
