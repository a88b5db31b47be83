"""Where a cold validation's time goes: each stage and claim check, and each pattern of ``generator/``.

One ``validate`` of the workspace in this process (one job, no cache), with a clock around each
stage: loading, locating excerpts, the value checks, the readings of the cited excerpts, and each
of the claim reader's checks (``_ClaimReader``'s methods, found by name, so a new check shows up by
itself). With ``--patterns``, every pattern compiled by ``generator/`` is wrapped in a proxy that
clocks its calls (``finditer`` while it is consumed), and the dearest are listed by where they were
compiled: what to look at first when a grammar gets slow. A row's time includes what it calls
(``check_claim`` holds the excerpt readings and every claim check). The clocks cost time of their own
(``--patterns`` about 1 µs a call): compare runs of this script with each other, not with
``/usr/bin/time``.

    python bench/where.py --root WS [--patterns] [--top 25]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SPENT: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def _clocked(fn: Callable[..., Any], label: str) -> Callable[..., Any]:
    def clocked(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[label] += time.perf_counter() - start
            CALLS[label] += 1
    return clocked


class _Pattern:
    """A compiled pattern whose calls are clocked under ``label`` (file:line where it was compiled)."""

    def __init__(self, pattern: re.Pattern[str], label: str) -> None:
        self._pattern, self._label = pattern, label
        for name in ("search", "match", "fullmatch", "sub", "subn", "split", "findall"):
            setattr(self, name, _clocked(getattr(pattern, name), label))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)

    def finditer(self, *args: Any, **kwargs: Any) -> Iterator[re.Match[str]]:
        found = self._pattern.finditer(*args, **kwargs)
        CALLS[self._label] += 1
        while True:
            start = time.perf_counter()
            m = next(found, None)
            SPENT[self._label] += time.perf_counter() - start
            if m is None:
                return
            yield m


def _clock_patterns() -> None:
    """From now on, patterns compiled by generator/ are clocked (import it after this)."""
    plain = re.compile
    package = str(REPO / "generator")

    def compile(pattern: Any, flags: int = 0) -> Any:
        compiled = plain(pattern, flags)
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename == __file__:
            frame = frame.f_back
        if frame is None or not frame.f_code.co_filename.startswith(package):
            return compiled
        where = f"{Path(frame.f_code.co_filename).relative_to(REPO)}:{frame.f_lineno}"
        return _Pattern(compiled, f"pattern {where}")

    re.compile = compile  # type: ignore[assignment]


def _clock_stages() -> None:
    from generator.validation import claims, validator

    for name in ("check_value", "locate", "check_claim"):
        setattr(validator, name, _clocked(getattr(validator, name), name))
    for name, fn in vars(claims._ClaimReader).items():
        if callable(fn) and (name == "__init__" or name.startswith("_") and not name.startswith("__")):
            setattr(claims._ClaimReader, name, _clocked(fn, f"claim check {name}"))
    read = claims._Excerpts.read.__func__  # type: ignore[attr-defined]
    claims._Excerpts.read = classmethod(_clocked(read, "excerpt readings"))  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--patterns", action="store_true", help="clock every pattern of generator/ too")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    if args.patterns:
        _clock_patterns()
    _clock_stages()
    from generator.loading import load_workspace
    from generator.validation import validate

    cpu = time.process_time()
    ws = load_workspace(args.root)
    loaded = time.process_time() - cpu
    with contextlib.redirect_stdout(io.StringIO()):
        report = validate(ws, 1)
    checked = time.process_time() - cpu - loaded
    print(f"{len(report.facts)} facts: loading {loaded:.3f} s, validating {checked:.3f} s CPU (clocks included)")
    print("\n| seconds | calls | what |\n|---:|---:|---|")
    for label, seconds in sorted(SPENT.items(), key=lambda kv: -kv[1])[:args.top]:
        print(f"| {seconds:.3f} | {CALLS[label]} | {label} |")
    patterns = sum(s for label, s in SPENT.items() if label.startswith("pattern "))
    if args.patterns:
        print(f"\nall patterns: {patterns:.3f} s")


if __name__ == "__main__":
    main()
