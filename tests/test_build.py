"""Building: both engines, citation anchors in the built HTML, determinism, and publishing only complete sites."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build
from tests.conftest import REPO, run_cli
from tests.sitekit import HOSTILE, hostile_workspace, parse_html, site_workspace

pytestmark = pytest.mark.slow

needs_zensical = pytest.mark.skipif(shutil.which("zensical", path=str(Path(sys.executable).parent)) is None
                                    and shutil.which("zensical") is None, reason="zensical is not installed")


def tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def citation_targets(site: Path) -> list[tuple[Path, str, str]]:
    """(page, href, resolved anchor) for every link into /sources/<id>/#anchor in the built site."""
    out = []
    for page in sorted(site.rglob("*.html")):
        for href in re.findall(r'href="([^"]*sources/[a-z0-9-]+/#[^"]+)"', page.read_text(encoding="utf-8")):
            out.append((page, href, href.split("#", 1)[1]))
    return out


def assert_citations_land(site: Path) -> int:
    pages: dict[Path, set[str]] = {}
    targets = citation_targets(site)
    for page, href, anchor in targets:
        target = (page.parent / href.split("#", 1)[0] / "index.html").resolve()
        assert target.is_file(), (page, href)
        if target not in pages:
            pages[target] = parse_html(target.read_text(encoding="utf-8")).ids
        assert anchor in pages[target], f"{page}: {href} has no element with id {anchor}"
    return len(targets)


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    root = site_workspace(tmp_path_factory.mktemp("example"))
    (root / "facts").mkdir(exist_ok=True)
    return root


@pytest.mark.parametrize("engine", ["mkdocs", pytest.param("zensical", marks=needs_zensical)])
def test_both_engines_build_and_every_citation_lands_on_an_anchor(example, tmp_path, engine):
    site = tmp_path / "site"
    result = build(example, site, engine, strict=True, say=lambda _: None)
    assert result.ok, result.log
    for page in ("index.html", "sheets/bridge/index.html", "sources/alpha/index.html", "timeline/index.html",
                 "figures/index.html", "quotes/index.html", "people/index.html", "verification/index.html",
                 "data/facts.json", "data/facts.csv", "data/schema/facts.schema.json"):
        assert (site / page).is_file(), page
    assert assert_citations_land(site) >= 6
    sheet = parse_html((site / "sheets/bridge/index.html").read_text(encoding="utf-8"))
    assert {"opened", "over-budget", "mayor-credit", "cost", "crowds"} <= sheet.ids
    # The work folder is gone: nothing but the site is left beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("engine", ["mkdocs", pytest.param("zensical", marks=needs_zensical)])
def test_builds_are_deterministic(example, tmp_path, engine):
    one, two = tmp_path / "one", tmp_path / "two"
    assert build(example, one, engine, say=lambda _: None).ok
    assert build(example, two, engine, say=lambda _: None).ok
    assert tree(one) == tree(two)


@pytest.mark.parametrize("engine", ["mkdocs", pytest.param("zensical", marks=needs_zensical)])
def test_hostile_text_is_escaped_in_the_built_site(workspace, tmp_path, engine):
    hostile_workspace(workspace)
    site = tmp_path / "site"
    assert build(workspace, site, engine, say=lambda _: None).ok
    for page in site.rglob("*.html"):
        doc = parse_html(page.read_text(encoding="utf-8"))
        for tag, attrs in doc.tags:
            if tag == "script":
                src = attrs.get("src") or ""
                assert src == "" or not src.startswith(("javascript:", "x")), (page, attrs)
            assert tag != "img" or attrs.get("src") != "x", page
            assert not any(k == "onerror" for k in attrs), (page, tag)
            assert not re.match(r"\s*(javascript|data):", attrs.get("href") or "", re.I), (page, attrs)
    text = (site / "sheets/evil/index.html").read_text(encoding="utf-8")
    assert "alert(1)" in text.replace("&#40;", "(").replace("&#41;", ")")  # shown as text, not run
    assert "<script>alert" not in text and HOSTILE not in text


def test_validation_errors_stop_the_build_and_keep_the_previous_site(example, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous")
    broken = tmp_path / "broken"
    shutil.copytree(example, broken)
    (broken / "facts" / "bad.yml").write_text("title: Bad\nfacts:\n  - id: x\n    claim: c\n    sources:\n"
                                              "      - source: alpha\n        excerpt: words not in it\n")
    r = run_cli("build", "--root", str(broken), "--site-dir", str(site))
    assert r.returncode == 1
    assert "excerpt-not-found" in r.stdout and "nothing was published" in r.stdout
    assert (site / "index.html").read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "site"]


def test_an_engine_failure_keeps_the_previous_site(example, tmp_path):
    root = tmp_path / "root"
    shutil.copytree(example, root)
    (root / "mkdocs.yml").write_text("site_name: x\ntheme:\n  name: no-such-theme\n")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous")
    r = run_cli("build", "--root", str(root), "--site-dir", str(site))
    assert r.returncode == 1 and "previous site is untouched" in r.stdout
    assert (site / "index.html").read_text() == "previous"


