"""Folders the commands write into: refused when they are files, and never left half made."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from generator.findings import FactsheetError, Finding
from generator.rules import severity_of


def require_folder(path: Path, option: str) -> None:
    """``path`` may be missing or a folder; a file there is the caller's mistake (exit 2)."""
    if path.exists() and not path.is_dir():
        raise FactsheetError(Finding(str(path), 1, 1, severity_of("output-not-a-folder"), "output-not-a-folder",
                                     f"{option} {path} is a file, not a folder: name a folder (new or "
                                     "written by factsheet before); nothing was written"), exit_code=2)


def _first_missing(path: Path) -> Path | None:
    """The outermost folder of ``path`` that does not exist yet (what making it would create)."""
    missing = None
    for p in [path, *path.parents]:
        if p.exists() or p.is_symlink():
            break
        missing = p
    return missing


@contextmanager
def made_or_removed(path: Path) -> Iterator[Path | None]:
    """Run the body that makes ``path``; if it fails, remove the folders it newly made (no partial tree).

    Yields the outermost folder the body will make (None when ``path`` exists already).
    """
    fresh = _first_missing(path.absolute())
    try:
        yield fresh
    except BaseException:
        if fresh is not None:
            shutil.rmtree(fresh, ignore_errors=True)
        raise
