"""/timeline ranks light story headlines (corroboration and words kept on the story's row) exactly as
it would rank the fully loaded stories, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from handlers.commands import rank_stories, show_timeline
from handlers.domain import FactSearch, NewArticle
from handlers.results import TimelineQuery
from store.uow import SqlUnitOfWork
from tests.integration.builders import event

# (story date, story summary, actors, places, reports as (outlet, url) of their articles).
# An article is shared by the reports that name the same (outlet, url) pair.
STORIES: list[tuple[str, str, list[str], list[str], list[tuple[str | None, str | None]]]] = [
    # One outlet twice and one article known only by its url: 2.
    (
        "2031-05-02",
        "Port talks stall",
        [],
        [],
        [("Ledger", None), ("Ledger", "https://l/2"), (None, "https://a")],
    ),
    # An empty outlet falls back to the url; two articles with neither count once each: 3.
    ("2031-05-02", "Port news", [], [], [("", "https://b"), (None, None), (None, "")]),
    # An outlet spelled like another report's url is one source, as in Python: 1.
    ("2031-05-02", "Port notes", [], [], [("https://c", None), (None, "https://c")]),
    # Relevance from the story's actors and places only, not from its summary.
    ("2031-05-01", "Talks resumed", ["Harbour Authority"], [], [("Ledger", None)]),
    ("2031-04-30", "Crews walked out", [], ["Harbour"], [("Ledger", None), ("Wire", None)]),
    # Same date and corroboration: the id decides.
    ("2031-04-29", "Ferry late", [], [], [("Ledger", None), ("Wire", None)]),
    ("2031-04-29", "Ferry cancelled", [], [], [("Post", None), ("Wire", None)]),
    # A month-precise date ranks below every day of that month ("2031-04" < "2031-04-01").
    ("2031-04", "Harbour fees rose", [], [], [("Ledger", None), ("Wire", None), ("Post", None)]),
]


def _fill(uow: SqlUnitOfWork) -> list[int]:
    """The stories above, in order; every report is an event mentioning the harbour."""
    articles: dict[tuple[str | None, str | None], int] = {}
    ids = []
    with uow:
        for n, (day, summary, actors, places, reports) in enumerate(STORIES):
            story = None
            for k, (outlet, url) in enumerate(reports):
                key = (outlet, url) if outlet or url else (None, f"nameless {n} {k}")
                if key not in articles:
                    text = f"article {key}"
                    articles[key] = uow.articles.add(
                        NewArticle(
                            url=url,
                            outlet=outlet,
                            title=None,
                            published=date(2031, 5, 3),
                            text=text,
                            content_hash=hashlib.sha256(text.encode()).hexdigest(),
                        )
                    ).id
                [event_id] = uow.events.add_many(articles[key], [event(f"{summary} at the harbour", day)])
                assert event_id is not None
                if story is None:
                    story = uow.stories.start(
                        event_id, date=day, summary=summary, actors=actors, places=places
                    )
                else:
                    uow.stories.attach(story, event_id, score=0.9, reason={})
            assert story is not None
            ids.append(story)
        uow.commit()
    return ids


def test_headlines_count_corroboration_as_the_loaded_stories_do(uow: SqlUnitOfWork) -> None:
    ids = _fill(uow)
    with uow:
        headlines = uow.stories.search(FactSearch())
        full = uow.stories.load([h.id for h in headlines])
    assert {h.id: h.corroboration for h in headlines} == {s.id: s.corroboration for s in full}
    by_id = {h.id: h.corroboration for h in headlines}
    assert [by_id[i] for i in ids] == [2, 3, 1, 1, 2, 2, 2, 3]
    assert [(h.date, h.words) for h in headlines] == [(s.date, s.words) for s in full]


@pytest.mark.parametrize("terms", [[], ["harbour"], ["port", "talks"], ["ferry"], ["harbours", "authority"]])
def test_headlines_rank_as_the_loaded_stories_do(uow: SqlUnitOfWork, terms: list[str]) -> None:
    _fill(uow)
    with uow:
        headlines = uow.stories.search(FactSearch(terms=["harbour"]))
        full = uow.stories.load([h.id for h in headlines])
    assert len(headlines) == len(STORIES)
    assert [h.id for h in rank_stories(headlines, terms)] == [s.id for s in rank_stories(full, terms)]


def test_timeline_pages_are_slices_of_one_order_latest_first(uow: SqlUnitOfWork) -> None:
    ids = _fill(uow)
    # Latest first; on one date the summary naming the topic, then the best corroborated, then the
    # newer id; a month-precise date after every day of that month.
    order = [ids[1], ids[0], ids[2], ids[3], ids[4], ids[6], ids[5], ids[7]]
    result = show_timeline(TimelineQuery(terms=["harbour"], limit=3), uow=uow)
    assert [e.story_id for e in result.entries] == order[:3]
    assert result.page.total == len(STORIES)
    assert [e.corroboration for e in result.entries] == [3, 2, 1]
    assert [len(e.sources) for e in result.entries] == [3, 3, 2]  # articles, not outlets
    assert result.query.describe() == "harbour, latest first"
    pages = [
        show_timeline(TimelineQuery(terms=["harbour"], limit=3, offset=n), uow=uow).entries for n in (0, 3, 6)
    ]
    shown = [e for page in pages for e in page]
    assert [e.story_id for e in shown] == order
    # Dates never go forward again from one page to the next.
    assert [e.date for e in shown] == sorted((e.date for e in shown), reverse=True)
    # On one date, the story whose own words name the topic comes first.
    [named] = show_timeline(TimelineQuery(terms=["harbour"], limit=1, offset=3), uow=uow).entries
    assert named.story_id == ids[3]
