"""Editor support: the committed JSON Schemas are current, and they accept the YAML the validator accepts."""

from __future__ import annotations

import fnmatch
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.schema import schemas
from tests.conftest import REPO, run_cli, write_source

SCHEMA_DIR = REPO / "schema"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def _schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def _validator(name: str) -> jsonschema.Draft7Validator:
    schema = _schema(name)
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_schema_check_passes_on_the_committed_files() -> None:
    r = run_cli("schema", "--check", cwd=REPO)
    assert r.returncode == 0, r.stdout + r.stderr
    assert {p.name for p in SCHEMA_DIR.glob("*.json")} == set(schemas())


def test_schema_check_catches_a_stale_file(tmp_path: Path) -> None:
    out = tmp_path / "schema"
    assert run_cli("schema", "--out", str(out), cwd=REPO).returncode == 0
    path = out / "sheet.schema.json"
    path.write_text(path.read_text().replace('"claim"', '"kleim"'), encoding="utf-8")
    r = run_cli("schema", "--check", "--out", str(out), cwd=REPO)
    assert r.returncode == 1 and "sheet.schema.json" in r.stdout


def _vscode_mapping() -> dict[str, list[str]]:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    return settings["yaml.schemas"]


def _schema_for(rel: str) -> str | None:
    """The schema VS Code's YAML extension applies to ``rel``: the last matching pattern wins, '!' excludes."""
    chosen = None
    for schema, patterns in _vscode_mapping().items():
        verdict = None
        for pattern in patterns:
            negate = pattern.startswith("!")
            if fnmatch.fnmatchcase(rel, pattern.lstrip("!")):
                verdict = not negate
        if verdict:
            assert chosen is None, f"{rel} matches two schemas"
            chosen = Path(schema).name
    return chosen


def test_vscode_maps_each_kind_of_file_to_its_schema() -> None:
    for schema in _vscode_mapping():
        assert (REPO / schema).is_file(), schema
    assert _schema_for("facts/xi-zelensky.yml") == "sheet.schema.json"
    assert _schema_for("facts/people.yml") == "people.schema.json"
    assert _schema_for("content/sources/day-407.yml") == "source.schema.json"
    assert _schema_for("content/sources/day-407.txt") is None


def _repo_yaml() -> list[Path]:
    return sorted((REPO / "facts").glob("*.yml")) + sorted((REPO / "content" / "sources").glob("*.yml"))


