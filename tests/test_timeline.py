"""The timeline: facts at the date of the event they report (``when``), sheets as milestones."""

from __future__ import annotations

import csv
import html
import io
import json
import re

from generator.loading import load_workspace
from generator.render import render
from generator.render.values import date_sort_key
from generator.render.views import build_views
from generator.validation import validate
from tests.conftest import REPO, write_source, write_yaml
from tests.test_render import to_html


def _site(root):
    write_source(root, "wire", "On 24 February 2025 the envoy said the war began in February 2022. "
                               "The talks opened on 3 March 2025.\n", title="Wire", published="2025-03-04")
    write_yaml(root, "facts/talks.yml", """
        title: Talks
        date: "2025-03-03"
        facts:
          - id: began
            claim: The envoy said the war began in February 2022.
            date: "2022-02"
            when: "2025-02-24"
            sources: [{source: wire, excerpt: "the war began in February 2022"}]
          - id: opened
            claim: The talks opened on 3 March 2025.
            date: "2025-03-03"
            sources: [{source: wire, excerpt: "3 March 2025"}]
          - id: undated
            claim: The envoy spoke.
            sources: [{source: wire, excerpt: "the envoy said"}]
        """)
    ws = load_workspace(root)
    report = validate(ws)
    assert not report.errors, report.findings
    return ws, report


def test_a_fact_stands_at_its_event_and_says_the_date_it_mentions(workspace):
    ws, report = _site(workspace)
    entries = build_views(ws, report).timeline
    placed = [(str(e.date), e.kind, e.fact.id if e.fact else e.sheet.id) for e in entries]
    # "began" stands where it was said (2025), not in 2022; the undated fact is not placed on its own.
    assert placed == [("2025-02-24", "fact", "began"), ("2025-03-03", "sheet", "talks"),
                      ("2025-03-03", "fact", "opened")]
    began = entries[0]
    assert str(began.mentions) == "2022-02" and str(began.reported) == "2025-03-04"
    assert entries[2].mentions is None  # its date is the event
    page = html.unescape(to_html(render(ws, report, workspace).files["timeline.md"].decode()))
    assert 'id="y2022"' not in page and 'id="y2025"' in page
    item = page.split("The envoy said the war began")[1].split("</li>")[0]
    assert "mentions February 2022" in item and "reported 4 March 2025" in item
    assert re.search(r'<h3 class="fs-milestone" id="sheet-talks">', page)


def test_the_example_timeline_is_in_event_order():
    ws = load_workspace(REPO)
    entries = build_views(ws, validate(ws)).timeline
    keys = [date_sort_key(e.date) for e in entries]
    assert keys == sorted(keys)
    trump = next(e for e in entries if e.fact is not None and e.fact.id == "trump-blames-ukraine")
    assert trump.date.year == 2025 and trump.mentions is not None and trump.mentions.year == 2022


def test_the_downloads_carry_when_beside_the_date(workspace):
    ws, report = _site(workspace)
    files = render(ws, report, workspace).files
    doc = json.loads(files["data/facts.json"])
    by_id = {f["id"]: f for f in doc["facts"]}
    assert (by_id["talks/began"]["date"], by_id["talks/began"]["when"]) == ("2022-02", "2025-02-24")
    assert by_id["talks/opened"]["when"] is None
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(files["data/facts.csv"].decode()))}
    assert (rows["talks/began"]["date"], rows["talks/began"]["when"]) == ("2022-02", "2025-02-24")
    assert rows["talks/opened"]["when"] == ""
    # The export's published schema names the field.
    schema = json.loads(files["data/schema/facts.schema.json"])
    assert "when" in schema["$defs"]["ExportFact"]["properties"]
