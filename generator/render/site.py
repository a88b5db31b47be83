"""Render the whole site as Markdown pages plus assets, from the Jinja2 templates in site_templates/.

No site engine is imported here: the output is a plain ``docs`` folder that
MkDocs or Zensical turn into HTML, and a ``nav`` for their configuration.
"""

from __future__ import annotations

import json
from html import escape as html_escape
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from generator.render.urls import docs_link, link_between, page_url, redirect_pages, source_page
from generator.render import escape, inline
from generator.render.charts import build_charts, svg
from generator.render.passages import Passage, mark_passages
from generator.render.data import facts_csv, facts_json, schema_files
from generator.render.feed import FEED_PATH, atom_feed
from generator.render.jsonld import sheet_json_ld
from generator.render.values import date_label
from generator.render.verdicts import CAVEATS, CITATION_VERDICTS, FACT_VERDICTS, INFERRED_YEAR
from generator.render.views import SiteData, caveat

TEMPLATES_DIR = "site_templates"
PAGES_DIR = "content/pages"
# The templates shipped with this checkout, for a --root that has none of its own.
DEFAULT_TEMPLATES = Path(__file__).resolve().parents[2] / TEMPLATES_DIR
_TAG = re.compile(r"[^\w .-]+")


@dataclass(slots=True)
class RenderedSite:
    files: dict[str, bytes]  # docs-relative path → content
    nav: list[Any]
    hidden: list[str] = field(default_factory=list)  # pages deliberately left out of the navigation
    # Templates for the engine's theme (its custom_dir): the 404 page and main.html (the feed link in every head).
    theme: dict[str, bytes] = field(default_factory=dict)


