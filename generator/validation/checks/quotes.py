"""Quotes: the quoted words in the cited text, said by the fact's speaker.

The grammar lives in :mod:`generator.matchers.quotes`; this module only turns
what it finds into problems and highlights.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.matchers.quotes import (
    Attribution,
    QuoteMatch,
    QuoteMiss,
    QuoteReader,
    find_quote,
)
from generator.model import Quote
from generator.validation.checks.base import Context, Outcome
from generator.validation.locate import word_diff

_SUPPORTED, _UNRESOLVED, _WRONG = 0, 1, 2


@dataclass(frozen=True, slots=True)
class _Judged:
    rank: int
    match: QuoteMatch
    attribution: Attribution
    message: str


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
            return Outcome(problems=[("quote-not-found", (
                f"the words \"{_short(quote.text)}\" are not inside quotation marks in the source: "
                "a paraphrase is not a quotation"))])
    judged = min((_judge(quote, m, reader, text, ctx) for m in found), key=lambda j: j.rank)
    highlights = list(judged.match.parts)
    if judged.rank == _SUPPORTED:
        highlights += judged.attribution.highlight_spans()
    outcome = Outcome(highlights=sorted(set(highlights)))
    if judged.rank == _WRONG:
        outcome.problems.append(("quote-wrong-speaker", judged.message))
    elif judged.rank == _UNRESOLVED:
        outcome.problems.append(("quote-attribution-unresolved", judged.message))
    return outcome


def _quoted_in_source(found: list[QuoteMatch], ctx: Context) -> list[QuoteMatch]:
    """The matches that lie inside a quotation of the source, for an excerpt with no marks of its own.

    An excerpt copied from inside a quotation shows no marks, and neither does
    narrative; the source tells them apart. A source with no quotation marks at
    all (a transcript) cannot, so there every match stands."""
    spans = ctx.source_quotations()
    if not spans:
        return found
    at = ctx.offset
    return [m for m in found
            if all(any(s.holds(a + at, b + at) for s in spans) for a, b in m.parts)]


def _judge(quote: Quote, match: QuoteMatch, reader: QuoteReader, text: str, ctx: Context) -> _Judged:
    spans = list(dict.fromkeys(s for s in match.spans if s is not None))
    if spans:
        attributions = [reader.attribute_span(s) for s in spans]
    else:
        # No quotation marks in the excerpt: read the matched words as the quotation.
        a, b = match.parts[0][0], match.parts[-1][1]
        plain = QuoteReader(text, ctx.people, extra_span=(a, b))
        attributions = [plain.attribute_span(next(s for s in plain.spans if s.start == a))]
    verdicts = [_verdict(quote, att, ctx) for att in attributions]
    worst = max(verdicts, key=lambda v: v[0])
    return _Judged(worst[0], match, worst[1], worst[2])


def _verdict(quote: Quote, att: Attribution, ctx: Context) -> tuple[int, Attribution, str]:
    people = ctx.people
    said = _short(quote.text)
    speaker = f"{people.display(quote.speaker)} ({quote.speaker})"
    others = ", ".join(f"{people.display(i)} ({i})" for i in sorted(att.speaker_ids - {quote.speaker}))
    if att.negated and quote.speaker in att.speaker_ids:
        return _WRONG, att, f"the excerpt denies that {speaker} said \"{said}\": {att.reason}"
    if att.negated:
        return _UNRESOLVED, att, (f"cannot tell from the excerpt who said \"{said}\": {att.reason}, which "
                                  "does not say who did")
    if att.speaker_ids and quote.speaker not in att.speaker_ids:
        return _WRONG, att, (f"the excerpt attributes \"{said}\" to {others} ('{att.evidence}'), "
                             f"not to {speaker}")
    if att.resolved:
        return _SUPPORTED, att, ""
    return _UNRESOLVED, att, (f"cannot tell from the excerpt who said \"{said}\": {att.reason}; extend the "
                              f"excerpt to the words that name the speaker (e.g. \"{people.display(quote.speaker)} "
                              "said\")")


def _short(text: str, limit: int = 60) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[: limit - 1] + "…"
