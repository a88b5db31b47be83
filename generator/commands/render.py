"""`factsheet render`: the site as plain Markdown pages, data files and assets (no site engine)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands import add_jobs_argument


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("render", help="write the site as Markdown pages (the docs folder of the engine)",
                       description="Render every page to Markdown with the templates in site_templates/. "
                                   "Validation errors stop it (exit 1) and nothing is written.")
    p.add_argument("--root", type=Path, default=Path("."), help="folder holding facts/ and content/ (default: .)")
    p.add_argument("--out", type=Path, required=True, help="folder to write the pages to (its other files go)")
    add_jobs_argument(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Imported here so that other commands do not load the renderer and Jinja2.
    from generator.findings import Severity
    from generator.loading import load_workspace
    from generator.outdir import made_or_removed, require_folder
    from generator.render import render
    from generator.render.output import NotRenderedHere, write_tree
    from generator.validation import validate

    require_folder(args.out, "--out")
    ws = load_workspace(args.root)
    report = validate(ws, args.jobs)
    if not report.ok():
        for f in report.findings:
            if f.severity is Severity.ERROR:
                print(f.format_text(), file=sys.stderr)
        print(f"render stopped: {report.errors} error(s); nothing was written", file=sys.stderr)
        return 1
    site = render(ws, report, args.root)
    try:
        with made_or_removed(args.out):
            changed = write_tree(args.out, site.files)
    except NotRenderedHere as exc:
        print(f"factsheet render: {exc}", file=sys.stderr)
        return 1
    print(f"rendered {len(site.files)} files into {args.out} ({len(changed)} changed)")
    return 0
