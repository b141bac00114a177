"""upsert_many resolves a batch of speakers exactly as resolving them one at a time would.

Each sequence runs three ways on the same seeded store, in a transaction rolled back after:
the old one-at-a-time implementation (tests/integration/people_oracle.py), `upsert_id` per
sighting, and one `upsert_many`. The ids (by creation order), the people, aliases, roles with
their first sightings, and the reindexed quotes must all agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session

from handlers.domain import FactSearch, SpeakerKind, SpeakerSighting
from handlers.tenancy import ALL_WORKSPACES
from store.orm import PersonAliasRow, PersonRoleRow, PersonRow, QuoteRow
from store.repositories.articles import SqlArticleRepository
from store.repositories.people import SqlPeopleRepository
from store.repositories.quotes import SqlQuoteRepository
from store.tenancy import open_for
from tests.integration import people_oracle
from tests.integration.builders import new_article, quote


def s(
    name: str,
    kind: SpeakerKind = "person",
    aliases: Sequence[str] = (),
    roles: Sequence[str] = (),
    seen: date | None = None,
) -> SpeakerSighting:
    return SpeakerSighting(name=name, kind=kind, aliases=list(aliases), roles=list(roles), seen_on=seen)


# Already stored before each sequence, with a quote each (so reindexing shows).
SEED = [
    s("Andrii Sybiha", roles=["foreign minister"], seen=date(2024, 9, 5)),
    s("Lagarde", kind="unknown"),
    s("Anna Berg"),
    s("Kremlin", kind="organization", roles=["presidency"], seen=date(2023, 1, 2)),
    s("European Union", kind="organization", aliases=["EU"]),
    s("Keir Starmer", roles=["Labour leader"], seen=date(2022, 6, 1)),
]

SEQUENCES: dict[str, list[SpeakerSighting]] = {
    "surname then full name": [
        s("Draghi", roles=["economist"]),
        s("Mario Draghi", roles=["prime minister"], seen=date(2021, 2, 13)),
    ],
    "full name then surname": [s("Mario Draghi"), s("Draghi", roles=["former ECB chief"])],
    "stored surname-only person absorbed": [
        s("Christine Lagarde", roles=["ECB president"], seen=date(2020, 1, 1)),
        s("Lagarde", roles=["ECB President"], seen=date(2019, 11, 1)),
    ],
    "two people sharing a surname": [
        s("Anna Lind"),
        s("Lind"),
        s("Lars Lind"),
        s("Lind", kind="unknown"),
        s("Maria Lind"),
        s("Berg"),
        s("Lars Berg"),
        s("Berg"),
    ],
    "one-word aliases of people do not merge": [
        s("Donald Trump", aliases=["Trump"]),
        s("Melania Trump", aliases=["Trump"]),
        s("Trump"),
    ],
    "organisations and acronyms": [
        s("North Atlantic Treaty Organization", kind="organization", aliases=["NATO"]),
        s("NATO", kind="organization"),
        s("Union", kind="organization"),
        s("EU", kind="organization"),
        s("European Union", kind="unknown"),
        s("Organization", kind="person"),
    ],
    "the Kremlin": [
        s("the Kremlin", kind="organization"),
        s("Kremlin", kind="unknown"),
        s("The Kremlin", kind="organization", roles=["Presidency", "seat of power"]),
    ],
    "kind upgrades": [
        s("Sybiha", kind="unknown"),
        s("Ursula von der Leyen", kind="unknown"),
        s("von der Leyen", kind="person"),
        s("Ursula von der Leyen", kind="organization"),
        s("Leyen", kind="unknown"),
    ],
    "roles with an older first sighting arriving later": [
        s("Keir Starmer", roles=["Prime Minister"], seen=date(2024, 7, 5)),
        s("Keir Starmer", roles=["prime minister", "Labour leader"], seen=date(2020, 4, 4)),
        s("Starmer", roles=["PM"]),
        s("Keir Starmer", roles=["PM", "Labour Leader"], seen=date(2019, 1, 1)),
    ],
    "spelling variants": [
        s("Volodymyr Zelenskyy", aliases=["Zelenskyy"], roles=["president"]),
        s("Zelensky", roles=["President"]),
        s("Volodymyr Zelensky"),
        s("Andriy Sybiha"),
    ],
    "a stored person gains aliases": [
        s("Sybiha", roles=["minister"]),
        s("Andrij Sybiha", aliases=["A. Sybiha"]),
    ],
    "whitespace, repeats and blank roles": [
        s("  Olaf Scholz "),
        s("Olaf Scholz", roles=[" ", "chancellor", ""]),
        s("Scholz", aliases=["Olaf Scholz", "  "]),
    ],
    "an alias that is another's name": [
        s("Lula"),
        s("Luiz Inacio Lula da Silva", aliases=["Lula da Silva"]),
        s("Lula da Silva"),
        s("da Silva"),
        s("Silva"),
    ],
}


def _dump(session: Session, since: datetime) -> tuple[dict[int, int], list[Any], list[Any]]:
    """Everything upserting can change, with ids replaced by creation order (sequences differ)."""
    people = session.execute(
        select(
            PersonRow.id, PersonRow.name, PersonRow.kind, PersonRow.name_key, PersonRow.surname_key
        ).order_by(PersonRow.id)
    ).all()
    rank = {row.id: i for i, row in enumerate(people)}
    aliases: dict[int, list[tuple[str, str]]] = {row.id: [] for row in people}
    for pid, alias, key in session.execute(
        select(PersonAliasRow.person_id, PersonAliasRow.alias, PersonAliasRow.alias_key).order_by(
            PersonAliasRow.id
        )
    ):
        aliases[pid].append((alias, key))
    roles: dict[int, list[tuple[str, object]]] = {row.id: [] for row in people}
    for pid, role, first_seen in session.execute(
        select(PersonRoleRow.person_id, PersonRoleRow.role, PersonRoleRow.first_seen).order_by(
            PersonRoleRow.id
        )
    ):
        roles[pid].append((role, "now" if first_seen >= since else first_seen))
    quotes = [
        (rank.get(pid) if pid is not None else None, text)
        for pid, text in session.execute(
            select(QuoteRow.person_id, QuoteRow.search_text).order_by(QuoteRow.id)
        )
    ]
    people_dump = [(r.name, r.kind, r.name_key, r.surname_key, aliases[r.id], roles[r.id]) for r in people]
    return rank, people_dump, quotes


def _seed(session: Session) -> None:
    ids = [
        people_oracle.upsert_id(
            session, p.name, kind=p.kind, aliases=p.aliases, roles=p.roles, seen_on=p.seen_on
        )
        for p in SEED
    ]
    article = SqlArticleRepository(session).add(new_article("Seeded article"))
    quotes = SqlQuoteRepository(session)
    quotes.add_many(
        article.id, [(quote(f"Words of {p.name}", p.name), pid) for p, pid in zip(SEED, ids, strict=True)]
    )
    quotes.flush()  # quotes are buffered until something reads them or the unit of work commits


Run = Callable[[Session, Sequence[SpeakerSighting]], list[int]]


def _oracle(session: Session, sightings: Sequence[SpeakerSighting]) -> list[int]:
    return [
        people_oracle.upsert_id(
            session, x.name, kind=x.kind, aliases=x.aliases, roles=x.roles, seen_on=x.seen_on
        )
        for x in sightings
    ]


def _one_at_a_time(session: Session, sightings: Sequence[SpeakerSighting]) -> list[int]:
    repo = SqlPeopleRepository(session)
    return [
        repo.upsert_id(x.name, kind=x.kind, aliases=x.aliases, roles=x.roles, seen_on=x.seen_on)
        for x in sightings
    ]


def _batch(session: Session, sightings: Sequence[SpeakerSighting]) -> list[int]:
    return SqlPeopleRepository(session).upsert_many(sightings)


def _outcome(engine: Engine, run: Run, sightings: Sequence[SpeakerSighting]) -> tuple[object, ...]:
    with Session(engine) as session:
        open_for(session, ALL_WORKSPACES)  # the store's own bookkeeping: every workspace
        _seed(session)
        since = datetime.now(UTC)
        ids = run(session, sightings)
        session.flush()
        rank, people, quotes = _dump(session, since)
        session.rollback()
    return [rank[i] for i in ids], people, quotes


def _assert_all_agree(engine: Engine, sightings: Sequence[SpeakerSighting]) -> None:
    expected = _outcome(engine, _oracle, sightings)
    assert _outcome(engine, _one_at_a_time, sightings) == expected
    assert _outcome(engine, _batch, sightings) == expected


@pytest.mark.parametrize("name", list(SEQUENCES))
def test_upsert_many_equals_upserting_one_at_a_time(engine: Engine, name: str) -> None:
    _assert_all_agree(engine, SEQUENCES[name])


def test_upsert_many_equals_one_at_a_time_for_every_sequence_at_once(engine: Engine) -> None:
    _assert_all_agree(engine, [x for seq in SEQUENCES.values() for x in seq])


_FIRST = ["Anna", "Lars", "Andrii", "Andriy", "Mario", "Christine"]
_LAST = ["Berg", "Lind", "Sybiha", "Lagarde", "Draghi"]
_ORGS = ["the Kremlin", "Kremlin", "European Union", "EU", "Union", "NATO"]
_ROLES = ["minister", "Minister", "president", "PM", " ", "chancellor"]
_names = st.one_of(
    st.sampled_from(_LAST),
    st.builds(lambda f, last: f"{f} {last}", st.sampled_from(_FIRST), st.sampled_from(_LAST)),
    st.sampled_from(_ORGS),
)
_sightings = st.builds(
    SpeakerSighting,
    name=_names,
    kind=st.sampled_from(["person", "organization", "unknown"]),
    aliases=st.lists(st.one_of(_names, st.sampled_from(["Trump", "A. Berg"])), max_size=2),
    roles=st.lists(st.sampled_from(_ROLES), max_size=2),
    seen_on=st.one_of(st.none(), st.dates(min_value=date(2019, 1, 1), max_value=date(2025, 1, 1))),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sightings=st.lists(_sightings, min_size=1, max_size=12))
def test_upsert_many_equals_one_at_a_time_for_generated_sequences(
    engine: Engine, sightings: list[SpeakerSighting]
) -> None:
    _assert_all_agree(engine, sightings)


def test_a_batch_takes_the_same_few_statements_however_many_speakers(engine: Engine) -> None:
    sightings = [x for seq in SEQUENCES.values() for x in seq]
    statements: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    with Session(engine) as session:
        open_for(session, ALL_WORKSPACES)  # the store's own bookkeeping: every workspace
        _seed(session)
        session.flush()
        event.listen(engine, "before_cursor_execute", count)
        try:
            SqlPeopleRepository(session).upsert_many(sightings)
        finally:
            event.remove(engine, "before_cursor_execute", count)
        session.rollback()
    # Read people, aliases, roles; insert people, aliases, roles; update people, roles; read and
    # update the quotes of people who gained an alias: 10, whatever the batch size.
    assert len(sightings) > 40 and len(statements) <= 10, statements


def test_a_nameless_sighting_is_refused_before_anything_is_written(engine: Engine) -> None:
    with Session(engine) as session:
        open_for(session, ALL_WORKSPACES)  # the store's own bookkeeping: every workspace
        with pytest.raises(ValueError, match="letters or digits"):
            SqlPeopleRepository(session).upsert_many([s("Mario Draghi"), s(" -- ")])
        assert session.scalars(select(PersonRow.id)).all() == []


def test_a_surname_only_persons_quotes_are_found_by_the_full_name_that_absorbs_them(engine: Engine) -> None:
    with Session(engine) as session:
        open_for(session, ALL_WORKSPACES)  # the store's own bookkeeping: every workspace
        _seed(session)
        assert SqlQuoteRepository(session).search(FactSearch(terms=["christine"]))[1] == 0
        SqlPeopleRepository(session).upsert_many([s("Christine Lagarde")])
        assert SqlQuoteRepository(session).search(FactSearch(terms=["christine"]))[1] == 1
        session.rollback()
