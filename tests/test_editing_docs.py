"""CONTRIBUTING.md shows real output: its new-source, new-sheet and cite examples are replayed and compared."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

from tests.conftest import REPO, SEEDS, run_cli

REPLAYED = {"new-source", "new-sheet", "cite"}


def _console_blocks(text: str) -> list[tuple[list[str], str]]:
    out = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        command, _, output = block.partition("\n")
        assert command.startswith("$ factsheet "), command
        out.append((shlex.split(command[2:])[1:], output))
    return out


def test_contributing_examples_are_what_the_commands_print(workspace: Path) -> None:
    doc = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    shutil.copy(SEEDS / "002_4ac66692c8016f07.txt", workspace / "xi-putin.txt")
    replayed = 0
    for argv, shown in _console_blocks(doc):
        if argv[0] not in REPLAYED:
            continue  # validate and rehash examples depend on edits made by hand in between
        if argv[0] == "new-source" and argv[1].startswith("https://"):
            continue  # replayed against a local server in tests/test_import.py
        r = run_cli(*argv, cwd=workspace)
        assert r.returncode == 0, r.stderr
        assert r.stdout == shown, f"factsheet {' '.join(argv)} now prints:\n{r.stdout}"
        replayed += 1
    assert replayed >= 4
    # The sidecar shown is the one written.
    sidecar = (workspace / "content/sources/xi-putin-third-anniversary.yml").read_text(encoding="utf-8")
    assert f"```yaml\n{sidecar}```" in doc


def test_adding_a_fact_ends_by_recording_its_id() -> None:
    """A first pull request must not go red on `ids --check`: "Add a fact" says to run `factsheet ids`."""
    doc = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = doc.split("## Add a fact", 1)[1].split("\n## ", 1)[0]
    commands = [argv for argv, _ in _console_blocks(section)]
    assert ["ids"] in commands
    assert commands.index(["ids"]) > commands.index(["validate"])
    assert "facts/published-ids.txt" in section and "ids --check" in section
