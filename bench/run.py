"""Run the benchmark: validation against the floor at 1×, 2× and 4× the corpus, side by side.

Every figure is a whole process (``python -m generator ...`` or ``bench/floor.py``)
timed by wall clock, with its own peak RSS from ``os.wait4``. Each command runs
``--repeat`` times; the table gives the fastest run (the machine is shared, slower
runs mostly measure the neighbours) and the peak memory of all runs.

    python bench/run.py [--scales 1,2,4] [--repeat 3] [--work bench/work] [--json out.json]
                        [--corpus DIR | --synthetic N] [--limit N] [--kinds date,figure,money,quote]

Prints a Markdown report (machine, commands, table, verdicts) to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from make_workspace import TYPED_KINDS, make_workspace, parse_kinds
from measure import Measurement, measure, run_once

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
# Interpreter start and imports (pydantic, rapidfuzz, ...): the fixed cost in every validate figure.
STARTUP = [PY, "-m", "generator", "--version"]
VALIDATE_OK = frozenset({0, 1})  # 1: the workspace has findings (the corpus's one non-UTF-8 article)


@dataclass
class Row:
    scale: int
    sources: int
    facts: int
    floor_csafe: Measurement
    floor_events: Measurement
    validate_json: Measurement
    validate_text: Measurement

    @property
    def floor(self) -> float:
        return min(self.floor_csafe.best, self.floor_events.best)

    @property
    def ratio(self) -> float:
        return self.validate_json.best / self.floor

    @property
    def cpu_ratio(self) -> float:
        return self.validate_json.best_cpu / min(self.floor_csafe.best_cpu, self.floor_events.best_cpu)


GENERATOR = [REPO]  # the checkout whose generator is timed (--generator)


def env() -> dict[str, str]:
    # This checkout's generator (or --generator's), whatever is installed in the venv; the processes
    # also run in that folder, as `python -m` puts the working directory first on sys.path.
    return {**os.environ, "PYTHONPATH": str(GENERATOR[0]), "PYTHONDONTWRITEBYTECODE": "1",
            "FACTSHEET_JOBS": "1"}  # one process, as the floor: bench/jobs.py times more


def commands(ws: Path) -> dict[str, list[str]]:
    return {
        "floor_csafe": [PY, str(REPO / "bench" / "floor.py"), "--root", str(ws), "--parser", "csafe"],
        "floor_events": [PY, str(REPO / "bench" / "floor.py"), "--root", str(ws), "--parser", "events"],
        "validate_json": [PY, "-m", "generator", "validate", "--root", str(ws), "--format", "json"],
        "validate_text": [PY, "-m", "generator", "validate", "--root", str(ws), "--format", "text"],
    }


def verdicts(ws: Path) -> dict[str, object]:
    """The validator's own counts for the workspace (one untimed run)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        run_once(commands(ws)["validate_json"], cwd=GENERATOR[0], env=env(), stdout=Path(out.name), ok=VALIDATE_OK)
        report = json.loads(Path(out.name).read_text(encoding="utf-8"))
    by_kind: dict[str, dict[str, int]] = {}
    for fact in report["facts"]:
        counts = by_kind.setdefault(fact["kind"], {})
        counts[fact["verdict"]] = counts.get(fact["verdict"], 0) + 1
    rules: dict[str, int] = {}
    for finding in report["findings"]:
        rules[finding["rule"]] = rules.get(finding["rule"], 0) + 1
    return {"stats": report["stats"], "by_kind": by_kind, "rules": rules}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}")


def fmt(m: Measurement) -> str:
    return f"{m.best:.2f} s / {m.peak_mb:.0f} MB"


