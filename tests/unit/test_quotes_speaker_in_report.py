"""Speakers of quotes inside a reported clause (`participle-after-comma`, `cue-in-report` in
attribution.py) and `listener-relative`: the one who reports speaks, not a person the report
is about or the one spoken to."""

from __future__ import annotations

import pytest

from extract.pipeline import extract


def _speaker_of(text: str, words: str) -> str | None:
    found = [q for q in extract(text).quotes if words in q.text]
    assert found, f"no quote holding {words!r}"
    return found[-1].speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # participle-after-comma: the words before ", saying" end the main clause
        (
            "Mayor Ana Quist, the rival of the governor, called Friday for releasing the tapes, as well, "
            'saying that openness "builds trust in the end."',
            "builds trust",
            "Ana Quist",
        ),
        (
            "Commissioner Tobias Venn praised the new harbor plan on Monday, saying it would "
            '"bring the fleet home at last."',
            "bring the fleet",
            "Tobias Venn",
        ),
    ],
)
def test_participle_after_comma_takes_the_main_subject(text: str, words: str, speaker: str) -> None:
    assert _speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # cue-in-report: "Delaney had shown" is what was reported; the speaker is not Delaney
        (
            "Councillor Rhea Ortiz posted early Friday, saying that rival Mark Delaney had shown bad "
            'judgment in hiring the judge "as a trusted adviser."',
            "trusted adviser",
        ),
    ],
)
def test_cue_inside_a_report_does_not_name_the_reported_person(text: str, words: str) -> None:
    assert _speaker_of(text, words) != "Mark Delaney"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # negative: a cue introducing the quote itself inside a report keeps its own speaker
        (
            'Ms. Hale said that the mayor told her, "We will rebuild the bridge."',
            "rebuild the bridge",
            "the mayor",
        ),
        # negative: a semicolon ends the report, the next clause has its own speaker
        (
            "The auditors reported that Brellco holds $9 million abroad; the filing says the firm "
            '"keeps 40 offices in Lisbon."',
            "keeps 40 offices",
            "the filing",
        ),
        # negative: a participle with no comma before it keeps the phrase right before it
        ('Nora Field stood up saying "we are not done yet."', "not done yet", "Nora Field"),
    ],
)
def test_own_cues_keep_their_speakers(text: str, words: str, speaker: str) -> None:
    assert _speaker_of(text, words) == speaker


def test_relative_describing_the_listener_does_not_speak() -> None:
    # listener-relative: "told a young man who suggested …" describes the one spoken to
    text = (
        "In a panel on Sunday, Ada Brun, the head of the Harbor League, firmly told a young man who "
        'suggested that some people may skip the vote out of anger that "staying home is not a plan."'
    )
    assert _speaker_of(text, "staying home") == "Ada Brun"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # negative: the relative's cue introduces the quote itself
        ('Ada Brun told a nurse who said: "The wards are full."', "a nurse"),
        # negative: "who" after a verb that takes no listener
        (
            "Ada Brun praised Tom Hale, who said that the plan would bring the fleet "
            '"home at last" by spring.',
            "Tom Hale",
        ),
    ],
)
def test_relative_of_a_non_listener_speaks(text: str, speaker: str) -> None:
    assert _speaker_of(text, "wards are full" if "wards" in text else "home at last") == speaker
