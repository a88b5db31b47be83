"""The site's URL scheme, in one place: every page and anchor, and where old ones now lead.

Pages are named by their file in the docs folder the engine builds from
(``sheets/<sheet>.md``, a fact the anchor ``sheets/<sheet>.md#<fact>``: :func:`docs_link`).
Markdown links between those files are rewritten by the engine; whatever the engine does
not rewrite (raw HTML, data files, the feed, JSON-LD) takes its URL from here, for
either setting of ``use_directory_urls`` (:func:`page_url`, :func:`link_between`).
"""

from __future__ import annotations

import posixpath
from collections import Counter
from typing import Callable

from generator.loading import Workspace
from generator.validation.redirects import redirect_map


def docs_link(sheet_id: str, fact_id: str | None) -> str:
    """A sheet's Markdown page in the docs folder, and a fact as an anchor on it."""
    return sheet_page(sheet_id) + (f"#{fact_id}" if fact_id else "")


def sheet_page(sheet_id: str) -> str:
    return f"sheets/{sheet_id}.md"


def source_page(source_id: str) -> str:
    # A folder's index.md: Zensical reads a relative link in raw HTML (a passage's back-links) against
    # the Markdown file's folder, MkDocs against the page's; they agree where the two are one folder.
    return f"sources/{source_id}/index.md"


def page_url(docs_path: str, directory_urls: bool = True) -> str:
    """Where both engines put a docs page, relative to the site root, with an ``#anchor`` kept.

    ``sheets/x.md`` is ``sheets/x/`` (``sheets/x.html`` without directory URLs); an
    ``index.md`` is its folder (``sheets/``, the home page ``""``; or ``…/index.html``).
    """
    path, sep, anchor = docs_path.partition("#")
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        folder = stem[: -len("index")]
        url = folder if directory_urls else folder + "index.html"
    else:
        url = stem + "/" if directory_urls else stem + ".html"
    return url + sep + anchor


def absolute(url: str, site_url: str | None) -> str:
    """A site-root-relative URL made absolute with the site's address, when it is known (else unchanged)."""
    if not site_url:
        return url
    return site_url.rstrip("/") + "/" + url


def link_between(here: str, target: str, directory_urls: bool = True) -> str:
    """A relative URL from the built page of docs file ``here`` to docs file ``target`` (``#anchor`` kept),
    for links the engine does not rewrite (raw HTML)."""
    origin = page_url(here, directory_urls)
    path, sep, anchor = page_url(target, directory_urls).partition("#")
    if path == origin and anchor:
        return "#" + anchor  # on this page
    folder = origin[:-1] if origin.endswith("/") else posixpath.dirname(origin)
    rel = posixpath.relpath(path or ".", folder or ".")
    if path.endswith("/") or not path:
        rel = "./" if rel == "." else rel + "/"
    return rel + sep + anchor


def default_url(sheet_id: str, fact_id: str | None) -> str:
    """A sheet page ``<sheet>/``, and a fact as the anchor ``<sheet>/#<fact>`` on it."""
    return f"{sheet_id}/" if fact_id is None else f"{sheet_id}/#{fact_id}"


def redirect_pages(ws: Workspace,
                   url_for: Callable[[str, str | None], str] = default_url) -> dict[str, str]:
    """Old URL → new URL for the site builder: one entry per redirected fact, plus the page of every
    sheet that is gone, which leads to the sheet most of its redirected facts went to.

    ``url_for(sheet_id, fact_id)`` gives a fact's URL, or a sheet's page when ``fact_id`` is None.
    """
    pages: dict[str, str] = {}
    gone_sheets: dict[str, Counter[str]] = {}
    for old, new in sorted(redirect_map(ws).items()):
        old_sheet, old_fact = old.split("/")
        new_sheet, new_fact = new.split("/")
        pages[url_for(old_sheet, old_fact)] = url_for(new_sheet, new_fact)
        if old_sheet not in ws.sheets:
            gone_sheets.setdefault(old_sheet, Counter())[new_sheet] += 1
    for old_sheet, targets in sorted(gone_sheets.items()):
        best = sorted(targets.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        pages[url_for(old_sheet, None)] = url_for(best, None)
    return pages