def moved(site: SiteData) -> dict[str, list[tuple[str, str]]]:
    """Sheet id → [(old fact id or "", new docs link)] for every redirect (see generator.render.urls)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for old, new in redirect_pages(site.ws, docs_link).items():
        path, _, anchor = old.partition("#")
        out.setdefault(path[len("sheets/"):-len(".md")], []).append((anchor, new))
    return {k: sorted(v) for k, v in sorted(out.items())}


def _finalize(value: object) -> object:
    # Every {{ }} that is not already safe markup is escaped for Markdown and HTML at once.
    if isinstance(value, Markup) or value is None:
        return value if value is not None else ""
    return escape.text(value)


@pass_context
def _rel(ctx: Any, target: str) -> Markup:
    """A link from the page being rendered to another docs file (``sheets/x.md#a``), for Markdown links."""
    return _relative(posixpath.dirname(ctx["page_path"]), target)


@lru_cache(maxsize=65536)
def _relative(here: str, target: str) -> Markup:
    # Pages of one folder link to the same targets many times (relpath and safe_url are slow).
    path, _, anchor = target.partition("#")
    link = _relpath(path, here) + (f"#{anchor}" if anchor else "")
    # A link of slug characters only is what safe_url would return unchanged.
    return Markup(link if _PLAIN_LINK.fullmatch(link) else escape.safe_url(link) or "#")


_PLAIN_LINK = re.compile(r"[A-Za-z0-9_.][A-Za-z0-9_./#-]*")


def _relpath(path: str, here: str) -> str:
    """posixpath.relpath for docs-relative paths, without its abspath (a getcwd per call)."""
    parts, base = path.split("/"), here.split("/") if here else []
    if any(p in ("", ".", "..") for p in (*parts, *base)):
        return posixpath.relpath(path, here or ".")
    common = 0
    while common < min(len(parts), len(base)) and parts[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def _tag_label(tag: str) -> str:
    """A tag as readers see it: editors write slugs (``peace-proposals``), the site shows words."""
    return " ".join(_TAG.sub("", tag).replace("-", " ").replace("_", " ").split())


def _tags(tags: list[str]) -> Markup:
    """Front-matter tags as a JSON list (valid YAML), limited to words, spaces, dots and hyphens."""
    clean = [t for t in (_tag_label(tag) for tag in tags) if t]
    return Markup(json.dumps(list(dict.fromkeys(clean)), ensure_ascii=False))


_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _id(value: str) -> Markup:
    """An element id from a slug (fact, person): already safe everywhere, so never escaped."""
    if not _SLUG.match(value):
        raise ValueError(f"not a slug: {value!r}")
    return Markup(value)


def _attr(value: object) -> Markup:
    """A value for an HTML attribute of inline HTML (the engine does not read Markdown inside tags)."""
    return Markup(html_escape(str(value), quote=True))


def _mark(passages: list[Passage], source_text: str) -> list[Markup]:
    return mark_passages(source_text, passages)


_TIP_DROP = str.maketrans({'"': "”", "{": "(", "}": ")", "|": "/", "*": "", "_": " ", "`": "", "[": "(",
                           "]": ")", "\\": "/", "<": "‹", ">": "›", "&": "and", "\n": " "})


def _tip(value: str) -> Markup:
    """Text for a quoted attribute of an attr_list (``{ data-tip="…" }``): it has no escapes, and
    Markdown's inline syntax would act on it first, so those characters are replaced by look-alikes."""
    return Markup(" ".join(str(value).translate(_TIP_DROP).split()))


def _toc_label(claim: str, limit: int = 44) -> Markup:
    """A claim cut at a word for the table of contents (the heading keeps it whole), made safe like a tip."""
    words = " ".join(claim.split())
    if len(words) > limit:
        words = words[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return _tip(words)


def _front_title(value: str) -> Markup:
    """A page title for front matter: engines put it into <title> and the navigation without escaping."""
    # Quotes stay as they are: Zensical's search shows "&#x27;" literally in result titles and breadcrumbs.
    # The engines put titles in text and in double-quoted attributes, where only <, >, & and " matter.
    words = html_escape(" ".join(value.split()), quote=False).replace('"', "&quot;")
    return Markup(json.dumps(words, ensure_ascii=False))


def environment(root: Path) -> Environment:
    loaders = [FileSystemLoader(str(root / TEMPLATES_DIR))] if (root / TEMPLATES_DIR).is_dir() else []
    loaders.append(FileSystemLoader(str(DEFAULT_TEMPLATES)))
    env = Environment(loader=ChoiceLoader(loaders), autoescape=True, finalize=_finalize,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters.update(inline=inline.inline, plain=inline.plain, url=escape.url, href=escape.href,
                       text=escape.text, date_label=date_label, tags=_tags, mark_passages=_mark,
                       id=_id, attr=_attr, front_title=_front_title, caveat=caveat, tip=_tip, chart_svg=svg, toc_label=_toc_label, tag_label=_tag_label)
    env.globals.update(rel=_rel, source_page=source_page, fact_verdicts=FACT_VERDICTS, citation_verdicts=CITATION_VERDICTS, caveats=CAVEATS,
                       inferred_year=INFERRED_YEAR)
    return env


def _assets(root: Path) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for base in (DEFAULT_TEMPLATES, root / TEMPLATES_DIR):  # the root's own assets win
        folder = base / "assets"
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    out["assets/" + path.relative_to(folder).as_posix()] = path.read_bytes()
    return out


def _hand_written(root: Path) -> dict[str, bytes]:
    folder = root / PAGES_DIR
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def site_config(root: Path) -> dict[str, Any]:
    """The site's mkdocs.yml (the checkout's when ROOT has none), read safely: what the pages need of it.

    A configuration this cannot read (Python tags, none at all) gives an empty one: the defaults."""
    for path in (root / "mkdocs.yml", DEFAULT_TEMPLATES.parent / "mkdocs.yml"):
        try:
            cfg = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        if isinstance(cfg, dict):
            return cfg
    return {}


def site_identity(root: Path) -> tuple[str, str]:
    """The site's name and description from its mkdocs.yml, for the home page's hero."""
    cfg = site_config(root)
    return str(cfg.get("site_name") or "Fact sheets"), str(cfg.get("site_description") or "")


def directory_urls(root: Path) -> bool:
    """Whether the engines build ``x/index.html`` (MkDocs' default, ``use_directory_urls: true``) or ``x.html``."""
    return site_config(root).get("use_directory_urls", True) is not False


def render_site(site: SiteData, root: Path, site_url: str | None = None) -> RenderedSite:
    """``site_url``: the address the site is served from (else mkdocs.yml's), for the feed and JSON-LD."""
    env = environment(root)
    title, description = site_identity(root)
    env.globals["site_name"], env.globals["site_description"] = title, description
    site_url = site_url or str(site_config(root).get("site_url") or "") or None
    env.globals["json_ld"] = lambda sheet: sheet_json_ld(sheet, site, title, site_url)
    env.globals["feed_path"] = Markup(FEED_PATH)  # a plain file name
    env.globals["key_link"] = lambda here, target: link_between(here, target, site.directory_urls)
    files: dict[str, bytes] = {}

    def page(path: str, template: str, **ctx: Any) -> None:
        out = env.get_template(template).render(page_path=path, site=site, **ctx)
        files[path] = out.encode("utf-8")

    redirects = moved(site)
    page("index.md", "index.md.j2")
    page("sheets/index.md", "sheets.md.j2")
    for sheet in site.sheets:
        page(sheet.page, "sheet.md.j2", sheet=sheet, moved=redirects.get(sheet.id, []))
    # A sheet that is gone keeps its page: it says where its facts went.
    hidden = []
    for old in redirects.keys() - {s.id for s in site.sheets}:
        page(f"sheets/{old}.md", "moved.md.j2", old=old, moved=redirects[old])
        hidden.append(f"sheets/{old}.md")
    page("sources/index.md", "sources.md.j2")
    for source in site.sources:
        page(source.page, "source.md.j2", source=source)
    for name in ("timeline", "quotes", "people", "verification", "tags", "how-to-read"):
        page(f"{name}.md", f"{name}.md.j2")
    page("figures.md", "figures.md.j2", charts=build_charts(site.figures))
    files.update(_assets(root))
    # Hand-written pages (content/pages/) join the site but never replace a generated page.
    extra = {k: v for k, v in _hand_written(root).items() if k not in files}
    files.update(extra)
    files[FEED_PATH] = atom_feed(site, title, description, site_url).encode("utf-8")
    files["data/facts.json"] = facts_json(site).encode("utf-8")
    files["data/facts.csv"] = facts_csv(site).encode("utf-8")
    for name, text in schema_files(root).items():
        files[f"data/schema/{name}"] = text.encode("utf-8")

    nav: list[Any] = [
        {"Home": "index.md"},
        {"How to read this site": "how-to-read.md"},
        {"Sheets": [{"All sheets": "sheets/index.md"}, *(s.page for s in site.sheets)]},
        {"Timeline": "timeline.md"},
        {"Figures": "figures.md"},
        {"Quotes": "quotes.md"},
        {"People": "people.md"},
        {"Sources": [{"All sources": "sources/index.md"}, *(s.page for s in site.sources)]},
        {"Verification": "verification.md"},
        {"Tags": "tags.md"},
        *sorted(p for p in extra if p.endswith(".md")),
    ]
    head = env.get_template("theme/main.html.j2").render(feed=FEED_PATH)
    return RenderedSite(files, nav, sorted(hidden), {"404.html": not_found(env, site), "main.html": head.encode()})


def not_found(env: Environment, site: SiteData) -> bytes:
    """The 404 page: what happened, a search, and the pages to start from (site-root URLs)."""
    du = site.directory_urls
    links = [(page_url("index.md", du), "Home", "what this site is, and its fact sheets"),
             (page_url("sheets/index.md", du), "All sheets", "every fact, sheet by sheet"),
             (page_url("timeline.md", du), "Timeline", "the facts in the order events happened"),
             (page_url("sources/index.md", du), "Sources", "the texts every fact is proven against"),
             (page_url("how-to-read.md", du), "How to read this site", "what the verdicts mean")]
    out = env.get_template("theme/404.html.j2").render(home=links[0][0], links=links)
    return out.encode("utf-8")
