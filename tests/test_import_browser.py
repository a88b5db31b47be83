"""Excerpts copied from the page in a real browser validate against the text new-source stored (issue 14).

Each page of tests/pages/ is opened in headless Chromium; a reader's selection (whole paragraphs,
a paragraph through a heading into the next, a list, a live-blog entry) is copied as the browser
copies it (``Selection.toString()``) and cited as it comes: validate must find every one.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.findings import Severity
from generator.loading import load_workspace
from generator.validation import validate
from tests.conftest import REPO, run_cli, write_yaml

CHROMIUM = Path("/usr/bin/chromium")
PAGES = REPO / "tests" / "pages"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (scripts/test installs it)"),
]

# (page, CSS selector of the first element, of the last element): the selection runs from the start
# of the first to the end of the last, as a reader drags it.
SELECTIONS = [
    ("article", ".article-body p:nth-of-type(1)", ".article-body p:nth-of-type(1)"),
    ("article", ".article-body p:nth-of-type(2)", ".article-body p:nth-of-type(2)"),  # across <em>
    ("article", ".article-body p:nth-of-type(3)", ".article-body p:nth-of-type(4)"),  # through the h2
    ("article", ".article-body blockquote p", ".article-body > p:last-of-type"),
    ("press-release", "#content > p:nth-of-type(3)", "#content li:last-child"),  # a list
    ("press-release", "#content > p:nth-of-type(4)", "#content > p:nth-of-type(4)"),
    ("liveblog", "#b1 p:first-of-type", "#b1 p:last-of-type"),
    ("liveblog", "#b3 p:nth-of-type(2)", "#b3 p:nth-of-type(2)"),
    ("nometa", ".post p:first-of-type", ".post p:last-of-type"),
    # Across the inline "Read more" aside: the browser copies the aside's link too, which the stored
    # text rightly lacks, so this one copy is not found (and shows the check has teeth).
    ("article", ".article-body p:nth-of-type(2)", ".article-body p:nth-of-type(3)"),
]
ACROSS_ASIDE = len(SELECTIONS) - 1

_SELECT = """([first, last]) => {
  const a = document.querySelector(first), b = document.querySelector(last);
  const range = document.createRange();
  range.setStartBefore(a.firstChild); range.setEndAfter(b.lastChild);
  const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
  return sel.toString();
}"""


_COPY = """
import json, sys
from playwright.sync_api import sync_playwright
chromium, selections = sys.argv[1], json.loads(sys.argv[2])
out = []
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=chromium, args=[
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"])
    page = browser.new_page()
    # The pages' scripts and images stay offline.
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    for uri, first, last in selections:
        page.goto(uri)
        out.append(page.evaluate(SELECT, [first, last]))
    browser.close()
print(json.dumps(out))
""".replace("SELECT", repr(_SELECT))


def test_browser_copies_validate_against_the_stored_text(workspace: Path) -> None:
    pytest.importorskip("trafilatura", reason="the import extra (scripts/test installs it)")
    for name in {p for p, _, _ in SELECTIONS}:
        extra = ["--title", "T"] if name == "nometa" else []
        r = run_cli("new-source", str(PAGES / f"{name}.html"), "--id", name, *extra, cwd=workspace)
        assert r.returncode == 0, r.stderr
    # In a process of its own: a second Playwright session in this one would clash with test_browser's.
    r = subprocess.run([sys.executable, "-c", _COPY, str(CHROMIUM), json.dumps(
        [[(PAGES / f"{name}.html").as_uri(), first, last] for name, first, last in SELECTIONS])],
        capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    copies = [(name, text) for (name, _, _), text in zip(SELECTIONS, json.loads(r.stdout), strict=True)]
    for name, text in copies:
        assert text.strip(), name
    facts = "\n".join(f"  - id: copy-{i}\n    claim: Copied.\n    sources:\n      - source: {name}\n"
                      f"        excerpt: {json.dumps(text.strip(), ensure_ascii=False)}"
                      for i, (name, text) in enumerate(copies))
    write_yaml(workspace, "facts/copies.yml", f"title: Copies\nfacts:\n{facts}\n")
    report = validate(load_workspace(workspace))
    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    assert [(f.rule, f.fact) for f in errors] == [("excerpt-not-found", f"copies/copy-{ACROSS_ASIDE}")], \
        [f.format_text() for f in errors]
    assert "Read more" in copies[ACROSS_ASIDE][1]
    assert any("\n" in text.strip() for _, text in copies)  # some copies did span paragraphs
