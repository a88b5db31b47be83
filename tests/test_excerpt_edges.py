"""Excerpts start and end on the source's token edges; canonical Unicode forms meet.

Each class of cut on a real sentence of the example sources (or the seeds), through the real
validator and the real CLI: a number, an amount, a date, a qualified figure, a word, a
hyphenated name, a character with its combining mark. Then what is *not* a cut.
"""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from generator.findings import Severity
from generator.loading import load_workspace
from generator.model import Citation
from generator.normalize import fold
from generator.validation import validate
from generator.validation.edges import cut_at
from generator.validation.locate import Located, locate
from generator.validation.results import FactVerdict
from tests.conftest import REPO, run_cli, write_source, write_yaml

AIRBUS = "Chinese and French business leaders inked several deals, including the sale of 160 Airbus aircraft."
THREATS = "welcomed China’s statements labeling nuclear threats unacceptable."
BELOVA = ("Russia’s commissioner for children’s rights, Maria Lvova-Belova, addressed a UN Security Council "
          "meeting by video link.")
FIFTY = "The remarks by Lvova-Belova were denounced by more than 50 nations in a joint statement."
CHILDREN = "The statement cites Ukraine’s data on 19,500 Ukrainian children that Russia forcibly transferred"
AID = "EU announces €3.5B in aid to Ukraine as Putin pushes for talks."
DATED = "26 April 2023 Wednesday 05:24"


def _sheet(root: Path, facts: str) -> None:
    write_yaml(root, "facts/sheet.yml", "title: Edges\nfacts:\n" + facts)


def _fact(fid: str, excerpt: str, value: str = "", source: str = "s") -> str:
    value_line = f"    {value}\n" if value else ""
    return (f"  - id: {fid}\n    claim: A claim.\n{value_line}    sources:\n"
            f"      - source: {source}\n        excerpt: {json.dumps(excerpt, ensure_ascii=False)}\n")


def _validate(root: Path):
    report = validate(load_workspace(root))
    verdicts = {f.fact.id: f.verdict for f in report.facts}
    rules = {f.fact.split("/")[1]: [] for f in report.findings if f.fact}
    for f in report.findings:
        if f.fact:
            rules[f.fact.split("/")[1]].append((f.rule, f.message))
    return verdicts, rules


# --- each class of cut, on real sentences --------------------------------------------------

CUTS = [
    # (source text, excerpt, value line, the token named)
    (AIRBUS, "60 Airbus aircraft", "figure: {value: 60, unit: aircraft}", "starts inside \"160\""),
    (AIRBUS, "the sale of 16", "figure: {value: 16}", "ends inside \"160\""),
    (CHILDREN, "9,500 Ukrainian children", "figure: {value: 9500, unit: children}", "starts inside \"19,500\""),
    (CHILDREN, "data on 19,5", "figure: {value: 19.5}", "ends inside \"19,500\""),
    (CHILDREN, "500 Ukrainian children", "figure: {value: 500, unit: children}", "starts inside \"19,500\""),
    (AID, "5B in aid to Ukraine", "money: {value: 5 billion, currency: EUR}", "starts inside \"3.5B\""),
    (AID, "EU announces €3", "money: {value: 3, currency: EUR}", "ends inside \"3.5B\""),
    (DATED, "6 April 2023", 'date: "2023-04-06"', "starts inside \"26\""),
    (DATED, "26 April 202", 'date: "0202-04-26"', "ends inside \"2023\""),
    (FIFTY, "more than 5", "figure: {value: 5, qualifier: more than}", "ends inside \"50\""),
    (FIFTY, "0 nations", "figure: {value: 0, unit: nations}", "starts inside \"50\""),
    (THREATS, "acceptable.", "", "starts inside \"unacceptable\""),
    (THREATS, "labeling nuclear threats unaccept", "", "ends inside \"unacceptable\""),
    (BELOVA, "Belova, addressed a UN Security Council meeting", "", "starts inside \"Lvova-Belova\""),
    (BELOVA, "Maria Lvova", "", "ends inside \"Lvova-Belova\""),
    (BELOVA, "s commissioner for children", "", "starts inside \"Russia’s\""),
]


