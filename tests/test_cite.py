"""`factsheet cite`: the citation printed is in the source's characters, picks one place, and validates."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.authoring import Refused
from generator.commands.cite import cite, render, seen_values
from generator.loading import load_workspace
from generator.matchers.people import PeopleIndex, PersonNames
from generator.model import Citation, Quote
from generator.matchers.quotes import scan_quotes
from generator.validation.locate import Located, locate
from generator.yamlsafe import load_yaml
from tests.conftest import REPO, run_cli, write_source, write_yaml

TEXT = (
    "Kyiv said on Monday that “19,500 Ukrainian children” had been taken.\n"
    "Officials in Kyiv said the talks would resume.\n"
    "Officials in Moscow said the talks would resume — later.\n"
    "In Kyiv the talks would resume, diplomats said.\n"
)


def _source(root: Path, text: str = TEXT, sid: str = "s"):
    write_source(root, sid, text, published="2023-04-26")
    return load_workspace(root).sources[sid]


def test_the_excerpt_is_copied_from_the_source_characters(workspace: Path) -> None:
    _source(workspace)
    r = run_cli("cite", "s", '"19,500 ukrainian children"', cwd=workspace)
    assert r.returncode == 0, r.stderr
    assert '        excerpt: "“19,500 Ukrainian children”"' in r.stdout
    assert r.stdout.startswith("# s, line 1\n")
    assert "prefix" not in r.stdout and "suffix" not in r.stdout


def test_line_breaks_become_spaces_and_the_citation_still_locates(workspace: Path) -> None:
    source = _source(workspace)
    found = cite(source, "had been taken. officials in kyiv")
    assert found.citation.excerpt == "had been taken. Officials in Kyiv"
    where = locate(found.citation, source.folded)
    assert isinstance(where, Located) and (where.start, where.end) == (found.start, found.end)


def test_repeated_words_get_the_shortest_prefix_or_suffix_that_picks_the_place(workspace: Path) -> None:
    source = _source(workspace, "Officials in Kyiv said the talks would resume.\n"
                                "Officials in Moscow said the talks would resume.\n"
                                "In Kyiv the talks would resume, diplomats said.\n")
    picks = {}
    for n in (1, 2, 3):
        found = cite(source, "the talks would resume", n)
        assert found.occurrences == 3 and found.occurrence == n
        c = found.citation
        where = locate(c, source.folded)
        assert isinstance(where, Located) and where.occurrences == 1 and where.start == found.start
        picks[n] = (c.prefix, c.suffix)
        # Shortest: dropping a word from either side no longer picks this place.
        for shorter in _one_word_less(c):
            w = locate(shorter, source.folded)
            assert not (isinstance(w, Located) and w.occurrences == 1 and w.start == found.start), shorter
    assert picks[1] == ("Kyiv said", None)  # 9 characters beat the suffix ". Officials"
    assert picks[2] == (None, ". In")
    assert picks[3] == (None, ",")


def _one_word_less(c: Citation) -> list[Citation]:
    out = []
    if c.prefix:
        words = c.prefix.split()[1:]
        out.append(c.model_copy(update={"prefix": " ".join(words) or None}))
    if c.suffix:
        words = c.suffix.split()[:-1]
        out.append(c.model_copy(update={"suffix": " ".join(words) or None}))
    return out


def test_identical_surroundings_are_said_plainly(workspace: Path) -> None:
    source = _source(workspace, "same words here.\n" * 30)
    found = cite(source, "same words", 2)
    assert found.citation.prefix is None and found.citation.suffix is None
    assert "cite a longer passage" in render(found, source, None)


def test_occurrence_out_of_range_and_unknown_source_are_refused(workspace: Path) -> None:
    _source(workspace)
    r = run_cli("cite", "s", "talks would resume", "--occurrence", "4", cwd=workspace)
    assert r.returncode == 1 and "occurs 3 time(s) (at line 2, 3, 4); choose 1 to 3" in r.stderr
    r = run_cli("cite", "s", "talks would resume", "--occurrence", "0", cwd=workspace)
    assert r.returncode == 1 and "choose 1 to 3" in r.stderr
    r = run_cli("cite", "t", "talks", cwd=workspace)
    assert r.returncode == 1 and "source 't' does not exist" in r.stderr
    r = run_cli("cite", "ss", "talks", cwd=workspace)
    assert "did you mean 's'?" in r.stderr


def test_not_found_shows_the_closest_passage_and_exits_1(workspace: Path) -> None:
    _source(workspace)
    r = run_cli("cite", "s", "Officials in Kyiv said the talks would restart", cwd=workspace)
    assert r.returncode == 1
    assert "excerpt-not-found" in r.stderr and "closest passage" in r.stderr
    assert "[-restart]" in r.stderr and "[+resume" in r.stderr
    assert r.stdout == ""


def test_a_broken_source_is_reported_not_cited(workspace: Path) -> None:
    _source(workspace)
    (workspace / "content/sources/s.txt").write_text("changed\n", encoding="utf-8")
    r = run_cli("cite", "s", "changed", cwd=workspace)
    assert r.returncode == 1 and "source-hash-mismatch" in r.stderr


def test_the_fact_block_pastes_into_a_sheet_and_validates_once_the_claim_is_written(workspace: Path) -> None:
    _source(workspace)
    r = run_cli("cite", "s", "Officials in Moscow said", "--fact", "moscow-officials", cwd=workspace)
    assert r.returncode == 0, r.stderr
    sheet = write_yaml(workspace, "facts/talks.yml", "title: Talks\nfacts:\n")
    sheet.write_text(sheet.read_text() + r.stdout, encoding="utf-8")
    v = run_cli("validate", cwd=workspace)
    assert v.returncode == 1 and "claim" in v.stdout  # the claim is still to be written
    text = sheet.read_text().replace("claim:   #", "claim: Officials in Moscow spoke.  #")
    sheet.write_text(text, encoding="utf-8")
    v = run_cli("validate", cwd=workspace)
    assert v.returncode == 0, v.stdout
    assert "1 facts, 1 verified" in v.stdout


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_every_printed_citation_locates_exactly_where_it_was_taken(data: st.DataObject) -> None:
    words = data.draw(st.lists(st.sampled_from(["talks", "Kyiv", "said", "“resume”", "—", "a", "x\n"]),
                               min_size=5, max_size=40))
    text = " ".join(words)
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i + 1, len(words)))
    wanted = " ".join(words[i:j])
    from generator.normalize import fold

    class Src:  # what cite() and render() read, without writing files for every example
        id = "s"
        meta = SimpleNamespace(published=None, pages=None, currency_symbols=None, numeric_dates=None)

    src = Src()
    src.text = text  # type: ignore[attr-defined]
    src.folded = fold(text)  # type: ignore[attr-defined]
    try:
        found = cite(src, wanted)  # type: ignore[arg-type]
    except Refused:
        assert not wanted.strip()
        return
    where = locate(found.citation, src.folded)  # type: ignore[attr-defined]
    assert isinstance(where, Located) and where.start == found.start
    if found.citation.prefix or found.citation.suffix:
        assert where.occurrences == 1
    block = render(found, src, None)  # type: ignore[arg-type]
    loaded = load_yaml("sources:\n" + block, "t.yml").value["sources"][0]
    assert Citation.model_validate(loaded) == found.citation


def test_cite_lists_the_values_and_a_single_one_becomes_the_fact_value(workspace: Path) -> None:
    write_source(workspace, "aid", "EU announces €3.5B in aid to Ukraine. Xi has met Putin over 40 times "
                                   "since February 2022.\n", published="2025-02-24")
    r = run_cli("cite", "aid", "Xi has met Putin over 40 times since February 2022", cwd=workspace)
    assert r.returncode == 0, r.stderr
    assert '#   figure "over 40" → figure: {value: 40, unit: times, qualifier: more than}' in r.stdout
    assert '#   date "February 2022" → date: "2022-02"' in r.stdout
    r = run_cli("cite", "aid", "EU announces €3.5B in aid", "--fact", "eu-aid", cwd=workspace)
    assert "    money: {value: 3.5 billion, currency: EUR}   # ← \"€3.5B\"" in r.stdout
    # Paste, write the claim: that is the whole of adding a fact.
    sheet = write_yaml(workspace, "facts/aid.yml", "title: Aid\nfacts:\n")
    sheet.write_text(sheet.read_text() + r.stdout.replace("claim:   #", "claim: The EU announced €3.5B. #"),
                     encoding="utf-8")
    v = run_cli("validate", cwd=workspace)
    assert v.returncode == 0 and "1 facts, 1 verified" in v.stdout, v.stdout


READOUTS = "xi-zelenskyy-call-readouts"


def _readouts(root: Path) -> None:
    """The real seed text and the real people, in a workspace of their own."""
    for ext in ("txt", "yml"):
        shutil.copy(REPO / f"content/sources/{READOUTS}.{ext}", root / f"content/sources/{READOUTS}.{ext}")
    shutil.copy(REPO / "facts/people.yml", root / "facts/people.yml")


def _paste_and_validate(root: Path, block: str, claim: str) -> subprocess.CompletedProcess[str]:
    sheet = write_yaml(root, "facts/call.yml", "title: The call\nfacts:\n")
    sheet.write_text(sheet.read_text() + block.replace("claim:   #", f"claim: {claim}  #"), encoding="utf-8")
    return run_cli("validate", cwd=root)


def test_a_quote_with_one_named_speaker_becomes_the_fact_value_and_validates(workspace: Path) -> None:
    _readouts(workspace)
    r = run_cli("cite", READOUTS, "\u201cThere are no winners in nuclear wars,\u201d the Chinese government said Xi "
                "told Zelenskyy.", "--fact", "no-winners", cwd=workspace)
    assert r.returncode == 0, r.stderr
    # The reporter's comma is not the speaker's: FORMAT.md's own example drops it.
    assert ('    quote: {speaker: xi-jinping, text: "There are no winners in nuclear wars"}   # \u2190 Xi told\n'
            in r.stdout)
    v = _paste_and_validate(workspace, r.stdout, "Xi told Zelensky there are no winners in nuclear wars.")
    assert v.returncode == 0, v.stdout
    assert "1 facts, 1 verified" in v.stdout


def test_the_listing_gives_each_quote_its_speaker_or_says_it_is_unresolved(workspace: Path) -> None:
    _readouts(workspace)
    r = run_cli("cite", READOUTS, "\u201cWe appealed to China and presented President Zelenskyy\u2019s peace plan,\u201d "
                "Yermak said.", cwd=workspace)
    assert r.returncode == 0, r.stderr
    assert ('#   quote "We appealed to China and presented President Zelenskyy\u2019s peace plan" \u2192 '
            'quote: {speaker: andriy-yermak, text: "We appealed to China and presented President Zelenskyy\u2019s '
            'peace plan"}   (Yermak said)') in r.stdout
    r = run_cli("cite", READOUTS, "\u201cChina would not sit idly by\u201d", cwd=workspace)
    assert r.stdout.endswith('#   quote "China would not sit idly by" \u2192 speaker unresolved: extend the excerpt '
                             "to the words that name the speaker\n")
    # "He" with no one named before it in the words typed: the source before them names Zelenskyy,
    # and the speaker is read there, as the validator reads it, so the pasted fact validates.
    r = run_cli("cite", READOUTS, "He noted that China was Ukraine\u2019s main trading partner before the invasion "
                "and the call will give a \u201cpowerful boost\u201d", "--fact", "boost", cwd=workspace)
    assert '    quote: {speaker: volodymyr-zelensky, text: "powerful boost"}   # \u2190 He noted\n' in r.stdout
    v = _paste_and_validate(workspace, r.stdout, "Zelensky said the call would give a powerful boost.")
    assert v.returncode == 0 and "1 verified" in v.stdout, v.stdout
    # A name that is nobody in people.yml: more words would not help, so the reason is given instead.
    r = run_cli("cite", READOUTS, "of Ukrainian reading From the call said that \u201cZelenskyy expressed hope",
                cwd=workspace)
    assert ('#   quote "Zelenskyy expressed hope" \u2192 speaker unresolved: the text attributes it to \'the call\' '
            "('said'), which is not a name or alias in facts/people.yml") in r.stdout


def test_a_quote_and_a_figure_are_two_values_left_for_the_editor_to_pick(workspace: Path) -> None:
    _readouts(workspace)
    r = run_cli("cite", READOUTS, "\u201cDialogue and negotiations are the only possible solution to the Ukraine "
                "crisis,\u201d the 12-point position paper said.", "--fact", "paper", cwd=workspace)
    assert r.returncode == 0, r.stderr
    assert '    # figure: {value: 12, unit: points}   # \u2190 "12" (keep at most one)\n' in r.stdout
    quote = ('quote: {speaker: china-12-point-position-paper, text: "Dialogue and negotiations are the only '
             'possible solution to the Ukraine crisis"}   # \u2190 the 12-point position paper said (keep at most one)')
    assert f"    # {quote}\n" in r.stdout
    # As printed it is a statement that validates; uncommenting the quote line makes it a verified quote.
    v = _paste_and_validate(workspace, r.stdout, "China's position paper calls for dialogue.")
    assert v.returncode == 0 and "1 facts, 1 verified" in v.stdout, v.stdout
    v = _paste_and_validate(workspace, r.stdout.replace(f"    # {quote}", f"    {quote}"),
                            "China's position paper calls for dialogue.")
    assert v.returncode == 0 and "1 facts, 1 verified" in v.stdout, v.stdout
    assert "quote-" not in v.stdout


def test_every_quote_the_scanner_gives_a_speaker_is_offered_and_reads_back(workspace: Path) -> None:
    """Paragraph by paragraph over the seed text: the scanner and the validator's quote check agree on every
    speaker (cite offers a quote only when the check passes), and the YAML printed reads back to the same quote."""
    _readouts(workspace)
    ws = load_workspace(workspace)
    people = PeopleIndex.from_mapping(ws.people)
    offered = []
    for para in ws.sources[READOUTS].text.split("\n"):
        scanned = [q for q in scan_quotes(para, people) if q.speaker is not None]
        seen = [s for s in seen_values(para, 2023, people) if s.kind == "quote" and s.value is not None]
        assert len(seen) == len(scanned), para
        for q, s in zip(scanned, seen):
            quote = Quote.model_validate(load_yaml(s.value.encode(), "q.yml").value["quote"])
            assert quote.speaker == q.speaker and quote.text == q.text.rstrip(",")
            offered.append(quote.speaker)
    assert sorted(set(offered)) == ["andriy-yermak", "china-12-point-position-paper", "eric-mamer", "john-kirby",
                                    "volodymyr-zelensky", "xi-jinping"]


_PEOPLE = PeopleIndex.build([PersonNames("xi-jinping", "Xi Jinping", ("Xi",))])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["“", "”", '"', "“,”", "“…”", ",", ". ", " ", "\n", " Xi said", " said Xi", " Xi",
                                 " told", " he said", "no winners", "12", "April 26"]), max_size=20).map("".join))
def test_every_quote_value_offered_reads_back_and_is_the_quoted_words(text: str) -> None:
    for seen in seen_values(text, None, _PEOPLE):
        assert "\n" not in seen.text + seen.note + seen.said_by + (seen.value or "")  # each is printed on one line
        if seen.kind == "quote" and seen.value is not None:
            quote = Quote.model_validate(load_yaml(seen.value.encode(), "q.yml").value["quote"])
            assert quote.speaker == "xi-jinping" and quote.text == seen.text
