"""Confined reading: the bytes of a repository's input files, and nothing else.

Only files found by listing ``content/sources/`` and ``facts/`` are opened;
ids written in YAML are looked up in what was found, never joined into paths.
A symlink is followed only while it stays in the folder it was listed in, and
every read is bounded. A file that cannot be read becomes a finding, never an
exception, so the rest of the repository still loads.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from generator.findings import Finding
from generator.rules import finding

SOURCES_DIR = "content/sources"
FACTS_DIR = "facts"
PEOPLE_FILE = "facts/people.yml"
PUBLISHED_IDS_FILE = "facts/published-ids.txt"
MAX_YAML_BYTES = 4 * 1024 * 1024
MAX_SOURCE_BYTES = 16 * 1024 * 1024


def list_files(root: Path, rel: str, suffix: str, only: Collection[str] | None = None) -> list[Path]:
    """The folder's files ending in ``suffix``, by name; with ``only``, just those stems (looked
    up, not listed: the cache loads a few files of a large folder)."""
    folder = root / rel
    if not folder.is_dir():
        return []
    if only is not None:
        named = (folder / f"{stem}{suffix}" for stem in only)
        return sorted((p for p in named if os.path.lexists(p)), key=lambda p: p.name)
    # By name (one folder): comparing Path objects costs far more than comparing their names.
    return sorted((p for p in folder.iterdir() if p.name.endswith(suffix) and not p.name.startswith(".")),
                  key=lambda p: p.name)


@lru_cache(maxsize=64)
def _real_dir(folder: Path) -> Path:
    # Cleared at every load (forget_real_dirs): a folder's real path is looked up once per load,
    # not once per file.
    return folder.resolve()


def forget_real_dirs() -> None:
    """Start a load afresh: folders may have been moved or relinked since the last one."""
    _real_dir.cache_clear()
    _folder.cache_clear()


def _real_path(path: Path) -> tuple[Path, os.stat_result | None]:
    """``path.resolve(strict=True)``, and its stat when it is a regular file and not a link.

    A regular file that is not a symlink is its folder's real path plus its name;
    resolving every path component of every file (thousands) cost more than reading them.
    """
    st = os.lstat(path)
    if stat.S_ISREG(st.st_mode):
        return _real_dir(path.parent) / path.name, st
    return path.resolve(strict=True), None


def too_large(rel: str, limit: int, size: int | None = None) -> Finding:
    said = f"{size} bytes is over" if size is not None else "over"
    return finding(rel, (1, 1), "file-too-large", f"{said} the limit of {limit} bytes for this kind of file")


def read_confined(root: Path, path: Path, limit: int, findings: list[Finding]) -> bytes | None:
    """The bytes of one listed file, if it really lives in its folder and is small enough;
    otherwise None, and a finding saying why.

    Symlinks are followed only when they stay inside the folder they were listed
    in: a contributor's link to /etc/passwd or to ../.git/config is never opened.
    """
    listed = _listed_as(root, path.parent)
    rel = path.name if listed == "." else f"{listed}/{path.name}"
    try:
        where = _folder(root, path.parent)
        link = os.lstat(path)
        if stat.S_ISREG(link.st_mode) and where.real_inside:
            # A regular file (no link) is its folder's real path plus its name: the folder, looked up
            # once per load, decides; Path arithmetic per file cost more than reading the file.
            real = where.real / path.name
            return _read(real, rel, limit, link.st_size, findings)
        real, st = _real_path(path)
        if not real.is_relative_to(where.confined_to):
            findings.append(finding(rel, (1, 1), "file-outside-root",
                                    f"this file links outside {listed}/; "
                                    "it is not read: replace the link with the file itself"))
            return None
        if st is None and not real.is_file():
            findings.append(finding(rel, (1, 1), "file-unreadable", "not a regular file (a folder, device or pipe)"))
            return None
        return _read(real, rel, limit, st.st_size if st is not None else real.stat().st_size, findings)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop on older Pythons
        _unreadable(rel, exc, findings)
        return None


def _read(real: Path, rel: str, limit: int, size: int, findings: list[Finding]) -> bytes | None:
    try:
        if size > limit:
            findings.append(too_large(rel, limit, size))
            return None
        with open(real, "rb") as fh:
            # Read at most one byte past the limit: a file that grows after stat() is still bounded.
            data = fh.read(limit + 1)
        if len(data) > limit:
            findings.append(too_large(rel, limit))
            return None
        return data
    except OSError as exc:
        _unreadable(rel, exc, findings)
        return None


def _unreadable(rel: str, exc: BaseException, findings: list[Finding]) -> None:
    findings.append(finding(rel, (1, 1), "file-unreadable",
                            f"cannot read the file: {getattr(exc, 'strerror', None) or exc}"))


@lru_cache(maxsize=64)
def _listed_as(root: Path, folder: Path) -> str:
    return folder.relative_to(root).as_posix()  # "content/sources"


@dataclass(frozen=True)
class _Folder:
    real: Path  # its real path
    confined_to: Path  # where its files must really live: the root's real path and the folder as listed
    real_inside: bool  # whether a regular file in it (real / name) lives there


@lru_cache(maxsize=64)
def _folder(root: Path, folder: Path) -> _Folder:
    # Cleared with the real paths at every load (forget_real_dirs).
    confined_to = _real_dir(root) / folder.relative_to(root)
    real = _real_dir(folder)
    # real / name lies in confined_to for every name exactly when real itself does, or when
    # real / name *is* confined_to (a folder listed under its own name): the last case is left to
    # the full check per file.
    inside = real.is_relative_to(confined_to)
    return _Folder(real, confined_to, inside)


def read_stream(stream: BinaryIO, limit: int = MAX_YAML_BYTES) -> bytes:
    """A stream's bytes (stdin), at most one past ``limit``: enough for :func:`read_given` to refuse
    it as a file that is too large, never the whole of an endless stream."""
    data = b""
    while len(data) <= limit:
        chunk = stream.read(limit + 1 - len(data))
        if not chunk:
            break
        data += chunk
    return data


def read_given(rel: str, data: bytes, limit: int, findings: list[Finding]) -> bytes | None:
    """Bytes given in place of the file ``rel`` (stdin), held to the file's size limit."""
    if len(data) > limit:
        findings.append(too_large(rel, limit))
        return None
    return data
