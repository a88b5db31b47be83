"""A web page → the article text a reader sees (trafilatura) and the metadata the page states (our reader).

Main text: trafilatura, chosen over readability-lxml on saved pages of four layouts
(tests/pages/): both found the body of a plain article, but readability kept the
live blog's "Share" buttons and timestamps and a press release's dateline, while
trafilatura kept every paragraph and nothing of the navigation, sidebars, share
bars, newsletter boxes, related links, captions or footers. Its XML output is
serialised here, so paragraphs, headings, list items and quotations each become
one line, without the "- " bullets its text output adds (a reader does not copy them).

Metadata is read by this module, not by trafilatura, because trafilatura fills
gaps by guessing (the site name from the host name, a date from the URL or the
text): a source's metadata is what the page states, or nothing. The order in
which each field is looked for is the table ``_ORDER`` below.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from typing import Any, Iterator

from generator.authoring import Refused
from generator.sources.document import Extracted, Found

# Where each field is read, first match wins. Named after what editors see in a page's source.
_ORDER = {
    "title": ["JSON-LD headline", "og:title", "DC.title", "citation_title", "<title>"],
    "authors": ["JSON-LD author", "citation_author", "meta author", "DC.creator"],
    "publisher": ["JSON-LD publisher", "og:site_name", "DC.publisher", "citation_publisher"],
    "published": ["JSON-LD datePublished", "article:published_time", "DC.date.issued", "DC.date",
                  "citation_publication_date", "citation_date", "<time itemprop=datePublished>"],
    "url": ["<link rel=canonical>", "og:url", "JSON-LD url"],
    "language": ["<html lang>", "JSON-LD inLanguage", "DC.language", "content-language"],
}
_META_NAMES = {  # a name in _ORDER → the <meta> name or property that holds it
    "og:title": "og:title", "DC.title": "dc.title", "citation_title": "citation_title",
    "citation_author": "citation_author", "meta author": "author", "DC.creator": "dc.creator",
    "og:site_name": "og:site_name", "DC.publisher": "dc.publisher", "citation_publisher": "citation_publisher",
    "article:published_time": "article:published_time", "DC.date.issued": "dc.date.issued",
    "DC.date": "dc.date", "citation_publication_date": "citation_publication_date",
    "citation_date": "citation_date", "og:url": "og:url", "DC.language": "dc.language",
}
_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
                  "liveblogposting", "scholarlyarticle", "report", "webpage", "opinionnewsarticle"}
_DATE = re.compile(r"(\d{4})(?:[-/](\d{2})(?:[-/](\d{2}))?)?(?=$|[T\s+Z-])")
_LANG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_SPACE = re.compile(r"[ \t\r\n\f]+")  # HTML white space; a no-break space is kept, as a browser shows it
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def decode(body: bytes, charset: str | None) -> str:
    """The page as text: the HTTP charset, else the page's <meta charset>, else UTF-8, else windows-1252."""
    for name in (charset, _sniff(body), "utf-8"):
        if not name:
            continue
        try:
            return body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("windows-1252", errors="replace")  # what browsers assume of an undeclared page


