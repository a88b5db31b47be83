"""Root cause first: findings that only follow from a file that did not load are left out.

One tab in facts/people.yml leaves no people at all, and every quote then names
an "unknown" speaker; one typo in a source's sidecar leaves the source out, and
every citation of it names an "unknown" source. Those follow-on findings say
nothing the broken file's own error does not: they are dropped, the broken
file's error says how many it stands for, and the facts they touched are not
"verified" (their speaker or source could not be checked).
"""

from __future__ import annotations

from dataclasses import replace

from generator.findings import Finding, Severity
from generator.loading import PEOPLE_FILE, Workspace
from generator.validation.results import CitationVerdict, Report

# Rules whose findings only mean "the speaker could not be matched against facts/people.yml".
SPEAKER_RULES = frozenset({"unknown-speaker", "quote-wrong-speaker", "quote-attribution-unresolved"})


def is_root_cause(f: Finding) -> bool:
    """An error in a file other files depend on: the people file, a source's text or sidecar."""
    return f.severity is Severity.ERROR and (f.path == PEOPLE_FILE or f.path.startswith("content/sources/"))


def drop_follow_ons(ws: Workspace, report: Report) -> None:
    dropped: dict[str, list[Finding]] = {}  # broken file → the findings that only follow from it
    for fact in report.facts:
        if ws.people_unloaded and fact.fact.quote is not None:
            gone = [f for f in fact.findings if f.rule in SPEAKER_RULES]
            fact.findings = [f for f in fact.findings if f.rule not in SPEAKER_RULES]
            for c in fact.citations:
                gone += [f for f in c.findings if f.rule in SPEAKER_RULES]
                c.findings = [f for f in c.findings if f.rule not in SPEAKER_RULES]
                if c.verdict in (CitationVerdict.SUPPORTS, CitationVerdict.REFUTES) and c.start is not None \
                        and not any(f.severity is Severity.ERROR for f in c.findings):
                    # The words are there; who said them is unknown until the people file loads.
                    c.verdict = CitationVerdict.SPEAKER_UNCONFIRMED
            dropped.setdefault(PEOPLE_FILE, []).extend(gone)
        for c in fact.citations:
            broken = ws.unloaded_sources.get(c.source)
            if broken is not None:
                gone = [f for f in c.findings if f.rule == "unknown-source"]
                c.findings = [f for f in c.findings if f.rule != "unknown-source"]
                dropped.setdefault(broken, []).extend(gone)
    if not any(dropped.values()):
        return
    gone_ids = {id(f) for fs in dropped.values() for f in fs}
    kept = [f for f in report.findings if id(f) not in gone_ids]
    for path, fs in dropped.items():
        if not fs:
            continue
        for i, f in enumerate(kept):
            if f.path == path and f.severity is Severity.ERROR:
                facts = len({g.fact for g in fs})
                kept[i] = replace(f, message=f"{f.message} [root cause: {len(fs)} finding(s) on {facts} fact(s) "
                                             f"that follow from this file not loading are left out]")
                break
    report.findings = kept
