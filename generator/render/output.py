"""Writing a rendered tree to disk: only what changed, each file atomically, stale files removed.

Writing only changed files matters for live preview: the site engine watches
the folder, and rewriting identical pages would trigger endless rebuilds.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


MARKER = ".factsheet-rendered"


class NotRenderedHere(Exception):
    """The output folder holds files that a render did not write: it is not ours to empty."""


def write_tree(out: Path, files: dict[str, bytes]) -> list[str]:
    """Make ``out`` hold exactly ``files``; return the paths written or removed.

    A non-empty folder is only emptied if an earlier render marked it as its own.
    """
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise NotRenderedHere(f"{out} is not empty and was not written by `factsheet render`: "
                              "choose an empty or new folder")
    out.mkdir(parents=True, exist_ok=True)
    files = {**files, MARKER: b"Written by factsheet render; its other files are removed on the next render.\n"}
    changed = []
    for rel, data in sorted(files.items()):
        target = out / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        write_atomic(target, data)
        changed.append(rel)
    for path in sorted(out.rglob("*"), reverse=True):
        rel = path.relative_to(out).as_posix()
        if path.is_file() and rel not in files:
            path.unlink()
            changed.append(rel)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed
