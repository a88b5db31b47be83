"""Property-based tests: random YAML, bytes, text and trees thrown at the loader, the
normaliser and the value parsers. Nothing escapes but the project's own error type
(FactsheetError) or the documented ValueError of the parse_* functions.
"""

from __future__ import annotations

import hashlib
import math
import tempfile
import unicodedata
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from generator.findings import FactsheetError
from generator.loading import load_workspace
from generator.matchers import dates as dates_module
from generator.matchers import money as money_module
from generator.matchers import numbers as numbers_module
from generator.matchers.dates import PartialDate, parse_partial_date
from generator.matchers.numbers import parse_value
from generator.model import Citation
from generator.normalize import fold, fold_text
from generator.rules import RULES
from generator.validation.edges import cut_at, joined, token_around
from generator.validation.locate import Located, locate, whole_token_starts
from generator.yamlsafe import Document, load_yaml

PROFILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- YAML -------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["yes", "no", "on", "off", "010", "0x1F", "1:30", "2023-02-30", "~", "null", "*a", "&a",
                     "!!python/object", "- x", "a: b", "'", '"', "#", "\ufeff", "\u2028", "\x85", "{{ x }}"]),
)
structures = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=5),
                               st.dictionaries(st.text(max_size=12), children, max_size=5)),
    max_leaves=25,
)


def dumps(value: Any, flow: bool | None, unicode: bool, width: int) -> str:
    return yaml.safe_dump(value, default_flow_style=flow, allow_unicode=unicode, width=width, sort_keys=False)


@PROFILE
@given(structures, st.sampled_from([None, True, False]), st.booleans(), st.sampled_from([20, 80, 10_000]))
def test_safe_dumped_yaml_loads_back_to_the_same_value(value: Any, flow: bool | None, unicode: bool,
                                                       width: int) -> None:
    text = dumps(value, flow, unicode, width)
    # PyYAML's emitter writes a few values its own loader reads back otherwise (a raw U+0085
    # in a key folds to a space): those say nothing about our loader.
    assume(yaml.load(text, Loader=yaml.CSafeLoader) == value)
    if value is None:
        with pytest.raises(FactsheetError) as info:
            load_yaml(text.encode("utf-8"), "f.yml")
        assert info.value.finding.rule == "file-empty"
        return
    doc = load_yaml(text.encode("utf-8"), "f.yml")
    assert doc.value == value
    assert_positions_point_into(doc, text)


def assert_positions_point_into(doc: Document, text: str) -> None:
    lines = text.split("\n")
    for loc, (line, col) in [(loc, doc.pos(loc)) for loc in doc.positions] + [(loc, doc.key_pos(loc))
                                                                              for loc in doc.key_positions]:
        assert 1 <= line <= len(lines), loc
        assert 1 <= col <= len(lines[line - 1]) + 1, loc


yaml_tokens = st.sampled_from([
    "a", "b: ", ": ", "- ", "? ", "[", "]", "{", "}", ",", "&x ", "*x", "!!str ", "!!python/object:os.system ",
    "!t ", "'", '"', "|", ">", "#", "\n", "  ", "\t", "---\n", "...\n", "%YAML 1.1\n", "yes", "0x1", "010",
    "1:2", ".inf", "~", "\\", "\x00", "\x07", "\ufeff", "\u2028", "é", "中", "\r\n", "<<: ", "=",
])


def assert_only_our_error(data: bytes | str) -> None:
    try:
        doc = load_yaml(data, "f.yml")
    except FactsheetError as exc:
        f = exc.finding
        assert f.rule in RULES and f.path == "f.yml" and f.line >= 1 and f.column >= 1
        assert f.message
    else:
        assert doc.value is not None


@PROFILE
@given(st.lists(yaml_tokens, max_size=40).map("".join))
def test_yaml_like_text_gives_a_value_or_our_error(text: str) -> None:
    assert_only_our_error(text)
    assert_only_our_error(text.encode("utf-8", "surrogatepass"))


@PROFILE
@given(st.binary(max_size=300))
@example(b"\xef\xbb\xbf")
@example(b"\xff\xfe" + "a: 1".encode("utf-16-le"))
@example(b"a: \xc3")
def test_random_bytes_give_a_value_or_our_error(data: bytes) -> None:
    assert_only_our_error(data)


