"""Messages in the editor's words: no pydantic or YAML-library wording, and the likely fix.

Through the real CLI: the rule id, the position and the words an editor reads.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import run_cli, write_source, write_yaml

TEXT = "The bridge opened in 2021 and cost 464,000 euros, more than planned.\n"
LIBRARY_WORDS = re.compile(r"Input should|input should|String should|valid string|while scanning|while parsing|"
                           r"could not find expected|cannot start any token|block end|YAML syntax error|"
                           r"mapping values are not allowed|extra_forbidden|literal_error")


def sheet(root: Path, body: str) -> None:
    write_source(root, "alpha", TEXT)
    (root / "facts").mkdir(exist_ok=True)
    (root / "facts/bridge.yml").write_text(body, encoding="utf-8")


def findings(root: Path) -> list[dict[str, object]]:
    proc = run_cli("validate", "--root", str(root), "--format", "json")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = json.loads(proc.stdout)["findings"]
    for f in out:
        assert not LIBRARY_WORDS.search(str(f["message"])), f["message"]
    return out  # type: ignore[no-any-return]


FACT = "title: Bridge\nfacts:\n  - id: cost\n    claim: The bridge cost 464,000 euros.\n"
CITE = "    sources: [{source: alpha, excerpt: \"cost 464,000 euros\"}]\n"


@pytest.mark.parametrize(("body", "line", "col", "words"), [
    ("title: Bridge\nfacts:\n\t- id: cost\n", 3, 1, ("a tab character", "spaces")),
    ("title: Bridge\nsummary: He said: yes\n", 2, 17, ("a second ': '", "in quotes")),
    ("title: Bridge\n  summary: later\n", 2, 10, ("indented deeper", "siblings")),
    ("title: Bridge\nfacts:\n  - id: a\n   claim: b\n", 4, 4, ("indentation",)),
    ("title: 'it's'\n", 1, 12, ("quoted value is followed by more text", "''")),
    ("title: Bridge\ntags: [a, b\n", 3, 1, ("[ ] is not closed",)),
    ("title: Bridge\nthis line\nsummary: y\n", 3, 1, ("neither 'key: value' nor a list item",)),
])
def test_yaml_errors_say_what_to_fix(workspace: Path, body: str, line: int, col: int, words: tuple[str, ...]) -> None:
    sheet(workspace, body)
    [f] = findings(workspace)
    assert (f["rule"], f["line"], f["column"]) == ("yaml-syntax", line, col)
    for w in words:
        assert w in str(f["message"])


def test_an_unquoted_comma_in_a_flow_value_is_explained(workspace: Path) -> None:
    sheet(workspace, FACT + "    figure: {value: 464,000, unit: euros}\n" + CITE)
    [f] = findings(workspace)
    assert (f["rule"], f["line"], f["column"]) == ("schema-unknown-field", 5, 25)
    assert "cut at a comma" in str(f["message"]) and '"464,000"' in str(f["message"])
    assert "unknown field '000'" not in str(f["message"])


def test_a_misspelt_required_field_is_one_error_with_did_you_mean(workspace: Path) -> None:
    sheet(workspace, FACT.replace("claim:", "cliam:") + CITE)
    [f] = findings(workspace)
    assert (f["rule"], f["line"], f["column"]) == ("schema-unknown-field", 4, 5)
    assert "did you mean 'claim'?" in str(f["message"])


def test_a_misspelt_optional_field_still_lists_the_allowed_ones(workspace: Path) -> None:
    sheet(workspace, FACT + "    notes: x\n" + CITE)
    [f] = findings(workspace)
    assert f["rule"] == "schema-unknown-field" and "did you mean 'note'?" in str(f["message"])
    assert "allowed here:" in str(f["message"])


@pytest.mark.parametrize(("word", "meant"), [("over", "more than"), ("nearly", "almost"), ("some", "about"),
                                             ("abut", "about")])
def test_a_qualifier_in_the_sources_words_suggests_the_formats(workspace: Path, word: str, meant: str) -> None:
    sheet(workspace, FACT + f"    figure: {{value: 464000, unit: euros, qualifier: {word}}}\n" + CITE)
    [f] = findings(workspace)
    assert (f["rule"], f["line"]) == ("schema-value", 5)
    assert f"did you mean '{meant}'?" in str(f["message"])


def test_an_unquoted_year_says_to_quote_it(workspace: Path) -> None:
    sheet(workspace, FACT + "    date: 2005\n" + CITE)
    [f] = findings(workspace)
    assert (f["rule"], f["line"], f["column"]) == ("invalid-date", 5, 11)
    assert 'date: "2005"' in str(f["message"])


def test_a_list_where_text_belongs_is_said_plainly(workspace: Path) -> None:
    sheet(workspace, FACT.replace("claim: The bridge cost 464,000 euros.", "claim: [a, b]") + CITE)
    [f] = findings(workspace)
    assert (f["rule"], f["line"], f["column"]) == ("schema-type", 4, 12)
    assert "expected text, got a list" in str(f["message"])


@pytest.mark.parametrize(("given", "words"), [
    ("04/05/2023", ('"2023-05-04" (day first)', '"2023-04-05" (month first)')),
    ("13/05/2023", ('"2023-05-13" (day first)',)),
    ("May 2023", ("YYYY, YYYY-MM or YYYY-MM-DD",)),
])
def test_new_source_says_how_to_write_a_date(workspace: Path, given: str, words: tuple[str, ...]) -> None:
    text = workspace / "in.txt"
    text.write_text("Some text.\n")
    proc = run_cli("new-source", str(text), "--id", "beta", "--title", "T", "--published", given,
                   "--root", str(workspace))
    assert proc.returncode == 1
    assert "(invalid-date)" in proc.stderr and "pattern" not in proc.stderr
    for w in words:
        assert w in proc.stderr
    assert not (workspace / "content/sources/beta.txt").exists()


def test_new_sheet_says_how_to_write_a_date(workspace: Path) -> None:
    proc = run_cli("new-sheet", "visit", "--title", "T", "--date", "04/05/2023", "--root", str(workspace))
    assert proc.returncode == 1
    assert "(invalid-date)" in proc.stderr and '"2023-05-04" (day first)' in proc.stderr


def test_the_example_people_file_with_a_key_typo(repo_copy: Path) -> None:
    people = repo_copy / "facts/people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("\n  name:", "\n  nmae:", 1), encoding="utf-8")
    errors = [f for f in findings(repo_copy) if f["severity"] == "error"]
    assert [(f["rule"], f["path"]) for f in errors] == [("schema-unknown-field", "facts/people.yml")]
    assert "did you mean 'name'?" in str(errors[0]["message"])


def test_a_misspelt_sha256_in_a_sidecar_is_one_error(workspace: Path) -> None:
    """A source sidecar's misspelt sha256 is one error too."""
    write_source(workspace, "alpha", TEXT)
    side = workspace / "content/sources/alpha.yml"
    side.write_text(side.read_text().replace("sha256:", "sha265:"))
    write_yaml(workspace, "facts/bridge.yml", "title: Bridge\n")
    errors = [f for f in findings(workspace) if f["severity"] == "error"]
    assert [(f["rule"], f["line"]) for f in errors] == [("schema-unknown-field", 2)]
    assert "did you mean 'sha256'?" in str(errors[0]["message"])
