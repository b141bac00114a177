"""People: speakers known across articles, merged by name, alias or spelling variant."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, bindparam, insert, select, union, update
from sqlalchemy.orm import Session

from handlers.domain import Person, SpeakerSighting
from store.orm import PersonAliasRow, PersonRoleRow, PersonRow
from store.repositories.people_find import matching, near_spellings, without_titles
from store.repositories.people_resolve import (
    KINDS,
    Lookup,
    PersonState,
    Resolver,
    RoleState,
    lookup,
    stored_person,
    stored_role,
)
from store.repositories.quotes import SPEAKER_NAMES_CACHE, reindex_people_quotes
from store.search_text import name_key, surname_key
from store.tenancy import session_workspace, visible_people
from store.types import utcnow

_PERSON_COLUMNS = (PersonRow.id, PersonRow.name, PersonRow.kind)

# The snapshot a batch of sightings is resolved over, built once: with expanding parameters the
# statements are compiled once too, whatever the number of keys.
_SNAPSHOT_PEOPLE = (
    select(*_PERSON_COLUMNS, PersonRow.name_key)
    .where(
        PersonRow.id.in_(
            union(
                # A union, not OR: each branch uses its index (OR with an IN-subquery scans the table).
                select(PersonRow.id).where(PersonRow.name_key.in_(bindparam("names", expanding=True))),
                select(PersonRow.id).where(PersonRow.surname_key.in_(bindparam("lone", expanding=True))),
                select(PersonAliasRow.person_id).where(
                    PersonAliasRow.alias_key.in_(bindparam("keys", expanding=True))
                ),
            )
        )
    )
    .order_by(PersonRow.id)
)
_SNAPSHOT_ALIASES = (
    select(PersonAliasRow.person_id, PersonAliasRow.alias, PersonAliasRow.alias_key)
    .where(PersonAliasRow.person_id.in_(bindparam("ids", expanding=True)))
    .order_by(PersonAliasRow.id)
)
_SNAPSHOT_ROLES = (
    select(PersonRoleRow.id, PersonRoleRow.person_id, PersonRoleRow.role, PersonRoleRow.first_seen)
    .where(PersonRoleRow.person_id.in_(bindparam("ids", expanding=True)))
    .order_by(PersonRoleRow.id)
)


class SqlPeopleRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def upsert(
        self,
        name: str,
        *,
        kind: str,
        aliases: Sequence[str],
        roles: Sequence[str],
        seen_on: date | None = None,
    ) -> Person:
        """The person known under `name` or one of its aliases, created if new, aliases/roles merged.

        Names match folded ("Zelenskyy" = "Zelensky", "Andrii" = "Andriy"). A lone surname joins
        the one person it can mean; a full name absorbs a person known only by that surname.
        """
        sighting = _sighting(name, kind, aliases, roles, seen_on)
        return _to_person(self._upsert_states([sighting])[0])

    def upsert_id(
        self,
        name: str,
        *,
        kind: str,
        aliases: Sequence[str],
        roles: Sequence[str],
        seen_on: date | None = None,
    ) -> int:
        """As `upsert`, returning only the person's id."""
        return self.upsert_many([_sighting(name, kind, aliases, roles, seen_on)])[0]

    def upsert_many(self, sightings: Sequence[SpeakerSighting]) -> list[int]:
        """The person id of each sighting: exactly what `upsert_id` on each one in turn would give.

        Three queries read every person the sightings can touch, with their aliases and roles;
        the sightings are resolved in memory in order; then only what changed is written.
        """
        return [_id(p) for p in self._upsert_states(sightings)]

    def find(self, text: str) -> list[Person]:
        """People whose name, surname or alias matches `text` (accent- and case-insensitive).

        Titles in front are dropped when the name with them matches nobody ("Dr. Helena Marsh");
        a full name matches one differing only in middle names ("Helena J. Marsh").
        """
        key = name_key(text)
        if not key:
            return []
        only = self._visible("finding people")
        rows = matching(self._session, key, only=only)
        bare = without_titles(key)
        if not rows and bare != key:
            rows = matching(self._session, bare, only=only)
        return self._to_people(rows)

    def similar(self, text: str, *, limit: int = 3) -> list[Person]:
        """Stored people whose name is a near spelling of `text` ("Kelog", "zelenksy"), nearest
        first; none for a name stored as typed."""
        only = self._visible("suggesting people")
        return self._to_people(near_spellings(self._session, text, limit=limit, only=only))

    def _visible(self, what: str) -> list[ColumnElement[bool]]:
        # A workspace is offered only the people its own articles quote.
        return visible_people(PersonRow.id, session_workspace(self._session, what))

    def get(self, person_id: int) -> Person | None:
        """A person by id."""
        row = self._session.execute(select(*_PERSON_COLUMNS).where(PersonRow.id == person_id)).first()
        return self._to_people([(row.id, row.name, row.kind)])[0] if row else None

    def _upsert_states(self, sightings: Sequence[SpeakerSighting]) -> list[PersonState]:
        found = [lookup(s) for s in sightings]  # refuses a nameless sighting before anything is written
        if not found:
            return []
        resolver = Resolver(self._snapshot(found), now=utcnow())
        people = [resolver.resolve(s, f) for s, f in zip(sightings, found, strict=True)]
        self._write(list(resolver.touched.values()))
        return people

    def _snapshot(self, found: Sequence[Lookup]) -> list[PersonState]:
        """Every stored person the sightings can match, with their aliases and roles."""
        keys = list({k for f in found for k in f.keys})
        names = list({*keys, *(f.surname for f in found if f.surname)})
        lone = list({f.lone_surname for f in found if f.lone_surname})
        people = {
            pid: stored_person(pid, name, kind, key)
            for pid, name, kind, key in self._session.execute(
                _SNAPSHOT_PEOPLE, {"names": names, "lone": lone, "keys": keys}
            )
        }
        if not people:
            return []
        ids = list(people)
        for pid, alias, alias_key in self._session.execute(_SNAPSHOT_ALIASES, {"ids": ids}):
            people[pid].aliases[alias_key] = alias
        for role_id, pid, role, first_seen in self._session.execute(_SNAPSHOT_ROLES, {"ids": ids}):
            people[pid].roles[role.casefold()] = stored_role(role_id, role, first_seen)
        return list(people.values())

    def _write(self, touched: list[PersonState]) -> None:
        """Insert the new people (ids in creation order), then every changed row in one statement a kind."""
        self._session.info.pop(SPEAKER_NAMES_CACHE, None)  # names and aliases may change below
        created = sorted((p for p in touched if p.is_new), key=lambda p: p.rank)
        if created:
            # One multi-row INSERT, so ids follow creation order. RETURNING order is not promised
            # (and asking SQLAlchemy to sort makes SQLite insert row by row), but no two people
            # created in one batch share a name key: a second sighting of it matches the first.
            ids: dict[str, int] = dict(
                self._session.execute(
                    insert(PersonRow).returning(PersonRow.name_key, PersonRow.id),
                    [
                        {
                            "name": p.name,
                            "kind": p.kind,
                            "name_key": p.name_key,
                            "surname_key": surname_key(p.name_key),
                        }
                        for p in created
                    ],
                ).all()
            )
            if len(ids) != len(created):
                raise RuntimeError("people created in one batch must have distinct name keys")
            for person in created:
                person.id = ids[person.name_key]
        changed = [
            {
                "id": p.id,
                "name": p.name,
                "kind": p.kind,
                "name_key": p.name_key,
                "surname_key": surname_key(p.name_key),
            }
            for p in touched
            if p.changed and not p.is_new
        ]
        if changed:
            self._session.execute(update(PersonRow), changed)
        aliases = [
            {"person_id": p.id, "alias": alias, "alias_key": key}
            for p in touched
            for alias, key in p.new_aliases
        ]
        if aliases:
            self._session.execute(insert(PersonAliasRow), aliases)
        roles = [
            {"person_id": p.id, "role": r.role, "first_seen": r.first_seen}
            for p in touched
            for r in sorted(p.new_roles, key=lambda r: r.rank)
        ]
        if roles:
            self._session.execute(insert(PersonRoleRow), roles)
        moved = [{"id": r.id, "first_seen": r.first_seen} for p in touched for r in p.moved_roles]
        if moved:
            self._session.execute(update(PersonRoleRow), moved)
        # A new person has no quotes yet; a known one's quotes must be found by the new alias too.
        reindex_people_quotes(
            self._session,
            {_id(p): [p.name, *p.aliases.values()] for p in touched if p.gained_alias and not p.is_new},
        )

    def _to_people(self, rows: Sequence[tuple[int, str, str]]) -> list[Person]:
        # Two queries for all of them: a common surname matches dozens of people.
        ids = [person_id for person_id, _, _ in rows]
        aliases: dict[int, list[str]] = {i: [] for i in ids}
        for pid, alias in self._session.execute(
            select(PersonAliasRow.person_id, PersonAliasRow.alias)
            .where(PersonAliasRow.person_id.in_(ids))
            .order_by(PersonAliasRow.id)
        ):
            aliases[pid].append(alias)
        roles: dict[int, list[RoleState]] = {i: [] for i in ids}
        for role_id, pid, role, first_seen in self._session.execute(
            select(PersonRoleRow.id, PersonRoleRow.person_id, PersonRoleRow.role, PersonRoleRow.first_seen)
            .where(PersonRoleRow.person_id.in_(ids))
            .order_by(PersonRoleRow.id)
        ):
            roles[pid].append(stored_role(role_id, role, first_seen))
        return [_person(pid, name, kind, aliases[pid], roles[pid]) for pid, name, kind in rows]


def _sighting(
    name: str, kind: str, aliases: Sequence[str], roles: Sequence[str], seen_on: date | None
) -> SpeakerSighting:
    return SpeakerSighting(
        name=name,
        kind=kind if kind in KINDS else "unknown",
        aliases=list(aliases),
        roles=list(roles),
        seen_on=seen_on,
    )


def _id(person: PersonState) -> int:
    if person.id is None:
        raise RuntimeError(f"person {person.name!r} was resolved but never written")
    return person.id


def _to_person(person: PersonState) -> Person:
    return _person(
        _id(person), person.name, person.kind, list(person.aliases.values()), list(person.roles.values())
    )


def _person(person_id: int, name: str, kind: str, aliases: list[str], roles: list[RoleState]) -> Person:
    """Roles in the order first stored; their history oldest first."""
    return Person.model_validate(
        {
            "id": person_id,
            "name": name,
            "kind": kind,
            "aliases": aliases,
            "roles": [r.role for r in roles],
            "role_history": [
                {"role": r.role, "first_seen": r.first_seen.date()}
                for r in sorted(roles, key=lambda r: (r.first_seen, r.rank))
            ],
        }
    )
