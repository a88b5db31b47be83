"""What an importer produces: the text a reader sees and the metadata the document states, with where each came from."""

from __future__ import annotations

from dataclasses import dataclass, field

FIELDS = ("title", "authors", "publisher", "published", "url", "language")


@dataclass
class Found:
    """One metadata value and where in the document it was read (shown to the editor before writing)."""

    value: str | list[str]
    where: str


@dataclass
class Extracted:
    text: str  # one paragraph (heading, list item, quotation) per line, ending in a newline
    kind: str  # "web page" or "PDF"
    meta: dict[str, Found] = field(default_factory=dict)  # only fields the document states
    notes: list[str] = field(default_factory=list)  # what was seen but deliberately not used
    pages: list[int] | None = None  # PDF: character offset where each page starts
