"""Figures and amounts as charts: SVG drawn at build time, no script and no library.

Only quantities that can stand on one axis share a chart: amounts by currency,
durations in days, counts of one kind of thing; several kinds of count share a
logarithmic axis, each bar naming its unit. Ordinals and labels ("3rd
anniversary", "392 episode") are numbers that name, not measure: they are kept
apart and never drawn. Every chart is a ``<figure>`` whose SVG has a title and a
description, with its data as a table beside it (in ``<details>``), and takes
its colours from CSS (``currentColor`` and the theme's variables), so it reads
in light and dark schemes.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Callable

from markupsafe import Markup, escape

from generator.lexicon.calendar import DAYS_PER_MONTH, MONTHS_PER_UNIT, SECONDS_PER_UNIT
from generator.lexicon.units import INVARIANT_PLURALS, IRREGULAR_PLURALS
from generator.render.views import FactView

# Units of time and their length in days, for one duration axis.
_DAYS = {**{u: n / 86400 for u, n in SECONDS_PER_UNIT.items()},
         **{u: n * DAYS_PER_MONTH for u, n in MONTHS_PER_UNIT.items()}}
# Plurals without an -s, so a count of them is not taken for a label.
_PLURALS = INVARIANT_PLURALS | IRREGULAR_PLURALS
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(slots=True)
class Bar:
    fact: FactView
    value: float  # on the chart's axis (days for durations)
    label: str  # as the fact states it


@dataclass(slots=True)
class Chart:
    key: str  # the anchor: amounts-eur, durations, counts-children, counts
    title: str
    description: str
    axis: str  # what the axis measures
    bars: list[Bar] = field(default_factory=list)
    log: bool = False


@dataclass(slots=True)
class Charts:
    charts: list[Chart]
    labels: list[FactView]  # ordinals and labels: numbers that name something, not drawn


def _head(unit: str) -> str:
    """The noun a unit counts: "days of the war" → days, "territorial communities" → communities."""
    words = _WORD.findall(unit.split(" of ")[0])
    return words[-1].lower() if words else ""


def _duration(unit: str) -> tuple[str, float] | None:
    words = _WORD.findall(unit)
    if not words:
        return None
    first = words[0].lower()
    singular = first[:-1] if first.endswith("s") else first
    return (singular, _DAYS[singular]) if singular in _DAYS else None


def is_label(f: FactView) -> bool:
    """An ordinal or a label: "3rd anniversary", "2nd day of the state visit", "392 episode", "3 presidential term"."""
    if f.fact.figure is None:
        return False
    if f.value is not None and f.value.ordinal:
        return True
    unit = f.fact.figure.unit or ""
    head = _head(unit)
    return bool(head) and f.fact.figure.amount != 1 and not head.endswith("s") and head not in _PLURALS


@dataclass(slots=True)
class _Groups:
    """The charts being filled, before they are ordered."""

    money: dict[str, Chart] = field(default_factory=dict)
    durations: Chart = field(default_factory=lambda: Chart("durations", "Durations", "", "days"))
    counts: dict[str, Chart] = field(default_factory=dict)
    labels: list[FactView] = field(default_factory=list)


def _group_money(f: FactView, label: str, groups: _Groups) -> None:
    """Amounts share a chart per currency."""
    assert f.fact.money is not None
    cur = f.fact.money.currency
    chart = groups.money.setdefault(cur, Chart(f"amounts-{cur.lower()}", f"Amounts in {cur}", "", cur))
    chart.bars.append(Bar(f, float(f.fact.money.amount), label))


def _group_figure(f: FactView, label: str, groups: _Groups) -> None:
    """A figure is a label (kept apart), a duration (in days) or a count (per counted noun)."""
    if is_label(f):
        groups.labels.append(f)
        return
    figure = f.fact.figure
    assert figure is not None
    unit = figure.unit or ""
    span = _duration(unit)
    if span is not None:
        groups.durations.bars.append(Bar(f, float(figure.amount) * span[1], label))
        return
    head = _head(unit) or "number"
    chart = groups.counts.setdefault(head, Chart(f"counts-{head}", f"Counts of {head}", "", head))
    chart.bars.append(Bar(f, float(figure.amount), label))


# Chart grouping per charted value kind (render/kinds.py says which kinds are charted).
GROUPS: dict[str, Callable[[FactView, str, _Groups], None]] = {"money": _group_money, "figure": _group_figure}


def build_charts(figures: list[FactView]) -> Charts:
    groups = _Groups()
    for f in figures:
        group = GROUPS.get(f.fact.kind)
        if f.value is not None and group is not None:  # anything else: nothing to draw
            group(f, f.value.label, groups)
    money, durations, counts, labels = groups.money, groups.durations, groups.counts, groups.labels

    charts = [money[c] for c in sorted(money)]
    if durations.bars:
        charts.append(durations)
    # A kind of count with one fact is no chart of its own: such counts share one logarithmic axis.
    single_heads = [key for key in sorted(counts) if len(counts[key].bars) == 1]
    single = [counts[key].bars[0] for key in single_heads]
    charts += [counts[key] for key in sorted(counts) if len(counts[key].bars) > 1]
    if len(single) > 1:
        charts.append(Chart("counts", "Counts", "", "count", single, log=True))
    elif single:
        charts.append(Chart(f"counts-{single_heads[0]}", "Counts", "", "count", single))
    for chart in charts:
        chart.bars.sort(key=lambda b: (-b.value, b.label))
        chart.description = _describe(chart)
    return Charts(charts, labels)


def _describe(chart: Chart) -> str:
    scale = "a logarithmic scale (each step is ten times the one before)" if chart.log else "a scale from zero"
    unit = {"days": "durations converted to days", "count": "counts of different things"}.get(chart.axis, chart.axis)
    items = "; ".join(f"{b.label}" for b in chart.bars)
    return f"Horizontal bars, largest first, on {scale}, measuring {unit}: {items}."


# Drawing, in the SVG's own units: the chart scales to the width of the page.
_W, _LEFT, _ROW, _BAR = 560, 190, 34, 16


def _ticks(top: float, log: bool) -> list[float]:
    if log:
        return [10.0 ** e for e in range(0, math.ceil(math.log10(max(top, 10))) + 1)]
    step = 10 ** math.floor(math.log10(top)) if top > 0 else 1
    for m in (1, 2, 5, 10):
        if top / (step * m) <= 5:
            step *= m
            break
    return [step * i for i in range(0, int(math.ceil(top / step)) + 1)]


def _tick_label(v: float) -> str:
    for size, word in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if v >= size:
            n = v / size
            return (f"{n:.0f}" if n == int(n) else f"{n:.1f}") + word
    return f"{v:.0f}" if v == int(v) else f"{v:.2g}"


def svg(chart: Chart, href: dict[int, str] | None = None) -> Markup:
    """The chart as inline SVG; ``href`` may map id(fact view) to a link for its bar (the table links anyway)."""
    href = href or {}
    ticks = _ticks(max(b.value for b in chart.bars), chart.log)
    top = ticks[-1]
    span = _W - _LEFT - 16

    def x(v: float) -> float:
        if chart.log:
            return _LEFT + span * (math.log10(max(v, 1)) / math.log10(top)) if top > 1 else _LEFT
        return _LEFT + span * (v / top if top else 0)

    height = 12 + _ROW * len(chart.bars) + 24
    tid, did = f"chart-{chart.key}-title", f"chart-{chart.key}-desc"
    out = [f'<svg class="fs-chart" viewBox="0 0 {_W} {height}" role="img" aria-labelledby="{tid} {did}" '
           f'xmlns="http://www.w3.org/2000/svg" font-size="13" fill="currentColor">',
           f'<title id="{tid}">{escape(chart.title)}</title><desc id="{did}">{escape(chart.description)}</desc>']
    base = 12 + _ROW * len(chart.bars)
    for t in ticks:
        tx = x(t)
        out.append(f'<line class="fs-grid" x1="{tx:.1f}" x2="{tx:.1f}" y1="6" y2="{base}"/>')
        out.append(f'<text class="fs-tick" x="{tx:.1f}" y="{base + 16}" text-anchor="middle" aria-hidden="true">'
                   f'{escape(_tick_label(t))}</text>')
    for i, b in enumerate(chart.bars):
        y = 12 + _ROW * i
        w = max(x(b.value) - _LEFT, 2)
        label = b.label if len(b.label) <= 26 else b.label[:25] + "…"
        link = href.get(id(b.fact), "")
        out.append((f'<a href="{escape(link)}">' if link else "<g>")
                   + f"<title>{escape(b.label)}: {escape(b.fact.fact.claim)}</title>")
        out.append(f'<text x="{_LEFT - 8}" y="{y + _BAR - 3}" text-anchor="end">{escape(label)}</text>')
        out.append(f'<rect class="fs-bar" x="{_LEFT}" y="{y}" width="{w:.1f}" height="{_BAR}" rx="2"/>'
                   + ("</a>" if link else "</g>"))
    out.append(f'<line class="fs-axis" x1="{_LEFT}" x2="{_LEFT}" y1="6" y2="{base}"/>')
    out.append("</svg>")
    return Markup("".join(out))

