"""Rendering against the site engines' build, on the same pages.

1. Prepare a workspace that builds: the corpus without its non-UTF-8 article, and
   without the facts the validator does not verify (a build stops on errors).
2. In one process, as ``factsheet build`` does it: load + validate, render (Markdown
   pages in memory), write the docs folder and the engine configuration.
3. Run each engine on that same docs folder as a whole process (wall, CPU, peak RSS).
4. Run the whole ``factsheet build --engine E`` as a process, for each engine.

    python bench/site.py [--work bench/work/site] [--limit N] [--engines mkdocs,zensical] [--repeat 1]
    python bench/site.py --root .          # the example site of this repository, as it is
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from make_workspace import TYPED_KINDS, make_workspace, parse_kinds  # noqa: E402
from measure import MeasureError, Measurement, measure, run_once  # noqa: E402

PY = sys.executable


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1", "FACTSHEET_JOBS": "1"}


def prepare(ws: Path, limit: int | None, kinds: frozenset[str], synthetic: int | None) -> dict[str, object]:
    """A workspace whose every fact is verified: generate, validate, drop what did not verify, regenerate."""
    make_workspace(ws, limit=limit, synthetic=synthetic, kinds=kinds, skip_invalid=True)
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        run_once([PY, "-m", "generator", "validate", "--root", str(ws), "--format", "json"], cwd=REPO, env=env(),
                 stdout=Path(out.name), ok=frozenset({0, 1}))
        report = json.loads(Path(out.name).read_text(encoding="utf-8"))
    drop = frozenset(f["id"] for f in report["facts"] if f["verdict"] != "verified")
    summary = make_workspace(ws, limit=limit, synthetic=synthetic, kinds=kinds, skip_invalid=True, drop=drop)
    summary["dropped_unverified"] = len(drop)
    return summary


def in_process(root: Path, out: Path) -> dict[str, float]:
    """What ``factsheet build`` does before the engine, step by step; writes ``out/docs`` and ``out/mkdocs.yml``."""
    import yaml

    from generator.build import CONFIG_FILE, config_path, engine_config, load_config
    from generator.loading import load_workspace
    from generator.render import render
    from generator.render.output import write_tree
    from generator.validation import validate

    t0 = time.perf_counter()
    ws = load_workspace(root)
    t1 = time.perf_counter()
    report = validate(ws)
    t2 = time.perf_counter()
    if not report.ok():
        raise SystemExit(f"site: {root} has {report.errors} validation error(s); it cannot be built")
    site = render(ws, report, root)
    t3 = time.perf_counter()
    write_tree(out / "docs", site.files)
    cfg = engine_config(load_config(config_path(root)), site)
    (out / CONFIG_FILE).write_text(yaml.safe_dump(cfg, sort_keys=False, allow_unicode=True), encoding="utf-8")
    t4 = time.perf_counter()
    pages = sum(1 for p in site.files if p.endswith(".md"))
    return {"load": t1 - t0, "validate": t2 - t1, "render": t3 - t2, "write": t4 - t3, "pages": pages,
            "facts": report.stats()["facts"]}


def engine_cmd(engine: str, config: Path) -> list[str]:
    from generator.build import engine_command

    return engine_command(engine, config, strict=False)


def _try(cmd: list[str], repeat: int, cwd: Path, environ: dict[str, str]) -> Measurement | str:
    """The measurement, or why the command failed (an engine can refuse a site: that is a result too)."""
    try:
        return measure(cmd, repeat=repeat, cwd=cwd, env=environ)
    except MeasureError as exc:
        last = [line for line in str(exc).splitlines() if line.strip()]
        return f"failed: {last[-1][:300] if last else exc}"


def _cell(m: Measurement | str) -> str:
    return f"{m.best:.2f} s / {m.peak_mb:.0f} MB" if isinstance(m, Measurement) else m


def _raw(m: Measurement | str) -> object:
    if isinstance(m, str):
        return m
    return {"walls": [r.wall for r in m.runs], "cpus": [r.cpu for r in m.runs], "peak_mb": m.peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, help="an existing workspace to build as it is (e.g. `.`)")
    parser.add_argument("--work", type=Path, default=REPO / "bench" / "work" / "site")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--synthetic", type=int, metavar="N")
    parser.add_argument("--kinds", default=",".join(sorted(TYPED_KINDS)))
    parser.add_argument("--engines", default="mkdocs,zensical")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    engines = [e for e in args.engines.split(",") if e]

    summary: dict[str, object] = {}
    if args.root is not None:
        root = args.root.resolve()
    else:
        root = args.work / "ws"
        summary = prepare(root, args.limit, parse_kinds(args.kinds), args.synthetic)
        print(f"site: workspace {root}: {summary['sources']} sources, {summary['facts']} facts "
              f"({summary['dropped_unverified']} unverified left out)", file=sys.stderr)
    results: dict[str, object] = {"workspace": str(root), "summary": summary}
    with tempfile.TemporaryDirectory(prefix="factsheet-bench-site-") as tmp:
        out = Path(tmp)
        steps = [in_process(root, out / f"r{i}") for i in range(args.repeat)]
        best = {k: min(s[k] for s in steps) for k in steps[0]}
        results["in_process"] = best
        rows = []
        for engine in engines:
            work = out / "r0"
            eng = _try(engine_cmd(engine, work / "mkdocs.yml"), args.repeat, work,
                       {**env(), "NO_MKDOCS_2_WARNING": "1"})
            full = _try([PY, "-m", "generator", "build", "--root", str(root), "--engine", engine,
                         "--site-dir", str(out / f"site-{engine}")], args.repeat, REPO, env())
            rows.append((engine, eng, full))
            results[engine] = {"engine": _raw(eng), "build": _raw(full)}
    pages, facts = best["pages"], best["facts"]
    print(f"{pages:.0f} pages, {facts:.0f} facts. In one process: load {best['load']:.2f} s, validate "
          f"{best['validate']:.2f} s, render {best['render']:.2f} s, write docs {best['write']:.2f} s.\n")
    print("| engine | engine alone on the rendered docs | render / engine | full `factsheet build` |")
    print("|---|---:|---:|---:|")
    for engine, eng, full in rows:
        share = f"{best['render'] / eng.best:.1%}" if isinstance(eng, Measurement) else "-"
        print(f"| {engine} | {_cell(eng)} | {share} | {_cell(full)} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
