"""Quotations in text: where the quoted spans are, where a quote's words are,
and who the text says spoke them.

Deterministic and rule-based. Three steps:

1. :func:`find_quoted_spans` pairs quotation marks (curly or straight, double
   or single; apostrophes inside words are not quote marks).
2. :func:`find_quote` finds a fact's quote text (``…``/``...`` split it into
   parts that must appear in order) at word boundaries, inside quoted spans
   whenever the text has any: a paraphrase outside quotation marks is not a
   quotation.
3. :func:`attribute` finds the reporting clause next to a quoted span
   (``"…," X said``, ``said X``, ``X said: "…"``, ``X told Y "…"``,
   ``according to X``, ``X reported Y as saying "…"``, ``with X calling …``,
   ``X, who had said …``) and its subject. Nested reports resolve to the
   innermost speaker (``the government said Xi told Zelenskyy`` → Xi). Names
   and aliases come from :class:`PeopleIndex`; ``he``/``she`` resolve only when
   exactly one person is named, as a subject, before the quote. Anything else is
   left unresolved rather than guessed.

Modules, in the order data flows: ``marks`` (quotation marks → spans),
``match`` (a fact's quote in a text), ``tokens`` (a text's words, names and
sentences), ``subjects`` (who a reporting verb has as subject), ``attribution``
(who spoke a quotation), ``scan`` (every quotation with its speaker).
"""

from generator.matchers.quotes.attribution import Attribution, QuoteReader, attribute
from generator.matchers.quotes.marks import QuotedSpan, find_quoted_spans
from generator.matchers.quotes.match import QuoteMatch, QuoteMiss, find_quote, quote_parts
from generator.matchers.quotes.scan import ScannedQuote, scan_quotes

__all__ = [
    "Attribution", "QuoteMatch", "QuoteMiss", "QuoteReader", "QuotedSpan", "ScannedQuote",
    "attribute", "find_quote", "find_quoted_spans", "quote_parts", "scan_quotes",
]
