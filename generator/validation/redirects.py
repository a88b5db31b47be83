"""Redirects checked: a published fact id that is gone leads somewhere that works.

A sheet's ``redirects:`` says where a recorded id (see ``generator.published``) went:

    redirects:
      old-fact-id: new-sheet/new-fact-id        # an id that was in this sheet
      gone-sheet/old-fact: this-sheet/new-fact  # an id from a sheet that no longer exists

The validator reports a recorded id that is gone without a redirect
(``redirect-missing``) and redirects that cannot work (``redirect-invalid``);
:func:`redirect_map` gives the redirects that work, for the site's pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.findings import Finding, did_you_mean
from generator.loading import FACTS_DIR, SheetFile, Workspace
from generator.published import GLOBAL_ID, PUBLISHED_IDS, current_ids, read_published
from generator.rules import finding


@dataclass(frozen=True, slots=True)
class Redirect:
    old: str  # global id that is gone
    target: str  # global id as written (resolved against the sheet when it has no '/')
    sheet: SheetFile
    key: str  # as written in the sheet


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
        if not GLOBAL_ID.match(r.old):
            findings.append(finding(r.sheet.path, key_pos, "redirect-invalid",
                                     f"redirect '{r.key}': write the old fact id, or sheet-id/fact-id", None))
        elif not GLOBAL_ID.match(r.target):
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
        if not GLOBAL_ID.match(gid):
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
