"""Published fact ids and redirects: a fact's URL never breaks silently.

``facts/published-ids.txt`` records every global fact id (``sheet-id/fact-id``)
the site has published, one per line; `factsheet ids` adds the new ones
(:func:`record_published`) and nothing ever removes one. When a recorded id is
no longer a fact, a sheet's ``redirects:`` must say where it went:

    redirects:
      old-fact-id: new-sheet/new-fact-id        # an id that was in this sheet
      gone-sheet/old-fact: this-sheet/new-fact  # an id from a sheet that no longer exists

The validator reports a recorded id that is gone without a redirect
(``redirect-missing``) and redirects that cannot work (``redirect-invalid``);
the site builder emits a page for every entry of :func:`redirect_pages`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from generator.authoring import replace_file
from generator.findings import Finding, did_you_mean
from generator.loading import FACTS_DIR, SheetFile, Workspace
from generator.model import SLUG_PATTERN
from generator.rules import finding

PUBLISHED_IDS = f"{FACTS_DIR}/published-ids.txt"
HEADER = (
    "# Every fact id the site has published (sheet-id/fact-id), one per line, sorted.\n"
    "# `factsheet ids` adds new ids. Never delete a line: when a fact is renamed, moved or\n"
    "# removed, add a `redirects:` entry to a sheet so its old URL still leads somewhere.\n"
)
_SLUG = SLUG_PATTERN.strip("^$")
_GLOBAL_ID = re.compile(rf"^{_SLUG}/{_SLUG}$")


@dataclass(frozen=True, slots=True)
class Redirect:
    old: str  # global id that is gone
    target: str  # global id as written (resolved against the sheet when it has no '/')
    sheet: SheetFile
    key: str  # as written in the sheet


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
    recorded = {gid for _, gid in read_published(ws) if _GLOBAL_ID.match(gid)}
    added = sorted(current_ids(ws) - recorded)
    if added:
        text = HEADER + "".join(f"{gid}\n" for gid in sorted(recorded | set(added)))
        path = ws.root / PUBLISHED_IDS
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, text.encode("utf-8"))
    return added


def _declared(ws: Workspace) -> list[Redirect]:
    out = []
    for sid, sf in sorted(ws.sheets.items()):
        for key, target in sf.sheet.redirects.items():
            old = key if "/" in key else f"{sid}/{key}"
            new = target if "/" in target else f"{sid}/{target}"
            out.append(Redirect(old, new, sf, key))
    return out


def _resolve(ws: Workspace) -> tuple[dict[str, str], list[Finding]]:
    """Old id → the current id it ends at, following chains; and the findings of what cannot work."""
    live = current_ids(ws)
    findings: list[Finding] = []
    edges: dict[str, Redirect] = {}
    for r in _declared(ws):
        key_pos = r.sheet.doc.key_pos(("redirects", r.key))
        value_pos = r.sheet.doc.pos(("redirects", r.key))
        if not _GLOBAL_ID.match(r.old):
            findings.append(finding(r.sheet.path, key_pos, "redirect-invalid",
                                     f"redirect '{r.key}': write the old fact id, or sheet-id/fact-id", None))
        elif not _GLOBAL_ID.match(r.target):
            findings.append(finding(r.sheet.path, value_pos, "redirect-invalid",
                                     f"redirect '{r.key}' → '{r.target}': write the new id as sheet-id/fact-id",
                                     r.old))
        elif r.old in live:
            findings.append(finding(r.sheet.path, key_pos, "redirect-invalid",
                                     f"redirect '{r.key}': '{r.old}' is still a fact, so its page is not gone; "
                                     "remove the redirect (or the fact)", r.old))
        elif r.old in edges:
            first = edges[r.old]
            findings.append(finding(r.sheet.path, key_pos, "redirect-invalid",
                                     f"'{r.old}' is already redirected in {first.sheet.path} to '{first.target}'",
                                     r.old))
        else:
            edges[r.old] = r
    resolved: dict[str, str] = {}
    for old, r in edges.items():
        seen, at = [old], r.target
        while at in edges and at not in seen:
            seen.append(at)
            at = edges[at].target
        value_pos = r.sheet.doc.pos(("redirects", r.key))
        if at in live:
            resolved[old] = at
        elif at in seen:
            findings.append(finding(r.sheet.path, value_pos, "redirect-invalid",
                                     f"redirects loop: {' → '.join([*seen, at])}", old))
        else:
            findings.append(finding(r.sheet.path, value_pos, "redirect-invalid",
                                     f"redirect '{r.key}' → '{r.target}': '{at}' is not a fact"
                                     f"{did_you_mean(at, sorted(live))}", old))
    return resolved, findings


def redirect_map(ws: Workspace) -> dict[str, str]:
    """Every redirected old global id → the current global id it leads to (only redirects that work)."""
    return _resolve(ws)[0]


def check_redirects(ws: Workspace) -> list[Finding]:
    """The validator's hook: redirects that cannot work, and published ids that are gone without one."""
    resolved, findings = _resolve(ws)
    live = current_ids(ws)
    for line, gid in read_published(ws):
        if not _GLOBAL_ID.match(gid):
            findings.append(finding(PUBLISHED_IDS, (line, 1), "redirect-invalid",
                                    f"'{gid}' is not a fact id: write sheet-id/fact-id"))
            continue
        if gid in live or gid in resolved:
            continue
        sheet_id, fact_id = gid.split("/")
        if sheet_id not in ws.sheets and (ws.root / FACTS_DIR / f"{sheet_id}.yml").exists():
            continue  # the sheet is there but did not load: its own findings say why
        hint = did_you_mean(gid, sorted(live))
        advice = (f"was published and is gone, so its URL would break: add a redirect to the fact that "
                  f"replaces it{hint} (if it was never published, delete its line in {PUBLISHED_IDS})")
        sf = ws.sheets.get(sheet_id)
        if sf is not None:
            # The sheet that lost the fact: at its redirects, where the fix goes, else at `facts:`.
            pos = sf.doc.key_pos(("redirects",)) if sf.sheet.redirects else sf.doc.key_pos(("facts",))
            findings.append(finding(sf.path, pos, "redirect-missing",
                                     f"fact '{fact_id}' {advice}: `redirects: {{{fact_id}: sheet-id/fact-id}}`",
                                     gid))
        else:
            findings.append(finding(PUBLISHED_IDS, (line, 1), "redirect-missing",
                                    f"'{gid}' {advice}: in the sheet that replaces it, "
                                    f"`redirects: {{{gid}: sheet-id/fact-id}}`", gid))
    return findings


