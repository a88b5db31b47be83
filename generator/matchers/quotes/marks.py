"""Quotation marks: which marks pair up into quotations, and which are apostrophes.

Curly or straight, double or single. Double marks pair within a paragraph;
single marks are believed only where they cannot be an apostrophe (Russia’s,
don’t, ’90s, a stray ‘s).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_DOUBLE_OPEN = "\u201c\u201e\u00ab"  # “ „ «
_DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
_DOUBLE_ANY = '"\u201f'  # " ‟
_DOUBLES = _DOUBLE_OPEN + _DOUBLE_CLOSE + _DOUBLE_ANY
_SINGLE_OPEN = "\u2018\u201a\u201b"  # ‘ ‚ ‛
_SINGLE_CLOSE = "\u2019"  # ’
_SINGLE_ANY = "'"
_OPEN_BEFORE = "([{/\u2014\u2013-"  # what may stand right before an opening mark
_CLOSE_AFTER = ".,;:!?)]}\u2014\u2013-\u2026/"  # what may stand right after a closing mark
_SINGLE_REACH = 400  # a single-quoted span longer than this is not believed
_DOUBLE_MARK = re.compile(f"[{re.escape(_DOUBLES)}]")
_SINGLE_MARK = re.compile(f"[{re.escape(_SINGLE_OPEN + _SINGLE_CLOSE + _SINGLE_ANY)}]")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A quotation in the text: ``start``/``end`` include the marks, ``inner_*`` do not.

    When the text begins inside a quotation (an excerpt that cuts its opening
    mark) or ends before its closing mark, the span runs to the text's edge.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int

    def holds(self, a: int, b: int) -> bool:
        return self.inner_start <= a and b <= self.inner_end

    def overlaps(self, a: int, b: int) -> bool:
        return a < self.end and self.start < b


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """The quotations in ``text``, in order, not overlapping."""
    doubles = _double_spans(text)
    spans = list(doubles)
    gaps = _gaps(text, doubles)
    for a, b in gaps:
        spans.extend(_single_spans(text, a, b))
    spans.sort(key=lambda s: s.start)
    return spans


def _around(text: str, i: int) -> tuple[str, str]:
    """The characters either side of ``i``; the text's edges count as white space."""
    return (text[i - 1] if i > 0 else " "), (text[i + 1] if i + 1 < len(text) else " ")


def _opening_context(text: str, i: int) -> bool:
    prev, nxt = _around(text, i)
    return (prev.isspace() or prev in _OPEN_BEFORE or prev in _DOUBLES) and not nxt.isspace()


def _closing_context(text: str, i: int) -> bool:
    prev, nxt = _around(text, i)
    return not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER or nxt in _DOUBLES)


def _is_closer(text: str, i: int) -> bool:
    c = text[i]
    if c in _DOUBLE_CLOSE:
        return not _opening_context(text, i)
    if c in _DOUBLE_ANY:
        return _closing_context(text, i) and not _opening_context(text, i)
    return False


_PARA = re.compile(r"\n[ \t\r\f\v]*\n")


def _double_spans(text: str) -> list[QuotedSpan]:
    """Double marks pair up within a paragraph: one opens, the next closes.

    There are no nested double quotes in English, so while a quotation is open
    any double mark closes it, whatever its glyph (sources misuse “ for ”). A
    first mark that can only close means the text starts inside a quotation.
    A quotation left open ends with its paragraph (the convention for quotes
    running over paragraphs), or at a line break unless the next mark closes it
    (hard-wrapped text).
    """
    spans: list[QuotedSpan] = []
    # Every step below is a bisection or a scan of the text between two marks: linear in the text.
    marks = [m.start() for m in _DOUBLE_MARK.finditer(text)]
    para_ends = [m.start() for m in _PARA.finditer(text)] + [len(text)]
    opened: int | None = None
    first = True
    for i in marks:
        if opened is not None:
            cut = _open_until(text, opened, i, i, para_ends)
            if cut is not None:  # the open quotation ended before this mark
                spans.append(_span(text, opened, cut, closed=False))
                opened = None
        if opened is None:
            if first and _is_closer(text, i):
                if text[:i].strip():
                    spans.append(_span(text, -1, i, closed=True))
            else:
                opened = i
        else:
            if i > opened + 1:
                spans.append(_span(text, opened, i, closed=True))
            opened = None
        first = False
    if opened is not None:
        cut = _open_until(text, opened, len(text), None, para_ends)
        spans.append(_span(text, opened, cut if cut is not None else len(text), closed=False))
    return spans


