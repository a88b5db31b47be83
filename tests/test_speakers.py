"""Speakers read from the source around the cited words, and the speaker-unconfirmed verdict (issue 10).

Every case goes through the real validator on a workspace written here, and the
verdicts and reports through the real CLI, as an editor meets them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.loading import load_workspace
from generator.render import render
from generator.validation.validator import validate
from tests.conftest import run_cli, write_source, write_yaml

PEOPLE = """
smith:
  name: Anna Smith
  aliases: [Smith]
jones:
  name: Mark Jones
  aliases: [Jones]
  role: Minister of Trade
xi-jinping:
  name: Xi Jinping
  aliases: [Xi]
  role: President of China
emmanuel-macron:
  name: Emmanuel Macron
  aliases: [Macron]
  role: President of France
kremlin:
  name: The Kremlin
  aliases: [the Kremlin, Kremlin]
  role: Office of the President of Russia
"""


def _fact(speaker: str, quote: str, excerpt: str, fid: str = "q") -> str:
    return (f"  - id: {fid}\n    claim: Someone said it.\n    quote: {{speaker: {speaker}, text: {json.dumps(quote)}}}\n"
            f"    sources:\n      - source: src\n        excerpt: {json.dumps(excerpt)}\n")


def _run(root: Path, text: str, *facts: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Verdict and rule ids of every fact, from the real validator."""
    write_source(root, "src", text, published="2024-05-02")
    write_yaml(root, "facts/people.yml", PEOPLE)
    (root / "facts" / "s.yml").write_text("title: S\nfacts:\n" + "".join(facts), encoding="utf-8")
    report = validate(load_workspace(root))
    rules: dict[str, list[str]] = {}
    for f in report.findings:
        if f.fact:
            rules.setdefault(f.fact.split("/")[1], []).append(f.rule)
    return {f.fact.id: f.verdict.value for f in report.facts}, rules


TALKS = "Smith said the talks went well. “A deal is close,” Jones added. Officials did not comment."


def test_a_reporting_clause_after_the_excerpt_names_the_speaker(workspace: Path):
    # The excerpt ends before "Jones added": the words are still Jones's, not Smith's.
    cut = "Smith said the talks went well. “A deal is close,”"
    verdicts, rules = _run(workspace, TALKS, _fact("smith", "A deal is close", cut, "as-smith"),
                           _fact("jones", "A deal is close", cut, "as-jones"),
                           _fact("jones", "A deal is close", "A deal is close", "inside"))
    assert verdicts == {"as-smith": "refuted", "as-jones": "verified", "inside": "verified"}
    assert rules["as-smith"] == ["quote-wrong-speaker"]


def test_the_message_names_who_the_source_gives_the_words_to(workspace: Path):
    _run(workspace, TALKS, _fact("smith", "A deal is close", "Smith said the talks went well. “A deal is close,”"))
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 1
    assert ("the source attributes \"A deal is close\" to Mark Jones (jones) ('Jones added'), not to Anna Smith "
            "(smith) (quote-wrong-speaker)") in r.stdout


def test_a_reporting_clause_before_the_excerpt_names_the_speaker(workspace: Path):
    text = "The minister spoke after the vote.\n\nJones said: “We have the numbers. The bill will pass.”\n"
    verdicts, rules = _run(workspace, text, _fact("jones", "The bill will pass", "The bill will pass", "jones"),
                           _fact("smith", "The bill will pass", "The bill will pass", "smith"))
    assert verdicts == {"jones": "verified", "smith": "refuted"}


@pytest.mark.parametrize("who", [
    "said an aide to Jones", "an aide to Jones said", "a spokesperson said", "officials said",
    "said Jones's spokesman", "senior officials close to the talks said", "a Kremlin spokesman said",
    "a Jones aide said", "diplomats in Brussels said",
])
def test_someone_described_who_is_not_the_speaker_is_the_wrong_speaker(workspace: Path, who: str):
    text = f"The talks ended late on Tuesday. “Not yet,” {who}."
    verdicts, rules = _run(workspace, text, _fact("smith", "Not yet", "“Not yet,”", "smith"),
                           _fact("jones", "Not yet", "“Not yet,”", "jones"))
    assert verdicts == {"smith": "refuted", "jones": "refuted"}, rules
    assert rules["smith"] == ["quote-wrong-speaker"] == rules["jones"]


