"""`factsheet build`: validate, render and run the site engine; publish only a complete site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands import add_jobs_argument
from generator.engines import ENGINES


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("build", help="validate, render and build the static site",
                       description="Validate every citation, render the pages and run the site engine. "
                                   "Errors stop the build and publish nothing; the site directory is replaced "
                                   "only by a complete new site. Exit 0: built; 1: findings or engine failure.")
    p.add_argument("--root", type=Path, default=Path("."), help="folder holding facts/ and content/ (default: .)")
    p.add_argument("--engine", choices=ENGINES, default="mkdocs", help="site engine (default: mkdocs)")
    p.add_argument("--site-dir", type=Path, help="where the site goes (default: ROOT/site)")
    p.add_argument("--site-url", metavar="URL",
                   help="the address the site is served from (sitemap, instant navigation); "
                        "overrides site_url in mkdocs.yml")
    p.add_argument("--strict", action="store_true", help="fail on the engine's warnings too (broken links and anchors)")
    add_jobs_argument(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.build import build  # the renderer and Jinja2: only when building

    if args.site_url is not None and not args.site_url.startswith(("https://", "http://")):
        print(f"factsheet build: --site-url '{args.site_url}' is not a URL: write https://…", file=sys.stderr)
        return 2
    result = build(args.root, args.site_dir, args.engine, args.strict, site_url=args.site_url, jobs=args.jobs)
    return 0 if result.ok else 1
