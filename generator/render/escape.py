"""Escaping for the contexts editors' text lands in: Markdown with inline HTML, attributes, URLs.

Rendered pages are Markdown that MkDocs or Zensical turn into HTML, so text
must be inert for both languages at once. Every character that means something
to Markdown (or its extensions) or to HTML becomes a numeric character
reference: Markdown leaves references alone, HTML decodes them, and they are
equally valid inside attribute values.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import quote, urlsplit

from markupsafe import Markup

# Markdown inline and block syntax, table pipes, attribute lists, pymdownx marks
# (~ ^ = :), and HTML's own specials.
_SPECIAL = set("\\`*_{}[]()#+-.!|<>&\"'~^=:$%@")
_REFS = {c: f"&#{ord(c)};" for c in _SPECIAL} | {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_SPACE = re.compile(r"\s+")


def text(value: object) -> Markup:
    """Any value as inline text, safe in Markdown, HTML and attribute values (line breaks fold to spaces)."""
    if isinstance(value, Markup):
        return value
    return _text("" if value is None else str(value))


@lru_cache(maxsize=65536)
def _text(s: str) -> Markup:
    # The same names, titles and claims are escaped on every page that shows them.
    return Markup("".join(_REFS.get(c, c) for c in _SPACE.sub(" ", s)))


def raw_text(value: str) -> Markup:
    """Text for inside a raw HTML block, where line breaks are kept as they are."""
    return Markup("".join(_REFS.get(c, c) if c not in "\n" else c for c in value))


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Percent-encode what would end a Markdown link destination or an HTML attribute.
_URL_UNSAFE = {c: quote(c) for c in " \"'<>()[]\\`{}|^"} | {"\n": "", "\r": "", "\t": ""}


def safe_url(url: str) -> str | None:
    """An http(s) or relative URL made safe for a Markdown link or an href; None if refused.

    Refused: any other scheme (javascript:, data:, ...), protocol-relative ``//host``,
    and control characters that browsers strip before reading the scheme.
    """
    # Judge the URL as the browser reads it: character references decoded (`&#106;avascript:`
    # is javascript:). The output escapes every `&`, so nothing decodes into a new character.
    url = html.unescape(url)
    if any(ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    url = url.strip()
    if not url:
        return None
    if _SCHEME.match(url):
        try:
            scheme = urlsplit(url).scheme.lower()
        except ValueError:  # "http://[x": a bracketed host that does not parse; no link, not a crash
            return None
        if scheme not in {"http", "https"}:
            return None
    elif url.startswith("//") or url.startswith("\\"):
        return None
    return "".join(_URL_UNSAFE.get(c, c) for c in url).replace("&", "&amp;")


def url(value: str) -> Markup:
    """Jinja filter: a safe URL for a Markdown link destination, or ``#`` when the URL is refused."""
    return Markup(safe_url(value) or "#")


def href(value: str) -> Markup:
    """Jinja filter: a safe URL for an HTML attribute (``&`` already a reference)."""
    return Markup(safe_url(value) or "#")


def fragment_part(words: str) -> str:
    """One part of a ``#:~:text=`` directive: everything but unreserved characters encoded, ``-`` too."""
    return quote(words, safe="").replace("-", "%2D")


def text_fragment(passage: str, max_words: int = 8) -> str:
    """``:~:text=`` directive that finds ``passage`` on the original page.

    Long passages use ``start,end`` so a small difference in the middle (a line
    break, a photo caption) does not defeat the match.
    """
    words = passage.split()
    if len(words) <= max_words:
        return ":~:text=" + fragment_part(" ".join(words))
    half = max_words // 2
    return ":~:text=" + fragment_part(" ".join(words[:half])) + "," + fragment_part(" ".join(words[-half:]))