@pytest.mark.parametrize("text, excerpt, value, named", CUTS, ids=[c[1] for c in CUTS])
def test_a_cut_inside_a_token_is_an_error_naming_the_token(workspace: Path, text, excerpt, value, named) -> None:
    write_source(workspace, "s", text + "\n", published="2023-04-26")
    _sheet(workspace, _fact("cut", excerpt, value))
    verdicts, rules = _validate(workspace)
    assert verdicts["cut"] is not FactVerdict.VERIFIED
    assert [r for r, _ in rules["cut"] if r == "excerpt-cuts-token"] == ["excerpt-cuts-token"]
    message = next(m for r, m in rules["cut"] if r == "excerpt-cuts-token")
    assert named in message and "cite the whole" in message


def test_the_cli_names_the_token_the_rule_and_the_whole_excerpt(workspace: Path) -> None:
    write_source(workspace, "day-407", AIRBUS + "\n")
    _sheet(workspace, _fact("airbus", "60 Airbus aircraft", "figure: {value: 60, unit: aircraft}", "day-407"))
    r = run_cli("validate", cwd=workspace)
    assert r.returncode == 1
    line = next(x for x in r.stdout.splitlines() if "excerpt-cuts-token" in x)
    assert line.startswith("facts/sheet.yml:8:18: [error] [day-407] the excerpt starts inside \"160\" (line 1): "
                           "cite the whole number, e.g. excerpt: \"160 Airbus aircraft\" (excerpt-cuts-token)"), line


def test_the_whole_tokens_are_verified(workspace: Path) -> None:
    write_source(workspace, "s", "\n\n".join([AIRBUS, CHILDREN, AID, DATED, FIFTY, THREATS, BELOVA]) + "\n",
                 published="2023-04-26")
    _sheet(workspace, "".join([
        _fact("a", "160 Airbus aircraft", "figure: {value: 160, unit: aircraft}"),
        _fact("b", "19,500 Ukrainian children", "figure: {value: 19500, unit: children}"),
        _fact("c", "€3.5B in aid", "money: {value: 3.5 billion, currency: EUR}"),
        _fact("d", "26 April 2023", 'date: "2023-04-26"'),
        _fact("e", "more than 50 nations", "figure: {value: 50, qualifier: more than, unit: nations}"),
        _fact("f", "nuclear threats unacceptable.", ""),
        _fact("g", "Maria Lvova-Belova, addressed a UN Security Council meeting", ""),
    ]))
    verdicts, rules = _validate(workspace)
    assert set(verdicts.values()) == {FactVerdict.VERIFIED}, rules


# --- what is not a cut ---------------------------------------------------------------------

NOT_CUTS = [
    (AIRBUS, "160 Airbus aircraft"),  # ends before the sentence's full stop
    (AIRBUS, "aircraft."),  # ends at the sentence's end
    ("“Peace talks should be resumed as soon as possible,” he said.", "Peace talks should be resumed"),
    ("Xi (the Chinese leader) spoke.", "the Chinese leader"),  # inside brackets
    (THREATS, "China"),  # before a possessive 's: the name is whole
    ("the children's rights", "the children"),
    (CHILDREN, "Ukraine"),
    ("officials hailed the Russia-Ukraine talks", "officials hailed the Russia-Ukraine talks"),
    (AID, "€3.5B"),  # a currency symbol is not part of the number
    (AID, "3.5B in aid"),
    ("growth of 50% in a year", "growth of 50"),  # before a symbol
    ("the war — saying that", "the war"),  # an em dash is punctuation, even unspaced
    ("the war—saying that", "the war"),
    ("the U.S. and Russia", "the U.S"),  # letters and points are not joined
    ("in 2021. 15 territories", "15 territories"),
    ("中国人民银行", "人民"),  # no spaces in Chinese: every character is a token
]


