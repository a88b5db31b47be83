"""Confinement and integrity: no file outside content/sources/ and facts/ is opened for input,
and no command but the editing ones changes facts or source texts.

The proof of "never opened" uses CPython's audit hooks: every ``open`` (builtins,
io, os.open, Path.read_bytes) and every directory listing raises an audit event,
so the test sees each file the loader touches, however it opens it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import os
import shutil
import sys
from contextlib import contextmanager, redirect_stdout
from pathlib import Path
from typing import Iterator

import pytest

from conftest import REPO, run_cli, write_source, write_yaml
from generator.cli import main
from generator.loading import load_workspace
from generator.validation import validate

_RECORDING: list[list[tuple[str, str]]] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _RECORDING and event in ("open", "os.listdir", "os.scandir"):
        target = args[0]
        if isinstance(target, (str, bytes, os.PathLike)):
            _RECORDING[-1].append((event, os.fsdecode(target)))


sys.addaudithook(_audit)  # hooks cannot be removed: this one records only inside `recording()`


@contextmanager
def recording() -> Iterator[list[tuple[str, str]]]:
    events: list[tuple[str, str]] = []
    _RECORDING.append(events)
    try:
        yield events
    finally:
        _RECORDING.pop()


def hostile_workspace(root: Path) -> tuple[Path, Path]:
    """Ids that are paths, symlinks out of the repo and out of their folder; returns the secrets."""
    outside = root.parent / "outside-secret.txt"
    outside.write_text("root:x:0:0:secret\n")
    inside = root / "secret.yml"
    inside.write_text("title: not a sheet\n")
    write_source(root, "alpha", "The bridge opened in 2021.\n")
    write_yaml(root, "facts/people.yml", "jane-doe:\n  name: Jane Doe\n")
    write_yaml(root, "facts/paths.yml", """\
        title: Paths as ids
        facts:
          - id: dotdot
            claim: x
            sources: [{source: ../../etc/passwd, excerpt: root}]
          - id: absolute
            claim: x
            sources: [{source: /etc/passwd, excerpt: root}]
          - id: sidecar-path
            claim: x
            sources: [{source: ../content/sources/alpha.yml, excerpt: title}]
          - id: speaker-path
            claim: x
            quote: {speaker: ../../etc/shadow, text: root}
            sources: [{source: alpha, excerpt: bridge}]
          - id: slug-but-unknown
            claim: x
            sources: [{source: etc-passwd, excerpt: root}]
          - id: fine
            claim: The bridge opened in 2021.
            sources: [{source: alpha, excerpt: The bridge opened in 2021.}]
        """)
    os.symlink("/etc/passwd", root / "facts/passwd.yml")
    os.symlink(outside, root / "content/sources/leak.txt")
    write_yaml(root, "content/sources/leak.yml", "title: leak\nsha256: " + "0" * 64 + "\n")
    os.symlink("../secret.yml", root / "facts/inside.yml")
    os.symlink("../../secret.yml", root / "content/sources/inner.yml")
    os.symlink(outside, root / "facts/published-ids.txt")  # its lines would be echoed as findings
    (root / "content/sources/inner.txt").write_text("inner")
    return outside, inside


def allowed(root: Path, path: str) -> bool:
    real = Path(path).resolve()
    folders = [(root / "facts").resolve(), (root / "content" / "sources").resolve()]
    return any(real == f or real.is_relative_to(f) for f in folders)


def test_loader_opens_nothing_outside_facts_and_sources(workspace: Path) -> None:
    outside, inside = hostile_workspace(workspace)
    with recording() as events:
        ws = load_workspace(workspace)
        report = validate(ws)
    opened = [p for e, p in events if e == "open"]
    assert opened, "the audit hook saw no open: the proof would be empty"
    assert [p for p in opened if not allowed(workspace, p)] == []
    assert [p for e, p in events if e != "open" and not allowed(workspace, p)] == []
    for secret in (outside, inside, Path("/etc/passwd"), Path("/etc/shadow")):
        assert not any(Path(p).resolve() == secret.resolve() for p in opened), secret
    rules = {(f.path, f.rule) for f in report.findings}
    assert {
        ("facts/paths.yml", "invalid-id"),
        ("facts/paths.yml", "unknown-source"),
        ("facts/passwd.yml", "file-outside-root"),
        ("facts/inside.yml", "file-outside-root"),
        ("content/sources/leak.txt", "file-outside-root"),
        ("content/sources/inner.yml", "file-outside-root"),
        ("facts/published-ids.txt", "file-outside-root"),
    } <= rules
    assert not any("root:x:0:0" in f.message for f in report.findings)
    assert [f.id for f in report.facts] == ["paths/slug-but-unknown", "paths/fine"]


def test_a_linked_folder_is_read_as_where_it_leads(workspace: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The loader decides once per folder for its plain files: a sources folder that is a link
    elsewhere (outside the repository, or elsewhere inside it) has every file refused, never
    opened; the same files in the folder itself load, and a later load sees the folder relinked."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    write_source(elsewhere, "alpha", "The bridge opened in 2021.\n")
    write_source(workspace / "other", "alpha", "The bridge opened in 2021.\n")
    sources = workspace / "content" / "sources"
    sources.rmdir()
    shutil.copytree(workspace / "other" / "content" / "sources", sources)
    ws = load_workspace(workspace)
    assert list(ws.sources) == ["alpha"] and ws.findings == []
    shutil.rmtree(sources)
    for target in (elsewhere / "content" / "sources", workspace / "other" / "content" / "sources"):
        if sources.is_symlink():
            sources.unlink()
        os.symlink(target, sources)
        with recording() as events:
            ws = load_workspace(workspace)
        assert ws.sources == {}
        assert {(f.path, f.rule) for f in ws.findings} >= {("content/sources/alpha.txt", "file-outside-root"),
                                                         ("content/sources/alpha.yml", "file-outside-root")}
        assert not any(Path(p).name.startswith("alpha.") for e, p in events if e == "open"), target


def test_the_cli_opens_nothing_outside_either(workspace: Path) -> None:
    hostile_workspace(workspace)
    cache = workspace / ".factsheet-cache"  # the validation cache: the tool's own folder, not input
    for fmt in ("text", "json", "github", "sarif"):
        out = io.StringIO()
        with recording() as events, redirect_stdout(out):
            code = main(["validate", "--root", str(workspace), "--format", fmt])
        assert code == 1
        outside = [p for _, p in events if not allowed(workspace, p) and not _is_python_internal(p)
                   and not Path(p).resolve().is_relative_to(cache.resolve())]
        assert outside == [], fmt
    findings = json.loads(_run_json(workspace))["findings"]
    assert {"invalid-id", "file-outside-root", "unknown-source"} <= {f["rule"] for f in findings}


def _run_json(root: Path) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        main(["validate", "--root", str(root), "--format", "json"])
    return out.getvalue()


def _is_python_internal(path: str) -> bool:
    # Lazy imports of the standard library or site-packages, not input; and the generator package's
    # own files, which the validation cache hashes for the validator's version.
    own = Path(path).resolve().is_relative_to((REPO / "generator").resolve())
    return own or path.endswith((".py", ".pyc", ".so")) or "/site-packages/" in path or path.startswith(sys.prefix)


# --- integrity: commands that are not editing commands never change facts or sources ---

def tree_hashes(*folders: Path) -> dict[str, str]:
    out = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_symlink():
                out[str(path)] = "link:" + os.readlink(path)
            elif path.is_file():
                out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                out[str(path)] = "dir"
    return out


HAS_RENDERER = importlib.util.find_spec("generator.render") is not None
needs_renderer = pytest.mark.skipif(
    not HAS_RENDERER, reason="generator/render is not merged yet (branch `site`); `git merge main` activates this")

COMMANDS = [
    pytest.param(["validate", "--format", "text"], id="validate-text"),
    pytest.param(["validate", "--format", "json"], id="validate-json"),
    pytest.param(["validate", "--format", "github"], id="validate-github"),
    pytest.param(["validate", "--format", "sarif"], id="validate-sarif"),
    pytest.param(["validate", "--strict", "facts/paths.yml"], id="validate-paths"),
    pytest.param(["schema"], id="schema"),
    pytest.param(["schema", "--check"], id="schema-check"),
    pytest.param(["render", "--out", "{tmp}/md"], id="render", marks=needs_renderer),
    pytest.param(["build", "--site-dir", "{tmp}/site"], id="build", marks=needs_renderer),
]


def clean_workspace(root: Path) -> None:
    """A valid repository the site can be built from."""
    from conftest import REPO

    write_source(root, "alpha", "The bridge opened in 2021.\r\nIt cost a lot.\n")
    write_yaml(root, "facts/people.yml", "jane-doe:\n  name: Jane Doe\n")
    write_yaml(root, "facts/bridge.yml", """\
        title: Bridge
        facts:
          - id: opened
            claim: The bridge opened in 2021.
            sources: [{source: alpha, excerpt: The bridge opened in 2021.}]
        """)
    for name in ("site_templates", "mkdocs.yml"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
        elif (REPO / name).is_file():
            shutil.copy2(REPO / name, root / name)


@pytest.mark.parametrize("kind", ["hostile", "clean"])
@pytest.mark.parametrize("args", COMMANDS)
def test_commands_do_not_modify_facts_or_sources(workspace: Path, args: list[str], kind: str) -> None:
    if kind == "hostile":
        hostile_workspace(workspace)
        write_source(workspace, "crlf", "Line one.\r\nLine two.\r\n")
    else:
        clean_workspace(workspace)
    before = tree_hashes(workspace / "facts", workspace / "content")
    tmp = workspace.parent
    proc = run_cli(args[0], "--root", str(workspace), *[a.format(tmp=tmp) for a in args[1:]], cwd=workspace)
    assert "Traceback" not in proc.stderr
    # `schema` reads no input: its code says whether the schema files were current.
    expected = {0, 1} if args[0] == "schema" else {1 if kind == "hostile" else 0}
    if "facts/paths.yml" in args and kind == "clean":
        expected = {1}  # the clean workspace has no such sheet: file-not-found, never a silent pass
    assert proc.returncode in expected, proc.stdout + proc.stderr
    assert tree_hashes(workspace / "facts", workspace / "content") == before
