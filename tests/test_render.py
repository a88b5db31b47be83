"""Rendering: escaping, inline Markdown, marked passages, and the pages of a small site."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import urllib.parse

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.loading import load_workspace
from generator.render import render
from generator.render.escape import safe_url, text, text_fragment
from generator.render.inline import inline, plain
from generator.render.passages import BackRef, Passage, mark_passages, paragraphs
from generator.validation import validate
from tests.conftest import run_cli, write_source, write_yaml
from tests.sitekit import ALPHA, HOSTILE, hostile_workspace, parse_html, site_workspace

# The Markdown the site engines run (mkdocs.yml's markdown_extensions).
EXTENSIONS = ["attr_list", "md_in_html", "footnotes", "tables", "toc"]


def to_html(md_text: str) -> str:
    """Markdown → HTML as the engines do it (front matter is theirs to read, so it goes first)."""
    md_text = re.sub(r"\A---\n.*?\n---\n", "", md_text, flags=re.S)
    return markdown.markdown(md_text, extensions=EXTENSIONS)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80))
def test_escaped_text_is_inert_markdown_and_html(s):
    out = to_html(text(s))
    inner = re.sub(r"^<p>|</p>$", "", out)
    assert "<" not in html.unescape(inner.replace("&lt;", "")) or "<" in s  # no element was made
    assert parse_html(inner).tags == []
    assert html.unescape(inner).strip() == " ".join(s.split())


def test_inline_markdown_allows_only_emphasis_code_and_safe_links():
    src = ("**bold** *em* `<code>` <b>raw</b> [ok](https://example.org/a_b?x=1&y=2) [rel](../x/) "
           "[js](javascript:alert(1)) [data](data:text/html,x) [proto](//evil.example) ![img](x.png)")
    doc = parse_html(to_html(inline(src)))
    assert {t for t, _ in doc.tags} <= {"p", "strong", "em", "code", "a"}
    hrefs = [a["href"] for t, a in doc.tags if t == "a"]
    assert hrefs == ["https://example.org/a_b?x=1&y=2", "../x/", "x.png"]  # an image stays a plain link
    assert "<b>raw</b>" in html.unescape(to_html(inline(src)).replace("<code>", "").replace("</code>", ""))
    assert plain(src).startswith("bold em <code> <b>raw</b> ok rel js data proto")


@pytest.mark.parametrize("url,ok", [
    ("https://example.org/a(b)", True), ("http://x.y", True), ("/sheets/a/", True), ("a.md#x", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), ("java\tscript:alert(1)", False),
    ("data:text/html,x", False), ("//evil.example/x", False), ("vbscript:x", False), ("", False),
    ("http://[x", False),  # urlsplit raises on this host: refused, not a crash of the render
])
def test_safe_url(url, ok):
    out = safe_url(url)
    assert (out is not None) is ok
    if out:
        assert not re.search(r"[\s()<>\"']", out)


def test_a_claim_whose_link_host_does_not_parse_keeps_its_words():
    assert plain("see [the readout](http://[x) today") == "see the readout today"


def test_text_fragment_encodes_its_syntax_characters():
    assert text_fragment("a-b, c&d") == ":~:text=a%2Db%2C%20c%26d"
    long = "one two three four five six seven eight nine ten"
    assert text_fragment(long) == ":~:text=one%20two%20three%20four,seven%20eight%20nine%20ten"


def _pieces(html_text: str) -> dict[str, str]:
    """data-passage → the text inside all its marks."""
    out: dict[str, str] = {}
    for m in re.finditer(r'<mark (?:id="[^"]+" )?class="passage" data-passage="([^"]+)">', html_text):
        depth, i, buf = 1, m.end(), []
        while depth:
            nxt = re.compile(r"<(/?)(mark|sup)\b[^>]*>").search(html_text, i)
            buf.append(html_text[i:nxt.start()])
            if nxt.group(2) == "sup":  # back-links sit between pieces, not inside a passage
                end = html_text.index("</sup>", nxt.end())
                i = end + len("</sup>")
                continue
            depth += -1 if nxt.group(1) else 1
            i = nxt.end()
        out[m.group(1)] = out.get(m.group(1), "") + "".join(buf)
    return out


def test_marked_passages_nest_cross_and_span_paragraphs():
    t = ALPHA
    spans = {
        "a": (t.index("Officials"), t.index("expected.") + 9),
        "b": (t.index("more than"), t.index("together") + 8),  # crosses a
        "c": (t.index("cost"), t.index("expected") + 8),  # inside a and crossing b's start
        "d": (t.index("at the ceremony"), t.index("the river") + 9),  # spans a paragraph break
    }
    passages = [Passage(a, b, [BackRef(f"../x/#{k}", k, k)]) for k, (a, b) in spans.items()]
    out = "\n".join(mark_passages(t, passages))
    assert len(paragraphs(t)) == 3 and out.count("<p>") == 3
    for p in passages:
        assert out.count(f'id="{p.anchor}"') == 1
    pieces = _pieces(out)
    for p in passages:
        got = re.sub(r"<br>\n?", " ", pieces[p.anchor])
        # Pieces split at a paragraph break leave the break itself outside.
        assert "".join(html.unescape(got).split()) == "".join(t[p.start:p.end].split())
    # Well-formed: every mark closes inside its paragraph.
    for para in out.split("\n<p>"):
        assert para.count("<mark") == para.count("</mark>")
    assert [a["href"] for tag, a in parse_html(out).tags if tag == "a"] == [
        "../x/#c", "../x/#a", "../x/#b", "../x/#d"]  # in the order the passages end


@pytest.fixture
def site(workspace):
    site_workspace(workspace)
    ws = load_workspace(workspace)
    report = validate(ws)
    assert report.errors == 0, report.findings
    return ws, report, render(ws, report, workspace)



def _front_matter(page: bytes) -> dict:
    m = re.match(r"---\n(.*?\n)---\n", page.decode(), re.S)
    return yaml.safe_load(m[1]) if m else {}


def test_aggregate_pages_are_left_out_of_search(site):
    # They list every fact again; the sheets that hold them stay searchable (issue 6: Zensical's index limit).
    files = site[2].files
    for page in ("timeline.md", "figures.md", "quotes.md", "people.md", "verification.md"):
        assert _front_matter(files[page]).get("search") == {"exclude": True}, page
    assert _front_matter(files["figures.md"])["hide"] == ["toc"]
    for page in ("index.md", "sheets/bridge.md", "sources/alpha/index.md", "sheets/index.md", "sources/index.md"):
        assert "search" not in _front_matter(files[page]), page

def test_site_pages_and_data(site):
    ws, report, rendered = site
    files = rendered.files
    for page in ("index.md", "sheets/index.md", "sheets/bridge.md", "sheets/river.md", "sources/index.md",
                 "sources/alpha/index.md", "sources/beta/index.md", "timeline.md", "figures.md", "quotes.md", "people.md",
                 "verification.md", "tags.md", "data/facts.json", "data/facts.csv",
                 "data/schema/facts.schema.json", "data/schema/sheet.schema.json", "assets/factsheet.css"):
        assert page in files, page
    doc = json.loads(files["data/facts.json"])
    assert [f["id"] for f in doc["facts"]] == [
        "bridge/opened", "bridge/over-budget", "bridge/mayor-credit", "bridge/cost", "bridge/crowds",
        "river/confirmed"]
    opened = doc["facts"][0]
    assert opened["independent_sources"] == 2 and opened["verdict"] == "verified"
    assert opened["citations"][0]["page"] == f"sources/alpha/#{opened['citations'][0]['anchor']}"
    rows = list(csv.DictReader(io.StringIO(files["data/facts.csv"].decode())))
    assert [r["id"] for r in rows] == [f["id"] for f in doc["facts"]]
    assert rows[0]["sources"] == "alpha;beta"


def test_every_citation_link_names_a_marked_passage(site):
    ws, report, rendered = site
    sheet = rendered.files["sheets/bridge.md"].decode()
    links = re.findall(r"\]\(\.\./sources/([a-z0-9-]+)/index\.md#(p\d+-\d+)\)", sheet)
    assert len(links) == 6
    for sid, anchor in links:
        source_html = to_html(rendered.files[f"sources/{sid}/index.md"].decode())
        assert anchor in parse_html(source_html).ids
    # Each fact's anchor is its id, and the sheet converts to HTML with those ids.
    ids = parse_html(to_html(sheet)).ids
    assert {"opened", "over-budget", "mayor-credit", "cost", "crowds"} <= ids
    # Text-fragment link to the original, only for the source with a url.
    assert "https://example.org/news/alpha#:~:text=The%20harbour%20bridge%20opened%20to%20traffic" in sheet
    assert "example.org/river" not in sheet


def test_rendering_is_deterministic(site, workspace):
    ws, report, rendered = site
    again = render(load_workspace(workspace), validate(load_workspace(workspace)), workspace)
    assert again.files == rendered.files and again.nav == rendered.nav


def test_hostile_text_never_becomes_markup(workspace):
    hostile_workspace(workspace)
    ws = load_workspace(workspace)
    report = validate(ws)
    rendered = render(ws, report, workspace)
    for path, data in rendered.files.items():
        if not path.endswith(".md"):
            continue
        out = to_html(data.decode())
        doc = parse_html(out)
        # The one script a page may hold is its facts' JSON-LD, a data block never run (and checked
        # in tests/test_render_open.py to be unable to end its element).
        live = [t for t, a in doc.tags if t in {"script", "img", "iframe", "object"}
                and not (t == "script" and a.get("type") == "application/ld+json")]
        assert not live, path
        for tag, attrs in doc.tags:
            assert not any(k.startswith("on") for k in attrs), (path, tag, attrs)
            for key in ("href", "src"):
                if attrs.get(key):
                    assert not re.match(r"\s*(javascript|data|vbscript):", attrs[key], re.I), (path, attrs)
        assert "injected" not in doc.ids
    sheet = to_html(rendered.files["sheets/evil.md"].decode())
    assert html.escape(HOSTILE, quote=False) in sheet.replace("&#39;", "'").replace("&quot;", '"') or (
        HOSTILE in html.unescape(sheet))
    assert "tags: [\"btagb\", \"ok tag\"]" in rendered.files["sheets/evil.md"].decode()  # words, not slugs


def test_render_command_writes_and_refuses_foreign_folders(workspace, tmp_path):
    site_workspace(workspace)
    out = tmp_path / "out"
    r = run_cli("render", "--root", str(workspace), "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert (out / "sheets" / "bridge.md").is_file()
    (out / "stale.md").write_text("old")
    assert run_cli("render", "--root", str(workspace), "--out", str(out)).returncode == 0
    assert not (out / "stale.md").exists()
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine")
    r = run_cli("render", "--root", str(workspace), "--out", str(foreign))
    assert r.returncode == 1 and "not written by" in r.stderr
    assert (foreign / "keep.txt").read_text() == "mine"


def test_render_command_stops_on_errors(workspace, tmp_path):
    site_workspace(workspace)
    (workspace / "facts" / "broken.yml").write_text("title: x\nfacts:\n  - id: a\n    claim: c\n    sources:\n"
                                                    "      - source: nowhere\n        excerpt: e\n")
    out = tmp_path / "out"
    r = run_cli("render", "--root", str(workspace), "--out", str(out))
    assert r.returncode == 1 and "unknown-source" in r.stderr
    assert not out.exists()


def _typed_site(workspace):
    """A sheet with every kind of value, and a report made by hand (the value checks are not under test)."""
    from generator.validation.results import CitationResult, CitationVerdict, FactResult, Report

    text_ = ("On 26 April 2023 more than 50 nations denounced it. The EU announced 3.5 billion euros of aid. "
             "\u201cThere are no winners in nuclear wars,\u201d Xi said.\n")
    write_source(workspace, "wire", text_, title="Wire", published="2023-04-26", url="https://example.org/w")
    write_yaml(workspace, "facts/people.yml", """
        xi-jinping:
          name: Xi Jinping
          role: President of China
        """)
    write_yaml(workspace, "facts/typed.yml", """
        title: Typed values
        facts:
          - id: when
            claim: It happened on 26 April 2023.
            date: "2023-04-26"
            sources: [{source: wire, excerpt: "26 April 2023"}]
          - id: nations
            claim: More than 50 nations denounced it.
            figure: {value: 50, unit: nations, qualifier: more than}
            sources: [{source: wire, excerpt: "more than 50 nations"}]
          - id: aid
            claim: The EU announced €3.5B of aid.
            money: {value: 3.5 billion, currency: EUR}
            sources: [{source: wire, excerpt: "3.5 billion euros"}]
          - id: no-winners
            claim: Xi said there are no winners in nuclear wars.
            quote: {speaker: xi-jinping, text: "There are no winners in nuclear wars"}
            sources: [{source: wire, excerpt: "There are no winners in nuclear wars"}]
        """)
    ws = load_workspace(workspace)
    assert not ws.findings, ws.findings
    report = Report()
    sf = ws.sheets["typed"]
    for fact in sf.sheet.facts:
        ex = fact.sources[0].excerpt
        a = text_.index(ex)
        cite = CitationResult(1, "wire", CitationVerdict.SUPPORTS, a, a + len(ex), 1,
                              highlights=[(a, a + len(ex.split()[0]))], occurrences=1,
                              inferred_year=fact.id == "when")
        report.facts.append(FactResult("typed", fact, sf.path, 1, 1, [cite]))
    return ws, report


def test_typed_values_show_as_such(workspace):
    ws, report = _typed_site(workspace)
    rendered = render(ws, report, workspace)
    sheet = html.unescape(to_html(rendered.files["sheets/typed.md"].decode()))
    assert '<time class="fs-chip fs-date" datetime="2023-04-26">26 April 2023</time>' in sheet
    assert '<span class="fs-chip fs-figure" data-value="50">more than 50 nations</span>' in sheet
    assert '<span class="fs-chip fs-money" data-value="3500000000">€3.5 billion</span>' in sheet
    assert re.search(r"<blockquote>\s*<p>“There are no winners in nuclear wars”</p>\s*<p>— "
                     r'<a href="\.\./people\.md#xi-jinping">Xi Jinping</a>, President of China', sheet)
    assert "<mark>more</mark> than 50 nations" in sheet  # the supporting words are highlighted
    figures = to_html(rendered.files["figures.md"].decode())
    every = figures.split('id="all_figures"')[1]
    assert every.count("<tr>") == 3  # header + figure + money
    assert 'id="amounts-eur"' in figures and 'id="counts-nations"' in figures  # one chart each
    assert "fs-sortable" in figures
    timeline = rendered.files["timeline.md"].decode()
    assert "26 April 2023" in timeline and "#when" in timeline
    quotes = html.unescape(to_html(rendered.files["quotes.md"].decode()))
    assert 'id="xi-jinping"' in quotes and "no winners" in quotes
    verification = html.unescape(to_html(rendered.files["verification.md"].decode()))
    verdicts = verification.split('id="verdicts"')[1].split('id="findings"')[0]
    # Readers see the claim and the verdict in words, never the ids or the validator's values.
    assert 'href="sheets/typed.md#when">' in verdicts and "typed/when" not in verdicts
    assert "1. Supports the claim" in verdicts and "1: supports" not in verdicts
    doc = json.loads(rendered.files["data/facts.json"])
    by_id = {f["id"]: f for f in doc["facts"]}
    assert by_id["typed/aid"]["money"] == {"value": "3.5 billion", "currency": "EUR", "amount": "3500000000"}
    assert by_id["typed/nations"]["figure"]["qualifier"] == "more than"


def _checked_site(workspace):
    """A small sheet checked by the real validator: ordinals, a whole-excerpt date, a kept warning, an inferred year."""
    write_source(workspace, "wire", (
        "Xi and Putin spoke on the third anniversary of the invasion, 3 years after it began.\n\n"
        "The meeting was on 26 April 2023.\n\n"
        "The envoy arrived on April 5.\n\n"
        # "it" after a sentence that opens with no name: the source does not say who "it" is.
        "Britain blocked the webcast. The meeting went on. \u201cShe can account for it in The Hague,\u201d it said.\n"),
        title="Wire", published="2023-04-26")
    write_yaml(workspace, "facts/people.yml", """
        uk-government:
          name: Government of the United Kingdom
          aliases: [Britain]
        """)
    write_yaml(workspace, "facts/checked.yml", """
        title: Checked
        facts:
          - id: third
            claim: They spoke on the third anniversary.
            figure: {value: 3, unit: anniversary}
            sources: [{source: wire, excerpt: "on the third anniversary of the invasion"}]
          - id: three-years
            claim: It began three years before.
            figure: {value: 3, unit: years}
            sources: [{source: wire, excerpt: "3 years after it began"}]
          - id: met
            claim: They met on 26 April 2023.
            date: "2023-04-26"
            sources: [{source: wire, excerpt: "26 April 2023"}]
          - id: arrived
            claim: The envoy arrived on 5 April 2023.
            date: "2023-04-05"
            sources: [{source: wire, excerpt: "The envoy arrived on April 5."}]
          - id: blocked
            claim: Britain blocked the webcast.
            sources: [{source: wire, excerpt: "Britain blocked the webcast."}]
          - id: hague
            claim: Britain said she could account for it in The Hague.
            quote: {speaker: uk-government, text: "She can account for it in The Hague"}
            sources: [{source: wire, excerpt: "\u201cShe can account for it in The Hague,\u201d it said."}]
        """)
    ws = load_workspace(workspace)
    report = validate(ws)
    assert report.errors == 0, [f.format_text() for f in report.findings]
    return render(ws, report, workspace)


def test_a_figure_the_sources_state_as_an_ordinal_reads_as_one(workspace):
    rendered = _checked_site(workspace)
    sheet = html.unescape(to_html(rendered.files["sheets/checked.md"].decode()))
    assert '<span class="fs-chip fs-figure" data-value="3">3rd anniversary</span>' in sheet
    assert '<span class="fs-chip fs-figure" data-value="3">3 years</span>' in sheet  # a cardinal stays one
    figures = html.unescape(to_html(rendered.files["figures.md"].decode()))
    assert "3rd anniversary" in figures and "3 years" in figures


def test_a_typed_value_filling_its_excerpt_is_marked_a_statement_is_not(workspace):
    sheet = html.unescape(to_html(_checked_site(workspace).files["sheets/checked.md"].decode()))
    assert re.search(r'<q class="fs-excerpt"[^>]*><mark>26 April 2023</mark></q>', sheet)
    assert re.search(r'<q class="fs-excerpt"[^>]*>Britain blocked the webcast.</q>', sheet)


def test_kept_warnings_and_inferred_years_are_explained_to_readers(workspace):
    rendered = _checked_site(workspace)
    sheet = html.unescape(to_html(rendered.files["sheets/checked.md"].decode()))
    hague = sheet.split('id="hague"')[1]
    assert 'data-rule="quote-attribution-unresolved"' in hague and "does not say, around these words, who said" in hague
    assert 'href="../verification.md#kept_warnings"' in hague
    arrived = sheet.split('id="arrived"')[1].split("<h2")[0]
    assert "these words give no year; 2023 is the year of the source’s date." in arrived
    assert "fs-caveat" not in sheet.split('id="met"')[1].split("<h2")[0]  # a date with its year: no caveat
    verification = rendered.files["verification.md"].decode()
    kept = html.unescape(to_html(verification.split("## Warnings the editors kept")[1].split("## Inferred years")[0]))
    assert "Britain said she could account for it in The Hague" in kept
    assert "quote-attribution-unresolved" in kept and "checked.md#hague" in kept
    assert "no warnings" not in kept
    inferred = to_html(verification.split("## Inferred years")[1].split("## Verdicts")[0])
    row = next(r for r in inferred.split("<tr>") if "checked.md#arrived" in r)
    assert [c.strip() for c in re.findall(r"<td>(.*?)</td>", row)][1:] == ["April 5", "5 April 2023", "26 April 2023"]


def test_people_page_keeps_the_description_and_the_quotations_apart(workspace):
    people = to_html(_checked_site(workspace).files["people.md"].decode())
    assert re.search(r"Also written: Britain\.</p>\s*<p><strong>Quoted 1 time:</strong> "
                     r'<a href="quotes.md#uk-government">read the quotations</a></p>', people)


def test_urls_are_judged_as_the_browser_reads_them():
    from generator.render.escape import safe_url

    # Character references decode before the scheme counts, once and for all.
    for hidden in ("&#106;avascript:alert(1)", "&#x6A;avascript:x", "java&#9;script:x", "&#0000106avascript:x",
                   "data&colon;text/html,x"):
        assert safe_url(hidden) is None, hidden
    # A double-encoded one decodes to harmless text, and its & stays a reference.
    assert safe_url("&amp;#106;avascript:x") == "&amp;#106;avascript:x"
    assert safe_url("https://example.org/?a=1&b=2") == "https://example.org/?a=1&amp;b=2"



def test_a_source_page_links_each_cited_passage_on_the_original(site):
    # Issue 14: beside each link to a passage in the text, a text-fragment link to it on the original.
    ws, _, rendered = site
    page = rendered.files["sources/alpha/index.md"].decode()
    source = ws.sources["alpha"]
    in_text = re.findall(r"in the text\]\(#p\d+-\d+\)", page)
    links = re.findall(r"in the text\]\(#p\d+-\d+\) \(\[on the original\]\((https://example\.org/news/alpha"
                       r"#:~:text=[^)]+)\)\)", page)
    assert links and len(links) == len(in_text), page
    for link in links:
        parts = link.split("#:~:text=", 1)[1].split(",")
        for part in parts:  # each part is words of the stored text, as the original shows them
            assert " ".join(urllib.parse.unquote(part).split()) in " ".join(source.text.split()), link
    assert source.sha256 in page
