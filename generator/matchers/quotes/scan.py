"""Every quotation in a text with the speaker the text gives it (for ``factsheet cite``)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.matchers.people import PeopleIndex
from generator.matchers.quotes.attribution import Attribution, QuoteReader


@dataclass(frozen=True, slots=True)
class ScannedQuote:
    text: str  # the quoted words, as the source has them
    speaker: str | None  # person id when the text resolves one speaker
    start: int  # offsets of the quoted words in the scanned text
    end: int
    attribution: Attribution


def scan_quotes(text: str, people: PeopleIndex) -> list[ScannedQuote]:
    """Every quotation in ``text`` with the speaker the text gives it (for ``factsheet cite``)."""
    reader = QuoteReader(text, people)
    out = []
    for span in reader.spans:
        att = reader.attribute_span(span)
        speaker = next(iter(att.speaker_ids)) if att.resolved and len(att.speaker_ids) == 1 else None
        words = " ".join(text[span.inner_start:span.inner_end].split())
        out.append(ScannedQuote(words, speaker, span.inner_start, span.inner_end, att))
    return out
