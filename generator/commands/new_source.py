"""`factsheet new-source`: add a source text, byte for byte, with its metadata sidecar."""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from pydantic import ValidationError

from generator.authoring import (
    SOURCE_SCHEMA_LINE,
    Refused,
    check_root,
    check_slug,
    write_new,
    yaml_quote,
    yaml_scalar,
)
from generator.loading import MAX_SOURCE_BYTES, SOURCES_DIR
from generator.model import SourceMeta
from generator.yamlsafe import decode_text


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "new-source", help="add a source text and its metadata sidecar",
        description="Copy FILE, unchanged, to content/sources/<id>.txt and write content/sources/<id>.yml "
                    "with its title, metadata and sha256. Refuses to overwrite an existing source.")
    p.add_argument("file", type=Path, metavar="FILE", help="the source text (UTF-8)")
    p.add_argument("--id", required=True, dest="source_id", metavar="SLUG",
                   help="the source id: lower-case letters, digits and '-'")
    p.add_argument("--title", required=True, help="the headline, or a descriptive title")
    p.add_argument("--published", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--url", help="where the original lives (https://...)")
    p.add_argument("--author", action="append", default=[], dest="authors", metavar="NAME",
                   help="an author (repeat for several)")
    p.add_argument("--publisher")
    p.add_argument("--retrieved", metavar="DATE", help="when the snapshot was taken")
    p.add_argument("--language", metavar="BCP47", help="e.g. en")
    p.add_argument("--root", type=Path, default=Path("."), help="the repository (default: .)")
    p.set_defaults(run=run)


def sidecar_text(meta: SourceMeta) -> str:
    lines = [SOURCE_SCHEMA_LINE.rstrip("\n"), f"title: {yaml_scalar(meta.title)}"]
    if meta.publisher is not None:
        lines.append(f"publisher: {yaml_scalar(meta.publisher)}")
    if meta.authors:
        lines.append("authors: [" + ", ".join(yaml_scalar(a, flow=True) for a in meta.authors) + "]")
    for key in ("published", "url", "retrieved", "language"):
        value = getattr(meta, key)
        if value is not None:
            lines.append(f"{key}: {yaml_quote(value)}")
    lines.append(f"sha256: {meta.sha256}")
    return "\n".join(lines) + "\n"


def _meta(args: argparse.Namespace, sha256: str) -> SourceMeta:
    fields = {"title": args.title, "publisher": args.publisher, "authors": list(args.authors),
              "published": args.published, "url": args.url, "retrieved": args.retrieved,
              "language": args.language, "sha256": sha256}
    try:
        return SourceMeta.model_validate({k: v for k, v in fields.items() if v is not None})
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        option = "--" + str(error["loc"][0]) if error["loc"] else "--title"
        option = "--author" if option == "--authors" else option
        rule = "invalid-date" if option in ("--published", "--retrieved") else "schema-value"
        raise Refused(rule, f"{option} {error['input']!r}: {error['msg']}") from None


def run(args: argparse.Namespace) -> int:
    sid: str = args.source_id
    check_slug(sid, "source", "--id")
    path: Path = args.file
    if not path.is_file():
        raise Refused("file-not-found", f"{path}: no such file")
    data = path.read_bytes()
    if len(data) > MAX_SOURCE_BYTES:
        raise Refused("file-too-large",
                      f"{path}: {len(data)} bytes is over the limit of {MAX_SOURCE_BYTES} bytes for a source text")
    decode_text(data, str(path))  # refuses NUL and non-UTF-8 bytes, naming the byte offset
    meta = _meta(args, hashlib.sha256(data).hexdigest())
    check_root(args.root)
    folder = args.root / SOURCES_DIR
    text_path, meta_path = folder / f"{sid}.txt", folder / f"{sid}.yml"
    for existing in (text_path, meta_path):
        if existing.exists():
            raise Refused("file-exists",
                          f"{existing} already exists: a source text is never replaced. Choose another --id, "
                          f"or to correct the text on purpose edit it and run `factsheet rehash {sid}`")
    try:
        write_new(text_path, data)
    except FileExistsError:
        raise Refused("file-exists", f"{text_path} appeared meanwhile; nothing was written") from None
    try:
        write_new(meta_path, sidecar_text(meta).encode("utf-8"))
    except BaseException:
        text_path.unlink()  # never leave a text without its sidecar
        raise
    print(f"wrote {text_path} ({len(data)} bytes, sha256 {meta.sha256[:12]}…)")
    print(f"wrote {meta_path}")
    print(f"next: factsheet cite {sid} \"words copied from the text\"")
    return 0
