"""Who is who: names and aliases from facts/people.yml, folded for matching."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from generator.normalize import fold_text


@dataclass(frozen=True, slots=True)
class PersonNames:
    id: str
    name: str
    aliases: tuple[str, ...] = ()

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
        """From model ``Person`` objects (anything with ``name`` and ``aliases``)."""
        return cls.build(
            PersonNames(pid, getattr(p, "name"), tuple(getattr(p, "aliases", ()) or ()))
            for pid, p in people.items()
        )

    def lookup(self, name: str) -> set[str]:
        return set(self.by_name.get(fold_text(name).strip(), ()))

    def shared_names(self) -> dict[str, set[str]]:
        """Names or aliases that more than one person answers to."""
        return {n: ids for n, ids in self.by_name.items() if len(ids) > 1}
