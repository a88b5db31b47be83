"""Binding by place (issue 11): in "412 in the north, 96 in the south" a number proves only what it is
bound to. A claim that puts a number in a place the excerpt gives another number is refused; a number
bound to no place, or to the claim's, concludes nothing."""

from __future__ import annotations

import pytest

from generator.matchers.binding import bound_place, places_in
from generator.matchers.numbers import find_numbers
from tests.conftest import run_cli, write_source, write_yaml

WIRE = "Officials counted 412 attacks in the north, 96 in the south. In Kharkiv, 30 shelters opened.\n"


@pytest.mark.parametrize("text, bound", [
    ("412 in the north, 96 in the south", [("412", "north"), ("96", "south")]),
    ("96 attacks were recorded in the South-East and 4 in Kharkiv", [("96", "southeast"), ("4", "Kharkiv")]),
    ("killed 96 people in attacks in the south east", [("96", "southeast")]),
    ("In the north 412 died", [("412", None)]),  # a place before the number binds nothing
    ("412 died, in the north", [("412", None)]),  # a comma ends the clause
    ("96 in southern Ukraine", [("96", None)]),  # a place it cannot read: nothing concluded
    ("96 people were killed during many weeks of attacks in the south", [("96", None)]),  # too far: unbound
])
def test_a_number_is_bound_to_the_place_after_it_in_its_clause(text, bound):
    assert [(str(n.value), bound_place(text, n.end)) for n in find_numbers(text)] == bound


def test_places_a_claim_names():
    assert places_in("Attacks rose in the North-East and across Kharkiv Oblast.") == ["northeast", "Kharkiv Oblast"]


def _sheet(workspace, claim: str, value: int) -> None:
    write_source(workspace, "wire", WIRE, published="2023-05-09")
    write_yaml(workspace, "facts/attacks.yml", f"""
        title: Attacks
        facts:
          - id: attacks
            claim: {claim}
            figure: {{value: {value}}}
            sources:
              - source: wire
                excerpt: "412 attacks in the north, 96 in the south"
        """)


@pytest.mark.parametrize("claim, value", [
    ("Officials counted 96 attacks in the south.", 96),
    ("Officials counted 412 attacks in the north.", 412),
    ("Officials counted 96 attacks.", 96),  # no place: nothing to bind
])
def test_a_number_in_its_own_place_passes(workspace, claim, value):
    _sheet(workspace, claim, value)
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "claim-place-mismatch" not in r.stdout


def test_a_number_put_in_the_other_place_is_refused(workspace):
    _sheet(workspace, "Officials counted 96 attacks in the north.", 96)
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 1
    assert ("facts/attacks.yml:4:12: [error] the claim puts 96 in the north, but the excerpt binds 96 to "
            "the south (\"96 in the south\") and the north to 412 (\"412 attacks in the north\") "
            "(claim-place-mismatch)") in r.stdout


def test_a_figure_whose_claim_names_the_other_place_is_refused(workspace):
    _sheet(workspace, "Most attacks were counted in the north.", 96)
    r = run_cli("validate", "--root", str(workspace))
    assert r.returncode == 1
    assert "the claim puts the figure (96) in the north" in r.stdout and "(claim-place-mismatch)" in r.stdout
