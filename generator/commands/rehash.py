"""`factsheet rehash`: accept a deliberate correction of a source text.

Writes the text's new sha256 into its sidecar by editing that one line (the
rest of the file, comments included, stays as it was), then lists every
citation of the source whose excerpt is no longer in the text.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

from generator.authoring import Refused, check_root, check_slug, replace_file
from generator.findings import did_you_mean
from generator.loading import SOURCES_DIR, load_workspace
from generator.validation.locate import Located, locate
from generator.yamlsafe import decode_text, load_yaml

_HASH_VALUE = re.compile(r"""(?P<q>["']?)[0-9A-Fa-f]*(?P=q)""")


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "rehash", help="accept a corrected source text: update its sha256",
        description="Write the current sha256 of content/sources/SOURCE-ID.txt into its sidecar (only that "
                    "line changes) and list the citations whose excerpt is no longer in the text. "
                    "Exit 1 if any citation broke.")
    p.add_argument("source_id", metavar="SOURCE-ID")
    p.add_argument("--root", type=Path, default=Path("."), help="the repository (default: .)")
    p.set_defaults(run=run)


def with_hash(sidecar: str, path: str, sha256: str) -> str:
    """``sidecar`` with its top-level ``sha256`` set to ``sha256``; every other character kept."""
    doc = load_yaml(sidecar, path)
    if not isinstance(doc.value, dict):
        raise Refused("schema-type", f"{path}: expected a mapping of metadata")
    if "sha256" not in doc.value:
        sep = "" if sidecar.endswith("\n") or not sidecar else "\n"
        return f"{sidecar}{sep}sha256: {sha256}\n"
    line, col = doc.pos(("sha256",))
    lines = sidecar.splitlines(keepends=True)
    text = lines[line - 1]
    m = _HASH_VALUE.match(text, col - 1)
    if not isinstance(doc.value["sha256"], str) or m is None or not m.group(0):
        raise Refused("schema-value", f"{path}:{line}:{col}: write sha256 as a plain hex value to rehash it")
    quote = m.group("q")
    lines[line - 1] = text[:m.start()] + quote + sha256 + quote + text[m.end():]
    return "".join(lines)


def run(args: argparse.Namespace) -> int:
    sid: str = args.source_id
    check_slug(sid, "source", "SOURCE-ID")
    root: Path = args.root
    check_root(root)
    text_path, meta_path = root / SOURCES_DIR / f"{sid}.txt", root / SOURCES_DIR / f"{sid}.yml"
    if not text_path.is_file() or not meta_path.is_file():
        known = sorted(p.stem for p in (root / SOURCES_DIR).glob("*.yml")) if (root / SOURCES_DIR).is_dir() else []
        missing = text_path if not text_path.is_file() else meta_path
        raise Refused("file-not-found", f"{missing.as_posix()} does not exist{did_you_mean(sid, known)}")
    data = text_path.read_bytes()
    rel_text = f"{SOURCES_DIR}/{sid}.txt"
    decode_text(data, rel_text)  # a corrected text must still be UTF-8
    sha256 = hashlib.sha256(data).hexdigest()
    rel_meta = f"{SOURCES_DIR}/{sid}.yml"
    raw = meta_path.read_bytes()
    sidecar = decode_text(raw, rel_meta)
    updated = with_hash(sidecar, rel_meta, sha256)
    if updated == sidecar:
        print(f"{rel_meta}: sha256 already matches {rel_text}")
    else:
        check = load_yaml(updated, rel_meta).value
        assert check.get("sha256") == sha256, "rehash produced a sidecar without the new hash"
        bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
        replace_file(meta_path, bom + updated.encode("utf-8"))
        print(f"{rel_meta}: sha256 is now {sha256}")
    return _report_citations(root, sid)


def _report_citations(root: Path, sid: str) -> int:
    ws = load_workspace(root)
    source = ws.sources.get(sid)
    if source is None:
        for f in ws.findings:
            if f.path.startswith(f"{SOURCES_DIR}/{sid}."):
                print(f.format_text(), file=sys.stderr)
        return 1
    total = broken = 0
    for sheet in ws.sheets.values():
        for i, fact in enumerate(sheet.sheet.facts):
            for j, citation in enumerate(fact.sources):
                if citation.source != sid:
                    continue
                total += 1
                where = locate(citation, source.folded)
                if isinstance(where, Located):
                    continue
                broken += 1
                line, col = sheet.doc.pos(("facts", i, "sources", j, "excerpt"))
                print(f"{sheet.path}:{line}:{col}: [error] {sheet.id}/{fact.id}: [{sid}] {where.message} "
                      f"({where.rule})")
    if broken:
        print(f"{broken} of {total} citation(s) of {sid} no longer match the text: fix their excerpts")
        return 1
    print(f"all {total} citation(s) of {sid} still match the text")
    return 0

