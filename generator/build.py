"""Building: validate, render into a scratch folder, run the site engine, then publish atomically.

Nothing is published unless every step succeeds: the engine writes into a
scratch folder beside the site directory, and the finished site replaces the
old one in a single rename (an atomic exchange where the kernel offers it).
"""

from __future__ import annotations

import calendar
import ctypes
import ctypes.util
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable

import yaml

from generator.engines import ENGINES  # noqa: F401 - re-exported for callers of generator.build
from generator.config import load_rules_config
from generator.findings import FactsheetError, Finding, Severity
from generator.loading import Workspace, load_workspace
from generator.matchers.dates import parse_partial_date
from generator.outdir import made_or_removed, require_folder
from generator.render import RenderedSite, render
from generator.render.output import write_tree
from generator.search_index import tidy as tidy_search_index
from generator.validation import Report, validate

CONFIG_FILE = "mkdocs.yml"
PLUGIN_NAME = "factsheet"
THEME_DIR = "overrides"  # in the build folder, beside docs/
# Themes our templates extend (their main.html): Material's, which Zensical's default theme keeps.
THEMED = ("material",)
# The configuration shipped with this checkout, for a --root that has none of its own.
DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / CONFIG_FILE


@dataclass(slots=True)
class BuildResult:
    ok: bool
    report: Report
    site_dir: Path | None = None
    pages: int = 0
    log: list[str] = field(default_factory=list)


def config_path(root: Path) -> Path:
    own = root / CONFIG_FILE
    return own if own.is_file() else DEFAULT_CONFIG


def load_config(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FactsheetError(Finding(str(path), 1, 1, Severity.ERROR, "yaml-syntax",
                                     f"cannot read the site configuration: {exc}")) from None
    if not isinstance(data, dict):
        raise FactsheetError(Finding(str(path), 1, 1, Severity.ERROR, "schema-type",
                                     "the site configuration must be a mapping"))
    return data


def engine_config(base: dict[str, Any], site: RenderedSite) -> dict[str, Any]:
    """The configuration the engine runs with: the site's own, on the rendered docs, without our plugin."""
    cfg = dict(base)
    cfg["docs_dir"] = "docs"
    cfg["site_dir"] = "site"
    cfg["nav"] = site.nav
    plugins = []
    for p in cfg.get("plugins") or []:
        name = p if isinstance(p, str) else next(iter(p), None)
        if name != PLUGIN_NAME:
            plugins.append(p)
    cfg["plugins"] = plugins
    if site.theme and theme_name(cfg) in THEMED:  # our templates (404 page, feed link) beside the site's (write_theme)
        theme = cfg["theme"]
        cfg["theme"] = {**({"name": theme} if isinstance(theme, str) else theme), "custom_dir": THEME_DIR}
    if site.hidden:  # pages of moved sheets are reachable from old links only
        cfg["not_in_nav"] = "\n".join("/" + p for p in site.hidden)
    return cfg


def theme_name(cfg: dict[str, Any]) -> str | None:
    theme = cfg.get("theme")
    name = theme if isinstance(theme, str) else theme.get("name") if isinstance(theme, dict) else None
    return name if isinstance(name, str) else None


def write_theme(work: Path, base: dict[str, Any], config_dir: Path, site: RenderedSite) -> None:
    """The engine's custom_dir in the build folder: the site's own custom_dir copied, then our
    templates where it has none of its own (a site's own 404.html wins)."""
    theme = base.get("theme")
    own = theme.get("custom_dir") if isinstance(theme, dict) else None
    folder = work / THEME_DIR
    if isinstance(own, str) and (config_dir / own).is_dir():
        shutil.copytree(config_dir / own, folder)
    for name, data in site.theme.items():
        path = folder / name
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def content_epoch(ws: Workspace) -> int:
    """A timestamp fixed by the content (its latest date), for engines that stamp pages and sitemaps."""
    dates = [s.meta.retrieved or s.meta.published for s in ws.sources.values()]
    dates += [sf.sheet.date for sf in ws.sheets.values()]
    parsed = [parse_partial_date(d) for d in dates if d]
    if not parsed:
        return 0
    latest = max(parsed)
    return calendar.timegm((latest.year, latest.month or 1, latest.day or 1, 0, 0, 0))


def engine_command(engine: str, config: Path, strict: bool) -> list[str]:
    if engine == "mkdocs":
        cmd = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config)]
    elif engine == "zensical":
        exe = shutil.which("zensical", path=os.pathsep.join([str(Path(sys.executable).parent),
                                                             os.environ.get("PATH", "")]))
        cmd = [exe, "build", "--config-file", str(config)] if exe else [sys.executable, "-m", "zensical",
                                                                        "build", "--config-file", str(config)]
    else:
        raise ValueError(f"unknown engine {engine!r}")
    return [*cmd, "--strict"] if strict else cmd


def run_engine(engine: str, work: Path, strict: bool, epoch: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", str(epoch)),
           "NO_MKDOCS_2_WARNING": "1"}
    try:
        return subprocess.run(engine_command(engine, work / CONFIG_FILE, strict), cwd=work, env=env,
                              capture_output=True, text=True, timeout=900)
    except FileNotFoundError as exc:
        return subprocess.CompletedProcess([engine], 127, "", f"{engine} is not installed: {exc}")


_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    rc: int = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return rc == 0