@pytest.mark.parametrize("text, excerpt", NOT_CUTS, ids=[c[1] for c in NOT_CUTS])
def test_edges_that_are_not_cuts(text: str, excerpt: str) -> None:
    where = locate(Citation(source="s", excerpt=excerpt), fold(text))
    assert isinstance(where, Located), where


MORE_CUTS = [
    ("they can't go", "they can"),  # a negation is not a clitic: "can" of "can't" is a cut
    ("they won’t go", "they won"),
    ("the O'Brien report", "Brien report"),
    ("it's children's", "'s"),  # starting at the clitic is a cut
    ("about 19 500 people", "500 people"),  # space-grouped digits are one number
    ("about 19 500 people", "about 19"),
    ("it fell to -5 degrees", "5 degrees"),  # the sign belongs to the number
    ("a rate of .5 percent", "5 percent"),
    ("dated 26/04/2023 here", "04/2023"),
    ("at 05:24 Kyiv time", "24 Kyiv time"),
    ("the 36-hour truce", "hour truce"),
    ("in the 2021–22 season", "22 season"),  # an en dash between digits joins a range
    ("on Xi’s 69th birthday", "9th birthday"),
    ("on Xi’s 69th birthday", "Xi’s 69"),
    ("flags 🇫🇷🇺🇦 flew", "🇺🇦 flew"[1:]),  # between a flag's two regional indicators
]


@pytest.mark.parametrize("text, excerpt", MORE_CUTS, ids=[c[1] for c in MORE_CUTS])
def test_more_cuts(text: str, excerpt: str) -> None:
    where = locate(Citation(source="s", excerpt=excerpt), fold(text))
    assert not isinstance(where, Located) and where.rule == "excerpt-cuts-token", where


# --- combining sequences and canonical equivalence ----------------------------------------

ELYSEE = "Macron returned to the Élysée Palace after a state visit, the French presidency said."


def test_nfc_excerpt_of_an_nfd_source_and_back_are_verified(workspace: Path) -> None:
    nfd, nfc = unicodedata.normalize("NFD", ELYSEE), unicodedata.normalize("NFC", ELYSEE)
    write_source(workspace, "nfd", nfd + "\n")
    write_source(workspace, "nfc", nfc + "\n")
    _sheet(workspace, _fact("a", "returned to the Élysée Palace", "", "nfd")
           + _fact("b", unicodedata.normalize("NFD", "returned to the Élysée Palace"), "", "nfc"))
    verdicts, rules = _validate(workspace)
    assert verdicts == {"a": FactVerdict.VERIFIED, "b": FactVerdict.VERIFIED}, rules
    report = validate(load_workspace(workspace))
    a = report.facts[0].citations[0]
    assert nfd[a.start:a.end] == unicodedata.normalize("NFD", "returned to the Élysée Palace")


def test_cli_verifies_an_nfc_excerpt_of_an_nfd_source(workspace: Path) -> None:
    write_source(workspace, "nfd", unicodedata.normalize("NFD", ELYSEE) + "\n")
    _sheet(workspace, _fact("a", "the Élysée Palace", "", "nfd"))
    r = run_cli("validate", cwd=workspace)
    assert r.returncode == 0, r.stdout
    assert "1 facts, 1 verified" in r.stdout


@pytest.mark.parametrize("excerpt, named", [
    ("returned to the E", "ends inside \"Élysée\""),  # before the accent of a decomposed "É"
    ("the Élyse", "ends inside \"Élysée\""),  # before the accent of its last "é"
])
def test_a_cut_before_a_combining_accent_is_a_cut(workspace: Path, excerpt: str, named: str) -> None:
    write_source(workspace, "nfd", unicodedata.normalize("NFD", ELYSEE) + "\n")
    _sheet(workspace, _fact("a", excerpt, "", "nfd"))
    verdicts, rules = _validate(workspace)
    assert verdicts["a"] is not FactVerdict.VERIFIED
    assert [r for r, _ in rules["a"]] == ["excerpt-cuts-token"], rules
    message = unicodedata.normalize("NFC", rules["a"][0][1])  # the token is shown in the source's characters
    assert named in message and "cite the whole character with its marks" in message


