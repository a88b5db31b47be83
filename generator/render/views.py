"""What the pages show, assembled once from the workspace and the validator's report.

Templates only lay these out; every decision about what a fact, citation or
passage is lives here, so the pages, the data exports and the tests agree.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.findings import Finding, Severity
from generator.loading import SheetFile, Source, Workspace
from generator.matchers.dates import PartialDate, parse_partial_date
from generator.matchers.numbers import find_numbers
from generator.model import Fact, Person, Sheet
from generator.rules import RULES
from generator.render.escape import text, text_fragment
from generator.render.inline import plain
from generator.render.passages import BackRef, Passage
from generator.render.kinds import CHARTED, RENDER, ValueView
from generator.render.values import date_label, date_sort_key
from generator.render.verdicts import CAVEATS, INFERRED_YEAR, Term, badge_label, citation_term, fact_term
from generator.render.passages import context
from generator.render.urls import docs_link, link_between, sheet_page, source_page
from generator.validation.results import CitationResult, CitationVerdict, FactResult, Report


@dataclass(slots=True)
class CitationView:
    number: int
    source_id: str
    source: Source | None
    verdict: str
    anchor: str | None
    excerpt: Markup  # Markdown-safe, supporting words in <mark>
    original_url: str | None
    note: str | None
    inferred_year: bool
    start: int | None
    end: int | None
    # Warnings the editors kept, in words for readers, with the rule id.
    caveats: list[tuple[str, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    marked: list[str] = field(default_factory=list)  # the supporting words, as the source has them
    # The source's words around the excerpt (a sentence either side), for its preview.
    before: str = ""
    after: str = ""
    passage: str = ""  # the cited words as the source has them (as the editor wrote them when not found)

    @property
    def term(self) -> Term:
        return citation_term(self.verdict)

    @property
    def dateline(self) -> str:
        """Publisher and date of the source, for a preview (the byline leads with the authors)."""
        if self.source is None:
            return ""
        published = self.source.published_date
        parts = (self.source.meta.publisher or "", date_label(published) if published else "")
        return " · ".join(p for p in parts if p)

    @property
    def byline(self) -> str:
        if self.source is None:
            return ""
        meta = self.source.meta
        who = ", ".join(meta.authors) or (meta.publisher or "")
        published = self.source.published_date
        when = date_label(published) if published else ""
        return ", ".join(p for p in (who, when) if p)


@dataclass(slots=True)
class FactView:
    sheet_id: str
    fact: Fact
    result: FactResult
    citations: list[CitationView]
    value: ValueView | None

    @property
    def id(self) -> str:
        return self.fact.id

    @property
    def gid(self) -> str:
        return f"{self.sheet_id}/{self.fact.id}"

    @property
    def verdict(self) -> str:
        return self.result.verdict.value

    @property
    def plain_claim(self) -> str:
        """The claim's words without its inline Markdown."""
        return plain(self.fact.claim)

    @property
    def independent(self) -> int:
        return self.result.independent_sources

    @property
    def page(self) -> str:
        return sheet_page(self.sheet_id)

    @property
    def link(self) -> str:
        return docs_link(self.sheet_id, self.fact.id)

    @property
    def term(self) -> Term:
        return fact_term(self.verdict)

    @property
    def caveats(self) -> list[str]:
        """What qualifies the verdict, in readers' words: kept warnings, then inferred years (once each)."""
        # An unresolved speaker is what "speaker not confirmed" already says: not a caveat on top of it.
        said = {"quote-attribution-unresolved"} if self.verdict == "speaker-unconfirmed" else set()
        out = [words for c in self.citations for words, rule in c.caveats if rule not in said]
        if any(c.inferred_year for c in self.citations):
            out.append(INFERRED_YEAR)
        return list(dict.fromkeys(out))

    @property
    def badge(self) -> str:
        return badge_label(self.verdict, len(self.caveats))

    @property
    def tip(self) -> str:
        """The badge's explanation on hover or tap: what the verdict means, then each caveat."""
        parts = [self.term.meaning, *(f"Caveat: {c}" for c in self.caveats)]
        return " ".join(p for p in parts if p)


# The kinds of value a key-facts strip shows, in the order it prefers them.
KEY_KINDS = ("money", "figure", "date")


