"""The reference for `upsert_many`: resolving speakers one at a time with ORM queries, as before.

This is the per-sighting implementation `SqlPeopleRepository` had before batches (five or so
queries a speaker), kept verbatim as the oracle the batch path must agree with. One deliberate
change: when a full name absorbs a person known only by surname, the old surname is an alias
gained like any other, so the person's quotes are reindexed (the old code dropped that flag).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.orm import PersonAliasRow, PersonRoleRow, PersonRow
from store.repositories.quotes import reindex_people_quotes, speaker_names
from store.search_text import name_key

_KINDS = ("person", "organization", "unknown")


def _without_article(name: str) -> str:
    name = name.strip()
    return name[4:].lstrip() if name[:4].casefold() == "the " and len(name) > 4 else name


def upsert_id(
    session: Session,
    name: str,
    *,
    kind: str,
    aliases: Sequence[str],
    roles: Sequence[str],
    seen_on: date | None,
) -> int:
    kind = kind if kind in _KINDS else "unknown"
    name = _without_article(name)
    key = name_key(name)
    if not key:
        raise ValueError(f"a person needs a name with letters or digits: {name!r}")
    alias_keys = [k for k in map(name_key, aliases) if k]
    if kind != "organization":
        alias_keys = [k for k in alias_keys if " " in k]
    keys = list(dict.fromkeys([key, *alias_keys]))
    row = _match(session, keys) or _match_by_surname(session, key, kind)
    renamed = False
    if row is None:
        row = PersonRow(name=name.strip(), kind=kind, name_key=key)
        session.add(row)
        session.flush()
    elif row.name_key != key and " " not in row.name_key and key.endswith(" " + row.name_key):
        old_name = row.name
        row.name, row.name_key = name.strip(), key
        row.surname_key = key.rsplit(" ", 1)[-1]
        renamed = _add_aliases(session, row, [old_name])
    if row.kind == "unknown" and kind != "unknown":
        row.kind = kind
    added = _add_aliases(session, row, [name, *map(_without_article, aliases)])
    _add_roles(session, row, roles, seen_on)
    session.flush()
    if added or renamed:
        reindex_people_quotes(session, speaker_names(session, [row.id]))
    return row.id


def _match(session: Session, keys: list[str]) -> PersonRow | None:
    by_alias = select(PersonAliasRow.person_id).where(PersonAliasRow.alias_key.in_(keys))
    rows = session.scalars(
        select(PersonRow)
        .where(PersonRow.name_key.in_(keys) | PersonRow.id.in_(by_alias))
        .order_by(PersonRow.id)
    ).all()
    exact = [r for r in rows if r.name_key == keys[0]]
    if exact:
        return exact[0]
    return rows[0] if rows else None


def _match_by_surname(session: Session, key: str, kind: str) -> PersonRow | None:
    if kind == "organization":
        return None
    if " " not in key:
        candidates = session.scalars(
            select(PersonRow).where(PersonRow.name_key.endswith(" " + key), PersonRow.kind != "organization")
        ).all()
    else:
        surname = key.rsplit(" ", 1)[1]
        candidates = session.scalars(
            select(PersonRow).where(PersonRow.name_key == surname, PersonRow.kind != "organization")
        ).all()
    return candidates[0] if len(candidates) == 1 else None


def _add_aliases(session: Session, row: PersonRow, names: Sequence[str]) -> bool:
    known = {row.name_key} | set(
        session.scalars(select(PersonAliasRow.alias_key).where(PersonAliasRow.person_id == row.id))
    )
    added = False
    for alias in names:
        key = name_key(alias)
        if key and key not in known:
            session.add(PersonAliasRow(person_id=row.id, alias=alias.strip(), alias_key=key))
            known.add(key)
            added = True
    return added


def _add_roles(session: Session, row: PersonRow, roles: Sequence[str], seen_on: date | None) -> None:
    seen = datetime(seen_on.year, seen_on.month, seen_on.day, tzinfo=UTC) if seen_on else None
    known = {
        r.role.casefold(): r
        for r in session.scalars(select(PersonRoleRow).where(PersonRoleRow.person_id == row.id))
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
            session.add(new)
            known[role.casefold()] = new
        elif seen is not None and seen < had.first_seen:
            had.first_seen = seen
