"""Search shapes that keep large stores fast: capped totals, common words read in index order."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

import handlers.domain
import store.fact_search
from handlers.domain import FactSearch, Page
from store.uow import SqlUnitOfWork
from tests.integration.builders import event, store_article


@pytest.fixture
def small_cap(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(handlers.domain, "COUNT_CAP", 5)
    monkeypatch.setattr(store.fact_search, "DENSE_MATCHES", 5)
    return 5


def _store_days(uow: SqlUnitOfWork, n: int) -> None:
    for day in range(1, n + 1):
        store_article(uow, f"a{day}", events=[event(f"Ferry strike day {day}", when=f"2025-03-{day:02d}")])


def test_a_total_past_the_cap_is_reported_as_more_than_the_cap(uow: SqlUnitOfWork, small_cap: int) -> None:
    _store_days(uow, 8)
    with uow:
        records, total = uow.events.search(FactSearch(terms=["ferry"], limit=3))
    assert [r.summary for r in records] == ["Ferry strike day 1", "Ferry strike day 2", "Ferry strike day 3"]
    assert total == small_cap + 1
    page = Page(total=total, offset=0, limit=3)
    assert page.has_more and page.total_text == "5+"


def test_common_and_rare_words_give_the_same_order_and_exact_totals_under_the_cap(
    uow: SqlUnitOfWork, small_cap: int
) -> None:
    _store_days(uow, 8)
    store_article(uow, "rare", events=[event("Ferry strike ends in Tallinn", when="2025-03-04")])
    with uow:
        common, common_total = uow.events.search(FactSearch(terms=["strike"], limit=20, offset=6))
        rare, rare_total = uow.events.search(FactSearch(terms=["tallinn"]))
        windowed, windowed_total = uow.events.search(
            FactSearch(terms=["ferry"], since=date(2025, 3, 3), until=date(2025, 3, 4))
        )
    assert [r.summary for r in common] == ["Ferry strike day 6", "Ferry strike day 7", "Ferry strike day 8"]
    assert common_total == 9  # under what this page counts to (offset + limit + 1): exact
    assert [r.summary for r in rare] == ["Ferry strike ends in Tallinn"] and rare_total == 1
    assert [r.summary for r in windowed] == [
        "Ferry strike day 3",
        "Ferry strike day 4",
        "Ferry strike ends in Tallinn",
    ]
    assert windowed_total == 3


def test_a_common_search_on_postgresql_walks_newest_first_and_restores_the_planner(
    uow: SqlUnitOfWork, small_cap: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store_days(uow, 8)
    settings: list[str] = []
    real = store.fact_search.find_facts

    def spy(session, *args, **kwargs):  # type: ignore[no-untyped-def]
        found = real(session, *args, **kwargs)
        if session.get_bind().dialect.name == "postgresql":
            for name in ("enable_bitmapscan", "enable_sort"):
                settings.append(session.execute(text(f"SHOW {name}")).scalar_one())
        return found

    monkeypatch.setattr("store.repositories.events.find_facts", spy)
    with uow:
        common, _ = uow.events.search(FactSearch(terms=["ferry", "strike"], limit=3))
    # The same page as ever; and on PostgreSQL the setting is back on for the rest of the transaction.
    assert [r.summary for r in common] == ["Ferry strike day 1", "Ferry strike day 2", "Ferry strike day 3"]
    assert settings in ([], ["on", "on"])
