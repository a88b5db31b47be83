"""What validation found: findings, and a verdict for every citation and fact.

These are plain data for the reports and the renderer; nothing here reaches back
into loading or matching.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from operator import attrgetter

from generator.findings import Finding, Severity
from generator.model import Fact


def json_line(value: object) -> str:
    """One record of the JSON report. The C encoder (no indent): `indent=` falls back to the
    pure-Python one, 3x slower and memory-hungry. The validation cache keeps fact records in
    this form, so the report prints them as a cold run would."""
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def passage_anchor(start: int, end: int) -> str:
    """The stable id of a cited passage on its source page (offsets in the source text)."""
    return f"p{start}-{end}"


class CitationVerdict(str, Enum):
    SUPPORTS = "supports"
    # Found, and the words and value are there, but the source does not say who spoke them:
    # weaker evidence than SUPPORTS, so it never makes a fact "verified".
    SPEAKER_UNCONFIRMED = "speaker-unconfirmed"
    REFUTES = "refutes"
    NOT_FOUND = "not-found"


class FactVerdict(str, Enum):
    VERIFIED = "verified"
    SPEAKER_UNCONFIRMED = "speaker-unconfirmed"
    REFUTED = "refuted"
    UNVERIFIED = "unverified"


@dataclass(slots=True)
class CitationResult:
    index: int
    source: str
    verdict: CitationVerdict
    # Offsets in the source's original text; None when the excerpt was not found.
    start: int | None = None
    end: int | None = None
    line: int | None = None
    # Offsets in the source's original text of the words that carry the value.
    highlights: list[tuple[int, int]] = field(default_factory=list)
    occurrences: int = 0
    inferred_year: bool = False
    findings: list[Finding] = field(default_factory=list)

    @property
    def anchor(self) -> str | None:
        """The id of the passage's ``<mark>`` on the source page."""
        return None if self.start is None or self.end is None else passage_anchor(self.start, self.end)

    def as_dict(self) -> dict[str, object]:
        return {
            "index": self.index, "source": self.source, "verdict": self.verdict.value,
            "start": self.start, "end": self.end, "line": self.line,
            "highlights": [list(h) for h in self.highlights], "occurrences": self.occurrences,
            "inferred_year": self.inferred_year, "anchor": self.anchor,
        }


@dataclass(slots=True)
class FactResult:
    sheet: str
    fact: Fact
    path: str
    line: int
    column: int
    citations: list[CitationResult] = field(default_factory=list)
    # Findings about the fact as a whole (its claim, its speaker), not about one citation.
    findings: list[Finding] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.sheet}/{self.fact.id}"

    @property
    def verdict(self) -> FactVerdict:
        verdicts = {c.verdict for c in self.citations}
        if CitationVerdict.REFUTES in verdicts or any(f.severity is Severity.ERROR for f in self.findings):
            return FactVerdict.REFUTED
        if verdicts == {CitationVerdict.SUPPORTS}:
            return FactVerdict.VERIFIED
        if verdicts and verdicts <= {CitationVerdict.SUPPORTS, CitationVerdict.SPEAKER_UNCONFIRMED}:
            return FactVerdict.SPEAKER_UNCONFIRMED
        return FactVerdict.UNVERIFIED

    @property
    def independent_sources(self) -> int:
        return len({c.source for c in self.citations if c.verdict is CitationVerdict.SUPPORTS})

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "sheet": self.sheet, "kind": self.fact.kind, "verdict": self.verdict.value,
            "path": self.path, "line": self.line,
            "citations": [c.as_dict() for c in self.citations],
        }


@dataclass(slots=True)
class Report:
    findings: list[Finding] = field(default_factory=list)
    facts: list[FactResult] = field(default_factory=list)
    # When only some findings are shown (--min-severity), the counts still cover them all.
    counted: list[Finding] | None = None

    def count(self, severity: Severity) -> int:
        every = self.findings if self.counted is None else self.counted
        return sum(1 for f in every if f.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    def ok(self, strict: bool = False) -> bool:
        return self.errors == 0 and (not strict or self.warnings == 0)

    def stats(self) -> dict[str, int]:
        # One counting pass in C: a cached run counts tens of thousands of stored facts.
        verdicts = Counter(map(attrgetter("verdict"), self.facts))
        return {
            "facts": len(self.facts),
            "verified": verdicts[FactVerdict.VERIFIED],
            "speaker_unconfirmed": verdicts[FactVerdict.SPEAKER_UNCONFIRMED],
            "refuted": verdicts[FactVerdict.REFUTED],
            "unverified": verdicts[FactVerdict.UNVERIFIED],
            "citations": sum(map(len, map(attrgetter("citations"), self.facts))),
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.count(Severity.INFO),
        }
