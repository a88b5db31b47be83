"""Money: ISO 4217 currencies, amounts editors write and amounts in source text.

An amount in text is a number (read by the number grammar) with a currency
next to it: a symbol before it (``$ 1 billion``, ``€3.5B``, ``US$5m``), an ISO
code before or after it (``EUR 2 billion``, ``2 billion EUR``) or a currency
word after it (``3.5 billion euros``, ``5m Australian dollars``).
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from generator.lexicon.money import (
    CODE_WORDS,
    CURRENCY_ADJECTIVES,
    CURRENCY_WORDS,
    ISO_4217,
    SHARED_SYMBOLS,
    SYMBOLS,
    SYMBOLS_AFTER,
    VERB_CURRENCY_WORDS,
)
from generator.lexicon.numbers import SCALE_SUFFIXES, SCALE_WORDS
from generator.lexicon.text import GROUP_SPACES, WORD_SPACES
from generator.matchers.alternation import longest_first
from generator.matchers.forms import Form
from generator.matchers.numbers import NumberMention, find_numbers, number_at
from generator.normalize import as_grammars_read

__all__ = ["ISO_4217", "SYMBOLS", "MoneyMention", "find_money"]

_GS, _WS = GROUP_SPACES, WORD_SPACES  # the space classes' characters, as the lexicon has them

_SYM_ALT = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
_GAP = f"[{_GS}]?"
_BEFORE = re.compile(rf"(?:(?P<sym>{_SYM_ALT})|(?<![A-Za-z])(?P<code>[A-Z]{{3}})){_GAP}\Z")
# The last character of what _BEFORE reads (a symbol's, or a code's capital): a number with none of them
# before it (nor before a group space before it) has no currency before it, and the search is skipped.
_BEFORE_LAST = frozenset({s[-1] for s in SYMBOLS} | set(string.ascii_uppercase))
_GAP_CHARS = frozenset(_GS)
# USD1.5bn: the number grammar skips it. What precedes is checked after the first capital (opening on
# it, the pattern is found in C): (?<![A-Za-z][A-Z]) there is (?<![A-Za-z]) before it.
_GLUED_CODE = re.compile(r"(?P<code>[A-Z](?<![A-Za-z][A-Z])[A-Z]{2})(?=\d)")
_ANY_DIGIT = re.compile(r"\d")  # what a glued code needs after it: most texts read here hold none
_WORD_ALT = "|".join(re.escape(w) for w in sorted(CURRENCY_WORDS, key=len, reverse=True))
_ADJ_ALT = "|".join(re.escape(a) for a in sorted({a for a, _ in CURRENCY_ADJECTIVES}, key=len, reverse=True))
_SYM_AFTER_ALT = "|".join(re.escape(s) for s in SYMBOLS_AFTER)


def _after(adj_alt: str, word_alt: str) -> re.Pattern[str]:
    """What names the currency after the number: an (adjective and) currency word, a code or a symbol."""
    return re.compile(
        rf"(?:[{_WS}]{{0,2}}(?:-[{_WS}]{{0,2}})?(?:(?P<adj>{adj_alt})[{_WS}]+)?(?P<word>{word_alt})(?:e?s)?(?![\w])"
        rf"|{_GAP}(?P<code>(?-i:[A-Z]{{3}}))(?![\w])"
        rf"|{_GAP}(?P<sym>{_SYM_AFTER_ALT}))",
        re.I,
    )


# Tried after every number: the adjectives and words as prefix trees (matchers/alternation.py), the
# same matches as their plain alternations _ADJ_ALT and _WORD_ALT (tests compare), without trying each
# word in turn (0.042 against 0.027 s after the 36,492 numbers of the 1x BBC run).
_AFTER = _after(longest_first({a for a, _ in CURRENCY_ADJECTIVES}, ignorecase=True),
                longest_first(CURRENCY_WORDS, ignorecase=True))
# A year before a currency names the base of constant prices: "(2015 USD)", "in constant 2015 dollars".
_PRICE_BASE = re.compile(rf"(?:\(|(?<![\w])(?:in|constant|real|of)[{_WS}]+)[{_WS}]*\Z", re.I)
_YEAR = re.compile(r"(?:1[89]|20)\d\d\Z")
# A currency word that is also a verb ("won") names the currency only after a scaled amount
# ("3 billion won", "3 bln won"): every scale of a thousand or more.
_SCALED = re.compile("(?:" + "|".join(re.escape(w) for w, p in sorted({**SCALE_WORDS, **SCALE_SUFFIXES}.items(),
                                                                      key=lambda i: -len(i[0])) if p >= 3)
                     + r")\Z", re.I)


@dataclass(frozen=True, slots=True)
class MoneyMention:
    """An amount of money in text. ``currency`` is the usual reading of the
    symbol or word; ``currencies`` holds every reading (``¥`` is JPY or CNY)."""

    start: int
    end: int
    amount: Decimal
    currency: str
    currencies: tuple[str, ...] = ()
    raw: str = ""
    number: NumberMention | None = None

    def is_in(self, code: str) -> bool:
        return code == self.currency or code in self.currencies


def _code(code: str) -> tuple[str, ...] | None:
    return (code,) if code in ISO_4217 and code not in CODE_WORDS else None


def _bare(symbols: Mapping[str, str]) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """SYMBOLS and CURRENCY_WORDS as a text reads them: a shared symbol its source says the meaning of
    (``{"$": "AUD"}``) means that currency, bare and as its bare word ("5 million dollars")."""
    syms, words = dict(SYMBOLS), dict(CURRENCY_WORDS)
    for sym, code in symbols.items():
        if sym in SHARED_SYMBOLS:
            syms[sym] = (code,)
            word = SHARED_SYMBOLS[sym]
            if word is not None:
                words[word] = (code,)
    return syms, words


def find_money(text: str, numbers: list[NumberMention] | None = None,
               symbols: Mapping[str, str] | None = None) -> list[MoneyMention]:
    """Every amount of money in ``text`` in order (``numbers``: find_numbers(text), when at hand).

    ``symbols``: what the text's shared symbols mean where the source says so (its sidecar's
    ``currency_symbols``, e.g. ``{"$": "AUD"}``); ``A$``, ``US$`` and adjectives still name their own.
    """
    text = as_grammars_read(text)
    syms, words = _bare(symbols) if symbols else (SYMBOLS, CURRENCY_WORDS)
    out: list[MoneyMention] = []
    for n in find_numbers(text) if numbers is None else numbers:
        if n.ordinal:
            continue
        start, end, codes = n.start, n.end, None
        last = text[start - 1:start] if start else ""
        if last in _GAP_CHARS:
            last = text[start - 2:start - 1] if start >= 2 else ""
        before = _BEFORE.search(text, max(0, n.start - 8), n.start) if last in _BEFORE_LAST else None
        if before:
            codes = syms[before["sym"]] if before["sym"] else _code(before["code"])
            if codes:
                start = before.start()
        if not codes:
            if _YEAR.match(n.raw) and _PRICE_BASE.search(text, max(0, n.start - 10), n.start):
                continue  # "(2015 USD)", "in 2015 dollars": the prices' base year, not an amount
            after = _AFTER.match(text, n.end)
            if after and after["word"]:
                word = after["word"].lower()
                if word in VERB_CURRENCY_WORDS and not _SCALED.search(n.raw):
                    continue
                adj = after["adj"].lower() if after["adj"] else None
                codes = CURRENCY_ADJECTIVES.get((adj, word)) if adj else None
                codes = codes or words[word]
            elif after and after["code"]:
                codes = _code(after["code"])
            elif after and after["sym"]:
                codes = syms[after["sym"]]
            if codes and after is not None:
                end = after.end()
        if codes:
            out.append(MoneyMention(start, end, n.value, codes[0], codes, text[start:end], n))
    for g in _GLUED_CODE.finditer(text) if _ANY_DIGIT.search(text) else ():
        codes = _code(g["code"])
        glued = number_at(text, g.end()) if codes else None
        if codes and glued and not glued.ordinal:
            out.append(MoneyMention(g.start(), glued.end, glued.value, codes[0], codes, text[g.start():glued.end],
                                    glued))
    out.sort(key=lambda m: m.start)
    return out


# Each form the money grammar reads, with examples (tests and README's table are generated from them).
# A reading is the currency and the amount; "none" reads no money.
MONEY_FORMS: tuple[Form, ...] = (
    Form("symbol before", "a currency symbol, then the number; a bare `$` is USD unless the source's sidecar says "
         "otherwise (`currency_symbols`)",
         (("$1.13bn", "USD 1.13 billion"), ("\u20ac3.5B", "EUR 3.5 billion"), ("$ 1 billion", "USD 1 billion"),
          ("A$5m", "AUD 5 million"), ("HK$40 million", "HKD 40 million"), ("US$2 billion", "USD 2 billion"),
          ("\u00a5300bn", "JPY/CNY 300 billion"))),
    Form("code", "an ISO 4217 code before or after the number, or glued before it",
         (("EUR 2 billion", "EUR 2 billion"), ("2 billion EUR", "EUR 2 billion"), ("USD1.5bn", "USD 1.5 billion"))),
    Form("currency word", "the number, then a currency's name, with the country's adjective where it has one",
         (("3.5 billion euros", "EUR 3.5 billion"), ("5m Australian dollars", "AUD 5 million"),
          ("600 million pounds sterling", "GBP 600 million"), ("3 bln won", "KRW 3 billion"))),
    Form("symbol after", "the number, then a symbol written after it", (("5\u20ac", "EUR 5"),)),
    Form("not money", "a year before a currency is a price base; `won` after a number is a verb unless the "
         "number is scaled", (),
         (("GDP per head (2015 USD)", "none"), ("in constant 2015 dollars", "none"), ("all 5 won their seats", "none"),
          ("ALL 5 MEN", "none"))),
)
