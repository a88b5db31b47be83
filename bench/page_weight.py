"""Page weight of a built site: what a reader downloads, by kind, raw and gzipped.

    python bench/page_weight.py SITE_DIR [SITE_DIR …]

Prints a Markdown table per site: HTML (every page), CSS and JavaScript (the site's own
assets and the theme's), and the search index, each in total and for one sheet page with
what it loads. Sizes are bytes; gzip at level 9, as a static host would serve them.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path


def _kind(path: Path) -> str | None:
    name = path.as_posix()
    if "search" in path.parts and path.suffix == ".json" or name.endswith("search_index.json"):
        return "search index"
    return {".html": "HTML", ".css": "CSS", ".js": "JavaScript"}.get(path.suffix)


def weigh(site: Path) -> dict[str, tuple[int, int, int]]:
    """Kind → (files, bytes, gzipped bytes)."""
    out: dict[str, list[int]] = {}
    for path in sorted(site.rglob("*")):
        kind = _kind(path.relative_to(site)) if path.is_file() else None
        if kind is None:
            continue
        data = path.read_bytes()
        row = out.setdefault(kind, [0, 0, 0])
        row[0] += 1
        row[1] += len(data)
        row[2] += len(gzip.compress(data, 9, mtime=0))
    return {k: (v[0], v[1], v[2]) for k, v in out.items()}


def main(argv: list[str]) -> int:
    for arg in argv:
        site = Path(arg)
        print(f"\n{site}\n\n| kind | files | bytes | gzip |\n|---|--:|--:|--:|")
        for kind, (files, raw, packed) in sorted(weigh(site).items()):
            print(f"| {kind} | {files} | {raw:,} | {packed:,} |")
        ours = [site / "assets" / "factsheet.css", site / "assets" / "factsheet.js"]
        for path in ours:
            if path.is_file():
                data = path.read_bytes()
                print(f"| {path.name} (ours) | 1 | {len(data):,} | {len(gzip.compress(data, 9, mtime=0)):,} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
