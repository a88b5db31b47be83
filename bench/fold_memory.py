"""Peak memory of validating a source made to blow up the normaliser's offset map.

The map keeps one entry per resized piece (a white-space run, an ellipsis, a combining sequence
NFC changes), so a source that is nothing but such pieces is its worst case: ``…`` (3 bytes, one
piece each), ``a  `` (3 bytes, a piece every 3 characters) and a decomposed ``é`` (3 bytes, one
piece each). Each shape is validated at three sizes up to the 16 MiB source limit, as a whole
process (peak RSS from ``os.wait4``, best of ``--repeat`` for time); the ratios are peak RSS over the
source's size in bytes, whole and beyond the interpreter's own start (the target: at most 10× the
source plus the program).

    python bench/fold_memory.py [--repeat 1] [--scale 1.0] [--only NAME,...] [--code CHECKOUT]
                                [--work bench/work/fold-memory]

Prints a Markdown table. tests/test_normalize.py bounds the same in tracemalloc (not timings).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
from pathlib import Path

from measure import measure

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
SIZES = (4_000_000, 8_000_000, 16_000_000)  # bytes; the limit is 16 MiB = 16,777,216
SHAPES = {
    # name: (unit, excerpt, what)
    "ellipses": ("\u2026", "\u2026\u2026", "`…` (3 bytes): one resized piece per character"),
    "spaces": ("a  ", "a a", "`a  ` (3 bytes): a white-space run every 3 characters"),
    "decomposed": ("e\u0301", "e\u0301e\u0301", "`e` + combining acute (3 bytes): one NFC piece each"),
}
SHEET = """\
title: Fold memory
facts:
  - id: f
    claim: A claim.
    sources:
      - source: s
        excerpt: "%s"
"""


def build(root: Path, unit: str, excerpt: str, size: int) -> int:
    data = (unit * (size // len(unit.encode("utf-8")))).encode("utf-8")
    folder = root / "content" / "sources"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "s.txt").write_bytes(data)
    (folder / "s.yml").write_text(f"title: s\nsha256: {hashlib.sha256(data).hexdigest()}\n", encoding="utf-8")
    (root / "facts").mkdir(parents=True, exist_ok=True)
    (root / "facts" / "sheet.yml").write_text(SHEET % excerpt, encoding="utf-8")
    return len(data)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size (0.01 for a smoke run)")
    ap.add_argument("--only", default="", help="comma-separated shape names")
    ap.add_argument("--work", type=Path, default=REPO / "bench" / "work" / "fold-memory")
    ap.add_argument("--code", type=Path, default=REPO,
                    help="the checkout whose generator/ is measured (another checkout, for a before/after)")
    args = ap.parse_args(argv)
    code = args.code.resolve()
    env = {**os.environ, "PYTHONPATH": str(code)}
    startup = measure([PY, "-m", "generator", "--version"], repeat=args.repeat, cwd=code, env=env)
    print(f"Interpreter start (`python -m generator --version`): {startup.peak_mb:.0f} MiB peak RSS\n")
    print(f"| shape | what | source (bytes) | peak RSS, MiB | peak / source | beyond start / source | "
          f"wall, best of {args.repeat} | CPU |")
    print("|---|---|---|---|---|---|---|---|")
    only = {s for s in args.only.split(",") if s}
    for name, (unit, excerpt, what) in SHAPES.items():
        if only and name not in only:
            continue
        for size in SIZES:
            ws = args.work / f"{name}-{size}"
            shutil.rmtree(ws, ignore_errors=True)
            n = build(ws, unit, excerpt, max(3, int(size * args.scale)))
            m = measure([PY, "-m", "generator", "validate", "--root", str(ws.resolve()), "--format", "json"],
                        repeat=args.repeat, cwd=code, env=env, ok=frozenset({0, 1}))
            beyond = (m.peak_mb - startup.peak_mb) * 2**20 / n
            print(f"| {name} | {what} | {n:,} | {m.peak_mb:.0f} | {m.peak_mb * 2**20 / n:.1f} | {beyond:.1f} | "
                  f"{m.best:.1f} s | {m.best_cpu:.1f} s |", flush=True)
            shutil.rmtree(ws, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
