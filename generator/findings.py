"""Findings: what the tools say about the input, always with a position."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """One message about one place. ``path`` is relative to the root, with ``/``."""

    path: str
    line: int
    column: int
    severity: Severity
    rule: str
    message: str
    fact: str | None = None
    # A warning the editors reviewed and accepted for this citation (`accept:`): reported as a note.
    accepted: bool = False

    def as_dict(self) -> dict[str, object]:
        d = asdict(self)
        d["severity"] = self.severity.value
        return d

    def format_text(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return f"{where}: [{self.severity.value}] {self.message} ({self.rule}{', accepted' if self.accepted else ''})"


class FactsheetError(Exception):
    """The project's own error type: bad input that stops a command, with its finding.

    ``exit_code`` is 1 for input at fault, 2 for the environment (an output folder that is a file).
    """

    def __init__(self, finding: Finding, exit_code: int = 1) -> None:
        super().__init__(finding.format_text())
        self.finding = finding
        self.exit_code = exit_code


def did_you_mean(word: str, choices: Iterable[object], *, cutoff: float = 0.6) -> str:
    """A ``; did you mean 'x'?`` suffix, or "" when nothing is close."""
    pool = [str(c) for c in choices]
    best = difflib.get_close_matches(word, pool, n=1, cutoff=cutoff)
    if not best:
        lowered = {c.lower(): c for c in pool}
        best = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=cutoff)
        best = [lowered[b] for b in best]
    return f"; did you mean '{best[0]}'?" if best else ""
