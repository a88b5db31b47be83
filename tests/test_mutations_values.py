"""FactCC-style mutations: every original (value, excerpt) from the seeds is supported, and every
value mutated to something the excerpt does not say is refuted with an error.

Mutations: the number (±1, ×10, two digits swapped), the scale word (thousand ↔ million ↔
billion), the currency (EUR ↔ USD ↔ GBP), the day and month (±1, and day/month swapped), the
year, and the qualifier (any qualifier the text's wording does not entail).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from generator.findings import Severity
from generator.matchers.dates import parse_partial_date
from generator.matchers.numbers import ENTAILS, QUALIFIERS, format_number, parse_value
from generator.matchers.people import PeopleIndex
from generator.model import Figure, Money
from generator.rules import severity_of
from generator.validation.checks.base import Context, Outcome
from generator.validation.checks.dates import check_date
from generator.validation.checks.figures import check_figure, check_money
from tests.conftest import SEEDS

BBC = SEEDS.parent / "corpora" / "bbc-news-2005"


@dataclass(frozen=True)
class Original:
    kind: str  # figure | money | date
    value: str  # as an editor writes it
    excerpt: str  # verbatim from the file
    file: str  # where the excerpt comes from, for the provenance test
    qualifier: str | None = None  # figures: the qualifier the text says
    currency: str | None = None
    published: str | None = None


S0, S1, S2 = "000_3b2bd5cfca6b3b4b.txt", "001_b3d9bf7f48cf45c1.txt", "002_4ac66692c8016f07.txt"
S3, S4 = "003_aaf88eb1d04a8267.txt", "004_f99eaf5fb0133ad1.txt"
BBC1, BBC69 = "bbc:business/001.txt", "bbc:business/069.txt"

ORIGINALS = [
    Original("figure", "19500", "The statement cites Ukraine’s data on 19,500 Ukrainian children that Russia "
             "forcibly transferred from the occupied territories.", S0),
    Original("figure", "50", "More than 50 countries denounce remarks by Russia’s commissioner for children’s "
             "rights", S0, "more than"),
    Original("figure", "50", "The remarks by Lvova-Belova were denounced by more than 50 nations", S0, "more than"),
    Original("figure", "160", "including the sale of 160 Airbus aircraft.", S0),
    Original("figure", "15", "15 territorial communities of Vyshgorod, Bucha and Brovary districts were under "
             "occupation", S0),
    Original("figure", "270", "were under occupation – that’s 270 settlements of the region.", S0),
    Original("figure", "392", "Watch Ukraine in flames #392 to hear stories of local authorities", S0),
    Original("figure", "407", "Day 407: China’s Xi Jinping shows no sign of changing position", S0),
    Original("figure", "2", "On the second day of Macron’s state visit to China", S0),
    Original("figure", "40", "While Xi has met Putin over 40 times in the past decade", S2, "more than"),
    Original("figure", "3", "China has sought to depict itself as a neutral party amid the nearly three-year "
             "conflict.", S2, "almost"),
    Original("figure", "3", "coinciding with the third anniversary of Russia’s full-scale invasion of Ukraine", S2),
    Original("figure", "2", "U.S. and Russian envoys may meet within two weeks", S2),
    Original("figure", "69", "He added that the conversation, which took place on Xi’s 69th birthday, was "
             "“traditionally warm and friendly”", S3),
    Original("figure", "12", "“Dialogue and negotiations are the only possible solution to the Ukraine crisis,” "
             "the 12-point position paper said.", S4),
    Original("figure", "36", "Ukraine rejected a 36-hour truce from Russia for Orthodox Christmas.", S4),
    Original("figure", "12", "Ukraine was once a Soviet republic, as were over a dozen other currently "
             "independent countries.", S4, "more than"),
    Original("figure", "15", "26 April 2023 Wednesday 05:24\n15 Reads", S1),
    Original("figure", "76", "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m)", BBC1),
    Original("money", "3.5 billion", "as she announced 3.5 billion euros of fresh aid to Kyiv.", S2,
             currency="EUR"),
    Original("money", "3.5 billion", "EU announces €3.5B in aid to Ukraine as Putin pushes for ‘capitulation’", S2,
             currency="EUR"),
    Original("money", "1 billion", "the United States would provide an additional $ 1 billion in security "
             "assistance to Kyiv", S3, currency="USD"),
    Original("money", "1.13bn", "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m)",
             BBC1, currency="USD"),
    Original("money", "600m", "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m)",
             BBC1, currency="GBP"),
    Original("money", "143m", "Net profit was $186m (£98m; 143m euros) in the quarter", BBC69, currency="EUR"),
    Original("money", "186m", "Net profit was $186m (£98m; 143m euros) in the quarter", BBC69, currency="USD"),
    Original("date", "2023-04-26", "26 April 2023 Wednesday 05:24", S1, published="2023-04-26"),
    Original("date", "2022-02-24", "since the start of the Russian invasion on February 24, 2022.", S1,
             published="2023-04-26"),
    Original("date", "2023-04-05", "addressed a UN Security Council meeting on April 5 via video link.", S0,
             published="2023-04-06"),
    Original("date", "2023-04-01", "Russia assuming the UN Security Council presidency on April 1", S0,
             published="2023-04-06"),
    Original("date", "2023-02-24", "position paper issued on the first anniversary of the Russian invasion on "
             "February 24.", S4, published="2023-04-26"),
    Original("date", "2022-02", "which began with Russia’s invasion in late February 2022.", S4,
             published="2023-04-26"),
    Original("date", "2022-02", "repeating that Russia’s actions in February 2022 violated the global body’s "
             "founding document", S2, published="2025-02-24"),
    Original("date", "2022", "Beijing and Moscow declared a “no limits” strategic partnership just before "
             "Russia’s 2022 invasion.", S2, published="2025-02-24"),
    Original("date", "2023-03", "presented in March a proposal that he described as his peace plan", S1,
             published="2023-04-26"),
    Original("date", "2023-04", "During a visit to China in early April, French head of state Emmanuel Macron",
             S1, published="2023-04-26"),
    Original("date", "2021", "the death of the last ambassador of Ukraine in China in 2021.", S4,
             published="2023-04-26"),
]


def ctx(published: str | None) -> Context:
    return Context(parse_partial_date(published) if published else None, PeopleIndex())


def check(o: Original, value: str, qualifier: str | None = None, currency: str | None = None) -> Outcome:
    if o.kind == "figure":
        return check_figure(Figure(value=value, qualifier=qualifier), o.excerpt, ctx(o.published))
    if o.kind == "money":
        return check_money(Money(value=value, currency=currency or o.currency), o.excerpt, ctx(o.published))
    return check_date(value, o.excerpt, ctx(o.published))


def errors(outcome: Outcome) -> list[str]:
    return [r for r, _ in outcome.problems if severity_of(r) is Severity.ERROR]


def plain(d: Decimal) -> str:
    return format(d.normalize(), "f")


def number_mutations(value: Decimal) -> set[Decimal]:
    """±1, ×10, ÷10 and every swap of two different digits, on the number as written."""
    out = {value + 1, value - 1, value * 10, value / 10}
    digits = plain(value)
    for i in range(len(digits)):
        for j in range(i + 1, len(digits)):
            if digits[i] != digits[j] and "." not in (digits[i], digits[j]):
                swapped = list(digits)
                swapped[i], swapped[j] = swapped[j], swapped[i]
                out.add(Decimal("".join(swapped)))
    return {m for m in out if m != value and m >= 0}


SCALES = [Decimal(10) ** 3, Decimal(10) ** 6, Decimal(10) ** 9]


def amount_mutations(value: Decimal) -> set[Decimal]:
    """Mutations of the written mantissa, and the scale word swapped (thousand ↔ million ↔ billion)."""
    scale = next((s for s in reversed(SCALES) if value >= s and (value / s) == (value / s).quantize(Decimal("0.01"))),
                 Decimal(1))
    mantissa = value / scale
    out = {m * scale for m in number_mutations(mantissa)}
    out |= {mantissa * other for other in SCALES if other != scale}
    out |= number_mutations(value)
    return {m for m in out if m != value}


def date_mutations(value: str) -> set[str]:
    d = parse_partial_date(value)
    out: set[str] = set()

    def add(y: int, m: int | None, day: int | None) -> None:
        text = f"{y:04d}" + (f"-{m:02d}" if m is not None else "") + (f"-{day:02d}" if day is not None else "")
        try:
            parse_partial_date(text)
        except ValueError:
            return
        out.add(text)

    for y in (d.year - 10, d.year - 1, d.year + 1, d.year + 10, *map(int, number_mutations(Decimal(d.year)))):
        if 1000 <= y <= 2999:
            add(y, d.month, d.day)
    if d.month:
        for m in (d.month - 1, d.month + 1):
            add(d.year, m, d.day)
    if d.day:
        assert d.month is not None
        for day in (d.day - 1, d.day + 1):
            add(d.year, d.month, day)
        add(d.year, d.day, d.month)  # day and month swapped
    out.discard(value)
    return out


def mutations(o: Original) -> list[tuple[str, dict]]:
    """(label, keyword arguments for `check`) for every mutation of one original."""
    if o.kind == "date":
        return [(f"date {m}", {"value": m}) for m in sorted(date_mutations(o.value))]
    value = parse_value(o.value)
    out: list[tuple[str, dict]] = []
    if o.kind == "figure":
        for m in sorted(number_mutations(value)):
            out.append((f"value {plain(m)}", {"value": plain(m), "qualifier": o.qualifier}))
        allowed = ENTAILS[o.qualifier] if o.qualifier else set()
        for q in QUALIFIERS:
            if q not in allowed:
                out.append((f"qualifier {q}", {"value": o.value, "qualifier": q}))
        return out
    for m in sorted(amount_mutations(value)):
        out.append((f"amount {format_number(m)}", {"value": plain(m)}))
    for code in ("EUR", "USD", "GBP"):
        if code != o.currency:
            out.append((f"currency {code}", {"value": o.value, "currency": code}))
    return out


def test_table_is_big_enough():
    kinds = [o.kind for o in ORIGINALS]
    assert len(ORIGINALS) >= 25
    assert min(kinds.count(k) for k in ("figure", "money", "date")) >= 6


@pytest.mark.parametrize("o", ORIGINALS, ids=lambda o: f"{o.kind}-{o.value}-{o.excerpt[:30]}")
def test_excerpts_are_verbatim(o):
    if o.file.startswith("bbc:"):
        path = BBC / o.file[4:]
    else:
        path = SEEDS / o.file
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    assert o.excerpt in path.read_bytes().decode("utf-8", errors="replace")


@pytest.mark.parametrize("o", ORIGINALS, ids=lambda o: f"{o.kind}-{o.value}-{o.excerpt[:30]}")
def test_original_is_supported(o):
    out = check(o, o.value, qualifier=o.qualifier)
    assert errors(out) == [], out.problems
    assert out.highlights


@pytest.mark.parametrize("o", ORIGINALS, ids=lambda o: f"{o.kind}-{o.value}-{o.excerpt[:30]}")
def test_every_mutation_is_refuted(o):
    muts = mutations(o)
    assert len(muts) >= 3
    survivors = [label for label, kwargs in muts if not errors(check(o, **kwargs))]
    assert survivors == []


@pytest.mark.parametrize("o", [o for o in ORIGINALS if o.qualifier], ids=lambda o: o.excerpt[:30])
def test_dropping_the_qualifier_is_a_warning(o):
    out = check(o, o.value)
    assert [r for r, _ in out.problems] == ["qualifier-missing"]
