"""A person's identity across articles follows the extractor's name rules. Names are made up."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extract.names.canonical import spelling_variants, split_title
from handlers.domain import SpeakerSighting
from store.repositories.people_resolve import Resolver, lookup


def resolve_all(*names: str) -> list[tuple[str, list[str]]]:
    """Each sighting's person (name, roles), resolved in order over an empty store."""
    resolver = Resolver([], now=datetime(2025, 1, 1, tzinfo=UTC))
    out = []
    for name in names:
        sighting = SpeakerSighting(name=name, kind="person", aliases=[], roles=[], seen_on=None)
        person = resolver.resolve(sighting, lookup(sighting))
        out.append((person.name, [r.role for r in person.roles.values()]))
    return out


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Jonas Müller", "Jonas Mueller"),
        ("Jonas Mueller", "Jonas Müller"),
        ("Jonas Müller", "Jonas Muller"),
        ("Ines Várga", "Ines Varga"),
        ("CEO Jamie Dorrance", "Jamie Dorrance"),
        ("Jamie Dorrance", "Prime Minister Jamie Dorrance"),
    ],
)
def test_spellings_and_titles_are_one_person(first: str, second: str) -> None:
    (a, _), (b, _) = resolve_all(first, second)
    assert a == b


def test_a_title_is_a_role_never_the_name() -> None:
    [(name, roles)] = resolve_all("CEO Jamie Dorrance")
    assert (name, roles) == ("Jamie Dorrance", ["CEO"])


def test_a_lone_surname_joins_the_one_person_it_can_mean() -> None:
    (full, _), (short, _) = resolve_all("Jamie Dorrance", "Dorrance")
    assert short == full == "Jamie Dorrance"


def test_a_first_name_like_joel_is_no_umlaut_spelling() -> None:
    assert spelling_variants("Joel Brandt") == []
    assert spelling_variants("Jonas Mueller") == ["Jonas Muller"]
    assert spelling_variants("Jonas Müller") == ["Jonas Mueller"]


def test_split_title_keeps_what_is_no_title() -> None:
    assert split_title("CEO Jamie Dorrance") == ("Jamie Dorrance", "CEO")
    assert split_title("Grace Foreign") == ("Grace Foreign", None)
