"""The site's frame: the home page's hero, the navigation, short contents, people and quotes shown once."""

from __future__ import annotations

import html
import json
import re

import markdown

from generator.loading import load_workspace
from generator.render import render
from generator.validation import validate
from tests.conftest import write_source, write_yaml
from tests.sitekit import site_workspace
from tests.test_render import EXTENSIONS, to_html


def _render(root):
    ws = load_workspace(root)
    return render(ws, validate(ws), root)


def test_the_home_page_says_the_topic_from_the_site_configuration(workspace):
    site_workspace(workspace)
    (workspace / "mkdocs.yml").write_text(
        "site_name: Harbour news, fact by fact\nsite_description: What the city said about its bridge.\n"
        "theme:\n  name: material\n", encoding="utf-8")
    home = html.unescape(to_html(_render(workspace).files["index.md"].decode()))
    assert '<h1 id="home_title">Harbour news, fact by fact</h1>' in home
    assert '<p class="fs-lead">What the city said about its bridge.</p>' in home
    assert 'href="how-to-read.md"' in home


def test_the_navigation_names_the_index_pages(workspace):
    nav = _render(site_workspace(workspace)).nav
    sections = {k: v for item in nav for k, v in item.items()} if all(isinstance(i, dict) for i in nav) else {}
    assert sections["Sheets"][0] == {"All sheets": "sheets/index.md"}  # not "Sheets › Sheets"
    assert sections["Sources"][0] == {"All sources": "sources/index.md"}
    assert sections["How to read this site"] == "how-to-read.md"


def test_claims_have_short_labels_in_the_table_of_contents(workspace):
    site_workspace(workspace)
    write_yaml(workspace, "facts/long.yml", """
        title: It's a long one
        facts:
          - id: long
            claim: Officials confirmed the opening of the bridge, after *many* years of argument and delay.
            sources: [{source: beta, excerpt: "officials confirmed"}]
        """)
    rendered = _render(workspace)
    md = markdown.Markdown(extensions=EXTENSIONS)
    page = md.convert(re.sub(r"\A---\n.*?\n---\n", "", rendered.files["sheets/long.md"].decode(), flags=re.S))
    toc = {t["id"]: t["name"] for t in md.toc_tokens[0]["children"]}  # type: ignore[attr-defined]
    assert toc["long"] == "Officials confirmed the opening of the…"
    assert "after <em>many</em> years of argument and delay" in html.unescape(page)  # the heading keeps it all
    # An apostrophe in a title stays one for the engines' search (Zensical showed "&#x27;").
    front = rendered.files["sheets/long.md"].decode().split("---")[1]
    assert json.loads(re.search(r"title: (.*)", front)[1]) == "It's a long one"


def test_people_are_sorted_by_name_and_quotations_are_shown_once(workspace):
    site_workspace(workspace)
    write_yaml(workspace, "facts/people.yml", """
        zed-adams:
          name: Ann Zed
        jane-roe:
          name: Jane Roe
          aliases: [Mayor Jane Roe]
          role: Mayor
        """)
    write_source(workspace, "gamma", "\u201cWe built it together,\u201d Mayor Jane Roe said.\n", title="Gamma")
    write_yaml(workspace, "facts/said.yml", """
        title: Said
        facts:
          - id: together
            claim: Jane Roe said they built it together.
            quote: {speaker: jane-roe, text: "We built it together"}
            sources: [{source: gamma, excerpt: "\u201cWe built it together,\u201d Mayor Jane Roe said."}]
        """)
    rendered = _render(workspace)
    people = html.unescape(to_html(rendered.files["people.md"].decode()))
    assert people.index('id="zed-adams"') < people.index('id="jane-roe"')  # Ann before Jane, whatever the ids
    quotes = html.unescape(to_html(rendered.files["quotes.md"].decode()))
    assert "“We built it together”" in quotes and 'href="people.md#jane-roe"' in quotes
    # The quotation is on the Quotes page only; People says how many and links there.
    assert "We built it together" not in people and 'href="quotes.md#jane-roe"' in people
