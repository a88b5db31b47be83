"""Fast paths give exactly what the straightforward code they replace gives.

The prefix-tree alternation (country names in claims) against the longest-first alternation; the
excerpt finder on token edges (str.find and a look at the neighbours) against the pattern it was.
"""

from __future__ import annotations

import random
import re

import pytest

from generator.lexicon.places import place_names
from generator.matchers.alternation import longest_first
from generator.validation.locate import _edge_finder


def _plain(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _spans(pattern: str, text: str, flags: int) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"(?<![\w.])(?:" + pattern + r")(?![\w])", text, flags)]


def _texts(words: list[str], rnd: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        pieces = []
        for _ in range(rnd.randint(1, 10)):
            w = rnd.choice(words)
            w = rnd.choice([w, w.upper(), w.lower(), w[:-1], w + "s", "the", ".", "x"])
            pieces.append(w + rnd.choice(["", " ", ". ", "'s ", "-"]))
        out.append("".join(pieces))
    return out


def test_the_places_match_as_the_plain_alternation_does():
    words = list(place_names())
    rnd = random.Random(12)
    texts = _texts(words, rnd, 1500)
    for flags in (0, re.I):
        tree, plain = longest_first(words, bool(flags)), _plain(words)
        assert tree != plain  # really a tree
        found = 0
        for text in texts:
            spans = _spans(plain, text, flags)
            assert _spans(tree, text, flags) == spans, text
            found += len(spans)
        assert found > 1000


def test_words_checked_for_what_precedes_after_their_first_letter_match_as_with_a_lookbehind():
    from generator.lexicon.polarity import NEGATORS

    rnd = random.Random(5)
    cases = [(list(place_names()), r"[\w.]", (0, re.I)), (sorted(NEGATORS), "[a-z]", (0,)),
             (["sun", "\u017fun", "Kelvin", "\u212aelvin", "s"], r"[\w.]", (0, re.I))]  # re.I: the plain fallback
    for words, before, every in cases:
        texts = _texts(words, rnd, 800) + ["\n".join(words), ".".join(words), "x" + " x".join(words)]
        for flags in every:
            plain = re.compile(rf"(?<!{before})(?:{_plain(words)})(?![\w])", flags)
            opening = re.compile(rf"(?:{longest_first(words, bool(flags), not_after=before)})(?![\w])", flags)
            assert opening.pattern[:3] != "(?<"  # it opens on a letter
            found = 0
            for text in texts:
                spans = [m.span() for m in plain.finditer(text)]
                assert [m.span() for m in opening.finditer(text)] == spans, (words[:3], text)
                found += len(spans)
            assert found > 100
    with pytest.raises(ValueError):
        longest_first(["a", ""], not_after="[a-z]")


def test_prefixes_and_case_variants_take_the_longest():
    words = ["New", "New York", "new york city", "NEW YORK CITY HALL", "Ne", "a", "A b", "a b c"]
    rnd = random.Random(3)
    for flags in (0, re.I):
        tree = longest_first(words, bool(flags))
        for text in ["New York City Hall", "new york city", "New York Cit", "a b c", "A b c", "A B"] + \
                _texts(words, rnd, 500):
            assert _spans(tree, text, flags) == _spans(_plain(words), text, flags), text
            # and as a bare alternation in any pattern (no boundaries around it)
            assert [m.span() for m in re.finditer(tree, text, flags)] == \
                [m.span() for m in re.finditer(_plain(words), text, flags)], text


def test_letters_re_folds_together_fall_back_to_the_plain_alternation():
    words = ["sun", "ſun", "Kelvin", "\u212aelvin"]  # "s"/"ſ" match each other under re.I
    assert longest_first(words, True) == _plain(words)
    assert longest_first([], False) == ""


def _edge_pattern_starts(needle: str, hay: str) -> list[int]:
    head = "(?<![0-9a-zA-Z])" if needle[0].isascii() and needle[0].isalnum() else ""
    tail = "(?![0-9a-zA-Z])" if needle[-1].isascii() and needle[-1].isalnum() else ""
    pattern = re.compile(head + re.escape(needle) + tail)
    out, m = [], pattern.search(hay, 0)
    while m:
        out.append(m.start())
        m = pattern.search(hay, m.start() + 1)
    return out


def _finder_starts(needle: str, hay: str) -> list[int]:
    find = _edge_finder(needle)
    out, i = [], find(hay, 0)
    while i >= 0:
        out.append(i)
        i = find(hay, i + 1)
    return out


def test_the_edge_finder_finds_what_its_pattern_found():
    rnd = random.Random(5)
    alphabet = "ab1 .-é"
    cases = [("aa", "a" * 200), ("a", "a a" * 50), ("ab", "xab ab abx ab"), ("b a", "ab a b a b ab"),
             ("1", "1" * 100 + " 1"), (".a", ".a.a a.a"), ("é", "éé é")]
    for _ in range(3000):
        hay = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 80)))
        needle = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 3)))
        cases.append((needle, hay))
    for needle, hay in cases:
        assert _finder_starts(needle, hay) == _edge_pattern_starts(needle, hay), (needle, hay)


# -- the matchers' answers kept per text (generator/matchers/memo.py)

