"""Validation at 10⁵–10⁶ facts: time, CPU and peak memory of a cold run, a cached re-run and a
re-run after one sheet changed, at several sizes, and the slope between them.

    python bench/scale.py [--facts 100000,250000] [--work bench/work] [--repeat 1] [--keep]

Each size is a workspace that ``make_workspace.py`` generates from the BBC corpus, read in place
(``../shared/corpora/bbc-news-2005``, never copied into the repository), with ``--scale`` copies
of every source and sheet (17,725 facts a copy), so the texture is the corpus's at every size.
Every figure is a whole process (``python -m generator validate --format json``), measured as
bench/run.py does: wall time, user+system CPU time of the child, and its own peak RSS from
``os.wait4``. The machine is shared: read the CPU column. Prints a Markdown table and the
log-log slope of CPU time and peak memory between the smallest and the largest size (1: linear),
and what the largest size predicts for 10⁶ facts at that slope.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
import tempfile
from pathlib import Path
from statistics import median

from make_workspace import TYPED_KINDS, make_workspace
from measure import Run, run_once

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
OK = frozenset({0, 1})  # 1: the corpus's one non-UTF-8 article is reported
FACTS_PER_COPY = 17_725


def _validate(root: Path, *extra: str) -> list[str]:
    return [PY, "-m", "generator", "validate", "--root", str(root), "--format", "json", *extra]


def measure_size(root: Path, repeat: int, env: dict[str, str]) -> dict[str, list[Run]]:
    cache = Path(tempfile.mkdtemp(prefix="factsheet-scale-cache-"))
    sheet = sorted(p for p in (root / "facts").glob("*.yml") if p.name != "people.yml")[0]
    original = sheet.read_bytes()
    edited = original.decode("utf-8").replace('excerpt: "', 'excerpt: "altered ', 1).encode("utf-8")
    rows: dict[str, list[Run]] = {}
    try:
        rows["cold `validate --no-cache`"] = [run_once(_validate(root, "--no-cache"), cwd=REPO, env=env, ok=OK)
                                             for _ in range(repeat)]
        rows["first run with the cache (fills it)"] = [
            run_once(_validate(root, "--cache-dir", str(cache)), cwd=REPO, env=env, ok=OK)]
        rows["nothing changed"] = [run_once(_validate(root, "--cache-dir", str(cache)), cwd=REPO, env=env, ok=OK)
                                   for _ in range(max(3, repeat))]
        changed = []
        for i in range(max(3, repeat)):
            sheet.write_bytes(edited if i % 2 == 0 else original)
            changed.append(run_once(_validate(root, "--cache-dir", str(cache)), cwd=REPO, env=env, ok=OK))
        rows["one sheet changed"] = changed
    finally:
        sheet.write_bytes(original)
        shutil.rmtree(cache, ignore_errors=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", default="100000,250000", help="target sizes in facts, comma-separated")
    ap.add_argument("--work", type=Path, default=REPO / "bench" / "work")
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=1, help="cold runs per size (cached runs: at least 3)")
    ap.add_argument("--keep", action="store_true", help="keep the generated workspaces")
    args = ap.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(REPO), "FACTSHEET_JOBS": "1"}  # one process: bench/jobs.py times more
    sizes = [int(x) for x in args.facts.split(",") if x]
    results: list[tuple[int, int, dict[str, list[Run]]]] = []
    for target in sizes:
        scale = max(1, round(target / FACTS_PER_COPY))
        root = args.work / f"scale-{scale}"
        summary = make_workspace(root, args.corpus, scale, 20, 8, None, None, TYPED_KINDS, False, frozenset())
        facts = int(summary["facts"])
        print(f"{facts:,} facts ({scale} copies, {summary['sources']:,} sources, {summary['sheets']:,} sheets): "
              "measuring", file=sys.stderr, flush=True)
        try:
            results.append((scale, facts, measure_size(root, args.repeat, env)))
        finally:
            if not args.keep:
                shutil.rmtree(root, ignore_errors=True)
    print("| facts | run | n | wall best | CPU best | CPU median | peak RSS | CPU µs per fact |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for _, facts, rows in results:
        for name, runs in rows.items():
            cpus = [r.cpu for r in runs]
            print(f"| {facts:,} | {name} | {len(runs)} | {min(r.wall for r in runs):.2f} s | {min(cpus):.2f} s | "
                  f"{median(cpus):.2f} s | {max(r.peak_mb for r in runs):,.0f} MB | "
                  f"{1e6 * min(cpus) / facts:.0f} |")
    if len(results) >= 2:
        (_, f1, r1), (_, f2, r2) = results[0], results[-1]
        print()
        for name in r1:
            c1, c2 = min(r.cpu for r in r1[name]), min(r.cpu for r in r2[name])
            m1, m2 = max(r.peak_mb for r in r1[name]), max(r.peak_mb for r in r2[name])
            k_cpu = math.log(c2 / c1) / math.log(f2 / f1)
            k_mem = math.log(m2 / m1) / math.log(f2 / f1)
            at = 1_000_000 / f2
            print(f"- {name}: slope {k_cpu:.2f} (CPU), {k_mem:.2f} (peak memory) from {f1:,} to {f2:,} facts; "
                  f"at 10⁶ facts by that slope: {c2 * at ** k_cpu:,.0f} s CPU, {m2 * at ** k_mem:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
