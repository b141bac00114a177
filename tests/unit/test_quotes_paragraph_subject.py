"""`quote.paragraph_subject` (find.py): a quote with no cue after a sentence of its own paragraph
whose subject is a newly named person belongs to that person, not to the last speaker."""

from __future__ import annotations

import pytest

from extract.pipeline import extract

_LAST = '"We are ready," said Ada Brun.\n\n'


def _speaker_of(text: str, words: str) -> str | None:
    found = [q for q in extract(text).quotes if words in q.text]
    assert found, f"no quote holding {words!r}"
    return found[-1].speaker


@pytest.mark.parametrize(
    "paragraph",
    [
        'Senator Ines Harlow named the fares as the first thing to fix. "The roads can wait a year."',
        # a title in quotes before the subject is not the subject
        'On "Meet the Town," Sen. Ines Harlow (Vt.), who lost the race to Brun, named the fares as the first '
        'thing to fix. "The roads can wait a year."',
    ],
)
def test_newly_named_subject_speaks(paragraph: str) -> None:
    assert _speaker_of(_LAST + paragraph, "roads can wait") == "Ines Harlow"


@pytest.mark.parametrize(
    "paragraph",
    [
        # negative: a pronoun subject continues with the last speaker
        'She named the fares as the first thing to fix. "The roads can wait a year."',
        # negative: the quote opens its paragraph; no sentence of the paragraph comes before it
        '"The roads can wait a year."',
        # negative: the name stands deep in the sentence, not as its subject
        "The fares, the bridges and the old tram depot on the east side of the river were all discussed "
        'with Ines Harlow. "The roads can wait a year."',
    ],
)
def test_last_speaker_stays(paragraph: str) -> None:
    assert _speaker_of(_LAST + paragraph, "roads can wait") == "Ada Brun"