def test_remembered_matchers_answer_as_the_plain_ones(monkeypatch):
    from generator.matchers import memo
    from generator.matchers.dates import find_dates
    from generator.matchers.numbers import find_numbers

    monkeypatch.setattr(memo, "SIZE", 16)  # evictions happen inside this test, not just lookups
    rnd = random.Random(7)
    pieces = ["19,500 children", "on 26 April 2023", "£3.5bn", "more than 40", "two-thirds of", "in 2022",
              "April 5", "at 5.15 p.m.", "half a million", "Monday", "between 200 and 250 million dollars"]
    for _ in range(300):
        text = " and ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 4)))
        assert find_numbers(text) == find_numbers.uncached(text)  # type: ignore[attr-defined]
        assert find_dates(text) == find_dates.uncached(text)  # type: ignore[attr-defined]
    assert len(find_numbers.cache) <= 16  # type: ignore[attr-defined]


def test_each_caller_gets_its_own_list_and_long_texts_are_not_kept():
    from generator.matchers import memo
    from generator.matchers.numbers import find_numbers

    first = find_numbers("19,500 children and 160 aircraft")
    first.clear()  # a caller that changes its list changes nobody else's
    assert len(find_numbers("19,500 children and 160 aircraft")) == 2
    long = "7 days. " * (memo.LONGEST // 8 + 1)
    find_numbers(long)
    assert not any(key[0] == long for key in find_numbers.cache)  # type: ignore[attr-defined]


def test_remembered_keywords_in_either_order_answer_as_the_plain_function():
    from generator.matchers.dates import PartialDate, find_dates

    published = PartialDate(year=2023, month=4, day=30)
    for text in ("on 26 April and yesterday", "last month, on 5/4", "in March"):
        plain = find_dates.uncached(text, published=published, numeric="day first")  # type: ignore[attr-defined]
        assert find_dates(text, published=published, numeric="day first") == plain
        assert find_dates(text, numeric="day first", published=published) == plain
        assert find_dates(text) == find_dates.uncached(text)  # type: ignore[attr-defined]


# -- people's names: one pattern finds the words a name starts with (generator/matchers/people.py)

def _plain_first_words(index, folded: str) -> list[tuple[int, str]]:
    """The walk the pattern replaced: every word of the text, looked up among the names' first words."""
    from generator.matchers.people import _WORD, _names_by_first_word

    by_first, _ = _names_by_first_word(index)
    return [(m.start(), m.group()) for m in _WORD.finditer(folded) if m.group() in by_first]


def test_the_first_word_pattern_finds_what_the_word_walk_found():
    from generator.matchers.people import PeopleIndex, PersonNames, _names_by_first_word
    from generator.normalize import fold_text

    people = [PersonNames("xi", "Xi Jinping", ("President Xi", "Xi")), PersonNames("mo", "Mo Farah", ("Mo",)),
              PersonNames("jo", "José Álvarez", ("Álvarez", "J. Álvarez")),
              PersonNames("ru", "Russia", ("Russian government",)), PersonNames("dd", "D'Arcy O'Neill", ())]
    index = PeopleIndex.build(people)
    _, pattern = _names_by_first_word(index)
    rnd = random.Random(11)
    pieces = ["Xi", "Xi Jinping", "President", "Mo", "Mohamed", "Farah", "José", "álvarez", "J.", "Russia",
              "Russia-Ukraine", "anti-Russia", "D'Arcy", "O'Neill", "x_Xi", "Xi_", "2Xi", "Xi2", "the", ",", "\u00e9"]
    hits = 0
    for _ in range(2000):
        text = fold_text("".join(rnd.choice(pieces) + rnd.choice([" ", "", "-", "'s ", ". ", "_"])
                                 for _ in range(rnd.randint(1, 8))))
        plain = _plain_first_words(index, text)
        assert [(m.start(), m.group()) for m in pattern.finditer(text)] == plain, text
        hits += len(plain)
    assert hits > 2000


def test_a_claim_without_markup_reads_as_the_full_reading_gives():
    from generator.matchers import markup

    rnd = random.Random(4)
    pieces = ["Xi", "said", "*no*", "**so**", "_it_", "`code`", "[link](https://x.org)", "\\*", "\x00", "\x01",
              "  ", "\n", "a*b", "snake_case", "[", "]", "(", ")"]
    for _ in range(2000):
        text = " ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 8)))
        plain = text.replace(markup._PLACEHOLDER, " ").replace(markup._CODE_MARK, " ")
        if markup._MARKERS.search(plain):
            continue
        # the fast answer against the markers' passes, each run anyway (none can match)
        out = markup._CODE.sub("", plain)
        out = markup._LINK.sub("", out)
        assert out == plain and markup._STRONG.sub("", out) == plain and markup._EM.sub("", out) == plain
        assert markup.markup_to_text(text) == " ".join(plain.split())


# -- the claim reader's shortcuts (generator/validation/claims.py)

def _plain_proper_words(text: str) -> list[tuple[str, int, int]]:
    """_proper_words as it was: the text before each capitalised word copied and stripped."""
    from generator.validation.claims import _NOT_NAMES, _PROPER

    out = []
    for m in _PROPER.finditer(text):
        before = text[:m.start()].rstrip(" \t\u00a0\"\u201c\u2018'(")
        if not before or before[-1] in ".!?:\n":
            continue
        word = re.sub(r"['\u2019]s\Z", "", m.group())
        if len(word) >= 4 and word.lower() not in _NOT_NAMES:
            out.append((word, m.start(), m.start() + len(word)))
    return out


def test_proper_words_are_the_stripped_readings():
    from generator.validation.claims import _proper_words

    rnd = random.Random(9)
    pieces = ["Woking", "Guildford's", "said", "the", "May", "Monday", "NATO", "O'Neill", "Jean-Paul", ".", "!", "?",
              ":", "\n", " ", "  ", "\t", "\u00a0", "\"", "\u201c", "\u2018", "'", "(", ")", "Zelensky\u2019s", "Abc"]
    found = 0
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) + rnd.choice(["", " "]) for _ in range(rnd.randint(1, 12)))
        assert _proper_words(text) == _plain_proper_words(text), text
        found += len(_proper_words(text))
    assert found > 1000


