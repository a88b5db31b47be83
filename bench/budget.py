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

    python bench/budget.py --root WS [--repeat 3]

Prints the texts, their characters and tokens, and the best CPU time of each pass.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import yaml

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
        best = float("inf")
        for _ in range(args.repeat):
            start = time.process_time()
            run(texts)
            best = min(best, time.process_time() - start)
        print(f"| {name} | {best:.3f} s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
