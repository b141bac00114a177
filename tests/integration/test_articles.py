from __future__ import annotations

from sqlalchemy import delete, func, select

from handlers.domain import FactSearch
from store.orm import ArticleRow, EventRow, FigureRow, QuoteRow
from store.uow import SqlUnitOfWork
from tests.integration.builders import event, figure, new_article, quote, store_article

TEXT = "The harbour authority said on Monday that 12 cranes were idle after the storm."


def test_reingesting_the_same_article_returns_the_stored_one_and_changes_nothing(uow: SqlUnitOfWork) -> None:
    first = store_article(uow, TEXT, url="https://example.org/harbour")
    with uow:
        again = uow.articles.add(new_article(TEXT, url="https://example.org/harbour"))
        same_text_elsewhere = uow.articles.add(new_article(TEXT, url="https://mirror.example.net/harbour"))
        uow.commit()
    assert again == first
    assert same_text_elsewhere.id == first.id
    with uow:
        assert uow.articles.count() == 1
        assert uow.articles.get_by_hash(first.content_hash) == first
        assert uow.articles.get_by_url("https://example.org/harbour") == first
        assert uow.articles.get_by_url("https://mirror.example.net/harbour") is None


def test_articles_without_url_do_not_collide(uow: SqlUnitOfWork) -> None:
    store_article(uow, "First wire story without a link.")
    store_article(uow, "Second wire story without a link.")
    with uow:
        assert uow.articles.count() == 2


def test_leaving_the_unit_of_work_without_commit_discards_the_work(uow: SqlUnitOfWork) -> None:
    with uow:
        uow.articles.add(new_article(TEXT))
    with uow:
        assert uow.articles.count() == 0


def test_deleting_an_article_deletes_its_facts_and_their_index_entries(uow: SqlUnitOfWork) -> None:
    article = store_article(
        uow,
        TEXT,
        events=[event("Storm closes the harbour")],
        quotes=[(quote("The cranes will restart tomorrow", "Maria Lopez"), None)],
        figures=[figure("12 cranes", 12, unit="cranes", about="idle cranes")],
    )
    with uow:
        assert uow.events.search(FactSearch(terms=["harbour"]))[1] == 1
        session = uow.articles._session  # the test reaches in to delete; the app never deletes articles yet
        session.execute(delete(ArticleRow).where(ArticleRow.id == article.id))
        uow.commit()
    with uow:
        session = uow.articles._session
        for row_type in (EventRow, QuoteRow, FigureRow):
            assert session.scalar(select(func.count()).select_from(row_type)) == 0
        assert uow.events.search(FactSearch(terms=["harbour"])) == ([], 0)
        assert uow.quotes.search(FactSearch(terms=["cranes"])) == ([], 0)
        assert uow.figures.search(FactSearch(terms=["cranes"])) == ([], 0)


def test_new_text_under_a_stored_url_replaces_the_article_and_drops_its_old_facts(uow: SqlUnitOfWork) -> None:
    url = "https://example.org/live/flood"
    first = store_article(
        uow, "Live: river rising in the old town.", url=url, events=[event("River rising in the old town")]
    )
    second = store_article(
        uow, "Live: river falling after the night.", url=url, events=[event("River falling after the night")]
    )
    assert second.id == first.id
    assert second.content_hash != first.content_hash
    with uow:
        assert uow.articles.count() == 1
        summaries = [e.summary for e in uow.events.search(FactSearch(terms=["river"]))[0]]
    assert summaries == ["River falling after the night"]


def test_an_event_with_an_unreadable_date_is_skipped_and_the_others_kept(uow: SqlUnitOfWork) -> None:
    store_article(uow, "a", events=[event("Dated sometime", when="sometime"), event("Dated properly")])
    with uow:
        assert [e.summary for e in uow.events.search(FactSearch())[0]] == ["Dated properly"]