def test_a_new_build_replaces_the_previous_site(example, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "stale.html").write_text("old")
    r = run_cli("build", "--root", str(example), "--site-dir", str(site))
    assert r.returncode == 0, r.stdout + r.stderr
    assert (site / "sheets" / "bridge" / "index.html").is_file() and not (site / "stale.html").exists()


def test_plain_mkdocs_build_uses_the_plugin(example, tmp_path):
    """`mkdocs build` on the repository's mkdocs.yml renders the facts through the factsheet plugin."""
    root = tmp_path / "root"
    shutil.copytree(example, root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "content" / "pages").mkdir()
    (root / "content" / "pages" / "about.md").write_text("# About\n\nHand-written.\n")
    env = {"PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"),
                        "-d", str(tmp_path / "out")], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "sheets" / "bridge" / "index.html").is_file()
    assert (tmp_path / "out" / "about" / "index.html").is_file()
    assert assert_citations_land(tmp_path / "out") >= 6


def test_the_plugin_watches_facts_content_and_templates(example, tmp_path):
    from mkdocs.config import load_config

    root = tmp_path / "root"
    shutil.copytree(example, root)
    (root / "site_templates").mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "content" / "pages").mkdir()
    config = load_config(str(root / "mkdocs.yml"))
    plugin = config.plugins["factsheet"]
    config = plugin.on_config(config)
    assert (Path(config.docs_dir) / "sheets" / "bridge.md").is_file()

    class Server:
        watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = plugin.on_serve(Server(), config=config, builder=None)
    assert sorted(Path(p).name for p in server.watched) == ["content", "facts", "site_templates"]


def test_moved_facts_and_sheets_keep_their_urls(example, tmp_path):
    root = tmp_path / "root"
    shutil.copytree(example, root)
    (root / "facts" / "published-ids.txt").write_text("bridge/old-opened\ngone/x\n")
    sheet = root / "facts" / "bridge.yml"
    sheet.write_text(sheet.read_text() + "redirects:\n  old-opened: bridge/opened\n  gone/x: bridge/cost\n")
    site = tmp_path / "site"
    result = build(root, site, "mkdocs", strict=True, say=lambda _: None)
    assert result.ok, result.log
    bridge = (site / "sheets/bridge/index.html").read_text(encoding="utf-8")
    assert 'id="old-opened"' in bridge and 'href="#opened"' in bridge
    gone = site / "sheets/gone/index.html"
    assert gone.is_file() and 'id="x"' in gone.read_text(encoding="utf-8")
    assert 'href="../bridge/#cost"' in gone.read_text(encoding="utf-8")
    # The build writes nothing into facts/: recording ids is the explicit `factsheet ids`.
    assert (root / "facts" / "published-ids.txt").read_text() == "bridge/old-opened\ngone/x\n"


@pytest.mark.parametrize("engine", ["mkdocs", pytest.param("zensical", marks=needs_zensical)])
def test_the_example_content_builds_and_its_citations_land(repo_copy, tmp_path, engine):
    site = tmp_path / "site"
    r = run_cli("build", "--root", str(repo_copy), "--engine", engine, "--site-dir", str(site))
    assert r.returncode == 0, r.stdout + r.stderr
    assert assert_citations_land(site) >= 100


def test_serve_rebuilds_when_a_fact_changes(example, tmp_path):
    import os
    import socket
    import time
    import urllib.request

    root = tmp_path / "root"
    shutil.copytree(example, root)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(root),
                             "--dev-addr", f"127.0.0.1:{port}"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def page_has(words: str) -> bool:
        for _ in range(300):  # the server needs a moment to start and to rebuild
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/sheets/bridge/", timeout=5) as r:
                    if words in r.read().decode():
                        return True
            except OSError:
                pass
            if proc.poll() is not None:
                return False
            time.sleep(0.2)
        return False

    try:
        assert page_has("opened to traffic")
        sheet = root / "facts" / "bridge.yml"
        sheet.write_text(sheet.read_text().replace("claim: The harbour bridge opened to traffic.",
                                                   "claim: The harbour bridge opened to all traffic."))
        assert page_has("opened to all traffic")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_build_with_defaults_from_inside_the_repository(repo_copy):
    """`factsheet build` with no arguments, as README's first command runs it."""
    r = run_cli("build", cwd=repo_copy)
    assert r.returncode == 0, r.stdout + r.stderr
    assert (repo_copy / "site" / "index.html").is_file()
    assert not list(repo_copy.glob(".factsheet-build-*")), "the temporary build folder is cleaned up"


def test_site_url_fills_the_sitemap(example, tmp_path):
    site = tmp_path / "site"
    r = run_cli("build", "--root", str(example), "--site-dir", str(site), "--site-url", "https://example.org/facts")
    assert r.returncode == 0, r.stdout + r.stderr
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/facts/sheets/bridge/</loc>" in sitemap
    bad = run_cli("build", "--root", str(example), "--site-dir", str(tmp_path / "other"), "--site-url", "example.org")
    assert bad.returncode == 2 and "is not a URL" in bad.stderr and not (tmp_path / "other").exists()
