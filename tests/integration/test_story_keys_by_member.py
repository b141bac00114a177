"""Story keys belong to a membership (migration 0011): kept with it, gone with it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text

from store.database import make_engine
from store.migrate import upgrade
from tests.integration.conftest import BACKENDS

NOW = datetime(2031, 5, 2, tzinfo=UTC)

# Raw SQL checks the store's mechanics, as an internal job would see the rows.
pytestmark = pytest.mark.usefixtures("raw_sql_sees_every_workspace")


def _two_members(engine: Engine) -> None:
    """Article 1's events 1 and 2, in stories 1 and 2; event 3 in no story."""
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (id, url, title, outlet, published, fetched_at, content_hash, text) "
                "VALUES (1, NULL, 't', 'Ledger', '2031-05-02', :now, 'h1', 'x')"
            ),
            {"now": NOW},
        )
        for event_id in (1, 2, 3):
            conn.execute(
                text(
                    "INSERT INTO events (id, article_id, date, date_start, date_end, summary, sentence, "
                    "start, "
                    "\"end\", actors, places, search_text) VALUES (:id, 1, '2031-05-01', '2031-05-01', "
                    "'2031-05-01', 'Ferry crews walked out', 'Ferry crews walked out.', 0, 10, '[]', '[]', "
                    "'ferry')"
                ),
                {"id": event_id},
            )
        for story_id in (1, 2):
            conn.execute(
                text(
                    "INSERT INTO stories (id, date, date_start, date_end, summary, actors, places, "
                    "created_at) "
                    "VALUES (:id, '2031-05-01', '2031-05-01', '2031-05-01', 'Ferry crews walked out', '[]', "
                    "'[]', :now)"
                ),
                {"id": story_id, "now": NOW},
            )
            conn.execute(
                text(
                    "INSERT INTO story_events (id, story_id, event_id, added_at) VALUES (:id, :id, :id, :now)"
                ),
                {"id": story_id, "now": NOW},
            )


def _keys(engine: Engine) -> list[tuple[int, str]]:
    with engine.connect() as conn:
        return [(e, k) for e, k in conn.execute(text("SELECT event_id, key FROM story_keys ORDER BY 1, 2"))]


@pytest.mark.parametrize("empty_database_url", BACKENDS, indirect=True)
def test_0011_keeps_each_members_keys_once_and_drops_keys_of_no_member(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    try:
        upgrade(engine, "0010_search_pending_lists")
        _two_members(engine)
        with engine.begin() as conn:
            for story_id, event_id, key in (
                (1, 1, "n:brenn"),
                (1, 1, "w:ferry"),
                (1, 1, "n:brenn"),
                (2, 2, "w:ferry"),
                (1, 3, "w:ferry"),
            ):
                conn.execute(
                    text(
                        "INSERT INTO story_keys (story_id, event_id, key, date_start, date_end) "
                        "VALUES (:s, :e, :k, '2031-05-01', '2031-05-01')"
                    ),
                    {"s": story_id, "e": event_id, "k": key},
                )
        upgrade(engine)
        assert _keys(engine) == [(1, "n:brenn"), (1, "w:ferry"), (2, "w:ferry")]
        with engine.begin() as conn:  # keys go with their membership, and it with its event
            conn.execute(text("DELETE FROM story_events WHERE event_id = 1"))
            conn.execute(text("DELETE FROM events WHERE id = 2"))
        assert _keys(engine) == []
    finally:
        engine.dispose()


@pytest.mark.parametrize("empty_database_url", BACKENDS, indirect=True)
def test_a_key_needs_a_membership(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    try:
        upgrade(engine)
        _two_members(engine)
        with pytest.raises(Exception, match=r"(?i)foreign key"), engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO story_keys (story_id, event_id, key, date_start, date_end) "
                    "VALUES (1, 3, 'w:ferry', '2031-05-01', '2031-05-01')"
                )
            )
    finally:
        engine.dispose()