def publish(new: Path, site_dir: Path, scratch: Path) -> None:
    """Put the finished ``new`` site at ``site_dir``; the old one goes to ``scratch`` for removal."""
    require_folder(site_dir, "--site-dir")
    if site_dir.is_dir():
        if not _exchange(new, site_dir):
            site_dir.rename(scratch / "previous-site")
            new.rename(site_dir)
    else:
        new.rename(site_dir)


SCRATCH_PREFIX = ".factsheet-build-"
_LOCK = ".in-use"
# A scratch folder without its lock file is a build killed in the instant between making the folder
# and locking it; past this age no live build can still be about to lock it.
_UNLOCKED_GRACE_SECONDS = 60


def claim_scratch(parent: Path) -> tuple[Path, IO[str]]:
    """A new scratch folder beside the site, locked for as long as this process holds the handle.

    The lock (flock) dies with the process, however it ends: that is how the next build tells a
    folder left by a killed build from one a concurrent build is still using.
    """
    work = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=parent))
    lock = (work / _LOCK).open("w")
    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return work, lock


def remove_stale_scratch(parent: Path) -> list[Path]:
    """Remove the scratch folders of builds that were killed (no live process holds their lock)."""
    removed = []
    for folder in sorted(parent.glob(SCRATCH_PREFIX + "*")):
        if folder.is_symlink() or not folder.is_dir():
            continue
        try:
            with (folder / _LOCK).open("r") as fh:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held: a live build owns it
        except BlockingIOError:
            continue
        except FileNotFoundError:
            if time.time() - folder.stat().st_mtime < _UNLOCKED_GRACE_SECONDS:
                continue
        except OSError:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


_TRACEBACK = "Traceback (most recent call last):"


def engine_summary(log: list[str]) -> list[str]:
    """The engine's output with its Python tracebacks cut to their last line (the error itself).

    A traceback is the engine's internals; the editor needs what went wrong, and the full
    output is one environment variable away.
    """
    out: list[str] = []
    in_traceback = False
    for line in log:
        if line.startswith(_TRACEBACK):
            in_traceback = True
            continue
        if in_traceback:
            if line.startswith((" ", "\t")) or line.strip() in {"^", "~"}:
                continue  # a frame, its code line or its caret marks
            if line.startswith(("The above exception", "During handling of")):
                continue
            in_traceback = False
            out.append(f"the engine failed: {line.strip()} (FACTSHEET_DEBUG=1 shows its traceback)")
            continue
        out.append(line)
    return out


def build(root: Path, site_dir: Path | None = None, engine: str = "mkdocs", strict: bool = False,
          say: Callable[[str], None] = print, site_url: str | None = None, jobs: int = 1) -> BuildResult:
    """``site_url``: the address the site is served from (the sitemap's URLs and instant navigation
    need it); it overrides the configuration's own. ``jobs``: validation's processes (``validate``'s)."""
    # Absolute paths: the engine runs with its working directory in the build folder.
    root = Path(root).resolve()
    site_dir = Path(site_dir).resolve() if site_dir else root / "site"
    require_folder(site_dir, "--site-dir")
    rules = load_rules_config(root)
    ws = load_workspace(root)
    report = validate(ws, jobs)
    report.findings = rules.apply(report.findings)
    # Validation errors stop the build; warnings are allowed, as with `validate` (gate them with
    # `validate --strict`). --strict is the engine's: a broken link or anchor fails the site.
    if report.errors:
        for f in report.findings:
            if f.severity is Severity.ERROR:
                say(f.format_text())
        say(f"build stopped: {report.errors} error(s); nothing was published")
        return BuildResult(False, report)
    base = load_config(config_path(root))
    if site_url:
        base = {**base, "site_url": site_url if site_url.endswith("/") else site_url + "/"}
    rendered = render(ws, report, root, base.get("site_url"))
    with made_or_removed(site_dir.parent) as fresh:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_scratch(site_dir.parent)
        work, lock = claim_scratch(site_dir.parent)
        result = _build_in(work, lock, ws, report, rendered, base, root, site_dir, engine, strict, say)
        if not result.ok and fresh is not None:  # the folders made for a site that did not come
            shutil.rmtree(fresh, ignore_errors=True)
        return result


def _build_in(work: Path, lock: IO[str], ws: Workspace, report: Report, rendered: RenderedSite,
              base: dict[str, Any], root: Path, site_dir: Path, engine: str, strict: bool,
              say: Callable[[str], None]) -> BuildResult:
    try:
        write_tree(work / "docs", rendered.files)
        if theme_name(base) in THEMED:
            write_theme(work, base, config_path(root).parent, rendered)
        (work / CONFIG_FILE).write_text(
            "# Generated by `factsheet build` from " + str(config_path(root).name) + "\n"
            + yaml.safe_dump(engine_config(base, rendered), sort_keys=False, allow_unicode=True),
            encoding="utf-8")
        proc = run_engine(engine, work, strict, content_epoch(ws))
        log = [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
        if proc.returncode != 0 or not (work / "site" / "index.html").is_file():
            for line in (log if os.environ.get("FACTSHEET_DEBUG") else engine_summary(log)):
                say(line)
            say(f"build stopped: {engine} failed (exit {proc.returncode}); the previous site is untouched")
            return BuildResult(False, report, log=log)
        tidy_search_index(work / "site")
        publish(work / "site", site_dir, work)
        pages = sum(1 for p in rendered.files if p.endswith(".md"))
        say(f"built {pages} pages with {engine} into {site_dir} "
            f"({report.stats()['facts']} facts, {report.stats()['verified']} verified)")
        return BuildResult(True, report, site_dir, pages, log)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        lock.close()
