"""People: speakers known across articles, merged by name, alias or spelling variant."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from handlers.domain import Person
from store.orm import PersonAliasRow, PersonRoleRow, PersonRow
from store.repositories.quotes import reindex_person_quotes
from store.search_text import name_key

_KINDS = ("person", "organization", "unknown")


def _without_article(name: str) -> str:
    name = name.strip()
    return name[4:].lstrip() if name[:4].casefold() == "the " and len(name) > 4 else name


class SqlPeopleRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def upsert(self, name: str, *, kind: str, aliases: Sequence[str], roles: Sequence[str],
               seen_on: date | None = None) -> Person:
        """The person known under `name` or one of its aliases, created if new, aliases/roles merged.

        Names match folded ("Zelenskyy" = "Zelensky", "Andrii" = "Andriy"). A lone surname joins
        the one person it can mean; a full name absorbs a person known only by that surname.
        """
        row = self._upsert_row(name, kind=kind, aliases=aliases, roles=roles, seen_on=seen_on)
        return self._to_person(row)

    def upsert_id(self, name: str, *, kind: str, aliases: Sequence[str], roles: Sequence[str],
                  seen_on: date | None = None) -> int:
        """As `upsert`, returning only the person's id (ingest needs no more; saves two queries)."""
        return self._upsert_row(name, kind=kind, aliases=aliases, roles=roles, seen_on=seen_on).id

    def _upsert_row(self, name: str, *, kind: str, aliases: Sequence[str], roles: Sequence[str],
                    seen_on: date | None) -> PersonRow:
        kind = kind if kind in _KINDS else "unknown"
        name = _without_article(name)  # "the Kremlin" and "Kremlin" are one organisation
        key = name_key(name)
        if not key:
            raise ValueError(f"a person needs a name with letters or digits: {name!r}")
        alias_keys = [k for k in map(name_key, aliases) if k]
        if kind != "organization":
            # "Trump" as an alias of "Melania Trump" must not merge her into "Donald Trump", who
            # has the same one-word alias; organisations' one-word aliases (acronyms) are reliable.
            alias_keys = [k for k in alias_keys if " " in k]
        keys = list(dict.fromkeys([key, *alias_keys]))
        row = self._match(keys) or self._match_by_surname(key, kind)
        if row is None:
            row = PersonRow(name=name.strip(), kind=kind, name_key=key)
            self._session.add(row)
            self._session.flush()
        elif row.name_key != key and " " not in row.name_key and key.endswith(" " + row.name_key):
            # Known only by surname until now: the fuller name becomes the name, the old one an alias.
            old_name = row.name
            row.name, row.name_key = name.strip(), key
            self._add_aliases(row, [old_name])
        if row.kind == "unknown" and kind != "unknown":
            row.kind = kind
        added = self._add_aliases(row, [name, *map(_without_article, aliases)])
        self._add_roles(row, roles, seen_on)
        self._session.flush()
        if added:
            reindex_person_quotes(self._session, row.id)
        return row

    def find(self, text: str) -> list[Person]:
        """People whose name, surname or alias matches `text` (accent- and case-insensitive)."""
        key = name_key(text)
        if not key:
            return []
        by_alias = select(PersonAliasRow.person_id).where(PersonAliasRow.alias_key == key)
        rows = self._session.scalars(
            select(PersonRow)
            .where(
                or_(
                    PersonRow.name_key == key,
                    PersonRow.name_key.endswith(" " + key),  # surname, or the last names
                    PersonRow.id.in_(by_alias),
                )
            )
            .order_by(PersonRow.id)
        ).all()
        exact = [r for r in rows if r.name_key == key]
        return self._to_people(exact + [r for r in rows if r not in exact])

    def get(self, person_id: int) -> Person | None:
        """A person by id."""
        row = self._session.get(PersonRow, person_id)
        return self._to_person(row) if row else None

    def _match(self, keys: list[str]) -> PersonRow | None:
        by_alias = select(PersonAliasRow.person_id).where(PersonAliasRow.alias_key.in_(keys))
        rows = self._session.scalars(
            select(PersonRow)
            .where(or_(PersonRow.name_key.in_(keys), PersonRow.id.in_(by_alias)))
            .order_by(PersonRow.id)
        ).all()
        exact = [r for r in rows if r.name_key == keys[0]]
        if exact:
            return exact[0]
        return rows[0] if rows else None

    def _match_by_surname(self, key: str, kind: str) -> PersonRow | None:
        if kind == "organization":
            return None
        if " " not in key:
            candidates = self._session.scalars(
                select(PersonRow).where(
                    PersonRow.name_key.endswith(" " + key), PersonRow.kind != "organization"
                )
            ).all()
        else:
            surname = key.rsplit(" ", 1)[1]
            candidates = self._session.scalars(
                select(PersonRow).where(PersonRow.name_key == surname, PersonRow.kind != "organization")
            ).all()
        # Two people share the surname: joining either would be a guess.
        return candidates[0] if len(candidates) == 1 else None

    def _add_aliases(self, row: PersonRow, names: Sequence[str]) -> bool:
        known = {row.name_key} | set(
            self._session.scalars(select(PersonAliasRow.alias_key).where(PersonAliasRow.person_id == row.id))
        )
        added = False
        for alias in names:
            key = name_key(alias)
            if key and key not in known:
                self._session.add(PersonAliasRow(person_id=row.id, alias=alias.strip(), alias_key=key))
                known.add(key)
                added = True
        return added

    def _add_roles(self, row: PersonRow, roles: Sequence[str], seen_on: date | None) -> None:
        seen = datetime(seen_on.year, seen_on.month, seen_on.day, tzinfo=UTC) if seen_on else None
        known = {
            r.role.casefold(): r
            for r in self._session.scalars(select(PersonRoleRow).where(PersonRoleRow.person_id == row.id))
        }
        for role in roles:
            role = role.strip()
            if not role:
                continue
            had = known.get(role.casefold())
            if had is None:
                new = PersonRoleRow(person_id=row.id, role=role)
                if seen is not None:
                    new.first_seen = seen
                self._session.add(new)
                known[role.casefold()] = new
            elif seen is not None and seen < had.first_seen:
                had.first_seen = seen  # an older article ingested later moves the first sighting back

    def _to_person(self, row: PersonRow) -> Person:
        return self._to_people([row])[0]

    def _to_people(self, rows: Sequence[PersonRow]) -> list[Person]:
        # Two queries for all of them: a common surname matches dozens of people.
        ids = [row.id for row in rows]
        aliases: dict[int, list[str]] = {i: [] for i in ids}
        for pid, alias in self._session.execute(
            select(PersonAliasRow.person_id, PersonAliasRow.alias)
            .where(PersonAliasRow.person_id.in_(ids)).order_by(PersonAliasRow.id)
        ):
            aliases[pid].append(alias)
        roles: dict[int, list[PersonRoleRow]] = {i: [] for i in ids}
        for role in self._session.scalars(
            select(PersonRoleRow).where(PersonRoleRow.person_id.in_(ids)).order_by(PersonRoleRow.id)
        ):
            roles[role.person_id].append(role)
        return [
            Person.model_validate({
                "id": row.id, "name": row.name, "kind": row.kind, "aliases": aliases[row.id],
                "roles": [r.role for r in roles[row.id]],
                "role_history": [{"role": r.role, "first_seen": r.first_seen.date()}
                                 for r in sorted(roles[row.id], key=lambda r: (r.first_seen, r.id))],
            })
            for row in rows
        ]