def test_a_text_without_a_negator_negates_nothing_and_nothing_denied_matches_nothing():
    from generator.lexicon.polarity import NEGATORS
    from generator.validation.claims import _may_negate, _negates, _stem, _tokens

    rnd = random.Random(2)
    words = sorted(NEGATORS) + ["don't", "won\u2019t", "cannot", "no", "more", "than", "sitting", "sit", "said",
                                "the", "statements", "agreed", "n't", "nt", "isn"]
    for _ in range(3000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 6)))
        toks = _tokens(text)
        following = [w for w, _, _ in toks[1:]] + [""]
        if not _may_negate(text):
            assert not any(_negates(w, f) for (w, _, _), f in zip(toks, following))
        for w, _, _ in toks:
            assert _stem(w, {}) is None


def test_places_named_remembered_as_read():
    from generator.validation.claims import _PLACE_ACRONYM, _PLACE_ANY_CASE, _PLACES, _PLACES_FOLDED, places_named

    for text in ["Russian invaders left UK and us", "the uk, France and FRANCE", "", "US troops in Kyiv, Ukraine",
                 "britain's and Britain's"] * 2:
        plain = {_PLACES_FOLDED[m.group().lower()] for m in _PLACE_ANY_CASE.finditer(text)}
        plain |= {_PLACES[m.group()] for m in _PLACE_ACRONYM.finditer(text)}
        assert places_named(text) == plain, text


def test_the_negator_search_misses_no_negating_word():
    from generator.lexicon.polarity import NEGATORS
    from generator.validation.claims import _may_negate, _negates, _tokens

    rnd = random.Random(6)
    pieces = sorted(NEGATORS) + ["Don\u2019t", "NOT", "No", "knows", "note", "cannot", "can't've", "n'ta", "x'no",
                                 "no'x", "don'tx", "éno", "noé", "more", "than", "1no", "_not", "'", "\u2019", "-"]
    negating = 0
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) + rnd.choice(["", " ", "'", "\u2019", ".", "-"])
                       for _ in range(rnd.randint(0, 6)))
        toks = _tokens(text)
        following = [w for w, _, _ in toks[1:]] + [""]
        if any(_negates(w, f) for (w, _, _), f in zip(toks, following)):
            assert _may_negate(text), text
            negating += 1
    assert negating > 1000


def test_patterns_with_a_first_letter_lookahead_match_as_without_it():
    from generator.matchers import numbers as N

    rnd = random.Random(8)
    words = sorted({*N.NUMERATORS, *N.DENOMINATORS, *N.MULTIPLES, *N.MULTIPLE_ADJECTIVES, *N.FRACTION_FOLLOWERS,
                    *N.MULTIPLE_ADJECTIVE_FOLLOWERS})
    odd = ["\u017fix", "\u017feven", "\u212aelvin", "\u0130", "two-thirds", "Twice", "TRIPLE the", "x-half", "half-", "3"]
    hits = 0
    for name in ("_WORD_FRACTION", "_MULTIPLE"):
        fast = getattr(N, name)
        assert fast.pattern.startswith("(?=[")
        plain = re.compile(fast.pattern[fast.pattern.index("])") + 2:], fast.flags)
        for _ in range(3000):
            text = "".join(rnd.choice(words + odd) + rnd.choice([" ", "-", ", ", ".", "", " of "])
                           for _ in range(rnd.randint(1, 6)))
            text = rnd.choice([text, text.upper(), text.title()])
            got = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
            assert got == [(m.span(), m.groupdict()) for m in plain.finditer(text)], text
            hits += len(got)
    assert hits > 2000


# -- dates: a text with no digit skips the grammars that need one (generator/matchers/dates.py)

def test_every_example_of_a_grammar_that_needs_a_digit_has_one():
    from generator.matchers.dates import DATE_FORMS, NEEDS_DIGIT

    named = {form.name for form in DATE_FORMS}
    assert NEEDS_DIGIT <= named
    for form in DATE_FORMS:
        if form.name in NEEDS_DIGIT:
            for text, _ in form.examples:
                assert any(c.isdigit() for c in text), (form.name, text)


