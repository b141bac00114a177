"""Golden tables for the event rules: each rule's own examples, then invented sentences per rule."""

from __future__ import annotations

from datetime import date

import pytest

from extract.document import Document
from extract.events.continuation import CONTINUATION
from extract.events.find import find_events
from extract.events.rules import PUBLISHED, RULES
from extract.models import Event
from extract.timex.dates import find_dates


def events(text: str, published: date | None = PUBLISHED) -> list[Event]:
    doc = Document.parse(text, published)
    return find_events(doc, find_dates(doc), [])


@pytest.mark.parametrize(
    ("rule", "sentence", "expected"),
    [(r.name, s, x) for r in RULES for s, x in r.examples],
)
def test_every_rule_example(rule: str, sentence: str, expected: object) -> None:
    found = events(sentence)
    assert bool(found) is expected, (rule, [(e.date, e.rule) for e in found])
    if expected and rule != "no_happening":
        assert found[0].rule == rule


@pytest.mark.parametrize(("text", "count"), CONTINUATION.examples)
def test_continuation_examples(text: str, count: object) -> None:
    assert len(events(text)) == count


NOT_HAPPENINGS = [
    # forecasts and expectations
    "Freight volumes should recover in 2026, the shipping group predicted.",
    "The regulator is expected to rule on the merger in March.",
    "Analysts see the harbour tax rising again next year.",
    "The mine could reopen as early as next spring.",
    # plans and conditions
    "The city plans to demolish the old pier in October.",
    "If the ferry strike continues into next week, islanders will run short of fuel.",
    # states dated by a reference period
    "The village has had four floods since 2009.",
    "Exports rose 4% in the year to March.",
    "Long before the 2019 election, the party began recruiting candidates.",
    "The lighthouse in the 1912 postcard was a white tower.",
    # opinions, generic statements, questions, headlines
    "Tuesday is market day in Lorvan.",
    "Will the orchard survive another dry summer in 2027?",
    "Orchard Owners Brace For A Dry 2026",
    "The retailer had no specific news today.",
    "The committee did not meet on Friday.",
    "“The bridge fell on Sunday,” she said.",
    "What a night it was on Saturday!",
    "Today, the mill is owned by a trust founded by the Orel family.",
]


@pytest.mark.parametrize("sentence", NOT_HAPPENINGS)
def test_what_is_not_a_dated_happening(sentence: str) -> None:
    assert events(sentence) == [], [(e.date, e.rule) for e in events(sentence)]


HAPPENINGS = [
    ("The Vermeer Bank cut its deposit rate on Thursday.", "2025-09-04", "past_action"),
    ("On Tuesday, the dockers walked off the job at Port Halden.", "2025-09-02", "past_action"),
    ("In 1998, Ana Brito founded the Lisbon Rowing Club.", "1998", "past_action"),
    ("The old mill burned down last month.", "2025-08", "past_action"),
    ("Two hikers were rescued from Mount Orel on Saturday.", "2025-09-06", "past_action"),
    ("Shares of Kestrel Foods dropped about 4% Monday to a new low.", "2025-09-08", "past_action"),
    ("Helga Marsh was the first to cross the strait in 1952.", "1952", "past_action"),
    (
        "The drill rig exploded in March, killing two workers, and has not been repaired.",
        "2025-03",
        "past_action",
    ),
    ("“We will rebuild,” Mayor Ivo Kranj told reporters on Sunday.", "2025-09-07", "dated_saying"),
]


@pytest.mark.parametrize(("sentence", "when", "rule"), HAPPENINGS)
def test_what_is_a_dated_happening(sentence: str, when: str, rule: str) -> None:
    [event] = events(sentence)
    assert (event.date, event.rule, event.scheduled) == (when, rule, False)


SCHEDULED = [
    ("The council will vote on the harbour plan on Sept. 30.", "2025-09-30"),
    ("The final hearing is scheduled for Oct. 14.", "2025-10-14"),
    ("The trade ministers will meet in Valdor on Thursday.", "2025-09-11"),
    ("The referendum will take place on June 3, 2026.", "2026-06-03"),
]


@pytest.mark.parametrize(("sentence", "when"), SCHEDULED)
def test_firmly_scheduled_happenings_are_kept_apart(sentence: str, when: str) -> None:
    [event] = events(sentence)
    assert (event.date, event.rule, event.scheduled) == (when, "scheduled", True)


def test_a_past_happening_on_a_date_resolved_ahead_goes_back_a_year() -> None:
    # published in December: "went missing on March 8" is the March before, not the next one
    [event] = events(
        "The trawler Nordlys went missing on March 8 and has not been found.", date(2025, 12, 20)
    )
    assert event.date == "2025-03-08"


def test_a_narrative_carried_on_weeks_later_keeps_only_the_year() -> None:
    text = (
        "In January 2013, the Orel lab published its first paper. A rival team published its own weeks later."
    )
    assert [e.date for e in events(text)] == ["2013-01", "2013"]


def test_a_clock_time_in_a_continuing_sentence_is_no_date_of_its_own() -> None:
    text = "A ferry ran aground near Kessel on Sunday. The crew sent a distress call at 6:10 a.m."
    assert [e.date for e in events(text)] == ["2025-09-07", "2025-09-07"]
