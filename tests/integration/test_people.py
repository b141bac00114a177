from __future__ import annotations

import pytest

from handlers.tenancy import ALL_WORKSPACES
from store.uow import SqlUnitOfWork


@pytest.fixture
def uow(uow: SqlUnitOfWork) -> SqlUnitOfWork:
    """The store's own bookkeeping, not what a workspace sees: read for all of them."""
    return uow.of(ALL_WORKSPACES)


def test_upsert_merges_spelling_variants_and_collects_aliases_and_roles(uow: SqlUnitOfWork) -> None:
    with uow:
        first = uow.people.upsert(
            "Volodymyr Zelenskyy", kind="person", aliases=["Zelenskyy"], roles=["president"]
        )
        again = uow.people.upsert("Volodymyr Zelensky", kind="person", aliases=[], roles=["President"])
        by_alias = uow.people.upsert("Zelenskyy", kind="person", aliases=[], roles=["head of state"])
        uow.commit()
    assert again.id == first.id == by_alias.id
    assert by_alias.name == "Volodymyr Zelenskyy"
    assert by_alias.aliases == ["Zelenskyy"]  # "Volodymyr Zelensky" folds to the name itself
    assert by_alias.roles == ["president", "head of state"]


def test_upsert_with_accents_and_case_finds_the_same_person(uow: SqlUnitOfWork) -> None:
    with uow:
        a = uow.people.upsert("José Manuel Albares", kind="person", aliases=[], roles=[])
        b = uow.people.upsert("JOSE MANUEL ALBARES", kind="person", aliases=[], roles=[])
        uow.commit()
    assert a.id == b.id


def test_a_lone_surname_joins_the_only_person_with_it_but_not_one_of_two(uow: SqlUnitOfWork) -> None:
    with uow:
        sybiha = uow.people.upsert("Andrii Sybiha", kind="person", aliases=[], roles=[])
        surname_only = uow.people.upsert("Sybiha", kind="person", aliases=[], roles=["minister"])
        uow.people.upsert("Anna Berg", kind="person", aliases=[], roles=[])
        uow.people.upsert("Lars Berg", kind="person", aliases=[], roles=[])
        ambiguous = uow.people.upsert("Berg", kind="person", aliases=[], roles=[])
        uow.commit()
    assert surname_only.id == sybiha.id
    assert "Sybiha" in surname_only.aliases and surname_only.roles == ["minister"]
    assert ambiguous.name == "Berg"
    with uow:
        assert sorted(p.name for p in uow.people.find("berg")) == ["Anna Berg", "Berg", "Lars Berg"]


def test_a_full_name_absorbs_a_person_known_only_by_surname(uow: SqlUnitOfWork) -> None:
    with uow:
        short = uow.people.upsert("Lagarde", kind="person", aliases=[], roles=[])
        full = uow.people.upsert("Christine Lagarde", kind="person", aliases=[], roles=["ECB president"])
        uow.commit()
    assert full.id == short.id
    assert full.name == "Christine Lagarde"
    assert full.aliases == ["Lagarde"]


def test_organizations_are_not_merged_by_their_last_word(uow: SqlUnitOfWork) -> None:
    with uow:
        union = uow.people.upsert("European Union", kind="organization", aliases=["EU"], roles=[])
        other = uow.people.upsert("Union", kind="organization", aliases=[], roles=[])
        uow.commit()
    assert union.id != other.id


def test_find_by_full_name_surname_alias_and_folded_spelling(uow: SqlUnitOfWork) -> None:
    with uow:
        sybiha = uow.people.upsert("Andrii Sybiha", kind="person", aliases=["Andriy Sybiha"], roles=[])
        nato = uow.people.upsert(
            "North Atlantic Treaty Organization", kind="organization", aliases=["NATO"], roles=[]
        )
        uow.commit()
    with uow:
        assert [p.id for p in uow.people.find("sybiha")] == [sybiha.id]
        assert [p.id for p in uow.people.find("Andriy Sybiha")] == [sybiha.id]
        assert [p.id for p in uow.people.find("SYBÍHA")] == [sybiha.id]
        assert [p.id for p in uow.people.find("nato")] == [nato.id]
        assert uow.people.find("Andrii") == []  # a first name alone is not a surname
        assert uow.people.find("   ") == []


def test_long_names_and_roles_from_article_text_are_stored_whole(uow: SqlUnitOfWork) -> None:
    role = "deputy head of the regional committee on" + " water and land management" * 20
    with uow:
        person = uow.people.upsert("Ingrid " + "Long" * 100, kind="person", aliases=[], roles=[role])
        uow.commit()
    assert person.roles == [role]


def test_people_sharing_a_one_word_alias_stay_apart(uow: SqlUnitOfWork) -> None:
    with uow:
        first = uow.people.upsert("Karin Lind", kind="person", aliases=["Lind"], roles=[])
        second = uow.people.upsert("Erik Lind", kind="person", aliases=["Lind"], roles=[])
        nato = uow.people.upsert("NATO", kind="organization", aliases=[], roles=[])
        full = uow.people.upsert(
            "North Atlantic Treaty Organization", kind="organization", aliases=["NATO"], roles=[]
        )
        uow.commit()
    assert first.id != second.id
    assert full.id == nato.id
