"""Adversarial inputs at three sizes: does `validate` / `render` stay linear whatever the text?

Each shape is a workspace built here: a source (or a claim) made of one unit repeated, the
inputs that were quadratic (quote marks that cannot pair, a claim of ``[`` that never closes,
…). Every command is a whole process, timed like bench/run.py (best of ``--repeat``, with CPU
time and peak memory); the slope is log(t₃/t₁) / log(n₃/n₁) of the CPU time beyond interpreter
start (``--version``; CPU time is less disturbed by neighbours than wall time): 1 is linear, 2
quadratic; when the largest run is within 0.05 s CPU of interpreter start, no slope can be read
("—"): run a larger ``--scale``. An excerpt or a claim is at most 20,000 characters (the format's
limit), so the shapes whose excerpt is the whole text, and the claims, stay under it.

    python bench/adversarial.py [--repeat 3] [--scale 1.0] [--only NAME,...] [--work bench/work/adversarial]
                                [--code CHECKOUT]

Prints a Markdown table to stdout. The work counted by tests/test_linear.py is the proof;
this is the wall clock for the same shapes.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from measure import measure

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
OK = frozenset({0, 1})  # a shape may leave findings (the excerpt's words are narrative, not a quotation)

QUOTE_SHEET = """\
title: Adversarial
facts:
  - id: q
    claim: Zed said hello.
    quote: {speaker: zed, text: "%s"}
    sources:
      - source: s
        excerpt: "%s"
"""
CLAIM_SHEET = """\
title: Adversarial
facts:
  - id: c
    claim: '%s'
    sources:
      - source: s
        excerpt: "hello world"
"""
PEOPLE = "zed:\n  name: Zed\n"


@dataclass(frozen=True)
class Shape:
    name: str
    what: str
    command: str  # validate | render
    sizes: tuple[int, int, int]  # repetitions of the unit
    build: Callable[[Path, int], None]


def _source(root: Path, text: str) -> None:
    folder = root / "content" / "sources"
    folder.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    (folder / "s.txt").write_bytes(data)
    (folder / "s.yml").write_text(f"title: s\nsha256: {hashlib.sha256(data).hexdigest()}\n", encoding="utf-8")
    (root / "facts").mkdir(parents=True, exist_ok=True)
    (root / "facts" / "people.yml").write_text(PEOPLE, encoding="utf-8")


def quote_source(unit: str, quote: str = "hello world", head: str = "Zed said hello world. ",
                 whole: bool = False) -> Callable[[Path, int], None]:
    """A source of ``head`` and ``unit`` × n; the excerpt is the quote itself, or the whole text."""
    def build(root: Path, n: int) -> None:
        _source(root, head + unit * n)
        excerpt = head + unit * n if whole else quote
        (root / "facts" / "a.yml").write_text(QUOTE_SHEET % (quote, excerpt), encoding="utf-8")
    return build


def claim(unit: str) -> Callable[[Path, int], None]:
    def build(root: Path, n: int) -> None:
        _source(root, "Zed said hello world.")
        (root / "facts" / "a.yml").write_text(CLAIM_SHEET % (unit * n).replace("'", "''"), encoding="utf-8")
    return build


SHAPES = [
    Shape("singles", "source of `'a' ` (4 bytes), excerpt without marks", "validate", (20_000, 40_000, 80_000),
          quote_source("'a' ")),
    Shape("open-doubles", "source of `“` (3 bytes), excerpt without marks", "validate", (40_000, 80_000, 160_000),
          quote_source("\u201c")),
    Shape("doubles", 'source of `"a" ` (4 bytes), excerpt without marks', "validate", (20_000, 40_000, 80_000),
          quote_source('"a" ')),
    Shape("continued", "`Zed said: ` then `“A b.” ` (9 bytes), each quote continuing the last's speaker; "
          "the excerpt is the whole text", "validate", (500, 1_000, 2_000),
          quote_source("\u201cA b.\u201d ", quote="A b", head="Zed said: ", whole=True)),
    Shape("long-sentence", "`“a” Zed and ` (14 bytes): thousands of quotes, no full stop; the excerpt is the "
          "whole text", "validate", (400, 800, 1_600),
          quote_source("\u201ca\u201d Zed and ", quote="a", head="", whole=True)),
    Shape("brackets", "one claim of `[`", "render", (4_750, 9_500, 19_000), claim("[")),
    Shape("stars", "one claim of `*a `", "render", (1_500, 3_000, 6_000), claim("*a ")),
    Shape("links", "one claim of `[a](`", "render", (1_100, 2_200, 4_400), claim("[a](")),
]


def run_command(shape: Shape, ws: Path, out: Path) -> list[str]:
    if shape.command == "validate":
        return [PY, "-m", "generator", "validate", "--root", str(ws), "--format", "json"]
    return [PY, "-m", "generator", "render", "--root", str(ws), "--out", str(out)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size (0.01 for a smoke run)")
    ap.add_argument("--only", default="", help="comma-separated shape names")
    ap.add_argument("--work", type=Path, default=REPO / "bench" / "work" / "adversarial")
    ap.add_argument("--code", type=Path, default=REPO,
                    help="the checkout whose generator/ is timed (another worktree, for a before/after)")
    args = ap.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(args.code.resolve())}
    only = {s for s in args.only.split(",") if s}
    # Run from the checkout timed: `python -m` puts the working directory first on sys.path.
    code = args.code.resolve()
    startup = measure([PY, "-m", "generator", "--version"], repeat=args.repeat, cwd=code, env=env)
    print(f"Interpreter start (`python -m generator --version`): {startup.best:.2f} s, "
          f"{startup.best_cpu:.2f} s CPU\n")
    print("| shape | what | command | sizes (bytes) | wall, best of %d | CPU | peak RSS | slope |" % args.repeat)
    print("|---|---|---|---|---|---|---|---:|")
    for shape in SHAPES:
        if only and shape.name not in only:
            continue
        sizes, walls, cpus, peaks = [], [], [], []
        for n in shape.sizes:
            n = max(1, int(n * args.scale))
            ws = args.work / f"{shape.name}-{n}"
            shutil.rmtree(ws, ignore_errors=True)
            shape.build(ws, n)
            sized = (ws / "content" / "sources" / "s.txt").stat().st_size if shape.command == "validate" \
                else (ws / "facts" / "a.yml").stat().st_size
            m = measure(run_command(shape, ws.resolve(), (ws / "out").resolve()), repeat=args.repeat, cwd=code,
                        env=env, ok=OK)
            sizes.append(sized)
            walls.append(m.best)
            cpus.append(m.best_cpu)
            peaks.append(m.peak_mb)
        beyond = [max(c - startup.best_cpu, 1e-3) for c in cpus]
        slope = (f"{math.log(beyond[-1] / beyond[0]) / math.log(sizes[-1] / sizes[0]):.2f}"
                 if beyond[-1] >= 0.05 else "—")
        print(f"| {shape.name} | {shape.what} | {shape.command} | {' / '.join(f'{s:,}' for s in sizes)} | "
              f"{' / '.join(f'{w:.2f}' for w in walls)} s | {' / '.join(f'{c:.2f}' for c in cpus)} s | "
              f"{max(peaks):.0f} MB | {slope} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
