"""`validate --jobs N` against one process: a cold run of the same workspace, N processes or one.

Runs alternate (1, N, 1, N, ...) so that a neighbour's load falls on both. For each: wall time, CPU
time (user + system of the run and every worker it reaped, from ``os.wait4``), and the peak memory of
the whole process tree, sampled every 20 ms as the sum of each process's proportional set size (PSS:
pages the workers share with the parent after fork are counted once, split between them). The
reports must be byte-identical, or the script fails.

    python bench/jobs.py --root bench/work/x1 --jobs 1,2 --repeat 5
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import median

REPO = Path(__file__).resolve().parent.parent
OK = {0, 1}  # 1: the corpus's one non-UTF-8 article is reported


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    pss_mb: float


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc (Linux)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return out


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_once(cmd: list[str], env: dict[str, str], out: Path) -> Run:
    with open(out, "wb") as stdout:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=stdout, stderr=subprocess.DEVNULL)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], sum(_pss_kb(p) for p in _tree(proc.pid)))
                done.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
    code = os.waitstatus_to_exitcode(status)
    if code not in OK:
        raise SystemExit(f"{' '.join(cmd)} exited {code}")
    return Run(wall, usage.ru_utime + usage.ru_stime, peak[0] / 1024)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, required=True, help="a workspace (bench/make_workspace.py)")
    ap.add_argument("--jobs", default="1,2", help="the --jobs values to compare, comma-separated")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    values = [v.strip() for v in args.jobs.split(",")]
    runs: dict[str, list[Run]] = {v: [] for v in values}
    with tempfile.TemporaryDirectory() as tmp:
        reports = {v: Path(tmp) / f"jobs-{v}.json" for v in values}
        for _ in range(args.repeat):
            for v in values:
                cmd = [sys.executable, "-m", "generator", "validate", "--root", str(args.root), "--no-cache",
                       "--format", "json", "--jobs", v]
                runs[v].append(run_once(cmd, env, reports[v]))
        first = reports[values[0]].read_bytes()
        if any(r.read_bytes() != first for r in reports.values()):
            raise SystemExit("the reports differ between --jobs values")
    print(f"cold `validate --no-cache --format json --jobs N`, {args.root}, {args.repeat} runs each, alternating; "
          f"{os.cpu_count()} cores; reports byte-identical\n")
    print("| --jobs | wall best | wall median | CPU best | CPU median | peak PSS of the process tree |")
    print("|---|---:|---:|---:|---:|---:|")
    for v, rs in runs.items():
        print(f"| {v} | {min(r.wall for r in rs):.2f} s | {median(r.wall for r in rs):.2f} s | "
              f"{min(r.cpu for r in rs):.2f} s | {median(r.cpu for r in rs):.2f} s | "
              f"{max(r.pss_mb for r in rs):.0f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
