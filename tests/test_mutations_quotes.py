"""FactCC-style mutations of real (speaker, quote, excerpt) triples from the seeds.

Every original is supported with no problem at all; every mutation — one word
changed, a word dropped or added inside the quote, a negation added or dropped,
the speaker swapped for someone named in the same excerpt or elsewhere — is an
error.
"""

from __future__ import annotations

import pytest

from generator.findings import Severity
from generator.model import Quote
from generator.normalize import fold
from generator.rules import severity_of
from generator.validation.checks.quotes import check_quote
from tests.test_quotes import CTX, PEOPLE, excerpt

TRIPLES = [
    (4, "xi-jinping", "There are no winners in nuclear wars",
     "“There are no winners in nuclear wars,” the Chinese government said Xi told Zelenskyy."),
    (4, "xi-jinping", "On the nuclear issue, all relevant parties must remain calm and exercise restraint",
     "“There are no winners in nuclear wars,” the Chinese government said Xi told Zelenskyy. “On the nuclear issue, "
     "all relevant parties must remain calm and exercise restraint"),
    (4, "andriy-yermak", "We appealed to China and presented President Zelenskyy's peace plan",
     "“We appealed to China and presented President Zelenskyy’s peace plan,” Yermak said."),
    (4, "andriy-yermak", "Of course we cannot say that we accept China's political plan or position",
     "“We appealed to China and presented President Zelenskyy’s peace plan,” Yermak said. “Of course we cannot say "
     "that we accept China’s political plan or position, but it is good that they are ready to engage."),
    (4, "volodymyr-zelensky", "long and meaningful",
     "Writing on Twitter, Zelenskyy said the call was “long and meaningful.”"),
    (4, "volodymyr-zelensky", "There can be no peace at the expense of territorial compromises",
     "But, Zelenskyy insisted, “There can be no peace at the expense of territorial compromises.”"),
    (4, "eric-mamer", "It is an important, long-overdue first step by China",
     "“It is an important, long-overdue first step by China in exercising its responsibilities as a member of the UN "
     "Security Council,” European Commission spokesman Eric Mamer said, according to French Media Agency."),
    (4, "john-kirby", "a good thing",
     "John Kirby, a White House Homeland Security spokesman, he told reporters the call was “a good thing,” but it’s "
     "unclear whether it will lead to some kind of peace."),
    (3, "emmanuel-macron", "Let there be common sense to say that we are not waging war against Russia",
     "“Let there be common sense to say that we are not waging war against Russia,” Macron said."),
    (3, "emmanuel-macron", "At some point, … we have to negotiate, the Ukrainian president and his government",
     "“At some point, when we have helped Ukraine to the maximum and when – I hope – Ukraine has won and especially "
     "when there can be a ceasefire, we have to negotiate, the Ukrainian president and his government have to "
     "negotiate with Russia.” said Macron."),
    (3, "emmanuel-macron", "when the time is right",
     "Macron, who had long said he was ready to go to Kyiv “when the time is right”"),
    (3, "xi-jinping", "promoted world peace and the stability of the world economic order",
     "The Chinese leader stressed in a call with Putin that China had always “independently assessed” the situation "
     "and “promoted world peace and the stability of the world economic order,” Beijing said."),
    (3, "volodymyr-zelensky", "We must receive a response from the European Union",
     "In a speech to the Czech parliament, Zelensky reiterated his call for more weapons and urged the EU to respond "
     "positively to Ukraine’s EU bid. “We must receive a response from the European Union – from all Member States – "
     "on the issue of the status of Ukraine."),
    (3, "kremlin", "noted the legitimacy of Russia 's actions to defend its core national interests",
     "The Kremlin said Wednesday that Xi “noted the legitimacy of Russia ‘s actions to defend its core national "
     "interests in the face of external security challenges.”"),
    (2, "xi-jinping", "China is happy to see Russia and relevant parties make positive efforts to defuse",
     "Xinhua news agency reported Xi as saying “China is happy to see Russia and relevant parties make positive "
     "efforts to defuse” the crisis in Ukraine."),
    (2, "xi-jinping", "are good neighbours that cannot be moved away, and true friends who share weal and woe",
     "Xi said “history and reality” show the two countries “are good neighbours that cannot be moved away, and true "
     "friends who share weal and woe, support each other and achieve common development”, Xinhua reported."),
    (2, "vladimir-putin", "reliable partner",
     "Both sides have made much of Xi and Putin’s supposedly strong personal bond, with Xi calling the Russian leader "
     "his “best friend” and Putin lauding his “reliable partner”."),
    (2, "xi-jinping", "best friend",
     "Both sides have made much of Xi and Putin’s supposedly strong personal bond, with Xi calling the Russian leader "
     "his “best friend” and Putin lauding his “reliable partner”."),
    (2, "ursula-von-der-leyen", "His goal remains Ukraine's capitulation",
     "“The war in Ukraine remains the most central and consequential crisis for Europe’s future. Putin is trying "
     "harder than ever to win this war on the ground. His goal remains Ukraine’s capitulation,” von der Leyen said at "
     "a summit in Kyiv"),
    (2, "antonio-guterres", "We must spare no effort to bring an end to this conflict, and achieve a just and lasting "
     "peace",
     "United Nations Secretary-General Antonio Guterres said on Monday that countries must work to bring an end to "
     "the Russia-Ukraine war, calling for a just and lasting peace on the third anniversary of Russia’s invasion of "
     "Ukraine.\n“We must spare no effort to bring an end to this conflict, and achieve a just and lasting peace in "
     "line with the U.N. Charter, international law and General Assembly resolutions,” he told a high-level meeting"),
    (2, "sergei-ryabkov", "normalize relations",
     "Speaking to Russian state media, Ryabkov indicated that the potential summit could cover broad global issues, "
     "not just Ukraine. He emphasized the need to “normalize relations” and address “acute and potentially "
     "dangerous situations.”"),
    (0, "ursula-von-der-leyen", "I encouraged President Xi to reach out to President Zelenskyi",
     "“I encouraged President Xi to reach out to President Zelenskyi. I know it from my phone calls, and President "
     "Zelenskyi has asked for it publicly,” the President of the European Commission said."),
    (0, "volodymyr-zelensky", "complete bankruptcy of international institutions",
     "Ukrainian President Zelenskyi described Russia assuming the UN Security Council presidency on April 1 as "
     "“complete bankruptcy of international institutions”."),
    (0, "xi-jinping", "reasonable security concerns",
     "On the second day of Macron’s state visit to China, Xi took his long-standing line on Russia’s full-scale "
     "invasion of Ukraine — saying that “all sides” have “reasonable security concerns”"),
    (1, "volodymyr-zelensky", "long and significant",
     'Zelensky reported on Twitter that he had a "long and significant" meeting with Xi'),
    (1, "xi-jinping", "negotiation",
     'For his part, the Chinese president told him that "negotiation" is the only way out of the conflict, state '
     'television CCTV reported.'),
    (1, "emmanuel-macron", "bring Russia to reason",
     'French head of state Emmanuel Macron urged Xi Jinping to "bring Russia to reason" over Ukraine'),
    (1, "volodymyr-zelensky", "a powerful boost in the development of bilateral relations",
     'The Ukrainian president noted that he hoped this first contact would trigger "a powerful boost in the '
     'development of bilateral relations" between Kyiv and Beijing.'),
]

