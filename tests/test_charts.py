"""Figures and amounts as build-time SVG charts: grouped so that bars compare like with like."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from generator.loading import load_workspace
from generator.render import render
from generator.render.charts import build_charts, svg
from generator.render.views import build_views
from generator.validation import validate
from tests.conftest import REPO
from tests.test_render import to_html

SVG = "{http://www.w3.org/2000/svg}"


def _example():
    ws = load_workspace(REPO)
    report = validate(ws)
    return ws, report, build_views(ws, report)


def test_example_figures_are_grouped_so_bars_compare_like_with_like():
    _, _, site = _example()
    charts = {c.key: c for c in build_charts(site.figures).charts}
    assert set(charts) == {"amounts-eur", "amounts-usd", "durations", "counts"}
    assert {b.label for b in charts["amounts-eur"].bars} == {"€3.5 billion"}
    assert {b.label for b in charts["amounts-usd"].bars} == {"$1 billion"}
    # Durations on one axis of days: 2 weeks is shorter than 1 year, which is shorter than 2 years.
    days = {b.label: b.value for b in charts["durations"].bars}
    assert days["2 weeks"] == 14 and days["2 weeks"] < days["1 year"] < days["2 years"] < days["almost 3 years"]
    assert days["36 hours"] == 1.5
    # Counts of different things share a logarithmic axis, each bar naming its unit.
    counts = charts["counts"]
    assert counts.log and "19,500 children" in [b.label for b in counts.bars]
    assert [b.value for b in counts.bars] == sorted((b.value for b in counts.bars), reverse=True)


def test_ordinals_and_labels_are_never_drawn():
    _, _, site = _example()
    built = build_charts(site.figures)
    labels = {f.value.label for f in built.labels}
    assert {"3rd anniversary", "69th birthday", "392 episode", "2nd day of the state visit"} <= labels
    drawn = {b.label for c in built.charts for b in c.bars}
    assert not labels & drawn
    assert sum(len(c.bars) for c in built.charts) + len(built.labels) == len(site.figures)  # each once


def test_a_chart_is_accessible_svg_with_its_data_as_a_table():
    ws, report, site = _example()
    chart = next(c for c in build_charts(site.figures).charts if c.key == "durations")
    root = ET.fromstring(str(svg(chart)))
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text == "Durations" and "2 weeks" in desc.text and "days" in desc.text
    bars = root.findall(f".//{SVG}rect[@class='fs-bar']")
    assert len(bars) == len(chart.bars)
    widths = [float(b.get("width")) for b in bars]
    assert widths == sorted(widths, reverse=True) and widths[0] > 10 * widths[-1]  # 3 years vs 36 hours
    # Colours come from CSS (the theme's variables): nothing is hard-coded but currentColor.
    assert root.get("fill") == "currentColor"
    assert not re.search(r'(fill|stroke|style)="', str(svg(chart)).split("</desc>")[1])

    page = html.unescape(to_html(render(ws, report, REPO).files["figures.md"].decode()))
    section = page.split('id="durations"')[1].split("<h2")[0]
    assert "<svg" in section and '<details class="fs-chart-data">' in section
    rows = re.findall(r"<tr>\s*<td", section)
    assert len(rows) == len(chart.bars)
    assert 'id="labels"' in page and "392 episode" in page.split('id="labels"')[1].split("<h2")[0]
