"""Pronouns that stand for unnamed groups and organisations. Every sentence is made up."""

from __future__ import annotations

from extract.document import Document
from extract.names.mentions import find_mentions
from extract.quotes.find import find_quotes


def speakers_of(text: str) -> list[str | None]:
    doc = Document.parse(text)
    return [q.speaker for q in find_quotes(doc, find_mentions(doc))]


def test_they_opening_a_sentence_stands_for_the_plural_subject_before() -> None:
    text = "Shopkeepers on the high street met on Monday. They said the new fees would drive customers away."
    assert speakers_of(text) == ["Shopkeepers"]


def test_it_opening_a_sentence_stands_for_the_organisation_before() -> None:
    text = "The union met the employers on Friday. It said the offer was far too low for its members."
    assert speakers_of(text) == ["The union"]


def test_a_pronoun_with_no_fitting_subject_stays_unresolved() -> None:
    text = "Talks resumed on Friday. They said the offer was far too low for the members."
    assert speakers_of(text) == [None]
