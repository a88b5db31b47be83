"""Tuning the gate like ruff and yamllint: a repository's rule policy, per-citation acceptance of a
reviewed warning, and the output flags, all through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.findings import Severity
from generator.rules import RULES
from tests.conftest import run_cli, write_source, write_yaml

# "the talks" occurs twice: an excerpt of it alone is ambiguous (a warning).
TEXT = "Officials began the talks on Monday. By evening the talks had failed.\n"


def sheet(ws: Path, citation_extra: str = "") -> None:
    write_source(ws, "talks", TEXT, published="2023-04-06")
    write_yaml(ws, "facts/visit.yml", f"""
        title: Visit
        facts:
          - id: talks
            claim: Officials held talks.
            sources:
              - source: talks
                excerpt: "the talks"
                {citation_extra}
        """)


def findings(ws: Path, *args: str) -> tuple[int, list[dict], dict]:
    out = run_cli("validate", "--format", "json", *args, cwd=ws)
    doc = json.loads(out.stdout)
    return out.returncode, doc["findings"], doc


def rules_of(found: list[dict]) -> list[tuple[str, str]]:
    return [(f["rule"], f["severity"]) for f in found]


def test_without_configuration_the_defaults_apply(workspace: Path) -> None:
    sheet(workspace)
    code, found, _ = findings(workspace)
    assert code == 0 and rules_of(found) == [("excerpt-ambiguous", "warning")]


def test_pyproject_ignore_silences_a_rule(workspace: Path) -> None:
    sheet(workspace)
    (workspace / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.factsheet]\nignore = ["excerpt-*"]\n')
    code, found, doc = findings(workspace, "--strict")
    assert code == 0 and found == []
    assert doc["facts"][0]["verdict"] == "verified"


def test_severity_raises_a_warning_to_an_error_without_changing_the_verdict(workspace: Path) -> None:
    sheet(workspace)
    (workspace / "pyproject.toml").write_text('[tool.factsheet.severity]\nexcerpt-ambiguous = "error"\n')
    code, found, doc = findings(workspace)
    assert code == 1 and rules_of(found) == [("excerpt-ambiguous", "error")]
    # Policy decides what fails CI; "verified" means the same in every repository.
    assert doc["facts"][0]["verdict"] == "verified"


def test_factsheet_toml_wins_over_pyproject(workspace: Path) -> None:
    sheet(workspace)
    (workspace / "pyproject.toml").write_text('[tool.factsheet]\nignore = ["excerpt-ambiguous"]\n')
    (workspace / "factsheet.toml").write_text('select = ["*"]\n')
    code, found, _ = findings(workspace)
    assert rules_of(found) == [("excerpt-ambiguous", "warning")]


def test_select_keeps_only_the_rules_it_names(workspace: Path) -> None:
    sheet(workspace)
    (workspace / "factsheet.toml").write_text('select = ["quote-*"]\n')
    assert findings(workspace)[1] == []


def test_the_build_gate_follows_the_configuration(workspace: Path) -> None:
    sheet(workspace)
    (workspace / "factsheet.toml").write_text('[severity]\nexcerpt-ambiguous = "error"\n')
    out = run_cli("build", cwd=workspace)
    assert out.returncode == 1 and "(excerpt-ambiguous)" in out.stdout + out.stderr
    assert not (workspace / "site").exists()


@pytest.mark.parametrize("toml, line, col, words", [
    ('[tool.factsheet]\nignor = ["excerpt-ambiguous"]\n', 2, 1, ["unknown setting 'ignor'", "did you mean 'ignore'"]),
    ('[tool.factsheet]\nignore = ["excerpt-ambigous"]\n', 2, 12, ["names no rule", "did you mean 'excerpt-ambiguous'"]),
    ('[tool.factsheet]\nignore = "excerpt-ambiguous"\n', 2, 1, ["must be a list"]),
    ('[tool.factsheet]\nignore = ["yaml-*"]\n', 2, 12, ["cannot be ignored"]),
    ('[tool.factsheet.severity]\nfile-encoding = "warning"\n', 2, 1, ["cannot be changed"]),
    ('[tool.factsheet.severity]\nexcerpt-ambiguous = "fatal"\n', 2, 1, ["write \"error\", \"warning\" or \"info\""]),
    ('[tool.factsheet\nignore = []\n', 1, 16, ["not valid TOML"]),
])
def test_a_broken_configuration_is_named_at_its_position(workspace: Path, toml: str, line: int, col: int,
                                                         words: list[str]) -> None:
    sheet(workspace)
    (workspace / "pyproject.toml").write_text(toml)
    out = run_cli("validate", cwd=workspace)
    assert out.returncode == 1, out.stdout + out.stderr
    first = (out.stdout + out.stderr).strip().splitlines()[0]
    assert first.startswith(f"pyproject.toml:{line}:{col}: [error] ") and first.endswith("(config-invalid)"), first
    for w in words:
        assert w in first, first


def test_an_accepted_warning_is_reported_as_an_accepted_note(workspace: Path) -> None:
    sheet(workspace, "accept: [excerpt-ambiguous]")
    code, found, doc = findings(workspace, "--strict")
    assert code == 0
    assert [(f["rule"], f["severity"], f["accepted"]) for f in found] == [("excerpt-ambiguous", "info", True)]
    text = run_cli("validate", cwd=workspace).stdout
    assert "(excerpt-ambiguous, accepted)" in text


def test_accepting_what_is_not_there_is_a_warning(workspace: Path) -> None:
    sheet(workspace, "accept: [excerpt-ambiguous, date-weekday-only]")
    code, found, _ = findings(workspace, "--strict")
    assert code == 1
    unused = [f for f in found if f["rule"] == "accept-unused"]
    assert len(unused) == 1 and "date-weekday-only" in unused[0]["message"]
    assert (unused[0]["line"], unused[0]["severity"]) == (8, "warning")


@pytest.mark.parametrize("accept, words", [
    ("[excerpt-not-found]", "only warnings and notes can be accepted"),
    ("[excerpt-ambigous]", "did you mean 'excerpt-ambiguous'"),
])
def test_only_real_warnings_can_be_accepted(workspace: Path, accept: str, words: str) -> None:
    sheet(workspace, f"accept: {accept}")
    code, found, _ = findings(workspace)
    assert code == 1
    assert any(f["rule"] == "schema-value" and words in f["message"] and f["line"] == 8 for f in found), found


def test_min_severity_hides_but_does_not_change_the_counts_or_exit(workspace: Path) -> None:
    sheet(workspace)
    out = run_cli("validate", "--min-severity", "error", "--strict", cwd=workspace)
    assert out.returncode == 1  # the hidden warning still fails --strict
    assert out.stdout.splitlines() == [out.stdout.splitlines()[-1]]
    assert out.stdout.rstrip().endswith("0 error(s), 1 warning(s), 0 note(s)")


def test_quiet_prints_only_findings_and_nothing_when_clean(workspace: Path) -> None:
    sheet(workspace)
    out = run_cli("validate", "--quiet", cwd=workspace)
    assert out.returncode == 0 and len(out.stdout.splitlines()) == 1 and "(excerpt-ambiguous)" in out.stdout
    (workspace / "factsheet.toml").write_text('ignore = ["excerpt-ambiguous"]\n')
    out = run_cli("validate", "-q", cwd=workspace)
    assert out.returncode == 0 and out.stdout == ""


def test_colour_only_when_asked_or_on_a_terminal_and_never_with_no_color(workspace: Path) -> None:
    sheet(workspace)
    assert "\033[" not in run_cli("validate", cwd=workspace).stdout  # a pipe is no terminal
    assert "\033[33m[warning]\033[0m" in run_cli("validate", "--color", "always", cwd=workspace).stdout
    import pty
    import subprocess
    import sys
    from tests.conftest import REPO
    import os
    for no_color, coloured in (("", True), ("1", False)):
        leader, follower = pty.openpty()
        env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": no_color, "TERM": "xterm"}
        subprocess.run([sys.executable, "-m", "generator", "validate"], cwd=workspace, env=env,
                       stdout=follower, stderr=subprocess.DEVNULL, timeout=120)
        os.close(follower)
        seen = os.read(leader, 65536).decode()
        os.close(leader)
        assert ("\033[33m" in seen) is coloured, (no_color, seen)


def test_sarif_rules_carry_help_and_a_link_into_readme(workspace: Path) -> None:
    sheet(workspace)
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "org/facts", "GITHUB_SHA": "abc123"}
    out = run_cli("validate", "--format", "sarif", cwd=workspace, env=env)
    rules = {r["id"]: r for r in json.loads(out.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    rule = rules["excerpt-ambiguous"]
    assert rule["helpUri"] == "https://github.com/org/facts/blob/abc123/README.md#rule-excerpt-ambiguous"
    assert "prefix" in rule["help"]["text"]


def test_every_rule_says_how_to_fix_it_and_has_its_anchor_in_readme() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for rule in RULES.values():
        assert rule.help, f"{rule.id} has no help"
        assert f'<a id="{rule.anchor}"></a>' in readme, rule.id
        assert isinstance(rule.severity, Severity)
