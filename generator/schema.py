"""JSON Schemas of the YAML files, generated from the model: one definition for editors' tools,
`factsheet schema` and the site's data exports."""

from __future__ import annotations

import json

from pydantic import BaseModel

from generator.model import People, Sheet, SourceMeta

# Draft-07: the newest draft VS Code's YAML extension fully supports (pydantic's `$defs` refs are
# plain JSON pointers, which draft-07 resolves).
DRAFT = "http://json-schema.org/draft-07/schema#"

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
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
        schema = {"$schema": DRAFT, "title": title, **{
            k: v for k, v in schema.items() if k != "title"}}
        out[name] = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return out
