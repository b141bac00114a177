"""Which person each speaker sighting means: decided in memory over a snapshot of the people it can touch.

The rules are those of resolving one sighting at a time against the table (names match folded; a
lone surname joins the one person it can mean; a full name absorbs a person known only by that
surname), applied in order to a snapshot that each sighting updates, so a later sighting sees the
people earlier ones created or changed. The repository loads the snapshot and writes the changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from extract.names.canonical import spelling_variants, split_title
from handlers.domain import SpeakerSighting
from store.search_text import name_key, surname_key

KINDS = ("person", "organization", "unknown")

# Rank of people created in this batch: after every stored id, in the order they were created,
# which is the order their ids will be given in.
_NEW = 1
_STORED = 0


def without_article(name: str) -> str:
    """ "the Kremlin" -> "Kremlin": one organisation with or without the article."""
    name = name.strip()
    return name[4:].lstrip() if name[:4].casefold() == "the " and len(name) > 4 else name


@dataclass
class RoleState:
    role: str
    first_seen: datetime
    rank: tuple[int, int]  # id order, as for people
    id: int | None = None  # None: new in this batch
    moved: bool = False  # a stored role's first sighting moved back


@dataclass
class PersonState:
    """A person as the batch has left them so far; what changed is written afterwards."""

    rank: tuple[int, int]
    name: str
    kind: str
    name_key: str
    id: int | None = None  # None until a new person is inserted
    aliases: dict[str, str] = field(default_factory=dict)  # alias key -> alias, oldest first
    roles: dict[str, RoleState] = field(default_factory=dict)  # casefolded role -> role, oldest first
    new_aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias, key)
    changed: bool = False  # name, name key or kind differ from the stored row
    gained_alias: bool = False

    @property
    def is_new(self) -> bool:
        return self.rank[0] == _NEW

    @property
    def new_roles(self) -> list[RoleState]:
        return [r for r in self.roles.values() if r.id is None]

    @property
    def moved_roles(self) -> list[RoleState]:
        return [r for r in self.roles.values() if r.moved]


def stored_person(person_id: int, name: str, kind: str, key: str) -> PersonState:
    return PersonState(rank=(_STORED, person_id), id=person_id, name=name, kind=kind, name_key=key)


def stored_role(role_id: int, role: str, first_seen: datetime) -> RoleState:
    return RoleState(role=role, first_seen=first_seen, rank=(_STORED, role_id), id=role_id)


@dataclass(frozen=True)
class Lookup:
    """One sighting, normalised: its name, the keys it matches by, and its kind."""

    name: str
    key: str
    keys: list[str]
    kind: str
    title: str | None = None  # a title taken off the name ("CEO"): kept as a role

    @property
    def lone_surname(self) -> str | None:
        """The key a lone surname ("Sybiha") is found by among full names, if this is one."""
        return self.key if self.kind != "organization" and " " not in self.key else None

    @property
    def surname(self) -> str | None:
        """The surname of a full name, which may be a person known only by it."""
        return surname_key(self.key) if self.kind != "organization" and " " in self.key else None


def lookup(sighting: SpeakerSighting) -> Lookup:
    """The keys a sighting is matched by; a name without letters or digits is refused.

    A person's name is read by the rules the extractor uses (extract/names/canonical.py): a title
    is a role, not part of the name ("CEO Jamie Dimon" is "Jamie Dimon"), and an umlaut matches
    its spelled-out form ("Müller", "Mueller")."""
    kind = sighting.kind if sighting.kind in KINDS else "unknown"
    name = without_article(sighting.name)  # "the Kremlin" and "Kremlin" are one organisation
    title = None
    if kind != "organization":
        name, title = split_title(name)
    key = name_key(name)
    if not key:
        raise ValueError(f"a person needs a name with letters or digits: {name!r}")
    alias_keys = [k for k in map(name_key, sighting.aliases) if k]
    variant_keys: list[str] = []
    if kind != "organization":
        # "Trump" as an alias of "Melania Trump" must not merge her into "Donald Trump", who
        # has the same one-word alias; organisations' one-word aliases (acronyms) are reliable.
        alias_keys = [k for k in alias_keys if " " in k]
        variant_keys = [k for k in map(name_key, spelling_variants(name)) if k]
    keys = list(dict.fromkeys([key, *variant_keys, *alias_keys]))
    return Lookup(name=name, key=key, keys=keys, kind=kind, title=title)


class Resolver:
    """Resolves sightings in order against a snapshot, updating it as it goes."""

    def __init__(self, people: Iterable[PersonState], *, now: datetime) -> None:
        self._now = now  # first sighting of a role from an undated article
        self._created = 0
        self._role_count = 0
        self.touched: dict[int, PersonState] = {}  # id(state) -> state, in order of first touch
        self._by_name: dict[str, list[PersonState]] = {}
        self._by_alias: dict[str, list[PersonState]] = {}
        self._by_surname: dict[str, list[PersonState]] = {}  # full names only, by their last word
        for person in people:
            self._index_name(person)
            for key in person.aliases:
                self._by_alias.setdefault(key, []).append(person)

    def resolve(self, sighting: SpeakerSighting, found: Lookup) -> PersonState:
        person = self._match(found.keys) or self._match_by_surname(found)
        if person is None:
            self._created += 1
            person = PersonState(
                rank=(_NEW, self._created), name=found.name.strip(), kind=found.kind, name_key=found.key
            )
            self._index_name(person)
        elif (
            person.name_key != found.key
            and " " not in person.name_key
            and found.key.endswith(" " + person.name_key)
        ):
            # Known only by surname until now: the fuller name becomes the name, the old one an alias.
            old_name = person.name
            self._by_name[person.name_key].remove(person)
            person.name, person.name_key, person.changed = found.name.strip(), found.key, True
            self._index_name(person)
            self._add_aliases(person, [old_name])
        if person.kind == "unknown" and found.kind != "unknown":
            person.kind, person.changed = found.kind, True
        self._add_aliases(person, [found.name, *map(without_article, sighting.aliases)])
        roles = list(sighting.roles)
        if found.title and found.title.casefold() not in {r.casefold() for r in roles}:
            roles.append(found.title)
        self._add_roles(person, roles, sighting.seen_on)
        self.touched.setdefault(id(person), person)
        return person

    def _index_name(self, person: PersonState) -> None:
        self._by_name.setdefault(person.name_key, []).append(person)
        if " " in person.name_key:
            self._by_surname.setdefault(surname_key(person.name_key), []).append(person)

    def _match(self, keys: Sequence[str]) -> PersonState | None:
        found: dict[int, PersonState] = {}
        for key in keys:
            for person in (*self._by_name.get(key, ()), *self._by_alias.get(key, ())):
                found[id(person)] = person
        if not found:
            return None
        exact = [p for p in found.values() if p.name_key == keys[0]]
        return min(exact or found.values(), key=lambda p: p.rank)

    def _match_by_surname(self, found: Lookup) -> PersonState | None:
        if found.lone_surname is not None:
            candidates = self._by_surname.get(found.lone_surname, [])
        elif found.surname is not None:
            candidates = self._by_name.get(found.surname, [])
        else:
            return None
        people = [p for p in candidates if p.kind != "organization"]
        # Two people share the surname: joining either would be a guess.
        return people[0] if len(people) == 1 else None

    def _add_aliases(self, person: PersonState, names: Sequence[str]) -> None:
        for alias in names:
            key = name_key(alias)
            if key and key != person.name_key and key not in person.aliases:
                person.aliases[key] = alias.strip()
                person.new_aliases.append((alias.strip(), key))
                person.gained_alias = True
                self._by_alias.setdefault(key, []).append(person)

    def _add_roles(self, person: PersonState, roles: Sequence[str], seen_on: date | None) -> None:
        seen = datetime(seen_on.year, seen_on.month, seen_on.day, tzinfo=UTC) if seen_on else None
        for role in roles:
            role = role.strip()
            if not role:
                continue
            had = person.roles.get(role.casefold())
            if had is None:
                self._role_count += 1
                person.roles[role.casefold()] = RoleState(
                    role=role, first_seen=seen or self._now, rank=(_NEW, self._role_count)
                )
            elif seen is not None and seen < had.first_seen:
                had.first_seen = seen  # an older article ingested later moves the first sighting back
                had.moved = had.id is not None
