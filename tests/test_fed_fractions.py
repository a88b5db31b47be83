"""Mixed numbers in a central bank's house style, through the real CLI: the Federal Reserve writes its
target range "5-1/4 to 5-1/2 percent", an editor "5¼ to 5½ percent". Each true claim has a false twin:
a number the fractions' digits hold ("4 percent") is no number the text states, and an excerpt may not
end between a whole number and its fraction ("rose 3" of "rose 3 1/2 percent")."""

from __future__ import annotations

import pytest

from generator.validation.edges import cut_at
from tests.conftest import run_cli, write_one_fact

FOMC = ("In support of its goals, the Committee decided to maintain the target range for the federal funds "
        "rate at 5-1/4 to 5-1/2 percent. The Committee seeks to achieve maximum employment and inflation at "
        "the rate of 2 percent over the longer run. Ten-year yields rose 3 1/2 percent in the quarter.\n")
RANGE = "decided to maintain the target range for the federal funds rate at 5-1/4 to 5-1/2 percent"


@pytest.mark.parametrize("claim, value, excerpt, error", [
    ("The Committee kept the target range for the federal funds rate at 5\u00bc to 5\u00bd percent.",
     "figure: {value: 5.25, unit: percent, qualifier: at least}", RANGE, None),
    ("The Committee kept the target range for the federal funds rate at 5\u00bc to 5\u00be percent.",
     "figure: {value: 5.25, unit: percent, qualifier: at least}", RANGE, "claim-not-in-excerpt"),
    ("The Committee kept the target range at 5-1/4 to 5-1/2 percent.", "", RANGE, None),
    ("The Committee kept the target range at 4 to 5 percent.", "", RANGE, "claim-not-in-excerpt"),
    ("The top of the target range stayed at 5\u00bd percent.", "figure: {value: 5.5, unit: percent, qualifier: up to}",
     RANGE, None),
    ("The top of the target range stayed at 4 percent.", "figure: {value: 4, unit: percent, qualifier: up to}",
     RANGE, "figure-not-supported"),
    ("Ten-year yields rose 3\u00bd percent in the quarter.", "figure: {value: 3.5, unit: percent}",
     "Ten-year yields rose 3 1/2 percent in the quarter", None),
    ("Ten-year yields rose 3 percent.", "figure: {value: 3, unit: percent}",
     "Ten-year yields rose 3", "excerpt-cuts-token"),
])
def test_the_feds_mixed_numbers(workspace, claim, value, excerpt, error):
    write_one_fact(workspace, FOMC, claim, value, excerpt, published="2024-03-20")
    r = run_cli("validate", "--root", str(workspace))
    if error is None:
        assert r.returncode == 0 and " 0 warning(s)" in r.stdout, r.stdout  # percent is what both ends count
    else:
        assert r.returncode == 1 and f"({error})" in r.stdout, r.stdout


@pytest.mark.parametrize("text, at, token", [
    ("rate at 5-1/4 to 5-1/2 percent", 9, "5-1/4"),
    ("yields rose 3 1/2 percent", 13, "3 1/2"),
    ("yields rose 3\u00bd percent", 13, "3\u00bd"),
])
def test_an_excerpt_edge_keeps_a_whole_number_with_its_fraction(text, at, token):
    cut = cut_at(text, at, end=True)
    assert cut is not None and cut.token == token


@pytest.mark.parametrize("text, at", [
    ("a score of 3 4/3", 12),  # no fraction: a numerator above its denominator
    ("on 26/04/2023 3 1/2", 13),  # a date's end, then a space
    ("yields rose 3 percent", 13),
])
def test_other_spaces_after_a_number_are_edges(text, at):
    assert cut_at(text, at, end=True) is None
