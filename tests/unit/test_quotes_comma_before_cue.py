"""`comma-before-cue` (attribution_after): a quote ending in a bare word, with no comma after it,
goes on with its sentence; a name after it is no attribution ('as “reckless” a Tom Hale post')."""

from __future__ import annotations

import pytest

from extract.pipeline import extract


def _speakers(text: str, words: str) -> list[str | None]:
    return [q.speaker for q in extract(text).quotes if words in q.text]


def test_name_after_a_bare_quoted_word_is_not_its_speaker() -> None:
    text = "Mayor Ada Brun is describing as “reckless” a Tom Hale post attacking a former judge."
    assert "Tom Hale" not in _speakers(text, "reckless")


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # negatives: punctuation closing the quoted words still leads to the cue after them
        ("“We will rebuild the pier,” Tom Hale said.", "rebuild the pier", "Tom Hale"),
        ("“Why would we wait?” Tom Hale asked.", "Why would we wait", "Tom Hale"),
        ("“We will rebuild the pier”, said Tom Hale.", "rebuild the pier", "Tom Hale"),
    ],
)
def test_punctuated_quote_keeps_the_cue_after(text: str, words: str, speaker: str) -> None:
    assert _speakers(text, words) == [speaker]
