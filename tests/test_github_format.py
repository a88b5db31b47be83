"""`validate --format github`: workflow-command escaping, the per-step annotation cap, the job summary."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.findings import Finding, Severity
from generator.reports import (
    ANNOTATIONS_PER_LEVEL,
    escape_data,
    escape_property,
    format_github,
    github_annotation,
    step_summary,
)
from generator.validation.results import Report
from tests.conftest import run_cli, write_source, write_yaml


def _unescape(text: str) -> str:
    # The runner's decoding (actions/toolkit command.ts): %0D, %0A, %3A, %2C, then %25 last.
    for code, ch in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, ch)
    return text


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    """Split a workflow command the way the runner does: `::cmd k=v,k=v::data`."""
    m = re.fullmatch(r"::(\w+)(?: ([^:]*))?::(.*)", line)
    assert m, line
    props = {}
    for part in (m[2] or "").split(","):
        key, _, value = part.partition("=")
        props[key] = _unescape(value)
    return m[1], props, _unescape(m[3])


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text(), st.sampled_from(list(Severity)))
def test_annotation_round_trips_through_the_runner_parser(path: str, message: str, severity: Severity) -> None:
    f = Finding(path, 3, 7, severity, "excerpt-not-found", message, None)
    line = github_annotation(f)
    assert "\n" not in line and "\r" not in line
    command, props, data = _parse(line)
    assert command == {"error": "error", "warning": "warning", "info": "notice"}[severity.value]
    assert props == {"file": path, "line": "3", "col": "7", "title": "excerpt-not-found"}
    assert data == message


def test_escaping_rules_by_hand() -> None:
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_data("a:b,c") == "a:b,c"  # data keeps ':' and ','
    assert escape_property("facts/a,b:c%.yml") == "facts/a%2Cb%3Ac%25.yml"
    assert escape_property("%3A") == "%253A"  # an escape already in the text is not decoded later


def _findings(n: int, severity: Severity) -> list[Finding]:
    return [Finding(f"facts/s{i:02d}.yml", i + 1, 1, severity, "excerpt-not-found", f"problem {i}", None)
            for i in range(n)]


def test_at_most_ten_annotations_per_level_but_every_finding_in_the_log(monkeypatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    findings = _findings(14, Severity.ERROR) + _findings(3, Severity.WARNING) + _findings(12, Severity.INFO)
    out = format_github(Report(findings, []), token="t0k3n").splitlines()
    annotations = [line for line in out if re.match(r"::(error|warning|notice) ", line)]
    levels = [a.split(" ")[0] for a in annotations]
    assert levels.count("::error") == ANNOTATIONS_PER_LEVEL == 10
    assert levels.count("::warning") == 3 and levels.count("::notice") == 10
    start, end = out.index("::stop-commands::t0k3n"), out.index("::t0k3n::")
    assert out[start - 1] == "::group::All 29 finding(s)" and out[end + 1] == "::endgroup::"
    assert out[start + 1:end] == [f.format_text() for f in findings]
    assert "6 finding(s) beyond the first 10 of each level are not annotated" in "\n".join(out)


def test_quoted_text_cannot_inject_commands_into_the_log(monkeypatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    evil = Finding("facts/a.yml", 1, 1, Severity.ERROR, "excerpt-not-found",
                   'closest passage: "x\n::add-mask::secret\n::endgroup::"', None)
    out = format_github(Report([evil], [])).splitlines()
    token = next(line for line in out if line.startswith("::stop-commands::")).split("::")[2]
    assert len(token) == 32
    inside = out[out.index(f"::stop-commands::{token}") + 1:out.index(f"::{token}::")]
    assert "::add-mask::secret" in inside  # printed, but only while commands are stopped
    assert [line for line in out if line.startswith("::add-mask")] == ["::add-mask::secret"]
    assert out.index("::add-mask::secret") > out.index(f"::stop-commands::{token}")


def test_step_summary_table_escapes_markdown_and_caps_rows() -> None:
    f = Finding("facts/a|b.yml", 2, 5, Severity.ERROR, "excerpt-not-found",
                "excerpt `x` | <b>bold</b> *y*\nnext line", None)
    text = step_summary(Report([f] * 5, []), max_rows=3)
    rows = [line for line in text.splitlines() if line.startswith("| error")]
    assert len(rows) == 3
    assert rows[0] == ("| error | <code>facts/a&#124;b.yml:2:5</code> | <code>excerpt-not-found</code> | "
                       "excerpt \\`x\\` \\| &lt;b&gt;bold&lt;/b&gt; \\*y\\* next line |")
    assert rows[0].count(" | ") == 3 + 0  # exactly four cells: the pipes inside are escaped
    assert "… and 2 more: see the step's log." in text
    assert text.startswith("## ❌ factsheet: 5 error(s)")


def test_validate_writes_annotations_and_the_job_summary(workspace: Path, tmp_path: Path) -> None:
    write_source(workspace, "s", "The talks, it said, would resume in 100% of cases.\n")
    write_yaml(workspace, "facts/talks.yml", """
        title: Talks
        facts:
          - id: resume
            claim: The talks would resume.
            sources:
              - source: s
                excerpt: "the talks would restart"
    """)
    summary = tmp_path / "summary.md"
    r = run_cli("validate", "--format", "github", cwd=workspace, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert r.returncode == 1
    first = r.stdout.splitlines()[0]
    command, props, data = _parse(first)
    assert (command, props["file"], props["line"], props["col"]) == ("error", "facts/talks.yml", "7", "18")
    assert props["title"] == "excerpt-not-found" and "closest passage" in data
    assert "| error | <code>facts/talks.yml:7:18</code> | <code>excerpt-not-found</code> |" in summary.read_text()
