"""Verbs of saying whose object is what was said (lexicons/speech_topic_verbs.txt): "cited the
jobless figures", "mentioned the closed bridge", "outlined a plan". The object is reported up to a
comma or dash; stance verbs and mere topics ("talked about the drought") still report nothing.
Sentences made up."""

from __future__ import annotations

import pytest

from tests.unit.quote_helpers import only, quotes_of

REPORTS = [
    (
        "Mayor Ilse Varga cited the falling ferry numbers as proof that the fares were too high.",
        "cited",
        "the falling ferry numbers as proof that the fares were too high",
        "Ilse Varga",
    ),
    (
        "Councillor Bram Oost mentioned the closed harbour bridge as an example of the delays.",
        "mentioned",
        "the closed harbour bridge as an example of the delays",
        "Bram Oost",
    ),
    (
        "The Veldt finance minister outlined a plan to cut the port levy for small traders.",
        "outlined",
        "a plan to cut the port levy for small traders",
        None,
    ),
    (
        "Several other members of the Marlow council echo her concerns about the tunnel budget.",
        "echo",
        "her concerns about the tunnel budget",
        None,
    ),
    (
        "Ms. Tanaka proposes lowering the school bus fare for children under twelve.",
        "proposes",
        "lowering the school bus fare for children under twelve",
        "Tanaka",
    ),
]


@pytest.mark.parametrize(("sentence", "cue", "content", "speaker"), REPORTS)
def test_topic_verb_reports_its_object(sentence: str, cue: str, content: str, speaker: str | None) -> None:
    q = only(sentence)
    assert (q.cue, q.text, q.kind) == (cue, content, "indirect")
    if speaker is not None:
        assert q.speaker is not None and q.speaker.endswith(speaker)


def test_topic_verb_object_ends_at_comma() -> None:
    q = only("Ms. Orr cited the rising cost of diesel fuel, which the port board had ignored for years.")
    assert q.text == "the rising cost of diesel fuel"


def test_short_object_before_comma_is_no_report() -> None:
    # "citing witnesses, named …": the naming is the paper's, the witnesses alone are too short to report
    found = quotes_of("The Harwick Courier, citing witnesses, named the swimmer as a local teacher.")
    assert all(q.cue != "citing" for q in found)


NO_REPORT = [
    "Ms. Orr talked about the long drought and the empty reservoirs on the plain.",
    "The minister discussed the budget with the port unions on Monday morning.",
    "The council condemned the attack on the harbour office last week.",
    "He worried about the noise from the new stadium at night.",
    "Ms. Lind cited.",
]


@pytest.mark.parametrize("sentence", NO_REPORT)
def test_topics_and_stances_report_nothing(sentence: str) -> None:
    assert quotes_of(sentence) == []
