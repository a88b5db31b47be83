"""Issue 11's house styles for numbers, on real sentences (Hansard, UK government releases): negated
and postfix qualifiers, the older plural scale word, comma lists as one unit, ratios, a capitalised
name after a number, and "first" in a claim. Each true reading has a false twin that must still fail."""

from __future__ import annotations

import pytest

from generator.findings import Severity
from generator.loading import load_workspace
from generator.validation.validator import validate
from tests.conftest import write_source, write_yaml

# (claim, excerpt, the fact's value as YAML, the errors expected: [] for a fact that holds)
CASES = [
    # a negated qualifier is its bound (Hansard 1955)
    ("The money could be raised for a term not exceeding twenty years.",
     "by means of terminable annuities for a term not exceeding twenty years",
     "figure: {value: 20, unit: years, qualifier: at most}", []),
    ("The money could be raised for a term of more than twenty years.",
     "by means of terminable annuities for a term not exceeding twenty years",
     "figure: {value: 20, unit: years, qualifier: more than}", ["qualifier-contradicted"]),
    # a qualifier after a percent (Hansard 1968, Cabinet Office 2024)
    ("Bank Rate had been at 7 per cent or higher for about 20 months.",
     "Bank Rate has been at 7 per cent. or higher for a total of approximately 20 months",
     "figure: {value: 7, unit: percent, qualifier: at least}", []),
    ("Bank Rate had been at 7 per cent or lower for about 20 months.",
     "Bank Rate has been at 7 per cent. or higher for a total of approximately 20 months",
     "figure: {value: 7, unit: percent, qualifier: at most}", ["claim-polarity-mismatch", "qualifier-contradicted"]),
    ("Facility time should be 0.2 per cent or more of the paybill.",
     "spending 0.2 per cent or more of their paybill on facility time",
     "figure: {value: 0.2, unit: percent, qualifier: at least}", []),
    # the older plural scale word (Hansard 1963)
    ("Personal savings for 1962 were £2,300 million.",
     "personal savings for 1962 were £2,300 millions against £320 millions in 1952",
     "money: {value: 2300 million, currency: GBP}", []),
    ("Personal savings for 1962 were £2,300.",
     "personal savings for 1962 were £2,300 millions against £320 millions in 1952",
     "money: {value: 2300, currency: GBP}", ["money-not-supported"]),
    # a comma list counted together, closed by "and"/"or" (DfE 2022, Project Gigabit)
    ("Over 8,000 clubs, events or organised activities took part.",
     "over 8,000 clubs, events or organised activities took part",
     "figure: {value: 8000, unit: \"clubs, events or organised activities\", qualifier: more than}", []),
    ("Over 8,000 clubs, events or schools took part.",
     "over 8,000 clubs, events or organised activities took part",
     "figure: {value: 8000, unit: \"clubs, events or schools\", qualifier: more than}", ["unit-mismatch"]),
    ("Up to 7,000 rural GP surgeries, libraries and schools could benefit.",
     "up to 7,000 rural GP surgeries, libraries and schools could benefit",
     "figure: {value: 7000, unit: \"rural GP surgeries, libraries and schools\", qualifier: up to}", []),
    ("There were 8,000 clubs.", "There were 8,000 clubs, officials said",
     "figure: {value: 8000, unit: clubs}", []),
    # a ratio is a proportion, not two counts (Project Gigabit, BBC)
    ("Gigabit broadband reached one in ten households in 2019.", "from one in ten households in 2019",
     "figure: {value: \"1/10\", unit: households}", []),
    ("Gigabit broadband reached ten households in 2019.", "from one in ten households in 2019",
     "figure: {value: 10, unit: households}", ["figure-not-supported"]),
    ("Gigabit broadband now reaches almost two in five households.",
     "from one in ten households in 2019 to almost two in five today",
     "figure: {value: \"2/5\", unit: households, qualifier: almost}", []),
    ("Gigabit broadband now reaches almost three in five households.",
     "from one in ten households in 2019 to almost two in five today",
     "figure: {value: \"3/5\", unit: households, qualifier: almost}", ["figure-not-supported"]),
    ("Serial truants make up 13 pupils.", "Serial truants make up one in 13 pupils",
     "figure: {value: 13, unit: pupils}", ["figure-not-supported"]),
    ("Fewer than one in 10,000 consoles had failed.", "fewer than one in 10,000 consoles had experienced failures",
     "figure: {value: \"1/10000\", unit: consoles, qualifier: less than}", []),
    ("He scored 3 in 10 minutes.", "he scored 3 in 10 minutes", "figure: {value: 3}", []),
    ("It reached one in ten.", "Gigabit coverage reached one in ten", "figure: {value: \"1/10\"}", []),
    ("It reached one in ten.", "Gigabit coverage reached two in ten", "figure: {value: \"1/10\"}",
     ["figure-not-supported"]),
    # "first" in a claim is a word of order unless the excerpt states a rank
    ("Up to 510,000 homes and businesses will be the first to benefit.", "Up to 510,000 homes and businesses",
     "figure: {value: 510000, unit: homes and businesses, qualifier: up to}", []),
    ("It was the first transfer of the windfall profits.", "It was the second transfer of the windfall profits",
     "", ["claim-not-in-excerpt"]),
    # a capitalised name after a number (MOD 2025, Hansard 1916)
    ("The 26th Ukraine Defence Contact Group met in Brussels.", "the 26th Ukraine Defence Contact Group",
     "figure: {value: 26, unit: Ukraine Defence Contact Group}", []),
    ("The 26th NATO summit met.", "the 26th Ukraine Defence Contact Group",
     "figure: {value: 26, unit: NATO summit}", ["unit-mismatch"]),
    ("The Three Year Exchequer Bonds were issued.", "the rate on Three Year Exchequer Bonds",
     "figure: {value: 3, unit: year}", []),
    ("There were three Exchequer Bonds.", "the rate on Three Year Exchequer Bonds",
     "figure: {value: 3, unit: bonds}", ["unit-mismatch"]),
]


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    root = tmp_path_factory.mktemp("house-numbers")
    excerpts = sorted({excerpt for _, excerpt, _, _ in CASES})
    write_source(root, "s", "".join(f"{e}.\n\n" for e in excerpts), published="2024-01-10")
    write_yaml(root, "facts/people.yml", "{}\n")
    facts = "\n".join(f"  - id: c{i}\n    claim: {claim!r}\n" + (f"    {value}\n" if value else "")
                      + f"    sources: [{{source: s, excerpt: {excerpt!r}}}]"
                      for i, (claim, excerpt, value, _) in enumerate(CASES))
    (root / "facts" / "house.yml").write_text(f"title: House\nfacts:\n{facts}\n", encoding="utf-8")
    report = validate(load_workspace(root))
    assert len(report.facts) == len(CASES)
    return {f.fact.id: [x for x in report.findings if x.fact == f.id] for f in report.facts}


@pytest.mark.parametrize("n", range(len(CASES)), ids=[c[0][:50] for c in CASES])
def test_house_style(results: dict[str, list], n: int) -> None:
    expected = CASES[n][3]
    found = results[f"c{n}"]
    errors = sorted({f.rule for f in found if f.severity is Severity.ERROR})
    assert errors == sorted(expected), [f.format_text() for f in found]
