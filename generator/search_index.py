"""Tidy the search index a site engine wrote, where its defaults mislead readers.

- MkDocs (material) copies a page's tags onto every section of the page, so a
  result lists the same tag chips under the page and again under each matching
  fact: the tags stay on the page's own entry only.
- Zensical titles a section result by its heading alone, so a source page's
  sections read "Facts citing this source" and "Full text" with no hint of
  which source: they take the page's title (the source's), as readers look for it.

The pages themselves are untouched; only the index the search box reads changes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MKDOCS_INDEX = "search/search_index.json"
ZENSICAL_INDEX = "search.json"
# Anchors of sections named for their part of the page (see site_templates/source.md.j2), not their subject.
GENERIC_SECTIONS = frozenset({"citing_facts", "full_text"})


def _entries(doc: Any, key: str) -> list[dict[str, Any]] | None:
    items = doc.get(key) if isinstance(doc, dict) else None
    return items if isinstance(items, list) and all(isinstance(e, dict) for e in items) else None


def tidy_mkdocs(doc: Any) -> bool:
    """Keep tags on page entries only; True when anything changed."""
    changed = False
    for entry in _entries(doc, "docs") or []:
        if "#" in str(entry.get("location", "")) and "tags" in entry:
            del entry["tags"]
            changed = True
    return changed


def tidy_zensical(doc: Any) -> bool:
    """Give generic sections their page's title; True when anything changed."""
    items = _entries(doc, "items") or []
    titles = {str(e.get("location")): e.get("title") for e in items if "#" not in str(e.get("location", ""))}
    changed = False
    for entry in items:
        page, _, anchor = str(entry.get("location", "")).partition("#")
        title = titles.get(page)
        if anchor in GENERIC_SECTIONS and isinstance(title, str) and entry.get("title") != title:
            entry["title"] = title
            changed = True
    return changed


def tidy(site_dir: Path) -> list[str]:
    """Tidy whichever engine's index ``site_dir`` holds; the indexes rewritten, site-relative."""
    done = []
    for name, fix in ((MKDOCS_INDEX, tidy_mkdocs), (ZENSICAL_INDEX, tidy_zensical)):
        path = site_dir / name
        if not path.is_file():
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        if fix(doc):
            # Compact, as the engines write it: the index is fetched by every reader who searches.
            path.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            done.append(name)
    return done
