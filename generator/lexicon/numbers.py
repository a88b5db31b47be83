"""Number words beyond the integers: fractions, multiples, and the verbs of change.

The number grammar (``generator.matchers.numbers``) builds its fraction, multiplicative and range
forms from these tables; a new word is one entry here.
"""

from __future__ import annotations

# Vulgar fraction characters: (numerator, denominator).
VULGAR_FRACTIONS: dict[str, tuple[int, int]] = {
    "\u00bd": (1, 2), "\u2153": (1, 3), "\u2154": (2, 3), "\u00bc": (1, 4), "\u00be": (3, 4), "\u2155": (1, 5),
    "\u2156": (2, 5), "\u2157": (3, 5), "\u2158": (4, 5), "\u2159": (1, 6), "\u215a": (5, 6), "\u215b": (1, 8),
    "\u215c": (3, 8), "\u215d": (5, 8), "\u215e": (7, 8),
}

# Denominators in words, singular ("a third") and plural ("two thirds").
DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
    "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}
NUMERATORS: dict[str, int] = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                              "seven": 7, "eight": 8, "nine": 9}
# "one in ten", "two in five", "1 in 4": a ratio. Its denominators in words.
RATIO_DENOMINATORS: dict[str, int] = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                                      "nine": 9, "ten": 10, "twenty": 20, "a hundred": 100, "hundred": 100,
                                      "a thousand": 1000, "thousand": 1000}
# After "a third" or "half", the words that make it a fraction ("a third of", "half the"); before
# anything else ("a third term") it is not one.
# Before "three quarters", "two thirds": the words that make them a count of periods ("over the past
# three quarters", "the first two quarters of 2024"), not a fraction.
PERIOD_COUNTERS: tuple[str, ...] = ("past", "last", "next", "previous", "first", "final", "coming", "recent",
                                    "consecutive", "successive", "straight")
FRACTION_FOLLOWERS: tuple[str, ...] = ("of", "the", "a", "an", "as", "more", "less", "fewer", "its", "their",
                                       "his", "her", "all")

# How many times: always a multiple ("twice", "doubled") ...
MULTIPLES: dict[str, int] = {
    "twice": 2, "thrice": 3, "doubled": 2, "doubling": 2, "doubles": 2, "tripled": 3, "tripling": 3,
    "triples": 3, "trebled": 3, "trebling": 3, "quadrupled": 4, "quadrupling": 4, "twofold": 2,
    "threefold": 3, "fourfold": 4, "fivefold": 5, "tenfold": 10,
}
# ... or only before these words ("double the number"; "double standards" counts nothing).
MULTIPLE_ADJECTIVES: dict[str, int] = {"double": 2, "triple": 3, "treble": 3, "quadruple": 4}
MULTIPLE_ADJECTIVE_FOLLOWERS: tuple[str, ...] = ("the", "that", "this", "its", "their", "what", "in", "from", "to")

# Verbs of change before "from A to B": two values, not a range ("rose from 10 to 20").
CHANGE_VERBS: tuple[str, ...] = (
    "rose", "rise", "rises", "risen", "rising", "fell", "fall", "falls", "fallen", "falling", "increase",
    "increased", "increasing", "decrease", "decreased", "decreasing", "grew", "grow", "grows", "grown",
    "growing", "climbed", "jumped", "dropped", "declined", "went", "go", "goes", "gone", "slipped", "cut",
    "raised", "reduced", "up", "down", "moved", "change", "changed",
)
# The words between two numbers that make them a range ("10 to 20", "between 10 and 20", "10-20").
RANGE_WORDS: tuple[str, ...] = ("to", "or", "and", "through")

# Scale words and suffixes → the power of ten they multiply by ("19.5 thousand", "600m", "1.13bn",
# the wire services' "3 bln"). A suffix of one letter is read only glued to the number ("5 m" may be
# metres); longer ones after a space too ("3 bn").
SCALE_WORDS: dict[str, int] = {"hundred": 2, "thousand": 3, "million": 6, "billion": 9, "trillion": 12}
# Historic and formal styles write the scale word in the plural after digits ("£2,300 millions").
PLURAL_SCALE_WORDS: dict[str, int] = {w + "s": p for w, p in SCALE_WORDS.items() if p >= 3}
SCALE_SUFFIXES: dict[str, int] = {"k": 3, "m": 6, "mn": 6, "mln": 6, "b": 9, "bn": 9, "bln": 9, "tn": 12,
                                  "trn": 12}

