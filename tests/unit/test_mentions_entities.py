"""Entities rolled up from mentions: one per canonical name, with aliases and roles."""

from __future__ import annotations

from extract.document import Document
from extract.names.entities import collect_entities
from extract.names.mentions import find_mentions


def test_entities_gather_aliases_and_roles_under_the_full_name() -> None:
    text = "Prime Minister Sanna Virtanen met Kremlin envoys. Virtanen later called the talks useful."
    entities = {e.name: e for e in collect_entities(find_mentions(Document.parse(text)))}
    person = entities["Sanna Virtanen"]
    assert person.kind == "person"
    assert person.aliases == ["Virtanen"]
    assert person.roles == ["Prime Minister"]
    assert entities["Kremlin"].kind == "organization"


def test_unknown_capitalised_words_are_not_entities() -> None:
    entities = collect_entities(find_mentions(Document.parse("Quarterly Outlook Improves")))
    assert all(e.kind in ("person", "organization", "place") for e in entities)


def test_short_organisation_name_joins_the_full_one() -> None:
    text = "The European Commission proposed a fund. The Commission will decide in May."
    entities = {e.name: e for e in collect_entities(find_mentions(Document.parse(text)))}
    assert entities["European Commission"].aliases == ["Commission"]
    assert "Commission" not in entities


def test_two_people_sharing_a_surname_stay_two() -> None:
    # A rarer first name the lexicon may not know must not make her a second form of him.
    text = (
        "Tomasz Brennan, the harbour master, said the quay would reopen. Brennan said repairs were done. "
        'Quilla Brennan, a union steward, disagreed. "Nothing is fixed," said Quilla Brennan. '
        "T. Brennan later added a date."
    )
    entities = {e.name: e for e in collect_entities(find_mentions(Document.parse(text)))}
    assert {"Tomasz Brennan", "Quilla Brennan"} <= entities.keys()
    assert "Quilla Brennan" not in entities["Tomasz Brennan"].aliases
    assert {"Brennan", "T. Brennan"} <= set(entities["Tomasz Brennan"].aliases)
