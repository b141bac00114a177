"""Event.scheduled is stored (migration 0013) and read back; events come newest first when asked."""

from __future__ import annotations

from handlers.domain import FactSearch
from store.uow import SqlUnitOfWork
from tests.integration.builders import event, store_article


def test_a_scheduled_event_is_stored_as_scheduled_and_others_as_past(uow: SqlUnitOfWork) -> None:
    vote = event("The Vellmark council will vote on the levy", when="2025-03-14")
    store_article(
        uow, "a", events=[vote.model_copy(update={"scheduled": True}), event("The levy was tabled")]
    )
    with uow:
        records, _ = uow.events.search(FactSearch())
    assert {r.summary: r.scheduled for r in records} == {
        "The Vellmark council will vote on the levy": True,
        "The levy was tabled": False,
    }


def test_a_digest_reads_the_newest_happenings_first(uow: SqlUnitOfWork) -> None:
    store_article(
        uow,
        "b",
        events=[event(f"Sluice gate {i} reopened", when=f"2025-03-{10 + i:02d}") for i in range(5)],
    )
    with uow:
        newest, total = uow.events.search(FactSearch(limit=2, newest_first=True))
    assert [r.summary for r in newest] == ["Sluice gate 4 reopened", "Sluice gate 3 reopened"] and total == 5
