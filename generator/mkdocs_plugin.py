"""The MkDocs plugin ``factsheet``: plain ``mkdocs serve`` / ``mkdocs build`` render the facts first.

Thin on purpose: it calls the same library code as ``factsheet render``
(load → validate → render → write only what changed) and points ``docs_dir``
at the rendered pages. ``factsheet build`` does not need it (it renders before
running the engine, and Zensical runs no MkDocs plugins).
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
from pathlib import Path
from typing import Any, ClassVar

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from generator.build import THEMED
from generator.config import load_rules_config
from generator.findings import FactsheetError, Severity
from generator.loading import FACTS_DIR, load_workspace
from generator.render import render
from generator.render.output import NotRenderedHere, write_tree
from generator.render.site import TEMPLATES_DIR
from generator.search_index import tidy as tidy_search_index
from generator.validation import validate

log = logging.getLogger("mkdocs.plugins.factsheet")
WATCHED = (FACTS_DIR, "content", TEMPLATES_DIR)


class FactsheetConfig(base.Config):  # type: ignore[no-untyped-call]  # mkdocs: untyped __init_subclass__
    root = c.Optional(c.Type(str))
    """Folder holding facts/ and content/ (default: the folder of mkdocs.yml)."""
    docs_dir = c.Optional(c.Type(str))
    """Where the pages are rendered (default: a folder in the system's temporary directory)."""


class FactsheetPlugin(BasePlugin[FactsheetConfig]):  # type: ignore[no-untyped-call]  # as above
    # `mkdocs serve` calls on_startup once, but makes a new plugin for every rebuild: keep it on the class.
    command: ClassVar[str] = "serve"

    def on_startup(self, *, command: str, dirty: bool) -> None:
        FactsheetPlugin.command = command

    def _root(self, config: MkDocsConfig) -> Path:
        if self.config.root:
            return Path(self.config.root).resolve()
        return Path(config.config_file_path or ".").resolve().parent

    def _out(self, root: Path) -> Path:
        if self.config.docs_dir:
            return Path(self.config.docs_dir).resolve()
        key = hashlib.sha256(str(root).encode()).hexdigest()[:12]
        return Path(tempfile.gettempdir()) / f"factsheet-docs-{key}"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = self._root(config)
        try:
            rules = load_rules_config(root)
            ws = load_workspace(root)
        except FactsheetError as exc:
            raise PluginError(exc.finding.format_text()) from None
        report = validate(ws)
        report.findings = rules.apply(report.findings)
        for f in report.findings:
            if f.severity is not Severity.INFO:
                log.warning(f.format_text())
        if report.errors and FactsheetPlugin.command == "build":
            # A build publishes; a preview shows the problems on the verification page instead.
            raise PluginError(f"{report.errors} validation error(s): nothing is built")
        site = render(ws, report, root)
        out = self._out(root)
        try:
            write_tree(out, site.files)
        except NotRenderedHere as exc:
            raise PluginError(str(exc)) from None
        config.docs_dir = str(out)
        # Our theme templates (the 404 page, the feed link in every head) come after the site's own
        # custom_dir, before the theme's.
        theme = out.with_name(out.name + "-theme")
        try:
            write_tree(theme, site.theme)
        except NotRenderedHere as exc:
            raise PluginError(str(exc)) from None
        if config.theme.name in THEMED and str(theme) not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(theme))
        if not config.nav:
            config.nav = site.nav
        self._watch = [root / d for d in WATCHED if (root / d).is_dir()]
        return config

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        tidy_search_index(Path(config.site_dir))

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        for path in getattr(self, "_watch", []):
            server.watch(str(path))
        return server
