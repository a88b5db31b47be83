"""Units: the things a figure counts, their synonyms, and the words that end a counted noun phrase.

A figure's ``unit`` is compared with the noun the source counts at the number (see
``generator.matchers.units``). Inflections (child/children, country/countries) come from the
lemminflect dictionary; what a dictionary cannot know is written here.
"""

from __future__ import annotations

# Words that name the same unit. Each group is keyed by its first member (singular, lower case);
# every member is a singular form or an abbreviation, plurals are derived. Percentage points are a
# unit of their own, never percent.
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("percent", "per cent", "%", "pc", "pct", "pct."),
    ("percentage point", "pp", "ppt", "percentage-point"),
    ("country", "nation"),
    ("person", "people", "individual"),
    ("child", "kid"),
    ("soldier", "troop", "serviceman", "servicemember", "service member"),
    ("aircraft", "plane", "airplane", "aeroplane"),
    ("kilometre", "kilometer", "km"),
    ("metre", "meter"),
    ("centimetre", "centimeter", "cm"),
    ("millimetre", "millimeter", "mm"),
    ("mile", "mi"),
    ("kilogram", "kilogramme", "kg", "kilo"),
    ("gram", "gramme", "g"),
    ("tonne", "metric ton"),
    ("litre", "liter"),
    ("hour", "hr", "hrs"),
    ("minute", "min", "mins"),
    ("second", "sec", "secs"),
    ("year", "yr", "yrs"),
    ("square kilometre", "square kilometer", "sq km", "km2", "km²"),
    ("kilometre per hour", "kilometer per hour", "km/h", "kph"),
    ("mile per hour", "mph"),
)

# Written right after a number, these name percent or percentage points (longer forms first).
PERCENT_FORMS: dict[str, str] = {
    "percentage points": "percentage point", "percentage point": "percentage point",
    "percentage-points": "percentage point", "% points": "percentage point", "pp": "percentage point",
    "ppt": "percentage point", "per cent": "percent", "percent": "percent", "pct": "percent",
    "pc": "percent", "%": "percent",
}

# Units written glued to the number or as a symbol: "40km", "5 kg", "36h". Lower case.
ABBREVIATIONS: frozenset[str] = frozenset(
    {"km", "cm", "mm", "mi", "kg", "g", "hr", "hrs", "h", "min", "mins", "sec", "secs", "yr", "yrs",
     "km2", "km²", "km/h", "kph", "mph", "sq"}
)

# Nouns whose plural is the singular: after a number they count ("1500 aircraft"), the dictionary
# cannot tell their plural use from the singular one.
# Plurals not made with -s: a count of them is a count, not a label ("3 children", not "Day 3").
IRREGULAR_PLURALS: frozenset[str] = frozenset("children men women data".split())
INVARIANT_PLURALS: frozenset[str] = frozenset(
    """aircraft spacecraft hovercraft watercraft sheep deer fish cattle livestock personnel staff police
    people crew offspring series species means headquarters barracks swine bison moose salmon trout
    cod squid shrimp""".split()
)

# Words that end the noun phrase after a number: what follows them is not what the number counts
# ("300 tanks were destroyed", "19,500 children that Russia ...", "40 times in the past decade").
PHRASE_STOPS: frozenset[str] = frozenset(
    """a an the this that these those its their his her our my your whose which who whom what where when
    while whereas of in on at to from for by with within without over under across into onto per since
    during between after before about against among amid through via than as like near until upon
    and or but nor so yet if because although though is are was were be been being has have had do does
    did will would shall should can could may might must it they them he she we you i me us him
    each apiece respectively only alone more less ago later earlier also already still even not no
    out up down off here there then""".split()
)

# "19,500 of the children", "12 of the 27 member states", "3 out of 10 children": what the number
# counts follows the "of" and these words.
OF_DETERMINERS: frozenset[str] = frozenset(
    "the these those its their his her our your all whom which".split()
)
