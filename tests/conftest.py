"""Shared fixtures: temporary workspaces and running the real CLI."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"


def write_source(root: Path, sid: str, text: str | bytes, **meta: object) -> Path:
    folder = root / "content" / "sources"
    folder.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    (folder / f"{sid}.txt").write_bytes(data)
    lines = [f"title: {meta.pop('title', sid)!r}", f"sha256: {hashlib.sha256(data).hexdigest()}"]
    lines += [f"{k}: {v!r}" for k, v in meta.items()]
    (folder / f"{sid}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / f"{sid}.txt"


def write_yaml(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def write_quote_fact(root: Path, text: str, people: str, speaker: str, words: str, *,
                     excerpt: str | None = None, published: str = "2024-01-01", claim: str = "They said so.") -> None:
    """A workspace of one source, its people and one sheet with one quote fact citing ``excerpt``
    (the quoted ``words`` by default): the shape every speaker test needs."""
    write_source(root, "record", text, published=published)
    write_yaml(root, "facts/people.yml", people)
    write_yaml(root, "facts/quotes.yml", f"""
        title: Quotes
        facts:
          - id: words
            claim: {claim!r}
            quote: {{speaker: {speaker}, text: {words!r}}}
            sources:
              - source: record
                excerpt: {(excerpt or words)!r}
        """)


def write_one_fact(root: Path, text: str, claim: str, value: str, excerpt: str, *,
                   published: str = "2024-01-01") -> None:
    """A workspace of one source and one sheet with one fact: ``value`` is its typed value as YAML
    (``"figure: {value: 1.4, unit: percent}"``, or ``""`` for none)."""
    write_source(root, "source", text, published=published)
    write_yaml(root, "facts/sheet.yml", f"""
        title: Sheet
        facts:
          - id: fact
            claim: {claim!r}
            {value}
            sources:
              - source: source
                excerpt: {excerpt!r}
        """)


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            input: str | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, input=input, timeout=600)


@pytest.fixture(autouse=True)
def _fresh_matcher_answers():
    """Tests that change a grammar's data in place (monkeypatch) must not leave answers read with it:
    the matchers remember answers per text (generator/matchers/memo.py)."""
    yield
    from generator.matchers import memo

    memo.forget()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "facts").mkdir()
    (tmp_path / "content" / "sources").mkdir(parents=True)
    return tmp_path


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A copy of this repository's content, facts and config, to change freely."""
    dest = tmp_path / "repo"
    dest.mkdir()
    for name in ("content", "facts", "site_templates", "schema", "mkdocs.yml"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.is_file():
            shutil.copy2(src, dest / name)
    return dest
