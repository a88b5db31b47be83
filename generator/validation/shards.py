"""Validation split across CI jobs: `factsheet validate --shard I/N`.

Job I of N validates the sheets whose file name hashes to I (``sha256(stem) % N``: a sheet stays in its
shard when others are added) with only the sources they cite, so each job's time and memory are a 1/N
share of a repository too big for one. Shard 1 also says what concerns the repository as a whole: the
load findings of every source (cited or not), the people file, ignored files, and redirects and
published ids (which read every sheet's ids).

The union of the shards' findings is the full run's, each fact is in exactly one shard
(tests/test_shards.py); a finding about a source or the people file may appear in several shards.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from generator.findings import Finding
from generator.loading import FACTS_DIR, PEOPLE_FILE, PUBLISHED_IDS_FILE, SOURCES_DIR, Workspace, load_workspace
from generator.validation.redirects import check_redirects
from generator.validation.results import Report
from generator.validation.validator import validate

_SHARD = re.compile(r"([1-9]\d*)/([1-9]\d*)")


@dataclass(frozen=True, slots=True)
class Shard:
    index: int  # 1-based, as a CI matrix counts
    count: int

    def holds(self, stem: str) -> bool:
        return int(hashlib.sha256(stem.encode("utf-8")).hexdigest(), 16) % self.count == self.index - 1


def parse_shard(text: str) -> Shard:
    """``I/N`` with 1 <= I <= N; ValueError saying how to write it."""
    m = _SHARD.fullmatch(text.strip())
    if m is None or int(m[1]) > int(m[2]):
        raise ValueError(f"--shard {text}: write I/N, this job's number and the number of jobs, with 1 <= I <= N "
                         "(e.g. --shard 1/4 … --shard 4/4)")
    return Shard(int(m[1]), int(m[2]))


def sheet_stems(root: Path) -> list[str]:
    folder = root / FACTS_DIR
    if not folder.is_dir():
        return []
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".yml")
                  and f"{FACTS_DIR}/{p.name}" != PEOPLE_FILE)


def validate_shard(root: Path, shard: Shard, jobs: int = 1) -> Report:
    """This shard's report: its sheets validated against the sources they cite (and, in shard 1, what
    concerns the whole repository), in up to ``jobs`` processes."""
    root = Path(root)
    if shard.count == 1:
        return validate(load_workspace(root), jobs)
    first = shard.index == 1
    mine = {s for s in sheet_stems(root) if shard.holds(s)}
    sheets = load_workspace(root, sheets=mine, sources=set(), report_ignored=first)
    cited = {c.source for sf in sheets.sheets.values() for fact in sf.sheet.facts for c in fact.sources}
    sources = load_workspace(root, sheets=set(), sources=None if first else cited, report_ignored=False)
    if not cited <= sources.sources.keys() | sources.unloaded_sources.keys():
        sources = load_workspace(root, sheets=set(), report_ignored=False)  # "did you mean" needs every id
    ws = Workspace(root=root, sources=sources.sources, people=sheets.people, people_doc=sheets.people_doc,
                   sheets=sheets.sheets, published_ids=sheets.published_ids, people_unloaded=sheets.people_unloaded,
                   unloaded_sources=sources.unloaded_sources,
                   findings=[f for f in sheets.findings if first or not _whole(f.path)]
                   + [f for f in sources.findings if f.path.startswith(SOURCES_DIR + "/")
                      and (first or f.path[len(SOURCES_DIR) + 1:].rsplit(".", 1)[0] in cited)])
    if cited & ws.unloaded_sources.keys() or (first and _cited_anywhere(root, ws.unloaded_sources.keys())):
        # A source that did not load: its finding counts the follow-ons it hides in every sheet, so the
        # shards that say it read every sheet (a failing repository: correct beats fast).
        whole = load_workspace(root)
        redirects = set(check_redirects(whole)) if first else set()
        return _part_of(validate(whole, jobs), {f"{FACTS_DIR}/{s}.yml" for s in mine}, first, redirects)
    report = validate(ws, jobs)
    partial = set(check_redirects(ws))  # what the redirect check says of a part: not its answer
    report.findings = [f for f in report.findings if f not in partial]
    if first and _redirects_anywhere(root):
        report.findings.extend(check_redirects(load_workspace(root, sources=set(), report_ignored=False)))
        report.findings.sort(key=lambda f: (f.path, f.line, f.column, f.rule))
    return report


def _part_of(full: Report, paths: set[str], first: bool, redirects: set[Finding]) -> Report:
    """The share of a full run's report that is this shard's (shard 1's: with the redirects')."""
    return Report(findings=[f for f in full.findings if f.path in paths or (first and _whole(f.path))
                            or f in redirects],
                  facts=[f for f in full.facts if f.path in paths])


def _cited_anywhere(root: Path, stems: Collection[str]) -> bool:
    """Whether any sheet may cite one of ``stems`` (their bytes are searched, not parsed: a false yes
    only costs the full run that is always right)."""
    if not stems:
        return False
    ids = [s.encode("utf-8") for s in stems]
    return any(any(i in data for i in ids) for data in (
        (root / FACTS_DIR / f"{s}.yml").read_bytes() for s in sheet_stems(root)))


def _redirects_anywhere(root: Path) -> bool:
    """Whether redirects need every sheet's ids: a published-ids file, or a sheet that may redirect (its
    bytes are read, not parsed: most repositories have neither, and need no second load)."""
    if (root / PUBLISHED_IDS_FILE).exists():
        return True
    return any(b"redirects" in (root / FACTS_DIR / f"{s}.yml").read_bytes() for s in sheet_stems(root))


def _whole(path: str) -> bool:
    """A finding about the repository as a whole, said by shard 1 only."""
    return path in (PEOPLE_FILE, PUBLISHED_IDS_FILE) or not path.startswith(FACTS_DIR + "/")
