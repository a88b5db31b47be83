"""An outside evaluation of the validator: claims written blind from the seed texts.

``tests/eval/*.yml`` are fact sheets over this repository's sources. Each fact
id says what the validator must conclude (and a YAML comment above it says why):

- ``t-…`` a true claim: no error, and verified; a warning only where the rules
  make one (a weekday alone, an attribution the source cannot resolve), and an
  unresolved attribution makes the fact ``speaker-unconfirmed`` instead of verified
  (the source does not say who spoke: weaker evidence, never an error);
- ``f-…`` a false claim (FactCC style: a changed number, scale, currency, day,
  qualifier, quoted word, negation or speaker, or an excerpt with one word
  changed): at least one error, so refuted or unverified;
- ``w-…`` a false claim the source cannot decide, because who spoke is not
  resolvable from it: never a silent pass and never verified, at least the
  unresolved warning (speaker-unconfirmed).

One validate run over a copy of the repository's sources and people.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, run_cli

EVAL = Path(__file__).parent / "eval"
ALLOWED_WARNINGS = {"date-weekday-only", "quote-attribution-unresolved"}


def _claims() -> list[str]:
    """Every eval fact's global id, read from the claim files."""
    out = []
    for path in sorted(EVAL.glob("*.yml")):
        sheet = yaml.safe_load(path.read_text(encoding="utf-8"))
        out += [f"{path.stem}/{fact['id']}" for fact in sheet["facts"]]
    return out


CLAIMS = _claims()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("eval")
    shutil.copytree(REPO / "content", root / "content")
    (root / "facts").mkdir()
    shutil.copy2(REPO / "facts" / "people.yml", root / "facts" / "people.yml")
    for path in EVAL.glob("*.yml"):
        shutil.copy2(path, root / "facts" / path.name)
    done = run_cli("validate", "--root", str(root), "--format", "json")
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def verdicts(report: dict) -> dict[str, tuple[str, list[dict]]]:
    """Fact id → (verdict, its findings)."""
    findings: dict[str, list[dict]] = {}
    for f in report["findings"]:
        findings.setdefault(f["fact"], []).append(f)
    return {fact["id"]: (fact["verdict"], findings.get(fact["id"], [])) for fact in report["facts"]}


def _show(findings: list[dict]) -> str:
    return "; ".join(f"{f['severity']} {f['rule']}: {f['message']}" for f in findings) or "no findings"


def test_the_suite_is_large_and_balanced():
    kinds = [gid.split("/")[1][:2] for gid in CLAIMS]
    assert len(CLAIMS) >= 150 and len(set(CLAIMS)) == len(CLAIMS)
    assert set(kinds) <= {"t-", "f-", "w-"}
    assert kinds.count("t-") >= 100 and kinds.count("f-") >= 100


def test_every_claim_file_loads_and_every_fact_is_reported(report: dict):
    unowned = [f for f in report["findings"] if f["fact"] is None]
    assert unowned == [], _show(unowned)
    assert {fact["id"] for fact in report["facts"]} == set(CLAIMS)


@pytest.mark.parametrize("gid", CLAIMS)
def test_claim_verdict(verdicts: dict[str, tuple[str, list[dict]]], gid: str):
    assert gid in verdicts, f"{gid} is missing from the report"
    verdict, findings = verdicts[gid]
    errors = [f for f in findings if f["severity"] == "error"]
    warnings = {f["rule"] for f in findings if f["severity"] == "warning"}
    kind = gid.split("/")[1][:2]
    if kind == "t-":
        assert not errors, f"false alarm: {_show(findings)}"
        unconfirmed = "quote-attribution-unresolved" in warnings
        assert verdict == ("speaker-unconfirmed" if unconfirmed else "verified"), f"{verdict}: {_show(findings)}"
        assert warnings <= ALLOWED_WARNINGS, f"unexpected warning: {_show(findings)}"
    elif kind == "f-":
        assert verdict in ("refuted", "unverified") and errors, f"miss: {verdict}, {_show(findings)}"
    else:
        assert verdict != "verified", f"verified: {_show(findings)}"
        assert errors or "quote-attribution-unresolved" in warnings, f"silent pass: {_show(findings)}"
