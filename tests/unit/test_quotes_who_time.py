"""`who-time` (speakers.py): a time phrase between "who" and its cue is skipped, and a "who" after
an apposition names the person the apposition describes."""

from __future__ import annotations

import re

import pytest

from extract.pipeline import extract
from extract.quotes.speakers import _skip_time_after_who


def _speaker_of(text: str, words: str) -> str | None:
    found = [q for q in extract(text).quotes if words in q.text]
    assert found, f"no quote holding {words!r}"
    return found[-1].speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ortiz has had a cold relationship with Tom Hale, now the council leader, who in 2019 said "
            'the party aim was to make Ortiz a "one-term mayor."',
            "Tom Hale",
        ),
        (
            'Ortiz met Tom Hale, who on Monday told the council that the wards were "close to breaking."',
            "Tom Hale",
        ),
        ('Ortiz met a nurse who last week told the council that wards were "close to breaking."', "a nurse"),
    ],
)
def test_relative_with_time_phrase_speaks(text: str, speaker: str) -> None:
    assert _speaker_of(text, "breaking" if "breaking" in text else "one-term") == speaker


def _skip(sentence: str) -> str:
    toks = list(re.finditer(r"\w+|[^\w\s]", sentence))
    return toks[_skip_time_after_who(toks, len(toks) - 1)].group()


def test_time_phrase_skipped_only_after_who() -> None:
    assert _skip("Hale, who in 2019") == "who"
    assert _skip("a nurse who last week") == "who"
    # negatives: no "who", or not a time phrase
    assert _skip("Hale in 2019") == "2019"
    assert _skip("the team which in 2019") == "2019"
    assert _skip("Hale, who in Rome") == "Rome"


def test_time_phrase_without_relative_keeps_the_subject() -> None:
    text = 'Tom Hale spoke in May. Ortiz said in May that the plan was "close to breaking."'
    assert _speaker_of(text, "breaking") == "Ortiz"
