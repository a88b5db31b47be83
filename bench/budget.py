"""What one pass of Python over every fact's words costs, against the budget 2× the floor leaves.

Cold validation must stay within 2× the floor (bench/floor.py: read and fold every source, parse
every YAML file). Validation reads each fact's claim and each excerpt it cites with a dozen
grammars; this measures the cheapest reading any of them could be: every claim and excerpt of
the workspace (taken from the sheets with libyaml, untimed), then

- ``findall``: one tokenising regex over each text, the tokens as a list (all in C);
- ``finditer``: the same, with Python touching each token once (its start and its text), the
  least a grammar written in Python does per token;
- ``search ×12``: twelve C-level searches per text that find nothing (one per grammar, when
  every grammar is one regex and its matches are rare): patterns that open on a lookbehind, as
  the grammars' do (``(?<![\w])``: tried at every position), and patterns that open on a literal
  (the regex engine skips ahead to it), the cheapest a search can be.

Then the budget itself, measured in the same process: the floor (``floor.py --parser events``),
loading the workspace as validation does (``load_workspace``: the floor's work plus the models),
and locating every excerpt (fold it, find it in its source's folded text). What 2× the floor
leaves after loading, locating and one Python touch per token is what every check of every fact
may spend: the bound any grammar design in Python must fit.

    python bench/budget.py --root WS [--repeat 3]

Prints the texts, their characters and tokens, the best CPU time of each pass, and the budget.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

import yaml

import floor  # bench/floor.py, beside this script (it puts the repository on sys.path)
from generator.loading import load_workspace
from generator.loading.workspace import Workspace
from generator.normalize import fold_text

_TOKEN = re.compile(r"\w+|[^\w\s]")
# Twelve searches that find nothing: opening on a lookbehind, as the grammars do, or on a literal.
_LOOKBEHIND = [re.compile(rf"(?<!\w)zq{i}xv(?!\w)") for i in range(12)]
_LITERAL = [re.compile(rf"zq{i}xv(?!\w)") for i in range(12)]


def texts_of(root: Path) -> list[str]:
    """Every claim and every cited excerpt of the workspace's sheets."""
    out: list[str] = []
    for path in sorted((root / "facts").glob("*.yml")):
        if path.name == "people.yml":
            continue
        sheet = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
        for fact in sheet.get("facts") or []:
            out.append(str(fact.get("claim", "")))
            out.extend(str(c.get("excerpt", "")) for c in fact.get("sources") or [])
    return out


def _findall(texts: list[str]) -> int:
    return sum(len(_TOKEN.findall(t)) for t in texts)


def _finditer(texts: list[str]) -> int:
    n = 0
    for t in texts:
        for m in _TOKEN.finditer(t):
            m.start()
            m.group()
            n += 1
    return n


def _searches(texts: list[str], patterns: list[re.Pattern[str]]) -> int:
    return sum(1 for t in texts for p in patterns if p.search(t))


def _locate(ws: Workspace) -> int:
    """Fold every cited excerpt and find it in its source's folded text: the least locating costs."""
    found = 0
    for sheet in ws.sheets.values():
        for fact in sheet.sheet.facts:
            for c in fact.sources:
                source = ws.sources.get(c.source)
                found += source is not None and source.folded.text.find(fold_text(c.excerpt)) >= 0
    return found


def _best(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def _budget(root: Path, texts: list[str], repeat: int) -> None:
    floor_cpu = _best(lambda: floor.run(root, "events"), repeat)
    loading = _best(lambda: load_workspace(root), repeat)
    ws = load_workspace(root)
    facts = sum(len(s.sheet.facts) for s in ws.sheets.values())
    locating = _best(lambda: _locate(ws), repeat)
    touching = _best(lambda: _finditer(texts), repeat)
    left = 2 * floor_cpu - loading - locating - touching
    print(f"\n| the budget, {facts:,} facts | CPU best |")
    print("|---|---:|")
    print(f"| floor (read and fold every source, parse every YAML file) | {floor_cpu:.3f} s |")
    print(f"| 2× the floor: the target | {2 * floor_cpu:.3f} s |")
    print(f"| loading as validation does (the floor's work and the models) | {loading:.3f} s |")
    print(f"| locating every excerpt (fold it, find it in its source) | {locating:.3f} s |")
    print(f"| Python touching each token of every claim and excerpt once | {touching:.3f} s |")
    print(f"| left for every check of every fact | {left:.3f} s ({left / max(facts, 1) * 1e6:.1f} µs a fact) |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, required=True)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    texts = texts_of(args.root)
    tokens = _findall(texts)
    print(f"{len(texts):,} texts (claims and excerpts), {sum(map(len, texts)):,} characters, {tokens:,} tokens\n")
    print("| pass | CPU best |")
    print("|---|---:|")
    passes = (("findall", _findall), ("finditer", _finditer),
              ("search ×12, opening on a lookbehind", lambda t: _searches(t, _LOOKBEHIND)),
              ("search ×12, opening on a literal", lambda t: _searches(t, _LITERAL)))
    for name, run in passes:
        best = _best(lambda: run(texts), args.repeat)
        print(f"| {name} | {best:.3f} s |")
    _budget(args.root, texts, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