def table(rows: list[Row]) -> str:
    base = rows[0]
    lines = [
        "| scale | sources | facts | floor, CSafeLoader | floor, event loader | validate --format json | "
        "validate --format text | ratio to floor | ratio, CPU time | ms per 1k facts | time vs 1× |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        per_k = r.validate_json.best / r.facts * 1000 * 1000
        lines.append(
            f"| {r.scale}× | {r.sources:,} | {r.facts:,} | {fmt(r.floor_csafe)} | {fmt(r.floor_events)} | "
            f"{fmt(r.validate_json)} | {fmt(r.validate_text)} | {r.ratio:.2f} | {r.cpu_ratio:.2f} | {per_k:.0f} | "
            f"{r.validate_json.best / base.validate_json.best:.2f} |")
    return "\n".join(lines)


def _short(arg: str) -> str:
    return "python" if arg == PY else arg.replace(str(REPO) + "/", "")


def report(rows: list[Row], counts: dict[str, object], args: argparse.Namespace, summaries: list[dict],
           startup: Measurement) -> str:
    ws = "WS"
    cmds = commands(Path(ws))
    out = [
        f"Machine: {machine()}.",
        f"Corpus: {summaries[0]['corpus']} ({summaries[0]['articles']} articles; "
        f"facts by kind at 1×: {summaries[0]['facts_by_kind']}).",
        f"Each command run {args.repeat}×; fastest wall time / peak RSS of all runs. "
        "Ratio = validate --format json / the cheaper floor (by wall time, and by user+system CPU time, "
        "which neighbours on a shared machine disturb less).",
        "",
        table(rows),
        "",
        "Commands (WS = the workspace, e.g. bench/work/x1; run from the repository root with PYTHONPATH=.):",
        "",
        "```sh",
        *(" ".join(_short(c) for c in cmd) + (" > /dev/null" if "validate" in name else "")
          for name, cmd in cmds.items()),
        " ".join(_short(c) for c in STARTUP) + f"   # startup alone: {startup.best:.2f} s / {startup.peak_mb:.0f} MB",
        "```",
        "",
        f"Verdicts at 1×: {json.dumps(counts['stats'])}",
        f"By kind: {json.dumps(counts['by_kind'])}",
        f"Findings by rule: {json.dumps(counts['rules'])}",
    ]
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="1,2,4")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=REPO / "bench" / "work",
                        help="where the workspaces are generated (default bench/work, gitignored)")
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--synthetic", type=int, metavar="N", help="a generated corpus of N articles")
    parser.add_argument("--limit", type=int, help="only the first N articles of the corpus")
    parser.add_argument("--kinds", default=",".join(sorted(TYPED_KINDS)),
                        help="typed values to draw (default all; '' for statements only, e.g. while a value "
                             "check is not available)")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--generator", type=Path,
                        help="time the generator package of this checkout instead (e.g. an older revision "
                             "exported with `git archive REV generator | tar -x -C DIR`); the floor is unchanged")
    args = parser.parse_args()
    if args.generator:
        GENERATOR[0] = args.generator.resolve()

    rows: list[Row] = []
    summaries: list[dict] = []
    counts: dict[str, object] = {}
    for scale in (int(s) for s in args.scales.split(",")):
        ws = args.work / f"x{scale}"
        print(f"run: generating {ws} ...", file=sys.stderr)
        summary = make_workspace(ws, args.corpus, scale, limit=args.limit, synthetic=args.synthetic,
                                 kinds=parse_kinds(args.kinds))
        summaries.append(summary)
        if not counts:
            counts = verdicts(ws)
        cmds = commands(ws)
        timed = {}
        for name, cmd in cmds.items():
            print(f"run: {scale}× {name} ...", file=sys.stderr)
            timed[name] = measure(cmd, repeat=args.repeat, cwd=GENERATOR[0], env=env(),
                                  ok=VALIDATE_OK if name.startswith("validate") else frozenset({0}))
        rows.append(Row(scale, int(summary["sources"]), int(summary["facts"]), **timed))
    startup = measure(STARTUP, repeat=args.repeat, cwd=GENERATOR[0], env=env())
    text = report(rows, counts, args, summaries, startup)
    sys.stdout.write(text)
    if args.json:
        raw = [{"scale": r.scale, "sources": r.sources, "facts": r.facts, "ratio": r.ratio,
                **{name: {"walls": [x.wall for x in m.runs], "cpus": [x.cpu for x in m.runs], "peak_mb": m.peak_mb}
                   for name, m in (("floor_csafe", r.floor_csafe), ("floor_events", r.floor_events),
                                    ("validate_json", r.validate_json), ("validate_text", r.validate_text))}}
               for r in rows]
        args.json.write_text(json.dumps({"rows": raw, "verdicts": counts, "machine": machine()}, indent=2) + "\n",
                             encoding="utf-8")


if __name__ == "__main__":
    main()
