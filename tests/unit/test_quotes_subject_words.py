"""Quoted words with no cue go to the sentence's subject only when they are words someone said:
not a name, not words a noun before them names, not the subject of a verb. Sentences are made up."""

from __future__ import annotations

import pytest

from tests.unit.quote_helpers import quotes_of

NOT_THE_SUBJECTS_WORDS = [
    # a name with its article: "the Night Owls" is a club, not Lindqvist's words
    'Maya Lindqvist and two friends make up "the Night Owls," a trio who solve small crimes.',
    # the quoted words are the subject of a verb: a title talked about
    'Maya Lindqvist bought a print, and the poem "Leave the porch light on" was framed in gold.',
    'Maya Lindqvist framed a print; the poem, "Leave the porch light on," is on her wall.',
    # a noun names the words: a question or a sign, not something she said
    'Maya Lindqvist offered the shoppers a coupon that answers the question, "what is in it for me?"',
    'Maya Lindqvist stood under a banner "no more rent hikes" all morning.',
]


@pytest.mark.parametrize("text", NOT_THE_SUBJECTS_WORDS)
def test_quoted_words_that_are_not_the_subjects(text: str) -> None:
    assert [q for q in quotes_of(text) if q.kind != "indirect"] == []


SUBJECTS_WORDS = [
    ('Maya Lindqvist dismissed the plan as "a cynical stunt" on Monday.', "Maya Lindqvist"),
    ('Maya Lindqvist has used the phrase "rent justice" often in her campaign.', "Maya Lindqvist"),
]


@pytest.mark.parametrize(("text", "speaker"), SUBJECTS_WORDS)
def test_quoted_words_of_the_subject(text: str, speaker: str) -> None:
    assert [q.speaker for q in quotes_of(text) if q.kind != "indirect"][:1] == [speaker]