def test_dates_and_times_without_the_digit_shortcut_are_the_same(monkeypatch):
    from generator.matchers import dates
    from generator.matchers.dates import DATE_FORMS, FORMS_PUBLISHED, _TIME, _scan, find_times, time_spans

    rnd = random.Random(13)
    pieces = [t for form in DATE_FORMS for t, _ in (*form.examples, *form.counter)]
    pieces += ["first of June", "June the first", "Monday", "yesterday", "last month", "noon", "at ten am", "in May", "at 5:15 p.m.", "0800 GMT", "10am", "10.30pm",
               "\u0661\u0662/\u0660\u0664/\u0662\u0660\u0662\u0663", "\u0968\u0966\u0968\u0969", "x", ", ", " "]
    texts = [" ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 4))) for _ in range(1500)]
    texts += [re.sub(r"\d", "", t) for t in texts]
    cases = [(t, published, month_only) for t in texts for published in (None, FORMS_PUBLISHED)
             for month_only in (False, True)]
    fast = [_scan(t, None, month_only, published=published) for t, published, month_only in cases]
    fast_times = [(time_spans(t), find_times.uncached(t)) for t in texts]  # type: ignore[attr-defined]
    monkeypatch.setattr(dates, "NEEDS_DIGIT", frozenset())
    monkeypatch.setattr(dates, "_ANY_DIGIT", re.compile(r"(?=)"))  # finds "a digit" everywhere: no shortcut
    assert fast == [_scan(t, None, month_only, published=published) for t, published, month_only in cases]
    assert fast_times == [(time_spans(t), find_times.uncached(t)) for t in texts]  # type: ignore[attr-defined]
    assert any(fast) and any(spans for spans, _ in fast_times)
    assert all(time_spans(t) == [m.span() for m in _TIME.finditer(t)] for t in texts)


def test_the_grammars_word_trees_match_as_their_plain_alternations():
    """Number words, fractions, multiples (re.I) and month and weekday names (Title and UPPER case) as
    prefix trees: each pattern gives what it gave with the plain longest-first alternation."""
    from generator.matchers import dates
    from generator.matchers.dates import MONTHS, WEEKDAYS
    from generator.matchers import numbers as N

    rnd = random.Random(21)
    words = sorted({*N._WORDS, *N.NUMERATORS, *N.DENOMINATORS, *N.MULTIPLES, *N.MULTIPLE_ADJECTIVES})
    for group, flags in ((N._WORDS, re.I), (N.NUMERATORS, re.I), (N.DENOMINATORS, re.I), (N.MULTIPLES, re.I)):
        tree, plain = re.compile(N._tree(group), flags), re.compile(_plain(list(group)), flags)
        for _ in range(500):
            text = " ".join(rnd.choice(words + ["\u017fix", "and", "-"]) for _ in range(rnd.randint(1, 5)))
            text = rnd.choice([text, text.upper(), text.title()])
            assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    names = [f for w in [*MONTHS, *WEEKDAYS] for f in (w.title(), w.upper(), w.lower())]
    for group in (list(MONTHS), list(WEEKDAYS)):
        tree = re.compile(dates._names(group))
        plain = re.compile(_plain([f for w in group for f in {w.title(), w.upper()}]))
        for _ in range(500):
            text = " ".join(rnd.choice(names + ["Mayor", "Junes", "Sept.", "MAYBE"]) for _ in range(rnd.randint(1, 5)))
            assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_words_with_phrases_skip_the_pairs_only_when_no_phrase_can_start():
    from generator.validation.claims import _PHRASES, _with_phrases

    def plain(words: list[str]) -> set[str]:
        return set(words) | {p for p in (f"{a} {b}" for a, b in zip(words, words[1:])) if p in _PHRASES}

    rnd = random.Random(7)
    vocabulary = sorted({w for p in _PHRASES for w in p.split()}) + ["prices", "rose", "fell", "the", "by", "from"]
    cases = [[rnd.choice(vocabulary) for _ in range(rnd.randint(0, 12))] for _ in range(3000)]
    cases += [p.split() for p in _PHRASES] + [["up"], ["from", "up"], []]
    assert any(plain(c) != set(c) for c in cases)  # phrases are found: the fast path is really tested
    for words in cases:
        assert _with_phrases(words) == plain(words), words


# -- patterns searched only where their literal is (generator/matchers/gated.py)

def _gated_patterns():
    import importlib
    import pkgutil

    import generator.matchers
    from generator.matchers.gated import Gated

    found = {}
    for info in pkgutil.walk_packages(generator.matchers.__path__, "generator.matchers."):
        for name, value in vars(importlib.import_module(info.name)).items():
            if isinstance(value, Gated):
                found[f"{info.name}.{name}"] = value
    return found


def test_gated_patterns_find_what_the_plain_patterns_find_in_real_and_mixed_texts():
    import unicodedata
    from pathlib import Path

    gated = _gated_patterns()
    assert len(gated) >= 3
    repo = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((repo / "content" / "sources").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((repo / "tests" / "eval").rglob("*.txt"))]
    texts = [para for t in texts for para in t.split("\n\n")]
    rnd = random.Random(11)
    pieces = ["three quarters of an hour", "Three QUARTERS of an Hour", "a quarter", "the hour-long talk",
              "a week-LONG strike", "half a dozen", "HALF a million", "half-hearted", "1,500", "quarterly",
              "days-long", "ſ", "\u00a0", "two-and-a-half", "one quarter of a year", "halfa", "-", " ",
              "3 1/2", "8\u00bd", "\u00be of", "5-1/4", "7.3/4", "1/2/2023", "3/4", "2,1/3"]
    texts += [rnd.choice(["", " "]).join(rnd.choice(pieces) for _ in range(rnd.randint(1, 8))) for _ in range(3000)]
    texts += [unicodedata.normalize("NFKC", t.upper()) for t in texts[:200]]
    hits = 0
    for name, g in gated.items():
        for text in texts:
            mine = [(m.span(), m.groupdict()) for m in g.finditer(text)]
            assert mine == [(m.span(), m.groupdict()) for m in g.pattern.finditer(text)], (name, text)
            a = rnd.randint(0, len(text))
            b = rnd.randint(a, len(text))  # a window, as the number grammar reads around a number
            assert [m.span() for m in g.finditer(text, a, b)] == [m.span() for m in g.pattern.finditer(text, a, b)]
            hits += len(mine)
            # the gate really is in every match: it can only skip texts the pattern cannot match
            assert all(g.gate.search(m.group()) for m in g.pattern.finditer(text))
    assert hits > 100  # matches were found, not just misses compared


def test_a_currency_code_glued_to_a_number_is_found_as_by_its_lookbehind_form():
    from generator.matchers.money import _GLUED_CODE

    plain = re.compile(r"(?<![A-Za-z])(?P<code>[A-Z]{3})(?=\d)")
    rnd = random.Random(13)
    pieces = ["USD1.5bn", "aUSD1", "EUR 5", "GBP10", "xGBP10", "USDX1", "ABCD1", "The", "1", " ", "-", "."]
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 8))) for _ in range(3000)]
    assert sum(len(plain.findall(t)) for t in texts) > 500
    for text in texts:
        assert [(m.span(), m["code"]) for m in _GLUED_CODE.finditer(text)] == \
            [(m.span(), m["code"]) for m in plain.finditer(text)], text


