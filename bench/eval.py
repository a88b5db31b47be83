"""Accuracy on real texts: the validator over the real-world evaluation set (``tests/eval/real``),
or with ``--set heldout`` over the held-out set (``tests/eval/heldout``, texts and claims no fix was
tuned on).

Each fact id is its expectation (``t-`` a true claim, ``f-<mutation>-`` a false one; see
``tests/eval/real/README.md``). One ``factsheet validate --format json --no-cache`` run over a copy
of the set, then per value kind and per house style:

- true claims: accepted (no error; ``warned`` of them with a warning), refused (a false alarm);
- false claims: caught (an error), flagged (a warning, no error: still let through), let through.

    python bench/eval.py [--set real|heldout] [--details] [--json FILE] [--root DIR]

``--details`` lists every false alarm and every false claim let through, with the findings.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SETS = {name: REPO / "tests" / "eval" / name for name in ("real", "heldout")}
SET = SETS["real"]
KINDS = ("figure", "money", "date", "quote", "none")
MUTATIONS = ("num", "scale", "cur", "unit", "qual", "date", "entity", "speaker", "quote", "neg")


@dataclass(frozen=True)
class Case:
    gid: str          # <sheet>/<fact id>
    truth: bool       # t- (true) or f- (false)
    mutation: str     # for a false claim; "" for a true one
    kind: str         # the typed value: figure, money, date, quote, none
    style: str        # the house style of the cited text
    source: str


@dataclass
class Outcome:
    case: Case
    verdict: str
    errors: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)

    @property
    def label(self) -> str:
        """accepted / warned / refused for a true claim; caught / flagged / missed for a false one."""
        if self.case.truth:
            return "refused" if self.errors else ("warned" if self.warnings else "accepted")
        return "caught" if self.errors else ("flagged" if self.warnings else "missed")


def load_cases(root: Path = SET) -> list[Case]:
    """Every claim of the set with what it expects, its kind and its text's house style."""
    manifest = yaml.safe_load((root / "MANIFEST.yml").read_text(encoding="utf-8"))
    cases = []
    for path in sorted((root / "facts").glob("eval-*.yml")):
        sheet = yaml.safe_load(path.read_text(encoding="utf-8"))
        for fact in sheet["facts"]:
            fid = fact["id"]
            prefix, rest = fid.split("-", 1)
            mutation = rest.split("-", 1)[0] if prefix == "f" else ""
            kind = next((k for k in KINDS[:4] if k in fact), "none")
            source = fact["sources"][0]["source"]
            cases.append(Case(f"{path.stem}/{fid}", prefix == "t", mutation, kind,
                              manifest[source]["style"], source))
    return cases


def validate(root: Path = SET) -> dict:
    """The real CLI over a scratch copy of the set (nothing is written into the repository)."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "set"
        shutil.copytree(root / "content", work / "content")
        shutil.copytree(root / "facts", work / "facts")
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        done = subprocess.run([sys.executable, "-m", "generator", "validate", "--root", str(work),
                               "--format", "json", "--no-cache"],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    if done.returncode not in (0, 1):
        raise SystemExit(f"validate failed ({done.returncode}): {done.stderr}")
    report: dict = json.loads(done.stdout)
    return report


def outcomes(cases: list[Case], report: dict) -> list[Outcome]:
    verdicts = {f["id"]: f["verdict"] for f in report["facts"]}
    out = {c.gid: Outcome(c, verdicts.get(c.gid, "missing")) for c in cases}
    for finding in report["findings"]:
        o = out.get(finding.get("fact") or "")
        if o is not None and finding["severity"] in ("error", "warning"):  # info notes say how, not whether
            (o.errors if finding["severity"] == "error" else o.warnings).append(finding)
    return list(out.values())


def tally(rows: list[Outcome]) -> Counter[str]:
    return Counter(o.label for o in rows)


def table(title: str, groups: dict[str, list[Outcome]]) -> str:
    head = (f"| {title} | true claims | accepted | of them warned | refused (false alarms) "
            f"| false claims | caught | flagged only | let through |")
    lines = [head, "|" + "---|" * 9]
    for name, rows in [*groups.items(), ("all", [o for rs in groups.values() for o in rs])]:
        t = tally(rows)
        n_true = t["accepted"] + t["warned"] + t["refused"]
        n_false = t["caught"] + t["flagged"] + t["missed"]
        lines.append(f"| {name} | {n_true} | {t['accepted'] + t['warned']} | {t['warned']} | {t['refused']} "
                     f"| {n_false} | {t['caught']} | {t['flagged']} | {t['flagged'] + t['missed']} |")
    return "\n".join(lines)


def mutation_table(groups: dict[str, list[Outcome]]) -> str:
    lines = ["| mutation | false claims | caught | flagged only | let through |", "|---|---|---|---|---|"]
    for name, rows in [*groups.items(), ("all", [o for rs in groups.values() for o in rs])]:
        t = tally(rows)
        lines.append(f"| {name} | {len(rows)} | {t['caught']} | {t['flagged']} | {t['flagged'] + t['missed']} |")
    return "\n".join(lines)


def summary(results: list[Outcome]) -> dict[str, int]:
    t = tally(results)
    return {"true": t["accepted"] + t["warned"] + t["refused"], "accepted": t["accepted"] + t["warned"],
            "false_alarms": t["refused"], "false": t["caught"] + t["flagged"] + t["missed"],
            "caught": t["caught"], "let_through": t["flagged"] + t["missed"]}


def grouped(results: list[Outcome], key: str) -> dict[str, list[Outcome]]:
    out: dict[str, list[Outcome]] = {}
    for o in sorted(results, key=lambda o: getattr(o.case, key)):
        out.setdefault(getattr(o.case, key), []).append(o)
    return out


def details(results: list[Outcome]) -> str:
    lines = []
    for o in results:
        if o.label in ("refused", "flagged", "missed"):
            shown = "; ".join(f"{f['severity']} {f['rule']}: {f['message']}" for f in o.errors + o.warnings)
            lines.append(f"- {o.label}: {o.case.gid} ({o.case.kind}, {o.case.style}): {shown or 'no findings'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=sorted(SETS), default="real", dest="set_name",
                    help="which evaluation set under tests/eval/ (default: real)")
    ap.add_argument("--root", type=Path, help="an evaluation set's folder (overrides --set)")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--json", type=Path, help="write the per-claim labels and the summary here")
    args = ap.parse_args(argv)
    root = args.root or SETS[args.set_name]
    cases = load_cases(root)
    results = outcomes(cases, validate(root))
    print(table("value kind", grouped(results, "kind")))
    print()
    print(table("house style", grouped(results, "style")))
    print()
    print(mutation_table(grouped([o for o in results if not o.case.truth], "mutation")))
    if args.details:
        print()
        print(details(results))
    if args.json:
        args.json.write_text(json.dumps({
            "summary": summary(results),
            "by_kind": {k: summary(rs) for k, rs in grouped(results, "kind").items()},
            "by_style": {k: summary(rs) for k, rs in grouped(results, "style").items()},
            "labels": {o.case.gid: o.label for o in results}}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
