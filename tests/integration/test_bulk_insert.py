"""Rows written past SQLAlchemy's parameter machinery read back as SQLAlchemy's own inserts do."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import Engine, insert, select

from handlers.domain import FactSearch
from store.bulk_insert import insert_new_rows, insert_rows
from store.orm import ArticleRow, FigureRow, StoryEventRow, StoryRow
from store.uow import SqlUnitOfWork
from tests.integration.builders import event, new_article

# Raw SQL checks the store's mechanics, as an internal job would see the rows.
pytestmark = pytest.mark.usefixtures("raw_sql_sees_every_workspace")


def _story(story_id: int, created_at: datetime) -> dict[str, object]:
    return {
        "id": story_id,
        "date": "2031-05",
        "date_start": date(2031, 5, 1),
        "date_end": date(2031, 5, 31),
        "summary": "Ferries halted — “storm” Ünal",
        "actors": ["Ünal", "Port of Brenn"],
        "places": [],
        "words": "ferri halt storm",
        "created_at": created_at,
        "outlets": 0,
    }


def test_bulk_rows_read_back_like_sqlalchemys_own(engine: Engine, uow: SqlUnitOfWork) -> None:
    # Dates, JSON lists (empty too), non-ASCII text, an aware datetime in another zone, NULLs and
    # a JSON null: each as SQLAlchemy's insert stores it, on both databases.
    created = datetime(2031, 5, 2, 9, 30, tzinfo=timezone(timedelta(hours=3)))
    with uow:
        article = uow.articles.add(new_article("Ferries halted at Brenn."))
        [first, second] = uow.events.add_many(
            article.id, [event("Ferries halted", "2031-05-02"), event("Storm over Brenn", "2031-05-02")]
        )
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
        links = conn.execute(
            select(StoryEventRow.score, StoryEventRow.reason, StoryEventRow.added_at).order_by(
                StoryEventRow.story_id
            )
        ).all()
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


def test_new_rows_skip_the_ones_clashing_on_a_unique_key_and_return_the_others(engine: Engine) -> None:
    fetched = datetime(2031, 5, 2, 9, 30, tzinfo=timezone(timedelta(hours=-4)))

    def article(n: int, url: str) -> dict[str, object]:
        return {
            "url": url,
            "title": f"Ferries {n}",
            "outlet": "Brenn Post",
            "published": date(2031, 5, n),
            "fetched_at": fetched,
            "content_hash": f"hash-{n}",
            "source_id": None,
            "guid": None,
            "text": f"Ferries halted {n} — “storm”.",
        }

    with engine.begin() as conn:
        conn.execute(insert(ArticleRow), [article(1, "https://brenn.example/1")])
        returned = insert_new_rows(
            conn,
            ArticleRow,
            [
                article(2, "https://brenn.example/2"),
                article(3, "https://brenn.example/1"),  # the URL of one stored: skipped
                article(1, "https://brenn.example/4"),  # the text of one stored: skipped
                article(5, "https://brenn.example/5"),
            ],
            returning=("content_hash", "title"),
        )
    assert sorted(returned) == [("hash-2", "Ferries 2"), ("hash-5", "Ferries 5")]
    with engine.connect() as conn:
        stored = conn.execute(
            select(ArticleRow.published, ArticleRow.fetched_at, ArticleRow.text).order_by(ArticleRow.id)
        ).all()
        as_text = conn.exec_driver_sql("SELECT published FROM articles ORDER BY id").scalars().all()
    assert [row.published for row in stored] == [date(2031, 5, 1), date(2031, 5, 2), date(2031, 5, 5)]
    assert {row.fetched_at for row in stored} == {fetched.astimezone(UTC)}
    assert stored[1].text == "Ferries halted 2 — “storm”."
    assert as_text[1] in ("2031-05-02", date(2031, 5, 2))  # SQLite stores the text SQLAlchemy would


def test_more_rows_than_one_statement_takes_are_all_stored_and_searchable(
    engine: Engine, uow: SqlUnitOfWork
) -> None:
    # SQLite takes bulk rows in multi-row statements of 256, 64, 16, 4 and 1 rows: 1,234 take 12.
    with uow:
        article = uow.articles.add(new_article("Ferries halted at Brenn."))
        uow.commit()
    rows = [
        {
            "article_id": article.id,
            "search_text": f"ferry{n % 7} brenn",
            "text": f"{n} ferries",
            "value": n + 0.1,
            "value_max": None,
            "unit": "ferries",
            "bound": "=",
            "change": None,
            "about": None,
            "sentence": f"{n} ferries sailed.",
            "start": n,
            "end": n + 1,
        }
        for n in range(1234)
    ]
    with engine.begin() as conn:
        insert_rows(conn, FigureRow, rows)
    with engine.connect() as conn:
        stored = conn.execute(select(FigureRow.start, FigureRow.value).order_by(FigureRow.start)).all()
    assert stored == [(n, n + 0.1) for n in range(1234)]
    with uow:
        found, total = uow.figures.search(FactSearch(terms=["ferry3"], limit=5))
    assert total == len(range(3, 1234, 7))
    assert {f.text for f in found} <= {f"{n} ferries" for n in range(3, 1234, 7)}