SWAPS = {"no": "some", "not": "now", "never": "always", "peace": "war", "war": "peace", "china": "russia",
         "russia": "china", "ukraine": "russia", "long": "short", "good": "bad", "positive": "negative",
         "all": "some", "must": "may", "important": "minor", "best": "worst", "reliable": "unreliable"}
NEGATIONS = {"not", "no", "never"}


def word_mutations(quote: str) -> list[tuple[str, str]]:
    words = quote.split()
    out = []
    at = next((i for i, w in enumerate(words) if w.lower().strip(",.;:") in SWAPS), None)
    if at is None:
        at = max(range(len(words)), key=lambda i: len(words[i]))
        changed = words[:at] + ["elephants"] + words[at + 1:]
    else:
        w = words[at].lower().strip(",.;:")
        changed = words[:at] + [SWAPS[w]] + words[at + 1:]
    out.append(("change-word", " ".join(changed)))
    # Dropping the first or last word leaves a true partial quote: drop one inside.
    if len(words) >= 3:
        out.append(("drop-word", " ".join(words[:1] + words[2:])))
    out.append(("add-word", " ".join(words[:1] + ["really"] + words[1:]) if len(words) > 1 else words[0] + " really"))
    if any(w.lower().strip(",.") in NEGATIONS for w in words):
        out.append(("drop-negation", " ".join(w for w in words if w.lower().strip(",.") not in NEGATIONS)))
    else:
        out.append(("add-negation", " ".join(words[:1] + ["not"] + words[1:])))
        out.append(("add-never", " ".join(words[:1] + ["never"] + words[1:])))
    return out


def speaker_mutations(speaker: str, text: str) -> list[str]:
    named = {pid for m in PEOPLE.mentions(fold(text).text) for pid in m.ids}
    others = sorted(named - {speaker})
    elsewhere = next(p for p in ("olaf-scholz", "mario-draghi") if p != speaker and p not in named)
    return others + [elsewhere]


def _id(triple) -> str:
    return f"{triple[0]}-{triple[1]}-{triple[2][:24]}"


def test_there_are_enough_triples():
    assert len(TRIPLES) >= 25
    assert len({(s, q) for _, s, q, _ in TRIPLES}) == len(TRIPLES)


@pytest.mark.parametrize("triple", TRIPLES, ids=_id)
def test_original_is_supported(triple):
    n, speaker, quote, text = triple
    outcome = check_quote(Quote(speaker=speaker, text=quote), excerpt(n, text), CTX)
    assert outcome.problems == []
    assert outcome.highlights


@pytest.mark.parametrize("triple", TRIPLES, ids=_id)
def test_every_mutation_is_an_error(triple):
    n, speaker, quote, text = triple
    cited = excerpt(n, text)
    mutants = [(name, Quote(speaker=speaker, text=q)) for name, q in word_mutations(quote)]
    mutants += [(f"speaker->{other}", Quote(speaker=other, text=quote)) for other in speaker_mutations(speaker, cited)]
    assert len(mutants) >= 4
    survivors = []
    for name, mutant in mutants:
        outcome = check_quote(mutant, cited, CTX)
        if not any(severity_of(rule) is Severity.ERROR for rule, _ in outcome.problems):
            survivors.append((name, mutant.speaker, mutant.text, outcome.problems))
    assert survivors == []
