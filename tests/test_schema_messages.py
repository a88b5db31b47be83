"""Every schema error the model can produce reads in the editor's words, never pydantic's.

The mistakes are generated from the model itself: a valid sheet, source sidecar and people file
are built from each field's own examples, then every field is given the wrong type, left out,
emptied, made too long, given an unknown neighbour, a bad enum value, a bad date and a bad id.
Each pydantic error type this yields must be one ``generator.loading.errors`` translates, and
each finding must name its rule, point at the line written, say how to fix it, and hold none of
pydantic's own wording.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any, Iterator, get_args, get_origin

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from generator.findings import FactsheetError, Finding
from generator.loading.errors import TRANSLATED, validation_findings
from generator.model import VALUE_KINDS, People, Person, Sheet, SourceMeta
from generator.rules import RULES
from generator.yamlsafe import load_yaml
from tests.conftest import run_cli, write_source

# Our own errors (generator.model raises them with our words); every other type is pydantic's.
OURS = {"value_error", "invalid_date", "invalid_number", "unknown_currency", "currency_symbol"}
LIBRARY_WORDS = re.compile(r"[Ii]nput should|[Ss]tring should|[Ll]ist should|[Dd]ictionary should|Field required|"
                           r"[Ee]xtra inputs|valid (string|integer|number|list|dictionary)|instance of|"
                           r"after validation|greater than or equal|expected model|\^\[|_type\b|_error\b|"
                           r"extra_forbidden|pattern")
# How to fix it: every message says what to do.
FIX = re.compile(r"\b(write|add|remove|put|use|shorten|correct|rename|split|leave|run|fix|delete|replace|"
                 r"move|quote|give)\b", re.IGNORECASE)
WRONG: list[Any] = [1, 1.5, True, "text", ["item"], {"key": "v"}, None, "", "x" * 20_001, -1, [],
                    "2023-13-45", "04/05/2023", "BAD ID", "over", "eur", "no-such-rule", "file-not-found"]
MISSING = object()


def _inner(annotation: Any) -> Any:
    """The model inside a field's type (Fact in list[Fact], Figure in Figure | None), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner(arg)
        if found is not None:
            return found
    return None


