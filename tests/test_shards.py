"""`factsheet validate --shard I/N` (issue 12): N jobs together say what one full run says. Every fact is
in exactly one shard with the same result; the union of the shards' findings is the full run's."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from generator.loading import load_workspace
from generator.validation import validate
from generator.validation.shards import Shard, parse_shard, validate_shard
from tests.conftest import REPO, run_cli, write_source, write_yaml


def _key(f) -> tuple:
    return (f.path, f.line, f.column, f.rule, f.message, f.severity)


def _facts(report) -> list[str]:
    return sorted(json.dumps(f.as_dict(), sort_keys=True) for f in report.facts)


def _same_as_full(root: Path, n: int) -> None:
    full = validate(load_workspace(root))
    parts = [validate_shard(root, Shard(i, n)) for i in range(1, n + 1)]
    assert set().union(*[{_key(f) for f in p.findings} for p in parts]) == {_key(f) for f in full.findings}
    assert sorted(x for p in parts for x in _facts(p)) == _facts(full)  # each fact once, as the full run has it
    assert all(p.ok() for p in parts) == full.ok()


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_the_example_repository_split_n_ways_says_what_one_run_says(tmp_path, n):
    root = tmp_path / "repo"
    shutil.copytree(REPO / "facts", root / "facts")
    shutil.copytree(REPO / "content", root / "content")
    _same_as_full(root, n)


def _random_repository(root: Path, rnd: random.Random) -> None:
    texts = ["Russia lost 300 tanks in 2023.", "The EU gave 3.5 billion euros on 26 April 2023.",
             "\u201cWe stand with Ukraine,\u201d Jones said.", "More than 40 nations denounced it."]
    for s in range(8):
        write_source(root, f"s{s}", "\n\n".join(rnd.sample(texts, 3)) + "\n", published="2023-05-01")
    (root / "content" / "sources" / "s8.txt").write_bytes(b"caf\xe9\n")  # not UTF-8: a source-wide finding
    write_source(root, "s9", "An uncited source.\n")
    write_yaml(root, "facts/people.yml", "jones: {name: Tom Jones, aliases: [Jones]}\n")
    facts = {"300 tanks": ("figure: {value: 300, unit: tanks}", "Russia lost 300 tanks"),
             "301 tanks": ("figure: {value: 301, unit: tanks}", "Russia lost 300 tanks"),
             "aid": ("money: {value: 3.5 billion, currency: EUR}", "3.5 billion euros"),
             "quote": ("quote: {speaker: jones, text: We stand with Ukraine}", "\u201cWe stand with Ukraine,\u201d"),
             "nations": ("figure: {value: 40, qualifier: more than}", "More than 40 nations")}
    for sheet in range(12):
        lines = ["title: Sheet", "facts:"]
        for k in range(rnd.randint(1, 4)):
            name = rnd.choice(list(facts))
            value, excerpt = facts[name]
            source = rnd.choice([f"s{s}" for s in range(9)] + ["s-missing"])
            lines += [f"  - id: f{k}", f"    claim: {name}.", f"    {value}",
                      f"    sources: [{{source: {source}, excerpt: {json.dumps(excerpt)}}}]"]
        (root / "facts" / f"sheet-{sheet}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "facts" / "published-ids.txt").write_text("sheet-0/f0\nsheet-1/f9\n", encoding="utf-8")


@pytest.mark.parametrize("seed", range(8))
def test_a_random_repository_split_any_way_says_what_one_run_says(tmp_path, seed):
    rnd = random.Random(seed)
    _random_repository(tmp_path, rnd)
    for n in (2, 3, 5):
        _same_as_full(tmp_path, n)


def test_a_sheet_stays_in_its_shard_when_others_are_added():
    stems = [f"sheet-{i}" for i in range(200)]
    before = {s: next(i for i in range(1, 5) if Shard(i, 4).holds(s)) for s in stems}
    assert set(before.values()) == {1, 2, 3, 4}  # all four shards get work
    assert all(Shard(before[s], 4).holds(s) for s in stems)


@pytest.mark.parametrize("text", ["0/3", "4/3", "x", "1/0", "1-2", ""])
def test_a_bad_shard_is_a_usage_error_saying_how_to_write_it(text, tmp_path):
    with pytest.raises(ValueError, match="write I/N"):
        parse_shard(text)
    r = run_cli("validate", "--root", str(REPO), "--shard", text)
    assert r.returncode == 2 and "write I/N" in r.stderr and r.stdout == ""


def test_the_cli_runs_one_shard(tmp_path):
    r = run_cli("validate", "--root", str(REPO), "--shard", "2/3", "--format", "json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    full = json.loads(run_cli("validate", "--root", str(REPO), "--no-cache", "--format", "json").stdout)
    assert 0 < report["stats"]["facts"] < full["stats"]["facts"]