@dataclass(slots=True)
class SheetView:
    id: str
    file: SheetFile
    facts: list[FactView]

    @property
    def sheet(self) -> Sheet:
        return self.file.sheet

    @property
    def page(self) -> str:
        return sheet_page(self.id)

    @property
    def date(self) -> PartialDate | None:
        return parse_partial_date(self.sheet.date) if self.sheet.date else None

    @property
    def verified(self) -> int:
        return sum(f.verdict == "verified" for f in self.facts)

    def key_facts(self, limit: int = 4) -> list[FactView]:
        """The sheet at a glance: its verified amounts and figures, then dates, in the sheet's order.

        Ordinals ("3rd anniversary") are labels, not quantities, and stay out."""
        ranked = [f for f in self.facts if f.verdict == "verified" and f.value is not None
                  and f.value.kind in KEY_KINDS and not f.value.ordinal]
        ranked.sort(key=lambda f: KEY_KINDS.index(f.value.kind))  # type: ignore[union-attr]  # filtered above
        # One card per value: two facts about one $1 billion show it once.
        by_label: dict[str, FactView] = {}
        for f in ranked:
            by_label.setdefault(f.value.label if f.value else "", f)
        return list(by_label.values())[:limit]


@dataclass(slots=True)
class SourceView:
    id: str
    source: Source
    passages: list[Passage]
    citing: list[FactView]

    @property
    def page(self) -> str:
        return source_page(self.id)


@dataclass(slots=True)
class PersonView:
    id: str
    person: Person
    quotes: list[FactView]
    mentions: list[FactView]


@dataclass(slots=True)
class TimelineEntry:
    """A place on the timeline: a sheet at its date, or a fact at the date of the event it reports."""

    date: PartialDate
    kind: str  # sheet | fact
    sheet: SheetView
    fact: FactView | None = None
    mentions: PartialDate | None = None  # the date the fact states, when the event is another
    reported: PartialDate | None = None  # the earliest date of a source citing the fact

    @property
    def key(self) -> tuple[tuple[int, int, int], int, str]:
        return (date_sort_key(self.date), 0 if self.kind == "sheet" else 1,
                self.fact.gid if self.fact else self.sheet.id)


def timeline_entry(f: FactView, sheet: SheetView) -> TimelineEntry | None:
    """Where a fact stands on the timeline: its ``when`` (the event), else the date it states; else nowhere.

    A fact placed by ``when`` that states another date says so ("mentions 2022"), and every fact
    says when its sources reported it, so the event, the date named and the report stay apart.
    """
    stated = f.value.date if f.value is not None else None
    when = parse_partial_date(f.fact.when) if f.fact.when else None
    if when is None and stated is None:
        return None
    place = when or stated
    mentions = stated if stated is not None and when is not None and str(stated) != str(when) else None
    published = [c.source.published_date for c in f.citations if c.source is not None and c.source.published_date]
    reported = min(published, key=date_sort_key) if published else None
    return TimelineEntry(place, "fact", sheet, f, mentions, reported)  # type: ignore[arg-type]


@dataclass(slots=True)
class SiteData:
    ws: Workspace
    report: Report
    sheets: list[SheetView]
    sources: list[SourceView]
    people: list[PersonView]
    timeline: list[TimelineEntry]
    figures: list[FactView]
    quotes: list[tuple[PersonView | None, str, list[FactView]]]
    findings: list[Finding] = field(default_factory=list)
    directory_urls: bool = True  # the engines' use_directory_urls, for URLs they do not rewrite

    @property
    def facts(self) -> list[FactView]:
        return [f for s in self.sheets for f in s.facts]

    @property
    def stats(self) -> dict[str, int]:
        return {**self.report.stats(), "sources": len(self.sources), "sheets": len(self.sheets),
                "people": len(self.people)}

    def key_facts(self, limit: int = 6) -> list[FactView]:
        """The home page's strip: each sheet's first key fact, newest sheet first."""
        return [keys[0] for s in self.sheets if (keys := s.key_facts(1))][:limit]

    def inferred_years(self) -> list[tuple[FactView, CitationView]]:
        return [(f, c) for f in self.facts for c in f.citations if c.inferred_year]

    def warned(self) -> list[tuple[FactView, CitationView, Finding]]:
        """Every warning the editors kept, with the fact and citation it is about."""
        return [(f, c, w) for f in self.facts for c in f.citations for w in c.findings]

    def findings_by(self, severity: str) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity(severity)]


