"""`factsheet validate --stdin-name facts/x.yml -`: an editor's unsaved buffer, checked as that file.

Through the real CLI: standard input stands in for the named sheet, everything else is read
from disk, and every finding names the file the buffer stands for.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.loading import MAX_YAML_BYTES
from tests.conftest import REPO, run_cli, write_source, write_yaml

TEXT = "The bridge opened in 2021 and cost 464,000 euros, more than planned.\n"
GOOD = """\
title: Bridge
facts:
  - id: cost
    claim: The bridge cost 464,000 euros.
    money: {value: 464000, currency: EUR}
    sources:
      - source: alpha
        excerpt: "cost 464,000 euros"
"""
WRONG_EXCERPT = GOOD.replace('excerpt: "cost 464,000 euros"', 'excerpt: "cost 465,000 euros"')


@pytest.fixture
def repo(workspace: Path) -> Path:
    write_source(workspace, "alpha", TEXT)
    write_yaml(workspace, "facts/bridge.yml", GOOD)
    return workspace


def validate(root: Path, stdin: str, *args: str, name: str = "facts/bridge.yml",
             cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    # With the cache on: it knows the files on disk, so a buffer must never be answered from it.
    return run_cli("validate", "--root", str(root), "--stdin-name", name, *args, "-", input=stdin, cwd=cwd)


def test_stdin_stands_in_for_the_file_on_disk(repo: Path) -> None:
    proc = validate(repo, WRONG_EXCERPT, "--format", "json")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    [f] = [f for f in json.loads(proc.stdout)["findings"] if f["severity"] == "error"]
    assert (f["path"], f["line"], f["column"], f["rule"]) == ("facts/bridge.yml", 8, 18, "excerpt-not-found")
    # The file on disk was neither read for this nor changed: alone it is still clean.
    assert (repo / "facts/bridge.yml").read_text(encoding="utf-8") == GOOD
    assert run_cli("validate", "--root", str(repo), "--no-cache").returncode == 0


def test_a_fixed_buffer_passes_while_the_saved_file_is_still_wrong(repo: Path) -> None:
    write_yaml(repo, "facts/bridge.yml", WRONG_EXCERPT)
    assert run_cli("validate", "--root", str(repo)).returncode == 1  # and the cache holds that result
    proc = validate(repo, GOOD)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 facts, 1 verified" in proc.stdout


def test_an_unsaved_sheet_is_checked_against_the_sources_on_disk(repo: Path) -> None:
    proc = validate(repo, GOOD.replace("title: Bridge", "title: Bridge\ndate: 2005"), name="facts/new-sheet.yml")
    assert proc.returncode == 1
    assert 'facts/new-sheet.yml:2:7: [error] date: 2005 is a number to YAML' in proc.stdout
    assert "(invalid-date)" in proc.stdout
    assert not (repo / "facts/new-sheet.yml").exists()


def test_only_the_buffer_is_reported_on(repo: Path) -> None:
    write_yaml(repo, "facts/other.yml", "title: Other\nfacts: [{id: x}]\n")  # broken, but not this file
    proc = validate(repo, GOOD, "--format", "json")
    assert proc.returncode == 0, proc.stdout
    assert {f["path"] for f in json.loads(proc.stdout)["findings"]} <= {"facts/bridge.yml"}


def test_people_and_speakers_come_from_disk(repo: Path) -> None:
    write_source(repo, "talk", "The minister said: “We will build it.”\n")
    write_yaml(repo, "facts/people.yml", "minister:\n  name: The minister\n  aliases: [minister]\n")
    quote = """\
title: Talk
facts:
  - id: build
    claim: The minister said they would build it.
    quote: {speaker: minister, text: We will build it.}
    sources: [{source: talk, excerpt: "said: “We will build it.”"}]
"""
    assert validate(repo, quote, name="facts/talk.yml").returncode == 0
    unknown = validate(repo, quote.replace("speaker: minister", "speaker: ministre"), name="facts/talk.yml")
    assert unknown.returncode == 1 and "facts/talk.yml:5:" in unknown.stdout
    assert "(unknown-speaker)" in unknown.stdout and "did you mean 'minister'?" in unknown.stdout


def test_the_people_file_itself_can_be_the_buffer(repo: Path) -> None:
    proc = validate(repo, "minister:\n  nmae: The minister\n", name="facts/people.yml")
    assert proc.returncode == 1
    assert "facts/people.yml:2:3: [error] unknown field 'nmae'; did you mean 'name'?" in proc.stdout


@pytest.mark.parametrize("how", ["absolute", "from-inside-facts"])
def test_the_name_may_be_the_path_an_editor_has(repo: Path, how: str) -> None:
    if how == "absolute":
        proc = validate(repo, WRONG_EXCERPT, name=str(repo / "facts/bridge.yml"), cwd=REPO)
    else:
        proc = validate(repo, WRONG_EXCERPT, name="bridge.yml", cwd=repo / "facts")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "facts/bridge.yml:8:18: [error]" in proc.stdout and "(excerpt-not-found)" in proc.stdout


@pytest.mark.parametrize(("args", "words"), [
    (["-"], "--stdin-name"),
    (["--stdin-name", "facts/bridge.yml"], "pass - as a PATH"),
    (["--stdin-name", "facts/bridge.yml", "-", "-"], "pass it once"),
    (["--stdin-name", "content/sources/alpha.yml", "-"], "name a sheet of"),
    (["--stdin-name", "facts/sub/x.yml", "-"], "name a sheet of"),
    (["--stdin-name", "facts/bridge.yaml", "-"], "name a sheet of"),
])
def test_contradictory_arguments_are_a_usage_error(repo: Path, args: list[str], words: str) -> None:
    proc = run_cli("validate", "--root", str(repo), *args, input=GOOD)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert words in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""


def _raw(root: Path, data: bytes) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "generator", "validate", "--root", str(root), "--no-cache",
                           "--format", "json", "--stdin-name", "facts/bridge.yml", "-"],
                          input=data, capture_output=True, env=env, timeout=600)


def test_stdin_is_held_to_the_files_size_limit(repo: Path) -> None:
    proc = _raw(repo, b"title: Bridge\nsummary: " + b"x" * MAX_YAML_BYTES + b"\n")
    assert proc.returncode == 1
    [f] = json.loads(proc.stdout)["findings"]
    assert (f["path"], f["rule"]) == ("facts/bridge.yml", "file-too-large")


def test_bytes_from_stdin_are_decoded_as_a_file_is(repo: Path) -> None:
    bad = GOOD.encode("utf-8").replace(b"Bridge", b"Br\xffdge")
    from_stdin = _raw(repo, bad)
    (repo / "facts/bridge.yml").write_bytes(bad)
    from_disk = run_cli("validate", "--root", str(repo), "--no-cache", "--format", "json")
    assert from_stdin.returncode == from_disk.returncode == 1
    assert json.loads(from_stdin.stdout)["findings"] == json.loads(from_disk.stdout)["findings"]
