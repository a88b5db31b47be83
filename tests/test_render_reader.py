"""What readers are told: verdicts in words with their caveats, the reading key, and previews' context."""

from __future__ import annotations

import html
import re

from generator.loading import load_workspace
from generator.render import render
from generator.render.passages import context
from generator.render.verdicts import FACT_VERDICTS, badge_label, fact_term
from generator.validation import validate
from generator.validation.results import CitationVerdict, FactVerdict
from tests.test_render import _checked_site, to_html


def test_every_verdict_the_validator_gives_has_words_for_readers():
    for verdict in FactVerdict:
        term = fact_term(verdict.value)
        assert verdict.value in FACT_VERDICTS and term.meaning, verdict
    assert fact_term("speaker-unconfirmed").label == "Quoted — speaker not confirmed"
    assert {v.value for v in CitationVerdict} <= set(__import__(
        "generator.render.verdicts", fromlist=["CITATION_VERDICTS"]).CITATION_VERDICTS)


def test_caveats_are_folded_into_the_badge(workspace):
    sheet = html.unescape(to_html(_checked_site(workspace).files["sheets/checked.md"].decode()))
    arrived = sheet.split('id="arrived"')[1].split("<h2")[0]
    badge = re.search(r'<a class="fs-verdict fs-v-\w+" data-tip="([^"]*)" href="([^"]*)">([^<]*)</a>', arrived)
    assert badge, arrived
    tip, href, words = badge.groups()
    assert words == "Verified · 1 caveat" == badge_label("verified", 1)
    assert href == "../how-to-read.md#verified"
    assert tip.startswith("Every cited excerpt is in its source") and "Caveat: The cited words give" in tip
    met = sheet.split('id="met"')[1].split("<h2")[0]  # a date with its year: no caveat
    assert ">Verified</a>" in met and "caveat" not in met
    hague = sheet.split('id="hague"')[1].split("<h2")[0]
    # "it said": the speaker is unconfirmed, which the badge says in words (not again as a caveat).
    badge = re.search(r'data-tip="([^"]*)" href="([^"]*)">([^<]*)</a>', hague)
    assert badge[3] == "Quoted — speaker not confirmed" and badge[2] == "../how-to-read.md#speaker-unconfirmed"
    assert "does not itself say, in the cited words, who spoke them" in badge[1] and "Caveat" not in badge[1]


def test_the_reading_key_explains_every_verdict_and_caveat(workspace):
    rendered = _checked_site(workspace)
    page = html.unescape(to_html(rendered.files["how-to-read.md"].decode()))
    for verdict in FactVerdict:
        assert f'id="{verdict.value}"' in page, verdict
    assert 'id="caveat-quote-attribution-unresolved"' in page and 'id="caveat-inferred-year"' in page
    assert "does not prove" in page
    sheet = rendered.files["sheets/checked.md"].decode()
    assert "[How to read this page](../how-to-read.md)" in sheet


def test_a_citation_carries_its_context_for_the_preview(workspace):
    sheet = html.unescape(to_html(_checked_site(workspace).files["sheets/checked.md"].decode()))
    met = sheet.split('id="met"')[1].split("<h2")[0]
    q = re.search(r'<q class="fs-excerpt" data-before="([^"]*)" data-after="([^"]*)" data-source="([^"]*)"'
                  r' data-dateline="([^"]*)">', met)
    assert q, met
    before, after, source, dateline = q.groups()
    assert before == "Xi and Putin spoke on the third anniversary of the invasion, 3 years after it began. The meeting was on "
    assert after == ". The envoy arrived on April 5."
    assert (source, dateline) == ("Wire", "26 April 2023")


def test_context_is_a_sentence_either_side():
    t = "One two. Three four five. Six seven eight. Nine ten! Eleven twelve."
    a, b = t.index("seven"), t.index("eight") + len("eight")
    assert context(t, a, b) == ("Three four five. Six ", ". Nine ten!")
    a, b = t.index("Six"), t.index("eight.") + len("eight.")
    assert context(t, a, b) == ("Three four five. ", " Nine ten!")
    assert context(t, 0, 3) == ("", " two. Three four five.")
    assert context(t, t.index("Eleven"), len(t)) == ("Nine ten! ", "")
    long = "word " * 200 + "target here. " + "more " * 200
    before, after = context(long, long.index("target"), long.index("target") + 6)
    assert before.startswith("… ") and len(before) < 340 and after.endswith(" …") and len(after) < 340


def test_source_back_links_carry_the_claim_and_its_verdict(workspace):
    rendered = _checked_site(workspace)
    source = html.unescape(to_html(rendered.files["sources/wire/index.md"].decode()))
    link = re.search(r'<a href="\.\./\.\./sheets/checked/#blocked" title="Cited by: Britain blocked the webcast\."'
                     r' data-verdict="Verified"', source)
    assert link, source
