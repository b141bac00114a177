from __future__ import annotations

import pytest
from sqlalchemy import Engine, update

from handlers.domain import FactSearch
from store.orm import EventRow, FigureRow, QuoteRow
from store.reindex import reindex_search
from store.uow import SqlUnitOfWork
from tests.integration.builders import event, figure, quote, store_article

# Raw SQL checks the store's mechanics, as an internal job would see the rows.
pytestmark = pytest.mark.usefixtures("raw_sql_sees_every_workspace")


def test_reindex_rebuilds_search_text_that_went_stale(engine: Engine, uow: SqlUnitOfWork) -> None:
    with uow:
        person = uow.people.upsert("Mette Frederiksen", kind="person", aliases=[], roles=[])
        uow.commit()
    store_article(
        uow,
        "a",
        events=[event("Ferries halted by ice")],
        quotes=[(quote("Ice is no excuse", "Mette Frederiksen"), person.id)],
        figures=[figure("40 ferries", 40, unit="ferries", about="halted ferries")],
    )
    with engine.begin() as conn:  # as if written under older normalisation rules
        for row_type in (EventRow, QuoteRow, FigureRow):
            conn.execute(update(row_type).values(search_text="stale"))
    with uow:
        assert uow.events.search(FactSearch(terms=["ferry"]))[1] == 0

    assert reindex_search(engine) == {"events": 1, "quotes": 1, "figures": 1}
    assert reindex_search(engine) == {"events": 0, "quotes": 0, "figures": 0}
    with uow:
        assert uow.events.search(FactSearch(terms=["ferry"]))[1] == 1
        assert uow.quotes.search(FactSearch(terms=["frederiksen"]))[1] == 1
        assert uow.figures.search(FactSearch(terms=["ferry"]))[1] == 1
