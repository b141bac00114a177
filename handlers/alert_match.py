"""What a watch finds among newly stored facts: the questions' own searches, limited to new articles.

A person watch: the quotes of the people /whosaid resolves the name to (handlers.commands
show_quotes: `people.find`, a surname or an alias finds the person). A topic watch: the events
of the stories /timeline finds for the words (an event naming the topic, or a new report of a
story that does), the quotes /whosaid finds and the figures /figures finds. "New" is the
FactSearch window `fetched_after`, which every store search applies.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from extract.timex.dates import date_range
from handlers.domain import AlertFacts, EventRecord, FactSearch, FigureRecord, QuoteRecord, Watch
from handlers.ports import AlertUnitOfWork

# Facts a batch holds at most; the others are found again by the next look, in the next batch.
MAX_BATCH = 40
# Facts of one kind read a page at a time, and at most this many: a watch is for a trickle.
PAGE = 500
MAX_READ = 5000

# A story's date is the one its reports agree on; a few days either side covers a report whose own
# date is vaguer or later than the story's.
SLACK_DAYS = 7

F = TypeVar("F", EventRecord, QuoteRecord, FigureRecord)


def find_new(watch: Watch, *, uow: AlertUnitOfWork, since: datetime) -> tuple[AlertFacts, bool]:
    """The watch's facts from articles fetched after `since` that no batch of it holds yet, the
    first stored first, at most MAX_BATCH; and whether that is all of them (else more are left)."""
    window = FactSearch(fetched_after=since, limit=PAGE)
    if watch.kind == "person":
        people = uow.people.find(watch.subject)
        # No person_ids means no narrowing at all: someone nobody has quoted yet has no quotes.
        by_them = window.model_copy(update={"person_ids": [p.id for p in people]})
        found = AlertFacts(quotes=_read(uow.quotes.search, by_them) if people else [])
    else:
        on_topic = window.model_copy(update={"terms": watch.subject.split()})
        found = AlertFacts(
            events=_topic_events(on_topic, uow),
            quotes=_read(uow.quotes.search, on_topic),
            figures=_read(uow.figures.search, on_topic),
        )
    keys = found.claim_keys()
    done = uow.watches.delivered(watch.id, keys) if keys else set()
    fresh = [k for k in keys if k not in done]
    order = _stored_order(found)
    fresh.sort(key=lambda k: order[k])
    return found.only(set(fresh[:MAX_BATCH])), len(fresh) <= MAX_BATCH


def _topic_events(on_topic: FactSearch, uow: AlertUnitOfWork) -> list[EventRecord]:
    """New events /timeline would show for the topic: those naming it, and new reports of the
    stories it finds (as the digest's topic does; the story search is the timeline's)."""
    named = {e.id: e for e in _read(uow.events.search, on_topic)}
    others = [
        e for e in _read(uow.events.search, on_topic.model_copy(update={"terms": []})) if e.id not in named
    ]
    if not others:
        return list(named.values())  # the story search is the costly part: only when it can add
    stories = {h.id for h in uow.stories.search(_stories_around(others, on_topic.terms))}
    if stories:
        story_at = uow.stories.stories_at([(e.article.id, e.start) for e in others])
        named.update({e.id: e for e in others if story_at.get((e.article.id, e.start)) in stories})
    return list(named.values())


def _stories_around(events: list[EventRecord], terms: list[str]) -> FactSearch:
    """The timeline's story search, limited to the dates of these events (give or take SLACK_DAYS):
    a story holding one of them is dated within its days, and an unbounded search of a common
    word reads up to 500 stories (18 ms a watch on PostgreSQL at 100k facts)."""
    spans = [span for e in events if (span := date_range(e.date)) is not None]
    if not spans:
        return FactSearch(terms=terms)
    margin = timedelta(days=SLACK_DAYS)
    return FactSearch(
        terms=terms, since=min(s for s, _ in spans) - margin, until=max(e for _, e in spans) + margin
    )


def _read(search: Callable[[FactSearch], tuple[list[F], int]], window: FactSearch) -> list[F]:
    rows: list[F] = []
    while len(rows) < MAX_READ:
        page, total = search(window.model_copy(update={"offset": len(rows)}))
        rows.extend(page)
        if not page or len(rows) >= total:
            break
    return rows


def _stored_order(facts: AlertFacts) -> dict[tuple[str, int], tuple[int, int, int]]:
    """(kind, id) -> (article, offset in it, kind): articles in the order they were stored, and in
    each article its facts in reading order."""
    order: dict[tuple[str, int], tuple[int, int, int]] = {}
    for e in facts.events:
        order[("event", e.id)] = (e.article.id, e.start, 0)
    for q in facts.quotes:
        order[("quote", q.id)] = (q.article.id, q.start, 1)
    for f in facts.figures:
        order[("figure", f.id)] = (f.article.id, f.start, 2)
    return order
