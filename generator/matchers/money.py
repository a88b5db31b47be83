"""Money: ISO 4217 currencies, amounts editors write and amounts in source text.

An amount in text is a number (read by the number grammar) with a currency
next to it: a symbol before it (``$ 1 billion``, ``€3.5B``, ``US$5m``), an ISO
code before or after it (``EUR 2 billion``, ``2 billion EUR``) or a currency
word after it (``3.5 billion euros``, ``5m Australian dollars``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from generator.matchers.numbers import NumberMention, find_numbers, number_at

# Active ISO 4217 codes (plus XAU/XAG and the like are deliberately out: facts cite money).
ISO_4217: frozenset[str] = frozenset(
    """AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN
    BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP
    GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS
    KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR
    MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF
    SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD
    TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL""".split()
)
# Codes that are also upper-case English words ("ALL 5 MEN"): not read as currencies in text.
_CODE_WORDS = frozenset({"ALL", "TOP", "CUP", "MOP", "BOB", "SOS", "GEL", "MAD", "PEN", "TRY", "CVE", "LAK"})

# Symbol → the currencies it can mean (the first is the usual reading).
SYMBOLS: dict[str, tuple[str, ...]] = {
    "US$": ("USD",), "U.S.$": ("USD",), "A$": ("AUD",), "AU$": ("AUD",), "C$": ("CAD",), "CA$": ("CAD",),
    "NZ$": ("NZD",), "HK$": ("HKD",), "S$": ("SGD",), "R$": ("BRL",), "$": ("USD",),
    "€": ("EUR",), "£": ("GBP",), "¥": ("JPY", "CNY"), "₹": ("INR",), "₽": ("RUB",), "₴": ("UAH",),
    "₩": ("KRW",), "₺": ("TRY",), "₪": ("ILS",), "₦": ("NGN",),
}
# Currency word after the number (lower case, singular and plural), with an optional adjective.
_WORDS: dict[str, tuple[str, ...]] = {
    "dollar": ("USD",), "euro": ("EUR",), "pound": ("GBP",), "sterling": ("GBP",),
    "pounds sterling": ("GBP",), "yen": ("JPY",), "yuan": ("CNY",), "renminbi": ("CNY",),
    "rouble": ("RUB",), "ruble": ("RUB",), "hryvnia": ("UAH",), "hryvnya": ("UAH",), "hryvnias": ("UAH",),
    "hryvni": ("UAH",), "rupee": ("INR",), "franc": ("CHF",), "zloty": ("PLN",), "zlotys": ("PLN",),
    "zlotych": ("PLN",), "lira": ("TRY",), "liras": ("TRY",), "lire": ("TRY",), "won": ("KRW",),
    "shekel": ("ILS",), "rand": ("ZAR",), "krona": ("SEK",), "kronor": ("SEK",), "krone": ("NOK",),
    "kroner": ("NOK",), "forint": ("HUF",), "riyal": ("SAR",), "dirham": ("AED",), "naira": ("NGN",),
}
_ADJECTIVES: dict[tuple[str, str], tuple[str, ...]] = {
    ("us", "dollar"): ("USD",), ("u.s.", "dollar"): ("USD",), ("american", "dollar"): ("USD",),
    ("australian", "dollar"): ("AUD",), ("canadian", "dollar"): ("CAD",), ("new zealand", "dollar"): ("NZD",),
    ("hong kong", "dollar"): ("HKD",), ("singapore", "dollar"): ("SGD",), ("taiwan", "dollar"): ("TWD",),
    ("new taiwan", "dollar"): ("TWD",), ("british", "pound"): ("GBP",), ("egyptian", "pound"): ("EGP",),
    ("swiss", "franc"): ("CHF",), ("chinese", "yuan"): ("CNY",), ("japanese", "yen"): ("JPY",),
    ("russian", "rouble"): ("RUB",), ("russian", "ruble"): ("RUB",), ("indian", "rupee"): ("INR",),
    ("pakistani", "rupee"): ("PKR",), ("ukrainian", "hryvnia"): ("UAH",), ("turkish", "lira"): ("TRY",),
    ("swedish", "krona"): ("SEK",), ("swedish", "kronor"): ("SEK",), ("norwegian", "krone"): ("NOK",),
    ("norwegian", "kroner"): ("NOK",), ("danish", "krone"): ("DKK",), ("danish", "kroner"): ("DKK",),
    ("south korean", "won"): ("KRW",), ("saudi", "riyal"): ("SAR",),
}

_SYM_ALT = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
_GAP = "[ \u00a0\u2009\u202f]?"
_BEFORE = re.compile(rf"(?:(?P<sym>{_SYM_ALT})|(?<![A-Za-z])(?P<code>[A-Z]{{3}})){_GAP}\Z")
_GLUED_CODE = re.compile(r"(?<![A-Za-z])(?P<code>[A-Z]{3})(?=\d)")  # USD1.5bn: the number grammar skips it
_WORD_ALT = "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True))
_ADJ_ALT = "|".join(re.escape(a) for a in sorted({a for a, _ in _ADJECTIVES}, key=len, reverse=True))
_AFTER = re.compile(
    rf"(?:[ \u00a0]{{0,2}}(?:-[ \u00a0]{{0,2}})?(?:(?P<adj>{_ADJ_ALT})[ \u00a0]+)?(?P<word>{_WORD_ALT})(?:e?s)?(?![\w])"
    rf"|{_GAP}(?P<code>(?-i:[A-Z]{{3}}))(?![\w])"
    rf"|{_GAP}(?P<sym>€|£|¥|₽|₴|₹))",
    re.I,
)
# A year before a currency names the base of constant prices: "(2015 USD)", "in constant 2015 dollars".
_PRICE_BASE = re.compile(r"(?:\(|(?<![\w])(?:in|constant|real|of)[ \u00a0]+)[ \u00a0]*\Z", re.I)
_YEAR = re.compile(r"(?:1[89]|20)\d\d\Z")
# "won" is also a verb: it names the currency only after a scaled amount ("3 billion won").
_SCALED = re.compile(r"(?:[kmb]|bn|mn|tn|trn|thousand|million|billion|trillion)\Z", re.I)


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
    return (code,) if code in ISO_4217 and code not in _CODE_WORDS else None


def find_money(text: str, numbers: list[NumberMention] | None = None) -> list[MoneyMention]:
    """Every amount of money in ``text`` in order (``numbers``: find_numbers(text), when at hand)."""
    out: list[MoneyMention] = []
    for n in find_numbers(text) if numbers is None else numbers:
        if n.ordinal:
            continue
        start, end, codes = n.start, n.end, None
        before = _BEFORE.search(text, max(0, n.start - 8), n.start)
        if before:
            codes = SYMBOLS[before["sym"]] if before["sym"] else _code(before["code"])
            if codes:
                start = before.start()
        if not codes:
            if _PRICE_BASE.search(text, max(0, n.start - 10), n.start) and _YEAR.match(n.raw):
                continue  # "(2015 USD)", "in 2015 dollars": the prices' base year, not an amount
            after = _AFTER.match(text, n.end)
            if after and after["word"]:
                word = after["word"].lower()
                if word == "won" and not _SCALED.search(n.raw):
                    continue
                adj = after["adj"].lower() if after["adj"] else None
                codes = _ADJECTIVES.get((adj, word)) if adj else None
                codes = codes or _WORDS[word]
            elif after and after["code"]:
                codes = _code(after["code"])
            elif after and after["sym"]:
                codes = SYMBOLS[after["sym"]]
            if codes and after is not None:
                end = after.end()
        if codes:
            out.append(MoneyMention(start, end, n.value, codes[0], codes, text[start:end], n))
    for g in _GLUED_CODE.finditer(text):
        codes = _code(g["code"])
        glued = number_at(text, g.end()) if codes else None
        if codes and glued and not glued.ordinal:
            out.append(MoneyMention(g.start(), glued.end, glued.value, codes[0], codes, text[g.start():glued.end],
                                    glued))
    out.sort(key=lambda m: m.start)
    return out
