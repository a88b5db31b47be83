"""Vague quantities and frequencies compared between a claim and its excerpts, on real sentences (DfE 2022,
Cabinet Office 2024, European Commission 2024) and their counter-examples: an order of magnitude or a period
the excerpt does not state is refused; one it states, or a claim that adds none, passes."""

from __future__ import annotations

import pytest

from generator.findings import Severity
from generator.loading import load_workspace
from generator.validation.validator import validate
from tests.conftest import run_cli, write_one_fact, write_source, write_yaml

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


# A rank the excerpt writes as a label of the same noun (the held-out set's ONS bulletin).
ONS = ("The first quarterly estimate of UK gross domestic product (GDP) shows an estimated fall of 0.2% in "
       "Quarter 3 (July to Sept) 2022 (Figure 1). On Day 407 of the strike, talks resumed.\n")


@pytest.mark.parametrize("claim, value, excerpt, ok", [
    ("GDP fell by 0.2% in the third quarter of 2022.", 0.2,
     "shows an estimated fall of 0.2% in Quarter 3 (July to Sept) 2022", True),
    ("GDP fell by 0.2% in the second quarter of 2022.", 0.2,
     "shows an estimated fall of 0.2% in Quarter 3 (July to Sept) 2022", False),
    ("GDP fell by 0.2% on the third day of 2022.", 0.2,  # another noun's label: no rank
     "shows an estimated fall of 0.2% in Quarter 3 (July to Sept) 2022", False),
    ("Talks resumed on the 407th day of the strike.", None, "On Day 407 of the strike, talks resumed.", True),
])
def test_a_label_states_the_rank_of_its_own_noun(workspace, claim, value, excerpt, ok):
    write_one_fact(workspace, ONS, claim, f"figure: {{value: {value}, unit: percent}}" if value else "",
                   excerpt, published="2022-11-11")
    r = run_cli("validate", "--root", str(workspace))
    if ok:
        assert r.returncode == 0, r.stdout
    else:
        assert r.returncode == 1 and "(claim-not-in-excerpt)" in r.stdout, r.stdout