@pytest.mark.parametrize(("who", "speaker"), [
    ("said the minister", "jones"),  # may be the Minister of Trade
    ("said the president", "xi-jinping"),  # President of China
    ("the Chinese president said", "xi-jinping"),
    ("a Kremlin spokesman said", "kremlin"),  # a spokesman may speak for the Kremlin
    ("a spokesman for the Kremlin said", "kremlin"),
    ("it said", "smith"),
    ("it said in a statement", "kremlin"),
])
def test_a_description_that_may_be_the_speaker_leaves_it_unconfirmed(workspace: Path, who: str, speaker: str):
    text = f"The talks ended late on Tuesday. “Not yet,” {who}."
    verdicts, rules = _run(workspace, text, _fact(speaker, "Not yet", "“Not yet,”"))
    assert verdicts == {"q": "speaker-unconfirmed"}
    assert rules["q"] == ["quote-attribution-unresolved"]


def test_a_description_that_names_what_the_speaker_is_not_is_the_wrong_speaker(workspace: Path):
    text = "Macron met Xi in Beijing. “We are ready,” the Chinese leader said."
    verdicts, rules = _run(workspace, text, _fact("emmanuel-macron", "We are ready", "“We are ready,”", "macron"),
                           _fact("xi-jinping", "We are ready", "“We are ready,”", "xi"))
    assert verdicts == {"macron": "refuted", "xi": "speaker-unconfirmed"}


def test_a_pronoun_resolves_to_the_nearest_sentences_subject_in_the_source(workspace: Path):
    text = ("Jones met the press on Monday. Smith spoke to the chamber on Tuesday and took questions.\n\n"
            "“We will not give in,” she said.\n")
    verdicts, _ = _run(workspace, text, _fact("smith", "We will not give in", "“We will not give in,” she said.", "a"),
                       _fact("jones", "We will not give in", "“We will not give in,” she said.", "b"))
    assert verdicts == {"a": "verified", "b": "refuted"}


def test_unconfirmed_is_its_own_verdict_everywhere_a_user_meets_it(workspace: Path):
    text = "The talks ended late on Tuesday. “Not yet,” it said. Jones said: “A deal is close.”"
    _run(workspace, text, _fact("smith", "Not yet", "“Not yet,” it said.", "unconfirmed"),
         _fact("jones", "A deal is close", "A deal is close", "verified"))
    r = run_cli("validate", "--root", str(workspace), "--format", "json")
    assert r.returncode == 0, r.stdout  # a warning, not an error: CI passes
    doc = json.loads(r.stdout)
    verdicts = {f["id"]: f["verdict"] for f in doc["facts"]}
    assert verdicts == {"s/unconfirmed": "speaker-unconfirmed", "s/verified": "verified"}
    cited = {f["id"]: f["citations"][0]["verdict"] for f in doc["facts"]}
    assert cited == {"s/unconfirmed": "speaker-unconfirmed", "s/verified": "supports"}
    assert doc["stats"]["verified"] == 1 and doc["stats"]["speaker_unconfirmed"] == 1
    r = run_cli("validate", "--root", str(workspace))
    assert "2 facts, 1 verified, 1 speaker-unconfirmed, 2 citations" in r.stdout
    r = run_cli("validate", "--root", str(workspace), "--format", "github", env={"GITHUB_STEP_SUMMARY": ""})
    assert "1 speaker-unconfirmed" in r.stdout
    r = run_cli("validate", "--root", str(workspace), "--format", "sarif")
    assert json.loads(r.stdout)["runs"][0]["properties"]["stats"]["speaker_unconfirmed"] == 1
    assert run_cli("validate", "--root", str(workspace), "--strict").returncode == 1


