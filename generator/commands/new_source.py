"""`factsheet new-source`: add a source, with its metadata sidecar.

From a text file (copied byte for byte), a saved web page, a PDF or a URL (the
text a reader sees, extracted by generator.sources, and the metadata the
document states; flags win). What was extracted is shown before anything is
written; nothing is written when anything fails.
"""

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
from generator.loading import MAX_SOURCE_BYTES, SOURCES_DIR, date_advice, plain_message
from generator.model import SourceMeta
from generator.sources.document import Found
from generator.sources.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from generator.sources.importer import kind_of, merge, preview, read_file, read_url
from generator.yamlsafe import decode_text


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "new-source", help="add a source (a text file, a web page, a PDF or a URL) and its metadata sidecar",
        description="Write content/sources/<id>.txt and content/sources/<id>.yml with its metadata and sha256. "
                    "A .txt (or any other) FILE is copied unchanged. A saved .html/.htm page, an http(s):// URL or "
                    "a .pdf is read: its main text is stored, one paragraph per line, and the title, authors, "
                    "publisher, published date, canonical url and language are taken from the document's own "
                    "metadata where it states them (the flags below win; nothing is guessed). What was extracted "
                    "is shown before writing. Refuses to overwrite an existing source.")
    p.add_argument("file", metavar="SOURCE", help="a text file, a .html/.htm page, a .pdf, or an http(s):// URL")
    p.add_argument("--id", required=True, dest="source_id", metavar="SLUG",
                   help="the source id: lower-case letters, digits and '-'")
    p.add_argument("--title", help="the headline, or a descriptive title (required when the document states none)")
    p.add_argument("--published", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--url", help="where the original lives (https://...)")
    p.add_argument("--author", action="append", default=[], dest="authors", metavar="NAME",
                   help="an author (repeat for several)")
    p.add_argument("--publisher")
    p.add_argument("--retrieved", metavar="DATE", help="when the snapshot was taken (a URL: today)")
    p.add_argument("--language", metavar="BCP47", help="e.g. en")
    p.add_argument("--dry-run", action="store_true", help="show what would be stored; write nothing")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"a URL: seconds to connect and for each read (default {DEFAULT_TIMEOUT:g}; "
                        "three times that for the whole download)")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"a URL or page: the largest document read (default {DEFAULT_MAX_BYTES})")
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
    if meta.pages is not None:
        lines.append("pages: [" + ", ".join(str(n) for n in meta.pages) + "]")
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
        if option in ("--published", "--retrieved"):
            message = date_advice(str(error["input"])) if error["type"] == "string_pattern_mismatch" \
                else plain_message(error)
            raise Refused("invalid-date", f"{option}: {message}") from None
        raise Refused("schema-value", f"{option} {error['input']!r}: {plain_message(error)}") from None


def _flags(args: argparse.Namespace) -> dict[str, str | list[str] | None]:
    return {"title": args.title, "publisher": args.publisher, "authors": list(args.authors),
            "published": args.published, "url": args.url, "retrieved": args.retrieved, "language": args.language}


def _targets(args: argparse.Namespace) -> tuple[Path, Path]:
    check_root(args.root)
    sid: str = args.source_id
    folder = args.root / SOURCES_DIR
    text_path, meta_path = folder / f"{sid}.txt", folder / f"{sid}.yml"
    for existing in (text_path, meta_path):
        if existing.exists():
            raise Refused("file-exists",
                          f"{existing} already exists: a source text is never replaced. Choose another --id, "
                          f"or to correct the text on purpose edit it and run `factsheet rehash {sid}`"
                          f" (or `factsheet refresh {sid}` for a source with a url)")
    return text_path, meta_path


def run(args: argparse.Namespace) -> int:
    sid: str = args.source_id
    check_slug(sid, "source", "--id")
    kind = kind_of(args.file)
    if kind == "text":
        return _run_text(args, Path(args.file))
    text_path, meta_path = _targets(args)  # before fetching: a taken id costs no download
    if kind == "url":
        snap = read_url(args.file, timeout=args.timeout, max_bytes=args.max_bytes)
    else:
        snap = read_file(Path(args.file), kind, args.max_bytes)
    found = merge(snap.meta, _flags(args))
    print(preview(snap, found))
    data = snap.text.encode("utf-8")
    if len(data) > MAX_SOURCE_BYTES:
        raise Refused("file-too-large", f"the extracted text is {len(data)} bytes, over the limit of "
                                        f"{MAX_SOURCE_BYTES} bytes for a source text; nothing was written")
    if "title" not in found:
        raise Refused("schema-missing-field", f"{snap.origin} states no title: pass --title; nothing was written")
    meta = _meta_from(found, hashlib.sha256(data).hexdigest(), snap.extracted.pages)
    if args.dry_run:
        print("nothing written (--dry-run)")
        return 0
    _write(text_path, meta_path, data, meta)
    print(f"next: factsheet cite {sid} \"words copied from the text\"")
    return 0


def _meta_from(found: dict[str, Found], sha256: str, pages: list[int] | None) -> SourceMeta:
    values: dict[str, object] = {k: v.value for k, v in found.items()}
    if pages and len(pages) > 1:  # a one-page document needs no page numbers
        values["pages"] = pages
    try:
        return SourceMeta.model_validate({**values, "sha256": sha256})
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        key = str(error["loc"][0]) if error["loc"] else "title"
        where = found[key].where if key in found else key
        rule = "invalid-date" if key in ("published", "retrieved") else "schema-value"
        said = date_advice(str(error["input"])) if rule == "invalid-date" and \
            error["type"] == "string_pattern_mismatch" else plain_message(error)
        raise Refused(rule, f"{key} {error['input']!r} (from {where}): {said}; "
                            f"pass --{'author' if key == 'authors' else key} to correct it") from None


def _write(text_path: Path, meta_path: Path, data: bytes, meta: SourceMeta) -> None:
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


def _run_text(args: argparse.Namespace, path: Path) -> int:
    """A text file: copied byte for byte, its metadata only from the flags (as new-source always did)."""
    sid: str = args.source_id
    if not path.is_file():
        raise Refused("file-not-found", f"{path}: no such file")
    data = path.read_bytes()
    if len(data) > MAX_SOURCE_BYTES:
        raise Refused("file-too-large",
                      f"{path}: {len(data)} bytes is over the limit of {MAX_SOURCE_BYTES} bytes for a source text")
    decode_text(data, str(path))  # refuses NUL and non-UTF-8 bytes, naming the byte offset
    if args.title is None:
        raise Refused("schema-missing-field", "--title is required for a text file (it states no metadata)")
    meta = _meta(args, hashlib.sha256(data).hexdigest())
    text_path, meta_path = _targets(args)
    _write(text_path, meta_path, data, meta)
    print(f"next: factsheet cite {sid} \"words copied from the text\"")
    return 0
