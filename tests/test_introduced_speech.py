"""Speech introduced by "X said:" with no quotation marks, as GOV.UK and the European Commission publish
it (issue 11): every paragraph of X's words is X's, and only X's; narrative after them is not a quotation.
Sentences from the real-world set (tests/eval/real)."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli, write_source, write_yaml

# DfE, 22 December 2022: an intro, two paragraphs of the minister's words, then narrative.
DFE = (
    "Speaking at a Holiday Activities and Food club in Guildford today, Education Secretary, Gillian Keegan, "
    "said:\n\n"
    "Giving children access to nutritious meals and fun, enriching activities over the holidays supports "
    "children's mental, physical and social development.\n\n"
    "It's fantastic to see that over half a million children benefitted from the programme over the summer, and "
    "I'm delighted to announce the continuation of the programme into 2023.\n\n"
    "The Government has also confirmed over £200m in funding for local authorities for the programme in 2023.\n")
# The European Commission's daily news: a semicolon before "said", and a title with no closing comma.
EC = (
    "Ursula von der Leyen, President of the European Commission; said: \u201cThe EU stands with Ukraine.\u201d\n\n"
    "Olivér Várhelyi, Commissioner for Neighbourhood and Enlargement said: \u201cWe keep our promise.\u201d\n")
PEOPLE = """
gillian-keegan: {name: Gillian Keegan, aliases: [Keegan], role: Education Secretary}
esther-mcvey: {name: Esther McVey, aliases: [McVey], role: Cabinet Office Minister}
ursula-von-der-leyen: {name: Ursula von der Leyen, aliases: [von der Leyen], role: President of the European Commission}
oliver-varhelyi: {name: Olivér Várhelyi, aliases: [Várhelyi], role: Commissioner for Neighbourhood and Enlargement}
"""


def _validate(workspace, text: str, speaker: str, words: str):
    write_source(workspace, "release", text, published="2022-12-22")
    write_yaml(workspace, "facts/people.yml", PEOPLE)
    write_yaml(workspace, "facts/release.yml", f"""
        title: Release
        facts:
          - id: words
            claim: It was said.
            quote: {{speaker: {speaker}, text: {words!r}}}
            sources:
              - source: release
                excerpt: {words!r}
        """)
    return run_cli("validate", "--root", str(workspace))


@pytest.mark.parametrize("text, speaker, words", [
    (DFE, "gillian-keegan", "Giving children access to nutritious meals"),  # the first paragraph
    (DFE, "gillian-keegan", "I'm delighted to announce the continuation of the programme into 2023"),  # the second
    (EC, "ursula-von-der-leyen", "The EU stands with Ukraine."),
    (EC, "oliver-varhelyi", "We keep our promise."),
])
def test_the_speakers_words_are_theirs(workspace, text, speaker, words):
    r = _validate(workspace, text, speaker, words)
    assert r.returncode == 0 and "1 verified, 0 speaker-unconfirmed" in r.stdout, r.stdout


@pytest.mark.parametrize("text, speaker, words", [
    (DFE, "esther-mcvey", "I'm delighted to announce the continuation of the programme into 2023"),
    (EC, "oliver-varhelyi", "The EU stands with Ukraine."),
    (EC, "ursula-von-der-leyen", "We keep our promise."),
])
def test_the_words_given_to_someone_else_are_refused(workspace, text, speaker, words):
    r = _validate(workspace, text, speaker, words)
    assert r.returncode == 1 and "(quote-wrong-speaker)" in r.stdout, r.stdout


def test_narrative_after_the_speakers_words_is_no_quotation(workspace):
    r = _validate(workspace, DFE, "gillian-keegan", "over £200m in funding for local authorities")
    assert r.returncode == 1 and "narrative in the source" in r.stdout and "(quote-not-found)" in r.stdout, r.stdout
