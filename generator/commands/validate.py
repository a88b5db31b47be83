"""`factsheet validate`: the CI gate."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from generator.config import at_least, load_rules_config
from generator.findings import Finding, Severity, did_you_mean
from generator.commands import add_jobs_argument
from generator.gitdiff import base_ref, changed_lines
from generator.loading import FACTS_DIR, load_workspace
from generator.loading.read import read_stream
from generator.reports import FORMATS, STREAMED, format_github, format_text
from generator.rules import finding
from generator.validation import Report, validate


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("validate", help="check every citation against its source",
                       description="Check that every excerpt is in its source and says its fact's value. "
                                   "Exit 0: no errors; 1: errors (or warnings with --strict); 2: usage.")
    p.add_argument("--root", type=Path, default=Path("."), help="folder holding facts/ and content/ (default: .)")
    p.add_argument("--format", choices=sorted(FORMATS), default="text")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument("--changed-from", metavar="REF",
                   help="with --format github: annotate the lines changed since REF first (git diff "
                        "against its merge base; default in a pull request: origin/$GITHUB_BASE_REF)")
    p.add_argument("--min-severity", choices=[s.value for s in Severity], default=None,
                   help="show only findings at this severity or above (the counts and exit code are unchanged)")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="text format: only the findings, no summary line (nothing at all when clean)")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                   help="colour the text format (auto: on a terminal, unless NO_COLOR is set)")
    p.add_argument("--cache-dir", type=Path, default=None,
                   help="where to keep results between runs, so that a run re-validates only what changed "
                        "(default: ROOT/.factsheet-cache)")
    p.add_argument("--no-cache", action="store_true", help="a cold run: read no cache and write none")
    p.add_argument("--shard", metavar="I/N", default=None,
                   help="validate the I-th of N parts (a CI matrix of N jobs, each `--shard I/N`): the sheets whose "
                        "name hashes to I, with the sources they cite; part 1 also checks what concerns the whole "
                        "repository. A cold run (no cache)")
    add_jobs_argument(p)
    p.add_argument("--stdin-name", metavar="FILE",
                   help="with - as PATH: the sheet standard input stands for (facts/ID.yml, or facts/people.yml); "
                        "it is validated as if saved there, everything else is read from disk (for editors)")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="report only on these files or folders; - reads one sheet from standard input "
                        "(name it with --stdin-name)")
    p.set_defaults(run=run)


def only_paths(report: Report, root: Path, paths: list[str]) -> Report:
    """Keep findings and facts of the given files or folders (everything is still checked)."""
    if not paths:
        return report
    wanted = []
    for p in paths:
        path = Path(p)
        absolute = path if path.is_absolute() else Path.cwd() / path
        try:
            wanted.append(absolute.resolve().relative_to(root.resolve()).as_posix())
        except ValueError:
            wanted.append(path.as_posix())

    def keep(rel: str) -> bool:
        return any(w in (".", "") or rel == w or rel.startswith(w.rstrip("/") + "/") for w in wanted)

    return Report([f for f in report.findings if keep(f.path)], [f for f in report.facts if keep(f.path)])


def missing_paths(report: Report, root: Path, paths: list[str]) -> list[Finding]:
    """A PATH that does not exist checks nothing: an error, never a silent pass."""
    known = sorted({f.path for f in report.facts} | {f.path for f in report.findings})
    out = []
    for p in paths:
        if not Path(p).exists() and not (root / p).exists():
            out.append(finding(p, (1, 1), "file-not-found", f"'{p}' does not exist, so nothing was checked for it"
                               f"{did_you_mean(Path(p).as_posix(), known)}"))
    return out


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    ref = base_ref(args.changed_from)
    if ref is None:
        return {}
    changed, why = changed_lines(args.root, ref)
    return {"changed": changed, "note": f"annotations not ordered by the diff: {why}" if why else None}

class Usage(Exception):
    """The arguments contradict each other: exit 2, with one line saying how to call."""


def stdin_file(root: Path, name: str) -> str:
    """The repository path ``--stdin-name`` names (as given, or relative to the working folder, as an
    editor passes it), or a usage error: only a file of facts/ can stand in for stdin."""
    path = Path(name)
    rel = path.as_posix()
    try:
        rel = (path if path.is_absolute() else Path.cwd() / path).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        pass  # not under the root from here: a path inside the root, as every finding names files
    parent, _, file = rel.rpartition("/")
    if parent != FACTS_DIR or not file.endswith(".yml"):
        raise Usage(f"--stdin-name {name}: name a sheet of {root / FACTS_DIR}, such as {FACTS_DIR}/ID.yml "
                    f"(or {FACTS_DIR}/people.yml): only those can be read from standard input")
    return rel


def _report(args: argparse.Namespace, given: dict[str, bytes]) -> Report:
    if args.shard is not None:
        from generator.validation.shards import validate_shard

        return validate_shard(args.root, args.shard, args.jobs)
    if args.no_cache or given:  # the cache knows files on disk, not what stands in for them
        return validate(load_workspace(args.root, given=given), args.jobs)
    from generator.validation.cache import DEFAULT_DIR, validate_cached

    folder = args.cache_dir if args.cache_dir is not None else args.root / DEFAULT_DIR
    # Only the JSON report prints each fact's record: the others need the cached entries' heads alone.
    return validate_cached(args.root, folder, lambda msg: print(f"note: {msg}", file=sys.stderr),
                           records=args.format == "json", jobs=args.jobs)


def _stdin(args: argparse.Namespace) -> dict[str, bytes]:
    """``-`` among the paths: the sheet read from standard input, under the name it stands for."""
    dashes = args.paths.count("-")
    if not dashes:
        if args.stdin_name is not None:
            raise Usage("--stdin-name names what standard input stands for: pass - as a PATH too")
        return {}
    if dashes > 1 or args.stdin_name is None:
        raise Usage("- reads one sheet from standard input: pass it once, with --stdin-name facts/ID.yml "
                    "naming the file it stands for")
    rel = stdin_file(args.root, args.stdin_name)
    # Reported on as a PATH is: by where it is, whatever the working folder.
    args.stdin_path = str((args.root / rel).absolute())
    args.paths = [args.stdin_path if p == "-" else p for p in args.paths]
    return {rel: read_stream(sys.stdin.buffer)}


def _shard(text: str, given: dict[str, bytes]) -> Any:
    from generator.validation.shards import parse_shard

    if given:
        raise Usage("--shard splits a repository on disk: it cannot take a sheet from standard input")
    try:
        return parse_shard(text)
    except ValueError as exc:
        raise Usage(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    try:
        given = _stdin(args)
        if args.shard is not None:
            args.shard = _shard(args.shard, given)
    except Usage as exc:
        print(f"factsheet validate: {exc}", file=sys.stderr)
        return 2
    config = load_rules_config(args.root)
    full = _report(args, given)
    report = only_paths(full, args.root, args.paths)
    on_disk = [p for p in args.paths if p != getattr(args, "stdin_path", None)]  # stdin need not be saved
    report.findings[:0] = missing_paths(full, args.root, on_disk)
    report.findings = config.apply(report.findings)
    ok = report.ok(strict=args.strict)  # decided before --min-severity hides anything
    shown = report
    if args.min_severity:
        shown = Report(at_least(report.findings, Severity(args.min_severity)), report.facts, report.findings)
    if args.format == "text" and (args.quiet or _colour(args.color)):
        sys.stdout.write(format_text(shown, summary=not args.quiet, colour=_colour(args.color)))
    elif args.format in STREAMED:  # record by record: the whole document is never held in memory
        sys.stdout.writelines(STREAMED[args.format](shown))
    elif args.format == "github":
        sys.stdout.write(format_github(shown, **_changes(args)))
    else:
        sys.stdout.write(FORMATS[args.format](shown))
    return 0 if ok else 1


def _colour(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    # https://no-color.org: any non-empty NO_COLOR turns colour off.
    return not os.environ.get("NO_COLOR") and sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
