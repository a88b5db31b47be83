"""Quotes: the quoted words in the cited text, said by the fact's speaker.

The grammar lives in :mod:`generator.matchers.quotes`; who spoke is read from
the source around the located span by :mod:`generator.validation.attribution`.
This module only turns what they find into problems and highlights.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.matchers.quotes import (
    Attribution,
    QuoteMatch,
    QuoteMiss,
    QuoteReader,
    QuotedSpan,
    find_quote,
)
from generator.model import Quote
from generator.validation.attribution import SUPPORTED, UNRESOLVED, WRONG, Judgement, judge
from generator.validation.checks.base import Context, Outcome
from generator.validation.locate import word_diff


@dataclass(frozen=True, slots=True)
class _Judged:
    match: QuoteMatch
    attribution: Attribution
    judgement: Judgement
    shift: int  # attribution offsets minus this are offsets in the cited text


def check_quote(quote: Quote, text: str, ctx: Context) -> Outcome:
    reader = QuoteReader(text, ctx.people)
    found = find_quote(quote.text, text, folded=reader.folded, spans=reader.spans)
    if isinstance(found, QuoteMiss):
        message = found.message
        if found.closest:
            message += f"; differences: {word_diff(found.part, found.closest)}"
        return Outcome(problems=[("quote-not-found", message)])
    if not reader.spans:
        found = _quoted_in_source(found, ctx)
        if not found:
            if ctx.speakers is not None and not ctx.speakers.has_marks:
                return Outcome(problems=[("quote-not-found", (
                    f"the words \"{_short(quote.text)}\" are narrative in the source, not a quotation: it has no "
                    "quotation marks, and no speaker label (`NAME:`) or reporting clause (`…, X said`, "
                    "`X said: …`) gives them as someone's own words; indirect speech (`X announced that …`) "
                    "is a paraphrase: cite the fact as a statement instead"))])
            return Outcome(problems=[("quote-not-found", (
                f"the words \"{_short(quote.text)}\" are not inside quotation marks in the source: "
                "a paraphrase is not a quotation"))])
    judged = min((_judge(quote, m, reader, text, ctx) for m in found), key=lambda j: j.judgement.rank)
    highlights = list(judged.match.parts)
    rank = judged.judgement.rank
    if rank == SUPPORTED:
        highlights += [(a - judged.shift, b - judged.shift) for a, b in judged.attribution.highlight_spans()
                       if 0 <= a - judged.shift and b - judged.shift <= len(text)]
    outcome = Outcome(highlights=sorted(set(highlights)))
    if rank == WRONG:
        outcome.problems.append(("quote-wrong-speaker", judged.judgement.message))
    elif rank == UNRESOLVED:
        outcome.problems.append(("quote-attribution-unresolved", judged.judgement.message))
        outcome.speaker_unconfirmed = True
    return outcome


def _quoted_in_source(found: list[QuoteMatch], ctx: Context) -> list[QuoteMatch]:
    """The matches the source gives as someone's words, for an excerpt with no marks of its own.

    An excerpt copied from inside a quotation shows no marks, and neither does
    narrative; the source tells them apart (its marks, a transcript's speaker
    labels, direct speech before "…, X said"). Without the source (a bare
    excerpt) a text with no quotation marks cannot tell, so every match stands."""
    at = ctx.offset
    if ctx.speakers is not None:
        # The source decides: its quotation marks, a transcript's turns, or direct speech.
        return [m for m in found if all(ctx.speakers.is_quotation(a + at, b + at) for a, b in m.parts)]
    spans = ctx.source_quotations()
    if not spans:
        return found
    return [m for m in found
            if all(any(s.holds(a + at, b + at) for s in spans) for a, b in m.parts)]


def _judge(quote: Quote, match: QuoteMatch, reader: QuoteReader, text: str, ctx: Context) -> _Judged:
    """The worst verdict over the quotations the match's parts lie in."""
    said = _short(quote.text)
    groups: dict[QuotedSpan | None, list[tuple[int, int]]] = {}
    for part, span in zip(match.parts, match.spans):
        groups.setdefault(span, []).append(part)
    judged = []
    for span, parts in groups.items():
        a, b = parts[0][0], parts[-1][1]
        if ctx.speakers is not None:
            at = ctx.offset
            # The quotation between its own marks, when the excerpt shows both.
            whole = span is not None and span.inner_start > span.start and span.inner_end < span.end
            marks = (span.start + at, span.end + at) if span is not None and whole else None
            att = ctx.speakers.attribute(a + at, b + at, marks)
            judged.append(_Judged(match, att, judge(quote.speaker, said, att, ctx.people, "the source"), at))
            continue
        if span is not None:
            att = reader.attribute_span(span)
        else:
            # No quotation marks in the excerpt: read the matched words as the quotation.
            plain = QuoteReader(text, ctx.people, extra_span=(a, b))
            att = plain.attribute_span(next(s for s in plain.spans if s.start == a))
        judged.append(_Judged(match, att, judge(quote.speaker, said, att, ctx.people, "the excerpt"), 0))
    return max(judged, key=lambda j: j.judgement.rank)


def _short(text: str, limit: int = 60) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[: limit - 1] + "…"
