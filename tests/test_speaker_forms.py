"""Speaker labels and headings as a specification (generator/matchers/headings.py SPEAKER_FORMS): each
form's examples are read, its counter-examples are not; and the house styles of the held-out set's
transcripts, on their own sentences (tests/eval/heldout): the Congressional Record's `Mr. KELLY.`, a
republished Dáil record's member lines, a press conference's name heading, and `offered the following
prayer:`. Each true speaker is accepted and another speaker refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.matchers.headings import SPEAKER_FORMS, speaker_labels
from tests.conftest import run_cli, write_quote_fact

def _expect(workspace: Path, expect: str) -> None:
    """Validate ``workspace`` and check the quote fact's outcome: "verified", "wrong" (another speaker)
    or "narrative" (no one's words)."""
    r = run_cli("validate", "--root", str(workspace))
    if expect == "verified":
        assert r.returncode == 0 and "1 verified, 0 speaker-unconfirmed" in r.stdout, r.stdout
    elif expect == "wrong":
        assert r.returncode == 1 and "(quote-wrong-speaker)" in r.stdout, r.stdout
    else:
        assert r.returncode == 1 and "(quote-not-found)" in r.stdout and "narrative" in r.stdout, r.stdout


EXAMPLES = [(f.name, text, label) for f in SPEAKER_FORMS for text, label in f.examples]
COUNTER = [(f.name, text) for f in SPEAKER_FORMS for text, _ in f.counter]


@pytest.mark.parametrize("name, text, label", EXAMPLES)
def test_each_form_reads_its_examples(name, text, label):
    form = next(f for f in SPEAKER_FORMS if f.name == name)
    assert [m["label"] for m in form.labels(text)] == [label]


@pytest.mark.parametrize("name, text", COUNTER)
def test_each_form_leaves_its_counter_examples(name, text):
    form = next(f for f in SPEAKER_FORMS if f.name == name)
    assert form.labels(text) == []


def test_one_label_makes_a_transcript_only_in_a_form_no_other_text_writes():
    assert speaker_labels("  Mr. KELLY. Mr. President, what are we doing here?\n")[1]
    assert not speaker_labels("BEIJING: Xi Jinping said on Monday that talks would go on.\n")[1]
    assert speaker_labels("MR PRICE: Good afternoon.\n\nQUESTION: Thank you.\n")[1]


# The Congressional Record, 28 June 2025 (S3663): one label, the speech in indented paragraphs.
CREC = (
    "                                 H.R. 1\n\n"
    "  Mr. KELLY. Mr. President, what are we doing here? Seriously. I am \n"
    "still waiting for somebody to tell me how this makes sense.\n"
    "  I can still picture my mom sitting at the kitchen table trying to \n"
    "figure out which bills to pay.\n"
    "  The PRESIDING OFFICER. The Senator from Utah.\n"
    "  Mr. LEE. Mr. President, I rise today in support of the bill.\n")
CREC_PEOPLE = """
mark-kelly: {name: Mark Kelly, aliases: [Kelly, Mr. KELLY]}
mike-lee: {name: Mike Lee, aliases: [Lee, Mr. LEE]}
"""


# Dáil Éireann, 1 June 2016, as KildareStreet.com republishes it: a photograph's caption run into each
# member's name, the constituency and party in brackets, a link line, then the words.
DAIL = (
    "Dáil debates\n\nWednesday, 1 June 2016\n\n"
    "Photo of Seán Ó FearghaílSeán Ó Fearghaíl (Kildare South, Ceann Comhairle)\n"
    "Link to this: Individually | In context | Oireachtas source\n\n"
    "We will now take Leaders' Questions under Standing Order 29. I call Deputy Micheál Martin.\n\n"
    "Photo of Micheál MartinMicheál Martin (Cork South Central, Fianna Fail)\n"
    "Link to this: Individually | In context | Oireachtas source\n\n"
    "Again this week we have had a very tragic situation. I refer to the deaths of two babies in the same "
    "maternity unit in the space of a week.\n")
DAIL_PEOPLE = """
micheal-martin: {name: Micheál Martin, aliases: [Martin, Deputy Micheál Martin]}
sean-o-fearghail: {name: Seán Ó Fearghaíl, aliases: [Ceann Comhairle]}
"""


# The Reserve Bank of Australia's media conference, 18 February 2025: the Governor's name alone on a
# line, then her opening statement with no quotation marks.
RBA = (
    "Media Conference Monetary Policy Decision\n\nTranscript\n\nMichele Bullock\n\n"
    "Good afternoon. Thank you all for coming. As you know the Board decided today to cut the cash rate.\n\n"
    "The cash rate has been at 4.35% since November 2023. Recent data suggests it has eased a bit more.\n\n"
    "I have said many times we need to see inflation moving sustainably towards our target band.\n\n"
    "Question\n\nWill the Board cut again in April, and why now?\n")
RBA_PEOPLE = """
michele-bullock: {name: Michele Bullock, aliases: [Bullock]}
jim-chalmers: {name: Jim Chalmers, aliases: [Chalmers]}
"""


def test_a_byline_is_no_heading(workspace: Path):
    """A news story's author alone on a line does not make the story's narrative their words."""
    text = ("Talks resume in Geneva\n\nJane Reporter\n\n"
            "Negotiators met again on Monday to discuss the ceasefire terms.\n\n"
            "Officials expect a second round of talks next week.\n")
    write_quote_fact(workspace, text, "jane-reporter: {name: Jane Reporter}\n", "jane-reporter",
                     "Officials expect a second round of talks next week.")
    _expect(workspace, "narrative")


# The Congressional Record (bound), 9 February 2009: the opening prayer.
PRAYER = (
    "                    SENATE--Monday, February 9, 2009\n\n"
    "  The Senate met at 1 p.m. and was called to order by the Honorable \n"
    "Barbara Boxer, a Senator from the State of California.\n\n"
    "  The Chaplain, Dr. Barry C. Black, offered the following prayer:\n"
    "  Let us pray.\n"
    "  O Lord, as our lips are open in prayer, so may our hearts be open to \n"
    "receive Your spirit.\n"
    "  Bless our Senators in their work. Lord, may they have much needed \n"
    "wisdom in making decisions regarding the stimulus bill.\n\n"
    "  The PRESIDING OFFICER. The clerk will please read a communication.\n")
PRAYER_PEOPLE = """
barry-black: {name: Barry C. Black, aliases: [Dr. Barry C. Black, The Chaplain]}
barbara-boxer: {name: Barbara Boxer, aliases: [Boxer]}
"""


STYLES = {  # name: (text, people, published)
    "congressional record": (CREC, CREC_PEOPLE, "2025-06-28"),
    "dail member lines": (DAIL, DAIL_PEOPLE, "2016-06-01"),
    "name heading": (RBA, RBA_PEOPLE, "2025-02-18"),
    "following prayer": (PRAYER, PRAYER_PEOPLE, "2009-02-09"),
}
STIMULUS = "may they have much needed wisdom in making decisions regarding the stimulus bill"


@pytest.mark.parametrize("style, speaker, words, expect", [
    ("congressional record", "mark-kelly", "Mr. President, what are we doing here?", "verified"),
    ("congressional record", "mark-kelly", "I can still picture my mom sitting at the kitchen table", "verified"),
    ("congressional record", "mike-lee", "I can still picture my mom sitting at the kitchen table", "wrong"),
    ("congressional record", "mark-kelly", "I rise today in support of the bill", "wrong"),
    ("dail member lines", "micheal-martin", "I refer to the deaths of two babies in the same maternity unit", "verified"),
    ("dail member lines", "sean-o-fearghail", "I refer to the deaths of two babies in the same maternity unit", "wrong"),
    ("dail member lines", "sean-o-fearghail", "We will now take Leaders' Questions under Standing Order 29.", "verified"),
    ("name heading", "michele-bullock", "we need to see inflation moving sustainably towards our target band", "verified"),
    ("name heading", "michele-bullock", "Thank you all for coming.", "verified"),  # the paragraph right below the name
    ("name heading", "jim-chalmers", "we need to see inflation moving sustainably towards our target band", "wrong"),
    # Third person, not right below the name: no one's words.
    ("name heading", "michele-bullock", "Recent data suggests it has eased a bit more.", "narrative"),
    # Below another heading: the name's turn ended.
    ("name heading", "michele-bullock", "Will the Board cut again in April, and why now?", "narrative"),
    ("following prayer", "barry-black", STIMULUS, "verified"),
    ("following prayer", "barbara-boxer", STIMULUS, "wrong"),
])
def test_each_house_style_gives_the_words_to_their_speaker(workspace: Path, style, speaker, words, expect):
    text, people, published = STYLES[style]
    write_quote_fact(workspace, text, people, speaker, words, published=published)
    _expect(workspace, expect)
