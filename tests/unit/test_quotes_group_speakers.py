"""Speaker phrases of people who speak for someone (`_group_for` in speakers.py), and appositions."""

from __future__ import annotations

import pytest

from extract.pipeline import extract


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract(text).quotes]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Advisers to Governor Ada Brun say the depot will close by March.", "Advisers to Governor Ada Brun"),
        ("Aides to the senator said the bill would pass in June.", "Aides to the senator"),
        ("A spokeswoman for Ada Brun said the depot will close by March.", "A spokeswoman for Ada Brun"),
        ('"The talks have failed," said advisers to Ada Brun.', "advisers to Ada Brun"),
        ("The depot will close by March, aides to the governor said.", "aides to the governor"),
    ],
)
def test_group_speaking_for_someone_is_the_speaker(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the article names the spokeswoman: she speaks
        ("A spokeswoman for the council, Mira Tal, said the depot will close by March.", "Mira Tal"),
        ("Mira Tal, a spokeswoman for Ada Brun, said the depot will close by March.", "Mira Tal"),
        # "to" and "for" that are not a group speaking for someone
        ("Ada Brun spoke to reporters and said the depot will close by March.", "Ada Brun"),
        ("Ada Brun sent her plan to the council and said the depot will close by March.", "Ada Brun"),
    ],
)
def test_named_person_or_plain_subject_stays_the_speaker(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania, Pyongland's only ally, said the talks had failed.",
        "Ruritania, Pyongland's only ally and its main source of oil and grain, said the talks had failed.",
        "Ruritania, which is Pyongland's only ally, said the talks had failed.",
    ],
)
def test_head_before_a_long_apposition_is_the_speaker(text: str) -> None:
    assert _speakers(text) == ["Ruritania"]
