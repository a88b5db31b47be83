"""The validator: every citation located and checked, every fact given a verdict."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from generator.findings import Finding, Severity, did_you_mean
from generator.loading import SheetFile, Source, Workspace, gc_paused
from generator.matchers.people import PeopleIndex
from generator.model import Citation, Fact
from generator.rules import finding as _finding
from generator.validation.attribution import SourceSpeakers
from generator.validation.claims import Cited, check_claim
from generator.validation.checks import Context, check_value
from generator.validation.locate import MAX_OCCURRENCES, Located, locate
from generator.validation.parallel import check_sheets
from generator.validation.redirects import check_redirects
from generator.validation.rootcause import drop_follow_ons
from generator.validation.results import CitationResult, CitationVerdict, FactResult, Report


def validate(ws: Workspace, jobs: int = 1) -> Report:
    """Every sheet of ``ws`` checked (in up to ``jobs`` processes, or ``parallel.AUTO``; the report is
    the same whatever the number)."""
    with gc_paused():
        return _validate(ws, jobs)


def _validate(ws: Workspace, jobs: int) -> Report:
    report = Report(findings=list(ws.findings))
    people = PeopleIndex.from_mapping(ws.people)
    _check_people(ws, people, report)
    for part in check_sheets(sheet_checker(ws, people), list(ws.sheets.values()), jobs):
        report.findings.extend(part.findings)
        report.facts.extend(part.facts)
    report.findings.extend(check_redirects(ws))
    drop_follow_ons(ws, report)
    report.findings.sort(key=lambda f: (f.path, f.line, f.column, f.rule))
    return report


def sheet_checker(ws: Workspace, people: PeopleIndex | None = None) -> Callable[[SheetFile], Report]:
    """Validate sheets one at a time: each call gives one sheet's findings and fact results, what
    ``validate`` adds to its report for that sheet."""
    speakers = _Speakers(people if people is not None else PeopleIndex.from_mapping(ws.people))

    def check(sheet: SheetFile) -> Report:
        part = Report()
        _check_sheet(ws, sheet, speakers, part)
        return part
    return check


def people_findings(ws: Workspace) -> list[Finding]:
    """What ``validate`` says about facts/people.yml itself."""
    part = Report()
    _check_people(ws, PeopleIndex.from_mapping(ws.people), part)
    return part.findings


class _Speakers:
    """Each source read for attribution once, and only when a quote cites it."""

    def __init__(self, people: PeopleIndex):
        self.people = people
        self._by_source: dict[str, SourceSpeakers] = {}

    def of(self, source: Source) -> SourceSpeakers:
        if source.id not in self._by_source:
            self._by_source[source.id] = SourceSpeakers(source.text, self.people)
        return self._by_source[source.id]


def _check_people(ws: Workspace, people: PeopleIndex, report: Report) -> None:
    doc = ws.people_doc
    if doc is None:
        return
    for name, ids in sorted(people.shared_names().items()):
        first = sorted(ids)[0]
        report.findings.append(_finding(
            doc.path, doc.key_pos((first,)), "duplicate-person-alias",
            f"'{name}' names {', '.join(sorted(ids))}: a quote attributed through it cannot be resolved; "
            "keep it on one person"))


def _check_sheet(ws: Workspace, sf: SheetFile, speakers: _Speakers, report: Report) -> None:
    doc = sf.doc
    seen: dict[str, int] = {}
    for i, fact in enumerate(sf.sheet.facts):
        gid = f"{sf.id}/{fact.id}"
        loc = ("facts", i)
        if fact.id in seen:
            report.findings.append(_finding(
                sf.path, doc.pos((*loc, "id")), "duplicate-fact-id",
                f"fact id '{fact.id}' is already used at line {seen[fact.id]}: ids are unique within a sheet", gid))
            continue
        seen[fact.id] = doc.pos((*loc, "id"))[0]
        line, col = doc.pos(loc)
        result = FactResult(sf.id, fact, sf.path, line, col)
        if fact.quote is not None and fact.quote.speaker not in ws.people:
            # A finding about the fact as a whole: it keeps the fact from "verified".
            result.findings.append(_finding(
                sf.path, doc.pos((*loc, "quote", "speaker")), "unknown-speaker",
                f"speaker '{fact.quote.speaker}' is not in facts/people.yml"
                f"{did_you_mean(fact.quote.speaker, ws.people)}", gid))
        report.findings.extend(result.findings)
        for j, citation in enumerate(fact.sources):
            cres = _check_citation(ws, sf, (*loc, "sources", j), citation, fact, speakers, gid)
            cres.index = j + 1
            report.findings.extend(cres.findings)
            result.citations.append(cres)
        claim = _check_claim(ws, sf, loc, fact, result, speakers.people, gid)
        result.findings.extend(claim)
        report.findings.extend(claim)
        report.facts.append(result)


def _check_claim(ws: Workspace, sf: SheetFile, loc: tuple[str | int, ...], fact: Fact, result: FactResult,
                 people: PeopleIndex, gid: str) -> list[Finding]:
    """The claim against the value and the located spans; findings point at the claim."""
    cited = [Cited(ws.sources[c.source].text[c.start:c.end], ws.sources[c.source].published_date,
                   ws.sources[c.source].text, _paragraphs(ws.sources[c.source].text, c.start, c.end),
                   ws.sources[c.source].meta.currency_symbols or {}, ws.sources[c.source].meta.numeric_dates,
                   ws.sources[c.source].meta.title)
             for c in result.citations if c.start is not None and c.end is not None]
    pos = sf.doc.pos((*loc, "claim"))
    found = check_claim(fact, cited, people)
    if ws.people_unloaded:  # every person would look like a stranger: the people file's error says why
        found = [(rule, message) for rule, message in found if rule != "claim-name-swapped"]
    return [_finding(sf.path, pos, rule, message, gid) for rule, message in found]


def _paragraphs(text: str, start: int, end: int) -> str:
    """The paragraphs a span lies in (blank lines part them)."""
    a = text.rfind("\n\n", 0, start)
    b = text.find("\n\n", end)
    return text[a + 2 if a >= 0 else 0:b if b >= 0 else len(text)]


def _accepted(findings: list[Finding], accept: list[str], path: str, pos: tuple[int, int],
              gid: str) -> list[Finding]:
    """The citation's findings with the warnings its editors accepted reported as accepted notes."""
    out = [replace(f, severity=Severity.INFO, accepted=True) if f.rule in accept else f for f in findings]
    fired = {f.rule for f in findings}
    out += [_finding(path, pos, "accept-unused",
                     f"`accept: [{rule}]` accepts nothing: this citation has no {rule} finding; remove it", gid)
            for rule in dict.fromkeys(accept) if rule not in fired]
    return out


