"""Root cause first, and verdicts that agree with the findings (through the real CLI)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_cli, write_source, write_yaml


def report(root: Path, *extra: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    proc = run_cli("validate", "--root", str(root), "--format", "json", *extra)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def assert_verdicts_agree(doc: dict) -> None:  # type: ignore[type-arg]
    """No fact with an error of its own is "verified", and the summary counts the verdicts."""
    errors = {f["fact"] for f in doc["findings"] if f["severity"] == "error" and f["fact"]}
    for fact in doc["facts"]:
        if fact["id"] in errors:
            assert fact["verdict"] != "verified", fact["id"]
    assert doc["stats"]["verified"] == sum(f["verdict"] == "verified" for f in doc["facts"])


def test_one_tab_in_people_is_one_error_not_forty_five(repo_copy: Path) -> None:
    people = repo_copy / "facts/people.yml"
    text = people.read_text(encoding="utf-8")
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("  name:"))) + 1
    people.write_text(text.replace("\n  name:", "\n\tname:", 1), encoding="utf-8")
    code, doc = report(repo_copy)
    assert code == 1
    errors = [f for f in doc["findings"] if f["severity"] == "error"]
    assert [(f["path"], f["line"], f["rule"]) for f in errors] == [("facts/people.yml", line, "yaml-syntax")]
    assert re.search(r"root cause: \d+ finding\(s\) on 45 fact\(s\)", errors[0]["message"])
    assert not [f for f in doc["findings"] if f["rule"] in {"unknown-speaker", "quote-wrong-speaker"}]
    quotes = [f for f in doc["facts"] if f["kind"] == "quote"]
    assert len(quotes) == 45 and all(f["verdict"] != "verified" for f in quotes)
    assert doc["stats"]["verified"] == doc["stats"]["facts"] - 45
    assert_verdicts_agree(doc)


def test_a_typo_in_a_sidecar_is_the_root_cause_not_every_citation(repo_copy: Path) -> None:
    sidecar = repo_copy / "content/sources/day-407-xi-macron.yml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8").replace("\nsha256:", "\nsha265:"), encoding="utf-8")
    code, doc = report(repo_copy)
    assert code == 1
    errors = [f for f in doc["findings"] if f["severity"] == "error"]
    assert {f["path"] for f in errors} == {"content/sources/day-407-xi-macron.yml"}
    assert any("root cause:" in f["message"] for f in errors)
    assert "unknown-source" not in {f["rule"] for f in doc["findings"]}
    citing = [f for f in doc["facts"] if any(c["source"] == "day-407-xi-macron" for c in f["citations"])]
    assert citing and all(f["verdict"] not in {"verified", "speaker-unconfirmed"} for f in citing
                          if all(c["source"] == "day-407-xi-macron" for c in f["citations"]))
    assert_verdicts_agree(doc)


def test_a_source_that_really_does_not_exist_is_still_unknown_source(workspace: Path) -> None:
    write_source(workspace, "alpha", "The bridge opened in 2021.\n")
    write_yaml(workspace, "facts/bridge.yml", """
        title: Bridge
        facts:
          - id: opened
            claim: The bridge opened.
            sources: [{source: alpah, excerpt: The bridge opened}]
        """)
    code, doc = report(workspace)
    assert code == 1
    [f] = doc["findings"]
    assert (f["rule"], f["line"], f["column"]) == ("unknown-source", 5, 24)
    assert "did you mean 'alpha'" in f["message"]
    assert doc["facts"][0]["verdict"] == "unverified"


def test_an_unknown_speaker_keeps_its_fact_from_verified(workspace: Path) -> None:
    write_source(workspace, "alpha", 'Jane Doe said "we built it together" at the ceremony.\n')
    write_yaml(workspace, "facts/people.yml", "jane-doe:\n  name: Jane Doe\n")
    write_yaml(workspace, "facts/bridge.yml", """
        title: Bridge
        facts:
          - id: together
            claim: Jane Doe said they built it together.
            quote: {speaker: jane-do, text: we built it together}
            sources: [{source: alpha, excerpt: 'Jane Doe said "we built it together"'}]
        """)
    code, doc = report(workspace)
    assert code == 1
    [f] = [f for f in doc["findings"] if f["rule"] == "unknown-speaker"]
    assert (f["line"], f["column"], f["fact"], f["severity"]) == (5, 22, "bridge/together", "error")
    assert "did you mean 'jane-doe'" in f["message"]
    assert doc["facts"][0]["verdict"] != "verified" and doc["stats"]["verified"] == 0
    assert_verdicts_agree(doc)


# --- GitHub's 10 annotations per level ------------------------------------------------------------

def many_errors(root: Path, n: int, name: str = "a-sheet") -> None:
    facts = "".join(f"""
  - id: f{i}
    claim: Fact {i}.
    sources: [{{source: alpha, excerpt: words {i} not there}}]""" for i in range(n))
    write_yaml(root, f"facts/{name}.yml", "title: Many\nfacts:" + facts + "\n")


def annotations(stdout: str) -> list[tuple[str, int, str]]:
    return [(m[1], int(m[2]), m[3]) for m in re.finditer(r"^::error file=([^,]+),line=(\d+),col=\d+,title=([^:]+)::",
                                                           stdout, re.M)]


def test_root_causes_are_annotated_before_the_rest(workspace: Path) -> None:
    write_source(workspace, "alpha", "The bridge opened in 2021.\n")
    many_errors(workspace, 12)
    write_yaml(workspace, "facts/people.yml", "jane-doe:\n\tname: Jane Doe\n")
    proc = run_cli("validate", "--root", str(workspace), "--format", "github")
    assert proc.returncode == 1
    shown = annotations(proc.stdout)
    assert len(shown) == 10
    assert shown[0][0] == "facts/people.yml"
    assert proc.stdout.count("(excerpt-not-found)") == 12  # the log keeps every finding


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=root,
                   check=True, capture_output=True)


@pytest.mark.parametrize("how", ["option", "env"])
def test_lines_the_pull_request_changed_are_annotated_first(workspace: Path, how: str) -> None:
    write_source(workspace, "alpha", "The bridge opened in 2021.\n")
    many_errors(workspace, 12, "a-sheet")
    write_yaml(workspace, "facts/z-sheet.yml", """
        title: Z
        facts:
          - id: z
            claim: Z.
            sources: [{source: alpha, excerpt: The bridge opened in 2021.}]
        """)
    git(workspace, "init", "-q", "-b", "main")
    git(workspace, "add", "-A")
    git(workspace, "commit", "-qm", "base")
    git(workspace, "checkout", "-qb", "change")
    z = workspace / "facts/z-sheet.yml"
    z.write_text(z.read_text().replace("opened in 2021.}", "opened in 2022.}"))
    git(workspace, "commit", "-qam", "change")
    if how == "option":
        proc = run_cli("validate", "--root", str(workspace), "--format", "github", "--changed-from", "main")
    else:
        git(workspace, "update-ref", "refs/remotes/origin/main", "main")
        proc = run_cli("validate", "--root", str(workspace), "--format", "github", env={"GITHUB_BASE_REF": "main"})
    assert proc.returncode == 1
    shown = annotations(proc.stdout)
    assert shown[0] == ("facts/z-sheet.yml", 5, "excerpt-not-found") and len(shown) == 10
    plain = run_cli("validate", "--root", str(workspace), "--format", "github")
    assert ("facts/z-sheet.yml", 5, "excerpt-not-found") not in annotations(plain.stdout)


def test_a_base_that_cannot_be_diffed_is_said_not_fatal(workspace: Path) -> None:
    write_source(workspace, "alpha", "The bridge opened in 2021.\n")
    many_errors(workspace, 2)
    proc = run_cli("validate", "--root", str(workspace), "--format", "github", "--changed-from", "no-such-ref")
    assert proc.returncode == 1
    assert "annotations not ordered by the diff: " in proc.stdout
    assert len(annotations(proc.stdout)) == 2