def test_a_cut_between_a_letter_and_a_mark_nfc_keeps_apart() -> None:
    # "q" with a combining acute has no composed form: the cut is found in the source itself.
    where = locate(Citation(source="s", excerpt="the q"), fold("the q\u0301 sound"))
    assert not isinstance(where, Located) and where.rule == "excerpt-cuts-token"
    assert "the whole character with its marks" in where.message
    # ... and cutting into what NFC composes into two characters ("ẹ" of "ẹ́").
    where = locate(Citation(source="s", excerpt="x\u1eb9"), fold("x e\u0301\u0323 y".replace(" ", "", 1)))
    assert not isinstance(where, Located) and where.rule == "excerpt-cuts-token"


def test_compatibility_forms_still_differ() -> None:
    # NFC, not NFKC: "x²" is not "x2", "ﬁ" is not "fi" in what a source says.
    for text, excerpt in (("area x² here", "x2"), ("the ﬁrst time", "first")):
        where = locate(Citation(source="s", excerpt=excerpt), fold(text))
        assert not isinstance(where, Located) and where.rule == "excerpt-not-found"


# --- occurrences, prefix and suffix --------------------------------------------------------

def test_only_whole_token_occurrences_count(workspace: Path) -> None:
    text = "Of the 160 aircraft, 60 were Airbus aircraft. The 60 were delivered."
    write_source(workspace, "s", text + "\n")
    _sheet(workspace, _fact("once", "60 were Airbus", "figure: {value: 60}")
           + _fact("twice", "60 were", "figure: {value: 60}"))
    verdicts, rules = _validate(workspace)
    assert verdicts["once"] is FactVerdict.VERIFIED and rules.get("once", []) == []
    # "60 were" occurs twice as whole tokens ("160 aircraft" never counts): ambiguous, not three.
    assert [r for r, _ in rules["twice"]] == ["excerpt-ambiguous"]
    assert "occurs 2 times" in rules["twice"][0][1]
    where = locate(Citation(source="s", excerpt="60"), fold(text))
    assert isinstance(where, Located) and where.total == 2 and text[where.start - 1] == " "


def test_prefix_and_suffix_pick_among_whole_occurrences(workspace: Path) -> None:
    text = "In 2022, 60 tanks. In 2023, 160 tanks. In 2024, 60 tanks."
    folded = fold(text)
    where = locate(Citation(source="s", excerpt="60 tanks", prefix="In 2024,"), folded)
    assert isinstance(where, Located) and where.occurrences == 1 and text[where.start - 9:where.start] == "In 2024, "
    # The prefix that only fits the cut occurrence points at the cut, not at a missing context.
    where = locate(Citation(source="s", excerpt="60 tanks", prefix="In 2023, 1"), folded)
    assert not isinstance(where, Located) and where.rule == "excerpt-cuts-token"
    assert "starts inside \"160\"" in where.message
    where = locate(Citation(source="s", excerpt="60 tanks", prefix="In 2025,"), folded)
    assert not isinstance(where, Located) and where.rule == "excerpt-context-mismatch"
    assert "occurs 2 time(s)" in where.message


def test_cite_refuses_a_cut_and_counts_whole_occurrences(workspace: Path) -> None:
    write_source(workspace, "s", "Of the 160 aircraft, 60 were Airbus aircraft; 60 more came later.\n")
    r = run_cli("cite", "s", "60 aircraft", cwd=workspace)
    assert r.returncode != 0 and "excerpt-cuts-token" in r.stderr and "starts inside \"160\"" in r.stderr
    r = run_cli("cite", "s", "0 were Airbus", cwd=workspace)
    assert r.returncode != 0 and "excerpt-cuts-token" in r.stderr and "starts inside \"60\"" in r.stderr
    r = run_cli("cite", "s", "60", "--occurrence", "2", cwd=workspace)
    assert r.returncode == 0, r.stderr
    assert "occurrence 2 of 2" in r.stdout and 'suffix: "more"' in r.stdout
    r = run_cli("cite", "s", "60", "--occurrence", "3", cwd=workspace)
    assert r.returncode != 0 and "occurs 2 time(s)" in r.stderr


