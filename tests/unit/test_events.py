"""Dated events: which sentences become events, their dates, summaries, actors and places."""

from __future__ import annotations

from datetime import date

from extract.document import Document
from extract.events.find import event_date, find_events
from extract.events.summary import MAX_SUMMARY, summarize
from extract.models import Event
from extract.names.mentions import Mention
from extract.timex.dates import find_dates

PUBLISHED = date(2025, 9, 8)  # a Monday


def events(
    text: str, mentions: list[Mention] | None = None, published: date | None = PUBLISHED
) -> list[Event]:
    doc = Document.parse(text, published)
    return find_events(doc, find_dates(doc), mentions or [])


def mention(text: str, name: str, kind: str, canonical: str | None = None) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, kind, canonical or name)  # type: ignore[arg-type]


def test_sentence_with_a_calendar_date_is_an_event_covering_the_sentence() -> None:
    text = "Officials met in Geneva. On August 28, the council approved a $40 million aid package."
    [event] = events(text)
    assert event.date == "2025-08-28"
    assert text[event.start : event.end] == "On August 28, the council approved a $40 million aid package."
    assert event.summary == "The council approved a $40 million aid package."


def test_event_date_keeps_the_precision_the_text_supports() -> None:
    text = "The first flood came in July. The dam failed in 2019. Repairs began early Sunday."
    assert [e.date for e in events(text)] == ["2025-07", "2019", "2025-09-07"]


def test_week_and_quarter_values_become_month_and_year_dates() -> None:
    text = "The envoys met last week. Exports fell in the third quarter."
    assert [e.date for e in events(text)] == ["2025-09", "2025"]


def test_most_precise_date_wins_and_the_first_on_ties() -> None:
    [event] = events("In 2022, the port reopened on March 3 and closed on March 9.")
    assert event.date == "2022-03-03"


def test_present_references_durations_and_sets_alone_make_no_event() -> None:
    text = (
        "Prices are now rising. The siege lasted three years. "
        "Trains run daily. The coming weeks will be hard."
    )
    assert events(text) == []


def test_a_date_that_only_bounds_a_period_yields_to_the_dated_happening() -> None:
    [event] = events("Rebels have held the town since March 3 and shelled its bridge in July.")
    assert event.date == "2025-07"
    # a state up to now dated by where it began is not a happening
    assert events("The border has been closed since 2022.") == []


def test_dateless_past_actions_after_a_dated_one_continue_its_narrative() -> None:
    text = "Rebels seized the airport on Sunday. They looted the terminal. Flights were cancelled."
    found = events(text)
    assert [(e.date, e.rule) for e in found] == [
        ("2025-09-07", "past_action"),
        ("2025-09-07", "narrative_continuation"),
        ("2025-09-07", "narrative_continuation"),
    ]


def test_a_narrative_stops_at_the_present_a_forecast_a_quote_or_a_month_date() -> None:
    assert len(events("Rebels seized the airport on Sunday. The airport is closed. Guards fled.")) == 1
    assert len(events("Rebels seized the airport on Sunday. They may loot the terminal.")) == 1
    assert len(events("Rebels seized the airport on Sunday. “We won,” a commander said.")) == 1
    assert len(events("Rebels seized the airport in July. They looted the terminal.")) == 1


def test_future_plans_are_events_dated_ahead() -> None:
    [event] = events("The leaders will meet in Brussels on Thursday to sign the accord.")
    assert event.date == "2025-09-11"


def test_clock_time_alone_makes_no_event() -> None:
    assert events("7 p.m.\n\nThe rally drew thousands.") == []


def test_summary_drops_leading_discourse_and_participial_openers() -> None:
    [event] = events(
        "Speaking hours after the May 4 flood, the mayor said the damage showed years of neglect."
    )
    assert event.summary == "The mayor said the damage showed years of neglect."
    [event] = events("Meanwhile, the army withdrew from the ridge on Tuesday.")
    assert event.summary == "The army withdrew from the ridge on Tuesday."


def test_summary_drops_trailing_attribution() -> None:
    [event] = events("At least nine missiles hit the city on Sunday, local officials said.")
    assert event.summary == "At least nine missiles hit the city on Sunday"


def test_long_summary_is_cut_at_a_clause_and_keeps_no_trailing_junk() -> None:
    sentence = (
        "The parliament approved the budget on Friday after a marathon session that ran through the night, "
        "with opposition deputies walking out twice, shouting at the speaker, and promising to challenge "
        "the vote in the constitutional court within days."
    )
    [event] = events(sentence)
    assert len(event.summary) <= MAX_SUMMARY
    assert event.summary.startswith("The parliament approved the budget on Friday")
    assert not event.summary.endswith((",", ";", ":", "—", " "))


def test_summary_follows_the_date_into_a_later_clause() -> None:
    sentence = (
        "The ministries in the capital had been spared by the long campaign of missile and drone strikes "
        "that began years ago and hit the energy grid - but Sunday's attack set the cabinet building on fire."
    )
    summary = summarize(sentence, ("Sunday",))
    assert summary == "Sunday's attack set the cabinet building on fire."


