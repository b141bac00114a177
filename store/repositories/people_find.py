"""How a name typed in a question meets the stored people: titles dropped, middle names allowed to
differ, and near spellings offered when nothing matched. Names are compared as name keys
(`store.search_text.name_key`)."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from sqlalchemy import ColumnElement, func, select, union
from sqlalchemy.orm import Session

from extract.names.roles import role_qualifiers, titles
from store.orm import PersonAliasRow, PersonRow
from store.search_text import name_key, surname_key

_PERSON_COLUMNS = (PersonRow.id, PersonRow.name, PersonRow.kind)


@functools.cache
def _title_words() -> frozenset[str]:
    return frozenset(t.rstrip(".") for t in titles())


def without_titles(key: str) -> str:
    """A name key without the honorifics and titles in front of it: "dr helena marsh" ->
    "helena marsh", "former prime minister ana reyes" -> "ana reyes". Only a run of role words
    ending in a title goes ("white house" stays), and a name is always left."""
    words = key.split()
    cut = 0
    for i, word in enumerate(words[:-1]):
        if word in _title_words():
            cut = i + 1
        elif word not in role_qualifiers():
            break
    return " ".join(words[cut:])


def _same_name(a: str, b: str) -> bool:
    """Two given names agree: equal, or one is the other's initial ("h" and "helena")."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def same_person_name(query: str, stored: str) -> bool:
    """A full name matches a stored one that differs only in middle names: "helena marsh",
    "helena j marsh" and "helena jane marsh" are one name; "helena k marsh" is not the last."""
    q, s = query.split(), stored.split()
    if len(q) < 2 or len(s) < 2 or q[-1] != s[-1] or not _same_name(q[0], s[0]):
        return False
    return all(_same_name(a, b) for a, b in zip(q[1:-1], s[1:-1], strict=False))


def edit_distance(a: str, b: str, most: int) -> int:
    """Edits (insert, delete, change, swap two neighbours) turning `a` into `b`; `most + 1` once
    it is certain to exceed `most`."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    before: list[int] | None = None
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > most:
            return most + 1
        before, row = row, current
    return row[-1]


def allowed_edits(word: str) -> int:
    """How many slips a typed name may hold and still be offered a stored one: none under four
    letters, one at four, two from five ("Kelog" is two slips from "Kellogg")."""
    return 0 if len(word) < 4 else 1 if len(word) < 5 else 2


def matching(
    session: Session, key: str, *, only: Sequence[ColumnElement[bool]] = ()
) -> list[tuple[int, str, str]]:
    """(id, name, kind) of the people `key` names: exact names first, then by id; `only`: of those
    people (store.tenancy.visible_people)."""
    several = " " in key
    ids = union(
        select(PersonRow.id).where(PersonRow.name_key == key),
        # Surname, or the last names: the indexed last word narrows, the suffix (or, for a full
        # name, the first name and middle names checked below) decides.
        select(PersonRow.id).where(
            PersonRow.surname_key == surname_key(key),
            *(() if several else (PersonRow.name_key.endswith(" " + key),)),
        ),
        select(PersonAliasRow.person_id).where(PersonAliasRow.alias_key == key),
    )
    rows = session.execute(
        select(*_PERSON_COLUMNS, PersonRow.name_key)
        .where(PersonRow.id.in_(ids), *only)
        .order_by(PersonRow.id)
    ).all()
    aliases = {
        pid
        for (pid,) in session.execute(select(PersonAliasRow.person_id).where(PersonAliasRow.alias_key == key))
    }
    found = [
        r
        for r in rows
        if r.name_key == key
        or r.name_key.endswith(" " + key)
        or r.id in aliases
        or same_person_name(key, r.name_key)
    ]
    exact = [(r.id, r.name, r.kind) for r in found if r.name_key == key]
    return exact + [(r.id, r.name, r.kind) for r in found if r.name_key != key]


def near_spellings(
    session: Session, text: str, *, limit: int = 3, only: Sequence[ColumnElement[bool]] = ()
) -> list[tuple[int, str, str]]:
    """Stored people whose name is a near spelling of `text` ("Kelog", "zelenksy"), nearest
    first; none for a name stored as typed.

    Read by the surname index: people whose surname begins with the typed one's first two
    letters and is about as long (a slip rarely hits the first letters), compared in Python.
    """
    key = without_titles(name_key(text))
    if not key:
        return []
    last = surname_key(key)
    slips = allowed_edits(last)
    if not slips:
        return []
    prefix = last[:2]
    above = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    rows = session.execute(
        select(*_PERSON_COLUMNS, PersonRow.name_key, PersonRow.surname_key)
        .where(
            PersonRow.surname_key >= prefix,
            PersonRow.surname_key < above,
            func.length(PersonRow.surname_key).between(len(last) - slips, len(last) + slips),
            *only,
        )
        .order_by(PersonRow.id)
        .limit(2000)
    ).all()
    near: list[tuple[int, int, str, str]] = []
    for r in rows:
        if r.name_key == key or same_person_name(key, r.name_key):
            return []  # stored as typed: not a misspelling
        if " " in key:
            typed, stored = key, r.name_key
            most = slips + allowed_edits(key.split()[0])
        else:
            typed, stored, most = last, r.surname_key, slips
        distance = edit_distance(typed, stored, most)
        if distance == 0:
            return []  # the surname as typed is stored: not a misspelling
        if distance <= most:
            near.append((distance, r.id, r.name, r.kind))
    near.sort()
    return [(pid, name, kind) for _, pid, name, kind in near[:limit]]