# -- a text's dates read once, then each published date applied (generator/matchers/dates.py _Reading)

_PUBLISHED_DATES = (None, "2023-02-10", "2023-01-01", "2024-12-31", "2021-03-01", "2023-02", "2024-12", "2022")


def _date_texts() -> list[str]:
    """The grammar's examples, the seeds' and the real evaluation set's sentences, and random mixes of
    the words that read differently by published date or numeric reading."""
    from pathlib import Path

    from generator.matchers.dates import DATE_FORMS

    examples = [t for form in DATE_FORMS for t, _ in (*form.examples, *form.counter)]
    repo = Path(__file__).resolve().parents[1]
    sentences = []
    for folder in ("content/sources", "tests/eval/real/content/sources", "tests/eval/heldout/content/sources"):
        for path in sorted((repo / folder).glob("*.txt")):
            sentences += [s for s in re.split(r"(?<=[.!?])\s+|\n+", path.read_text(encoding="utf-8")) if s.strip()]
    tricky = examples + ["last Thursday", "Thursday", "on Friday 3 March", "last week", "next month", "today",
                         "04/05/2023", "13/04/2023", "04/13/2023", "2023", "in May", "Nov '23", "Dec \u201899",
                         "5 May, Tuesday", "the day before yesterday", "two days ago", "a year ago", "31 December",
                         "1 January", "February 29", "mid-2022", "x", ", "]
    rnd = random.Random(21)
    mixes = [" ".join(rnd.choice(tricky) for _ in range(rnd.randint(1, 5))) for _ in range(1200)]
    assert len(sentences) > 500
    return examples + sentences + mixes


def test_dates_read_once_answer_as_reading_each_time():
    """Every published date (none, a day, a month, a year), default year and numeric reading, asked in
    turn of the same reading, gives what the plain scan gives for it: same dates, order and fields."""
    from generator.matchers import memo
    from generator.matchers.dates import _scan, calendar_spans, find_dates, parse_partial_date, time_spans

    memo.forget()
    plain = find_dates.uncached  # type: ignore[attr-defined]
    publisheds = [parse_partial_date(p) if p else None for p in _PUBLISHED_DATES]
    asked = changed = relative = 0
    for text in _date_texts():
        for numeric in (None, "day first", "month first"):
            for published in publisheds:
                for default_year in ((None, 2021) if published is None else (None,)):
                    want = plain(text, default_year, published=published, numeric=numeric)
                    assert find_dates(text, default_year, published=published, numeric=numeric) == want, \
                        (text, default_year, published, numeric)
                    asked += 1
                    changed += want != plain(text)
                    relative += any(d.relative for d in want)
        assert calendar_spans(text) == sorted({*((d.start, d.end) for d in _scan(text, None, True)),
                                               *time_spans(text)}), text
    # the published date really changed many answers, and relative words took text in many
    assert asked > 50_000 and changed > 5_000 and relative > 2_000, (asked, changed, relative)


def test_each_date_caller_gets_its_own_list():
    from generator.matchers.dates import PartialDate, find_dates

    for published in (None, PartialDate(2023, 2, 10)):
        first = find_dates("on 26 April and yesterday, in 2022", published=published)
        first.clear()
        assert find_dates("on 26 April and yesterday, in 2022", published=published) != []


# -- the polarity pass's shortcuts (generator/validation/claims.py _ClaimReader._polarity)

class _MeetsEverything(frozenset):
    """Shares a word with every set: the opposites' loop then runs for every claim, as it did."""

    def isdisjoint(self, other: object) -> bool:
        return False