def test_the_site_names_the_verdict_for_readers(workspace: Path):
    text = "The talks ended late on Tuesday. “Not yet,” it said. Jones said: “A deal is close.”"
    _run(workspace, text, _fact("smith", "Not yet", "“Not yet,” it said.", "unconfirmed"),
         _fact("jones", "A deal is close", "A deal is close", "verified"))
    ws = load_workspace(workspace)
    rendered = render(ws, validate(ws), workspace)
    sheet = rendered.files["sheets/s.md"].decode()
    # The badges (render/verdicts.py): the unconfirmed quote in words and in the caveat style, the other verified.
    assert sheet.count("[Quoted — speaker not confirmed](../how-to-read.md#speaker-unconfirmed){ .fs-verdict .fs-v-caveat") == 1
    assert "[Verified](../how-to-read.md#verified){ .fs-verdict .fs-v-ok" in sheet
    report_page = rendered.files["verification.md"].decode()
    assert "1 verified, 1 quoted with the speaker not confirmed by the source" in report_page
    css = next(data for path, data in rendered.files.items() if path.endswith("factsheet.css")).decode()
    assert ".fs-v-caveat" in css


def test_example_quotes_are_never_verified_without_a_confirmed_speaker():
    from tests.conftest import REPO
    report = validate(load_workspace(REPO))
    for fact in report.facts:
        unresolved = any(f.rule == "quote-attribution-unresolved" for c in fact.citations for f in c.findings)
        assert (fact.verdict.value == "speaker-unconfirmed") == unresolved, fact.id


# ---------------------------------------------------------------- house styles (issue 11)

ALBANESE = """
anthony-albanese:
  name: Anthony Albanese
  aliases: [Albanese]
  role: Prime Minister of Australia
"""

TRANSCRIPT = (
    "PRIME MINISTER: Thanks everyone. We are investing $5 million in flood defences this year.\n\n"
    "QUESTION: Prime Minister, is $5 million enough when councils asked for ten?\n\n"
    "PRIME MINISTER: It is a start, and we will do more.\n\n"
    "It will not be the last word either.\n\n"
    "MR JONES: The opposition will hold them to it.\n"
)


def _with_albanese(root: Path) -> None:
    write_yaml(root, "facts/people.yml", PEOPLE + ALBANESE)


