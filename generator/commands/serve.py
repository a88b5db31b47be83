"""`factsheet serve`: live preview with `mkdocs serve` and the factsheet plugin.

The plugin renders the pages into a scratch docs folder on every (re)build and
watches facts/, content/ and site_templates/, so saving a fact, a source or a
template reloads the page in the browser.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("serve", help="live preview: rebuild and reload on every edit",
                       description="Serve the site with live reload (mkdocs serve with the factsheet plugin).")
    p.add_argument("--root", type=Path, default=Path("."), help="folder holding facts/ and content/ (default: .)")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                   help="address to serve on (default: 127.0.0.1:8000)")
    p.set_defaults(run=run)


def serve_config(root: Path, scratch: Path) -> Path:
    """The site's configuration with the factsheet plugin on, pointed at ``root``."""
    import yaml

    from generator.build import PLUGIN_NAME, config_path, load_config  # the renderer: only when serving

    cfg = load_config(config_path(root))
    plugins = [p for p in cfg.get("plugins") or []
               if (p if isinstance(p, str) else next(iter(p), None)) != PLUGIN_NAME]
    plugins.append({PLUGIN_NAME: {"root": str(root.resolve())}})
    cfg["plugins"] = plugins
    # MkDocs wants an existing docs_dir at load time; the plugin points it at the rendered pages.
    (scratch / "docs").mkdir(exist_ok=True)
    cfg["docs_dir"] = str(scratch / "docs")
    path = scratch / "mkdocs.yml"
    path.write_text(yaml.safe_dump(cfg, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def run(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="factsheet-serve-") as scratch:
        config = serve_config(args.root, Path(scratch))
        cmd = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config), "--dev-addr", args.dev_addr]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(Path(__file__).resolve().parents[2]), os.environ.get("PYTHONPATH", "")])}
        # Stopping `factsheet serve` (Ctrl-C or SIGTERM) stops the server it started.
        previous = signal.signal(signal.SIGTERM, _terminate)
        proc = subprocess.Popen(cmd, env=env)
        try:
            return proc.wait()
        except (KeyboardInterrupt, SystemExit):
            return 130
        finally:
            signal.signal(signal.SIGTERM, previous)
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)
