"""The example site keeps its minimums, so it can never silently rot (issue 3)."""

from __future__ import annotations

import hashlib
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from generator.loading import load_workspace
from tests.conftest import REPO, SEEDS


@pytest.fixture(scope="module")
def ws():
    return load_workspace(REPO)


def all_facts(ws):
    return [(sid, f) for sid, sf in ws.sheets.items() for f in sf.sheet.facts]


def test_loads_without_findings(ws):
    assert [f.format_text() for f in ws.findings] == []


def test_sources_are_the_seeds_byte_for_byte(ws):
    seeds = {hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS.glob("*.txt")}
    ours = {hashlib.sha256((REPO / s.text_path).read_bytes()).hexdigest() for s in ws.sources.values()}
    assert len(seeds) == 5
    assert ours == seeds


def test_sidecars_claim_nothing_the_text_does_not_give(ws):
    for source in ws.sources.values():
        assert source.meta.url is None and source.meta.publisher is None, source.id
        assert source.meta.published, f"{source.id}: the date follows from every seed text"


def test_minimums(ws):
    facts = all_facts(ws)
    assert len(ws.sheets) >= 6
    assert len(facts) >= 70
    kinds = Counter(f.kind for _, f in facts)
    assert kinds["date"] >= 10 and kinds["figure"] >= 10 and kinds["quote"] >= 15
    assert kinds["statement"] >= 10 and kinds["money"] >= 2
    per_source = Counter(c.source for _, f in facts for c in f.sources)
    assert set(per_source) == set(ws.sources)
    assert min(per_source.values()) >= 8, per_source
    for sheet in ws.sheets.values():
        assert sheet.sheet.title and sheet.sheet.date and sheet.sheet.summary and sheet.sheet.tags


def test_headline_values(ws):
    facts = [f for _, f in all_facts(ws)]
    figures = {(f.figure.amount, f.figure.qualifier) for f in facts if f.figure}
    for value, qualifier in [(19500, None), (160, None), (50, "more than"), (40, "more than"),
                             (69, None), (270, None), (12, None), (36, None)]:
        assert (Decimal(value), qualifier) in figures, (value, qualifier)
    money = {(f.money.amount, f.money.currency) for f in facts if f.money}
    assert (Decimal("3.5e9"), "EUR") in money
    assert (Decimal("1e9"), "USD") in money
    dates = {f.date for f in facts if f.date}
    assert {"2023-04-26", "2023-04-05", "2022-02-24", "2023-04-01"} <= dates


def test_corroboration_and_disagreement_are_recorded(ws):
    facts = [f for _, f in all_facts(ws)]
    assert any(len({c.source for c in f.sources}) >= 2 for f in facts if f.date == "2023-04-26")
    quotes = {f.quote.text.lower() for f in facts if f.quote}
    assert any("long and significant" in q for q in quotes)
    assert any("long and meaningful" in q for q in quotes)


def test_every_warning_left_is_explained_above_its_citation(ws):
    """Issue 3: a warning the editors keep carries the reason in a YAML comment right above the citation."""
    from generator.findings import Severity
    from generator.validation.validator import validate

    warnings = [f for f in validate(ws).findings if f.severity is Severity.WARNING]
    assert warnings, "the example is expected to keep a few honest warnings"
    for w in warnings:
        lines = (REPO / w.path).read_text(encoding="utf-8").splitlines()
        at = w.line - 1
        while at > 0 and not lines[at].lstrip().startswith("- source:"):
            at -= 1
        above = lines[at - 1].strip()
        assert above.startswith("#"), f"{w.path}:{w.line}: no comment above the citation ({w.rule})"
        comment = []
        while lines[at - 1].strip().startswith("#"):
            at -= 1
            comment.insert(0, lines[at].strip("# "))
        assert "warning stays" in " ".join(comment), f"{w.path}:{w.line}: the comment gives no reason"
