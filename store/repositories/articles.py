"""Articles: stored once per content hash."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from handlers.domain import Article, ArticleRef, NewArticle
from store.orm import ArticleRow, Base


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
        row = self._session.scalar(select(ArticleRow).where(ArticleRow.content_hash == content_hash))
        return to_article(row) if row else None

    def get_by_url(self, url: str) -> Article | None:
        """The article stored from this URL, if any."""
        row = self._session.scalar(select(ArticleRow).where(ArticleRow.url == url))
        return to_article(row) if row else None

    def add(self, article: NewArticle) -> Article:
        """Store the article; if the same text (or URL) is already stored, return that one unchanged."""
        existing = self._existing(article)
        if existing is not None:
            return to_article(existing)
        row = ArticleRow(**article.model_dump())
        try:
            # A savepoint, so a concurrent ingest of the same article costs only this insert.
            with self._session.begin_nested():
                self._session.add(row)
        except IntegrityError:
            existing = self._existing(article)
            if existing is None:
                raise
            return to_article(existing)
        return to_article(row)

    def count(self) -> int:
        """How many articles are stored."""
        return self._session.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def _existing(self, article: NewArticle) -> ArticleRow | None:
        row = self._session.scalar(select(ArticleRow).where(ArticleRow.content_hash == article.content_hash))
        if row is None and article.url:
            row = self._session.scalar(select(ArticleRow).where(ArticleRow.url == article.url))
        return row