def test_polarity_shortcuts_find_what_the_full_pass_finds(monkeypatch):
    """A claim with no opposite's word skips the opposites; one with nothing set aside and no negator reads
    its words as a set, not word by word: the findings are the full pass's, on mixes of every word the
    pass looks at (negators, denials, both sides of each scale and their phrases, quotes, asides)."""
    from generator.lexicon.polarity import NEGATIVE_IN_EXCERPT, NEGATORS, OPPOSITES
    from generator.model import Fact
    from generator.matchers.people import PeopleIndex
    from generator.validation import claims as C

    rnd = random.Random(21)
    scale = sorted({w for o in OPPOSITES for w in o.up | o.down})
    words = scale + sorted(NEGATORS)[:12] + sorted(NEGATIVE_IN_EXCERPT)[:6] + \
        ["don\u2019t", "statement", "statements", "make", "sitting", "sit", "more", "than", "but", "the", "bills",
         "prices", "(not", "rise)", "\u201cnot", "fall\u201d", "\"never", "up\"", ",", "."]
    fact = Fact.model_validate({"id": "f", "claim": "x", "sources": [{"source": "s", "excerpt": "x"}]})
    people = PeopleIndex.from_mapping({})
    texts = [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 9))) for _ in range(1500)]
    pairs = [(rnd.choice(texts), [rnd.choice(texts) for _ in range(rnd.randint(1, 2))]) for _ in range(3000)]
    pairs += [(t, [t]) for t in texts[:500]]  # a claim that is its excerpt, as editors often write one

    def polarity(claim: str, excerpts: list[str]) -> list[tuple[str, str]]:
        found = C.check_claim(fact.model_copy(update={"claim": claim}), [C.Cited(e, None, e, e) for e in excerpts],
                              people)
        return [f for f in found if f[0] == "claim-polarity-mismatch"]

    fast = [polarity(c, e) for c, e in pairs]
    with monkeypatch.context() as m:
        m.setattr(C, "_OPPOSITE_WORDS", _MeetsEverything())
        m.setattr(C, "_may_negate", lambda text: True)  # every claim read word by word, as before
        m.setattr(C, "_word_set", lambda text: C._with_phrases([w for w, _, _ in C._tokens(text)]))
        # an empty aside at the start sets nothing aside, but sends every claim down the word-by-word path
        m.setattr(C, "_ASIDE", re.compile(C._ASIDE.pattern + "|^"))
        full = [polarity(c, e) for c, e in pairs]
    assert fast == full
    assert sum(map(bool, full)) > 300  # the mixes do meet the pass's findings


def test_a_texts_word_set_is_its_words_read_one_by_one():
    from generator.validation.claims import _PHRASES, _tokens, _with_phrases, _word_set

    rnd = random.Random(22)
    pieces = [*sorted(_PHRASES), "Don\u2019t", "it's", "O'Neill", "UP", "from", "2.5", "-", "\u2019", "'", "é", " ", "."]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) + rnd.choice(["", " "]) for _ in range(rnd.randint(0, 10)))
        assert _word_set(text) == _with_phrases([w for w, _, _ in _tokens(text)]), text


def test_attribution_tokens_are_the_patterns_pieces_folded():
    """A text is read for attribution piece by piece (generator/matchers/quotes/tokens.py): each word,
    mark and line break of the tokenising pattern becomes one token, its folded form and case kept."""
    from generator.matchers.people import PeopleIndex
    from generator.matchers.quotes.tokens import _TOKEN, TokenizedText
    from generator.normalize import fold_text

    rnd = random.Random(23)
    pieces = ["Said", "said", "É", "O'Neill", "it\u2019s", "F-16", "U.S.", "3.5", "_", "x_y", ",", ".", "?", "\n",
              "\n\n", " \n \n ", "\t", "\u00a0", "\u2014", "Ｆｕｌｌ", "ﬁne", "İstanbul"]
    people = PeopleIndex.from_mapping({})
    kinds = {"para": "break", "brk": "break", "word": "word", "punct": "punct"}
    for _ in range(2000):
        text = "".join(rnd.choice(pieces) + rnd.choice(["", " "]) for _ in range(rnd.randint(0, 12)))
        expected = [(kinds[m.lastgroup], m.start(), m.end(),
                     {"para": "para", "brk": "line"}.get(m.lastgroup) or fold_text(m.group()),
                     m.lastgroup == "word" and m.group()[0].isupper())
                    for m in _TOKEN.finditer(text)]
        got = [(t.kind, t.start, t.end, t.low, t.upper) for t in TokenizedText(text, people).tokens]
        assert got == expected, text
    with pytest.raises(AttributeError):
        TokenizedText("Hello", people).tokens[0].low = "changed"  # type: ignore[misc]  # tokens stay as read


# -- number grammar: word patterns searched only where their words are (generator/matchers/gated.py)

def test_only_the_odd_characters_match_or_lower_to_an_ascii_letter_besides_ascii_letters():
    """What ``lowered`` relies on, over every code point: re.I matches an ASCII letter only to ASCII
    letters and _CASE_ODD's characters, and no other character's str.lower() holds an ASCII letter."""
    import string

    from generator.matchers.gated import _CASE_ODD

    letter = re.compile("[a-z]", re.I)
    ascii_letters = set(string.ascii_letters)
    odd = set()
    for code in range(0x110000):
        c = chr(code)
        if c not in ascii_letters and (letter.fullmatch(c) or ascii_letters & set(c.lower())):
            odd.add(c)
    assert odd == {c for c in map(chr, range(0x110000)) if _CASE_ODD.fullmatch(c)} == set("\u0130\u0131\u017f\u212a")


