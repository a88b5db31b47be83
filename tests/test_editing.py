"""new-source, new-sheet and rehash: what editors run to add and correct files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.authoring import yaml_quote, yaml_scalar
from generator.loading import load_workspace
from generator.yamlsafe import load_yaml
from tests.conftest import SEEDS, run_cli, write_source, write_yaml

SEED = sorted(SEEDS.glob("*.txt"))[0]


# --- YAML the commands write ------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text())
def test_yaml_quote_loads_back_to_the_same_text(text: str) -> None:
    assert load_yaml(f"k: {yaml_quote(text)}\n", "t.yml").value == {"k": text}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=30), st.booleans())
def test_yaml_scalar_is_plain_only_when_that_reads_back(text: str, flow: bool) -> None:
    out = yaml_scalar(text, flow=flow)
    doc = f"k: [{out}]\n" if flow else f"k: {out}\n"
    assert load_yaml(doc, "t.yml").value == {"k": [text] if flow else text}


def test_yaml_scalar_quotes_words_yaml_would_read_as_booleans() -> None:
    assert yaml_scalar("yes") == '"yes"'
    assert yaml_scalar("Null") == '"Null"'
    assert yaml_scalar("China and Ukraine") == "China and Ukraine"
    assert yaml_scalar("a, b", flow=True) == '"a, b"'


# --- new-source ---------------------------------------------------------------------------------

def test_new_source_copies_the_text_byte_for_byte_and_writes_a_valid_sidecar(workspace: Path) -> None:
    r = run_cli("new-source", str(SEED), "--id", "xi-macron", "--title", "Day 407: Xi and Macron",
                "--published", "2023-04-06", "--url", "https://example.org/day-407",
                "--author", "Ann Example", "--author", "Bo Example", cwd=workspace)
    assert r.returncode == 0, r.stderr
    text = workspace / "content/sources/xi-macron.txt"
    assert text.read_bytes() == SEED.read_bytes()
    sidecar = (workspace / "content/sources/xi-macron.yml").read_text(encoding="utf-8")
    assert sidecar.startswith("# yaml-language-server: $schema=../../schema/source.schema.json\n")
    ws = load_workspace(workspace)
    assert ws.findings == []
    meta = ws.sources["xi-macron"].meta
    assert meta.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert (meta.title, meta.published, meta.url) == ("Day 407: Xi and Macron", "2023-04-06",
                                                     "https://example.org/day-407")
    assert meta.authors == ["Ann Example", "Bo Example"]


def test_new_source_keeps_crlf_and_bom_untouched(workspace: Path, tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbfFirst line\r\nSecond \xe2\x80\x9cquoted\xe2\x80\x9d line\r\n"
    src = tmp_path / "in.txt"
    src.write_bytes(raw)
    assert run_cli("new-source", str(src), "--id", "crlf", "--title", "T", cwd=workspace).returncode == 0
    assert (workspace / "content/sources/crlf.txt").read_bytes() == raw
    assert load_workspace(workspace).findings == []


def test_new_source_refuses_non_utf8_naming_the_byte_offset(workspace: Path, tmp_path: Path) -> None:
    src = tmp_path / "latin1.txt"
    src.write_bytes("Price: 12 ".encode() + b"\xa3" + b"5\n")
    r = run_cli("new-source", str(src), "--id", "latin", "--title", "T", cwd=workspace)
    assert r.returncode == 1
    assert "byte offset 10" in r.stderr and "file-encoding" in r.stderr
    assert list((workspace / "content/sources").iterdir()) == []


def test_new_source_refuses_to_overwrite(workspace: Path) -> None:
    write_source(workspace, "taken", "old text\n")
    before = (workspace / "content/sources/taken.yml").read_bytes()
    r = run_cli("new-source", str(SEED), "--id", "taken", "--title", "T", cwd=workspace)
    assert r.returncode == 1
    assert "already exists" in r.stderr and "file-exists" in r.stderr
    assert (workspace / "content/sources/taken.txt").read_text() == "old text\n"
    assert (workspace / "content/sources/taken.yml").read_bytes() == before


def test_new_source_refuses_an_orphan_sidecar_name_too(workspace: Path) -> None:
    write_yaml(workspace, "content/sources/half.yml", "title: T\nsha256: " + "0" * 64 + "\n")
    r = run_cli("new-source", str(SEED), "--id", "half", "--title", "T", cwd=workspace)
    assert r.returncode == 1 and "half.yml already exists" in r.stderr
    assert not (workspace / "content/sources/half.txt").exists()


def test_new_source_checks_slug_date_and_url_before_writing(workspace: Path) -> None:
    cases = [
        (["--id", "Bad_Id"], "invalid-id"),
        (["--id", "ok", "--published", "2023-02-30"], "February 2023 has 28 days"),
        (["--id", "ok", "--published", "26 April 2023"], "invalid-date"),
        (["--id", "ok", "--url", "example.org"], "https://"),
    ]
    for extra, expected in cases:
        r = run_cli("new-source", str(SEED), "--title", "T", *extra, cwd=workspace)
        assert r.returncode == 1, (extra, r.stderr)
        assert expected in r.stderr, (extra, r.stderr)
        assert "Traceback" not in r.stderr
    assert list((workspace / "content/sources").iterdir()) == []


def test_new_source_reports_a_missing_file_and_a_wrong_root(workspace: Path, tmp_path: Path) -> None:
    r = run_cli("new-source", "nope.txt", "--id", "x", "--title", "T", cwd=workspace)
    assert r.returncode == 1 and "nope.txt: no such file" in r.stderr
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    r = run_cli("new-source", str(SEED), "--id", "x", "--title", "T", cwd=empty)
    assert r.returncode == 1 and "neither facts/ nor content/sources/" in r.stderr
    assert list(empty.iterdir()) == []


# --- new-sheet ----------------------------------------------------------------------------------

def test_new_sheet_writes_schema_line_metadata_and_no_facts(workspace: Path) -> None:
    r = run_cli("new-sheet", "first-call", "--title", "Xi and Zelensky: the first call",
                "--date", "2023-04-26", "--tags", "china, ukraine,diplomacy", cwd=workspace)
    assert r.returncode == 0, r.stderr
    path = workspace / "facts/first-call.yml"
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schema/sheet.schema.json\n")
    ws = load_workspace(workspace)
    assert ws.findings == []
    sheet = ws.sheets["first-call"].sheet
    assert (sheet.title, sheet.date, sheet.tags, sheet.facts) == (
        "Xi and Zelensky: the first call", "2023-04-26", ["china", "ukraine", "diplomacy"], [])


def test_new_sheet_refuses_overwrite_bad_id_bad_date_and_people(workspace: Path) -> None:
    write_yaml(workspace, "facts/taken.yml", "title: Mine\n")
    for args, expected in [
        (["taken", "--title", "T"], "already exists"),
        (["Not-A-Slug", "--title", "T"], "invalid-id"),
        (["ok", "--title", "T", "--date", "2023-13"], "no month 13"),
        (["people", "--title", "T"], "reserved"),
        (["ok", "--title", ""], "schema-value"),
    ]:
        r = run_cli("new-sheet", *args, cwd=workspace)
        assert r.returncode == 1, (args, r.stderr)
        assert expected in r.stderr, (args, r.stderr)
    assert (workspace / "facts/taken.yml").read_text() == "title: Mine\n"
    assert sorted(p.name for p in (workspace / "facts").iterdir()) == ["taken.yml"]


# --- rehash -------------------------------------------------------------------------------------

SIDECAR = """\
# yaml-language-server: $schema=../../schema/source.schema.json
# Kept by hand: this comment must survive a rehash.
title: "A source"   # the headline
sha256: {sha}  # of the .txt
published: "2023-04-26"
"""


def _corrected_workspace(workspace: Path) -> Path:
    write_source(workspace, "s", "The army said 120 soldiers crossed the river on Monday.\n")
    sha = hashlib.sha256(b"The army said 120 soldiers crossed the river on Monday.\n").hexdigest()
    (workspace / "content/sources/s.yml").write_text(SIDECAR.format(sha=sha), encoding="utf-8")
    write_yaml(workspace, "facts/sheet.yml", """
        title: T
        facts:
          - id: crossing
            claim: Soldiers crossed the river.
            sources:
              - source: s
                excerpt: "soldiers crossed the river"
          - id: when
            claim: It was Monday.
            sources:
              - source: s
                excerpt: "the river on Monday"
    """)
    # The deliberate correction: the text said Monday by mistake.
    (workspace / "content/sources/s.txt").write_text(
        "The army said 120 soldiers crossed the river on Tuesday.\n", encoding="utf-8")
    return workspace


def test_rehash_edits_only_the_hash_and_lists_broken_citations(workspace: Path) -> None:
    _corrected_workspace(workspace)
    before = (workspace / "content/sources/s.yml").read_text(encoding="utf-8")
    r = run_cli("validate", cwd=workspace)
    assert r.returncode == 1 and "source-hash-mismatch" in r.stdout
    r = run_cli("rehash", "s", cwd=workspace)
    assert r.returncode == 1, r.stderr  # one citation broke
    after = (workspace / "content/sources/s.yml").read_text(encoding="utf-8")
    new = hashlib.sha256((workspace / "content/sources/s.txt").read_bytes()).hexdigest()
    old_lines, new_lines = before.splitlines(), after.splitlines()
    changed = [i for i, (a, b) in enumerate(zip(old_lines, new_lines)) if a != b]
    assert len(old_lines) == len(new_lines) and changed == [3]
    assert new_lines[3] == f"sha256: {new}  # of the .txt"
    assert "facts/sheet.yml:12:" in r.stdout and "sheet/when" in r.stdout
    assert "closest passage" in r.stdout and "[-monday] [+tuesday" in r.stdout
    assert "sheet/crossing" not in r.stdout
    assert "1 of 2 citation(s) of s no longer match" in r.stdout
    # Once the excerpt is fixed, validate passes and a second rehash changes nothing.
    sheet = workspace / "facts/sheet.yml"
    sheet.write_text(sheet.read_text().replace("on Monday", "on Tuesday"), encoding="utf-8")
    # The claim still says Monday, which the corrected text no longer does: fixed too.
    r = run_cli("validate", cwd=workspace)
    assert r.returncode == 1 and "claim-not-in-excerpt" in r.stdout
    sheet.write_text(sheet.read_text().replace("It was Monday.", "It was Tuesday."), encoding="utf-8")
    assert run_cli("validate", cwd=workspace).returncode == 0
    r = run_cli("rehash", "s", cwd=workspace)
    assert r.returncode == 0 and "already matches" in r.stdout and "all 2 citation(s)" in r.stdout
    assert (workspace / "content/sources/s.yml").read_text(encoding="utf-8") == after


def test_rehash_handles_a_quoted_hash_and_keeps_crlf(workspace: Path) -> None:
    write_source(workspace, "q", "text\n")
    path = workspace / "content/sources/q.yml"
    path.write_bytes(b"title: Q\r\nsha256: \"" + b"ab" * 32 + b"\"\r\nlanguage: en\r\n")
    r = run_cli("rehash", "q", cwd=workspace)
    assert r.returncode == 0, r.stderr
    sha = hashlib.sha256(b"text\n").hexdigest()
    assert path.read_bytes() == b"title: Q\r\nsha256: \"" + sha.encode() + b"\"\r\nlanguage: en\r\n"


def test_rehash_refuses_unknown_sources_and_non_utf8_corrections(workspace: Path) -> None:
    write_source(workspace, "known", "text\n")
    r = run_cli("rehash", "knwn", cwd=workspace)
    assert r.returncode == 1 and "did you mean 'known'?" in r.stderr
    (workspace / "content/sources/known.txt").write_bytes(b"caf\xe9\n")
    before = (workspace / "content/sources/known.yml").read_bytes()
    r = run_cli("rehash", "known", cwd=workspace)
    assert r.returncode == 1 and "byte offset 3" in r.stderr
    assert (workspace / "content/sources/known.yml").read_bytes() == before


def test_sidecars_written_by_new_source_parse_with_plain_yaml_too(workspace: Path) -> None:
    r = run_cli("new-source", str(SEED), "--id", "p", "--title", 'He said: "no" # not a comment',
                "--publisher", "yes", cwd=workspace)
    assert r.returncode == 0, r.stderr
    data = yaml.safe_load((workspace / "content/sources/p.yml").read_text(encoding="utf-8"))
    assert data["title"] == 'He said: "no" # not a comment' and data["publisher"] == "yes"