def example_of(model: type[BaseModel], skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A valid instance of ``model`` as YAML data: every field, from the field's own examples."""
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        inner = _inner(info.annotation)
        if inner is not None:
            built = example_of(inner)
            out[name] = [built] if get_origin(info.annotation) is list else built
        else:
            assert info.examples, f"{model.__name__}.{name} has no example"
            out[name] = copy.deepcopy(info.examples[0])
    return out


def valid_files() -> dict[type[BaseModel], Any]:
    fact_model = _inner(Sheet.model_fields["facts"].annotation)
    plain_fact = example_of(fact_model, skip=frozenset(VALUE_KINDS))
    facts = []
    for i, kind in enumerate(VALUE_KINDS):  # one typed value each: a fact has at most one
        fact = dict(copy.deepcopy(plain_fact), id=f"fact-{i}")
        field = fact_model.model_fields[kind]
        inner = _inner(field.annotation)
        fact[kind] = example_of(inner) if inner is not None else copy.deepcopy(field.examples[0])
        facts.append(fact)
    sheet = dict(example_of(Sheet, skip=frozenset({"facts"})), facts=facts)
    return {Sheet: sheet, SourceMeta: example_of(SourceMeta), People: {"a-person": example_of(Person)}}


def places(value: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield loc
    if isinstance(value, dict):
        for key, item in value.items():
            yield from places(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from places(item, (*loc, i))


def changed(value: Any, loc: tuple[Any, ...], new: Any) -> Any:
    if not loc:
        return copy.deepcopy(new)
    out = copy.deepcopy(value)
    at = out
    for part in loc[:-1]:
        at = at[part]
    if new is MISSING:
        del at[loc[-1]]
    else:
        at[loc[-1]] = copy.deepcopy(new)
    return out


def mistakes() -> Iterator[tuple[type[BaseModel], str]]:
    """(model, YAML text) for every generated mistake that the model refuses."""
    for model, valid in valid_files().items():
        for loc in places(valid):
            variants = [changed(valid, loc, w) for w in WRONG]
            if loc:
                variants.append(changed(valid, loc, MISSING))
            at = valid
            for part in loc:
                at = at[part]
            if isinstance(at, dict):
                variants.append(changed(valid, loc, {**at, "colour": "red", "nmae": "x"}))
            for v in variants:
                yield model, yaml.safe_dump(json.loads(json.dumps(v)), allow_unicode=True, sort_keys=False)


def _findings() -> list[tuple[str, dict[str, Any], list[Finding], str]]:
    out = []
    for model, text in mistakes():
        try:
            doc = load_yaml(text, "facts/x.yml")
        except FactsheetError:
            continue  # refused before the schema (an empty file): the YAML reader's own finding
        try:
            model.model_validate(doc.value)
        except ValidationError as exc:
            found = validation_findings(exc, doc, model)
            for error in exc.errors(include_url=False):
                out.append((model.__name__, error, found, text))
    return out


GENERATED = _findings()


def test_the_base_files_are_valid() -> None:
    for model, valid in valid_files().items():
        model.model_validate(valid)


def test_every_error_type_the_schema_produces_is_translated() -> None:
    produced = {error["type"] for _, error, _, _ in GENERATED}
    assert produced - TRANSLATED == set(), "translate these in generator/loading/errors.py"
    # And the list names nothing the schema cannot produce (it is the list of what it produces).
    assert TRANSLATED - produced == set()


def test_no_finding_holds_pydantics_wording_and_each_says_how_to_fix() -> None:
    bad = []
    for model, error, found, text in GENERATED:
        lines = text.count("\n")
        assert found, (model, error)
        for f in found:
            msg = f.message
            library = error["type"] not in OURS and str(error["msg"]).lower() in msg.lower()
            if library or LIBRARY_WORDS.search(msg) or not FIX.search(msg):
                bad.append((model, error["type"], msg))
            assert f.rule in RULES and 1 <= f.line <= max(lines, 1) and f.column >= 1, (f, text)
    assert bad == []


def _node_at(text: str, loc: tuple[Any, ...]) -> tuple[tuple[int, int], tuple[int, int]]:
    """(key position, value position), 1-based, of the deepest place of ``loc`` the file has,
    read by PyYAML's own composer (not by the code under test)."""
    node = yaml.compose(text)
    key_pos = value_pos = (node.start_mark.line + 1, node.start_mark.column + 1)
    for part in (p for p in loc if p not in ("root", "[key]")):
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            pair = next(((k, v) for k, v in node.value if k.value == part), None)
            if pair is None:
                break
            key_pos = (pair[0].start_mark.line + 1, pair[0].start_mark.column + 1)
            node = pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            key_pos = (node.start_mark.line + 1, node.start_mark.column + 1)
        else:
            break
        value_pos = (node.start_mark.line + 1, node.start_mark.column + 1)
    return key_pos, value_pos


def test_each_finding_points_at_the_place_written() -> None:
    """Where a file has one mistake, its one finding is at that value (or, for a key, at the key)."""
    checked = 0
    for _, error, found, text in GENERATED:
        if len(found) != 1 or error["type"] == "missing":
            continue  # a missing field is reported where its mapping is
        key_pos, value_pos = _node_at(text, tuple(error["loc"]))
        [f] = found
        assert (f.line, f.column) in (key_pos, value_pos), (error, f, text)
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("kind", sorted(TRANSLATED))
def test_through_the_cli_each_type_names_its_file_line_and_rule(workspace: Path, kind: str) -> None:
    """One mistake of each type, as an editor meets it: `factsheet validate` on the file."""
    model, error, found, text = next(g for g in GENERATED if g[1]["type"] == kind)
    name = {"Sheet": "facts/x.yml", "SourceMeta": "content/sources/x.yml", "People": "facts/people.yml"}[model]
    if model == "SourceMeta":
        (workspace / "content/sources").mkdir(parents=True, exist_ok=True)
        (workspace / "content/sources/x.txt").write_text("Some text.\n", encoding="utf-8")
    else:
        write_source(workspace, "s", "Some text.\n")
    (workspace / name).parent.mkdir(parents=True, exist_ok=True)
    (workspace / name).write_text(text, encoding="utf-8")
    proc = run_cli("validate", "--root", str(workspace), "--no-cache")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    for f in found:
        assert f"{name}:{f.line}:{f.column}: " in proc.stdout and f"({f.rule})" in proc.stdout, (f, proc.stdout)
    assert not LIBRARY_WORDS.search(proc.stdout), proc.stdout
