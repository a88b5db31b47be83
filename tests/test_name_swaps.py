"""A name swapped for another (issue 11, the real-world set's entity swaps): a claim that names what no
cited source names, where its excerpt names something the claim leaves out, is refused. A name the
sources lack with nothing left out is context, not a swap; people and countries have their own checks."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli, write_one_fact, write_source, write_yaml

DFE = ("Speaking at a Holiday Activities and Food club in Guildford today, Education Secretary, Gillian Keegan, "
       "said:\n\nIt's fantastic to see that over half a million children benefitted.\n")
MOD = ("Defence Secretary John Healey will today meet counterparts in Brussels as the UK convenes the 26th Ukraine "
       "Defence Contact Group.\n")
HANSARD = "HC Deb 25 June 1968 vol 767 cc215-6\n\nBank Rate has been at 7 per cent. or higher.\n"
PEOPLE = "gillian-keegan: {name: Gillian Keegan, aliases: [Keegan]}\n"


def _validate(workspace, text: str, claim: str, excerpt: str):
    write_one_fact(workspace, text, claim, "", excerpt, published="2022-12-22")
    write_yaml(workspace, "facts/people.yml", PEOPLE)
    return run_cli("validate", "--root", str(workspace))


DFE_EXCERPT = "Speaking at a Holiday Activities and Food club in Guildford today"
MOD_EXCERPT = "will today meet counterparts in Brussels as the UK convenes"


AU = "The Turnbull Government is encouraging Australians to make more informed decisions about their health care.\n"
AU_EXCERPT = "The Turnbull Government is encouraging Australians to make more informed decisions"
NATO = "NATO Secretary General Jens Stoltenberg said the alliance would stand by Ukraine.\n"


@pytest.mark.parametrize("text, claim, excerpt", [
    (DFE, "Gillian Keegan spoke at a Holiday Activities and Food club in Woking.", DFE_EXCERPT),
    (MOD, "John Healey met counterparts in London as the UK convened the group.", MOD_EXCERPT),  # a capital
    (AU, "The Morrison Government is encouraging Australians to make more informed decisions.", AU_EXCERPT),
])
def test_a_swapped_name_is_refused(workspace, text, claim, excerpt):
    r = _validate(workspace, text, claim, excerpt)
    assert r.returncode == 1 and "(claim-name-swapped)" in r.stdout, r.stdout
    assert "which no cited source names, where the excerpt names" in r.stdout


@pytest.mark.parametrize("text, claim, excerpt", [
    (DFE, "Gillian Keegan spoke at a Holiday Activities and Food club in Guildford.", DFE_EXCERPT),
    (MOD, "Healey met counterparts in Brussels as the UK convened the group.", MOD_EXCERPT),
    # context the source lacks, with no name of the excerpt's left out: not a swap
    (HANSARD, "In the Commons, Bank Rate was said to have been at 7 per cent. or higher.",
     "Bank Rate has been at 7 per cent. or higher"),
    # a month or a sentence's first word is no name
    (DFE, "In December, Keegan spoke at a club in Guildford.", DFE_EXCERPT),
    # a title or a body's full name for the name the excerpt gives: a paraphrase, not a swap
    (NATO, "The North Atlantic Treaty Organization's chief said the alliance would stand by Ukraine.",
     "NATO Secretary General Jens Stoltenberg said the alliance would stand by Ukraine."),
    (NATO, "Alliance Secretary General Jens Stoltenberg said it would stand by Ukraine.",
     "NATO Secretary General Jens Stoltenberg said the alliance would stand by Ukraine."),
    (NATO, "The Foreign Minister said it would stand by Ukraine.",  # a title: no name swapped
     "NATO Secretary General Jens Stoltenberg said the alliance would stand by Ukraine."),
])
def test_the_excerpts_names_and_added_context_pass(workspace, text, claim, excerpt):
    r = _validate(workspace, text, claim, excerpt)
    assert "claim-name-swapped" not in r.stdout, r.stdout


CREC = ("  Mr. KELLY. Mr. President, what are we doing here? We are debating a budget that gives another round "
        "of tax cuts to billionaires on the backs of everyday Americans.\n")
CREC_CLAIM = "Kelly said the Senate was debating a budget that gives another round of tax cuts to billionaires."
CREC_EXCERPT = "We are debating a budget that gives another round of tax cuts to billionaires on the backs of everyday Americans."


@pytest.mark.parametrize("title, ok", [
    ("H.R. 1 (Congressional Record, Senate, pages S3663-S3675)", True),  # the title names the Senate
    ("H.R. 1 (Congressional Record, pages S3663-S3675)", False),
])
def test_a_name_in_the_sources_title_is_named_by_the_source(workspace, title, ok):
    write_source(workspace, "s", CREC, published="2025-06-28", title=title)
    write_yaml(workspace, "facts/people.yml", "mark-kelly: {name: Mark Kelly, aliases: [Kelly, Mr. KELLY]}\n")
    write_yaml(workspace, "facts/sheet.yml", f"""
        title: Sheet
        facts:
          - id: fact
            claim: {CREC_CLAIM!r}
            sources:
              - source: s
                excerpt: {CREC_EXCERPT!r}
        """)
    r = run_cli("validate", "--root", str(workspace))
    assert ("(claim-name-swapped)" not in r.stdout) == ok, r.stdout


@pytest.mark.parametrize("text, claim, excerpt, swapped", [
    # The excerpt opens with the name the claim swaps: a name all the same (the dictionary knows no
    # such word), or one the source writes capitalised inside a sentence too.
    ("Guildford hosted the Holiday Activities and Food club today.\n",
     "Woking hosted the Holiday Activities and Food club today.",
     "Guildford hosted the Holiday Activities and Food club today.", True),
    ("Leaders met in Brussels on Monday. Brussels will host the next summit.\n",
     "London will host the next summit.", "Brussels will host the next summit.", True),  # a capital for a capital
    ("Leaders met in Reading on Monday. Reading will host the next summit.\n",
     "Woking will host the next summit.", "Reading will host the next summit.", True),
    # A common word opening the sentence is no name: nothing was dropped.
    ("Officials will host the next summit.\n", "Officials in Woking will host the next summit.",
     "Officials will host the next summit.", False),
])
def test_a_name_opening_the_excerpt_counts_as_named(workspace, text, claim, excerpt, swapped):
    r = _validate(workspace, text, claim, excerpt)
    assert ("(claim-name-swapped)" in r.stdout) == swapped, r.stdout
