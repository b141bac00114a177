"""The watch repository on SQLite and PostgreSQL: listing, the per-fact claim, retries, removal."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from handlers.domain import AlertFacts, ArticleRef, EventRecord, QuoteRecord
from handlers.tenancy import ALL_WORKSPACES
from store.uow import SqlUnitOfWork

T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
REF = ArticleRef(id=1, url="https://news.example/1", title="Report")


@pytest.fixture
def uow(uow: SqlUnitOfWork) -> SqlUnitOfWork:
    """The store's own bookkeeping, not what a workspace sees: read for all of them."""
    return uow.of(ALL_WORKSPACES)


def facts(*event_ids: int, quote_ids: tuple[int, ...] = ()) -> AlertFacts:
    return AlertFacts(
        events=[
            EventRecord(
                id=i, date="2026-03-01", summary=f"e{i}", sentence="s", start=i, end=i + 1, article=REF
            )
            for i in event_ids
        ],
        quotes=[
            QuoteRecord(id=i, text=f"q{i}", kind="direct", speaker="A B", start=i, end=i + 1, article=REF)
            for i in quote_ids
        ],
    )


def test_watches_are_listed_by_channel_and_owner_and_the_cursor_never_moves_back(uow: SqlUnitOfWork) -> None:
    with uow:
        a = uow.watches.add(kind="topic", subject="strike", channel="C1", owner="UA", team="T1", at=T0)
        b = uow.watches.add(kind="person", subject="Okafor", channel=None, owner="U1", team="T1", at=T0)
        uow.watches.add(kind="topic", subject="cranes", channel=None, owner="U2", team="T1", at=T0)
        uow.watches.add(kind="topic", subject="ferry", channel="C2", owner="UA", team="T2", at=T0)
        uow.watches.checked(a.id, T0 + timedelta(minutes=5))
        uow.watches.checked(a.id, T0 + timedelta(minutes=1))  # a slower worker's look: ignored
        uow.commit()
    with uow:
        assert [w.id for w in uow.watches.find(channel="C1", owner="U1")] == [a.id, b.id]
        assert len(uow.watches.find(team="T1")) == 3 and len(uow.watches.find()) == 4
        assert uow.watches.get(a.id).checked_until == T0 + timedelta(minutes=5)  # type: ignore[union-attr]
        assert uow.watches.get(b.id).created_at == T0  # type: ignore[union-attr]


def test_a_fact_is_claimed_by_one_batch_and_a_failed_batch_is_retried_with_its_facts(
    uow: SqlUnitOfWork,
) -> None:
    with uow:
        w = uow.watches.add(kind="topic", subject="strike", channel="C1", owner="UA", team=None, at=T0)
        first = uow.watches.claim(w.id, facts(1, 2, quote_ids=(7,)), at=T0)
        again = uow.watches.claim(w.id, facts(2, 3), at=T0)
        nothing = uow.watches.claim(w.id, facts(1, 3), at=T0)
        uow.commit()
    assert first is not None and again is not None and nothing is None
    assert first.facts.claim_keys() == [("event", 1), ("event", 2), ("quote", 7)]
    assert again.facts.claim_keys() == [("event", 3)]  # the second batch holds only what was left
    with uow:
        assert uow.watches.delivered(w.id, [("event", 1), ("event", 4), ("quote", 7)]) == {
            ("event", 1),
            ("quote", 7),
        }
        uow.watches.mark_failed(first.id, error="Slack answered HTTP 503")
        uow.watches.mark_posted(again.id, message_ts="1.2", at=T0)
        uow.commit()
    with uow:
        [retried] = uow.watches.retry(w.id, max_attempts=3, at=T0 + timedelta(minutes=1))
        assert uow.watches.retry(w.id, max_attempts=3, at=T0) == []  # claimed now: not twice
        uow.commit()
    assert (retried.id, retried.attempts, retried.status, retried.error) == (first.id, 2, "claimed", None)
    assert [e.summary for e in retried.facts.events] == ["e1", "e2"]  # the same facts, from the batch
    with uow:
        assert [b.id for b in uow.watches.batches(w.id)] == [again.id, first.id]
        assert uow.watches.remove(w.id) and not uow.watches.remove(w.id)
        uow.commit()
    with uow:
        assert uow.watches.batches(w.id) == [] and uow.watches.delivered(w.id, [("event", 1)]) == set()
