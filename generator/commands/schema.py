"""`factsheet schema`: JSON Schemas of the YAML files, for editors' autocompletion."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("schema", help="write the JSON Schemas of the YAML files",
                       description="Write sheet, people and source JSON Schemas (default: ROOT/schema/).")
    p.add_argument("--root", type=Path, default=Path("."))
    p.add_argument("--out", type=Path, help="folder to write to (default: ROOT/schema)")
    p.add_argument("--check", action="store_true", help="exit 1 if the files on disk are not current")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.schema import schemas

    out: Path = args.out or args.root / "schema"
    stale = []
    for name, text in schemas().items():
        target = out / name
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            continue
        if args.check:
            stale.append(name)
            continue
        out.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
        print(f"wrote {target}")
    if stale:
        print(f"out of date in {out}: {', '.join(stale)}; run `factsheet schema`")
        return 1
    return 0
