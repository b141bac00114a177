"""Events: dated happenings, searched in date order."""

from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from handlers.domain import EventRecord, FactSearch, NewEvent
from store.fact_search import find_facts
from store.orm import ArticleRow, EventRow
from store.repositories.articles import row_values, to_ref
from store.repositories.pending_events import flush_events, pending_events
from store.row_ids import RowIds
from store.search_text import index_text

log = logging.getLogger(__name__)

_EVENT_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_range(value: str) -> tuple[date, date]:
    """The calendar days an event date covers: "2025-09" is 1 to 30 September 2025."""
    match = _EVENT_DATE.match(value)
    if not match:
        raise ValueError(f"not an event date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year, month, day = (int(x) if x else None for x in match.groups())
    assert year is not None
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if day is None:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, month, day), date(year, month, day)


def event_search_text(
    summary: str,
    sentence: str,
    actors: list[str],
    places: list[str],
    *,
    title: str | None = None,
    lead: str = "",
) -> str:
    """What an event is found by: its summary and sentence, who took part and where, and its
    article's title and lead (what the story is about, which its one sentence may not say)."""
    return index_text([summary, sentence, *actors, *places, title, lead])


# How much of an article's text its lead is at most: its first paragraph, a few sentences.
LEAD_CHARS = 400


def article_lead(text: str) -> str:
    """The article's first paragraph, at most LEAD_CHARS characters, cut at a word."""
    stripped = text.strip()
    first = stripped.split("\n\n", 1)[0] if "\n\n" in stripped[:LEAD_CHARS] else stripped
    if len(first) <= LEAD_CHARS:
        return first
    cut = first[:LEAD_CHARS]
    return cut[: cut.rfind(" ")] if " " in cut else cut


def article_context(session: Session, article_ids: Sequence[int]) -> dict[int, tuple[str | None, str]]:
    """Each article's title and lead, read in one statement (the start of its text only)."""
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        return {}
    rows = session.execute(
        select(ArticleRow.id, ArticleRow.title, func.substr(ArticleRow.text, 1, 2 * LEAD_CHARS)).where(
            ArticleRow.id.in_(ids)
        )
    )
    return {i: (title, article_lead(start or "")) for i, title, start in rows}


# PostgreSQL reserves event ids in blocks of 16 doubling up to 256 (at most that many unused a
# transaction): a batch of 50 articles stores ~230 events, which took nine round trips from 1 to 64.
# Event ids are seen by no one; story ids are, and keep their smaller blocks.
_FIRST_ID_BLOCK = 16
_MAX_ID_BLOCK = 256


class SqlEventRepository:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._ids: RowIds | None = None  # this transaction's new event ids, handed out ahead
        self._context: dict[int, tuple[str | None, str]] = {}  # article id -> its title and lead

    def add_batch(self, articles: Sequence[tuple[int, Sequence[NewEvent]]]) -> list[list[int | None]]:
        """Several articles' events (article id, its events), as `add_many` on each in turn gives
        them; their ids are taken in one go (PostgreSQL: one round trip, not one a growing block)."""
        self._row_ids().reserve(sum(len(events) for _, events in articles))
        self._read_context([article_id for article_id, events in articles if events])
        return [self.add_many(article_id, events) for article_id, events in articles]

    def add_many(self, article_id: int, events: Sequence[NewEvent]) -> list[int | None]:
        """Store an article's events, indexed for search by summary, sentence, actors and places.

        Returns their ids in order; None for an event whose date cannot be read (not stored).
        The rows are written with the transaction's other events, before a read or at commit.
        """
        spans: list[tuple[date, date] | None] = []
        for event in events:
            try:
                spans.append(date_range(event.date))
            except ValueError:
                # One unreadable date must not cost the article its other facts.
                log.warning("skipping event with unreadable date %r in article %s", event.date, article_id)
                spans.append(None)
        ids = iter(self._row_ids().take(sum(span is not None for span in spans)))
        if events and article_id not in self._context:
            self._read_context([article_id])
        title, lead = self._context.get(article_id, (None, ""))
        pending = pending_events(self._session)
        out: list[int | None] = []
        for event, span in zip(events, spans, strict=True):
            if span is None:
                out.append(None)
                continue
            new_id = next(ids)
            pending[new_id] = {
                "id": new_id,
                "article_id": article_id,
                "date_start": span[0],
                "date_end": span[1],
                "search_text": event_search_text(
                    event.summary, event.sentence, event.actors, event.places, title=title, lead=lead
                ),
                **event.model_dump(),
            }
            out.append(new_id)
        return out

    def _read_context(self, article_ids: Sequence[int]) -> None:
        self._context.update(
            article_context(self._session, [i for i in article_ids if i not in self._context])
        )

    def _row_ids(self) -> RowIds:
        if self._ids is None:
            self._ids = RowIds(
                self._session.connection(), "events", max_block=_MAX_ID_BLOCK, first_block=_FIRST_ID_BLOCK
            )
        return self._ids

    def search(self, search: FactSearch) -> tuple[list[EventRecord], int]:
        """Matching events in date order (oldest first) and the total count.

        since/until keep events whose dates overlap the window: "2025-09" is kept for
        "since 2025-09-15".
        """
        flush_events(self._session)
        filters: list[ColumnElement[bool]] = []
        if search.since:
            filters.append(EventRow.date_end >= search.since)
        if search.until:
            filters.append(EventRow.date_start <= search.until)
        rows, total = find_facts(
            self._session,
            EventRow,
            search,
            filters=filters,
            order_by=(
                (EventRow.date_start.desc(), EventRow.date_end.desc(), EventRow.id.desc())
                if search.newest_first
                else (EventRow.date_start, EventRow.date_end, EventRow.id)
            ),
        )
        return [_record(event, article) for event, article in rows], total


def _record(row: EventRow, article: ArticleRow) -> EventRecord:
    return EventRecord.model_validate({**row_values(row), "article": to_ref(article)})