def _number_texts(odd_words: bool = False) -> list[str]:
    """The grammar's examples, the seeds' and both evaluation sets' sentences, and random mixes of the
    words the gated patterns need, in every case and next to the characters re.I folds oddly (inside the
    words too with ``odd_words``: the patterns alone are compared there; find_numbers reads "tw\u0130ce" as
"twIce", tests/test_hostile_inputs.py)."""
    from pathlib import Path

    from generator.matchers import numbers as N

    repo = Path(__file__).resolve().parents[1]
    examples = [t for form in N.FORMS for t, _ in (*form.examples, *form.counter)]
    sentences = []
    for folder in ("content/sources", "tests/eval/real/content/sources", "tests/eval/heldout/content/sources"):
        for path in sorted((repo / folder).glob("*.txt")):
            sentences += [s for s in re.split(r"(?<=[.!?])\s+|\n+", path.read_text(encoding="utf-8")) if s.strip()]
    words = sorted({*N.NUMERATORS, *N.DENOMINATORS, *N.MULTIPLES, *N.MULTIPLE_ADJECTIVES, *N.FRACTION_FOLLOWERS,
                    *N.MULTIPLE_ADJECTIVE_FOLLOWERS, *N.RATIO_DENOMINATORS, *N.SECONDS_PER_UNIT, *N.MONTHS_PER_UNIT,
                    "in", "in every", "-in-", "half", "an", "a", "and a half", "1", "4", "10", "3 in 10", "x", "2.5",
                    "an hour", "a year", "half a day", "one in ten", "1 in 4", "two in every five",
                    "three quarters of an hour", "a quarter of a year", "the hour-long talk", "week-LONG", "days-long"})
    odd = [" \u0130N ", " \u0131n ", " \u212a ", " \u017f ", " ye\u0131r ", " \u0130 "]  # apart: no word they spell
    if odd_words:
        odd += ["\u017fixth", "\u017feven", "tw\u0130ce", "th\u0130rd", "\u0131n every ten", "qu\u0130ntuple"]
    rnd = random.Random(12)
    mixes = []
    for _ in range(4000):
        text = "".join(rnd.choice(words + odd) + rnd.choice([" ", "-", ", ", ".", "", " of ", "\u00a0"])
                       for _ in range(rnd.randint(1, 7)))
        mixes.append(rnd.choice([text, text.upper(), text.title(), text.lower()]))
    assert len(sentences) > 500
    return examples + sentences + mixes


def test_word_gated_patterns_find_what_their_patterns_find():
    """Each WordGated pattern of the matchers gives what its plain pattern gives, and every match
    (lowered, in a text without the odd characters) holds its words or its gate's match."""
    import importlib
    import pkgutil

    import generator.matchers
    from generator.matchers.gated import WordGated, lowered

    gated = {f"{info.name}.{name}": g
             for info in pkgutil.walk_packages(generator.matchers.__path__, "generator.matchers.")
             for name, g in vars(importlib.import_module(info.name)).items() if isinstance(g, WordGated)}
    assert {n.rsplit(".", 1)[1] for n in gated} >= {"_WORD_FRACTION_IN", "_MULTIPLE_IN", "_RATIO_IN", "_ONE_UNIT_IN",
                                                    "_WORD_RUN_IN"}
    hits = {name: 0 for name in gated}
    skipped = 0
    for text in _number_texts(odd_words=True):
        low = lowered(text)
        for name, g in gated.items():
            plain = [(m.span(), m.groupdict()) for m in g.pattern.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in g.finditer(text, low)] == plain, (name, text)
            hits[name] += len(plain)
            skipped += not g.may_match(low)
            if low is not None:
                assert all(g.may_match(m.group().lower()) for m in g.pattern.finditer(text)), (name, text)
    assert min(hits.values()) > 20, hits  # matches were found, not just misses compared
    assert skipped > 10_000  # and the gates really skip texts


def test_numbers_read_with_the_gates_are_the_numbers_read_without(monkeypatch):
    """find_numbers with its gates against find_numbers with every pattern run on every text."""
    from generator.matchers import numbers as N

    texts = _number_texts()
    fast = [N.find_numbers.uncached(t) for t in texts]  # type: ignore[attr-defined]
    monkeypatch.setattr(N, "lowered", lambda text: None)  # no lowered text: every gate passes
    monkeypatch.setattr(N, "_DIGITS_IN", N.Gated(N._DIGITS, "(?=)"))  # a gate every text passes
    assert fast == [N.find_numbers.uncached(t) for t in texts]  # type: ignore[attr-defined]
    assert sum(map(len, fast)) > 5000
    assert {m.form for found in fast for m in found} >= {"fraction", "multiple", "ratio", "number"}


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


