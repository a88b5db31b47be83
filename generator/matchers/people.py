"""Who is who: names and aliases from facts/people.yml, folded for matching."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from generator.lexicon.speech import BODY_WORDS
from generator.matchers.alternation import longest_first
from generator.normalize import fold_text


@dataclass(frozen=True, slots=True)
class PersonNames:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    role: str = ""  # what they are ("President of China"): tells a description of them from someone else

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class PeopleIndex:
    """Folded name or alias → the ids of the people it names."""

    people: dict[str, PersonNames] = field(default_factory=dict)
    by_name: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def build(cls, people: Iterable[PersonNames]) -> "PeopleIndex":
        index = cls()
        for person in people:
            index.people[person.id] = person
            for name in person.all_names:
                key = fold_text(name).strip()
                if key:
                    index.by_name[key].add(person.id)
        return index

    @classmethod
    def from_mapping(cls, people: Mapping[str, object]) -> "PeopleIndex":
        """From model ``Person`` objects (anything with ``name``, ``aliases`` and ``role``)."""
        return cls.build(
            PersonNames(pid, getattr(p, "name"), tuple(getattr(p, "aliases", ()) or ()),
                        getattr(p, "role", "") or "")
            for pid, p in people.items()
        )

    def lookup(self, name: str) -> set[str]:
        return set(self.by_name.get(fold_text(name).strip(), ()))

    def display(self, pid: str) -> str:
        """The person's name as people.yml gives it, or the id when unknown."""
        person = self.people.get(pid)
        return person.name if person is not None else pid

    def is_body(self, pid: str) -> bool:
        """A government, office, agency or statement rather than a person: what "it" can stand for,
        and what speaks through a spokesman. Read from the name and role in people.yml."""
        person = self.people.get(pid)
        if person is None:
            return False
        return any(w in BODY_WORDS for w in _WORD.findall(fold_text(f"{person.name} {person.role}")))

    def mentions(self, folded: str) -> list["NameMention"]:
        """Names and aliases in text already folded by ``generator.normalize.fold``."""
        return find_mentions(self, folded)

    def shared_names(self) -> dict[str, set[str]]:
        """Names or aliases that more than one person answers to."""
        return {n: ids for n, ids in self.by_name.items() if len(ids) > 1}


@dataclass(frozen=True, slots=True)
class NameMention:
    """Where a text names someone: offsets in the folded text it was found in."""

    start: int
    end: int
    ids: frozenset[str]
    name: str  # the folded name or alias that matched


_WORD = re.compile(r"[^\W_]+")


def find_mentions(index: PeopleIndex, folded: str) -> list[NameMention]:
    """Every name or alias of ``index`` in ``folded`` (text folded by ``fold``), longest first.

    A name matches only at word boundaries, and not as part of a hyphenated
    compound ("the Russia-Ukraine war" does not name Russia). Overlapping matches
    that name the same people merge into one mention ("President Xi" and
    "Xi Jinping" give "President Xi Jinping"); between different people the
    longest wins.
    """
    by_first, first_words = _names_by_first_word(index)
    found: list[tuple[int, int, str]] = []
    # Only the words a name starts with, found by one pattern (the words between are not walked).
    for m in first_words.finditer(folded) if by_first else ():
        p = m.start()
        if p > 1 and folded[p - 1] == "-" and folded[p - 2].isalnum():
            continue
        for name in by_first.get(m.group(), ()):
            q = p + len(name)
            if folded.startswith(name, p) and _ends_word(folded, q, name):
                found.append((p, q, name))
    return _resolve_overlaps(found, index)


def _ends_word(text: str, q: int, name: str) -> bool:
    if not name[-1].isalnum() or q >= len(text):
        return True
    nxt = text[q]
    if nxt.isalnum():
        return False
    # "Russia-Ukraine": a compound, not a mention of Russia.
    return not (nxt == "-" and q + 1 < len(text) and text[q + 1].isalnum())


def _names_by_first_word(index: PeopleIndex) -> tuple[dict[str, list[str]], re.Pattern[str]]:
    """The names by their first word (longest first), and a pattern finding exactly the words of a
    text (as ``_WORD`` cuts them) that some name starts with: a whole word, one of those."""
    cache: tuple[int, dict[str, list[str]], re.Pattern[str]] | None = index.__dict__.get("_by_first")
    if cache is not None and cache[0] == len(index.by_name):
        return cache[1], cache[2]
    by_first: dict[str, list[str]] = defaultdict(list)
    for name in index.by_name:
        first = _WORD.search(name)
        if first is not None and first.start() == 0:
            by_first[first.group()].append(name)
    for names in by_first.values():
        names.sort(key=len, reverse=True)
    result = dict(by_first)
    first_words = re.compile(r"(?<![^\W_])(?:" + longest_first(result) + r")(?![^\W_])")
    index.__dict__["_by_first"] = (len(index.by_name), result, first_words)
    return result, first_words


def _resolve_overlaps(found: list[tuple[int, int, str]], index: PeopleIndex) -> list[NameMention]:
    found.sort()
    groups: list[list[tuple[int, int, str]]] = []
    reach = -1
    for item in found:
        if groups and item[0] < reach:
            groups[-1].append(item)
            reach = max(reach, item[1])
        else:
            groups.append([item])
            reach = item[1]
    mentions: list[NameMention] = []
    for group in groups:
        ids = [frozenset(index.by_name[name]) for _, _, name in group]
        if all(i == ids[0] for i in ids):
            longest = max(group, key=lambda g: g[1] - g[0])[2]
            mentions.append(NameMention(group[0][0], max(g[1] for g in group), ids[0], longest))
            continue
        taken: list[NameMention] = []
        for start, end, name in sorted(group, key=lambda g: (g[0] - g[1], g[0])):
            if all(end <= t.start or start >= t.end for t in taken):
                taken.append(NameMention(start, end, frozenset(index.by_name[name]), name))
        mentions.extend(sorted(taken, key=lambda t: t.start))
    return mentions
