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
        f'<a href="{escape(r.href)}" title="{escape(r.title)}" aria-label="[{escape(r.label)}] {escape(r.title)}">[{escape(r.label)}]</a>' for r in p.refs)
    return f'<sup class="cited-by">{links}</sup>'
