"""Machine-readable exports of the facts: data/facts.json, data/facts.csv and their schemas."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from pydantic import BaseModel

from generator.model import VALUE_KINDS
from generator.render.kinds import RENDER, TYPED_CELLS
from generator.render.urls import page_url, source_page
from generator.render.views import FactView, SiteData
from generator.schema import DRAFT, schemas

EXPORT_VERSION = 1


class ExportCitation(BaseModel):
    number: int
    source: str
    source_title: str | None
    source_url: str | None
    excerpt: str
    verdict: str
    anchor: str | None
    page: str | None = None  # the passage on this site, relative to the site root
    start: int | None
    end: int | None


class ExportFact(BaseModel):
    id: str
    sheet: str
    fact: str
    claim: str
    kind: str
    date: str | None = None
    when: str | None = None  # when the event happened, where that is not ``date`` (see README)
    figure: dict[str, object] | None = None
    money: dict[str, object] | None = None
    quote: dict[str, object] | None = None
    verdict: str
    independent_sources: int
    page: str
    citations: list[ExportCitation]


class Export(BaseModel):
    """data/facts.json: every fact with its value, verdict and citations."""

    version: int
    stats: dict[str, int]
    facts: list[ExportFact]


def _value(model: BaseModel | str | None) -> dict[str, object] | str | None:
    """A typed value as the export writes it: a date as its string, a model as its fields (with the
    exact amount as a decimal string where it has one)."""
    if model is None or isinstance(model, str):
        return model
    out = model.model_dump(mode="json")
    amount = getattr(model, "amount", None)
    if amount is not None:
        out["amount"] = format(amount.normalize(), "f")
    return out


def export_fact(f: FactView, directory_urls: bool = True) -> ExportFact:
    fact = f.fact
    cites = []
    for c in f.citations:
        src = c.source
        excerpt = src.text[c.start:c.end] if src is not None and c.start is not None else fact.sources[
            c.number - 1].excerpt
        cites.append(ExportCitation(
            number=c.number, source=c.source_id, source_title=src.meta.title if src else None,
            source_url=src.meta.url if src else None, excerpt=excerpt, verdict=c.verdict, anchor=c.anchor,
            page=page_url(f"{source_page(c.source_id)}#{c.anchor}", directory_urls) if c.anchor and src else None, start=c.start, end=c.end))
    # One field per typed kind (ExportFact declares them; a test keeps it so): the fact's own, others null.
    typed = {kind: _value(getattr(fact, kind)) for kind in VALUE_KINDS}
    return ExportFact.model_validate({
        "id": f.gid, "sheet": f.sheet_id, "fact": fact.id, "claim": fact.claim, "kind": fact.kind, **typed,
        "when": fact.when, "verdict": f.verdict, "independent_sources": f.independent,
        "page": page_url(f.link, directory_urls), "citations": cites})


def facts_json(site: SiteData) -> str:
    doc = Export(version=EXPORT_VERSION, stats=site.report.stats(), facts=[export_fact(f, site.directory_urls) for f in site.facts])
    # pydantic's own serialiser (compiled) writes what json.dumps(indent=2) wrote, at a fraction of the time.
    return doc.model_dump_json(indent=2) + "\n"


CSV_COLUMNS = ["id", "sheet", "fact", "kind", "claim", "value", "amount", "unit", "currency", "qualifier", "date", "when",
               "speaker", "quote", "verdict", "independent_sources", "sources", "page"]


def _cell(value: object) -> str:
    s = "" if value is None else str(value)
    # A leading = + - @ makes spreadsheets run the cell as a formula.
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def facts_csv(site: SiteData) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for f in site.facts:
        fact = f.fact
        row = {
            "id": f.gid, "sheet": f.sheet_id, "fact": fact.id, "kind": fact.kind, "claim": fact.claim,
            **dict.fromkeys(TYPED_CELLS), **RENDER[fact.kind].cells(fact), "when": fact.when,
            "verdict": f.verdict, "independent_sources": f.independent,
            "sources": ";".join(dict.fromkeys(c.source_id for c in f.citations)),
            "page": page_url(f.link, site.directory_urls),
        }
        w.writerow([_cell(row[c]) for c in CSV_COLUMNS])
    return buf.getvalue()


def schema_files(root: Path) -> dict[str, str]:
    """The JSON Schemas: the YAML files' (from ROOT/schema/ when present, else generated) and the export's."""

    out = dict(schemas())
    folder = root / "schema"
    if folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            out[path.name] = path.read_text(encoding="utf-8")
    export = Export.model_json_schema()
    export = {"$schema": DRAFT, **export}
    out["facts.schema.json"] = json.dumps(export, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return out
