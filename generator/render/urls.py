"""The site's URL scheme: where a sheet's page and a fact's anchor are, and where old ones now lead.

A sheet is the page ``<sheet>/`` and a fact the anchor ``<sheet>/#<fact>`` on it
(:func:`default_url`); in the docs folder the engine builds from, the same page
is ``sheets/<sheet>.md`` (:func:`docs_link`).
"""

from __future__ import annotations

from collections import Counter
from typing import Callable

from generator.loading import Workspace
from generator.validation.redirects import redirect_map


def docs_link(sheet_id: str, fact_id: str | None) -> str:
    """A sheet's Markdown page in the docs folder, and a fact as an anchor on it."""
    return f"sheets/{sheet_id}.md" + (f"#{fact_id}" if fact_id else "")


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
