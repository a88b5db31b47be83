"""Words that turn a statement into its opposite: negators and pairs of opposite words.

The claim check (``generator.validation.claims``) refuses a claim whose polarity its excerpt does not
share: "the G7 is no longer united" over an excerpt saying "the G7 is united", or "bills will rise"
over "bills will be cut". A new opposite is one entry in ``OPPOSITES``: both sides' word forms (or
two-word phrases, "up from") and an example of each side, which tests/test_polarity.py turns into tests.
"""

from __future__ import annotations

from dataclasses import dataclass

# Words that negate the clause they stand in. "no" before a comparative ("no more than 40", "went no
# further than") limits rather than negates; "no longer" negates.
NEGATORS: frozenset[str] = frozenset("""
not never no none neither nor nobody nothing nowhere cannot
n't didn't doesn't don't hasn't haven't hadn't wasn't weren't isn't aren't won't wouldn't can't
couldn't shouldn't mustn't needn't
""".split())
NOT_NEGATING_AFTER_NO: frozenset[str] = frozenset("""
more less fewer later earlier sooner further farther greater bigger larger smaller higher lower better worse
""".split())
# Between a negator and the word it denies ("do not have any statements", "make no single
# statement"): read past these to the denied word.
NEGATED_SKIPS: frozenset[str] = frozenset("have has had do does did be been being is are was were any a an single "
                                          "the such longer".split())  # "will no longer trade"
# After a denial, these turn it into a contrast: "not from Washington but from Brussels" denies Washington.
CONTRASTS: frozenset[str] = frozenset("but instead rather".split())
# In an excerpt these say a negative too: a claim's "did not" may paraphrase "failed to" or "without".
NEGATIVE_IN_EXCERPT: frozenset[str] = frozenset("""
without fail fails failed failing refuse refuses refused refusing lack lacks lacked lacking unable absent
deny denies denied denying
""".split())


@dataclass(frozen=True, slots=True)
class Opposite:
    """Two sides of a scale; a claim using one side where its excerpt uses only the other says the opposite."""

    name: str
    up: frozenset[str]
    down: frozenset[str]
    up_example: tuple[str, str]  # (excerpt, claim that keeps its polarity)
    down_example: tuple[str, str]  # (excerpt, claim that reverses it)


def _forms(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _forms_phrases(*phrases: str) -> frozenset[str]:
    return frozenset(phrases)


OPPOSITES: tuple[Opposite, ...] = (
    Opposite("increase/decrease",
             _forms("increase increases increased increasing rise rises rose risen rising raise raises raised "
                    "raising grow grows grew grown growing boost boosts boosted boosting climb climbs climbed "
                    "climbing"),
             _forms("decrease decreases decreased decreasing fall falls fell fallen falling drop drops dropped "
                    "dropping cut cuts cutting reduce reduces reduced reducing decline declines declined "
                    "declining shrink shrinks shrank shrunk shrinking"),
             ("Energy bills will rise by £100", "Bills will increase by £100"),
             ("Energy bills will be cut by £100", "Bills will rise by £100")),
    Opposite("larger/smaller",
             _forms("larger largest bigger biggest greater greatest higher highest"),
             _forms("smaller smallest lesser least lower lowest"),
             ("Austria is larger than Switzerland", "Austria is bigger than Switzerland"),
             ("Austria is larger than Switzerland", "Austria is smaller than Switzerland")),
    Opposite("win/lose",
             _forms("win wins won winning"),
             _forms("lose loses lost losing"),
             ("the party won 40 seats", "the party won 40 seats"),
             ("the party won 40 seats", "the party lost 40 seats")),
    Opposite("accept/reject",
             _forms("accept accepts accepted accepting approve approves approved approving"),
             _forms("reject rejects rejected rejecting refuse refuses refused refusing"),
             ("MPs approved the bill", "MPs accepted the bill"),
             ("MPs approved the bill", "MPs rejected the bill")),
    Opposite("allow/ban",
             _forms("allow allows allowed allowing permit permits permitted permitting"),
             _forms("ban bans banned banning prohibit prohibits prohibited prohibiting forbid forbids "
                    "forbade forbidden"),
             ("exports are allowed", "exports are permitted"),
             ("exports are allowed", "exports are banned")),
    Opposite("support/oppose",
             _forms("support supports supported supporting"),
             _forms("oppose opposes opposed opposing"),
             ("12 countries supported the motion", "12 countries supported the motion"),
             ("12 countries supported the motion", "12 countries opposed the motion")),
    Opposite("agreed/negatived",  # a parliament's record: "Question put and agreed to", "… and negatived"
             _forms("agreed carried"),
             _forms("negatived defeated"),
             ("Question put and agreed to", "The Question was put and agreed to"),
             ("Question put and agreed to", "The Question was put and negatived")),
    Opposite("up/down",  # two-word phrases: "up" and "down" alone are too often something else
             _forms_phrases("up from", "up by"),
             _forms_phrases("down from", "down by"),
             ("1.8% in September, down from 2.2% in August", "1.8%, down from 2.2%"),
             ("1.8% in September, down from 2.2% in August", "rose to 1.8%, up from 2.2%")),
    Opposite("high/low",  # a level, not a comparison (that is larger/smaller)
             _forms("high"),
             _forms("low"),
             ("the unemployment rate has remained low", "unemployment has remained low"),
             ("the unemployment rate has remained low", "the unemployment rate has remained high")),
    Opposite("above/below",
             _forms("above"),
             _forms("below"),
             ("GDP is now 0.4% below its pre-coronavirus level", "GDP was 0.4% below that level"),
             ("GDP is now 0.4% below its pre-coronavirus level", "GDP was 0.4% above its pre-coronavirus level")),
    Opposite("strong/weak",
             _forms("strong stronger strongest"),
             _forms("weak weaker weakest"),
             ("Job gains have remained strong", "job gains stayed strong"),
             ("Job gains have remained strong", "job gains have remained weak")),
    Opposite("continue/stop",
             _forms("continue continues continued continuing"),
             _forms("stop stops stopped stopping halt halts halted halting cease ceases ceased ceasing"),
             ("the Committee will continue reducing its holdings", "the Committee will continue reducing them"),
             ("the Committee will continue reducing its holdings", "the Committee will stop reducing its holdings")),
    Opposite("united/divided",
             _forms("united unified"),
             _forms("divided split"),
             ("the G7 is united", "the G7 is unified"),
             ("the G7 is united", "the G7 is divided")),
)
