"""A small example site for the render, build and browser tests (statements only, plus hostile text)."""

from __future__ import annotations

import html.parser
import importlib.util
import os
from pathlib import Path

import pytest

from tests.conftest import write_source, write_yaml

ALPHA = (
    "The harbour bridge opened to traffic on a cold morning.\n"
    "\n"
    "Officials said the bridge cost more than expected. Mayor Jane Roe said we built it together "
    "at the ceremony.\n"
    "\n"
    "Crowds gathered along the river to watch the first cars cross.\n"
)
BETA = "Notes from the river desk.\n\nThe bridge opened to traffic, officials confirmed.\n"


def site_workspace(root: Path) -> Path:
    """Two sources, one person, two sheets; passages that nest, cross and span paragraphs."""
    write_source(root, "alpha", ALPHA, title="Harbour bridge opens", authors=["Ann Writer"],
                 published="2024-03-05", url="https://example.org/news/alpha")
    write_source(root, "beta", BETA, title="River desk notes", publisher="River Desk")
    write_yaml(root, "facts/people.yml", """
        jane-roe:
          name: Jane Roe
          aliases: [Mayor Jane Roe]
          role: Mayor
        """)
    write_yaml(root, "facts/bridge.yml", """
        title: The harbour bridge opens
        date: "2024-03-05"
        summary: The new bridge opened **on time**, see [the city](https://example.org/city).
        tags: [infrastructure, city]
        facts:
          - id: opened
            claim: The harbour bridge opened to traffic.
            sources:
              - source: alpha
                excerpt: "The harbour bridge opened to traffic"
              - source: beta
                excerpt: "The bridge opened to traffic"
          - id: over-budget
            claim: Officials said the bridge cost *more than expected*.
            sources:
              - source: alpha
                excerpt: "Officials said the bridge cost more than expected."
          - id: mayor-credit
            claim: Mayor Jane Roe credited the whole city.
            sources:
              - source: alpha
                excerpt: "more than expected. Mayor Jane Roe said we built it together"
          - id: cost
            claim: The bridge cost more than expected.
            sources:
              - source: alpha
                excerpt: "cost more than expected"
          - id: crowds
            claim: Crowds gathered along the river after the ceremony.
            sources:
              - source: alpha
                excerpt: "at the ceremony. Crowds gathered along the river"
        """)
    write_yaml(root, "facts/river.yml", """
        title: River desk
        facts:
          - id: confirmed
            claim: Officials confirmed the opening.
            sources:
              - source: beta
                excerpt: "officials confirmed"
        """)
    return root


HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>'


def hostile_workspace(root: Path) -> Path:
    """Editors' text that would be markup if it were not escaped."""
    text = f"Plain words. {HOSTILE} [click](javascript:alert(3)) more words here.\n"
    write_source(root, "evil", text, title=f"Title {HOSTILE} [x](javascript:alert(4))",
                 authors=[HOSTILE], publisher="*pub* | {#id} `code`")
    write_yaml(root, "facts/people.yml", f"""
        mallory:
          name: "Mallory {HOSTILE}"
          role: "[role](javascript:alert(5))"
        """)
    write_yaml(root, "facts/evil.yml", f"""
        title: "Sheet {HOSTILE}"
        summary: "Summary {HOSTILE} [s](javascript:alert(6)) [d](data:text/html,x) ![i](x.png)"
        tags: ["<b>tag</b>", "ok-tag"]
        facts:
          - id: words
            claim: "Claim {HOSTILE} [c](javascript:alert(7)) {{: #injected }} | pipe"
            note: "Note {HOSTILE}"
            sources:
              - source: evil
                excerpt: "{HOSTILE}"
                note: "[n](javascript:alert(8))"
        """)
    return root


class Tags(html.parser.HTMLParser):
    """Every start tag with its attributes, from an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        d = dict(attrs)
        self.tags.append((tag, d))
        if d.get("id"):
            self.ids.add(d["id"])  # type: ignore[arg-type]


def parse_html(text: str) -> Tags:
    p = Tags()
    p.feed(text)
    p.close()
    return p


CHROMIUM = Path("/usr/bin/chromium")


def in_ci() -> bool:
    """CI services (GitHub Actions among them) set CI=true."""
    return os.environ.get("CI", "").lower() in {"true", "1"}


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"Debian's chromium is not installed at {CHROMIUM} (scripts/test installs it)"
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (scripts/setup test installs it)"
    return None


def require_browser() -> None:
    """Skip on a workstation without a browser; under CI a missing browser fails the run, so a
    broken set-up can never pass as "all browser tests skipped"."""
    why = browser_missing()
    if why is None:
        return
    if in_ci():
        pytest.fail(f"CI=true and the browser tests cannot run: {why}", pytrace=False)
    pytest.skip(why)
