"""Never silent, never a traceback: missing paths, ignored files, a hostile environment, huge numbers.

Through the real CLI: the exit code, the rule id and the position a user meets.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli, write_source, write_yaml
from tests.sitekit import site_workspace

TEXT = "The city counted 1234567890123456789012345678901234567890 grains of sand on the beach.\n"


def one_sheet(root: Path, value: str = "5") -> Path:
    write_source(root, "alpha", TEXT)
    return write_yaml(root, "facts/beach.yml", f"""
        title: Beach
        facts:
          - id: grains
            claim: The city counted the grains.
            figure: {{value: {value}, unit: grains}}
            sources:
              - source: alpha
                excerpt: "counted 1234567890123456789012345678901234567890 grains"
        """)


def findings(proc: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    return json.loads(proc.stdout)["findings"]  # type: ignore[no-any-return]


def one_clean_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr and "please report" not in stderr
    return lines[0]


# --- paths that check nothing ---------------------------------------------------------------------

def test_a_path_that_does_not_exist_is_file_not_found(workspace: Path) -> None:
    one_sheet(workspace)
    proc = run_cli("validate", "--root", str(workspace), "--format", "json", "facts/beech.yml")
    assert proc.returncode == 1
    [missing] = [f for f in findings(proc) if f["rule"] == "file-not-found"]
    assert (missing["path"], missing["line"], missing["column"]) == ("facts/beech.yml", 1, 1)
    assert "did you mean 'facts/beach.yml'" in str(missing["message"])


def test_an_existing_path_is_not_reported_missing(workspace: Path) -> None:
    one_sheet(workspace, value="1234567890123456789012345678901234567890")
    proc = run_cli("validate", "facts/beach.yml", "--format", "json", cwd=workspace)
    assert "file-not-found" not in {f["rule"] for f in findings(proc)}


@pytest.mark.parametrize(("rel", "expected"), [
    ("facts/extra.yaml", "rename it to facts/extra.yml"),
    ("facts/drafts/extra.yml", "move them into facts/ itself"),
    ("content/sources/alpha-notes.yaml", "rename it to content/sources/alpha-notes.yml"),
])
def test_a_sheet_that_would_never_be_read_is_named(workspace: Path, rel: str, expected: str) -> None:
    one_sheet(workspace, value="1234567890123456789012345678901234567890")
    write_yaml(workspace, rel, "title: Extra\nfacts: []\n")
    proc = run_cli("validate", "--root", str(workspace), "--format", "json")
    assert proc.returncode == 1
    ignored = [f for f in findings(proc) if f["rule"] == "file-ignored"]
    assert [(f["path"], f["line"], f["severity"]) for f in ignored] == [(rel, 1, "error")]
    assert expected in str(ignored[0]["message"])


@pytest.mark.parametrize("kind", ["file", "missing"])
def test_a_root_that_is_not_a_folder_has_its_own_rule(tmp_path: Path, kind: str) -> None:
    root = tmp_path / "root"
    if kind == "file":
        root.write_text("not a folder\n")
    proc = run_cli("validate", "--root", str(root))
    assert proc.returncode == 1
    line = one_clean_line(proc.stderr)
    assert line.endswith("(root-invalid)") and "schema-missing-field" not in line
    assert ("is a file" if kind == "file" else "does not exist") in line


# --- numbers beyond exact reading -----------------------------------------------------------------

@pytest.mark.parametrize("value", ["1234567890123456789012345678901234567890", '"1234567890123456789012345678 trillion"',
                                   "1.0e+40"])
def test_a_forty_digit_figure_is_invalid_number_not_a_crash(workspace: Path, value: str) -> None:
    one_sheet(workspace, value=value)
    proc = run_cli("validate", "--root", str(workspace), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    [bad] = findings(proc)
    assert (bad["rule"], bad["path"], bad["line"], bad["column"]) == ("invalid-number", "facts/beach.yml", 5, 21)
    assert "at most 24 significant digits" in str(bad["message"])


def test_a_forty_digit_number_in_the_source_is_read_and_shown_whole(workspace: Path) -> None:
    one_sheet(workspace, value="5")
    proc = run_cli("validate", "--root", str(workspace), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    [bad] = findings(proc)
    assert bad["rule"] == "figure-not-supported"
    assert "1,234,567,890,123,456,789,012,345,678,901,234,567,890" in str(bad["message"])


# --- output that cannot be written ----------------------------------------------------------------

def test_closed_stdout_is_one_line_and_exit_2(workspace: Path) -> None:
    one_sheet(workspace)
    proc = subprocess.run([sys.executable, "-m", "generator", "validate", "--root", str(workspace)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)},
                          preexec_fn=lambda: os.close(1))  # `factsheet validate >&-`
    assert proc.returncode == 2
    assert "standard output is closed" in one_clean_line(proc.stderr)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_a_full_disk_under_stdout_is_one_line_and_exit_2(workspace: Path, fmt: str) -> None:
    one_sheet(workspace)
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "generator", "validate", "--root", str(workspace),
                               "--format", fmt], stdout=full, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == 2
    assert "cannot write the output: No space left on device" in one_clean_line(proc.stderr)


def test_render_out_pointing_at_a_file(workspace: Path) -> None:
    one_sheet(workspace, value="1234567890123456789012345678901234567890")
    target = workspace / "out.txt"
    target.write_text("keep me\n")
    proc = run_cli("render", "--root", str(workspace), "--out", str(target))
    assert proc.returncode == 2
    assert one_clean_line(proc.stderr).endswith("(output-not-a-folder)")
    assert target.read_text() == "keep me\n"


def test_site_dir_that_is_a_file_is_not_file_binary(tmp_path: Path) -> None:
    root = site_workspace(tmp_path / "root")
    target = tmp_path / "site"
    target.write_text("keep me\n")
    proc = run_cli("build", "--root", str(root), "--site-dir", str(target))
    assert proc.returncode == 2
    line = one_clean_line(proc.stderr)
    assert line.endswith("(output-not-a-folder)") and "file-binary" not in line
    assert target.read_text() == "keep me\n"


@pytest.mark.parametrize("command", ["build", "render"])
def test_an_unmakeable_output_folder_is_one_line_and_exit_2(tmp_path: Path, command: str) -> None:
    root = site_workspace(tmp_path / "root")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder would have to be\n")
    flag = "--site-dir" if command == "build" else "--out"
    proc = run_cli(command, "--root", str(root), flag, str(blocker / "deeper" / "site"))
    assert proc.returncode == 2
    line = one_clean_line(proc.stderr)
    assert line.startswith(f"factsheet {command}: {blocker}") and "Not a directory" in line


@pytest.mark.parametrize("command", ["build", "render"])
def test_a_full_disk_while_writing_leaves_no_partial_tree(tmp_path: Path, command: str,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """ENOSPC injected into the file writer: one line, exit 2, and no folder left half made."""
    from generator import cli
    from generator.render import output

    root = site_workspace(tmp_path / "root")
    written = []

    def full_disk(path: Path, data: bytes) -> None:
        if len(written) >= 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real_write(path, data)
        written.append(path)

    real_write = output.write_atomic
    monkeypatch.setattr(output, "write_atomic", full_disk)
    out = tmp_path / "new" / "site"
    flag = "--site-dir" if command == "build" else "--out"
    assert cli.main([command, "--root", str(root), flag, str(out)]) == 2
    line = one_clean_line(capsys.readouterr().err)
    assert line.startswith(f"factsheet {command}: ") and line.endswith("No space left on device")
    assert len(written) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["root"]


def test_the_engines_traceback_is_not_relayed_raw(tmp_path: Path) -> None:
    root = site_workspace(tmp_path / "root")
    hook = tmp_path / "hook.py"
    hook.write_text("def on_config(config):\n    raise ZeroDivisionError('boom in a hook')\n")
    (root / "mkdocs.yml").write_text(f"site_name: x\nhooks:\n  - {hook}\n")
    proc = run_cli("build", "--root", str(root), "--site-dir", str(tmp_path / "site"))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr and 'File "' not in proc.stdout
    assert "the engine failed: ZeroDivisionError: boom in a hook" in proc.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hook.py", "root"]
    debug = run_cli("build", "--root", str(root), "--site-dir", str(tmp_path / "site"),
                    env={"FACTSHEET_DEBUG": "1"})
    assert "Traceback (most recent call last):" in debug.stdout


def test_scratch_folders_of_a_killed_build_are_removed_by_the_next(tmp_path: Path) -> None:
    root = site_workspace(tmp_path / "root")
    killed = tmp_path / ".factsheet-build-killed"
    (killed / "docs").mkdir(parents=True)
    (killed / ".in-use").write_text("")
    unlocked = tmp_path / ".factsheet-build-before-lock"
    unlocked.mkdir()
    old = time.time() - 3600
    os.utime(unlocked, (old, old))
    live = tmp_path / ".factsheet-build-live"
    live.mkdir()
    (live / ".in-use").write_text("")
    with open(live / ".in-use") as held:  # a concurrent build's lock: its folder stays
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        proc = run_cli("build", "--root", str(root), "--site-dir", str(tmp_path / "site"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [".factsheet-build-live", "root", "site"]
    shutil.rmtree(live)


# --- names that are not UTF-8 ---------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_machine_formats_are_valid_utf8_when_a_file_name_is_not(workspace: Path, fmt: str) -> None:
    one_sheet(workspace, value="1234567890123456789012345678901234567890")
    (workspace / "facts" / os.fsdecode(b"caf\xe9.yml")).write_text("title: x\n")
    proc = subprocess.run([sys.executable, "-m", "generator", "validate", "--root", str(workspace), "--format", fmt],
                          capture_output=True, env={**os.environ, "PYTHONPATH": str(REPO), "LC_ALL": "C.UTF-8"})
    assert proc.returncode == 1, proc.stderr
    text = proc.stdout.decode("utf-8")  # raises if any byte is not UTF-8
    assert "caf\ufffd" in text
    if fmt != "github":
        json.loads(text)
