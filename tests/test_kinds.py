"""The value-kind registry: every kind the model can carry has its entry in every table, and each
table's entry is what the real code uses (a kind added to the model without them fails here)."""

from __future__ import annotations

import csv
import io
import json
import typing

from generator.kinds import KINDS, kind_of, suggest, value_of
from generator.loading import load_workspace
from generator.matchers.scan import describe_values
from generator.model import VALUE_KINDS, Fact
from generator.render.charts import GROUPS, build_charts
from generator.render.data import CSV_COLUMNS, ExportFact, facts_csv, facts_json
from generator.render.kinds import CHARTED, RENDER, TYPED_CELLS
from generator.render.views import build_views
from generator.validation.checks import SOURCE_CHECKS
from generator.validation.validator import validate
from tests.conftest import write_source, write_yaml


def test_the_registry_names_every_kind_of_the_model_and_the_statement():
    assert list(KINDS) != [] and set(KINDS) == {*VALUE_KINDS, "statement"}
    assert [k for k, kind in KINDS.items() if kind.model is None] == ["statement"]


def test_each_kinds_model_is_the_class_of_the_facts_field():
    for name in VALUE_KINDS:
        annotation = Fact.model_fields[name].annotation
        classes = {typing.get_args(a)[0] if typing.get_origin(a) is typing.Annotated else a
                   for a in typing.get_args(annotation)}
        assert KINDS[name].model in classes, (name, annotation)


def test_every_table_covers_every_kind():
    assert SOURCE_CHECKS.keys() == KINDS.keys(), "validation/checks: a source check per kind"
    assert RENDER.keys() == KINDS.keys(), "render/kinds.py: a chip, CSV cells and charting per kind"
    assert set(GROUPS) == CHARTED, "render/charts.py: a chart grouping per charted kind"
    assert set(VALUE_KINDS) <= set(ExportFact.model_fields), "render/data.py: a facts.json field per typed kind"
    assert set(TYPED_CELLS) <= set(CSV_COLUMNS)


def test_every_scanned_group_is_a_kind_that_cite_can_suggest():
    found = describe_values("On 5 April 2023 the EU gave €3.5bn to 40 nations.", 2023)
    scanned = {k.scanned: k for k in KINDS.values() if k.scanned is not None}
    assert set(scanned) == set(found)
    for group, mentions in found.items():
        assert mentions, group
        for mention in mentions:
            assert isinstance(mention, scanned[group].mention)
            assert set(suggest(mention)) == {scanned[group].name}


SOURCE = "On 26 April 2023 the EU gave 3.5 billion euros to more than 40 nations. “Peace first,” Xi said.\n"
FACTS = """
title: Kinds
facts:
  - id: a-date
    claim: It happened on 26 April 2023.
    date: "2023-04-26"
    sources: [{source: s, excerpt: "26 April 2023"}]
  - id: a-figure
    claim: More than 40 nations got aid.
    figure: {value: 40, unit: nations, qualifier: more than}
    sources: [{source: s, excerpt: "more than 40 nations"}]
  - id: some-money
    claim: The EU gave €3.5 billion.
    money: {value: 3.5 billion, currency: EUR}
    sources: [{source: s, excerpt: "3.5 billion euros"}]
  - id: a-quote
    claim: Xi said peace comes first.
    quote: {speaker: xi-jinping, text: "Peace first"}
    sources: [{source: s, excerpt: "“Peace first,” Xi said."}]
  - id: a-statement
    claim: The EU gave aid.
    sources: [{source: s, excerpt: "the EU gave 3.5 billion euros"}]
"""


def test_one_fact_of_each_kind_through_every_table(tmp_path):
    write_source(tmp_path, "s", SOURCE, published="2023-04-26")
    write_yaml(tmp_path, "facts/people.yml", "xi-jinping: {name: Xi Jinping, aliases: [Xi]}\n")
    write_yaml(tmp_path, "facts/kinds.yml", FACTS)
    ws = load_workspace(tmp_path)
    report = validate(ws)
    by_kind = {r.fact.kind: r for r in report.facts}
    assert set(by_kind) == set(KINDS), "the fixture has one fact of every kind"
    assert {k: r.verdict.value for k, r in by_kind.items()} == dict.fromkeys(KINDS, "verified")
    for name, res in by_kind.items():
        assert kind_of(res.fact).name == name
        model = KINDS[name].model
        assert value_of(res.fact) is None if model is None else isinstance(value_of(res.fact), model)

    site = build_views(ws, report)
    chips = {f.fact.kind: f.value for f in site.facts}
    assert chips["statement"] is None
    assert {k: v.kind for k, v in chips.items() if v is not None} == {k: k for k in VALUE_KINDS}
    assert chips["money"].label == "€3.5 billion" and chips["date"].label == "26 April 2023"
    assert {f.fact.kind for f in site.figures} == CHARTED
    drawn = build_charts(site.figures)
    assert {b.fact.fact.kind for c in drawn.charts for b in c.bars} == CHARTED

    rows = {r["kind"]: r for r in csv.DictReader(io.StringIO(facts_csv(site)))}
    assert rows["money"]["amount"] == "3500000000" and rows["money"]["currency"] == "EUR"
    assert rows["figure"]["qualifier"] == "more than" and rows["figure"]["unit"] == "nations"
    assert rows["quote"]["speaker"] == "xi-jinping" and rows["date"]["date"] == "2023-04-26"
    assert all(rows["statement"][c] == "" for c in TYPED_CELLS)
    exported = {f["kind"]: f for f in json.loads(facts_json(site))["facts"]}
    for name, f in exported.items():
        assert [k for k in VALUE_KINDS if f[k] is not None] == ([] if name == "statement" else [name])
