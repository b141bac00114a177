from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, insert
from sqlalchemy.exc import IntegrityError

from store.database import make_session_factory
from store.orm import DigestRunRow
from store.uow import SqlUnitOfWork

NOON = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)


def test_sources_can_be_added_listed_paused_and_removed(uow: SqlUnitOfWork) -> None:
    with uow:
        feed = uow.sources.add("https://news.example.org/rss", name="Example", kind="feed", created_by="U1")
        page = uow.sources.add("https://example.org/live", name=None, kind="page", created_by=None)
        duplicate = uow.sources.add(
            "https://news.example.org/rss", name="Other", kind="feed", created_by="U2"
        )
        uow.commit()
    assert duplicate == feed
    assert feed.active and feed.interval_minutes == 15 and feed.created_at.tzinfo is not None
    with uow:
        assert [s.url for s in uow.sources.list()] == [feed.url, page.url]
        paused = uow.sources.set_active(feed.id, False)
        assert paused is not None and not paused.active
        assert uow.sources.set_active(9999, True) is None
        assert uow.sources.remove(page.id) is True
        assert uow.sources.remove(page.id) is False
        uow.commit()
    with uow:
        assert uow.sources.get(page.id) is None
        stored = uow.sources.get_by_url(feed.url)
        assert stored is not None and stored.active is False


def test_unknown_source_kind_is_refused(uow: SqlUnitOfWork) -> None:
    with uow, pytest.raises(ValueError, match="feed"):
        uow.sources.add("https://example.org/x", name=None, kind="podcast", created_by=None)


def test_polls_record_failures_validators_and_seen_items(uow: SqlUnitOfWork) -> None:
    with uow:
        source = uow.sources.add("https://example.org/feed", name=None, kind="feed", created_by=None)
        assert [s.id for s in uow.sources.due(NOON)] == [source.id]
        uow.sources.record_poll(source.id, at=NOON, error="timeout")
        failed = uow.sources.record_poll(source.id, at=NOON, error="timeout")
        assert failed is not None and failed.consecutive_failures == 2 and failed.last_error == "timeout"
        ok = uow.sources.record_poll(source.id, at=NOON, etag='"abc"', last_modified="Thu, 01 May 2025")
        assert ok is not None and ok.consecutive_failures == 0 and ok.etag == '"abc"'
        assert uow.sources.due(NOON + timedelta(minutes=5)) == []
        assert [s.id for s in uow.sources.due(NOON + timedelta(minutes=15))] == [source.id]
        assert uow.sources.mark_seen(source.id, "item-1", url=None, content_hash=None, at=NOON) is True
        assert uow.sources.mark_seen(source.id, "item-1", url=None, content_hash=None, at=NOON) is False
        assert uow.sources.has_seen(source.id, "item-1") and not uow.sources.has_seen(source.id, "item-2")
        uow.commit()


def test_audit_log_returns_the_latest_actions_first(uow: SqlUnitOfWork) -> None:
    with uow:
        uow.audit.record("U1", "source.add", "https://a.example", NOON)
        uow.audit.record("U2", "source.remove", "https://b.example", NOON + timedelta(hours=1))
        uow.audit.record("U1", "digest.add", "#news daily", NOON + timedelta(hours=2))
        uow.commit()
    with uow:
        recent = uow.audit.recent(limit=2)
    assert [a.action for a in recent] == ["digest.add", "source.remove"]
    assert recent[0].at == NOON + timedelta(hours=2)


def _subscribe(uow: SqlUnitOfWork) -> int:
    """Workspace T1's digest; `uow` reads for T1 from then on."""
    with uow.of("T1"):
        sub = uow.digests.subscribe(
            "C1",
            team="T1",
            cadence="daily",
            weekday=None,
            time="08:00",
            timezone="Europe/Berlin",
            topic="energy",
            post_empty=False,
            created_by="U1",
        )
        uow.commit()
    return sub.id


def test_a_digest_slot_is_claimed_once(uow: SqlUnitOfWork) -> None:
    sub_id = _subscribe(uow)
    with uow:
        run = uow.digests.claim(sub_id, NOON, at=NOON)
        uow.commit()
    with uow:
        assert uow.digests.claim(sub_id, NOON, at=NOON) is None
        assert uow.digests.claim(sub_id, NOON + timedelta(days=1), at=NOON) is not None
        uow.commit()
    assert run is not None and run.status == "claimed" and run.slot == NOON


def test_a_second_raw_insert_of_the_same_subscription_and_slot_fails(
    engine: Engine, uow: SqlUnitOfWork
) -> None:
    sub_id = _subscribe(uow)
    row = {"subscription_id": sub_id, "slot": NOON, "status": "claimed", "attempts": 1, "claimed_at": NOON}
    with engine.begin() as conn:
        conn.execute(insert(DigestRunRow), row)
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(DigestRunRow), row)


def test_a_failed_digest_can_be_claimed_again_and_posting_is_recorded(uow: SqlUnitOfWork) -> None:
    sub_id = _subscribe(uow)
    with uow:
        run = uow.digests.claim(sub_id, NOON, at=NOON)
        assert run is not None
        uow.digests.mark_failed(run.id, error="channel_not_found")
        uow.commit()
    with uow:
        retry = uow.digests.claim(sub_id, NOON, at=NOON + timedelta(minutes=1))
        assert retry is not None and retry.attempts == 2 and retry.id == run.id
        uow.digests.mark_posted(retry.id, message_ts="1714564800.000100", at=NOON + timedelta(minutes=1))
        uow.commit()
    with uow:
        assert uow.digests.claim(sub_id, NOON, at=NOON) is None
        sub = uow.digests.get_subscription(sub_id)
        assert sub is not None and sub.last_posted_at == NOON + timedelta(minutes=1)
        assert [s.id for s in uow.digests.subscriptions("C1")] == [sub_id]
        assert uow.digests.unsubscribe(sub_id) is True
        uow.commit()


def test_two_workers_racing_for_a_slot_only_one_wins(engine: Engine, uow: SqlUnitOfWork) -> None:
    sub_id = _subscribe(uow)
    factory = make_session_factory(engine)
    first, second = SqlUnitOfWork(factory, workspace="T1"), SqlUnitOfWork(factory, workspace="T1")
    results: list[object] = []
    with first:
        assert first.digests.claim(sub_id, NOON, at=NOON) is not None

        def rival() -> None:
            with second:
                results.append(second.digests.claim(sub_id, NOON, at=NOON))
                second.commit()

        thread = threading.Thread(target=rival)
        thread.start()
        thread.join(timeout=0.3)
        assert thread.is_alive(), "the rival must wait for the first claim to settle"
        first.commit()
    thread.join(timeout=10)
    assert results == [None]