def test_money_read_with_the_shortcuts_is_the_money_read_without(monkeypatch):
    """find_money skips the currency-before search where no symbol or capital ends just before the number,
    and the glued-code search in texts without a digit: the same amounts as searching everywhere."""
    from pathlib import Path

    from generator.lexicon.money import SYMBOLS, SYMBOLS_AFTER
    from generator.matchers import money as M

    repo = Path(__file__).resolve().parents[1]
    texts = [t for form in M.MONEY_FORMS for t, _ in (*form.examples, *form.counter)]
    for folder in ("content/sources", "tests/eval/real/content/sources", "tests/eval/heldout/content/sources"):
        for path in sorted((repo / folder).glob("*.txt")):
            texts += [s for s in re.split(r"(?<=[.!?])\s+|\n+", path.read_text(encoding="utf-8")) if s.strip()]
    pieces = [*SYMBOLS, *SYMBOLS_AFTER, "USD", "EUR", "usd", "GBP", "ALL", "won", "dollars", "euros", "Australian",
              "1.5bn", "3", "2015", "(", "in constant", "million", "x", "USD1.5bn", "GBP2m", "A", "\u00a0", "\u2009"]
    rnd = random.Random(5)
    texts += ["".join(rnd.choice(pieces) + rnd.choice(["", " ", "\u00a0", "-", ", "]) for _ in range(rnd.randint(1, 8)))
              for _ in range(4000)]
    texts += [*pieces, "EUR9bn", "cost USD9", "USD\u0663 million"]  # a glued code's only digit: 9, or not ASCII
    calls = [(t, symbols) for t in texts for symbols in (None, {"$": "AUD"})]
    fast = [M.find_money(t, symbols=symbols) for t, symbols in calls]
    monkeypatch.setattr(M, "_BEFORE_LAST", _Everything())
    monkeypatch.setattr(M, "_ANY_DIGIT", re.compile("(?=)"))  # finds "a digit" in every text
    assert fast == [M.find_money(t, symbols=symbols) for t, symbols in calls]
    found = [m for money in fast for m in money]
    assert len(found) > 2000 and any(m.start < m.number.start for m in found if m.number)
    assert any(m.raw[:3].isupper() and m.raw[3:4].isdigit() for m in found)  # glued codes were read


def test_the_qualifier_before_a_number_reads_as_with_the_plain_alternation(monkeypatch):
    """The qualifiers as a prefix tree behind a first-letter lookahead: the same match as the plain
    longest-first alternation in every 40-character window before any place, and the same numbers."""
    from generator.matchers import numbers as N

    plain = N._qualifier_before(rf"(?<![\w])(?P<q>{N._QUAL_ALT})")
    rnd = random.Random(40)
    quals = [*N.QUALIFIER_SYNONYMS, "~", "about", "up to", "not  less\u00a0than", "c.", "US$", "$", "EUR", "GBP "]
    mixes = []
    for _ in range(3000):
        text = "".join(rnd.choice(quals + ["x", "the", "5", "10", "s\u017f", "\u0130", "ove", "at", "-"])
                       + rnd.choice([" ", "", "\u00a0", "  ", ", "]) for _ in range(rnd.randint(1, 6)))
        mixes.append(rnd.choice([text, text.upper(), text.title()]))
    texts = _number_texts() + mixes
    hits = 0
    for text in texts:
        for a in range(len(text) + 1):
            got = N._QUALIFIER_BEFORE.search(text, max(0, a - 40), a)
            want = plain.search(text, max(0, a - 40), a)
            assert (got and (got.span(), got["q"])) == (want and (want.span(), want["q"])), (text, a)
            hits += want is not None
    assert hits > 3000
    fast = [N.find_numbers.uncached(t) for t in texts]  # type: ignore[attr-defined]
    monkeypatch.setattr(N, "_QUALIFIER_BEFORE", plain)
    assert fast == [N.find_numbers.uncached(t) for t in texts]  # type: ignore[attr-defined]
    assert sum(1 for found in fast for m in found if m.qualifier) > 150


def test_the_currency_after_a_number_reads_as_with_the_plain_alternations(monkeypatch):
    """Currency adjectives and words as prefix trees: the same match as the plain longest-first
    alternations at every place, and the same amounts."""
    from generator.lexicon.money import CURRENCY_ADJECTIVES, CURRENCY_WORDS, SYMBOLS_AFTER
    from generator.matchers import money as M

    plain = M._after(M._ADJ_ALT, M._WORD_ALT)
    rnd = random.Random(44)
    pieces = [*CURRENCY_WORDS, *{a for a, _ in CURRENCY_ADJECTIVES}, *SYMBOLS_AFTER, "5", "3.5 billion", "USD", "es",
              "s", "-", "x", "dollarsign", "\u017f", "\u0130", "poundſ"]
    texts = [rnd.choice(["", " ", "\u00a0"]).join(rnd.choice(pieces) + rnd.choice(["", " ", "  ", "-"])
                                                  for _ in range(rnd.randint(1, 6))) for _ in range(3000)]
    texts = [rnd.choice([t, t.upper(), t.title()]) for t in texts] + _number_texts()
    hits = 0
    for text in texts:
        for at in range(len(text) + 1):
            got, want = M._AFTER.match(text, at), plain.match(text, at)
            assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), (text, at)
            hits += bool(want and want["word"])
    assert hits > 3000
    fast = [M.find_money(t) for t in texts]
    monkeypatch.setattr(M, "_AFTER", plain)
    assert fast == [M.find_money(t) for t in texts]
    assert sum(1 for found in fast for m in found if m.raw[-1:].isalpha()) > 100  # words read after numbers