@pytest.mark.parametrize("path", _repo_yaml(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_fact_and_source_file_names_its_schema_and_validates_against_it(path: Path) -> None:
    rel = path.relative_to(REPO).as_posix()
    first = path.read_text(encoding="utf-8").splitlines()[0]
    m = MODELINE.match(first)
    assert m, f"{rel}: the first line must be '# yaml-language-server: $schema=...'"
    target = (path.parent / m[1]).resolve()
    assert target.is_file() and target.parent == SCHEMA_DIR.resolve(), f"{rel}: {m[1]} is not a schema here"
    assert target.name == _schema_for(rel), f"{rel}: modeline and .vscode/settings.json disagree"
    errors = list(_validator(target.name).iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert errors == [], [e.message for e in errors]


FORMAT_EXAMPLE = """
title: Xi Jinping and Volodymyr Zelensky's first phone call
date: "2023-04-26"
summary: >-
  The first known contact between the two leaders since the full-scale invasion.
tags: [china, ukraine, diplomacy]
facts:
  - id: call-date
    claim: Xi Jinping and Volodymyr Zelensky spoke by phone on 26 April 2023.
    date: "2023-04-26"
    sources:
      - source: xi-zelensky-first-call
        excerpt: "26 April 2023 Wednesday"
  - id: eu-aid
    claim: The EU announced €3.5B of fresh aid to Ukraine.
    money: {value: 3.5 billion, currency: EUR}
    sources:
      - source: xi-putin-third-anniversary
        excerpt: "3.5 billion euros of fresh aid"
  - id: un-condemnation
    claim: More than 50 countries denounced the remarks.
    figure: {value: 50, unit: countries, qualifier: more than}
    sources:
      - source: day-407-xi-macron
        excerpt: "denounced by more than 50 nations"
        prefix: "remarks"
  - id: no-winners
    claim: Xi told Zelensky that there are no winners in nuclear wars.
    quote: {speaker: xi-jinping, text: "There are no winners in nuclear wars"}
    sources:
      - source: xi-zelenskyy-call-readouts
        excerpt: "“There are no winners in nuclear wars,” the Chinese government said Xi told Zelenskyy."
redirects:
  old-id: xi-zelensky/call-date
"""


def test_the_format_example_is_valid_and_typos_are_flagged_where_editors_type_them() -> None:
    sheet = _validator("sheet.schema.json")
    good = yaml.safe_load(FORMAT_EXAMPLE)
    assert list(sheet.iter_errors(good)) == []
    cases = {
        "unknown field in a fact": lambda d: d["facts"][0].update(claims="x"),
        "unknown field in a citation": lambda d: d["facts"][0]["sources"][0].update(exerpt="x"),
        "missing sources": lambda d: d["facts"][0].pop("sources"),
        "empty sources": lambda d: d["facts"][0].update(sources=[]),
        "date not quoted-form": lambda d: d["facts"][0].update(date="26 April 2023"),
        "id not a slug": lambda d: d["facts"][0].update(id="Call_Date"),
        "qualifier not allowed": lambda d: d["facts"][2]["figure"].update(qualifier="roughly"),
        "speaker not a slug": lambda d: d["facts"][3]["quote"].update(speaker="Xi Jinping"),
    }
    for what, change in cases.items():
        bad = yaml.safe_load(FORMAT_EXAMPLE)
        change(bad)
        assert list(sheet.iter_errors(bad)), what


def test_people_and_source_schemas_accept_the_format_and_reject_typos(workspace: Path) -> None:
    people = _validator("people.schema.json")
    ok = {"xi-jinping": {"name": "Xi Jinping", "aliases": ["Xi"], "role": "President of China"}}
    assert list(people.iter_errors(ok)) == []
    assert list(people.iter_errors({"Xi Jinping": {"name": "Xi"}}))
    assert list(people.iter_errors({"xi": {"name": "Xi", "alias": ["X"]}}))
    source = _validator("source.schema.json")
    # What new-source writes is valid for editors' tools too.
    write_source(workspace, "s", "text\n")
    r = run_cli("new-source", str(workspace / "content/sources/s.txt"), "--id", "copy", "--title", "T",
                "--published", "2023-04", "--url", "https://example.org/", "--author", "A", cwd=workspace)
    assert r.returncode == 0, r.stderr
    written = yaml.safe_load((workspace / "content/sources/copy.yml").read_text(encoding="utf-8"))
    assert list(source.iter_errors(written)) == []
    assert list(source.iter_errors({**written, "sha256": "abc"}))
    assert list(source.iter_errors({**written, "publised": "2023"}))


def _properties(node: object, where: str = "") -> list[tuple[str, dict]]:
    """Every (path, property schema) of a schema, outside the `not` clauses that only name fields."""
    found: list[tuple[str, dict]] = []
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            found.append((f"{where}/{key}", value))
        for key, value in node.items():
            if key != "not":
                found += _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _properties(value, f"{where}/{i}")
    return found


@pytest.mark.parametrize("name", sorted(schemas()))
def test_every_field_has_a_description_and_examples_that_the_schema_accepts(name: str) -> None:
    schema = _schema(name)
    fields = _properties(schema)
    assert fields
    for where, prop in fields:
        assert prop.get("description"), f"{name}{where}: no description"
        assert prop.get("examples"), f"{name}{where}: no example"
        check = jsonschema.Draft7Validator({**prop, "$defs": schema.get("$defs", {})})
        for example in prop["examples"]:
            assert list(check.iter_errors(example)) == [], f"{name}{where}: example {example!r} is invalid"


def _with_fact(**fields: object) -> dict:
    sheet = yaml.safe_load(FORMAT_EXAMPLE)
    fact = {"id": "x", "claim": "c", "sources": [{"source": "s", "excerpt": "e"}], **fields}
    sheet["facts"] = [fact]
    return sheet


def test_impossible_dates_are_marked_in_the_editor_and_agree_with_the_loader() -> None:
    from generator.matchers.dates import parse_partial_date

    sheet = _validator("sheet.schema.json")
    source = _validator("source.schema.json")
    for good in ("2023", "2023-04", "2023-04-30", "2023-12-31", "2024-02-29"):
        assert list(sheet.iter_errors(_with_fact(date=good))) == [], good
    for bad in ("2023-13", "2023-00", "2023-04-00", "2023-04-31", "2023-02-30", "2023-01-32", "2023-4-01"):
        assert list(sheet.iter_errors(_with_fact(date=bad))), bad
        assert list(sheet.iter_errors(_with_fact(when=bad))), bad
        assert list(source.iter_errors({"title": "t", "sha256": "0" * 64, "published": bad})), bad
    # Every month and day 00-32, in a leap year and not: the editor never refuses a date the loader takes,
    # and lets through only 29 February of a common year (a pattern cannot know leap years).
    for year in ("2023", "2024"):
        for month in range(0, 14):
            for day in range(0, 33):
                value = f"{year}-{month:02d}-{day:02d}"
                editor_ok = not list(sheet.iter_errors(_with_fact(date=value)))
                try:
                    parse_partial_date(value)
                    loader_ok = True
                except ValueError:
                    loader_ok = False
                assert editor_ok == loader_ok or value == "2023-02-29", value


def test_currencies_are_the_iso_4217_codes() -> None:
    from generator.matchers.money import ISO_4217

    sheet = _validator("sheet.schema.json")
    currency = _schema("sheet.schema.json")["$defs"]["Money"]["properties"]["currency"]
    assert currency["enum"] == sorted(ISO_4217)
    assert list(sheet.iter_errors(_with_fact(money={"value": 5, "currency": "GBP"}))) == []
    for bad in ("eur", "EURO", "XYZ", "€"):
        assert list(sheet.iter_errors(_with_fact(money={"value": 5, "currency": bad}))), bad


def test_a_fact_with_two_typed_values_is_marked_in_the_editor(workspace: Path) -> None:
    sheet = _validator("sheet.schema.json")
    values = {"date": "2023-04-26", "figure": {"value": 50}, "money": {"value": 5, "currency": "EUR"},
              "quote": {"speaker": "xi-jinping", "text": "words"}}
    for kind, value in values.items():
        assert list(sheet.iter_errors(_with_fact(**{kind: value}))) == [], kind
        # null is no value, for the loader and the editor alike
        others = {k: None for k in values if k != kind}
        assert list(sheet.iter_errors(_with_fact(**{kind: value}, **others))) == [], kind
    kinds = list(values)
    for i, a in enumerate(kinds):
        for b in kinds[i + 1:]:
            assert list(sheet.iter_errors(_with_fact(**{a: values[a], b: values[b]}))), (a, b)
