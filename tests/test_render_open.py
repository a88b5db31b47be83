"""Open data on the pages: the Atom feed, ClaimReview JSON-LD, the snapshot each citation was checked
against, key facts at a glance, and later citations folded away."""

from __future__ import annotations

import hashlib
import html
import json
import re
import xml.etree.ElementTree as ET

from generator.loading import load_workspace
from generator.render import render
from generator.validation import validate
from tests.conftest import write_source, write_yaml
from tests.sitekit import ALPHA, HOSTILE, site_workspace
from tests.test_render import _typed_site, to_html

ATOM = "{http://www.w3.org/2005/Atom}"


def _rendered(root, site_url=None):
    ws = load_workspace(root)
    report = validate(ws)
    assert report.errors == 0, report.findings
    return render(ws, report, root, site_url)


def test_the_feed_lists_every_fact_newest_first_with_its_verdict(workspace):
    site_workspace(workspace)
    feed = ET.fromstring(_rendered(workspace).files["feed.xml"])
    assert feed.tag == f"{ATOM}feed" and feed.find(f"{ATOM}title").text == "Diplomacy of the war in Ukraine, fact by fact"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 6
    # bridge's facts carry its date and alpha's (2024-03-05); river's have no date at all and come last.
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated[:5] == ["2024-03-05T00:00:00Z"] * 5 and updated[5] == "1970-01-01T00:00:00Z"
    assert feed.find(f"{ATOM}updated").text == "2024-03-05T00:00:00Z"
    opened = next(e for e in entries if e.find(f"{ATOM}title").text == "The harbour bridge opened to traffic.")
    assert opened.find(f"{ATOM}link").get("href") == "sheets/bridge/#opened"
    assert opened.find(f"{ATOM}category").get("term") == "verified"
    summary = opened.find(f"{ATOM}summary").text
    assert "[1] Harbour bridge opens: “The harbour bridge opened to traffic”" in summary
    assert "[2] River desk notes: “The bridge opened to traffic”" in summary


def test_with_the_sites_address_the_feed_and_json_ld_use_absolute_urls(workspace):
    site_workspace(workspace)
    files = _rendered(workspace, "https://facts.example.org/sub/").files
    feed = ET.fromstring(files["feed.xml"])
    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}id").text.startswith("https://facts.example.org/sub/sheets/")
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "https://facts.example.org/sub/feed.xml"
    reviews = _json_ld(files["sheets/bridge.md"].decode())
    assert reviews[0]["url"] == "https://facts.example.org/sub/sheets/bridge/#opened"


def _json_ld(markdown_page: str) -> list[dict]:
    page = to_html(markdown_page)
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(found) == 1
    return json.loads(found[0])


def test_each_fact_is_a_claim_review_in_json_ld(workspace):
    site_workspace(workspace)
    reviews = _json_ld(_rendered(workspace).files["sheets/bridge.md"].decode())
    assert [r["url"] for r in reviews] == ["#opened", "#over-budget", "#mayor-credit", "#cost", "#crowds"]
    first = reviews[0]
    assert first["@context"] == "https://schema.org" and first["@type"] == "ClaimReview"
    assert first["claimReviewed"] == "The harbour bridge opened to traffic."
    assert first["reviewRating"]["alternateName"] == "Verified" and first["reviewRating"]["ratingValue"] == 4
    appearances = first["itemReviewed"]["appearance"]
    assert appearances[0] == {"@type": "CreativeWork", "headline": "Harbour bridge opens",
                              "url": "https://example.org/news/alpha", "datePublished": "2024-03-05",
                              "author": [{"@type": "Person", "name": "Ann Writer"}]}
    assert appearances[1]["publisher"] == {"@type": "Organization", "name": "River Desk"}
    # Markdown emphasis in a claim is gone from the claim reviewed.
    assert reviews[1]["claimReviewed"] == "Officials said the bridge cost more than expected."


def test_json_ld_cannot_end_its_script_element(workspace):
    write_source(workspace, "s", f"Words {HOSTILE} </script><!-- more.\n", title="T </script>")
    write_yaml(workspace, "facts/x.yml", f"""
        title: X
        facts:
          - id: a
            claim: "Claim {HOSTILE} </script> <!--"
            sources: [{{source: s, excerpt: "Words"}}]
        """)
    ws = load_workspace(workspace)
    page = render(ws, validate(ws), workspace).files["sheets/x.md"].decode()
    script = page.split('<script type="application/ld+json">', 1)[1]
    body, _, _ = script.partition("</script>")
    assert "<" not in body and ">" not in body
    assert json.loads(body)[0]["claimReviewed"].startswith("Claim <script>alert(1)</script>")


def test_each_citation_shows_the_snapshot_it_was_checked_against(workspace):
    site_workspace(workspace)
    sheet = html.unescape(to_html(_rendered(workspace).files["sheets/bridge.md"].decode()))
    digest = hashlib.sha256(ALPHA.encode()).hexdigest()
    assert (f'Snapshot of <time datetime="2024-03-05">5 March 2024</time> · SHA-256 '
            f'<code title="{digest}">{digest[:12]}</code>, checked at every build') in sheet
    # beta has no date: its snapshot is named by its hash alone.
    beta = hashlib.sha256(b"Notes from the river desk.\n\nThe bridge opened to traffic, officials confirmed.\n")
    assert f"Snapshot · SHA-256 <code title=\"{beta.hexdigest()}\">" in sheet


def test_later_citations_wait_behind_a_summary(workspace):
    site_workspace(workspace)
    sheet = to_html(_rendered(workspace).files["sheets/bridge.md"].decode())
    opened = sheet.split('id="opened"', 1)[1].split("<h2", 1)[0]
    first, _, later = opened.partition('<details class="fs-more-citations">')
    assert "Harbour bridge opens" in first and "River desk notes" not in first
    assert later.startswith("\n<summary>1 more citation</summary>") and "River desk notes" in later
    assert "</details>" in later
    # A fact with one citation has nothing folded.
    cost = sheet.split('id="cost"', 1)[1].split("<h2", 1)[0]
    assert "<details" not in cost


def test_key_facts_show_amounts_and_figures_at_a_glance(workspace):
    ws, report = _typed_site(workspace)
    files = render(ws, report, workspace).files
    sheet = html.unescape(to_html(files["sheets/typed.md"].decode()))
    strip = sheet.split('<ul class="fs-keyfacts" aria-label="Key facts" data-search-exclude>', 1)[1].split("</ul>", 1)[0]
    cards = re.findall(r'<a href="([^"]+)"><span class="fs-key-value">([^<]+)</span>', strip)
    # Money, then figures, then dates; quotations are no key facts.
    assert cards == [("#aid", "€3.5 billion"), ("#nations", "more than 50 nations"), ("#when", "26 April 2023")]
    home = html.unescape(to_html(files["index.md"].decode()))
    strip = home.split('<ul class="fs-keyfacts" aria-label="Key facts" data-search-exclude>', 1)[1].split("</ul>", 1)[0]
    assert re.findall(r'<a href="([^"]+)">', strip) == ["sheets/typed/#aid"]