def stated_as_ordinal(res: FactResult, ws: Workspace) -> bool:
    """True when every supporting citation gives the figure as an ordinal ("third anniversary").

    The figure check accepts "third" for 3; shown as "3 anniversary" the chip
    would misread the source, so it then reads "3rd anniversary".
    """
    seen = False
    for c in res.citations:
        source = ws.sources.get(c.source)
        if c.verdict is not CitationVerdict.SUPPORTS or source is None or not c.highlights:
            continue
        a, b = c.highlights[0]
        numbers = find_numbers(source.text[a:b])
        if not numbers or not all(n.ordinal for n in numbers):
            return False
        seen = True
    return seen


def _value(fact: Fact, people: dict[str, Person], ordinal: bool = False) -> ValueView | None:
    return RENDER[fact.kind].chip(fact, people, ordinal)


def caveat(rule: str) -> str:
    return CAVEATS.get(rule) or (RULES[rule].summary if rule in RULES else rule)


def excerpt_markdown(source_text: str, start: int, end: int, highlights: list[tuple[int, int]],
                     typed: bool = True) -> Markup:
    """The cited passage as inline Markdown, with the words that carry the value in ``<mark>``.

    A typed value (date, figure, amount, quotation) is marked even when it fills
    the whole excerpt, so every citation of it shows where the value is; a plain
    statement's evidence is the excerpt itself, and marking all of it adds nothing.
    """
    spans = sorted((max(a, start), min(b, end)) for a, b in highlights if min(b, end) > max(a, start))
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    if merged == [[start, end]] and not typed:
        merged = []
    parts: list[str] = []
    pos = start
    for a, b in merged:
        parts.append(text(source_text[pos:a]))
        parts.append(Markup("<mark>") + text(source_text[a:b]) + Markup("</mark>"))
        pos = b
    parts.append(text(source_text[pos:end]))
    return Markup("".join(parts))


def _citation(res: CitationResult, fact: Fact, ws: Workspace) -> CitationView:
    cited = fact.sources[res.index - 1]
    source = ws.sources.get(res.source)
    if source is not None and res.start is not None and res.end is not None:
        excerpt = excerpt_markdown(source.text, res.start, res.end, res.highlights, fact.kind != "statement")
        passage = source.text[res.start:res.end]
    else:
        excerpt, passage = text(cited.excerpt), cited.excerpt
    around = context(source.text, res.start, res.end) if source is not None and res.start is not None \
        and res.end is not None else ("", "")
    url = source.meta.url if source is not None else None
    original = f"{url.split('#')[0]}#{text_fragment(passage)}" if url else None
    kept = [f for f in res.findings if f.severity is Severity.WARNING]
    return CitationView(res.index, res.source, source, res.verdict.value, res.anchor, excerpt, original,
                        cited.note, res.inferred_year, res.start, res.end,
                        [(caveat(f.rule), f.rule) for f in kept], kept,
                        [" ".join(source.text[a:b].split()) for a, b in res.highlights] if source else [],
                        *around, passage=passage)


class _Mentions:
    """Whether a claim names a person (any of their names, whole words, ignoring case).

    Built once per person: one compiled pattern for all their names. ``lowered`` is the claim
    in lower case when it is ASCII; an ASCII name can then only match (ignoring case) where
    its lower case is a substring, a cheap test that skips most regex searches."""

    def __init__(self, person: Person) -> None:
        names = [person.name, *person.aliases]
        self._pattern = re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in names), re.IGNORECASE)
        self._lowers = [n.lower() for n in names] if all(n.isascii() for n in names) else None

    def __call__(self, claim: str, lowered: str | None = None) -> bool:
        if lowered is not None and self._lowers is not None and not any(n in lowered for n in self._lowers):
            return False
        return self._pattern.search(claim) is not None


_WORD = re.compile(r"\w+")


