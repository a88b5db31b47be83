"""The whole path, as an editor walks it: new-source, new-sheet, cite, paste, validate (fail, fix, pass)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SEEDS, run_cli

SEED = SEEDS / "000_3b2bd5cfca6b3b4b.txt"


def _run(*args: str, cwd: Path, code: int = 0):
    r = run_cli(*args, cwd=cwd)
    assert r.returncode == code, f"factsheet {' '.join(args)} → {r.returncode}\n{r.stdout}\n{r.stderr}"
    return r


def _walk(root: Path) -> None:
    # 1. The source, byte for byte, with its sidecar.
    _run("new-source", str(SEED), "--id", "day-407-digest", "--title", "Day 407: Xi shows no sign of changing position",
         "--published", "2023-04-06", cwd=root)
    assert (root / "content/sources/day-407-digest.txt").read_bytes() == SEED.read_bytes()
    # 2. The sheet.
    _run("new-sheet", "un-condemnation", "--title", "Countries denounce Lvova-Belova's remarks",
         "--date", "2023-04", "--tags", "united-nations,ukraine", cwd=root)
    sheet = root / "facts/un-condemnation.yml"
    # 3. cite: the editor types straight quotes and lower case; the citation comes back in the source's characters.
    r = _run("cite", "day-407-digest", "russia's commissioner for children's rights", "--fact", "denounced", cwd=root)
    assert "excerpt: \"Russia’s commissioner for children’s rights\"" in r.stdout
    # 4. Paste under `facts:`, write the claim — and slip while tidying the excerpt by hand.
    pasted = r.stdout.replace("claim:   # one sentence, in your words",
                              "claim: Countries denounced remarks by Russia's children's commissioner.")
    typo = pasted.replace("Russia’s commissioner for children’s rights", "Russia’s commissioner for childrens rights")
    assert typo != pasted
    text = sheet.read_text(encoding="utf-8").replace("facts: []\n", "facts:\n" + typo)
    sheet.write_text(text, encoding="utf-8")
    # 5. validate fails where the excerpt is, and shows the passage the source really has.
    r = _run("validate", cwd=root, code=1)
    excerpt_line = next(i for i, line in enumerate(text.splitlines(), 1) if "excerpt:" in line)
    m = re.search(rf"facts/un-condemnation\.yml:{excerpt_line}:\d+: \[error\] \[day-407-digest\] (.*) "
                  r"\(excerpt-not-found\)", r.stdout)
    assert m, r.stdout
    assert "closest passage" in m[1] and "commissioner for children’s rights" in m[1]
    assert "[-childrens]" in m[1], m[1]
    # 6. Fix it (paste again, untouched) and validate passes; the GitHub format agrees.
    sheet.write_text(sheet.read_text(encoding="utf-8").replace(typo, pasted), encoding="utf-8")
    r = _run("validate", cwd=root)
    assert "0 error(s)" in r.stdout
    r = _run("validate", "--format", "github", cwd=root)
    assert "::error" not in r.stdout


def test_an_editor_adds_a_source_and_a_fact_in_an_empty_repository(workspace: Path) -> None:
    _walk(workspace)
    r = _run("validate", "--format", "json", cwd=workspace)
    assert '"verified": 1' in r.stdout


def test_an_editor_adds_a_source_and_a_fact_to_a_copy_of_this_repository(repo_copy: Path) -> None:
    before = run_cli("validate", cwd=repo_copy)
    assert before.returncode == 0, before.stdout
    facts_before = int(re.search(r"(\d+) facts", before.stdout)[1])
    _walk(repo_copy)
    after = _run("validate", cwd=repo_copy)
    assert f"{facts_before + 1} facts" in after.stdout
