"""The reader's vocabulary: what each verdict and caveat is called on the site, and what it means.

One table, so the badges, their hover text, the "How to read this site" page and
the verification report say the same thing in the same words. Keys are the
validator's verdict values (``generator.validation.results``); nothing else of
validation is needed here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Term:
    key: str  # the validator's value, and the anchor on the "How to read" page
    label: str  # what the badge says
    style: str  # the badge's CSS modifier: ok | caveat | bad | unknown
    meaning: str  # one or two sentences for a reader


FACT_VERDICTS: dict[str, Term] = {t.key: t for t in (
    Term("verified", "Verified", "ok",
         "Every cited excerpt is in its source, word for word, and states this claim’s date, number, "
         "amount or quotation. It proves the source says it; it does not prove the source is right."),
    Term("speaker-unconfirmed", "Quoted — speaker not confirmed", "caveat",
         "The quoted words are in the source, but the source does not itself say, in the cited words, "
         "who spoke them. The speaker is the editors’ reading of the surrounding text."),
    Term("refuted", "Contradicted", "bad",
         "A cited excerpt is in its source but states something else: another number, date, amount "
         "or speaker."),
    Term("unverified", "Not verified", "unknown",
         "A cited excerpt could not be found in its source, so nothing backs the claim yet."),
)}

CITATION_VERDICTS: dict[str, Term] = {t.key: t for t in (
    Term("supports", "Supports the claim", "ok", "The excerpt is in the source and states the value."),
    Term("speaker-unconfirmed", "Quoted — speaker not confirmed", "caveat",
         "The words are in the source; it does not say in them who spoke."),
    Term("refutes", "Contradicts the claim", "bad", "The excerpt is in the source but states another value."),
    Term("not-found", "Not found in the source", "unknown", "The excerpt is not in the source."),
)}

# What a kept warning means for someone reading the citation.
CAVEATS: dict[str, str] = {
    "quote-attribution-unresolved": "The source does not say, around these words, who said the quotation; "
                                    "the speaker is the editor’s reading of the text, so the fact is marked "
                                    "“speaker not confirmed” rather than verified.",
    "excerpt-ambiguous": "These words occur more than once in the source; the link goes to the first.",
    "qualifier-missing": "The source qualifies this number (for example “about” or “more than”).",
    "date-weekday-only": "Only a weekday in these words supports the date.",
    "duplicate-person-alias": "Two people in the site’s list share a name used here.",
}

INFERRED_YEAR = ("The cited words give a day or a month but no year; the year is the one of the "
                 "source’s own date.")


def fact_term(verdict: str) -> Term:
    return FACT_VERDICTS.get(verdict) or Term(verdict, verdict.replace("-", " ").capitalize(), "unknown", "")


def citation_term(verdict: str) -> Term:
    return CITATION_VERDICTS.get(verdict) or Term(verdict, verdict.replace("-", " ").capitalize(), "unknown", "")


def badge_label(verdict: str, caveats: int) -> str:
    """The badge's words: the verdict, and how many caveats qualify it (folded in, not beside it)."""
    label = fact_term(verdict).label
    if caveats:
        label += f" · {caveats} caveat" + ("s" if caveats > 1 else "")
    return label
