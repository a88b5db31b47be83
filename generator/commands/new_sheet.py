"""`factsheet new-sheet`: start a fact sheet with its schema line and no facts yet."""

from __future__ import annotations

import argparse
from pathlib import Path

from pydantic import ValidationError

from generator.authoring import (
    SHEET_SCHEMA_LINE,
    Refused,
    check_root,
    check_slug,
    write_new,
    yaml_quote,
    yaml_scalar,
)
from generator.loading import FACTS_DIR, PEOPLE_FILE, iso_suggestion, plain_message
from generator.matchers.dates import parse_partial_date
from generator.model import Sheet
from generator.yamlsafe import load_yaml


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("new-sheet", help="start a fact sheet: facts/<id>.yml",
                       description="Write facts/<ID>.yml with its title and an empty list of facts. "
                                   "Refuses to overwrite an existing sheet.")
    p.add_argument("sheet_id", metavar="ID", help="the sheet id: lower-case letters, digits and '-'")
    p.add_argument("--title", required=True)
    p.add_argument("--date", metavar="DATE", help="when the event happened: YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--tags", metavar="TAG,TAG", default="", help="comma-separated tags")
    p.add_argument("--summary", help="one or two sentences (inline Markdown)")
    p.add_argument("--root", type=Path, default=Path("."), help="the repository (default: .)")
    p.set_defaults(run=run)


def sheet_text(title: str, date: str | None, tags: list[str], summary: str | None) -> str:
    lines = [SHEET_SCHEMA_LINE.rstrip("\n"), f"title: {yaml_scalar(title)}"]
    if date:
        lines.append(f"date: {yaml_quote(date)}")
    if summary:
        lines.append(f"summary: {yaml_scalar(summary)}")
    if tags:
        lines.append("tags: [" + ", ".join(yaml_scalar(t, flow=True) for t in tags) + "]")
    lines += [
        "",
        "# Add facts below (replace the []): run `factsheet cite SOURCE-ID \"words from the source\" --fact ID`,",
        "# paste what it prints under `facts:`, and write the claim.",
        "facts: []",
    ]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    sid: str = args.sheet_id
    check_slug(sid, "sheet", "ID")
    check_root(args.root)
    if args.date:
        try:
            parse_partial_date(args.date)
        except ValueError as exc:
            raise Refused("invalid-date", f"--date: {iso_suggestion(args.date) or exc}") from None
    tags = [t.strip() for t in args.tags.split(",") if t.strip()]
    text = sheet_text(args.title, args.date, tags, args.summary)
    try:
        Sheet.model_validate(load_yaml(text, "facts/new.yml").value)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        raise Refused("schema-value", f"--{error['loc'][0]}: {plain_message(error)}") from None
    path: Path = args.root / FACTS_DIR / f"{sid}.yml"
    if path.as_posix().endswith(PEOPLE_FILE):
        raise Refused("invalid-id", "'people' is reserved: facts/people.yml lists the people, not facts")
    try:
        write_new(path, text.encode("utf-8"))
    except FileExistsError:
        raise Refused("file-exists", f"{path} already exists: edit it, or choose another id") from None
    print(f"wrote {path}")
    return 0
