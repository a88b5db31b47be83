"""Claim consistency on seed sentences (issue 10): every class of disagreement between the claim
readers read and what the fact proves, through the real validator, and the CLI's report of it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.findings import Severity
from generator.loading import load_workspace
from generator.matchers.markup import markup_to_text
from generator.validation.claims import qualifier_allows
from generator.validation.validator import validate
from tests.conftest import run_cli, write_source, write_yaml

SOURCE = (
    "Kyiv, 26 April 2023 Wednesday\n\n"
    "Ukraine's data put the 19,500 Ukrainian children that Russia forcibly transferred at the centre of "
    "the meeting.\n\n"
    "The EU announced 3.5 billion euros of fresh aid on Monday.\n\n"
    "The statement was denounced by more than 40 nations, among them France, Germany and Poland.\n\n"
    "The call lasted almost an hour, according to his spokesman.\n\n"
    "“There are no winners in nuclear wars,” Xi told Zelensky.\n\n"
    "It was the first call between the two leaders. The United States and Britain welcomed it.\n\n"
    "The talks took 45 minutes.\n\n"
    "Elsewhere, Brazil stayed silent.\n\n"
    "Households could save more than £460 a year.\n"
)
PEOPLE = """
xi-jinping:
  name: Xi Jinping
  aliases: [Xi]
volodymyr-zelensky:
  name: Volodymyr Zelensky
  aliases: [Zelensky]
vladimir-putin:
  name: Vladimir Putin
  aliases: [Putin]