# Number words: units and teens, tens, their ordinals, and the large scales as words.
UNIT_WORDS: tuple[str, ...] = tuple(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())  # each worth its index
TENS_WORDS: tuple[str, ...] = tuple("twenty thirty forty fifty sixty seventy eighty ninety".split())  # 20, 30, ...
ORDINAL_UNIT_WORDS: tuple[str, ...] = tuple(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split())  # 1, 2, ...
ORDINAL_TENS_WORDS: tuple[str, ...] = tuple(
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split())  # 20th, 30th, ...
ORDINAL_SCALE_WORDS: dict[str, int] = {"hundredth": 2, "thousandth": 3, "millionth": 6, "billionth": 9}
DOZEN = "dozen"
# Number words a claim uses as a determiner or an adjective more often than as a count ("one of the",
# "the first to benefit"): a claim's "first" is not the number 1.
NOT_COUNTS: frozenset[str] = frozenset({"one", "first"})
# ... except where a cited excerpt states a rank of its own: "the first transfer" over "the second
# transfer" is a wrong rank, not a word of order.
RANKS_WHERE_RANKED: frozenset[str] = frozenset({"first"})

# The qualifiers of the format (FORMAT.md), and every written form of each (lower case). Longer
# forms win over the forms they contain.
QUALIFIERS: tuple[str, ...] = ("about", "more than", "less than", "at least", "at most", "almost", "up to")
QUALIFIER_SYNONYMS: dict[str, str] = {
    "no more than": "at most", "not more than": "at most", "at most": "at most",
    "a maximum of": "at most", "maximum of": "at most",
    "no fewer than": "at least", "no less than": "at least", "not less than": "at least",
    "not fewer than": "at least", "at least": "at least", "a minimum of": "at least", "minimum of": "at least",
    "more than": "more than", "greater than": "more than", "in excess of": "more than",
    "upwards of": "more than", "over": "more than", "above": "more than", "exceeding": "more than",
    # A negated bound is the opposite bound: "not exceeding 20 years" is at most 20.
    "not exceeding": "at most", "not over": "at most", "not above": "at most", "no greater than": "at most",
    "not greater than": "at most", "not in excess of": "at most", "not under": "at least",
    "not below": "at least",
    "nearly": "almost", "almost": "almost", "close to": "almost", "just under": "almost",
    "just shy of": "almost", "not quite": "almost",
    "about": "about", "some": "about", "around": "about", "approximately": "about",
    "roughly": "about", "an estimated": "about", "estimated": "about", "approx.": "about",
    "circa": "about", "~": "about", "c.": "about",
    "less than": "less than", "fewer than": "less than", "under": "less than", "below": "less than",
    "up to": "up to", "as many as": "up to", "as much as": "up to", "up to and including": "at most",
}
# Written after the number: "50 or more", "40-plus", "40+". A form of words follows a space, a single
# word may be glued with a hyphen, a symbol is glued.
POSTFIX_QUALIFIERS: dict[str, str] = {"or more": "at least", "or so": "about", "plus": "more than",
                                      "+": "more than", "or fewer": "at most", "or less": "at most",
                                      "or higher": "at least", "or above": "at least", "or over": "at least",
                                      "or greater": "at least", "and over": "at least", "and above": "at least",
                                      "or lower": "at most", "or below": "at most", "or under": "at most",
                                      # ages and amounts: "aged 65 or older", "18 and upwards", "5 and under"
                                      "or older": "at least", "and older": "at least", "or upwards": "at least",
                                      "and upwards": "at least", "or younger": "at most", "and younger": "at most",
                                      "and under": "at most", "and below": "at most"}
# What a qualifier in the text lets a fact say: "more than 50" supports "at least 50" too.
ENTAILS: dict[str, frozenset[str]] = {
    "about": frozenset({"about"}),
    "more than": frozenset({"more than", "at least"}),
    "at least": frozenset({"at least"}),
    "less than": frozenset({"less than", "at most", "up to"}),
    "at most": frozenset({"at most", "up to"}),
    "up to": frozenset({"up to", "at most"}),
    "almost": frozenset({"almost", "less than", "at most", "up to", "about"}),
}

# Vague quantities: "hundreds of", "tens of thousands", "millions": no figure, but an order of magnitude,
# as [low, high). "tens of"/"hundreds of" before a scale multiply its range.
VAGUE_QUANTITIES: dict[str, tuple[int, int]] = {
    "dozens": (24, 144), "hundreds": (200, 1_000), "thousands": (2_000, 1_000_000),
    "millions": (2_000_000, 1_000_000_000), "billions": (2_000_000_000, 1_000_000_000_000),
}
VAGUE_MULTIPLIERS: dict[str, tuple[int, int]] = {"tens": (20, 100), "hundreds": (200, 1_000)}
VAGUE_UNITS: dict[str, int] = {"thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000}