def _open_until(text: str, opened: int, upto: int, nxt: int | None, para_ends: list[int]) -> int | None:
    """Where a quotation opened at ``opened`` ends if not at ``upto``: a paragraph end
    or a line break not followed by a closing mark (``nxt``, the next mark); None when it runs on."""
    k = bisect_right(para_ends, opened)
    if k < len(para_ends) and para_ends[k] < upto:
        return para_ends[k]
    nl = text.find("\n", opened, upto)
    if nl < 0:
        return None
    if nxt is not None and _is_closer(text, nxt):
        return None
    return nl


def _span(text: str, opened: int, close: int, closed: bool) -> QuotedSpan:
    start = opened if opened >= 0 else 0
    inner_start = opened + 1 if opened >= 0 else 0
    if closed:
        return QuotedSpan(start, close + 1, inner_start, close)
    end = close
    while end > inner_start and text[end - 1].isspace():
        end -= 1
    return QuotedSpan(start, end, inner_start, end)


def _gaps(text: str, spans: list[QuotedSpan]) -> list[tuple[int, int]]:
    gaps, pos = [], 0
    for s in spans:
        gaps.append((pos, s.start))
        pos = s.end
    gaps.append((pos, len(text)))
    return [(a, b) for a, b in gaps if b > a]


def _single_spans(text: str, a: int, b: int) -> list[QuotedSpan]:
    """Single-quoted spans (‘capitulation’) between ``a`` and ``b``, telling
    quote marks from apostrophes (Russia’s, don’t, ’90s, a stray ‘s)."""
    openers, closers = [], []
    for m in _SINGLE_MARK.finditer(text, a, b):
        i = m.start()
        c = text[i]
        prev, nxt = _around(text, i)
        if prev.isalnum() and nxt.isalnum():
            continue  # an apostrophe inside a word
        if (c in _SINGLE_OPEN or c in _SINGLE_ANY) and _opening_context(text, i) and nxt.isalnum():
            rest = text[i + 1:i + 4]
            if re.match(r"s\b", rest) or re.match(r"\d\ds", rest):
                continue  # a detached possessive ('s) or a decade ('90s)
            openers.append(i)
        elif (c in _SINGLE_CLOSE or c in _SINGLE_ANY) and _closing_context(text, i):
            closers.append(i)
    # next_plain[k]: the first closer from k on that does not follow an s (a plural possessive).
    next_plain = [len(closers)] * (len(closers) + 1)
    for k in range(len(closers) - 1, -1, -1):
        next_plain[k] = k if text[closers[k] - 1] not in "sS" else next_plain[k + 1]
    spans: list[QuotedSpan] = []
    reach = a
    for n, o in enumerate(openers):
        if o < reach:
            continue
        limit = min(openers[n + 1] if n + 1 < len(openers) else b, o + _SINGLE_REACH)
        para = _PARA.search(text, o, limit)
        if para is not None:
            limit = para.start()
        k = bisect_right(closers, o + 1)  # the first closer after o + 1
        if k >= len(closers) or closers[k] >= limit:
            continue
        # A plural possessive (countries’) closes only when nothing else can.
        p = next_plain[k]
        close = closers[p] if p < len(closers) and closers[p] < limit else closers[k]
        spans.append(QuotedSpan(o, close + 1, o + 1, close))
        reach = close + 1
    return spans
