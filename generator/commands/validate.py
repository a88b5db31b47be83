"""`factsheet validate`: the CI gate."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.loading import load_workspace
from generator.reports import FORMATS, STREAMED
from generator.validation import Report, validate


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("validate", help="check every citation against its source",
                       description="Check that every excerpt is in its source and says its fact's value. "
                                   "Exit 0: no errors; 1: errors (or warnings with --strict); 2: usage.")
    p.add_argument("--root", type=Path, default=Path("."), help="folder holding facts/ and content/ (default: .)")
    p.add_argument("--format", choices=sorted(FORMATS), default="text")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument("paths", nargs="*", metavar="PATH", help="report only on these files or folders")
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


def run(args: argparse.Namespace) -> int:
    report = only_paths(validate(load_workspace(args.root)), args.root, args.paths)
    if args.format in STREAMED:  # record by record: the whole document is never held in memory
        sys.stdout.writelines(STREAMED[args.format](report))
    else:
        sys.stdout.write(FORMATS[args.format](report))
    return 0 if report.ok(strict=args.strict) else 1
