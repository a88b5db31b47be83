"""Speaker labels with no colon (issue 11): historic Hansard's headings and the White House's `Q`: the words under a heading are the
member's own, so a quotation of them is found and given to the member the heading names, and to no
one else. Sentences from the real-world set (tests/eval/real), as Hansard published them."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.matchers.headings import glued_heading_ends_at, headings
from generator.validation.edges import cuts
from tests.conftest import run_cli, write_quote_fact

# Hansard 1968 (a heading on a line of its own) and 1916/1965 (a section mark, the name run into the words).
RECORD_1968 = (
    "HC Deb 25 June 1968 vol 767 cc215-6\n5. Mr. Marten\n\nasked the Chancellor of the Exchequer what has been "
    "the number of months since October, 1964, in which Bank Rate has been at 7 per cent. or higher.\n\n"
    "Mr. Harold Lever\n\nSince October, 1964, Bank Rate has been at 7 per cent. or higher for a total of "
    "approximately 20 months.\n\nMr. Marten\n\nIs the Minister aware that Bank Rate has never been so high for so "
    "long since 1694, when records were first kept?\n\nMr. Lever\n\nI do not recall the reference to incidents of "
    "1694 in the Labour Party's election manifesto. On the other hand, our rates have to keep in line with world "
    "rates, and \"world rates\" are at a pretty high level.\n")
RECORD_1916 = (
    "\u00a7 Mr. DAVID MASONasked the Chancellor of the Exchequer the reasons for raising the rate of interest on "
    "Exchequer Bonds from 5 per cent. to 6 per cent.?\n"
    "\u00a7 Mr. McKENNAThe reason for raising the rate of interest on Three Year Exchequer Bonds was to encourage "
    "subscriptions to these bonds in preference to Treasury Bills.\n"
    "\u00a7 Mr. CallaghanI can make no statement about future changes in Bank Rate.\n")
PEOPLE = """
harold-lever: {name: Harold Lever, aliases: [Mr. Harold Lever, Mr. Lever, Lever]}
neil-marten: {name: Neil Marten, aliases: [Mr. Marten, Marten]}
reginald-mckenna: {name: Reginald McKenna, aliases: [Mr. McKENNA, McKenna]}
david-mason: {name: David Mason, aliases: [Mr. DAVID MASON]}
james-callaghan: {name: James Callaghan, aliases: [Mr. Callaghan, Callaghan]}
"""


@pytest.mark.parametrize("text, labels", [
    (RECORD_1968, ["Mr. Marten", "Mr. Harold Lever", "Mr. Marten", "Mr. Lever"]),
    (RECORD_1916, ["Mr. DAVID MASON", "Mr. McKENNA", "Mr. Callaghan"]),
    ("Mr. C. R. Hobson (Keighley)\n\nI wish to ask.\n\nThe Postmaster-General (Dr. Charles Hill)\n\nThe figure.\n"
     "\u00a7 34. Sir C. Osborneasked the Chancellor\n", ["Mr. C. R. Hobson (Keighley)",
                                                         "The Postmaster-General (Dr. Charles Hill)", "Sir C. Osborne"]),
    ("Mr. du Cann\n\nThe hon. Member is right.\n", ["Mr. du Cann"]),
    # Not headings: a sentence, a name inside a line, a title with no member named.
    ("Mr. Lever said the rate was high.\nThe Times\n\nSir Keir Starmer spoke today.\n", []),
])
def test_headings_are_read_in_both_styles(text, labels):
    assert [m["label"] for m in headings(text)] == labels


def test_a_quotation_may_start_where_a_glued_heading_ends_and_nowhere_else_inside_a_word():
    at = RECORD_1916.index("The reason")
    assert glued_heading_ends_at(RECORD_1916, at) and not cuts(RECORD_1916, at, end=False)
    at = RECORD_1916.index("I can make")
    assert not cuts(RECORD_1916, at, end=False)
    # The same run of letters outside a heading is still one word: the excerpt cuts it.
    prose = "He met Mr. McKENNAThe reason was unclear."
    assert cuts(prose, prose.index("The reason"), end=False)
    assert cuts(RECORD_1916, RECORD_1916.index("ENNAThe"), end=False)  # inside the name itself


def _sheet(workspace: Path, text: str, speaker: str, excerpt: str) -> None:
    write_quote_fact(workspace, text, PEOPLE, speaker, excerpt, published="1968-06-25", claim="A member said so.")


@pytest.mark.parametrize("text, speaker, excerpt", [
    (RECORD_1968, "harold-lever", "our rates have to keep in line with world rates"),
    (RECORD_1968, "neil-marten", "Bank Rate has never been so high for so long since 1694"),
    (RECORD_1916, "reginald-mckenna", "The reason for raising the rate of interest on Three Year Exchequer Bonds"),
    (RECORD_1916, "james-callaghan", "I can make no statement about future changes in Bank Rate."),
])
def test_the_members_words_are_theirs(workspace, text, speaker, excerpt):
    _sheet(workspace, text, speaker, excerpt)
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "1 verified, 0 speaker-unconfirmed" in r.stdout and "0 warning(s)" in r.stdout, r.stdout


@pytest.mark.parametrize("text, speaker, excerpt, heading", [
    (RECORD_1968, "neil-marten", "our rates have to keep in line with world rates", "Mr. Lever"),
    (RECORD_1968, "harold-lever", "Bank Rate has never been so high for so long since 1694", "Mr. Marten"),
    (RECORD_1916, "david-mason", "The reason for raising the rate of interest on Three Year Exchequer Bonds",
     "Mr. McKENNA"),
])
def test_the_words_given_to_another_member_are_refused(workspace, text, speaker, excerpt, heading):
    _sheet(workspace, text, speaker, excerpt)
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 1, r.stdout
    assert f"('{heading}'), not to" in r.stdout and "(quote-wrong-speaker)" in r.stdout, r.stdout


BRIEFING = (
    "MR. EARNEST:  After last night's late arrival, we're moving a little slower this morning.\n\n"
    "Q    Sure, thanks, Josh.  Let me start with the summary that was provided to President-elect Trump.\n\n"
    "MR. EARNEST:  Josh, what I can tell you is that as a general matter the President is briefed.\n")


@pytest.mark.parametrize("excerpt, ok", [
    ("what I can tell you is that as a general matter the President is briefed", True),
    ("Let me start with the summary that was provided to President-elect Trump", False),  # the reporter's
])
def test_the_white_house_questioner_is_not_the_press_secretary(workspace, excerpt, ok):
    write_quote_fact(workspace, BRIEFING, "josh-earnest: {name: Josh Earnest, aliases: [MR. EARNEST, Earnest]}\n",
                     "josh-earnest", excerpt, published="2017-01-11", claim="Earnest said so.")
    r = run_cli("validate", "--root", str(workspace))
    if ok:
        assert r.returncode == 0 and "1 verified" in r.stdout, r.stdout
    else:
        assert r.returncode == 1 and "gives \"Let me start" in r.stdout and "to 'Q' ('Q')" in r.stdout, r.stdout
