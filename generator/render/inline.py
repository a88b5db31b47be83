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
from bisect import bisect_right
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
    s = re.sub(r"\s+", " ", source).strip()
    return _Parser(s).parse(0, len(s), allow_links=True)


_TICKS = re.compile(r"`+")
_PARENS = re.compile(r"[()]")


class _Parser:
    """One claim parsed in time linear in its length (n log n at worst).

    Parsing is left to right, emphasis and link labels parsed as ranges of the same string.
    Every search for a closing marker, bracket, parenthesis or run of backticks is answered
    from tables built in one pass, or memoised so that no stretch of the claim is scanned
    again for every marker that could open before it (``[`` × 19,000 took 37 s that way).
    """

    def __init__(self, s: str):
        self.s = s
        self._brackets = _bracket_matches(s)
        self._parens = _paren_matches(s)
        self._closers: dict[tuple[str, int], dict[int, int | None]] = {}
        runs = [(m.start(), m.end() - m.start()) for m in _TICKS.finditer(s)]
        self._run_start = [a for a, _ in runs]
        self._run_len = [n for _, n in runs]
        self._run_jump = _next_longer(self._run_len)

    def parse(self, lo: int, hi: int, allow_links: bool) -> list[Node]:
        s = self.s
        out: list[Node] = []
        buf: list[str] = []
        i = lo

        def flush() -> None:
            if buf:
                out.append(Node("text", "".join(buf)))
                buf.clear()

        while i < hi:
            c = s[i]
            if c == "\\" and i + 1 < hi and s[i + 1] in _PUNCT:
                buf.append(s[i + 1])
                i += 2
                continue
            if c == "`":
                m = _TICKS.match(s, i, hi)
                assert m is not None
                ticks = m.end() - i
                close = self._ticks_at(ticks, i + ticks, hi)
                if close > i:
                    flush()
                    out.append(Node("code", s[i + ticks:close].strip() or s[i + ticks:close]))
                    i = close + ticks
                    continue
                buf.append(s[i:i + ticks])
                i += ticks
                continue
            if c in "*_":
                double = s.startswith(c * 2, i, hi)
                marker = c * 2 if double else c
                shut = self._closing(i + len(marker), marker, hi)
                if shut is not None:
                    flush()
                    inner = self.parse(i + len(marker), shut, allow_links)
                    out.append(Node("strong" if double else "em", children=tuple(inner)))
                    i = shut + len(marker)
                    continue
            if c == "[" and allow_links:
                m2 = self._link_at(i, hi)
                if m2 is not None:
                    (la, lb), target, end = m2
                    flush()
                    out.append(Node("link", children=tuple(self.parse(la, lb, False)), url=safe_url(target)))
                    i = end
                    continue
            buf.append(c)
            i += 1
        flush()
        return out

    def _ticks_at(self, ticks: int, x: int, hi: int) -> int:
        """``s.find("`" * ticks, x, hi)``, from the table of backtick runs."""
        starts, lens = self._run_start, self._run_len
        k = bisect_right(starts, x) - 1
        if k >= 0 and starts[k] + lens[k] - x >= ticks:
            found = x
        else:
            k += 1
            # A run shorter than ``ticks`` jumps to the next longer one: at most ``ticks`` jumps,
            # and the caller moves past those ``ticks`` backticks whatever is found.
            while k < len(lens) and lens[k] < ticks:
                k = self._run_jump[k]
            if k >= len(lens):
                return -1
            found = starts[k]
        return found if found + ticks <= hi else -1

    def _closing(self, start: int, marker: str, hi: int) -> int | None:
        """Where an emphasis run that opens at ``start`` closes (not flanked by space), or None,
        within ``s[:hi]``.

        The search steps from one occurrence of ``marker`` to the next; the answer from each
        occurrence is memoised (per marker and range end), so each is looked at once.
        """
        s = self.s
        if start >= hi or s[start].isspace():
            return None
        memo = self._closers.setdefault((marker, hi), {})
        seen: list[int] = []
        j = s.find(marker, start + 1, hi)
        answer: int | None = None
        while j >= 0:
            if j in memo:
                answer = memo[j]
                break
            seen.append(j)
            if s[j - 1].isspace() or s[j - 1] == "\\":
                j = s.find(marker, j + 1, hi)
                continue
            # `_` inside a word (snake_case) is not emphasis.
            if marker[0] == "_" and j + len(marker) < hi and s[j + len(marker)].isalnum():
                j = s.find(marker, j + 1, hi)
                continue
            if len(marker) == 1 and s.startswith(marker * 2, j, hi):
                j = s.find(marker, j + 2, hi)
                continue
            answer = j
            break
        for k in seen:
            memo[k] = answer
        return answer

    def _link_at(self, i: int, hi: int) -> tuple[tuple[int, int], str, int] | None:
        j = self._brackets.get(i)
        if j is None:  # a "[" the one-pass reading did not see (never, when parsing from the start)
            j = _scan_bracket(self.s, i)
        if j < 0 or j >= hi:
            return None
        if not self.s.startswith("(", j + 1, hi):
            return None
        # The destination ends at the ")" that balances its "(" (URLs may hold parentheses).
        close = self._parens.get(j + 1, -1)
        if close < 0 or close >= hi:
            return None
        target = self.s[j + 2:close].strip()
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1]
        if not target or " " in target:
            return None
        return (i + 1, j), target, close + 1


def _bracket_matches(s: str) -> dict[int, int]:
    """For each ``[``, the ``]`` that balances it (-1: none), a backslash hiding the character after it.

    Read from any ``[`` the parser stands on, the text visits the same characters (the parser
    pairs backslashes the same way), so one pass with a stack matches them all.
    """
    out: dict[int, int] = {}
    stack: list[int] = []
    j = 0
    while j < len(s):
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            out[j] = -1
            stack.append(j)
        elif c == "]" and stack:
            out[stack.pop()] = j
        j += 1
    return out


def _scan_bracket(s: str, i: int) -> int:
    """The ``]`` balancing the ``[`` at ``i``, read from ``i`` (-1: none)."""
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
                return j
        j += 1
    return -1


def _paren_matches(s: str) -> dict[int, int]:
    """For each ``(``, the ``)`` that balances it (-1: none); no escapes, as URLs are read."""
    out: dict[int, int] = {}
    stack: list[int] = []
    for m in _PARENS.finditer(s):
        j = m.start()
        if s[j] == "(":
            out[j] = -1
            stack.append(j)
        elif stack:
            out[stack.pop()] = j
    return out


def _next_longer(lens: list[int]) -> list[int]:
    """For each run, the index of the next longer run (len(lens): none), by a monotonic stack."""
    out = [len(lens)] * len(lens)
    stack: list[int] = []
    for k, n in enumerate(lens):
        while stack and lens[stack[-1]] < n:
            out[stack.pop()] = k
        stack.append(k)
    return out


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
