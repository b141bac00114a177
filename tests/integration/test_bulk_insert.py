"""Rows written past SQLAlchemy's parameter machinery read back as SQLAlchemy's own inserts do."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import Engine, insert, select

from store.bulk_insert import insert_rows
from store.orm import StoryEventRow, StoryRow
from store.uow import SqlUnitOfWork
from tests.integration.builders import event, new_article


def _story(story_id: int, created_at: datetime) -> dict[str, object]:
    return {"id": story_id, "date": "2031-05", "date_start": date(2031, 5, 1), "date_end": date(2031, 5, 31),
            "summary": "Ferries halted — “storm” Ünal", "actors": ["Ünal", "Port of Brenn"], "places": [],
            "words": "ferri halt storm", "created_at": created_at, "outlets": 0}


def test_bulk_rows_read_back_like_sqlalchemys_own(engine: Engine, uow: SqlUnitOfWork) -> None:
    # Dates, JSON lists (empty too), non-ASCII text, an aware datetime in another zone, NULLs and
    # a JSON null: each as SQLAlchemy's insert stores it, on both databases.
    created = datetime(2031, 5, 2, 9, 30, tzinfo=timezone(timedelta(hours=3)))
    with uow:
        article = uow.articles.add(new_article("Ferries halted at Brenn."))
        [first, second] = uow.events.add_many(article.id, [event("Ferries halted", "2031-05-02"),
                                                          event("Storm over Brenn", "2031-05-02")])
        uow.commit()
    with engine.begin() as conn:
        conn.execute(insert(StoryRow), [_story(1, created)])
        insert_rows(conn, StoryRow, [_story(2, created)])
        link = {"score": None, "reason": None, "added_at": created}
        conn.execute(insert(StoryEventRow), [{"story_id": 1, "event_id": first, **link}])
        insert_rows(conn, StoryEventRow, [{"story_id": 2, "event_id": second, **link}])
    with engine.connect() as conn:
        stories = conn.execute(select(StoryRow).order_by(StoryRow.id)).all()
        # As stored, not as read back: SQLite compares the dates as text, so the text must be the same.
        stored_dates = conn.exec_driver_sql("SELECT date_start, date_end FROM stories ORDER BY id").all()
        links = conn.execute(select(StoryEventRow.score, StoryEventRow.reason, StoryEventRow.added_at)
                             .order_by(StoryEventRow.story_id)).all()
    assert stories[0][1:] == stories[1][1:]
    assert stored_dates[0] == stored_dates[1]
    assert stories[1].created_at == created.astimezone(UTC)
    assert links[0] == links[1]


def test_rows_missing_a_column_with_a_python_default_are_refused(engine: Engine) -> None:
    row = _story(3, datetime(2031, 5, 2, tzinfo=UTC))
    del row["outlets"]  # SQLAlchemy would have filled in its default; this path cannot
    with engine.begin() as conn, pytest.raises(ValueError, match="outlets"):
        insert_rows(conn, StoryRow, [row])


def test_a_datetime_in_a_date_column_is_stored_as_sqlalchemy_stores_it(engine: Engine) -> None:
    # The fast path for dates must not take a datetime (a date subclass) for a date.
    moment = datetime(2031, 5, 2, 23, 59, tzinfo=UTC)
    created = datetime(2031, 5, 2, tzinfo=UTC)
    with engine.begin() as conn:
        conn.execute(insert(StoryRow), [{**_story(1, created), "date_start": moment}])
        insert_rows(conn, StoryRow, [{**_story(2, created), "date_start": moment}])
    with engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT date_start FROM stories ORDER BY id").scalars().all()
    assert stored[0] == stored[1]
