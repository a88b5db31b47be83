"""The `factsheet validate` contract that CI and other tools rely on."""

from __future__ import annotations

import json
import re

from tests.conftest import run_cli, write_source, write_yaml

TEXT = "The talks lasted an hour and a half.\nOfficials inked several deals.\n"
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): \[(?P<sev>error|warning|info)\] .+ \((?P<rule>[a-z0-9-]+)\)$")


def make(ws, excerpt="inked several deals", extra=""):
    write_source(ws, "talks", TEXT, published="2023-04-06")
    write_yaml(ws, "facts/visit.yml", f"""
        title: Visit
        facts:
          - id: deals
            claim: Officials signed deals.
            sources:
              - source: talks
                excerpt: "{excerpt}"
        {extra}""")


def test_valid_exits_0(workspace):
    make(workspace)
    out = run_cli("validate", cwd=workspace)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.strip().endswith("0 error(s), 0 warning(s), 0 note(s)")


def test_error_line_format_and_exit_1(workspace):
    make(workspace, excerpt="inked seven deals")
    out = run_cli("validate", "--root", str(workspace))
    assert out.returncode == 1
    first = out.stdout.splitlines()[0]
    m = LINE.match(first)
    assert m, first
    assert (m["path"], m["line"], m["col"], m["rule"]) == ("facts/visit.yml", "7", "18", "excerpt-not-found")
    assert "closest passage" in first and "[-seven] [+several]" in first


def test_json_shape(workspace):
    make(workspace, excerpt="inked seven deals")
    out = run_cli("validate", "--root", str(workspace), "--format", "json")
    doc = json.loads(out.stdout)
    assert doc["version"] == 1 and doc["valid"] is False
    assert set(doc["stats"]) >= {"facts", "verified", "errors", "warnings"}
    finding = doc["findings"][0]
    assert set(finding) == {"path", "line", "column", "severity", "rule", "message", "fact", "accepted"}
    assert finding["accepted"] is False
    assert finding["fact"] == "visit/deals" and finding["path"] == "facts/visit.yml"
    fact = doc["facts"][0]
    assert fact["id"] == "visit/deals" and fact["verdict"] == "unverified"
    assert fact["citations"][0]["verdict"] == "not-found"


def test_json_is_one_record_per_line(workspace):
    # Two facts, one failing: findings and facts each come one JSON object per line.
    make(workspace, excerpt="inked seven deals", extra="""
          - id: talks
            claim: Talks lasted.
            sources:
              - source: talks
                excerpt: "The talks lasted"
        """)
    out = run_cli("validate", "--root", str(workspace), "--format", "json")
    doc = json.loads(out.stdout)  # the whole output is one valid JSON document
    lines = out.stdout.splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    records = [line.strip().rstrip(",") for line in lines if line.startswith("    ")]
    parsed = [json.loads(r) for r in records]  # every record line is a JSON object on its own
    assert parsed == doc["findings"] + doc["facts"]
    assert [f["id"] for f in doc["facts"]] == ["visit/deals", "visit/talks"]
    top = [line.split(":")[0].strip() for line in lines[1:-1] if line.startswith('  "')]
    assert top == ['"version"', '"valid"', '"stats"', '"findings"', '"facts"']


def test_json_empty_lists_are_valid(workspace):
    make(workspace)
    doc = json.loads(run_cli("validate", "--format", "json", cwd=workspace).stdout)
    assert doc["findings"] == [] and len(doc["facts"]) == 1


def test_supported_citation_has_offsets(workspace):
    make(workspace)
    doc = json.loads(run_cli("validate", "--format", "json", cwd=workspace).stdout)
    cit = doc["facts"][0]["citations"][0]
    assert doc["valid"] is True and cit["verdict"] == "supports"
    assert TEXT[cit["start"]:cit["end"]] == "inked several deals"
    assert cit["line"] == 2


def test_strict_fails_on_warnings(workspace):
    write_source(workspace, "rep", "Peace now. And again: peace now.\n")
    write_yaml(workspace, "facts/s.yml", """
        title: S
        facts:
          - id: a
            claim: Peace.
            sources: [{source: rep, excerpt: peace now}]
        """)
    assert run_cli("validate", cwd=workspace).returncode == 0
    strict = run_cli("validate", "--strict", cwd=workspace)
    assert strict.returncode == 1 and "(excerpt-ambiguous)" in strict.stdout


def test_paths_limit_the_report(workspace):
    make(workspace, excerpt="inked seven deals")
    write_yaml(workspace, "facts/other.yml", """
        title: Other
        facts:
          - id: x
            claim: X.
            sources: [{source: talks, excerpt: nothing like this}]
        """)
    doc = json.loads(run_cli("validate", "--format", "json", "facts/other.yml", cwd=workspace).stdout)
    assert {f["path"] for f in doc["findings"]} == {"facts/other.yml"}


def test_usage_errors_exit_2(workspace):
    assert run_cli("validate", "--format", "xml", cwd=workspace).returncode == 2
    bad = run_cli("valdate", cwd=workspace)
    assert bad.returncode == 2 and "did you mean 'validate'" in bad.stderr


def test_unknown_ids_suggest(workspace):
    make(workspace)
    write_yaml(workspace, "facts/people.yml", "xi-jinping:\n  name: Xi Jinping\n")
    write_yaml(workspace, "facts/q.yml", """
        title: Q
        facts:
          - id: q
            claim: Q.
            sources: [{source: tlaks, excerpt: x}]
        """)
    out = run_cli("validate", cwd=workspace)
    assert "source 'tlaks' does not exist in content/sources/; did you mean 'talks'?" in out.stdout
    assert "(unknown-source)" in out.stdout


def test_a_long_excerpt_with_one_changed_word_is_explained(workspace):
    words = [f"w{i}" for i in range(3000)]
    write_source(workspace, "long", " ".join(words) + "\n")
    typed = words[:1500] + ["zebra"] + words[1501:2800]
    write_yaml(workspace, "facts/l.yml", f"""
        title: L
        facts:
          - id: a
            claim: A.
            sources: [{{source: long, excerpt: "{' '.join(typed)}"}}]
        """)
    doc = json.loads(run_cli("validate", "--format", "json", cwd=workspace).stdout)
    message = doc["findings"][0]["message"]
    assert "closest passage (99% similar) at line 1" in message
    assert "[-zebra] [+w1500]" in message