@PROFILE
@given(st.text(max_size=200))
def test_random_text_gives_a_value_or_our_error(text: str) -> None:
    assert_only_our_error(text)
    assert_only_our_error(text.encode("utf-8"))


# --- workspaces ---------------------------------------------------------------

slugs = st.from_regex(r"[a-z0-9][a-z0-9-]{0,8}", fullmatch=True)
bad_ids = st.one_of(st.sampled_from(["../x", "/etc/passwd", "A", "", "a b", "ä", "x" * 81]), st.text(max_size=6))
texts = st.one_of(st.text(min_size=1, max_size=40), st.sampled_from(["2023-02-30", "yes", "<script>", "{{ x }}"]))
values = st.one_of(st.integers(-10**6, 10**6), st.floats(), texts, st.none(), st.lists(st.integers(), max_size=2))
hostile = st.one_of(values, structures)


def mostly(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Valid about four times in five: enough valid input gets past loading to reach validation."""
    return st.sampled_from([True, True, True, True, False]).flatmap(lambda ok: good if ok else bad)


@st.composite
def fact(draw: st.DrawFn, sources: list[str], text_of: dict[str, str], people: list[str]) -> dict[str, Any]:
    def excerpt_from(sid: str | None) -> str:
        text = text_of.get(sid or "", "")
        if text.strip() and draw(st.booleans()):
            a = draw(st.integers(0, len(text) - 1))
            return text[a:draw(st.integers(a + 1, len(text)))]
        return draw(texts)

    cites = []
    for _ in range(draw(st.sampled_from([1, 1, 2, 3, 0]))):
        sid = draw(mostly(st.sampled_from(sources), bad_ids)) if sources else draw(mostly(slugs, bad_ids))
        cite: dict[str, Any] = {"source": sid, "excerpt": excerpt_from(sid)}
        for key in draw(st.sets(st.sampled_from(["prefix", "suffix", "note"]))):
            cite[key] = draw(mostly(texts, hostile))
        cites.append(cite)
    out: dict[str, Any] = {"id": draw(mostly(slugs, bad_ids)), "claim": draw(mostly(texts, hostile)),
                           "sources": draw(mostly(st.just(cites), hostile))}
    speaker = st.sampled_from(people) if people else slugs
    kinds = {
        "date": mostly(st.dates().map(lambda d: str(d)[: draw(st.sampled_from([4, 7, 10]))]), texts),
        "figure": st.fixed_dictionaries({"value": mostly(st.integers(0, 10**9), values)},
                                        optional={"unit": texts, "qualifier": mostly(
                                            st.sampled_from(["about", "more than", "up to"]), texts)}),
        "money": st.fixed_dictionaries({"value": mostly(st.sampled_from([3, 3.5, "3.5 billion", "600m"]), values),
                                        "currency": mostly(st.sampled_from(["EUR", "USD"]), texts)}),
        "quote": st.fixed_dictionaries({"speaker": mostly(speaker, bad_ids), "text": texts}),
        "surprise": hostile,
    }
    for kind in draw(st.sampled_from([[], [], ["date"], ["figure"], ["money"], ["quote"], ["date", "figure"],
                                      ["surprise"]])):
        out[kind] = draw(kinds[kind])
    return out


source_bytes = st.one_of(st.text(max_size=120).map(lambda t: t.encode("utf-8")),
                         st.text(max_size=120).map(lambda t: t.encode("utf-8")), st.binary(max_size=80))


@st.composite
def trees(draw: st.DrawFn) -> dict[str, bytes]:
    """A repository: sources (with sidecars), people and sheets, each mostly valid, sometimes not."""
    files: dict[str, bytes] = {}
    text_of: dict[str, str] = {}
    for sid in draw(st.lists(mostly(slugs, st.sampled_from(["Bad", "a.b", "-x"])), max_size=3, unique=True)):
        data = draw(source_bytes)
        text_of[sid] = data.decode("utf-8", "replace")
        meta: Any = {"title": draw(texts), "sha256": hashlib.sha256(data).hexdigest()}
        if draw(st.booleans()):
            meta["published"] = draw(mostly(st.dates().map(str), texts))
        meta = draw(mostly(st.just(meta), structures))
        if draw(mostly(st.just(True), st.just(False))):
            files[f"content/sources/{sid}.txt"] = data
        files[f"content/sources/{sid}.yml"] = dumps(meta, None, True, 80).encode()
    person_ids = draw(st.lists(slugs, max_size=3, unique=True))
    people = {pid: {"name": draw(texts), "aliases": draw(st.lists(texts, max_size=2))} for pid in person_ids}
    files["facts/people.yml"] = dumps(draw(mostly(st.just(people), structures)), None, True, 80).encode()
    for name in draw(st.lists(slugs, max_size=3, unique=True)):
        sheet: Any = {"title": draw(mostly(texts, hostile)),
                      "facts": [draw(fact(sorted(text_of), text_of, person_ids)) for _ in range(draw(
                          st.integers(0, 4)))]}
        for key in draw(st.sets(st.sampled_from(["date", "summary", "tags", "redirects", "surprise"]))):
            sheet[key] = draw(hostile)
        raw = draw(mostly(st.just(dumps(sheet, None, True, 80).encode()), st.binary(max_size=60)))
        files[f"facts/{name}.yml"] = raw
    return files




@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees())
def test_generated_workspaces_load_and_validate_or_report(files: dict[str, bytes]) -> None:
    from generator.validation import validate

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "facts").mkdir()
        (root / "content" / "sources").mkdir(parents=True)
        for rel, data in files.items():
            (root / rel).write_bytes(data)
        ws = load_workspace(root)
        for f in ws.findings:
            assert f.rule in RULES and f.line >= 1 and f.column >= 1
            assert (root / f.path).exists(), f
        report = validate(ws)
        keys = [(f.path, f.line, f.column, f.rule) for f in report.findings]
        assert keys == sorted(keys)


# --- the normaliser -------------------------------------------------------------

@PROFILE
@given(st.text(max_size=200))
@example("a \u2026  b\r\n\u2028c İ")
def test_fold_maps_every_span_back_into_the_original(text: str) -> None:
    folded = fold(text)
    assert folded.text == fold_text(text)
    n = len(folded.text)
    for a in range(0, n + 1, max(1, n // 15)):
        for b in range(a + 1, n + 1, max(1, n // 15)):
            start, end = folded.span_in_original(a, b)
            assert 0 <= start <= end <= len(text)


# Text with what makes edges hard: digits and separators, hyphens, apostrophes, combining marks,
# decomposed letters, Hangul jamo, CJK, regional indicators and repeated short words.
EDGY = st.lists(st.one_of(
    st.sampled_from(["a", "b", "ab", "1", "60", "160", ",", ".", " ", "  ", "-", "\u2013", "'", "\u2019s", "s",
                     "\u0301", "\u0323", "e\u0301", "\u00e9", "\u1100\u1161", "\uac00", "\u4e2d",
                     "\U0001f1eb\U0001f1f7", "\u2026", "\n", "\u0130", "\u03a3"]),
    st.text(max_size=3)), min_size=1, max_size=40).map("".join).filter(bool)


@PROFILE
@given(st.one_of(st.text(min_size=1, max_size=120), EDGY), st.data())
@example("\u0391\u03a3.\u0392", None)
def test_an_excerpt_copied_from_a_source_is_found_or_cuts_a_token(text: str, data: st.DataObject | None) -> None:
    if data is None:
        a, b = 0, 2
    else:
        a = data.draw(st.integers(0, len(text) - 1))
        b = data.draw(st.integers(a + 1, len(text)))
    excerpt = text[a:b]
    assume(excerpt.strip())
    folded = fold(text)
    where = locate(Citation(source="s", excerpt=excerpt), folded)
    if isinstance(where, Located):
        assert fold_text(text[where.start:where.end]).strip() == fold_text(excerpt).strip()
        assert cut_at(text, where.start, end=False) is None and cut_at(text, where.end, end=True) is None
    elif where.rule != "excerpt-cuts-token":
        # Cut inside a letter whose marks NFC reorders or composes ("Ù" of "Ụ̀"): not even found.
        assert where.rule == "excerpt-not-found", (text, excerpt, where)
        assert "character" in (joined(text, a), joined(text, b)), (text, excerpt, where)
    # Widened to the whole tokens at its ends, the same excerpt is always found (but for a mark
    # on a space at its start: the space is stripped as any leading space is).
    lo, hi = token_around(text, a, b)
    assume(not unicodedata.category(text[lo:hi].strip()[:1] or "x").startswith("M"))
    widened = locate(Citation(source="s", excerpt=text[lo:hi]), folded)
    assert isinstance(widened, Located), (text, text[lo:hi], widened)
    assert fold_text(text[widened.start:widened.end]).strip() == fold_text(text[lo:hi]).strip()


@PROFILE
@given(EDGY, st.data())
def test_only_whole_token_occurrences_count(text: str, data: st.DataObject) -> None:
    """The prefilter that skips occurrences inside words in C agrees with checking every one."""
    folded = fold(text)
    a = data.draw(st.integers(0, len(folded.text) - 1)) if folded.text else 0
    needle = folded.text[a:data.draw(st.integers(a, len(folded.text)))].strip()
    assume(needle)
    every, i = [], folded.text.find(needle)
    while i >= 0:
        every.append(i)
        i = folded.text.find(needle, i + 1)
    whole = []
    for s in every:
        start, end = folded.span_in_original(s, s + len(needle))
        if not (folded.splits_piece(s) or folded.splits_piece(s + len(needle))
                or cut_at(text, start, end=False) or cut_at(text, end, end=True)):
            whole.append(s)
    assert whole_token_starts(folded, needle) == whole
    where = locate(Citation(source="s", excerpt=needle), folded)
    assert isinstance(where, Located) == bool(whole)
    if whole:
        assert isinstance(where, Located) and where.total == len(whole)


# --- value parsers -----------------------------------------------------------------

number_like = st.one_of(
    st.integers(), st.floats(), st.text(max_size=30),
    st.from_regex(r"\s*[0-9]{1,4}([, ][0-9]{3})*(\.[0-9]+)?\s*[a-zA-Z]{0,9}\s*", fullmatch=True),
)


@PROFILE
@given(number_like)
@example(float("inf"))
@example(float("nan"))
@example("9" * 5000)
def test_parse_value_gives_a_decimal_or_value_error(value: int | float | str) -> None:
    try:
        result = parse_value(value)
    except ValueError as exc:
        assert str(exc)
        return
    assert isinstance(result, Decimal)


@PROFILE
@given(st.one_of(st.text(max_size=12), st.from_regex(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", fullmatch=True)))
def test_parse_partial_date_gives_a_date_or_value_error(value: str) -> None:
    try:
        result = parse_partial_date(value)
    except ValueError as exc:
        assert str(exc)
        return
    assert isinstance(result, PartialDate)
    assert str(result) == value


@PROFILE
@given(st.integers(1, 9999), st.integers(0, 13), st.integers(0, 32))
def test_a_full_date_parses_exactly_when_it_exists(year: int, month: int, day: int) -> None:
    text = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        date(year, month, day)
    except ValueError:
        with pytest.raises(ValueError):
            parse_partial_date(text)
    else:
        assert parse_partial_date(text) == PartialDate(year, month, day)


# --- matchers in source text (merged from the `matchers` branch) ----------------------

FINDERS = [(m, name) for m, name in ((numbers_module, "find_numbers"), (money_module, "find_money"),
                                     (dates_module, "find_dates"))]

prose = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from([
        "19,500", "19 500", "3.5", "billion", "bn", "€", "$", "£", "EUR", "USD", "m", "k", "about", "over",
        "26", "April", "2023", "Feb.", "30", "February", "Wednesday", "1st", "third", "two", "-", "–", ".", ",",
        " ", "\n", "½", "١٢", "9" * 40, "1e999", "0.", ".5", "(", ")", "%", "'23", "mid-", "Q3",
    ]), max_size=40).map("".join),
)


@pytest.mark.parametrize("module, name", FINDERS, ids=[n for _, n in FINDERS])
@PROFILE
@given(text=prose)
def test_finders_never_raise_on_any_text(module: Any, name: str, text: str) -> None:
    finder = getattr(module, name, None)
    if finder is None:
        pytest.skip(f"{module.__name__}.{name} is not merged yet (branch `matchers`)")
    found = list(finder(text))
    for item in found:
        span = getattr(item, "span", None) or (getattr(item, "start", None), getattr(item, "end", None))
        if all(isinstance(x, int) for x in span):
            assert 0 <= span[0] <= span[1] <= len(text), item
        value = getattr(item, "value", None)
        if isinstance(value, (Decimal, float)):
            assert not (isinstance(value, float) and math.isnan(value))
