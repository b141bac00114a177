"""Verbs of the manner of speaking or writing close a direct quote ("she pleaded", "he yelled",
"he emails"); "emails" and "texts" only after a pronoun, as they are nouns too. Sentences are made up."""

from __future__ import annotations

import pytest

from tests.unit.quote_helpers import quotes_of

MANNER = [
    (
        'The captain flew for 30 years. "Papa, come home, we still need you," Marta Lisa Kovanen, his'
        " daughter, pleaded in a message.",
        "Marta Lisa Kovanen",
    ),
    ('"Get out of the water!" lifeguard Tomas Reyes yelled.', "Tomas Reyes"),
    (
        'David Strom built the snowfall map.\n\n"I was browsing the weather office tables one night,"'
        " he emails.",
        "David Strom",
    ),
    ('Nora Bexley runs the shelter. "We are out of blankets," she texts.', "Nora Bexley"),
]


@pytest.mark.parametrize(("text", "speaker"), MANNER)
def test_a_manner_of_speaking_verb_closes_a_direct_quote(text: str, speaker: str) -> None:
    assert [(q.kind, q.speaker) for q in quotes_of(text)] == [("direct", speaker)]


def test_emails_after_a_noun_is_no_cue() -> None:
    text = 'Nora Bexley ran the office. "None of this was approved," the emails show.'
    assert quotes_of(text) == []