# --- mutations of every example citation ---------------------------------------------------

def _token_cut_mutations(excerpt: str) -> list[tuple[str, str, str]]:
    """The excerpt with its first and with its last token cut by one character, each a copy
    of the source's own characters that starts (ends) inside that token: (name, excerpt, moved)."""
    out = []
    first = next((i for i, c in enumerate(excerpt) if c.isalnum()), None)
    if first is not None and first + 1 < len(excerpt) and excerpt[first + 1].isalnum():
        out.append(("first-token", excerpt[first + 1:], excerpt[:first + 1]))
    last = next((i for i in range(len(excerpt) - 1, -1, -1) if excerpt[i].isalnum()), None)
    if last is not None and last > 0 and excerpt[last - 1].isalnum():
        out.append(("last-token", excerpt[:last], excerpt[last:]))
    return out


def test_every_example_excerpt_cut_inside_its_first_or_last_token_is_refuted(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "facts", root / "facts")
    ws = load_workspace(root)
    original = validate(ws)
    assert [f.format_text() for f in original.findings if f.severity is Severity.ERROR] == []
    # Every original stands: verified, or (for a quote the source does not attribute) speaker-unconfirmed.
    assert {f.verdict for f in original.facts} <= {FactVerdict.VERIFIED, FactVerdict.SPEAKER_UNCONFIRMED}
    mutants, labels = [], {}
    for sf in ws.sheets.values():
        for fact in sf.sheet.facts:
            for j, cit in enumerate(fact.sources):
                for name, excerpt, moved in _token_cut_mutations(cit.excerpt):
                    # The characters cut off move into prefix/suffix, so the context still fits the place.
                    update: dict[str, object] = {"excerpt": excerpt}
                    if name == "first-token" and cit.prefix:
                        update["prefix"] = cit.prefix + " " + moved if moved[0].isalnum() else cit.prefix + moved
                    if name == "last-token" and cit.suffix:
                        update["suffix"] = moved + cit.suffix
                    sources = list(fact.sources)
                    sources[j] = cit.model_copy(update=update)
                    mid = f"m{len(mutants)}"
                    labels[mid] = f"{sf.id}/{fact.id} [{name}] {excerpt!r}"
                    mutants.append(fact.model_copy(update={"id": mid, "sources": sources}))
    assert len(mutants) >= 200
    first = next(iter(ws.sheets.values()))
    from generator.loading import SheetFile
    from generator.model import Sheet
    ws.sheets = {"mutants": SheetFile("mutants", first.path, Sheet(title="m", facts=mutants), first.doc)}
    report = validate(ws)
    survivors = [labels[f.fact.id] for f in report.facts
                 if f.verdict in (FactVerdict.VERIFIED, FactVerdict.SPEAKER_UNCONFIRMED)]
    assert survivors == []
    by_fact: dict[str, set[str]] = {}
    for f in report.findings:
        by_fact.setdefault(f.fact.split("/")[1], set()).add(f.rule)
    not_cut = [labels[m] for m in labels if "excerpt-cuts-token" not in by_fact.get(m, set())]
    assert not_cut == []


def test_the_mutation_helper_cuts_inside_tokens_of_the_source() -> None:
    # Each mutant is a copy of the source's characters whose new edge lies inside a token.
    text = AIRBUS
    for name, excerpt, _ in _token_cut_mutations("the sale of 160 Airbus aircraft."):
        where = locate(Citation(source="s", excerpt=excerpt), fold(text))
        assert not isinstance(where, Located)
        start = text.index(excerpt)
        edge = start if name == "first-token" else start + len(excerpt)
        assert cut_at(text, edge, end=name == "last-token") is not None
