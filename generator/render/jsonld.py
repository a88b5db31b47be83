"""schema.org ClaimReview per fact, as JSON-LD for a sheet page (search engines and fact-check tools read it).

A review here says what the validator proved: the cited excerpts state the claim (or do not). Its
rating is the verdict on a 1–4 scale with the verdict's words as ``alternateName``; the claim's
appearances are the cited sources. Written by the generator into the page, so both engines carry it.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from generator.render.urls import absolute, page_url
from generator.render.views import FactView, SheetView, SiteData

# The verdicts on one scale, best first (ratingValue): what a reader may rely on.
RATING = {"verified": 4, "speaker-unconfirmed": 3, "unverified": 2, "refuted": 1}


def claim_review(f: FactView, site: SiteData, site_name: str, site_url: str | None) -> dict[str, Any]:
    appearances = []
    for c in f.citations:
        if c.source is None:
            continue
        meta = c.source.meta
        work: dict[str, Any] = {"@type": "CreativeWork", "headline": meta.title}
        if meta.url:
            work["url"] = meta.url
        if meta.published:
            work["datePublished"] = meta.published
        if meta.publisher:
            work["publisher"] = {"@type": "Organization", "name": meta.publisher}
        if meta.authors:
            work["author"] = [{"@type": "Person", "name": a} for a in meta.authors]
        if work not in appearances:
            appearances.append(work)
    review: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "ClaimReview",
        # Without the site's address, the fact's anchor: JSON-LD resolves it against this page.
        "url": absolute(page_url(f.link, site.directory_urls), site_url) if site_url else f"#{f.id}",
        "claimReviewed": " ".join(f.plain_claim.split()),
        "author": {"@type": "Organization", "name": site_name},
        "reviewRating": {"@type": "Rating", "ratingValue": RATING.get(f.verdict, 2), "bestRating": 4,
                         "worstRating": 1, "alternateName": f.badge, "ratingExplanation": f.tip},
        "itemReviewed": {"@type": "Claim", "appearance": appearances,
                         **({"firstAppearance": appearances[0]} if appearances else {})},
    }
    return review


def sheet_json_ld(sheet: SheetView, site: SiteData, site_name: str, site_url: str | None) -> Markup:
    """A <script type="application/ld+json"> with one ClaimReview per fact of the sheet."""
    data = [claim_review(f, site, site_name, site_url) for f in sheet.facts]
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Nothing in the data may end the script element or open a comment: "<" is written as \u003c.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')
