"""People across articles: one person under every name form, roles dated, organisations kept apart."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.tenancy import ALL_WORKSPACES
from store.uow import SqlUnitOfWork


@pytest.fixture
def uow(uow: SqlUnitOfWork) -> SqlUnitOfWork:
    """The store's own bookkeeping, not what a workspace sees: read for all of them."""
    return uow.of(ALL_WORKSPACES)


def test_short_name_first_then_full_name_then_spelling_variant_are_one_person(uow: SqlUnitOfWork) -> None:
    with uow:
        first = uow.people.upsert("Zelensky", kind="person", aliases=[], roles=[], seen_on=date(2031, 3, 1))
        full = uow.people.upsert(
            "Volodymyr Zelensky", kind="person", aliases=[], roles=["President"], seen_on=date(2031, 3, 2)
        )
        variant = uow.people.upsert("Volodymyr Zelenskyy", kind="person", aliases=[], roles=[])
        assert first.id == full.id == variant.id
        assert variant.name == "Volodymyr Zelensky" and "Zelensky" in variant.aliases
        assert [p.name for p in uow.people.find("zelenskyy")] == ["Volodymyr Zelensky"]


def test_roles_keep_the_earliest_day_an_article_gave_them(uow: SqlUnitOfWork) -> None:
    with uow:
        uow.people.upsert(
            "Ada Okafor", kind="person", aliases=[], roles=["union leader"], seen_on=date(2031, 3, 9)
        )
        uow.people.upsert(
            "Ada Okafor", kind="person", aliases=[], roles=["port minister"], seen_on=date(2031, 5, 1)
        )
        person = uow.people.upsert(
            "Ada Okafor", kind="person", aliases=[], roles=["Union leader"], seen_on=date(2031, 3, 2)
        )  # an older article, ingested late
        assert [(r.role, r.first_seen) for r in person.role_history] == [
            ("union leader", date(2031, 3, 2)),
            ("port minister", date(2031, 5, 1)),
        ]


def test_organisations_merge_on_the_article_only_and_distinct_ones_stay_apart(uow: SqlUnitOfWork) -> None:
    with uow:
        kremlin = uow.people.upsert("the Kremlin", kind="organization", aliases=[], roles=[])
        again = uow.people.upsert("Kremlin", kind="organization", aliases=[], roles=[])
        ministry = uow.people.upsert(
            "the Russian Defense Ministry", kind="organization", aliases=[], roles=[]
        )
        assert kremlin.id == again.id and kremlin.name == "Kremlin"
        assert ministry.id != kremlin.id and ministry.name == "Russian Defense Ministry"
