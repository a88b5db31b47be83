"""A claim may not say the opposite of its excerpt (issue 10, the eval set's negation misses): a negation
the excerpt lacks, or a word whose opposite the excerpt uses. Cases for the opposites are generated from
the lexicon's own examples, so a new pair in generator/lexicon/polarity.py is tested by being added."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.findings import Severity
from generator.lexicon.polarity import OPPOSITES
from generator.loading import load_workspace
from generator.validation.validator import validate
from tests.conftest import run_cli, write_source, write_yaml

# (claim, excerpt, expected rule or None)
NEGATIONS = [
    ("The G7 is no longer united.", "the G7 is united", "claim-polarity-mismatch"),
    ("The House is not sitting on Friday.", "The House is sitting on Friday", "claim-polarity-mismatch"),
    ("China didn't stand by.", "China stood by", "claim-polarity-mismatch"),
    ("China did not stand idly by.", "China would not stand idly by", None),
    ("The talks did not produce a deal.", "The talks failed to produce a deal", None),
    ("The bill passed without a vote.", "The bill passed without a vote", None),
    ("Xi went no further than an appeal for calm.", "Xi appealed for calm", None),
    ("No more than 40 nations denounced it.", "40 nations denounced it", None),
    ("The G7 met in Hiroshima (no press conference was held).", "The G7 met in Hiroshima", None),
    ("The minister had no comment.", "The minister declined to comment", "claim-polarity-mismatch"),
    # The excerpt denies a word the claim asserts (historic Hansard, a White House briefing)
    ("Callaghan made a statement about Bank Rate.", "I can make no statement about future changes in Bank Rate",
     "claim-polarity-mismatch"),
    ("Earnest said he had several statements at the top.", "I do not have any statements at the top",
     "claim-polarity-mismatch"),
    ("Callaghan would make no statement about Bank Rate.", "I can make no statement about future changes in "
     "Bank Rate", None),
    ("Wilson said he would “rather not” appear in the film.", "he would rather not appear in the film", None),
    ("The winners said they were delighted.", "the winners were not, said the jury, delighted", None),
    ("The aid came from Brussels.", "the aid did not come from Washington but from Brussels", None),
    # a word of the denied one's lemma; "no longer" (a Commons business statement, a Treasury release)
    ("The House was to sit on Friday 23 November 2007.", "Friday 23 November—The House will not be sitting",
     "claim-polarity-mismatch"),
    ("The Exchange will continue to trade Russian metal.", "the Exchange will no longer trade Russian metal",
     "claim-polarity-mismatch"),
]
OPPOSITE_CASES = [c for o in OPPOSITES for c in (
    (o.up_example[1], o.up_example[0], None), (o.down_example[1], o.down_example[0], "claim-polarity-mismatch"))]
CASES = NEGATIONS + OPPOSITE_CASES


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    root = tmp_path_factory.mktemp("polarity")
    excerpts = sorted({excerpt for _, excerpt, _ in CASES})
    write_source(root, "s", "".join(f"{e}.\n\n" for e in excerpts), published="2024-01-10")
    write_yaml(root, "facts/people.yml", "{}\n")
    facts = "\n".join(f"  - id: c{i}\n    claim: {claim!r}\n    sources: [{{source: s, excerpt: {excerpt!r}}}]"
                      for i, (claim, excerpt, _) in enumerate(CASES))
    (root / "facts" / "polarity.yml").write_text(f"title: Polarity\nfacts:\n{facts}\n", encoding="utf-8")
    report = validate(load_workspace(root))
    assert len(report.facts) == len(CASES)
    return {f.fact.id: [x for x in report.findings if x.fact == f.id] for f in report.facts}


@pytest.mark.parametrize("n", range(len(CASES)), ids=[f"{c[0][:40]} / {c[1][:30]}" for c in CASES])
def test_polarity(results: dict[str, list], n: int) -> None:
    _, _, expected = CASES[n]
    found = results[f"c{n}"]
    polarity = [f for f in found if f.rule == "claim-polarity-mismatch"]
    if expected is None:
        assert polarity == [], [f.format_text() for f in found]
    else:
        assert [f.severity for f in polarity] == [Severity.ERROR], [f.format_text() for f in found]


def test_the_cli_names_the_words_and_refutes_the_fact(workspace: Path) -> None:
    write_source(workspace, "s", "Energy bills will be cut by £100 this winter.\n")
    write_yaml(workspace, "facts/sheet.yml", """
        title: T
        facts:
          - id: bills
            claim: Energy bills will rise by £100 this winter.
            money: {value: 100, currency: GBP}
            sources:
              - source: s
                excerpt: "Energy bills will be cut by £100 this winter."
        """)
    done = run_cli("validate", "--root", str(workspace))
    assert done.returncode == 1
    assert 'facts/sheet.yml:4:12: [error] the claim says "rise" where the excerpt says "cut"' in done.stdout
    assert "(claim-polarity-mismatch)" in done.stdout
    report = json.loads(run_cli("validate", "--root", str(workspace), "--format", "json").stdout)
    assert [f["verdict"] for f in report["facts"]] == ["refuted"]
