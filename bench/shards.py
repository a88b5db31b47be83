"""Validation of a repository bigger than one job: `validate --shard I/N` for every I, one after the other.

    python bench/shards.py [--copies 57] [--shards 8] [--work bench/work] [--keep]

Generates a workspace of ``--copies`` copies of the BBC corpus's facts (17,725 a copy; 57 copies is
1,010,325 facts) with ``make_workspace.py``, reading the corpus in place, then times each shard as a
whole process (wall, user+system CPU and peak RSS from ``os.wait4``, as bench/run.py does) and checks
that the shards' facts add up to the workspace's. Prints a Markdown table: what each of N CI jobs would
cost, and the total CPU against the slope predicted for one job.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from make_workspace import TYPED_KINDS, make_workspace
from measure import run_once

REPO = Path(__file__).resolve().parent.parent
FACTS_PER_COPY = 17_725
OK = frozenset({0, 1})  # 1: the corpus's one non-UTF-8 article is reported


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--copies", type=int, default=57)
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--work", type=Path, default=REPO / "bench" / "work")
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the generated workspace")
    args = ap.parse_args(argv)
    root = args.work / f"shards-x{args.copies}"
    if not (root / "facts").is_dir():
        make_workspace(root, args.corpus, args.copies, 20, 8, None, None, TYPED_KINDS, False, frozenset())
    env = {**os.environ, "PYTHONPATH": str(REPO), "FACTSHEET_JOBS": "1"}  # a shard per job, one process each
    rows, total_facts = [], 0
    try:
        for i in range(1, args.shards + 1):
            with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
                report = Path(out.name)
            cmd = [sys.executable, "-m", "generator", "validate", "--root", str(root), "--format", "json",
                   "--shard", f"{i}/{args.shards}"]
            run = run_once(cmd, cwd=REPO, env=env, stdout=report, ok=OK)
            facts = json.loads(report.read_text(encoding="utf-8"))["stats"]["facts"]
            report.unlink()
            total_facts += facts
            rows.append((i, facts, run))
            print(f"shard {i}/{args.shards}: {facts} facts, {run.cpu:.1f} s CPU, {run.peak_mb:.0f} MB", file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    print(f"| shard | facts | wall | CPU | peak RSS |\n|---:|---:|---:|---:|---:|")
    for i, facts, run in rows:
        print(f"| {i}/{args.shards} | {facts:,} | {run.wall:.1f} s | {run.cpu:.1f} s | {run.peak_mb:,.0f} MB |")
    cpu = sum(r.cpu for _, _, r in rows)
    print(f"| all | {total_facts:,} | {sum(r.wall for _, _, r in rows):.1f} s | {cpu:.1f} s | "
          f"{max(r.peak_mb for _, _, r in rows):,.0f} MB (largest shard) |")
    expected = args.copies * FACTS_PER_COPY
    print(f"\nfacts in the shards: {total_facts:,}; in the workspace: {expected:,} "
          f"({'every fact in exactly one shard' if total_facts == expected else 'MISMATCH'})")
    return 0 if total_facts == expected else 1


if __name__ == "__main__":
    raise SystemExit(main())
