"""The built site, engine by engine: its search index, its 404 page, and every link with either URL scheme."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest
import yaml

from generator.build import build
from tests.conftest import REPO
from tests.sitekit import parse_html, site_workspace
from tests.test_build import needs_zensical

pytestmark = pytest.mark.slow

ENGINES = ["mkdocs", pytest.param("zensical", marks=needs_zensical)]


def _root(tmp_path_factory, directory_urls: bool) -> Path:
    root = site_workspace(tmp_path_factory.mktemp("root"))
    cfg = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    cfg["use_directory_urls"] = directory_urls
    (root / "mkdocs.yml").write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")
    return root


_built: dict[tuple[str, bool], Path] = {}


def built(tmp_path_factory, engine: str, directory_urls: bool = True) -> Path:
    """The small example site, built once per engine and URL scheme (strict: a broken link fails it)."""
    key = (engine, directory_urls)
    if key not in _built:
        site = tmp_path_factory.mktemp(f"site-{engine}-{directory_urls}") / "site"
        result = build(_root(tmp_path_factory, directory_urls), site, engine, strict=True, say=lambda _: None)
        assert result.ok, result.log
        _built[key] = site
    return _built[key]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_search_index_shows_each_tag_once_and_names_source_sections_by_their_source(tmp_path_factory, engine):
    site = built(tmp_path_factory, engine)
    if engine == "mkdocs":
        docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
        sheet = [d for d in docs if d["location"].startswith("sheets/bridge/")]
        assert len(sheet) > 1
        # The page's entry carries the tags; its facts' entries do not repeat them under every result.
        assert [d.get("tags") for d in sheet if "#" not in d["location"]] == [["infrastructure", "city"]]
        assert all("tags" not in d for d in sheet if "#" in d["location"])
    else:
        items = json.loads((site / "search.json").read_text(encoding="utf-8"))["items"]
        titles = {d["location"]: d["title"] for d in items}
        assert titles["sources/alpha/#full_text"] == titles["sources/alpha/#citing_facts"] == "Harbour bridge opens"
        assert not {"Full text", "Facts citing this source"} & set(titles.values())
        assert "&#x27;" not in json.dumps(items) and "&amp;#" not in json.dumps(items)


@pytest.mark.parametrize("engine", ENGINES)
def test_search_leaves_out_what_repeats_on_every_citation(tmp_path_factory, engine):
    """A citation's snapshot line would put "Snapshot … SHA-256 … checked at every build" in every result."""
    site = built(tmp_path_factory, engine)
    sheet = (site / "sheets/bridge/index.html").read_text(encoding="utf-8")
    assert sheet.count('class="fs-snapshot"') == 6  # one per citation, on the page
    index = (site / ("search/search_index.json" if engine == "mkdocs" else "search.json")).read_text(encoding="utf-8")
    assert "Snapshot" not in index and "checked at every build" not in index
    assert "harbour bridge opened to traffic" in index.lower()  # the facts themselves stay searchable


