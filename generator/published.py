"""The published-ids ledger: every fact id the site has published, so a fact's URL never breaks silently.

``facts/published-ids.txt`` records every global fact id (``sheet-id/fact-id``)
the site has published, one per line; `factsheet ids` adds the new ones
(:func:`record_published`) and nothing ever removes one. When a recorded id is
no longer a fact, a sheet's ``redirects:`` must say where it went (checked by
``generator.validation.redirects``).
"""

from __future__ import annotations

import re

from generator.authoring import replace_file
from generator.loading import PUBLISHED_IDS_FILE, Workspace
from generator.model import SLUG_PATTERN

PUBLISHED_IDS = PUBLISHED_IDS_FILE
HEADER = (
    "# Every fact id the site has published (sheet-id/fact-id), one per line, sorted.\n"
    "# `factsheet ids` adds new ids. Never delete a line: when a fact is renamed, moved or\n"
    "# removed, add a `redirects:` entry to a sheet so its old URL still leads somewhere.\n"
)
_SLUG = SLUG_PATTERN.strip("^$")
GLOBAL_ID = re.compile(rf"^{_SLUG}/{_SLUG}$")


def current_ids(ws: Workspace) -> set[str]:
    return {f"{sid}/{fact.id}" for sid, sf in ws.sheets.items() for fact in sf.sheet.facts}


def read_published(ws: Workspace) -> list[tuple[int, str]]:
    """(line, id) for each id recorded in facts/published-ids.txt (none when the file does not exist)."""
    # Read by the loader, confined to facts/ like every input: a symlink to /etc/passwd here
    # must not print the file's lines into CI logs as findings.
    if ws.published_ids is None:
        return []
    out = []
    for n, line in enumerate(ws.published_ids.splitlines(), 1):
        entry = line.strip()
        if entry and not entry.startswith("#"):
            out.append((n, entry))
    return out


def record_published(ws: Workspace) -> list[str]:
    """Add every current fact id to facts/published-ids.txt; returns the ids added (the file is
    rewritten only when there are some). Call after a successful build."""
    recorded = {gid for _, gid in read_published(ws) if GLOBAL_ID.match(gid)}
    added = sorted(current_ids(ws) - recorded)
    if added:
        text = HEADER + "".join(f"{gid}\n" for gid in sorted(recorded | set(added)))
        path = ws.root / PUBLISHED_IDS
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, text.encode("utf-8"))
    return added
