"""Source texts as HTML paragraphs with every cited passage marked.

Passages may nest or overlap, and may run across paragraphs. HTML elements
cannot overlap, so a passage is split where it crosses another passage's end or
a paragraph break: its first piece carries the ``id`` (the citation anchor),
every piece carries ``data-passage`` so a script can light all of them up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from generator.validation.results import passage_anchor

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(frozen=True, slots=True)
class BackRef:
    href: str  # URL relative to the source page
    label: str
    title: str
    verdict: str = ""  # the citing fact's verdict, in readers' words (for the preview)


@dataclass(slots=True)
class Passage:
    start: int
    end: int
    refs: list[BackRef] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return passage_anchor(self.start, self.end)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of ``text`` (separated by blank lines), without surrounding space."""
    spans, pos = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for a, b in spans:
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if chunk.strip():
            out.append((a + lead, a + trail))
    return out


def _chunk(text: str) -> Markup:
    lines = text.split("\n")
    return Markup("<br>\n").join(escape(line) for line in lines)


def mark_passages(text: str, passages: list[Passage]) -> list[Markup]:
    """One ``<p>`` per paragraph, with ``<mark>`` around every passage and back-links after it."""
    order = sorted(passages, key=lambda p: (p.start, -p.end))
    opened: set[int] = set()
    out: list[Markup] = []
    spans = paragraphs(text)
    for n, (pa, pb) in enumerate(spans):
        next_start = spans[n + 1][0] if n + 1 < len(spans) else len(text) + 1
        inside = [p for p in order if p.start < pb and p.end > pa]
        cuts = sorted({pa, pb} | {x for p in inside for x in (p.start, p.end) if pa < x < pb})
        stack: list[Passage] = []
        html: list[str] = ["<p>"]
        for a, b in zip(cuts, cuts[1:]):
            want = [p for p in inside if p.start <= a and p.end >= b]
            keep = 0
            while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
                keep += 1
            while len(stack) > keep:
                closing = stack.pop()
                html.append("</mark>")
                if closing.end == a:
                    html.append(_backrefs(closing))
            for p in want[keep:]:
                attrs = f'class="passage" data-passage="{p.anchor}"'
                if id(p) not in opened:
                    opened.add(id(p))
                    attrs = f'id="{p.anchor}" ' + attrs
                html.append(f"<mark {attrs}>")
                stack.append(p)
            html.append(_chunk(text[a:b]))
        while stack:
            closing = stack.pop()
            html.append("</mark>")
            if closing.end < next_start:  # the passage ends here (perhaps in the break after it)
                html.append(_backrefs(closing))
        html.append("</p>")
        out.append(Markup("".join(html)))
    return out


def _backrefs(p: Passage) -> str:
    if not p.refs:
        return ""
    links = " ".join(
        f'<a href="{escape(r.href)}" title="{escape(r.title)}" data-verdict="{escape(r.verdict)}" aria-label="[{escape(r.label)}] {escape(r.title)}">[{escape(r.label)}]</a>' for r in p.refs)
    return f'<sup class="cited-by">{links}</sup>'


# A sentence ends at . ! ? (perhaps followed by closing quotes or brackets) and white space,
# or at a paragraph break.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n[ \t\r\f\v]*\n\s*")
_CONTEXT_LIMIT = 320  # characters either side at most: a long sentence is cut with an ellipsis


def context(text: str, start: int, end: int) -> tuple[str, str]:
    """The words around a passage: back to the start of the sentence before it, on to the end of the next.

    For previews of a citation (the excerpt in the flow of its source), with white space collapsed.
    """
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start) if m.end() <= start]
    # The passage's own sentence starts after the last end before it; one more sentence back.
    a = ends[-2] if len(ends) >= 2 else 0
    if start - a > _CONTEXT_LIMIT:
        a = start - _CONTEXT_LIMIT
    # Finish the passage's own sentence (unless it ends one), then one more.
    closed = text[:end].rstrip("\"'”’)]").endswith((".", "!", "?")) or not text[end:].strip()
    stops = [m.start() + len(m.group(0).rstrip()) for m in _SENTENCE_END.finditer(text, end)]
    wanted = 1 if closed else 2
    b = stops[wanted - 1] if len(stops) >= wanted else len(text.rstrip())
    b = max(b, end)
    if b - end > _CONTEXT_LIMIT:
        b = end + _CONTEXT_LIMIT
    before, after_text = " ".join(text[a:start].split()), " ".join(text[end:b].split())
    if a > 0 and a == start - _CONTEXT_LIMIT:
        before = "… " + before
    if b < len(text) and b == end + _CONTEXT_LIMIT:
        after_text += " …"
    # Keep the space that separates the passage from its neighbours.
    if before and text[start - 1:start].isspace():
        before += " "
    if after_text and text[end:end + 1].isspace():
        after_text = " " + after_text
    return before, after_text