def test_summary_of_a_cut_quote_closes_the_quote() -> None:
    quote = "“" + "We will not retreat from the river, " * 6 + "not now,” he said on Monday."
    summary = summarize(quote, ("Monday",))
    assert summary.count("“") == summary.count("”")
    assert len(summary) <= MAX_SUMMARY + 2


def test_actors_and_places_come_from_the_sentence_mentions() -> None:
    text = "Maria Lopez met the World Bank in Lima on Tuesday. Pedro Diaz stayed in Quito."
    mentions = [
        mention(text, "Maria Lopez", "person"),
        mention(text, "World Bank", "organization", "The World Bank"),
        mention(text, "Lima", "place"),
        mention(text, "Pedro Diaz", "person"),
        mention(text, "Quito", "place"),
    ]
    event = events(text, mentions)[0]
    assert event.actors == ["Maria Lopez", "The World Bank"]
    assert event.places == ["Lima"]


def test_unknown_mentions_are_neither_actors_nor_places() -> None:
    text = "Reuters reported the deal on Tuesday."
    [event] = events(text, [mention(text, "Reuters", "unknown")])
    assert event.actors == [] and event.places == []


def test_without_publication_only_absolute_dates_make_events() -> None:
    assert [e.date for e in events("It rained on Sunday. It flooded on 3 May 2024.", published=None)] == [
        "2024-05-03"
    ]


def test_event_date_conversion() -> None:
    assert event_date("2025-09-07TNI") == "2025-09-07"
    assert event_date("2025-W36") == "2025-09"
    assert event_date("2025-W1") == "2025-01"
    assert event_date("2025-SU") == "2025"
    assert event_date("2025-09-XX") == "2025-09"  # "that same day" after "in September"
    assert event_date("2025-Q3") == "2025"
    assert event_date("199X") is None
    assert event_date("PRESENT_REF") is None
    assert event_date("XXXX-09-07") is None
    assert event_date(None) is None


def test_summary_drops_a_wire_dateline() -> None:
    sentence = "TARNVIK, Oct. 9 (Coast Wire) - Storm surges flooded the old harbour district on Sunday."
    expected = "Storm surges flooded the old harbour district on Sunday."
    assert summarize(sentence, ("Oct. 9", "Sunday")) == expected
    sentence = "HEMPSTEAD, N.Y., Sept. 26 — The candidate was escorted off the campus on Monday afternoon."
    assert summarize(sentence, ("Sept. 26",)).startswith("The candidate was escorted")


def test_date_of_a_trailing_attribution_yields_to_the_reported_happening() -> None:
    [event] = events(
        "Inflation hit 4.1% in August, up from 3.8% in July, the statistics office said on Tuesday."
    )
    assert event.date == "2025-08"
    [event] = events("“We will not hesitate to act again,” the governor told reporters on Wednesday.")
    assert event.date == "2025-09-03"


def test_summary_drops_the_signature_of_an_embedded_post() -> None:
    sentence = "The dam is gone and the valley is flooding. — Jane Roe (@janeroe) June 6, 2023"
    assert summarize(sentence, ("June 6, 2023",)) == "The dam is gone and the valley is flooding."


def test_a_date_of_the_reference_point_after_since_does_not_date_the_sentence() -> None:
    text = "The assault, the largest since the invasion in 2022, injured 40 people."
    assert events(text) == []


def test_summary_cut_does_not_end_on_a_dangling_word() -> None:
    sentence = (
        "On Tuesday the council's considerable powers were widened to include sending in peacekeepers, and "
        + "the members agreed on a long list of conditions for doing so in every region of the world"
    )
    summary = summarize(sentence, ("Tuesday",))
    assert not summary.lower().endswith((" and", " the", " of", ","))


def test_summary_drops_a_wire_dateline_without_a_date() -> None:
    summary = summarize("KESTREL ISLAND - Sixty-two years ago, a great storm here reshaped the coast.", ())
    assert summary == "Sixty-two years ago, a great storm here reshaped the coast."


def test_a_dateline_alone_is_not_an_event() -> None:
    text = "WARSAW, February 26 (Wire) --\n\nThe presidents signed the accession papers on Friday."
    assert [e.summary for e in events(text, published=date(1999, 2, 27))] == [
        "The presidents signed the accession papers on Friday."
    ]


def test_date_of_an_embedded_post_signature_is_not_an_event() -> None:
    text = (
        "The mayor opened the new bridge on Friday. "
        "What a day for the city. pic.twitter.com/AbC123xyz — Lena Ortiz (@lenaortiz) June 6, 2025"
    )
    doc = Document.parse(text, date(2025, 6, 7))
    events = find_events(doc, find_dates(doc), [])
    assert [e.date for e in events] == ["2025-06-06"]
    assert events[0].summary.startswith("The mayor opened")


def test_a_past_date_dates_the_event_before_a_planned_one_in_the_same_sentence() -> None:
    text = "Bus drivers will return to work on Monday after their union and the city agreed a deal on Friday."
    doc = Document.parse(text, date(2025, 5, 3))  # a Saturday
    assert [e.date for e in find_events(doc, find_dates(doc), [])] == ["2025-05-02"]
