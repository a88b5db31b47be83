"""A generated stand-in for the BBC News 2005 corpus, same shape, for when it is absent.

``<out>/<category>/<NNN>.txt``: a title line, a blank line, then paragraphs of
sentences that carry money amounts, percentages, counts, dates and quotations
with their speakers, as news copy does. Deterministic for a given seed.

    python bench/synth_corpus.py OUT [--articles 2225] [--seed 2005]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")
FIRST = ("Tony", "Gordon", "Sarah", "Michael", "Anna", "David", "Maria", "James", "Helen", "Peter",
         "Laura", "Robert", "Emma", "Charles", "Nadia", "Oliver", "Grace", "Henry", "Alice", "Paul")
LAST = ("Blackwood", "Ferreira", "Okafor", "Lindqvist", "Marchetti", "Haddad", "Novak", "Tanaka",
        "Kowalski", "Brennan", "Osei", "Delacroix", "Varga", "Moreau", "Castillo", "Ibsen", "Quigley",
        "Rahman", "Sorensen", "Whitfield", "Abbott", "Nakamura", "Petrov", "Duarte", "Fairweather")
ORGS = ("TimeWarner", "the Treasury", "Sony", "the BBC", "Vodafone", "the FA", "Microsoft", "Ofcom",
        "the European Commission", "Deutsche Bank", "Chelsea", "the Labour Party", "Nintendo")
NOUNS = ("subscribers", "jobs", "fans", "voters", "players", "users", "shops", "homes", "copies", "visitors")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
VERBS = ("rose", "fell", "jumped", "slipped", "climbed", "dropped")
QUOTES = ("We are very pleased with the progress we have made this year",
          "This is a difficult time for everyone involved",
          "The figures speak for themselves and we expect more growth",
          "I do not think anyone saw this coming",
          "It was a very clear decision and the only one we could make",
          "We will keep working until the job is done")


def _money(rng: random.Random) -> str:
    symbol = rng.choice("$£€")
    if rng.random() < 0.5:
        return f"{symbol}{rng.randint(1, 99)}.{rng.randint(1, 99):02d}bn"
    return f"{symbol}{rng.randint(2, 950)}m"


def _date(rng: random.Random) -> str:
    month = rng.choice(MONTHS)
    year = rng.choice((2003, 2004, 2005))
    if rng.random() < 0.5:
        return f"{rng.randint(1, 28)} {month} {year}"
    return f"{month} {year}"


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _sentence(rng: random.Random) -> str:
    org = rng.choice(ORGS)
    kind = rng.randrange(10)  # about half plain statements, as in news copy
    if kind == 0:
        return (f"Profits at {org} {rng.choice(VERBS)} {rng.randint(2, 90)}% to {_money(rng)} "
                f"for the three months to {rng.choice(MONTHS)}.")
    if kind == 1:
        return f"{org.capitalize()} said it had {rng.randint(2, 999):,} {rng.choice(NOUNS)} at the end of the year."
    if kind == 2:
        return f"The deal was first announced on {_date(rng)} after months of talks."
    if kind == 3:
        return f"\"{rng.choice(QUOTES)},\" said {_person(rng)}."
    if kind == 4:
        return f"More than {rng.randint(2, 99) * 1000:,} {rng.choice(NOUNS)} are expected to take part."
    if kind == 5:
        return (f"Analysts said the decision by {org} would be watched closely by "
                f"{rng.choice(('rivals', 'regulators', 'investors', 'fans'))} across Europe.")
    if kind == 6:
        return f"{org.capitalize()} has not commented on the {rng.choice(NOUNS)} reports."
    if kind == 7:
        return f"The move follows a long dispute between {org} and {rng.choice(ORGS)} over the terms."
    if kind == 8:
        return f"Critics say {org} has been too slow to respond to its {rng.choice(('rivals', 'customers'))}."
    return f"{_person(rng)} joined {org} from {rng.choice(ORGS)} earlier in the year."


def article(rng: random.Random) -> str:
    title = f"{rng.choice(ORGS).capitalize()} {rng.choice(VERBS)} on {rng.choice(NOUNS)} figures"
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(6, 12))]
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_corpus(out: Path, articles: int = 2225, seed: int = 2005) -> Path:
    """Write the articles; like the real corpus, one (the first sport article) is Windows-1252, not UTF-8."""
    rng = random.Random(seed)
    for n in range(articles):
        folder = out / CATEGORIES[n % len(CATEGORIES)]
        folder.mkdir(parents=True, exist_ok=True)
        text = article(rng)
        data = text.encode("utf-8")
        if n == CATEGORIES.index("sport"):
            data = (text + "The fee was \u00a315.8m.\n").encode("cp1252")
        (folder / f"{n // len(CATEGORIES) + 1:03d}.txt").write_bytes(data)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=2225)
    parser.add_argument("--seed", type=int, default=2005)
    args = parser.parse_args()
    write_corpus(args.out, args.articles, args.seed)


if __name__ == "__main__":
    main()
