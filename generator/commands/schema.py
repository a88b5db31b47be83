"""`factsheet schema`: JSON Schemas of the YAML files, for editors' autocompletion."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from generator.model import People, Sheet, SourceMeta

SCHEMAS = {
    "sheet.schema.json": (Sheet, "A fact sheet: facts/<sheet-id>.yml"),
    "people.schema.json": (People, "People quoted or named as speakers: facts/people.yml"),
    "source.schema.json": (SourceMeta, "Source metadata: content/sources/<source-id>.yml"),
}


def _closed(node: object) -> None:
    """Keys are ids: a mapping whose keys must match a pattern admits no other keys (pydantic leaves it open)."""
    if isinstance(node, dict):
        if "patternProperties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        for value in node.values():
            _closed(value)
    elif isinstance(node, list):
        for value in node:
            _closed(value)


def schemas() -> dict[str, str]:
    out = {}
    for name, (model, title) in SCHEMAS.items():
        schema = model.model_json_schema()
        _closed(schema)
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **{
            k: v for k, v in schema.items() if k != "title"}}
        out[name] = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return out


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("schema", help="write the JSON Schemas of the YAML files",
                       description="Write sheet, people and source JSON Schemas (default: ROOT/schema/).")
    p.add_argument("--root", type=Path, default=Path("."))
    p.add_argument("--out", type=Path, help="folder to write to (default: ROOT/schema)")
    p.add_argument("--check", action="store_true", help="exit 1 if the files on disk are not current")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    out: Path = args.out or args.root / "schema"
    stale = []
    for name, text in schemas().items():
        target = out / name
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            continue
        if args.check:
            stale.append(name)
            continue
        out.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
        print(f"wrote {target}")
    if stale:
        print(f"out of date in {out}: {', '.join(stale)}; run `factsheet schema`")
        return 1
    return 0