def default_url(sheet_id: str, fact_id: str | None) -> str:
    """A sheet page ``<sheet>/``, and a fact as the anchor ``<sheet>/#<fact>`` on it."""
    return f"{sheet_id}/" if fact_id is None else f"{sheet_id}/#{fact_id}"


def redirect_pages(ws: Workspace,
                   url_for: Callable[[str, str | None], str] = default_url) -> dict[str, str]:
    """Old URL → new URL for the site builder: one entry per redirected fact, plus the page of every
    sheet that is gone, which leads to the sheet most of its redirected facts went to.

    ``url_for(sheet_id, fact_id)`` gives a fact's URL, or a sheet's page when ``fact_id`` is None.
    """
    pages: dict[str, str] = {}
    gone_sheets: dict[str, Counter[str]] = {}
    for old, new in sorted(redirect_map(ws).items()):
        old_sheet, old_fact = old.split("/")
        new_sheet, new_fact = new.split("/")
        pages[url_for(old_sheet, old_fact)] = url_for(new_sheet, new_fact)
        if old_sheet not in ws.sheets:
            gone_sheets.setdefault(old_sheet, Counter())[new_sheet] += 1
    for old_sheet, targets in sorted(gone_sheets.items()):
        best = sorted(targets.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        pages[url_for(old_sheet, None)] = url_for(best, None)
    return pages
