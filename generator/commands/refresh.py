"""`factsheet refresh`: fetch a source's original again and say what changed and which citations it breaks.

Without ``--apply`` nothing is written: exit 0 when the original still reads as
the stored text, 1 when it changed (the word diff and the citations it would
break are printed). ``--apply`` archives the old snapshot (see
generator.sources.refresh), stores the new text, and edits two lines of the
sidecar: ``sha256`` and ``retrieved``; exit 1 if citations broke, as ``rehash``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import re
from pathlib import Path

from generator.authoring import Refused, check_root, check_slug, replace_file, yaml_quote
from generator.commands.rehash import with_hash
from generator.findings import did_you_mean
from generator.loading import SOURCES_DIR, Source, load_workspace
from generator.sources.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from generator.sources.importer import read_url
from generator.sources.refresh import archive, broken_citations, word_changes
from generator.yamlsafe import decode_text, load_yaml

_SCALAR = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#][^#\n]*?(?=\s+#|\s*$)""")
_MAX_CHANGES_SHOWN = 40


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "refresh", help="fetch a source's url again: word diff and the citations it would break",
        description="Fetch the url of content/sources/SOURCE-ID.yml, extract it as new-source does, and show a "
                    "word diff against the stored text and every citation the new text would break. Exit 0 "
                    "unchanged, 1 changed. --apply stores the new text (the old one is kept in content/archive/), "
                    "updates sha256 and retrieved, and exits 1 if citations broke.")
    p.add_argument("source_id", metavar="SOURCE-ID")
    p.add_argument("--apply", action="store_true", help="store the new text and update the sidecar")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N")
    p.add_argument("--root", type=Path, default=Path("."), help="the repository (default: .)")
    p.set_defaults(run=run)


def with_scalar(sidecar: str, path: str, key: str, value: str) -> str:
    """``sidecar`` with top-level ``key`` set to ``value`` (double-quoted); every other character kept."""
    doc = load_yaml(sidecar, path)
    if not isinstance(doc.value, dict):
        raise Refused("schema-type", f"{path}: expected a mapping of metadata")
    if key not in doc.value:
        sep = "" if sidecar.endswith("\n") or not sidecar else "\n"
        return f"{sidecar}{sep}{key}: {yaml_quote(value)}\n"
    line, col = doc.pos((key,))
    lines = sidecar.splitlines(keepends=True)
    text = lines[line - 1]
    m = _SCALAR.match(text, col - 1)
    if m is None or not isinstance(doc.value[key], (str, type(None))):
        raise Refused("schema-value", f"{path}:{line}:{col}: write {key} on one line to refresh it")
    lines[line - 1] = text[:m.start()] + yaml_quote(value) + text[m.end():]
    return "".join(lines)


def run(args: argparse.Namespace) -> int:
    sid: str = args.source_id
    check_slug(sid, "source", "SOURCE-ID")
    root: Path = args.root
    check_root(root)
    ws = load_workspace(root)
    source = ws.sources.get(sid)
    if source is None:
        known = sorted(ws.sources)
        problems = [f.format_text() for f in ws.findings if f.path.startswith(f"{SOURCES_DIR}/{sid}.")]
        raise Refused("file-not-found", f"no valid source '{sid}'{did_you_mean(sid, known)}"
                      + ("".join(f"\n  {p}" for p in problems)))
    if not source.meta.url:
        raise Refused("schema-missing-field", f"{source.meta_path}: the source has no url to fetch again")
    snap = read_url(source.meta.url, timeout=args.timeout, max_bytes=args.max_bytes)
    new_text = snap.text
    changes = word_changes(source.text, new_text)
    if not changes and new_text.encode("utf-8") == source.text.encode("utf-8"):
        print(f"{sid}: the original at {snap.origin} still reads as the stored text")
        return 0
    print(f"{sid}: the original at {snap.origin} changed: {len(changes)} change(s)")
    for change in changes[:_MAX_CHANGES_SHOWN]:
        print("  " + change.format())
    if len(changes) > _MAX_CHANGES_SHOWN:
        print(f"  … and {len(changes) - _MAX_CHANGES_SHOWN} more")
    if not changes:
        print("  (only white space or line breaks changed)")
    total, broken = broken_citations(ws, source, new_text)
    for b in broken:
        note = " (already broken in the stored text)" if b.already else ""
        print(f"{b.where}: [error] {b.fact}: [{sid}] {b.message} ({b.rule}){note}")
    verb = "break" if not args.apply else "broke"
    print(f"{len(broken)} of {total} citation(s) of {sid} {'would ' + verb if not args.apply else verb} "
          "with the new text")
    if not args.apply:
        print(f"nothing written; `factsheet refresh {sid} --apply` stores the new text")
        return 1
    retrieved = snap.meta["retrieved"].value
    assert isinstance(retrieved, str)  # read_url sets it to the fetch day
    _apply(root, source, new_text, retrieved)
    return 1 if broken else 0


def _apply(root: Path, source: Source, new_text: str, retrieved: str) -> None:
    text_path, meta_path = root / source.text_path, root / source.meta_path
    old_bytes, raw_meta = text_path.read_bytes(), meta_path.read_bytes()
    new_bytes = new_text.encode("utf-8")
    sha256 = hashlib.sha256(new_bytes).hexdigest()
    sidecar = decode_text(raw_meta, source.meta_path)
    updated = with_scalar(with_hash(sidecar, source.meta_path, sha256), source.meta_path, "retrieved", retrieved)
    check = load_yaml(updated, source.meta_path).value
    assert check.get("sha256") == sha256 and check.get("retrieved") == retrieved, "refresh lost a field"
    kept = archive(root, source, old_bytes, raw_meta)
    bom = b"\xef\xbb\xbf" if raw_meta.startswith(b"\xef\xbb\xbf") else b""
    replace_file(text_path, new_bytes)
    try:
        replace_file(meta_path, bom + updated.encode("utf-8"))
    except BaseException:
        replace_file(text_path, old_bytes)  # text and sidecar change together or not at all
        raise
    print(f"kept the old snapshot as {kept.relative_to(root).as_posix()} (with its sidecar)")
    print(f"wrote {source.text_path} ({len(new_bytes)} bytes, sha256 {sha256[:12]}…); "
          f"retrieved is now {retrieved} ({dt.date.fromisoformat(retrieved):%d %B %Y})")
