"""feed.xml: an Atom feed of the facts, newest first, for readers who follow the site.

A fact's ``updated`` is the latest date the content gives it (its sheet's date, its sources'
publication and retrieval dates), so a new fact, or one re-checked against a fresh snapshot,
rises to the top; builds stay deterministic (no clock is read).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.matchers.dates import PartialDate, parse_partial_date
from generator.render.urls import absolute, page_url
from generator.render.values import date_sort_key
from generator.render.views import FactView, SiteData

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "feed.xml"


def fact_updated(f: FactView, sheet_date: PartialDate | None) -> PartialDate | None:
    dates = [sheet_date] if sheet_date else []
    for c in f.citations:
        if c.source is not None:
            dates += [parse_partial_date(d) for d in (c.source.meta.published, c.source.meta.retrieved) if d]
    return max(dates, key=date_sort_key) if dates else None


def _stamp(d: PartialDate | None) -> str:
    year, month, day = date_sort_key(d) if d else (1970, 1, 1)
    return f"{year:04d}-{max(month, 1):02d}-{max(day, 1):02d}T00:00:00Z"


def atom_feed(site: SiteData, site_name: str, site_description: str, site_url: str | None) -> str:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    entries = []
    for sheet in site.sheets:
        for f in sheet.facts:
            entries.append((fact_updated(f, sheet.date), sheet, f))
    entries.sort(key=lambda e: (tuple(-x for x in date_sort_key(e[0])) if e[0] else (1, 0, 0), e[2].gid))

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    home = absolute(page_url("index.md", site.directory_urls), site_url) or "./"
    sub(feed, "id", absolute(FEED_PATH, site_url) if site_url else "urn:factsheet:feed")
    sub(feed, "title", site_name)
    if site_description:
        sub(feed, "subtitle", site_description)
    sub(feed, "updated", _stamp(entries[0][0] if entries else None))
    sub(feed, "link", rel="alternate", type="text/html", href=home)
    sub(feed, "link", rel="self", type="application/atom+xml", href=absolute(FEED_PATH, site_url))
    author = sub(feed, "author")
    sub(author, "name", site_name)
    for updated, sheet, f in entries:
        url = absolute(page_url(f.link, site.directory_urls), site_url)
        entry = sub(feed, "entry")
        sub(entry, "id", url if site_url else f"urn:factsheet:fact:{f.gid}")
        sub(entry, "title", " ".join(f.plain_claim.split()))
        sub(entry, "updated", _stamp(updated))
        sub(entry, "link", rel="alternate", type="text/html", href=url)
        sub(entry, "category", term=f.verdict, label=f.badge)
        lines = [f"{f.badge}: {f.term.meaning}", f"Sheet: {' '.join(sheet.sheet.title.split())}."]
        for c in f.citations:
            title = c.source.meta.title if c.source else c.source_id
            lines.append(f"[{c.number}] {title}: “{' '.join(c.passage.split())}”")
        sub(entry, "summary", "\n".join(lines), type="text")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
