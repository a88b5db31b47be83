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
    assert sheet.count("Quoted — speaker not confirmed by the source") == 1
    assert 'class="fs-verdict fs-speaker-unconfirmed"' in sheet and "✓ Verified" in sheet
    report_page = rendered.files["verification.md"].decode()
    assert "1 verified, 1 quoted with the speaker not confirmed by the source" in report_page
    css = next(data for path, data in rendered.files.items() if path.endswith("factsheet.css")).decode()
    assert ".fs-speaker-unconfirmed" in css


def test_example_quotes_are_never_verified_without_a_confirmed_speaker():
    from tests.conftest import REPO
    report = validate(load_workspace(REPO))
    for fact in report.facts:
        unresolved = any(f.rule == "quote-attribution-unresolved" for c in fact.citations for f in c.findings)
        assert (fact.verdict.value == "speaker-unconfirmed") == unresolved, fact.id
