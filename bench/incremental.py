"""Re-validating with the cache after one sheet changed, against a cold run (issue 12's target: ≤ 0.5 s at 4×).

    python bench/incremental.py --root bench/work/x4 [--repeat 5] [--cache-dir DIR] [--fresh-checkout]

Times whole processes (like bench/run.py: wall, user+system CPU, peak RSS): `--version` (the
interpreter and imports every command pays), a cold `validate --no-cache`, the first run that
fills the cache, a run with nothing changed, and ``--repeat`` runs that each follow an edit of
one sheet (one excerpt altered, then restored, in turn). Checks that the last cached report is
byte for byte the cold run's. ``--fresh-checkout`` adds one run in a copy of the workspace with
one sheet changed (as CI sees a pull request: new inodes and times, the cache restored). Prints a
Markdown table. The workspace is restored afterwards.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

from measure import Run, run_once

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
OK = frozenset({0, 1})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, required=True, help="a workspace (bench/make_workspace.py builds one)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--cache-dir", type=Path, default=None, help="default: a fresh temporary folder")
    ap.add_argument("--format", default="text")
    ap.add_argument("--fresh-checkout", action="store_true",
                    help="also time one run in a copy of the workspace, as CI sees it after a checkout")
    args = ap.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(REPO), "FACTSHEET_JOBS": "1"}  # one process: bench/jobs.py times more
    tmp = Path(tempfile.mkdtemp(prefix="factsheet-incremental-"))
    cache = args.cache_dir or tmp / "cache"
    validate = [PY, "-m", "generator", "validate", "--root", str(args.root), "--format", args.format]
    sheet = sorted(p for p in (args.root / "facts").glob("*.yml") if p.name != "people.yml")[0]
    original = sheet.read_bytes()
    rows: list[tuple[str, list[Run]]] = []
    try:
        version = [run_once([PY, "-m", "generator", "--version"], cwd=REPO, env=env) for _ in range(args.repeat)]
        rows.append(("`--version` (interpreter and imports)", version))
        cold_out = tmp / "cold.out"
        rows.append(("cold `validate --no-cache`", [run_once([*validate, "--no-cache"], cwd=REPO, env=env,
                                                            stdout=cold_out, ok=OK)]))
        rows.append(("first run with the cache (fills it)",
                     [run_once([*validate, "--cache-dir", str(cache)], cwd=REPO, env=env, ok=OK)]))
        rows.append(("nothing changed", [run_once([*validate, "--cache-dir", str(cache)], cwd=REPO, env=env, ok=OK)
                                         for _ in range(args.repeat)]))
        changed = []
        text = original.decode("utf-8")
        edited = text.replace('excerpt: "', 'excerpt: "altered ', 1).encode("utf-8")
        for i in range(args.repeat):
            sheet.write_bytes(edited if i % 2 == 0 else original)
            changed.append(run_once([*validate, "--cache-dir", str(cache)], cwd=REPO, env=env, ok=OK))
        rows.append((f"one sheet changed ({sheet.name}: an excerpt altered or restored)", changed))
        last = tmp / "last.out"
        run_once([*validate, "--cache-dir", str(cache)], cwd=REPO, env=env, stdout=last, ok=OK)
        run_once([*validate, "--no-cache"], cwd=REPO, env=env, stdout=cold_out, ok=OK)
        same = last.read_bytes() == cold_out.read_bytes()
        if args.fresh_checkout:
            rows.append(_fresh_checkout(args, tmp, cache, sheet, env))
    finally:
        sheet.write_bytes(original)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"Workspace `{args.root}`; `--format {args.format}`; best and median of the runs (wall / CPU), peak RSS.\n")
    print("| run | n | wall best | wall median | CPU best | CPU median | peak RSS |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, runs in rows:
        walls, cpus = [r.wall for r in runs], [r.cpu for r in runs]
        print(f"| {name} | {len(runs)} | {min(walls):.2f} s | {median(walls):.2f} s | {min(cpus):.2f} s | "
              f"{median(cpus):.2f} s | {max(r.peak_mb for r in runs):.0f} MB |")
    print(f"\nCached report identical to the cold run's after the edits: {'yes' if same else 'NO'}")
    return 0 if same else 1


def _fresh_checkout(args: argparse.Namespace, tmp: Path, cache: Path, sheet: Path,
                    env: dict[str, str]) -> tuple[str, list[Run]]:
    """CI checks the repository out anew for every run and restores the cache: every input then has
    new inodes and times, so the cache reads and hashes each file again (its content digests still
    match). One sheet is changed in the copy, as a pull request would."""
    copy = tmp / "checkout"
    shutil.copytree(args.root, copy)
    changed = copy / "facts" / sheet.name
    changed.write_bytes(changed.read_bytes().replace(b'excerpt: "', b'excerpt: "altered in CI ', 1))
    time.sleep(2.5)  # past the cache's settling time, as a checkout is by the time CI validates
    validate = [PY, "-m", "generator", "validate", "--root", str(copy), "--format", args.format,
                "--cache-dir", str(cache)]
    run = run_once(validate, cwd=REPO, env=env, ok=OK)
    shutil.rmtree(copy, ignore_errors=True)
    return (f"one sheet changed in a fresh copy of the workspace (CI after a checkout: every file read and "
            f"hashed again)", [run])


if __name__ == "__main__":
    sys.exit(main())
