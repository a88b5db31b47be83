"""Rendering: the validated workspace as a folder of Markdown pages, data files and assets.

``render(ws, report, root)`` gives the files and the navigation; ``render_to(out, ...)``
writes them. The site engine (MkDocs or Zensical) is never imported here.
"""

from __future__ import annotations

from pathlib import Path

from generator.loading import Workspace
from generator.render.output import write_tree
from generator.render.site import RenderedSite, directory_urls, render_site
from generator.render.views import SiteData, build_views
from generator.validation.results import Report

__all__ = ["RenderedSite", "SiteData", "build_views", "render", "render_to"]


def render(ws: Workspace, report: Report, root: Path | None = None, site_url: str | None = None) -> RenderedSite:
    root = Path(root or ws.root)
    return render_site(build_views(ws, report, directory_urls(root)), root, site_url)


def render_to(out: Path, ws: Workspace, report: Report, root: Path | None = None) -> RenderedSite:
    site = render(ws, report, root)
    write_tree(out, site.files)
    return site
