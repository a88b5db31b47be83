"""The built site in real headless Chromium: citations, search, console, accessibility, screenshots."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
from pathlib import Path

import pytest

from generator.build import build
from tests.conftest import REPO
from tests.sitekit import CHROMIUM, require_browser, site_workspace

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "test-artifacts"

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module", autouse=True)
def _browser_present() -> None:
    # Before any site is built: skipped without a browser, failed under CI=true (sitekit).
    require_browser()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the site as static hosts do: a missing address gets the site's 404.html, with status 404."""

    def log_message(self, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _serve(tmp_path_factory, engine: str):
    root = site_workspace(tmp_path_factory.mktemp("browser-root"))
    site = tmp_path_factory.mktemp("browser") / "site"
    result = build(root, site, engine, strict=True, say=lambda _: None)
    assert result.ok, result.log
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """One site, built once with MkDocs and served on 127.0.0.1 for every browser test."""
    yield from _serve(tmp_path_factory, "mkdocs")


@pytest.fixture(scope="session")
def served_zensical(tmp_path_factory):
    """The same site built with Zensical, whose theme differs (light footer, its own navigation colours)."""
    yield from _serve(tmp_path_factory, "zensical")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(f"{m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    pg.console_errors = errors  # type: ignore[attr-defined]
    yield pg
    context.close()


def shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def test_following_a_citation_highlights_the_passage(served, page):
    page.goto(f"{served}/sheets/bridge/")
    shot(page, "sheet")
    link = page.locator("#over-budget ~ ol a", has_text="Passage on the source page").first
    href = link.get_attribute("href")
    anchor = href.split("#", 1)[1]
    link.click()
    page.wait_for_url(f"**/sources/alpha/#{anchor}")
    mark = page.locator(f"mark#{anchor}")
    mark.wait_for(state="visible")
    page.wait_for_function(
        "id => { const el = document.getElementById(id); const r = el.getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }", arg=anchor)
    highlighted = mark.evaluate("el => el.matches(':target') || el.classList.contains('fs-target')")
    assert highlighted
    words = re.sub(r"\[\d+\]", "", mark.inner_text())  # without the back-links of nested passages
    assert words.strip() == "Officials said the bridge cost more than expected."
    shot(page, "source")
    assert page.console_errors == []


def test_the_passage_is_targeted_on_a_direct_visit(served, page):
    page.goto(f"{served}/sheets/bridge/")
    href = page.locator("#crowds ~ ol a", has_text="Passage on the source page").first.get_attribute("href")
    anchor = href.split("#", 1)[1]
    page.goto(f"{served}/sources/alpha/#{anchor}")
    assert page.locator(f"mark#{anchor}").evaluate("el => el.matches(':target')")
    # The passage crosses a paragraph break: every piece lights up.
    pieces = page.locator(f'mark[data-passage="{anchor}"]')
    assert pieces.count() == 2
    assert all(pieces.nth(i).evaluate("el => el.classList.contains('fs-target')") for i in range(2))


def test_site_search_finds_a_fact(served, page):
    page.goto(f"{served}/")
    page.wait_for_load_state("networkidle")  # the search index has been fetched
    page.locator(".md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially("harbour bridge", delay=20)  # the theme listens to keys
    result = page.locator('.md-search-result__item a[href*="/sheets/bridge/"]').first
    result.wait_for(state="attached", timeout=15000)
    assert "The harbour bridge opened to traffic" in page.inner_text(".md-search-result")
    shot(page, "search")
    assert page.console_errors == []


def test_figures_table_reads_without_javascript(browser, served):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(f"{served}/sheets/bridge/")
    assert "Officials said the bridge cost" in pg.inner_text("article")
    assert pg.locator("#opened").is_visible()
    context.close()


@pytest.mark.parametrize("path", ["", "sheets/bridge/", "sources/alpha/", "figures/", "timeline/",
                                  "people/", "verification/"])
def test_no_serious_accessibility_violations(served, page, path):
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `npm ci` (scripts/test does)")
    page.goto(f"{served}/{path}")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
           for v in result["violations"] if v["impact"] in ("serious", "critical")]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{path.strip('/').replace('/', '-') or 'home'}.json").write_text(
        json.dumps(result["violations"], indent=2))
    assert bad == []
    assert page.console_errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_zensical_build_has_no_serious_accessibility_violations(served_zensical, browser, scheme):
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `npm ci` (scripts/test does)")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    pg = context.new_page()
    for path in ("sheets/bridge/", "sources/alpha/"):
        pg.goto(f"{served_zensical}/{path}")
        pg.add_script_tag(path=str(AXE))
        result = pg.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        bad = [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert bad == [], (path, scheme)
    context.close()


def test_phone_width_has_no_horizontal_scroll(browser, served):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    pg = context.new_page()
    for path in ("sheets/bridge/", "sources/alpha/", "figures/"):
        pg.goto(f"{served}/{path}")
        assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
    shot(pg, "phone-sheet")
    context.close()


@pytest.fixture(params=["mkdocs", "zensical"])
def either(request):
    """The site as each engine builds it: the previews and highlights must work on both themes."""
    return request.getfixturevalue("served" if request.param == "mkdocs" else "served_zensical")


def _enhanced(pg):
    """Wait for factsheet.js to have set up previews (a tap before that is a plain link, as without it)."""
    pg.wait_for_function("document.documentElement.dataset.fsPreviews === '1'")


def _popover(pg):
    pop = pg.locator("#fs-popover")
    pop.wait_for(state="visible", timeout=5000)
    return pop


def test_a_citation_previews_its_passage_in_context_on_hover(either, page):
    page.goto(f"{either}/sheets/bridge/")
    _enhanced(page)
    link = page.locator("#over-budget ~ ol a.fs-passage-link").first
    link.hover()
    pop = _popover(page)
    words = " ".join(pop.inner_text().split())
    assert "Harbour bridge opens" in words and "5 March 2024" in words  # the source's title and date
    # A sentence either side of the excerpt, the excerpt itself set apart.
    assert "The harbour bridge opened to traffic on a cold morning. Officials said" in words
    assert "Mayor Jane Roe said we built it together at the ceremony." in words
    assert pop.locator(".fs-pop-excerpt").inner_text().strip() == "Officials said the bridge cost more than expected."
    go = pop.get_by_role("link", name="Go to the highlighted passage")
    assert go.get_attribute("href") == link.get_attribute("href")
    page.mouse.move(5, 5)
    pop.wait_for(state="hidden", timeout=5000)
    shot(page, "preview-hover")
    assert page.console_errors == []


def test_a_tap_opens_the_preview_and_its_link_lands_on_the_highlighted_passage(browser, either):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    pg = context.new_page()
    pg.goto(f"{either}/sheets/bridge/")
    _enhanced(pg)
    pg.locator("#crowds ~ ol a.fs-passage-link").first.tap()
    pop = _popover(pg)
    assert pg.url.endswith("/sheets/bridge/")  # the first tap previews, it does not navigate
    box = pop.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    shot(pg, "preview-tap")
    go = pop.get_by_role("link", name="Go to the highlighted passage")
    assert go.bounding_box()["height"] >= 24
    anchor = go.get_attribute("href").split("#", 1)[1]
    go.tap()
    pg.wait_for_url(f"**/sources/alpha/#{anchor}")
    pieces = pg.locator(f'mark[data-passage="{anchor}"]')
    pieces.first.wait_for(state="visible")
    assert all(pieces.nth(i).evaluate("el => el.classList.contains('fs-target')") for i in range(pieces.count()))
    context.close()


def test_a_badge_explains_its_verdict_on_hover_and_links_to_the_reading_key(either, page):
    page.goto(f"{either}/sheets/bridge/")
    badge = page.locator("#opened ~ p a.fs-verdict").first
    assert badge.inner_text().strip() == "Verified"
    badge.hover()
    pop = _popover(page)
    assert "it does not prove the source is right" in pop.inner_text()
    page.keyboard.press("Escape")
    pop.wait_for(state="hidden")
    badge.click()
    page.wait_for_url("**/how-to-read/#verified")
    assert page.locator("#verified").is_visible()
    assert page.console_errors == []


def test_a_back_link_previews_the_claim_and_its_target_lights_up_on_arrival(either, page):
    page.goto(f"{either}/sources/alpha/")
    back = page.locator('sup.cited-by a[href$="#over-budget"]').first
    box = back.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24  # a tap target, not 16 px digits
    back.hover()
    pop = _popover(page)
    assert "Officials said the bridge cost more than expected." in pop.inner_text()
    assert "Verified" in pop.locator(".fs-pop-verdict").inner_text()
    assert back.get_attribute("title") is None  # the preview, not a native tooltip
    back.click()
    page.wait_for_url("**/sheets/bridge/#over-budget")
    heading = page.locator("#over-budget")
    page.wait_for_function("() => document.getElementById('over-budget').classList.contains('fs-target')")
    assert heading.evaluate("el => el.matches(':target')")
    # The whole card (badge line and citations) is tinted, up to the next claim and no further.
    card = page.locator("#over-budget + p")
    assert card.evaluate("el => el.classList.contains('fs-target')")
    assert not page.locator("#mayor-credit").evaluate("el => el.classList.contains('fs-target')")
    background = card.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.console_errors == []


def test_a_fact_reached_without_javascript_is_still_marked(browser, served):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(f"{served}/sheets/bridge/#cost")
    assert pg.locator("#cost").evaluate("el => getComputedStyle(el).borderLeftStyle") == "solid"
    # Without JavaScript a badge is a link to its explanation.
    assert pg.locator("#cost ~ p a.fs-verdict").first.get_attribute("href").endswith("how-to-read/#verified")
    context.close()


PAGES = ["", "how-to-read/", "sheets/", "sheets/bridge/", "sheets/river/", "sources/", "sources/alpha/",
         "timeline/", "figures/", "quotes/", "people/", "verification/", "tags/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_scrolls_sideways_on_a_phone(browser, either, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True,
                                  color_scheme=scheme)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    for path in PAGES:
        pg.goto(f"{either}/{path}")
        assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
    assert errors == []
    context.close()


def test_an_open_preview_has_no_serious_accessibility_violations(either, page):
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `npm ci` (scripts/test does)")
    for path in ("how-to-read/", "sheets/bridge/"):
        page.goto(f"{either}/{path}")
        if path == "sheets/bridge/":
            page.locator("a.fs-passage-link").first.hover()
            _popover(page)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        bad = [{"id": v["id"], "nodes": [(n["target"], n["failureSummary"]) for n in v["nodes"]][:5]}
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert bad == [], path


def _serve_example(tmp_path_factory, engine: str):
    site = tmp_path_factory.mktemp(f"example-{engine}") / "site"
    result = build(REPO, site, engine, strict=False, say=lambda _: None)
    assert result.ok, result.log
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def example_mkdocs(tmp_path_factory):
    """The example content (figures, amounts, dated sheets), built with MkDocs."""
    yield from _serve_example(tmp_path_factory, "mkdocs")


@pytest.fixture(scope="session")
def example_zensical(tmp_path_factory):
    yield from _serve_example(tmp_path_factory, "zensical")


@pytest.fixture(params=["mkdocs", "zensical"])
def example(request):
    return request.getfixturevalue(f"example_{request.param}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_render_with_their_data_table(browser, example, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    pg = context.new_page()
    pg.goto(f"{example}/figures/")
    charts = pg.locator("svg.fs-chart")
    assert charts.count() >= 3
    for i in range(charts.count()):
        chart = charts.nth(i)
        assert chart.bounding_box()["width"] > 300
        bars = chart.locator("rect.fs-bar")
        assert bars.count() >= 1 and all(bars.nth(j).bounding_box()["width"] >= 2 for j in range(bars.count()))
        # Bars and words take the theme's colours: visible against the page in either scheme.
        fill = bars.first.evaluate("el => getComputedStyle(el).fill")
        page_bg = pg.evaluate("getComputedStyle(document.body).backgroundColor")
        assert fill not in ("none", page_bg)
        # The fallback: the same numbers as a table, one row per bar.
        data = chart.locator("xpath=ancestor::div[contains(@class,'fs-chart-box')]/following-sibling::details[1]")
        data.locator("summary").click()
        assert data.locator("tbody tr").count() == bars.count()
    shot(pg, f"figures-{scheme}")
    context.close()


def test_charts_fit_a_phone(browser, example):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    pg = context.new_page()
    for path in ("figures/", "verification/", "timeline/", "how-to-read/", "sheets/china-12-point-position-paper/",
                 "sources/day-407-xi-macron/", "people/", "quotes/"):
        pg.goto(f"{example}/{path}")
        assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
    context.close()


def test_the_timeline_is_a_rail_in_event_order(browser, example):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.goto(f"{example}/timeline/")
    dates = pg.eval_on_selector_all(
        ".fs-rail h3.fs-milestone, .fs-rail li",
        "els => els.map(e => e.querySelector('time').getAttribute('datetime'))")
    assert len(dates) > 10
    padded = [d + "-00" * (2 - d.count("-")) for d in dates]  # 2022 before 2022-02 before 2022-02-24
    assert padded == sorted(padded)
    # Said in 2025 about 2022: it stands in 2025 and says the date it mentions.
    item = pg.locator(".fs-rail li", has_text="blaming Ukraine")
    assert item.locator("time").first.get_attribute("datetime").startswith("2025")
    assert "mentions 2022" in item.inner_text()
    # Sheets are milestones drawn on the rail: a dot of their own.
    dot = pg.locator(".fs-rail h3.fs-milestone").first.evaluate(
        "el => getComputedStyle(el, '::before').borderRadius")
    assert dot == "50%"
    pg.locator(".fs-years a", has_text="2023").click()
    pg.wait_for_url("**/timeline/#y2023")
    context.close()


def test_mkdocs_search_shows_a_pages_tags_once(served, page):
    page.goto(f"{served}/")
    page.wait_for_load_state("networkidle")
    page.locator(".md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially("bridge", delay=20)
    items = page.locator(".md-search-result__item")
    items.first.wait_for(state="attached", timeout=15000)
    bridge = page.locator(".md-search-result__item", has=page.locator('a[href*="/sheets/bridge/"]')).first
    # The sheet and its matching facts are one result: the sheet's tags show once, not under every fact.
    assert bridge.locator("a.md-search-result__link").count() > 1
    assert bridge.locator("nav.md-tags").count() == 1
    assert bridge.locator("nav.md-tags .md-tag").all_inner_texts() == ["infrastructure", "city"]


def _zensical_results(pg):
    results = pg.locator('ol[role="listbox"] a[role="option"]')  # inside the search dialog's open shadow root
    results.first.wait_for(state="attached", timeout=15000)
    return results


def test_zensical_search_names_a_source_section_by_its_source(served_zensical, page):
    page.goto(f"{served_zensical}/?q=" + "Crowds gathered along the river".replace(" ", "%20"))
    results = _zensical_results(page)
    titles = {results.nth(i).get_attribute("href").split("/", 3)[3]: results.nth(i).locator("h2").inner_text()
              for i in range(results.count())}
    on_source = {href: t for href, t in titles.items() if href.startswith("sources/alpha/")}
    assert on_source and set(on_source.values()) == {"Harbour bridge opens"}, titles
    assert not {"Full text", "Facts citing this source"} & set(titles.values())
    assert page.console_errors == []


def _search_results(pg, engine_url: str, served: str):
    if engine_url == served:
        return pg.locator(".md-search-result__item a.md-search-result__link")
    return _zensical_results(pg)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_missing_page_says_so_and_leads_on(browser, either, served, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    response = pg.goto(f"{either}/sheets/no-such-sheet/#gone")
    assert response.status == 404
    assert pg.locator("h1", has_text="Page not found").is_visible()
    assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    if AXE.is_file():
        pg.add_script_tag(path=str(AXE))
        result = pg.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        assert [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")] == []
    links = {a: pg.locator(".fs-404-links a", has_text=a) for a in ("Home", "All sheets", "Sources", "Timeline")}
    assert all(link.count() == 1 for link in links.values())
    links["All sheets"].click()
    pg.wait_for_url(f"{either}/sheets/")
    pg.go_back()
    # The search form opens the site's search with the words typed.
    pg.locator("#fs-404-q").fill("harbour bridge")
    pg.locator(".fs-search-form button").click()
    pg.wait_for_url("**/?q=harbour+bridge")
    results = _search_results(pg, either, served)
    results.first.wait_for(state="attached", timeout=15000)
    assert any("/sheets/bridge/" in (results.nth(i).get_attribute("href") or "") for i in range(results.count()))
    assert errors == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_zensical_contents_button_sits_in_the_header_on_a_phone(browser, served_zensical, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True,
                                  color_scheme=scheme)
    pg = context.new_page()
    pg.goto(f"{served_zensical}/sheets/bridge/")
    pg.mouse.wheel(0, 400)
    button = pg.locator("label.md-sidebar-button")
    box, header = button.bounding_box(), pg.locator(".md-header").bounding_box()
    # Within the header's band, clear of its title and of its own buttons: never over the text.
    assert box["y"] >= header["y"] and box["y"] + box["height"] <= header["y"] + header["height"]
    title = pg.locator(".md-header__title").bounding_box()
    assert title["x"] + title["width"] <= box["x"] + 1
    for other in pg.locator(".md-header__button, .md-search__button, .md-header__option").all():
        if other.is_visible():
            b = other.bounding_box()
            assert b["x"] >= box["x"] + box["width"] - 1 or b["x"] + b["width"] <= box["x"] + 1
    button.tap()
    listing = pg.locator(".md-sidebar--secondary .md-sidebar__inner")
    pg.wait_for_function("el => getComputedStyle(el).opacity === '1'", arg=listing.element_handle())
    inner = listing.bounding_box()
    assert inner["y"] >= header["y"] + header["height"] - 1 and inner["y"] + inner["height"] <= 800
    listing.locator("a", has_text="Crowds gathered").click()
    pg.wait_for_url("**/sheets/bridge/#crowds")
    pg.wait_for_function("el => getComputedStyle(el).opacity === '0'", arg=listing.element_handle())  # closed
    shot(pg, f"zensical-contents-phone-{scheme}")
    context.close()


@pytest.mark.parametrize("js", [True, False])
def test_folded_citations_read_with_or_without_javascript(browser, either, js):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True,
                                  java_script_enabled=js)
    pg = context.new_page()
    pg.goto(f"{either}/sheets/bridge/")
    opened = pg.locator("h2#opened")
    # Its permalink shows where nothing hovers (the theme shows it only on hover).
    permalink = opened.locator("a.headerlink")
    assert permalink.evaluate("e => e.href") == f"{either}/sheets/bridge/#opened"
    assert permalink.evaluate("e => getComputedStyle(e).opacity") == "1"
    folded = opened.locator("xpath=following-sibling::details[contains(@class,'fs-more-citations')][1]")
    assert folded.locator("summary").inner_text().strip() == "1 more citation"
    second = folded.locator("li", has_text="River desk notes")
    assert not second.is_visible()
    folded.locator("summary").click()
    assert second.is_visible()
    # The first citation stays in view: the evidence most readers need.
    assert opened.locator("xpath=following-sibling::ol[1]/li", has_text="Harbour bridge opens").is_visible()
    assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_key_facts_lead_to_their_fact(browser, example, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True,
                                  color_scheme=scheme)
    pg = context.new_page()
    pg.goto(f"{example}/")
    cards = pg.locator("ul.fs-keyfacts a")
    assert cards.count() >= 4
    assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    value = cards.first.locator(".fs-key-value").inner_text()
    # Readable in either scheme: the value's colour differs from the page's.
    colour = cards.first.locator(".fs-key-value").evaluate("el => getComputedStyle(el).color")
    assert colour != pg.evaluate("getComputedStyle(document.body).backgroundColor")
    cards.first.click()
    pg.wait_for_url("**/sheets/**#*")
    anchor = pg.url.split("#", 1)[1]
    heading = pg.locator(f"h2#{anchor}")
    assert heading.count() == 1
    # The fact shows the same value its card did.
    assert value in heading.locator("xpath=following-sibling::p[1]").inner_text()
    context.close()