def _times(n: int) -> str:
    return f"at least {n} times" if n >= MAX_OCCURRENCES else f"{n} times"


def _check_citation(ws: Workspace, sf: SheetFile, loc: tuple[str | int, ...], citation: Citation,
                    fact: Fact, speakers: _Speakers, gid: str) -> CitationResult:
    doc = sf.doc
    res = CitationResult(0, citation.source, CitationVerdict.NOT_FOUND)
    source: Source | None = ws.sources.get(citation.source)
    if source is None:
        res.findings.append(_finding(
            sf.path, doc.pos((*loc, "source")), "unknown-source",
            f"source '{citation.source}' does not exist in content/sources/"
            f"{did_you_mean(citation.source, ws.sources)}", gid))
        return res
    excerpt_pos = doc.pos((*loc, "excerpt"))
    where = locate(citation, source.folded)
    if not isinstance(where, Located):
        res.findings.append(_finding(sf.path, excerpt_pos, where.rule,
                                     f"[{citation.source}] {where.message}", gid))
        return res
    res.start, res.end, res.occurrences = where.start, where.end, where.occurrences
    res.line = source.line_of(where.start)
    if where.occurrences > 1:
        res.findings.append(_finding(
            sf.path, excerpt_pos, "excerpt-ambiguous",
            f"[{citation.source}] the excerpt occurs {_times(where.occurrences)}; add `prefix:` or `suffix:` "
            "with the words just before or after the place you mean", gid))
    ctx = Context(source.published_date, speakers.people, lambda: source.quoted_spans, where.start,
                  speakers.of(source), source_text=source.text,
                  currency_symbols=source.meta.currency_symbols or {}, numeric_dates=source.meta.numeric_dates)
    outcome = check_value(fact, source.text[where.start:where.end], ctx)
    for rule, message in outcome.problems:
        # Value problems point at the excerpt: that is what fails to show the value.
        res.findings.append(_finding(sf.path, excerpt_pos, rule, f"[{citation.source}] {message}", gid))
    if citation.accept is not None:
        res.findings = _accepted(res.findings, citation.accept, sf.path, doc.pos((*loc, "accept")), gid)
    res.highlights = [(where.start + a, where.start + b) for a, b in outcome.highlights]
    res.inferred_year = outcome.inferred_year
    errors = any(f.severity is Severity.ERROR for f in res.findings)
    if errors:
        res.verdict = CitationVerdict.REFUTES
    elif outcome.speaker_unconfirmed:
        res.verdict = CitationVerdict.SPEAKER_UNCONFIRMED
    else:
        res.verdict = CitationVerdict.SUPPORTS
    return res