"""

CHILDREN = 'figure: {value: 19500, unit: children}\n    sources: [{source: s, excerpt: "19,500 Ukrainian children that Russia forcibly transferred"}]'
AID = 'money: {value: 3.5 billion, currency: EUR}\n    sources: [{source: s, excerpt: "3.5 billion euros of fresh aid"}]'
DATE = 'date: "2023-04-26"\n    sources: [{source: s, excerpt: "26 April 2023 Wednesday"}]'
NATIONS = ('figure: {value: 40, unit: nations, qualifier: more than}\n    sources: [{source: s, excerpt: '
           '"denounced by more than 40 nations, among them France, Germany and Poland"}]')
CALL = 'sources: [{source: s, excerpt: "The call lasted almost an hour"}]'
DATELINE = 'sources: [{source: s, excerpt: "26 April 2023 Wednesday"}]'
NUCLEAR = ('quote: {speaker: xi-jinping, text: "There are no winners in nuclear wars"}\n    sources: [{source: s, '
           'excerpt: "“There are no winners in nuclear wars,” Xi told Zelensky."}]')
TALKS = 'sources: [{source: s, excerpt: "The talks took 45 minutes"}]'
WELCOME = 'sources: [{source: s, excerpt: "The United States and Britain welcomed it"}]'
SAVE = 'money: {value: 460, currency: GBP}\n    sources: [{source: s, excerpt: "could save more than £460 a year"}]'
FIRST = 'sources: [{source: s, excerpt: "It was the first call between the two leaders."}]'

CASES = [
    # figures, in any notation; another number contradicts the value
    ("Ukraine's data put the children forcibly transferred at 19,500.", CHILDREN, None),
    ("Ukraine's data put the children forcibly transferred at 19.5 thousand.", CHILDREN, None),
    ("Ukraine's data put the children forcibly transferred at **19 500**.", CHILDREN, None),
    ("The statement cited Ukraine's figure of 25,000 children forcibly transferred.", CHILDREN,
     "claim-contradicts-value"),
    ("Ukraine's data put the children at *twenty thousand*.", CHILDREN, "claim-contradicts-value"),
    # amounts and currencies
    ("The EU announced €3.5bn of fresh aid.", AID, None),
    ("The EU announced EUR 3,500 million of fresh aid.", AID, None),
    ("The EU announced €4.5bn of fresh aid.", AID, "claim-contradicts-value"),
    ("The EU announced $3.5bn of fresh aid.", AID, "claim-contradicts-value"),
    ("The EU announced £3.5 billion of fresh aid.", AID, "claim-contradicts-value"),
    # dates and years; the weekday must be the date's own
    ("The leaders spoke on April 26, 2023.", DATE, None),
    ("The leaders spoke on Wednesday, 26 April.", DATE, None),
    ("The leaders spoke in April 2023.", DATE, None),
    ("The leaders spoke on 27 April 2023.", DATE, "claim-contradicts-value"),
    ("The leaders spoke on 26 April 2022.", DATE, "claim-contradicts-value"),
    ("The leaders spoke on 26 March 2023.", DATE, "claim-contradicts-value"),
    ("The leaders spoke on Thursday 26 April 2023.", DATE, "claim-contradicts-value"),
    ("The leaders spoke in 2022.", DATE, "claim-contradicts-value"),
    # a weekday alone agrees with the date's own weekday, and contradicts another one
    ("The leaders spoke on Wednesday.", DATE, None),
    ("The leaders spoke on Thursday.", DATE, "claim-contradicts-value"),
    ("The leaders spoke in April.", DATE, None),
    ("The leaders spoke in March.", DATE, "claim-contradicts-value"),
    # a statement: its dates must be in the excerpt
    ("The report is dated 26 April 2023.", DATELINE, None),
    ("The report is dated 27 April 2023.", DATELINE, "claim-not-in-excerpt"),
    ("The report is dated 2024.", DATELINE, "claim-not-in-excerpt"),
    ("The report is dated Wednesday.", DATELINE, None),  # the excerpt writes the weekday
    ("The report is dated Tuesday.", DATELINE, "claim-not-in-excerpt"),
    ("The report is dated Wednesday, 26 April 2023.", DATELINE, None),
    ("The report is dated Tuesday, 26 April 2023.", DATELINE, "claim-contradicts-value"),
    ("The report is dated April 2023.", DATELINE, None),
    # qualifiers follow entailment
    ("More than 40 nations denounced it.", NATIONS, None),
    ("Over forty nations denounced it.", NATIONS, None),
    ("At least 40 nations denounced it.", NATIONS, None),
    ("Under 40 nations denounced it.", NATIONS, "claim-contradicts-value"),
    ("About 40 nations denounced it.", NATIONS, "claim-contradicts-value"),
    ("At most 40 nations denounced it.", NATIONS, "claim-contradicts-value"),
    ("About 19,500 children were transferred.", CHILDREN, None),
    ("More than 19,500 children were transferred.", CHILDREN, "claim-contradicts-value"),
    # durations
    ("The call lasted about an hour.", CALL, None),
    ("The call lasted nearly an hour.", CALL, None),
    ("The call lasted two hours.", CALL, "claim-not-in-excerpt"),
    ("The call lasted more than an hour.", CALL, "claim-not-in-excerpt"),
    ("The call lasted almost a day.", CALL, "claim-not-in-excerpt"),
    ("The call lasted just under 60 minutes.", CALL, None),
    ("The talks took three quarters of an hour.", TALKS, None),
    ("The talks took 45 minutes.", TALKS, None),
    ("The talks took 50 minutes.", TALKS, "claim-not-in-excerpt"),
    # ranks need a rank: "two leaders" is no second call
    ("It was the first call between them.", FIRST, None),
    ("It was the second call between them.", FIRST, "claim-not-in-excerpt"),
    # "first" is the earliest, not a count of one (GOV.UK: "will be the first to benefit")
    ("The first talks took 45 minutes.", TALKS, None),
    ("The first talks took 40 minutes.", TALKS, "claim-not-in-excerpt"),
    # quotations in the claim are the excerpt's words
    ("Xi told Zelensky that there are “no winners in nuclear wars”.", NUCLEAR, None),
    ("Xi told Zelensky that there are “no losers in nuclear wars”.", NUCLEAR, "claim-not-in-excerpt"),
    # the speaker is the sayer; naming the one spoken to is fine
    ("Xi told Zelensky that there are no winners in nuclear wars.", NUCLEAR, None),
    ("Zelensky was told by Xi that there are no winners in nuclear wars.", NUCLEAR, None),
    ("Putin said there are no winners in nuclear wars.", NUCLEAR, "claim-wrong-speaker"),
    ("Zelensky told Xi that there are no winners in nuclear wars.", NUCLEAR, "claim-wrong-speaker"),
    ("Putin went no further than stating there are no winners in nuclear wars.", NUCLEAR, "claim-wrong-speaker"),
    # a qualifier on an amount is compared with the excerpt's, as on a figure (the value has none)
    ("Households could save more than £460 a year.", SAVE, None),
    ("Households could save over £460 a year.", SAVE, None),
    ("Households could save £460 a year.", SAVE, None),
    ("Households could save up to £460 a year.", SAVE, "claim-not-in-excerpt"),
    ("Households could save less than £460 a year.", SAVE, "claim-not-in-excerpt"),
    # countries: short forms and demonyms are the same place; another country is a miss
    ("The US and the UK welcomed the call.", WELCOME, None),
    ("American and British officials welcomed the call.", WELCOME, None),
    ("More than 40 nations, among them France, Germany and Poland, denounced it.", NATIONS, None),
    ("More than 40 nations, among them the French, Germans and Poles, denounced it.", NATIONS, None),
    ("More than 40 nations, among them France, Germany and Peru, denounced it.", NATIONS,
     "claim-place-not-in-source"),
    ("More than 40 nations, among them France, Germany and Brazil, denounced it.", NATIONS,
     "claim-place-not-in-excerpt"),
]


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    root = tmp_path_factory.mktemp("claims")
    write_source(root, "s", SOURCE, published="2023-04-26")
    write_yaml(root, "facts/people.yml", PEOPLE)
    facts = "\n".join(f"  - id: c{i}\n    claim: {claim!r}\n    {value}" for i, (claim, value, _) in enumerate(CASES))
    (root / "facts" / "claims.yml").write_text(f"title: Claims\nfacts:\n{facts}\n", encoding="utf-8")
    report = validate(load_workspace(root))
    assert len(report.facts) == len(CASES)
    return {f.fact.id: [x for x in report.findings if x.fact == f.id] for f in report.facts}


@pytest.mark.parametrize("n", range(len(CASES)), ids=[c[0][:60] for c in CASES])
def test_claim(results: dict[str, list], n: int):
    claim, _, expected = CASES[n]
    found = results[f"c{n}"]
    claim_rules = {f.rule for f in found if f.rule.startswith("claim-")}
    errors = [f for f in found if f.severity is Severity.ERROR]
    if expected is None:
        assert claim_rules == set() and errors == [], [f.format_text() for f in found]
    else:
        assert expected in claim_rules, [f.format_text() for f in found]


def test_the_message_names_the_claims_words_and_the_value(results: dict[str, list]):
    n = next(i for i, c in enumerate(CASES) if c[0].startswith("The statement cited"))
    (finding,) = [f for f in results[f"c{n}"] if f.rule == "claim-contradicts-value"]
    assert "25,000" in finding.message and "19,500" in finding.message


def test_a_claim_finding_points_at_the_claim_and_refutes_the_fact(workspace: Path):
    write_source(workspace, "s", SOURCE)
    write_yaml(workspace, "facts/people.yml", PEOPLE)
    write_yaml(workspace, "facts/sheet.yml", """
        title: T
        facts:
          - id: children
            claim: The statement cited Ukraine's figure of 25,000 children forcibly transferred.
            figure: {value: 19500, unit: children}
            sources:
              - source: s
                excerpt: "19,500 Ukrainian children that Russia forcibly transferred"
        """)
    done = run_cli("validate", "--root", str(workspace))
    assert done.returncode == 1
    assert "facts/sheet.yml:4:12: [error]" in done.stdout and "(claim-contradicts-value)" in done.stdout
    report = json.loads(run_cli("validate", "--root", str(workspace), "--format", "json").stdout)
    assert [f["verdict"] for f in report["facts"]] == ["refuted"]


def test_qualifier_entailment():
    assert qualifier_allows("at least", "more than") and qualifier_allows(None, "more than")
    assert qualifier_allows("about", None) and not qualifier_allows("more than", None)
    assert qualifier_allows("about", "almost") and not qualifier_allows("less than", "more than")


def test_markup_is_read_as_its_words():
    assert markup_to_text("[Xi](https://example.org/a_(b)) said **no** to *war* `now`") == "Xi said no to war now"
    assert markup_to_text(r"a \*literal\* star") == "a *literal* star"
    # Control characters the reader never sees are white space, even where they look like the
    # function's own placeholders (a crash found by tests/test_properties.py).
    assert markup_to_text("a\x00b \\* `c`\x01 d") == "a b * c d"
