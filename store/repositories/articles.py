"""Articles: stored once per content hash."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from handlers.domain import Article, ArticleRef, ArticleStoredMeanwhile, NewArticle
from store.orm import ArticleRow, Base, EventRow, FigureRow, QuoteRow
from store.types import utcnow


def to_article(row: ArticleRow) -> Article:
    return Article.model_validate(row_values(row))


def row_values(row: Base) -> dict[str, Any]:
    """A row's column values by attribute name, for validating into a domain model."""
    return {attr.key: getattr(row, attr.key) for attr in inspect(row).mapper.column_attrs}


def to_ref(row: ArticleRow) -> ArticleRef:
    return ArticleRef(id=row.id, url=row.url, title=row.title, outlet=row.outlet, published=row.published)


class SqlArticleRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get_by_hash(self, content_hash: str) -> Article | None:
        """The article with this content hash, if stored."""
        row = self._by_hash(content_hash)
        return to_article(row) if row else None

    def get_by_url(self, url: str) -> Article | None:
        """The article stored from this URL, if any."""
        row = self._by_url(url)
        return to_article(row) if row else None

    def add(self, article: NewArticle) -> Article:
        """Store the article and return it with its id.

        The same text again (same content hash) returns the stored article unchanged. New text
        under a URL already stored (a page that changed) replaces the stored version: its old
        facts are deleted, so the caller adds the new ones and nothing is counted twice.
        """
        same_text = self._by_hash(article.content_hash)
        if same_text is not None:
            return to_article(same_text)
        same_url = self._by_url(article.url) if article.url else None
        if same_url is not None:
            return self._replace(same_url, article)
        row = ArticleRow(**article.model_dump())
        try:
            # A savepoint, so a concurrent ingest of the same article costs only this insert.
            with self._session.begin_nested():
                self._session.add(row)
        except IntegrityError:
            existing = self._by_hash(article.content_hash) or (
                self._by_url(article.url) if article.url else None
            )
            if existing is None:
                raise
            # Its writer stores its facts; were we to return it, the caller would store them again.
            raise ArticleStoredMeanwhile(existing.id) from None
        return to_article(row)

    def count(self) -> int:
        """How many articles are stored."""
        return self._session.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def _replace(self, row: ArticleRow, article: NewArticle) -> Article:
        for fact in (EventRow, QuoteRow, FigureRow):
            self._session.execute(delete(fact).where(fact.article_id == row.id))
        for field, value in article.model_dump().items():
            setattr(row, field, value)
        row.fetched_at = utcnow()
        self._session.flush()
        return to_article(row)

    def _by_hash(self, content_hash: str) -> ArticleRow | None:
        return self._session.scalar(select(ArticleRow).where(ArticleRow.content_hash == content_hash))

    def _by_url(self, url: str) -> ArticleRow | None:
        return self._session.scalar(select(ArticleRow).where(ArticleRow.url == url))
