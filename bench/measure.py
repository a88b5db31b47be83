"""Measure one whole process: wall time and its own peak resident memory."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Sequence


class MeasureError(RuntimeError):
    pass


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    peak_mb: float  # peak resident set size of the child, MiB
    returncode: int
    cpu: float = 0.0  # user + system seconds of the child: less disturbed by neighbours than wall time


def run_once(cmd: Sequence[str], *, cwd: Path, env: dict[str, str] | None = None,
             stdout: Path | None = None, ok: frozenset[int] = frozenset({0})) -> Run:
    """Run ``cmd``; stdout to ``stdout`` (default /dev/null). Fails unless its exit code is in ``ok``.

    ``os.wait4`` gives this child's own rusage, so the peak is the process's
    (not the running maximum of every child, as RUSAGE_CHILDREN would be).
    """
    with tempfile.TemporaryFile() as err, open(stdout or os.devnull, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in ok:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
            raise MeasureError(f"{' '.join(map(str, cmd))} exited {proc.returncode}:\n{tail}")
    return Run(wall, usage.ru_maxrss / 1024, proc.returncode, usage.ru_utime + usage.ru_stime)


@dataclass(frozen=True)
class Measurement:
    runs: tuple[Run, ...]

    @property
    def best(self) -> float:
        """Fastest wall time: the machine is shared, so slower runs mostly measure the neighbours."""
        return min(r.wall for r in self.runs)

    @property
    def best_cpu(self) -> float:
        return min(r.cpu for r in self.runs)

    @property
    def median(self) -> float:
        return median(r.wall for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in self.runs)


def measure(cmd: Sequence[str], *, repeat: int, cwd: Path, env: dict[str, str] | None = None,
            ok: frozenset[int] = frozenset({0})) -> Measurement:
    return Measurement(tuple(run_once(cmd, cwd=cwd, env=env, ok=ok) for _ in range(repeat)))