def _run_people(root: Path, text: str, *facts: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    write_source(root, "src", text, published="2024-05-02")
    _with_albanese(root)
    (root / "facts" / "s.yml").write_text("title: S\nfacts:\n" + "".join(facts), encoding="utf-8")
    report = validate(load_workspace(root))
    rules: dict[str, list[str]] = {}
    for f in report.findings:
        if f.fact:
            rules.setdefault(f.fact.split("/")[1], []).append(f.rule)
    return {f.fact.id: f.verdict.value for f in report.facts}, rules


def test_transcript_speaker_labels_give_each_turn_its_speaker(workspace: Path):
    verdicts, rules = _run_people(
        workspace, TRANSCRIPT,
        _fact("anthony-albanese", "We are investing $5 million in flood defences", "We are investing $5 million "
              "in flood defences this year.", "pm-opening"),
        _fact("anthony-albanese", "is $5 million enough when councils asked for ten",
              "QUESTION: Prime Minister, is $5 million enough when councils asked for ten?", "question-as-pm"),
        _fact("anthony-albanese", "It is a start", "It is a start", "pm-answer"),
        _fact("anthony-albanese", "It will not be the last word", "It will not be the last word", "pm-turn-runs-on"),
        _fact("jones", "The opposition will hold them to it", "The opposition will hold them to it", "jones"),
        _fact("anthony-albanese", "The opposition will hold them to it", "MR JONES: The opposition will hold them "
              "to it.", "jones-as-pm"),
    )
    assert verdicts == {"pm-opening": "verified", "question-as-pm": "refuted", "pm-answer": "verified",
                        "pm-turn-runs-on": "verified", "jones": "verified", "jones-as-pm": "refuted"}, rules
    assert rules["question-as-pm"] == ["quote-wrong-speaker"]


def test_the_questioners_words_given_to_the_prime_minister_fail_in_the_cli(workspace: Path):
    _run_people(workspace, TRANSCRIPT, _fact("anthony-albanese", "is $5 million enough",
                                             "is $5 million enough", "q"))
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 1
    assert "gives \"is $5 million enough\" to 'QUESTION' ('QUESTION:'), who is not Anthony Albanese" in r.stdout


def test_one_label_is_no_transcript():
    # A dateline is no speaker: with one label, unquoted words are narrative.
    from generator.matchers.people import PeopleIndex
    from generator.validation.attribution import SourceSpeakers
    one = SourceSpeakers("CANBERRA: The government will spend $5 million.\n", PeopleIndex())
    assert one.turns == [] and not one.is_quotation(10, 40)
    two = SourceSpeakers(TRANSCRIPT, PeopleIndex())
    assert [TRANSCRIPT[t.label_start:t.label_end] for t in two.turns] == [
        "PRIME MINISTER", "QUESTION", "PRIME MINISTER", "MR JONES"]


HOME = (
    "The deal was signed in Canberra on Tuesday after two years of talks.\n\n"
    "Jones, the Trade Minister, said:\n\n"
    "“This agreement opens markets for our farmers.”\n\n"
    "“It will take time to see the benefits.”\n\n"
    "Smith tells the ABC the deal was rushed.\n\n"
    "“Nobody asked the farmers.”\n\n"
    "Smith says the signing was “theatre”.\n\n"
    "“People should see the small print.”\n\n"
    "“We were not consulted,” she said. “Not once.”\n"
)


@pytest.mark.parametrize(("quote", "speaker", "other"), [
    ("This agreement opens markets for our farmers", "jones", "smith"),  # "X, the Trade Minister, said:" ¶ "…"
    ("It will take time to see the benefits", "jones", "smith"),  # the quotation paragraph after that one
    ("Nobody asked the farmers", "smith", "jones"),  # a quotation paragraph after "X tells the ABC"
    ("People should see the small print", "smith", "jones"),  # a quotation paragraph after "X says"
    ("Not once", "smith", "jones"),  # the second half of a split quotation
])
def test_house_styles_give_quotation_paragraphs_their_speaker(workspace: Path, quote: str, speaker: str,
                                                              other: str):
    verdicts, rules = _run(workspace, HOME, _fact(speaker, quote, quote, "right"), _fact(other, quote, quote, "wrong"))
    assert verdicts == {"right": "verified", "wrong": "refuted"}, rules


def test_a_quotation_paragraph_after_something_else_stays_unconfirmed(workspace: Path):
    text = "Smith said the deal was rushed. Jones arrived later.\n\n“Nobody asked the farmers.”\n"
    verdicts, rules = _run(workspace, text, _fact("smith", "Nobody asked the farmers", "Nobody asked the farmers"))
    assert verdicts == {"q": "speaker-unconfirmed"}, rules


PRESS_RELEASE = (
    "The minister announced today that the government is providing $5 million for flood defences.\n\n"
    "Flood defences will be built in 12 towns by June.\n\n"
    "We will not leave these towns behind, Jones said.\n\n"
    "Jones said: The money is there.\n"
)


@pytest.mark.parametrize(("quote", "expected"), [
    ("the government is providing $5 million for flood defences", "refuted"),  # indirect speech
    ("Flood defences will be built in 12 towns", "refuted"),  # narrative
    ("We will not leave these towns behind", "verified"),  # direct speech: "…, Jones said"
    ("The money is there", "verified"),  # "Jones said: …"
])
def test_a_press_release_without_quotation_marks(workspace: Path, quote: str, expected: str):
    verdicts, rules = _run(workspace, PRESS_RELEASE, _fact("jones", quote, quote))
    assert verdicts == {"q": expected}, rules
    if expected == "refuted":
        assert rules["q"] == ["quote-not-found"]


def test_indirect_speech_is_not_a_quotation_in_the_cli(workspace: Path):
    _run(workspace, PRESS_RELEASE, _fact("jones", "the government is providing $5 million", "The minister "
                                         "announced today that the government is providing $5 million"))
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 1
    assert "are narrative in the source, not a quotation" in r.stdout and "(quote-not-found)" in r.stdout


def test_a_stray_mark_earlier_in_the_source_does_not_hide_the_reporting_clause(workspace: Path):
    # As in a BBC text: an unmatched mark after "exports" pairs the source's later marks wrongly; the
    # excerpt shows the quotation whole between its own marks, and that is how it is read.
    text = ('The office said "early action" was needed. Lack of uniformity can hinder exports", An EU '
            'spokesman dismissed the complaint. "We think the case is very weak," said Smith. It could take '
            'months.\n')
    cited = '"We think the case is very weak," said Smith'
    verdicts, rules = _run(workspace, text, _fact("smith", "We think the case is very weak", cited, "smith"),
                           _fact("jones", "We think the case is very weak", cited, "jones"))
    assert verdicts == {"smith": "verified", "jones": "refuted"}, rules


def test_accepting_the_unresolved_warning_never_makes_the_fact_verified(workspace: Path):
    text = "The talks ended late on Tuesday. “Not yet,” it said."
    write_source(workspace, "src", text, published="2024-05-02")
    write_yaml(workspace, "facts/people.yml", PEOPLE)
    write_yaml(workspace, "facts/s.yml", """
        title: S
        facts:
          - id: q
            claim: Smith said not yet.
            quote: {speaker: smith, text: "Not yet"}
            sources:
              - source: src
                excerpt: "“Not yet,” it said."
                accept: [quote-attribution-unresolved]
        """)
    r = run_cli("validate", "--root", str(workspace), "--strict", "--format", "json")
    doc = json.loads(r.stdout)
    assert r.returncode == 0 and doc["facts"][0]["verdict"] == "speaker-unconfirmed"


def test_cite_offers_the_speaker_the_source_gives_not_the_one_the_excerpt_suggests(workspace: Path):
    _run(workspace, TALKS)
    r = run_cli("cite", "src", "Smith said the talks went well. “A deal is close,”", cwd=workspace)
    assert r.returncode == 0, r.stderr
    assert '#   quote "A deal is close" → quote: {speaker: jones, text: "A deal is close"}   (Jones added)' in r.stdout


HANSARD = (
    "Mr Speaker: Order. I call the Leader of the Opposition.\n\n"
    "Sir Keir Starmer (Holborn and St Pancras) (Lab): Will the Prime Minister admit that waiting lists are at "
    "a record high?\n\n"
    "The Prime Minister (Rishi Sunak): Waiting lists are falling for the longest waits.\n\n"
    "The figures published today show it.\n"
)
MPS = """
keir-starmer:
  name: Keir Starmer
  aliases: [Starmer]
rishi-sunak:
  name: Rishi Sunak
  aliases: [Sunak]
  role: Prime Minister of the United Kingdom
"""


@pytest.mark.parametrize(("quote", "speaker", "other"), [
    ("waiting lists are at a record high", "keir-starmer", "rishi-sunak"),
    ("Waiting lists are falling for the longest waits", "rishi-sunak", "keir-starmer"),
    ("The figures published today show it", "rishi-sunak", "keir-starmer"),  # the turn runs on
])
def test_parliamentary_speaker_headings_give_each_speech_its_member(workspace: Path, quote: str, speaker: str,
                                                                    other: str):
    write_source(workspace, "src", HANSARD, published="2024-05-02")
    write_yaml(workspace, "facts/people.yml", MPS)
    (workspace / "facts" / "s.yml").write_text(
        "title: S\nfacts:\n" + _fact(speaker, quote, quote, "right") + _fact(other, quote, quote, "wrong"),
        encoding="utf-8")
    report = validate(load_workspace(workspace))
    assert {f.fact.id: f.verdict.value for f in report.facts} == {"right": "verified", "wrong": "refuted"}, [
        f.message for f in report.findings]


@pytest.mark.parametrize("speaker, ok", [("jones", True), ("smith", False)])
def test_words_relayed_by_quoting_someone_are_that_persons(workspace, speaker, ok):
    """"Smith, quoting Jones, said": Jones's words, relayed by Smith."""
    write_source(workspace, "s", "\u201cWe will never give up,\u201d Smith, quoting Jones, said.\n")
    write_yaml(workspace, "facts/people.yml", "smith: {name: Anna Smith, aliases: [Smith]}\n"
                                              "jones: {name: Tom Jones, aliases: [Jones]}\n")
    write_yaml(workspace, "facts/q.yml", f"""
        title: Q
        facts:
          - id: q
            claim: Someone said "We will never give up".
            quote: {{speaker: {speaker}, text: "We will never give up"}}
            sources: [{{source: s, excerpt: "\u201cWe will never give up,\u201d"}}]
        """)
    r = run_cli("validate", "--root", str(workspace))
    assert (r.returncode == 0) is ok, r.stdout
    if not ok:
        assert "to Tom Jones (jones) ('quoting Jones')" in r.stdout and "(quote-wrong-speaker)" in r.stdout
