"""Every scan of a source, an excerpt or a claim does work linear in its size, whatever the input.

Work is counted, not timed: a tracer counts the lines of ``generator/`` that run. Each adversarial
shape (the inputs that were quadratic: quote marks that cannot pair, ``[`` that never closes, …)
runs at sizes n and 4n; linear work grows about 4×, quadratic 16×. The bound allows 5×.
Wall-clock figures for the same shapes are in bench/RESULTS.md (``bench/adversarial.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType, SimpleNamespace
from typing import Any, Callable

import pytest

from conftest import REPO, write_source, write_yaml
from generator.loading import load_workspace
from generator.matchers.people import PeopleIndex
from generator.matchers.quotes import QuoteReader, find_quote, find_quoted_spans, scan_quotes
from generator.render.inline import parse
from generator.validation import validate

GENERATOR = str(REPO / "generator")
GROWTH = 5.0  # allowed growth of the work when the input grows 4×; quadratic work grows 16×


def steps(fn: Callable[[], Any]) -> int:
    """Lines of generator/ code executed by ``fn()``."""
    count = 0

    def tracer(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        if not frame.f_code.co_filename.startswith(GENERATOR):
            return None  # do not trace the standard library or libraries
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        fn()
    finally:
        sys.settrace(None)
    return count


def assert_linear(make: Callable[[int], Callable[[], Any]], n: int) -> tuple[int, int]:
    small, large = steps(make(n)), steps(make(4 * n))
    assert small > 0
    assert large <= GROWTH * small, f"work grew {large / small:.1f}× for 4× the input ({small} → {large} steps)"
    return small, large


PEOPLE = PeopleIndex.from_mapping({"zed": SimpleNamespace(name="Zed Ox", aliases=["Zed"])})


@pytest.mark.parametrize("unit", ["'a' ", "\u201c", '"a" ', "\u201ca\n", "\u2018a ", "a' ", "'a s' s' "])
def test_pairing_quote_marks_is_linear(unit: str) -> None:
    assert_linear(lambda n: lambda: find_quoted_spans(unit * n), 500)


def test_the_counter_sees_quadratic_work() -> None:
    # The measure itself: a scan that rereads the rest of its input for each character is caught.
    from generator.normalize import fold_text

    def quadratic(n: int) -> Callable[[], None]:
        text = "a" * n
        return lambda: [fold_text(text[i:i + 1]) for i in range(n) for _ in range(i // 50)]

    with pytest.raises(AssertionError, match="work grew"):
        assert_linear(quadratic, 100)


@pytest.mark.parametrize("unit", ["\u201cA b.\u201d ", "\u201ca,\u201d Zed said. ", "\u201ca\u201d Zed and ",
                                  "\u201ca,\u201d he said. ", "\u201ca,\u201d he said, ", ", "])
def test_reading_every_quotation_of_a_text_is_linear(unit: str) -> None:
    assert_linear(lambda n: lambda: scan_quotes("Zed said: " + unit * n, PEOPLE), 150)


def test_a_chain_of_continued_quotations_resolves_without_recursion() -> None:
    # Each quotation opens its own sentence and continues the speaker of the one before: the
    # chain was followed by recursion, which overflowed at about 330 quotations.
    text = "Zed said: " + "\u201cA b.\u201d " * 3000
    reader = QuoteReader(text, PEOPLE)
    assert reader.attribute_span(reader.spans[-1]).speaker_ids == {"zed"}


@pytest.mark.parametrize("quote,unit", [("a", '"a" '), ("a ... a ... a ... a", '"a" '), ("a", "'a' ")])
def test_finding_a_quote_in_an_excerpt_is_linear(quote: str, unit: str) -> None:
    assert_linear(lambda n: lambda: find_quote(quote, unit * n), 300)


@pytest.mark.parametrize("unit", ["[", "*a ", "_a ", "**a ", "[a](", "[a](b(", "`` ` ", "`a", "\\[", "[]"])
def test_parsing_a_claim_is_linear(unit: str) -> None:
    assert_linear(lambda n: lambda: parse(unit * n), 500)


def _quote_workspace(root: Path, unit: str, n: int) -> Path:
    write_source(root, "s", "Zed said hello world. " + unit * n)
    write_yaml(root, "facts/people.yml", """
        zed:
          name: Zed
    """)
    write_yaml(root, "facts/a.yml", """
        title: A
        facts:
          - id: q
            claim: Zed said hello.
            quote: {speaker: zed, text: "hello world"}
            sources:
              - source: s
                excerpt: "hello world"
    """)
    return root


@pytest.mark.parametrize("unit", ["'a' ", "\u201c"])
def test_validating_an_excerpt_without_marks_in_a_hostile_source_is_linear(tmp_path: Path, unit: str) -> None:
    # The excerpt shows no quotation marks, so the validator reads the whole source's marks.
    def make(n: int) -> Callable[[], Any]:
        ws = load_workspace(_quote_workspace(tmp_path / f"w{n}", unit, n))
        return lambda: validate(ws)

    assert_linear(make, 500)
    report = validate(load_workspace(tmp_path / "w2000"))
    # 'a' pairs into quotations, so the unmarked words are narrative; “ alone pairs into none, so
    # the source has no quotation marks, and there words are a quotation only in a transcript's turn
    # or as direct speech ("…, Zed said"): "Zed said hello world." is indirect speech, narrative too.
    assert [f.rule for f in report.findings] == ["quote-not-found"]


def _speaker_workspace(root: Path, text: str, quote: str) -> Path:
    write_source(root, "s", text)
    write_yaml(root, "facts/people.yml", """
        zed:
          name: Zed
    """)
    write_yaml(root, "facts/a.yml", f"""
        title: A
        facts:
          - id: q
            claim: Zed said it.
            quote: {{speaker: zed, text: "{quote}"}}
            sources:
              - source: s
                excerpt: "{quote}"
    """)
    return root


@pytest.mark.parametrize("shape", ["paragraphs", "transcript"])
def test_reading_speakers_around_the_span_is_linear(tmp_path: Path, shape: str) -> None:
    # A chain of quotation-only paragraphs after "Zed said:", or a transcript of many turns: the
    # speaker is read from the source around the span, once per source, not once per paragraph.
    def text(n: int) -> str:
        if shape == "paragraphs":
            return "Zed said:\n\n" + "\u201cOn and on.\u201d\n\n" * n + "\u201cHello world.\u201d\n"
        return "ZED: Hello world.\n\n" + "QUESTION: On and on?\n\nZED: Yes.\n\n" * n

    def make(n: int) -> Callable[[], Any]:
        ws = load_workspace(_speaker_workspace(tmp_path / f"w{n}", text(n), "Hello world"))
        return lambda: validate(ws)

    assert_linear(make, 500)
    report = validate(load_workspace(tmp_path / "w2000"))
    assert [f.rule for f in report.findings] == [] and report.facts[0].verdict.value == "verified"


@pytest.mark.parametrize("unit", ["1.4 percent in August, ", "the July figure of 2.1 percent, ", "in September (4.0%, "])
def test_binding_numbers_to_dates_in_an_excerpt_is_linear(unit: str) -> None:
    """A claim giving numbers their months, over an excerpt of many numbers and months (claim-date-mismatch)."""
    from generator.matchers.dates import PartialDate
    from generator.model import Fact
    from generator.validation.claims import Cited, check_claim

    fact = Fact.model_validate({"id": "f", "claim": "It was 1.7 percent in August 2012 and 1.5 percent in July 2012.",
                                "figure": {"value": 1.7, "unit": "percent"},
                                "sources": [{"source": "s", "excerpt": "x"}]})
    published = PartialDate(2012, 9, 14)

    def make(n: int) -> Callable[[], Any]:
        text = unit * n + "1.7 percent in August."
        return lambda: check_claim(fact, [Cited(text, published, text, text)], PEOPLE)

    assert_linear(make, 200)
