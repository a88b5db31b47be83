"""Currencies: ISO 4217 codes, the symbols and words texts write for them, and what a bare symbol means.

The money grammar (``generator.matchers.money``), the model's ``currency`` check and the renderer's
symbols all read these tables; a new symbol or currency word is one entry here.
"""

from __future__ import annotations

# Active ISO 4217 codes (XAU/XAG and the like are deliberately out: facts cite money).
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
CODE_WORDS: frozenset[str] = frozenset(
    {"ALL", "TOP", "CUP", "MOP", "BOB", "SOS", "GEL", "MAD", "PEN", "TRY", "CVE", "LAK"})

# Symbol → the currencies it can mean (the first is the usual reading).
SYMBOLS: dict[str, tuple[str, ...]] = {
    "US$": ("USD",), "U.S.$": ("USD",), "A$": ("AUD",), "AU$": ("AUD",), "C$": ("CAD",), "CA$": ("CAD",),
    "NZ$": ("NZD",), "HK$": ("HKD",), "S$": ("SGD",), "R$": ("BRL",), "$": ("USD",),
    "€": ("EUR",), "£": ("GBP",), "¥": ("JPY", "CNY"), "₹": ("INR",), "₽": ("RUB",), "₴": ("UAH",),
    "₩": ("KRW",), "₺": ("TRY",), "₪": ("ILS",), "₦": ("NGN",),
}
# Symbols written after the number ("5€", "100 £").
SYMBOLS_AFTER: tuple[str, ...] = ("€", "£", "¥", "₽", "₴", "₹")

# Symbols several currencies write alike, and the word a text writes for the same bare currency
# ("$5m", "5 million dollars"). A source's sidecar may say what they mean in its text
# (``currency_symbols: {"$": AUD}``); unsaid, the usual reading of SYMBOLS and CURRENCY_WORDS holds.
# "¥" has no bare word: "yen" and "yuan" each name one currency.
SHARED_SYMBOLS: dict[str, str | None] = {"$": "dollar", "£": "pound", "¥": None}

# Currency word after the number (lower case, singular and plural), with an optional adjective.
CURRENCY_WORDS: dict[str, tuple[str, ...]] = {
    "dollar": ("USD",), "euro": ("EUR",), "pound": ("GBP",), "sterling": ("GBP",),
    "pounds sterling": ("GBP",), "yen": ("JPY",), "yuan": ("CNY",), "renminbi": ("CNY",),
    "rouble": ("RUB",), "ruble": ("RUB",), "hryvnia": ("UAH",), "hryvnya": ("UAH",), "hryvnias": ("UAH",),
    "hryvni": ("UAH",), "rupee": ("INR",), "franc": ("CHF",), "zloty": ("PLN",), "zlotys": ("PLN",),
    "zlotych": ("PLN",), "lira": ("TRY",), "liras": ("TRY",), "lire": ("TRY",), "won": ("KRW",),
    "shekel": ("ILS",), "rand": ("ZAR",), "krona": ("SEK",), "kronor": ("SEK",), "krone": ("NOK",),
    "kroner": ("NOK",), "forint": ("HUF",), "riyal": ("SAR",), "dirham": ("AED",), "naira": ("NGN",),
}
# "won" is also a verb: it names the currency only after a scaled amount ("3 billion won").
VERB_CURRENCY_WORDS: frozenset[str] = frozenset({"won"})
CURRENCY_ADJECTIVES: dict[tuple[str, str], tuple[str, ...]] = {
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

# How the site writes an amount: a symbol before it for these, the code for every other currency.
DISPLAY_SYMBOLS: dict[str, str] = {
    "EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "INR": "₹", "KRW": "₩", "UAH": "₴", "RUB": "₽"}
