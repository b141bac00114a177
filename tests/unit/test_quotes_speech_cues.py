"""Speech cues are speech: negated cues and stance verbs with a bare object report nothing,
a speech verb with a clause does, and "according to" takes any short source. Sentences made up."""

from __future__ import annotations

import pytest

from tests.unit.quote_helpers import quotes_of

NO_REPORT = [
    "He did not elaborate on what the new penalties would mean for farmers.",
    "The mayor declined to say whether the budget would pass in June.",
    "Ms. Orr refused to comment on the terms of the settlement with the port.",
    "The ministry has never said that the reactor was unsafe for workers.",
    "Councillor Dahl didn't say when the depot would reopen to buses.",
    "The Republic of Veldt has condemned the overnight raid on the northern port.",
    "Ms. Lind urged the council to repair the bridge before the winter storms.",
    "The regional board hopes to close the deal before the end of the year.",
    "The union opposed the plan to merge the two rail depots next spring.",
]


@pytest.mark.parametrize("sentence", NO_REPORT)
def test_no_speech_no_report(sentence: str) -> None:
    assert quotes_of(sentence) == []


REPORTS = [
    (
        "Ms. Orr, who was not at the meeting, said the vote had been rushed.",
        "said",
        "the vote had been rushed",
    ),
    ("Ms. Orr did not hide her anger and said the audit was unfair.", "said", "the audit was unfair"),
    (
        "The union warned that the strike could last well into the summer.",
        "warned",
        "that the strike could last well into the summer",
    ),
    (
        "Ms. Lind condemned the raid, saying the port had been full of civilians.",
        "saying",
        "the port had been full of civilians",
    ),
    (
        'The mayor called the new tolls "a tax on the poor" at the rally.',
        "called",
        None,
    ),
    (
        "The fund lost a third of its value last year, according to court filings.",
        "according to",
        "The fund lost a third of its value last year",
    ),
]


@pytest.mark.parametrize(("sentence", "cue", "content"), REPORTS)
def test_speech_with_a_clause_reports(sentence: str, cue: str, content: str | None) -> None:
    found = [q for q in quotes_of(sentence) if q.cue == cue]
    assert len(found) == 1, quotes_of(sentence)
    if content is not None:
        assert found[0].text == content
