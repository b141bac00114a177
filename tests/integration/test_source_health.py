"""What the Home tab reads of sources from the real store: items each poller took since a moment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from store.uow import SqlUnitOfWork

NOW = datetime(2030, 6, 1, 12, tzinfo=UTC)


def test_seen_counts_counts_each_sources_items_since_the_moment_and_leaves_out_the_rest(
    uow: SqlUnitOfWork,
) -> None:
    with uow:
        busy = uow.sources.add("https://a.example/feed", name="A", kind="feed", created_by=None)
        quiet = uow.sources.add("https://b.example/feed", name="B", kind="feed", created_by=None)
        idle = uow.sources.add("https://c.example/page", name="C", kind="page", created_by=None)
        for n, days in enumerate([0, 1, 6, 8, 30]):
            uow.sources.mark_seen(
                busy.id, f"a{n}", url=None, content_hash=None, at=NOW - timedelta(days=days)
            )
        uow.sources.mark_seen(quiet.id, "b0", url=None, content_hash=None, at=NOW - timedelta(days=9))
        uow.sources.mark_seen(idle.id, "c0", url=None, content_hash=None, at=NOW - timedelta(days=2))
        uow.commit()
    with uow:
        assert uow.sources.seen_counts(NOW - timedelta(days=7)) == {busy.id: 3, idle.id: 1}
