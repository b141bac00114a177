"""Where an indirect report ends, and when the words after a cue are no report at all: the speaker
acting again ("…, but offered no proof"), a report inside a relative clause ("which Ms. Orr says …,")
and a cue whose speaker is the object of a relative clause ("Everything the mayor says is …").
Sentences made up."""

from __future__ import annotations

import pytest

from tests.unit.quote_helpers import only, quotes_of

ENDS = [
    (
        "Mr. Reed also claimed the mayor had helped his brother win the contract, but offered no proof.",
        "the mayor had helped his brother win the contract",
    ),
    (
        "Ms. Orr said the depot would close in March, but declined to give a date for the layoffs.",
        "the depot would close in March",
    ),
    (
        "The mill, which Mr. Dahl says he keeps open at a loss every winter, employs 300 people.",
        "he keeps open at a loss every winter",
    ),
    (
        "Voters weigh what the mayor says the levy will fund, and what it has funded so far.",
        "the levy will fund",
    ),
]


@pytest.mark.parametrize(("sentence", "content"), ENDS)
def test_report_ends_where_the_narrator_goes_on(sentence: str, content: str) -> None:
    assert only(sentence).text == content


KEEPS = [
    # a new subject after "but" is still part of what was said
    (
        "The mayor said the depot would close, but the unions would fight the plan in court.",
        "the depot would close, but the unions would fight the plan in court",
    ),
    # the relative is the subject of the reported clause
    (
        "He refused the gifts, which he said were bribes from the harbour contractors.",
        "were bribes from the harbour contractors",
    ),
    # an attribution set off by commas leaves the verb its subject
    (
        "The trouble with the old pier, Ms. Orr told me on Monday, is that nobody owns its pilings.",
        "is that nobody owns its pilings",
    ),
]


@pytest.mark.parametrize(("sentence", "content"), KEEPS)
def test_report_keeps_its_own_words(sentence: str, content: str) -> None:
    assert content in [q.text for q in quotes_of(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nothing the harbour master says about the tides is ever written down.",
        "Whatever the council says will be ignored by the port board again.",
    ],
)
def test_speaker_as_object_of_relative_reports_nothing(sentence: str) -> None:
    assert quotes_of(sentence) == []
