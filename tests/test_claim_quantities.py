"""Vague quantities and frequencies compared between a claim and its excerpts, on real sentences (DfE 2022,
Cabinet Office 2024, European Commission 2024) and their counter-examples: an order of magnitude or a period
the excerpt does not state is refused; one it states, or a claim that adds none, passes."""

from __future__ import annotations

import pytest

from generator.findings import Severity
from generator.loading import load_workspace
from generator.validation.validator import validate
from tests.conftest import write_source, write_yaml

# (claim, excerpt, errors expected)
CASES = [
    ("Hundreds of thousands of children will benefit.",
     "Hundreds of thousands of children will benefit from the programme", []),
    ("Millions of children will benefit.", "Hundreds of thousands of children will benefit from the programme",
     ["claim-not-in-excerpt"]),
    ("Thousands of children will benefit.", "Hundreds of thousands of children will benefit from the programme", []),
    ("Tens of thousands of children will benefit.",
     "Hundreds of thousands of children will benefit from the programme", ["claim-not-in-excerpt"]),
    ("In some cases, the spending amounted to millions of pounds.",
     "In some cases, this amounted to hundreds of thousands of pounds", ["claim-not-in-excerpt"]),
    ("Thousands of people attended.", "About 3,500 people attended the rally", []),
    ("Millions of people attended.", "About 3,500 people attended the rally", ["claim-not-in-excerpt"]),
    ("Millions of pounds were spent.", "the programme cost £200m over three years", []),
    ("Regular payments will follow on a quarterly basis.", "Now regular payments will follow on a quarterly basis",
     []),
    ("Payments will follow on a monthly basis.", "Now regular payments will follow on a quarterly basis",
     ["claim-not-in-excerpt"]),
    ("Households will save £100 a year.", "households will save £100 a year on their bills", []),
    ("Households will save £100 a month.", "households will save £100 a year on their bills",
     ["claim-not-in-excerpt"]),
    ("Households will save £100 each month.", "households will save £100 on their bills", []),
]


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    root = tmp_path_factory.mktemp("quantities")
    excerpts = sorted({excerpt for _, excerpt, _ in CASES})
    write_source(root, "s", "".join(f"{e}.\n\n" for e in excerpts), published="2024-01-10")
    write_yaml(root, "facts/people.yml", "{}\n")
    facts = "\n".join(f"  - id: c{i}\n    claim: {claim!r}\n    sources: [{{source: s, excerpt: {excerpt!r}}}]"
                      for i, (claim, excerpt, _) in enumerate(CASES))
    (root / "facts" / "q.yml").write_text(f"title: Q\nfacts:\n{facts}\n", encoding="utf-8")
    report = validate(load_workspace(root))
    return {f.fact.id: [x for x in report.findings if x.fact == f.id] for f in report.facts}


@pytest.mark.parametrize("n", range(len(CASES)), ids=[c[0][:50] for c in CASES])
def test_claim_quantity(results: dict[str, list], n: int) -> None:
    found = results[f"c{n}"]
    errors = sorted({f.rule for f in found if f.severity is Severity.ERROR})
    assert errors == CASES[n][2], [f.format_text() for f in found]
