"""Stories and figure groups in both renderers: corroboration, story ids, ranges, latest with history."""

from __future__ import annotations

import json
from datetime import date

from bot.console.render import render_figures as console_figures
from bot.console.render import render_timeline as console_timeline
from bot.slack.limits import violations
from bot.slack.render import render_figures, render_timeline
from bot.slack.render_stories import render_split, render_story
from handlers.domain import ArticleRef, Page, Story, StoryMember
from handlers.results import (
    FigureGroup,
    FigureReport,
    FiguresQuery,
    FiguresResult,
    TimelineEntry,
    TimelineQuery,
    TimelineResult,
)
from handlers.stories import StorySplit

POST = ArticleRef(id=1, outlet="Harbour Post", published=date(2031, 3, 5))
WIRE = ArticleRef(id=2, outlet="Coast Wire", published=date(2031, 3, 6))


def _timeline() -> TimelineResult:
    entry = TimelineEntry(
        date="2031-03-03",
        precision="day",
        summary="Dockworkers walked out at Velmora",
        sources=[POST, WIRE],
        story_id=7,
        reports=3,
    )
    return TimelineResult(query=TimelineQuery(), entries=[entry], page=Page(total=1, offset=0, limit=10))


def _toll(value: float, source: ArticleRef) -> FigureReport:
    return FigureReport(
        text=f"{value:g} dead",
        value=value,
        unit="person",
        about="people killed",
        sentence=f"{value:g} people were killed.",
        source=source,
    )


def _figures() -> FiguresResult:
    latest, earlier = _toll(31, WIRE), _toll(12, POST)
    group = FigureGroup(
        about="people killed",
        unit="person",
        reports=[latest, earlier],
        low=12,
        high=31,
        latest=latest,
        history=[earlier],
    )
    return FiguresResult(query=FiguresQuery(), groups=[group], page=Page(total=2, offset=0, limit=10))


def test_console_timeline_names_the_story_and_how_many_reported_it() -> None:
    text = console_timeline(_timeline())
    assert "[story 7: 3 reports, 2 sources]" in text and "Coast Wire, 2031-03-06" in text


def test_slack_timeline_counts_sources_and_gives_the_story_id() -> None:
    payload = render_timeline(_timeline()).payload()
    assert violations(payload) == []
    assert "2 sources:" in json.dumps(payload) and "story 7" in json.dumps(payload)


def test_console_figures_show_the_range_and_the_latest_value_with_its_history() -> None:
    text = console_figures(_figures())
    assert "people killed (reported 12 to 31)" in text
    assert "  latest: 31 people" in text and "    earlier: 12 people" in text


def test_slack_figures_show_the_range_latest_and_earlier_reports() -> None:
    payload = render_figures(_figures()).payload()
    said = json.dumps(payload, ensure_ascii=False)
    assert violations(payload) == []
    assert "reported 12 to 31" in said and "Latest: 31 people" in said and "earlier: 12 people" in said


def test_story_and_split_messages_list_each_report_with_why_it_joined() -> None:
    first = StoryMember(event_id=4, date="2031-03-03", summary="Dockworkers walked out", article=POST)
    joined = StoryMember(
        event_id=9,
        date="2031-03-03",
        summary="Velmora dockworkers strike",
        article=WIRE,
        score=0.62,
        reason={
            "score": 0.62,
            "kinds": ["walkout"],
            "names": ["velmora"],
            "terms": ["dockworker"],
            "same_article_nearby": False,
        },
    )
    story = Story(id=7, date="2031-03-03", summary="Dockworkers walked out", members=[first, joined])
    said = json.dumps(render_story(story).payload(), ensure_ascii=False)
    assert "event 4 · Harbour Post, 2031-03-05" in said and "first report" in said
    assert "score 0.62; kind: walkout; names: velmora; words: dockworker" in said
    split = StorySplit(
        old_story=story.model_copy(update={"members": [first]}),
        new_story=Story(id=8, date="2031-03-03", summary="x", members=[joined]),
    )
    assert "Split: story 8 now holds event 9" in render_split(split).text


def test_whosaid_shows_each_role_with_the_day_it_was_first_seen() -> None:
    from bot.console.render import render_quotes as console_quotes
    from bot.slack.render import render_quotes
    from handlers.domain import Person, RoleSeen
    from handlers.results import QuoteEntry, WhoSaidQuery, WhoSaidResult

    history = [
        RoleSeen(role="Mayor", first_seen=date(2029, 5, 1)),
        RoleSeen(role="President", first_seen=date(2031, 1, 2)),
    ]
    person = Person(id=1, name="Ines Varga", roles=["Mayor", "President"], role_history=history)
    quote = QuoteEntry(speaker="Ines Varga", text="We hold", kind="direct", source=POST)
    result = WhoSaidResult(
        query=WhoSaidQuery(terms=["Varga"]),
        matched="person",
        people=[person],
        quotes=[quote],
        page=Page(total=1, offset=0, limit=10),
    )
    assert "Ines Varga: Mayor (in reports from 1 May 2029), President (in reports from 2 Jan 2031)" in (
        console_quotes(result)
    )
    assert "President (in reports from 2 Jan 2031)" in json.dumps(render_quotes(result).payload())
