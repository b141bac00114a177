"""/timeline finds a story through all its reports, their articles' titles and leads (issue 19),
on SQLite and PostgreSQL: not only through the words of one sentence."""

from __future__ import annotations

import hashlib
from datetime import date

from handlers.commands import show_timeline
from handlers.domain import NewArticle, NewEvent
from handlers.results import TimelineQuery
from store.uow import SqlUnitOfWork


def _article(uow: SqlUnitOfWork, title: str, text: str) -> int:
    return uow.articles.add(
        NewArticle(
            url=None,
            title=title,
            outlet="Valley Courier",
            published=date(2026, 7, 2),
            text=text,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        )
    ).id


def _story(uow: SqlUnitOfWork, reports: list[tuple[int, str]], when: str = "2026-07-01") -> int:
    story = None
    for article_id, sentence in reports:
        e = NewEvent(date=when, summary=sentence, sentence=sentence, start=0, end=len(sentence))
        [event_id] = uow.events.add_many(article_id, [e])
        assert event_id is not None
        if story is None:
            story = uow.stories.start(event_id, date=when, summary=sentence, actors=[], places=[])
        else:
            uow.stories.attach(story, event_id, score=0.9, reason={})
    assert story is not None
    return story


def _found(uow: SqlUnitOfWork, topic: str) -> list[int]:
    return [e.story_id or 0 for e in show_timeline(TimelineQuery(terms=topic.split()), uow=uow).entries]


def test_a_topic_finds_the_story_through_all_its_reports_titles_and_leads(uow: SqlUnitOfWork) -> None:
    with uow:
        a = _article(
            uow,
            "Wildfire forces hundreds from Pellaro homes",
            "Hundreds of families left Pellaro overnight as flames crossed the ridge.\n\n"
            "Crews battled the blaze near Sorvik on Tuesday.",
        )
        b = _article(uow, "Sorvik after the evacuation", "Residents came back on Wednesday.\n\nMore later.")
        c = _article(uow, "Council news", "The council met on Tuesday.\n\nIt approved the Sorvik budget.")
        fire = _story(
            uow, [(a, "Crews battled the blaze near Sorvik on Tuesday"), (b, "Residents returned to Sorvik")]
        )
        budget = _story(uow, [(c, "The council approved the Sorvik budget")], when="2026-06-30")
        uow.commit()
    assert _found(uow, "fire") == [fire]  # "Wildfire" in a report's article title
    assert _found(uow, "Pellaro") == [fire]  # a name in a title
    assert _found(uow, "families") == [fire]  # a word of a lead
    assert _found(uow, "blaze residents") == [fire]  # each word in a different report
    assert _found(uow, "Sorvik") == [fire, budget]
    assert _found(uow, "Sorvik budget") == [budget]
    assert _found(uow, "blaze budget") == []
