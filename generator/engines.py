"""The site engines `factsheet build` can run (a constant of its own so the CLI can offer them cheaply)."""

from __future__ import annotations

ENGINES = ("mkdocs", "zensical")
