"""A strict inline Markdown for claims and summaries.

Editors may write ``*emphasis*``, ``**strong**``, `` `code` ``, backslash
escapes and ``[links](https://...)``. Everything else is text: raw HTML is
shown as typed, never passed through, and a link whose URL is not http(s) or
relative loses its link and keeps its words. The output is Markdown whose text
is made inert by :func:`generator.render.escape.text`, so the site engine can
only produce the elements listed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from generator.render.escape import safe_url, text

_PUNCT = "\\`*_{}[]()#+-.!|<>~^=:'\"&"


@dataclass(frozen=True, slots=True)
class Node:
    kind: str  # text | em | strong | code | link
    value: str = ""
    children: tuple["Node", ...] = ()
    url: str | None = None


def parse(source: str) -> list[Node]:
    """Inline Markdown → nodes; never fails (unmatched markers are text)."""
    return _parse(re.sub(r"\s+", " ", source).strip(), allow_links=True)


def _parse(s: str, allow_links: bool) -> list[Node]:
    out: list[Node] = []
    buf: list[str] = []
    i = 0

    def flush() -> None:
        if buf:
            out.append(Node("text", "".join(buf)))
            buf.clear()

    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s) and s[i + 1] in _PUNCT:
            buf.append(s[i + 1])
            i += 2
            continue
        if c == "`":
            ticks = len(s[i:]) - len(s[i:].lstrip("`"))
            close = s.find("`" * ticks, i + ticks)
            if close > i:
                flush()
                out.append(Node("code", s[i + ticks:close].strip() or s[i + ticks:close]))
                i = close + ticks
                continue
            buf.append(s[i:i + ticks])
            i += ticks
            continue
        if c in "*_":
            double = s.startswith(c * 2, i)
            marker = c * 2 if double else c
            close = _closing(s, i + len(marker), marker)
            if close is not None:
                flush()
                inner = _parse(s[i + len(marker):close], allow_links)
                out.append(Node("strong" if double else "em", children=tuple(inner)))
                i = close + len(marker)
                continue
        if c == "[" and allow_links:
            m = _link_at(s, i)
            if m is not None:
                label, target, end = m
                flush()
                out.append(Node("link", children=tuple(_parse(label, False)), url=safe_url(target)))
                i = end
                continue
        buf.append(c)
        i += 1
    flush()
    return out


def _closing(s: str, start: int, marker: str) -> int | None:
    """Where an emphasis run that opens at ``start`` closes (not flanked by space), or None."""
    if start >= len(s) or s[start].isspace():
        return None
    j = start
    while True:
        j = s.find(marker, j + 1)
        if j < 0:
            return None
        if s[j - 1].isspace() or s[j - 1] == "\\":
            continue
        # `_` inside a word (snake_case) is not emphasis.
        if marker[0] == "_" and j + len(marker) < len(s) and s[j + len(marker)].isalnum():
            continue
        if len(marker) == 1 and s.startswith(marker * 2, j):
            j += 1
            continue
        return j


def _link_at(s: str, i: int) -> tuple[str, str, int] | None:
    depth, j = 0, i
    while j < len(s):
        if s[j] == "\\":
            j += 2
            continue
        if s[j] == "[":
            depth += 1
        elif s[j] == "]":
            depth -= 1
            if depth == 0:
                break
        j += 1
    else:
        return None
    if not s.startswith("(", j + 1):
        return None
    # The destination ends at the ")" that balances its "(" (URLs may hold parentheses).
    depth, close = 0, -1
    for k in range(j + 1, len(s)):
        if s[k] == "(":
            depth += 1
        elif s[k] == ")":
            depth -= 1
            if depth == 0:
                close = k
                break
    if close < 0:
        return None
    target = s[j + 2:close].strip()
    if target.startswith("<") and target.endswith(">"):
        target = target[1:-1]
    if not target or " " in target:
        return None
    return s[i + 1:j], target, close + 1


def to_markdown(nodes: list[Node] | tuple[Node, ...]) -> Markup:
    parts: list[str] = []
    for n in nodes:
        if n.kind == "text":
            parts.append(text(n.value))
        elif n.kind == "code":
            parts.append(Markup("<code>") + text(n.value) + Markup("</code>"))
        elif n.kind in {"em", "strong"}:
            parts.append(Markup(f"<{n.kind}>") + to_markdown(n.children) + Markup(f"</{n.kind}>"))
        elif n.kind == "link":
            label = to_markdown(n.children)
            parts.append(Markup(f"[{label}]({n.url})") if n.url else label)
    return Markup("".join(parts))


def to_plain(nodes: list[Node] | tuple[Node, ...]) -> str:
    return "".join(n.value if n.kind in {"text", "code"} else to_plain(n.children) for n in nodes)


# Both are pure functions of a string, and a claim is shown on many pages (sheet, source, person,
# timeline, figures): parse it once. Markup is an immutable str, safe to share.
@lru_cache(maxsize=65536)
def inline(source: str | None) -> Markup:
    """Jinja filter: an editor's inline Markdown as safe Markdown."""
    return to_markdown(parse(source or ""))


@lru_cache(maxsize=65536)
def plain(source: str | None) -> str:
    """Jinja filter: the words of an editor's inline Markdown, without markup."""
    return to_plain(parse(source or ""))