def _not_found_links(page: str) -> dict[str, str]:
    doc = page.split('id="page-not-found"', 1)[1].split("</article>", 1)[0]
    return {html_text: href for href, html_text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', doc)}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("directory_urls", [True, False])
def test_the_404_page_says_what_happened_and_where_to_go(tmp_path_factory, engine, directory_urls):
    site = built(tmp_path_factory, engine, directory_urls)
    page = (site / "404.html").read_text(encoding="utf-8")
    assert ">Page not found</h1>" in page and "There is no page at this address" in page
    links = _not_found_links(page)
    # Absolute from the site root: the 404 page is served for every missing address, at any depth.
    index = "" if directory_urls else "index.html"
    assert links["Home"] in ("/", "/" + index, "/.")
    assert links["All sheets"] == f"/sheets/{index}" and links["Sources"] == f"/sources/{index}"
    for href in links.values():
        target = site / href.lstrip("/")
        assert (target / "index.html" if target.is_dir() else target).is_file(), href
    form = re.search(r'<form class="fs-search-form" role="search" action="([^"]+)" method="get">', page)
    assert form and form[1] == links["Home"] and 'name="q"' in page


def _local_links(site: Path) -> list[tuple[Path, str]]:
    out = []
    for page in sorted(site.rglob("*.html")):
        for tag, attrs in parse_html(page.read_text(encoding="utf-8")).tags:
            href = attrs.get("href") if tag in ("a", "link") else attrs.get("src") if tag == "script" else None
            if not href or re.match(r"[a-z]+:|//|#", href):
                continue
            out.append((page, href))
    return out


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_link_of_the_built_site_lands_with_either_url_scheme(tmp_path_factory, engine, directory_urls):
    site = built(tmp_path_factory, engine, directory_urls)
    ids: dict[Path, set[str]] = {}
    links = _local_links(site)
    assert len(links) > 300
    for page, href in links:
        path, _, anchor = urllib.parse.unquote(href.split("?", 1)[0]).partition("#")
        base = site if path.startswith("/") else page.parent
        target = (base / path.lstrip("/")).resolve() if path else page
        if target.is_dir():
            target = target / "index.html"
        assert target.is_file(), f"{page.relative_to(site)}: {href}"
        if anchor and target.suffix == ".html":
            if target not in ids:
                ids[target] = parse_html(target.read_text(encoding="utf-8")).ids
            assert anchor in ids[target], f"{page.relative_to(site)}: {href}"
    # The back-links from a source page's passages (raw HTML the engine never rewrites) follow the scheme.
    source = site / "sources/alpha/index.html"
    back = re.findall(r'<a href="([^"]+)" title="Cited by', source.read_text(encoding="utf-8"))
    assert back and all(h.startswith("../../sheets/bridge/#" if directory_urls else "../../sheets/bridge.html#")
                        for h in back)
    facts = json.loads((site / "data/facts.json").read_text(encoding="utf-8"))["facts"]
    assert facts[0]["page"] == ("sheets/bridge/#opened" if directory_urls else "sheets/bridge.html#opened")


def test_plain_mkdocs_build_tidies_its_search_index_and_has_the_404_page(tmp_path_factory, tmp_path):
    """`mkdocs build` through the factsheet plugin gives what `factsheet build` gives."""
    root = _root(tmp_path_factory, True)
    env = {"PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    (root / "content" / "pages").mkdir(exist_ok=True)
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"),
                        "-d", str(tmp_path / "out")], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    docs = json.loads((tmp_path / "out/search/search_index.json").read_text(encoding="utf-8"))["docs"]
    assert all("tags" not in d for d in docs if "#" in d["location"])
    assert any(d.get("tags") for d in docs)
    assert ">Page not found</h1>" in (tmp_path / "out/404.html").read_text(encoding="utf-8")


def test_a_sites_own_404_template_wins(tmp_path_factory, tmp_path):
    root = _root(tmp_path_factory, True)
    cfg = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    cfg["theme"]["custom_dir"] = "overrides"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")
    (root / "overrides").mkdir()
    (root / "overrides" / "404.html").write_text(
        '{% extends "main.html" %}{% block content %}<h1>Our own</h1>{% endblock %}', encoding="utf-8")
    result = build(root, tmp_path / "site", "mkdocs", strict=True, say=lambda _: None)
    assert result.ok, result.log
    page = (tmp_path / "site" / "404.html").read_text(encoding="utf-8")
    assert "<h1>Our own</h1>" in page and "Page not found" not in page
    shutil.rmtree(tmp_path / "site")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_page_names_the_feed_and_the_feed_links_to_real_pages(tmp_path_factory, engine, directory_urls):
    site = built(tmp_path_factory, engine, directory_urls)
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    for page in pages:
        links = [a for t, a in parse_html(page.read_text(encoding="utf-8")).tags
                 if t == "link" and a.get("type") == "application/atom+xml"]
        assert len(links) == 1, page
        assert links[0]["title"].endswith(": facts")
        assert (page.parent / links[0]["href"]).resolve() == (site / "feed.xml").resolve(), page
    feed = ET.fromstring((site / "feed.xml").read_bytes())
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 6
    for entry in entries:
        href = entry.find("{http://www.w3.org/2005/Atom}link").get("href")
        path, _, anchor = href.partition("#")
        target = site / path
        target = target / "index.html" if target.is_dir() else target
        assert anchor in parse_html(target.read_text(encoding="utf-8")).ids, href
