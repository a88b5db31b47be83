"""`factsheet ids`: record the fact ids the site publishes, so later renames need redirects."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.loading import load_workspace
from generator.published import PUBLISHED_IDS, current_ids, read_published, record_published


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("ids", help=f"record every fact id in {PUBLISHED_IDS}",
                       description=f"Add every current fact id to {PUBLISHED_IDS} (ids are only ever added: "
                                   "a published id that disappears needs a redirect). With --check, change "
                                   "nothing and exit 1 when ids are missing from the file.")
    p.add_argument("--root", type=Path, default=Path("."), help="folder holding facts/ and content/ (default: .)")
    p.add_argument("--check", action="store_true", help="exit 1 if the file lacks current ids")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ws = load_workspace(args.root)
    if args.check:
        missing = sorted(current_ids(ws) - {gid for _, gid in read_published(ws)})
        for gid in missing:
            print(f"{PUBLISHED_IDS}: not recorded: {gid}")
        if missing:
            print(f"{len(missing)} fact id(s) missing: run `factsheet ids` and commit {PUBLISHED_IDS}")
            return 1
        return 0
    added = record_published(ws)
    print(f"recorded {len(added)} new fact id(s) in {PUBLISHED_IDS}" if added
          else f"{PUBLISHED_IDS} is current")
    return 0
