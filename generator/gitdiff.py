"""The lines a pull request changed, from `git diff` against its base branch.

GitHub shows only the first 10 annotations of each level: they should land on
the lines the pull request touched. Git is asked, never required: without it
(or without the base branch fetched) every finding keeps its place in the log.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

ChangedLines = dict[str, set[int]]  # path relative to the root → changed line numbers (new side)

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def parse_diff(text: str) -> ChangedLines:
    """``git diff -U0`` output → the added or changed lines of each file (a file's deleted lines mark
    the line after them, where the change shows)."""
    out: ChangedLines = {}
    current: set[int] | None = None
    for line in text.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = None if name == "/dev/null" else out.setdefault(name.removeprefix("b/"), set())
        elif current is not None and (m := _HUNK.match(line)):
            start, count = int(m[1]), 1 if m[2] is None else int(m[2])
            current.update(range(start, start + count) if count else {max(start, 1)})
    return out


def base_ref(explicit: str | None) -> str | None:
    """``--changed-from REF``, else the pull request's base branch in GitHub Actions."""
    if explicit:
        return explicit
    base = os.environ.get("GITHUB_BASE_REF")
    return f"origin/{base}" if base else None


def changed_lines(root: Path, ref: str) -> tuple[ChangedLines | None, str | None]:
    """The lines changed since the merge base with ``ref`` (committed or not), or None and why not."""
    for args in (["--merge-base", ref], [ref]):  # --merge-base: git >= 2.30
        try:
            proc = subprocess.run(["git", "diff", "--no-color", "--no-ext-diff", "-U0", "--relative", *args, "--"],
                                  cwd=root, capture_output=True, text=True, errors="surrogateescape", timeout=120)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return None, f"git is not available ({exc})"
        if proc.returncode == 0:
            return parse_diff(proc.stdout), None
        reason = (proc.stderr.strip().splitlines() or ["git diff failed"])[-1]
    return None, f"cannot diff against {ref}: {reason}"