def _mentioned(people: dict[str, Person],
               claims: list[tuple[FactView, str, str | None]]) -> dict[str, list[FactView]]:
    """Person id → the facts whose claim names them, in fact order.

    Testing every person against every claim grew with people × facts. A name that starts
    with a letter or digit can only match where its first word is a whole word of the claim,
    so an ASCII claim is tested only against the people one of its words may name (the others,
    and every claim that is not ASCII, against everyone)."""
    tests = {pid: _Mentions(person) for pid, person in people.items()}
    by_word: dict[str, list[str]] = defaultdict(list)
    always: list[str] = []
    for pid, person in people.items():
        firsts = set()
        for name in (person.name, *person.aliases):
            first = _WORD.match(name.lower()) if name.isascii() else None
            if first is None:
                break
            firsts.add(first[0])
        else:
            for word in firsts:
                by_word[word].append(pid)
            continue
        always.append(pid)
    out: dict[str, list[FactView]] = defaultdict(list)
    for f, claim, lowered in claims:
        if lowered is None:
            candidates = list(people)
        else:
            found = {pid for word in set(_WORD.findall(lowered)) for pid in by_word.get(word, ())}
            candidates = [*found, *always]
        for pid in candidates:
            if tests[pid](claim, lowered):
                out[pid].append(f)
    return out


def build_views(ws: Workspace, report: Report, directory_urls: bool = True) -> SiteData:
    by_sheet: dict[str, list[FactView]] = defaultdict(list)
    for res in report.facts:
        cites = [_citation(c, res.fact, ws) for c in res.citations]
        ordinal = res.fact.figure is not None and stated_as_ordinal(res, ws)
        by_sheet[res.sheet].append(FactView(res.sheet, res.fact, res, cites, _value(res.fact, ws.people, ordinal)))

    sheets = [SheetView(sid, sf, by_sheet.get(sid, [])) for sid, sf in ws.sheets.items()]
    sheets.sort(key=lambda s: (tuple(-x for x in date_sort_key(s.date)) if s.date else (1, 0, 0), s.id))
    facts = [f for s in sheets for f in s.facts]

    # Citations grouped by source once, in fact order (a scan of every fact per source was quadratic).
    cited_by: dict[str, list[tuple[FactView, CitationView]]] = defaultdict(list)
    for f in facts:
        for c in f.citations:
            cited_by[c.source_id].append((f, c))
    sources = []
    for sid in sorted(ws.sources):
        passages: dict[tuple[int, int], Passage] = {}
        citing: list[FactView] = []
        for f, c in cited_by.get(sid, ()):
            if f not in citing:
                citing.append(f)
            if c.start is None or c.end is None:
                continue
            p = passages.setdefault((c.start, c.end), Passage(c.start, c.end))
            # Labelled with the fact's number in this page's list of citing facts.
            ref = BackRef(link_between(source_page(sid), f.link, directory_urls), str(citing.index(f) + 1),
                          "Cited by: " + plain(f.fact.claim), f.badge)
            if ref not in p.refs:
                p.refs.append(ref)
        sources.append(SourceView(sid, ws.sources[sid], sorted(passages.values(), key=lambda p: (p.start, p.end)),
                                  citing))

    # Each claim's plain words once, not once per person.
    claims = [(f, claim, claim.lower() if claim.isascii() else None)
              for f in facts for claim in (plain(f.fact.claim),)]
    said: dict[str, list[FactView]] = defaultdict(list)
    for f in facts:
        if f.fact.quote is not None:
            said[f.fact.quote.speaker].append(f)
    named = _mentioned(ws.people, claims)
    people = []
    for pid in sorted(ws.people, key=lambda p: (ws.people[p].name.casefold(), p)):  # as readers look them up
        quoted = {id(f) for f in said.get(pid, ())}  # by identity: FactView equality compares every field
        mentions = [f for f in named.get(pid, ()) if id(f) not in quoted]
        people.append(PersonView(pid, ws.people[pid], said.get(pid, []), mentions))
    person_views = {p.id: p for p in people}

    timeline = [TimelineEntry(s.date, "sheet", s) for s in sheets if s.date]
    by_id = {s.id: s for s in sheets}
    timeline += [e for f in facts if (e := timeline_entry(f, by_id[f.sheet_id])) is not None]
    timeline.sort(key=lambda e: e.key)

    figures = [f for f in facts if f.value is not None and f.value.kind in CHARTED]

    speakers: dict[str, list[FactView]] = defaultdict(list)
    for f in facts:
        if f.value is not None and f.value.kind == "quote" and f.value.speaker:
            speakers[f.value.speaker].append(f)
    quotes = []
    for spk in sorted(speakers, key=lambda s: (ws.people[s].name if s in ws.people else s).lower()):
        pv = person_views.get(spk)
        quotes.append((pv, pv.person.name if pv else spk, speakers[spk]))

    return SiteData(ws, report, sheets, sources, people, timeline, figures, quotes, list(report.findings),
                    directory_urls)
