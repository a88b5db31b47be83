"""What every value check takes and gives."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Callable, Sequence

from generator.matchers.dates import PartialDate
from generator.matchers.people import PeopleIndex
from generator.matchers.quotes import QuotedSpan
from generator.validation.attribution import SourceSpeakers


@dataclass(frozen=True, slots=True)
class Context:
    published: PartialDate | None  # the source's published date, for dates without a year
    people: PeopleIndex
    # The source's quotations (found once per source, asked for only when needed) and where the
    # cited text starts in the source: what surrounds an excerpt that shows no quotation marks of
    # its own tells a quotation from a paraphrase.
    source_quotations: Callable[[], Sequence[QuotedSpan]] = tuple
    offset: int = 0
    # The whole source read for attribution: a quote's speaker is read around the located span
    # (the reporting clause after it, the sentence and paragraph before), not in the excerpt alone.
    # None: judge from the cited text by itself.
    speakers: SourceSpeakers | None = None
    # The whole source text (``offset`` is where the cited text starts in it): what a number counts
    # is read from the source, so cutting an excerpt before "tanks" does not hide them. "" when the
    # cited text is all there is.
    source_text: str = ""
    # What the source's shared currency symbols mean (its sidecar's ``currency_symbols``): {"$": "AUD"}.
    currency_symbols: Mapping[str, str] = field(default_factory=dict)
    # How the source writes a numeric date ("day first", "month first"; its sidecar's numeric_dates).
    numeric_dates: str | None = None


@dataclass(slots=True)
class Outcome:
    problems: list[tuple[str, str]] = field(default_factory=list)  # (rule id, message)
    highlights: list[tuple[int, int]] = field(default_factory=list)  # offsets in the cited text
    inferred_year: bool = False
    # The value is there but the source does not say who spoke it: weaker than support.
    speaker_unconfirmed: bool = False