def _sniff(body: bytes) -> str | None:
    m = _CHARSET.search(body[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def extract_html(body: bytes, charset: str | None, url: str | None, what: str) -> Extracted:
    try:
        import lxml.html  # type: ignore[import-untyped]  # lxml ships no annotations (lxml-stubs is separate)
        import trafilatura
    except ImportError:
        raise Refused("extractor-missing", "reading a web page needs trafilatura: pip install 'factsheet[import]' "
                                           "(or bash scripts/setup test import)") from None
    page = decode(body, charset)
    if not page.strip():
        raise Refused("no-main-text", f"{what}: the page is empty")
    xml = trafilatura.extract(page, url=url, output_format="xml", include_comments=False, include_tables=True,
                              include_images=False, include_formatting=False, include_links=False,
                              deduplicate=False, with_metadata=False)
    lines = list(_xml_lines(xml)) if xml else []
    try:
        tree = lxml.html.document_fromstring(page)
    except Exception:  # noqa: BLE001 - lxml raises several types on broken documents
        tree = None
    # On a page without an article the extractor falls back to whatever text there is, often the menu:
    # text made only of the page's link labels is not an article.
    links = sorted({_collapse(a.text_content()) for a in tree.iter("a")} - {""}, key=len, reverse=True) \
        if tree is not None else []
    if not any(_beyond_links(line, links) for line in lines):
        raise Refused("no-main-text", f"{what}: no article text found in the page (it may be built by JavaScript, "
                                      "or be an index of links); save the text by hand as a .txt file instead")
    meta = read_metadata(tree, url) if tree is not None else {}
    return Extracted("\n".join(lines) + "\n", "web page", meta)


def _beyond_links(line: str, links: list[str]) -> bool:
    """Whether ``line`` has a word that is not part of a link label."""
    for label in links:
        if label in line:
            line = line.replace(label, " ")
    return re.search(r"\w", line) is not None


# --- main text ---------------------------------------------------------------------------------------

_CONTAINERS = {"main", "doc", "div", "list", "quote", "table", "section"}


def _xml_lines(xml: str) -> Iterator[str]:
    from lxml import etree
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    yield from _block(main if main is not None else root)


def _block(el: Any) -> Iterator[str]:
    children = [c for c in el if isinstance(c.tag, str)]
    if el.tag == "row":
        cells = [_inline(c) for c in children]
        line = "\t".join(c for c in cells if c)
        if line:
            yield line
        return
    if el.tag in _CONTAINERS and any(c.tag in _CONTAINERS or c.tag in ("p", "head", "item", "row") for c in children):
        if el.text and el.text.strip():
            yield _collapse(el.text)
        for c in children:
            yield from _block(c)
            if c.tail and c.tail.strip():
                yield _collapse(c.tail)
        return
    line = _inline(el)
    if line:
        yield from (part for part in line.split("\n") if part)


def _inline(el: Any) -> str:
    """An element's text as a reader sees it: runs of white space as one space, <lb/> as a line break."""
    parts: list[str] = []

    def walk(e: Any) -> None:
        if e.tag == "lb":
            parts.append("\n")
        elif e.text:
            parts.append(e.text)
        for c in e:
            if isinstance(c.tag, str):
                walk(c)
            if c.tail:
                parts.append(c.tail)

    walk(el)
    return "\n".join(_collapse(p) for p in "".join(parts).split("\n") if p.strip())


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip(" \t\r\n\f")


# --- metadata ------------------------------------------------------------------------------------------

def read_metadata(tree: Any, base_url: str | None) -> dict[str, Found]:
    """Each field the page states, from the first place in ``_ORDER`` that has it; nothing is guessed."""
    metas: dict[str, list[str]] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("http-equiv") or "").strip().lower()
        content = m.get("content")
        if key and content and content.strip():
            metas.setdefault(key, []).append(_collapse(content))
    ld = _json_ld_article(tree)
    found: dict[str, Found] = {}
    for name, places in _ORDER.items():
        for place in places:
            value = _read(place, name, tree, metas, ld, base_url)
            if value:
                found[name] = Found(value, place)
                break
    title = found.get("title")
    publisher = found.get("publisher")
    if title and title.where == "<title>" and publisher and isinstance(title.value, str):
        # "Headline | Site": the page's own title minus the site name it states elsewhere.
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            if title.value.endswith(sep + str(publisher.value)):
                title.value = title.value[: -len(sep + str(publisher.value))]
    return found


def _read(place: str, name: str, tree: Any, metas: dict[str, list[str]], ld: dict[str, Any],
          base_url: str | None) -> str | list[str] | None:
    raw: list[str] = []
    if place.startswith("JSON-LD "):
        raw = _ld_values(ld.get(place.removeprefix("JSON-LD ")))
    elif place == "<title>":
        raw = [_collapse(t.text_content()) for t in tree.iter("title")][:1]
    elif place == "<link rel=canonical>":
        raw = [link.get("href", "") for link in tree.iter("link") if "canonical" in (link.get("rel") or "").lower().split()]
    elif place == "<html lang>":
        raw = [tree.getroottree().getroot().get("lang") or ""]
    elif place == "content-language":
        raw = metas.get("content-language", [])
    elif place == "<time itemprop=datePublished>":
        raw = [t.get("datetime") or t.text_content() for t in tree.iter("time")
               if t.get("itemprop") == "datePublished" or t.get("pubdate") is not None]
    else:
        raw = metas.get(_META_NAMES[place], [])
    raw = [r.strip() for r in raw if r and r.strip()]
    if not raw:
        return None
    if name == "authors":
        people = [r for r in dict.fromkeys(raw) if not r.startswith(("http://", "https://"))]
        return people or None
    first = raw[0]
    if name == "published":
        return _date(first)
    if name == "url":
        absolute = urllib.parse.urljoin(base_url or "", first)
        return absolute if urllib.parse.urlsplit(absolute).scheme in ("http", "https") else None
    if name == "language":
        tag = first.replace("_", "-")
        return tag if _LANG.fullmatch(tag) else None
    return first


def _date(value: str) -> str | None:
    """The date as written (the publisher's own calendar day), or None when it is not an ISO-like date."""
    m = _DATE.match(value.strip())
    if not m:
        return None
    return "-".join(p for p in m.groups() if p)


def _json_ld_article(tree: Any) -> dict[str, Any]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for obj in _ld_objects(data):
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types):
                return obj
    return {}


def _ld_objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _ld_objects(data.get("@graph", []))


def _ld_values(value: Any) -> list[str]:
    """Names from a JSON-LD value: a string, an object with a name, or a list of them."""
    if isinstance(value, str):
        return [_collapse(value)]
    if isinstance(value, dict):
        name = value.get("name")
        return [_collapse(name)] if isinstance(name, str) else []
    if isinstance(value, list):
        return [v for item in value for v in _ld_values(item)]
    return []
