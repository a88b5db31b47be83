"""The real-world evaluation sets: well-formed, and their accuracy never regresses.

``tests/eval/real`` is the first set; ``tests/eval/heldout`` is a second one, held out until it was
first measured (its FINDINGS.md keeps that number) and fixed by looking at it since: both have floors.

The set is public texts in other house styles with claims whose ids are their expected verdicts
(``t-`` true, ``f-<mutation>-`` false), written before the validator ran over them. These tests check
that every text has its address, publisher and licence, that every claim has an expectation and the
set stays large and balanced, and, through ``bench/eval.py`` (the real CLI), that the validator accepts
at least as many true claims and catches at least as many false ones as the floors recorded in each
set's ``RATCHET.json`` (a ratchet: raise it when the validator improves).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
SET = REPO / "tests" / "eval" / "real"
# Each set's folder and the least it must hold: texts, house styles, claims.
SETS = {"real": (SET, 12, 6, 250), "heldout": (REPO / "tests" / "eval" / "heldout", 8, 6, 150)}
MUTATIONS = {"num", "scale", "cur", "unit", "qual", "date", "entity", "speaker", "quote", "neg"}
KINDS = ("figure", "money", "date", "quote")


def _manifest(root: Path = SET) -> dict:
    return yaml.safe_load((root / "MANIFEST.yml").read_text(encoding="utf-8"))


def _facts(root: Path = SET) -> list[tuple[str, dict]]:
    out = []
    for path in sorted((root / "facts").glob("eval-*.yml")):
        sheet = yaml.safe_load(path.read_text(encoding="utf-8"))
        out += [(path.stem, fact) for fact in sheet["facts"]]
    return out


def _kind(fact: dict) -> str:
    return next((k for k in KINDS if k in fact), "none")


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_text_has_its_address_publisher_date_and_licence(name: str):
    root, least_texts, least_styles, _ = SETS[name]
    manifest = _manifest(root)
    texts = {p.stem for p in (root / "content" / "sources").glob("*.txt")}
    assert texts == set(manifest), "every text has a manifest entry and every entry a text"
    assert len(texts) >= least_texts
    assert len({e["style"] for e in manifest.values()}) >= least_styles
    for sid, entry in manifest.items():
        assert entry["url"].startswith(("http://", "https://")), sid
        assert entry["title"] and entry["publisher"] and entry["licence"], sid
        assert "published" in entry, sid
        sidecar = yaml.safe_load((root / "content" / "sources" / f"{sid}.yml").read_text(encoding="utf-8"))
        assert sidecar["url"] == entry["url"] and sidecar["published"] == entry["published"], sid
        assert entry["licence"] in sidecar["note"], f"{sid}: the sidecar names the licence"
        data = (root / "content" / "sources" / f"{sid}.txt").read_bytes()
        assert sidecar["sha256"] == hashlib.sha256(data).hexdigest(), f"{sid}: the text is as retrieved"


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_claim_has_an_expectation_and_the_set_is_large_and_balanced(name: str):
    root, _, _, least_claims = SETS[name]
    facts = _facts(root)
    ids = [f"{sheet}/{fact['id']}" for sheet, fact in facts]
    assert len(ids) == len(set(ids)) and len(ids) >= least_claims
    truth = Counter()
    for gid in ids:
        prefix, rest = gid.split("/")[1].split("-", 1)
        assert prefix in ("t", "f"), f"{gid}: the id says t- (true) or f-<mutation>- (false)"
        if prefix == "f":
            assert rest.split("-", 1)[0] in MUTATIONS, f"{gid}: an f- id names its mutation"
        truth[prefix] += 1
    assert 0.4 <= truth["t"] / len(ids) <= 0.6, truth
    for kind in (*KINDS, "none"):
        kinds = Counter(fact["id"][0] for _, fact in facts if _kind(fact) == kind)
        assert kinds["t"] >= 5 and kinds["f"] >= 5, f"{kind}: both true and false claims"


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_cited_text_is_in_the_manifest(name: str):
    root = SETS[name][0]
    manifest = _manifest(root)
    for sheet, fact in _facts(root):
        for citation in fact["sources"]:
            assert citation["source"] in manifest, f"{sheet}/{fact['id']}"


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_set_loads_without_a_finding(name: str):
    # Loading only (YAML, schema, people, each text's sha256): no claim is checked here.
    from generator.loading.workspace import load_workspace

    root = SETS[name][0]
    workspace = load_workspace(root)
    assert [str(f) for f in workspace.findings] == []
    assert sum(len(s.sheet.facts) for s in workspace.sheets.values()) == len(_facts(root))


@pytest.fixture(scope="module", params=sorted(SETS))
def measured(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict]:
    out = tmp_path_factory.mktemp("eval") / "eval.json"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, str(REPO / "bench" / "eval.py"), "--set", request.param,
                           "--json", str(out)], cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "| value kind |" in done.stdout and "| house style |" in done.stdout
    result: dict = json.loads(out.read_text())
    return request.param, result


def test_every_claim_is_reported(measured: tuple[str, dict]):
    name, result = measured
    assert set(result["labels"]) == {f"{sheet}/{fact['id']}" for sheet, fact in _facts(SETS[name][0])}
    assert set(result["labels"].values()) <= {"accepted", "warned", "refused", "caught", "flagged", "missed"}


def test_accuracy_does_not_fall_below_the_recorded_floors(measured: tuple[str, dict]):
    name, measured_set = measured
    measured = measured_set
    floors = json.loads((SETS[name][0] / "RATCHET.json").read_text())
    groups = {"all": (measured["summary"], floors["summary"]),
              **{k: (measured["by_kind"][k], f) for k, f in floors["by_kind"].items()}}
    for name, (got, floor) in groups.items():
        assert got["accepted"] >= floor["accepted"], f"{name}: more true claims refused than recorded: {got}"
        assert got["caught"] >= floor["caught"], f"{name}: more false claims let through than recorded: {got}"
