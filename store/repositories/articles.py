"""Articles: stored once per content hash."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Executable, delete, func, inspect, or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, defer

from handlers.domain import Article, ArticleRef, ArticleStoredMeanwhile, NewArticle
from handlers.tenancy import ALL_WORKSPACES, own_workspace
from store.bulk_insert import insert_new_rows
from store.orm import ArticleRow, Base, EventRow, FigureRow, QuoteRow, StoryEventRow, StoryRow
from store.orm_tenancy import ArticleAccessRow
from store.repositories.pending_events import flush_events
from store.repositories.story_outlets import recount
from store.tenancy import as_all_workspaces, granted_articles, session_workspace, visible_articles
from store.types import utcnow


def to_article(row: ArticleRow) -> Article:
    return Article.model_validate(row_values(row))


def row_values(row: Base) -> dict[str, Any]:
    """A row's column values by attribute name, for validating into a domain model."""
    return {attr.key: getattr(row, attr.key) for attr in inspect(row).mapper.column_attrs}


def to_ref(row: ArticleRow) -> ArticleRef:
    return ArticleRef(id=row.id, url=row.url, title=row.title, outlet=row.outlet, published=row.published)


@functools.cache
def _insert_new_statement(dialect: str) -> Executable:
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    return insert(ArticleRow).on_conflict_do_nothing().returning(ArticleRow.id)


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

    def stored_among(self, hashes: Sequence[str], urls: Sequence[str]) -> list[Article]:
        """The stored articles having one of these content hashes or URLs (one query for a batch)."""
        if not hashes and not urls:
            return []
        rows = self._session.scalars(
            select(ArticleRow)
            .options(defer(ArticleRow.text))
            .where(
                or_(ArticleRow.content_hash.in_(list(hashes)), ArticleRow.url.in_(list(urls))),
                *self._visible("finding stored articles"),
            )
        )
        return [to_article(row) for row in rows]

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
        stored = self._insert_new(article)
        self._open_to_writer([stored.id])
        return stored

    def _insert_new(self, article: NewArticle) -> Article:
        """Store an article the caller found not stored, in this transaction; it with its id.

        Raises ArticleStoredMeanwhile when a concurrent transaction stored the same text or URL
        since (the caller then stores nothing). One statement: the insert does nothing on a
        conflict, which keeps the caller's transaction usable without a savepoint.
        """
        values = {**article.model_dump(), "fetched_at": utcnow()}
        conn = self._session.connection()
        # Not open to the writing workspace before its access row is written (just after).
        with as_all_workspaces(self._session):
            new_id = conn.execute(_insert_new_statement(conn.dialect.name), values).scalar()
        if new_id is None:
            raise self._stored_meanwhile(article)
        return Article(
            id=new_id,
            url=article.url,
            title=article.title,
            outlet=article.outlet,
            published=article.published,
            fetched_at=values["fetched_at"],
            content_hash=article.content_hash,
            source_id=article.source_id,
            guid=article.guid,
        )

    def insert_new_many(self, articles: Sequence[NewArticle]) -> list[Article | ArticleStoredMeanwhile]:
        """Store articles the caller found not stored, in this transaction, in one statement.

        Each comes back with its id or, where a concurrent transaction stored the same text or URL
        since, as an ArticleStoredMeanwhile (not raised: the others are stored all the same).
        """
        if not articles:
            return []
        fetched_at = utcnow()
        rows = [{**article.model_dump(), "fetched_at": fetched_at} for article in articles]
        # One statement. RETURNING's order is not promised: rows are told apart by their content
        # hash, which is unique.
        conn = self._session.connection()
        with as_all_workspaces(self._session):  # as in _insert_new
            ids = {
                content_hash: new_id
                for new_id, content_hash in insert_new_rows(
                    conn, ArticleRow, rows, returning=("id", "content_hash")
                )
            }
        out: list[Article | ArticleStoredMeanwhile] = []
        for article in articles:
            new_id = ids.get(article.content_hash)
            if new_id is None:
                out.append(self._stored_meanwhile(article))
                continue
            out.append(
                Article(
                    id=new_id,
                    url=article.url,
                    title=article.title,
                    outlet=article.outlet,
                    published=article.published,
                    fetched_at=fetched_at,
                    content_hash=article.content_hash,
                    source_id=article.source_id,
                    guid=article.guid,
                )
            )
        self._open_to_writer([a.id for a in out if isinstance(a, Article)])
        return out

    def _open_to_writer(self, article_ids: Sequence[int]) -> None:
        # The workspace storing an article may read it (an internal job, ALL_WORKSPACES, grants
        # explicitly: handlers.ingest opens each article to its source's followers).
        workspace = session_workspace(self._session, "storing articles")
        if workspace != ALL_WORKSPACES:
            self.grant(article_ids, [workspace])

    def _stored_meanwhile(self, article: NewArticle) -> ArticleStoredMeanwhile:
        existing = self._by_hash(article.content_hash) or (self._by_url(article.url) if article.url else None)
        if existing is None:
            raise RuntimeError("the insert did nothing, yet no stored article has its text or URL")
        # Its writer stores its facts; were we to return it, the caller would store them again.
        return ArticleStoredMeanwhile(existing.id)

    def count(self) -> int:
        """How many articles are stored."""
        visible = self._visible("counting articles")
        if visible:  # the workspace's own: its access rows are its articles
            workspace = session_workspace(self._session, "counting articles")
            return (
                self._session.scalar(select(func.count()).select_from(granted_articles(workspace).subquery()))
                or 0
            )
        return self._session.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def get(self, article_id: int) -> Article | None:
        """The article with this id, if stored."""
        row = self._session.scalar(
            select(ArticleRow)
            .options(defer(ArticleRow.text))
            .where(ArticleRow.id == article_id, *self._visible("reading an article"))
        )
        return to_article(row) if row else None

    def text_of(self, article_id: int) -> str | None:
        """The stored text of an article."""
        return self._session.scalar(
            select(ArticleRow.text).where(ArticleRow.id == article_id, *self._visible("reading an article"))
        )

    def recent(self, *, limit: int, offset: int = 0) -> list[Article]:
        """The articles stored last first."""
        rows = self._session.scalars(
            select(ArticleRow)
            .options(defer(ArticleRow.text))
            .where(*self._visible("listing articles"))
            .order_by(ArticleRow.id.desc())
            .limit(limit)
            .offset(offset)
        )
        return [to_article(row) for row in rows]

    def fact_counts(self, article_id: int) -> tuple[int, int, int]:
        """How many events, quotes and figures the article has."""
        return (
            self._count(EventRow, article_id),
            self._count(QuoteRow, article_id),
            self._count(FigureRow, article_id),
        )

    def clear_facts(self, article_id: int, *, published: date | None) -> tuple[Article, list[int]] | None:
        """Delete the article's facts and give it this publication date, to store new facts from it.

        Returns the article, and the stories that lost members but still have some (what they show
        is to be refreshed); stories left with none are deleted. None when no such article is stored.
        """
        row = self._session.get(ArticleRow, article_id)
        if row is None:
            return None
        survivors = self._drop_facts(row.id)
        row.published = published
        row.fetched_at = utcnow()
        self._session.flush()
        return to_article(row), survivors

    def remove(self, article_id: int) -> list[int] | None:
        """Delete the article and its facts; the stories left to refresh (None: no such article)."""
        row = self._session.get(ArticleRow, article_id)
        if row is None:
            return None
        survivors = self._drop_facts(row.id)
        self._session.delete(row)
        self._session.flush()
        return survivors

    def _drop_facts(self, article_id: int) -> list[int]:
        """Delete an article's events, quotes and figures; stories left empty go, the others are recounted."""
        stories = self._session.scalars(
            select(StoryEventRow.story_id)
            .join(EventRow, EventRow.id == StoryEventRow.event_id)
            .where(EventRow.article_id == article_id)
            .distinct()
        ).all()
        flush_events(self._session)
        for fact in (EventRow, QuoteRow, FigureRow):
            self._session.execute(delete(fact).where(fact.article_id == article_id))
        if not stories:
            return []
        alive = set(
            self._session.scalars(
                select(StoryEventRow.story_id).where(StoryEventRow.story_id.in_(list(stories))).distinct()
            )
        )
        empty = [s for s in stories if s not in alive]
        if empty:
            self._session.execute(delete(StoryRow).where(StoryRow.id.in_(empty)))
        if alive:
            recount(self._session.connection(), sorted(alive))
        return sorted(alive)

    def _count(self, fact: type[EventRow] | type[QuoteRow] | type[FigureRow], article_id: int) -> int:
        return self._session.scalar(select(func.count()).where(fact.article_id == article_id)) or 0

    def _replace(self, row: ArticleRow, article: NewArticle) -> Article:
        # Its events leave their stories with them (cascade): those stories' outlets are recounted.
        stories = self._session.scalars(
            select(StoryEventRow.story_id)
            .join(EventRow, EventRow.id == StoryEventRow.event_id)
            .where(EventRow.article_id == row.id)
            .distinct()
        ).all()
        flush_events(self._session)
        for fact in (EventRow, QuoteRow, FigureRow):
            self._session.execute(delete(fact).where(fact.article_id == row.id))
        if stories:
            recount(self._session.connection(), list(stories))
        for field, value in article.model_dump().items():
            setattr(row, field, value)
        row.fetched_at = utcnow()
        self._session.flush()
        return to_article(row)

    def _by_hash(self, content_hash: str) -> ArticleRow | None:
        return self._session.scalar(
            select(ArticleRow).where(
                ArticleRow.content_hash == content_hash, *self._visible("finding an article")
            )
        )

    def _by_url(self, url: str) -> ArticleRow | None:
        return self._session.scalar(
            select(ArticleRow).where(ArticleRow.url == url, *self._visible("finding an article"))
        )

    def _visible(self, what: str) -> list[ColumnElement[bool]]:
        return visible_articles(ArticleRow.id, session_workspace(self._session, what))

    def grant(self, article_ids: Sequence[int], workspaces: Sequence[str]) -> int:
        """Open these articles to these workspaces (those already open stay as they are); how many
        (article, workspace) pairs were new."""
        rows = [
            {"article_id": a, "workspace": own_workspace(w)}
            for a in sorted(set(article_ids))
            for w in sorted(set(workspaces))
        ]
        if not rows:
            return 0
        return len(
            insert_new_rows(self._session.connection(), ArticleAccessRow, rows, returning=("article_id",))
        )

    def workspaces(self, article_id: int) -> set[str]:
        """The workspaces the article is open to (all of them, whichever this session reads for)."""
        with as_all_workspaces(self._session):
            return set(
                self._session.scalars(
                    select(ArticleAccessRow.workspace).where(ArticleAccessRow.article_id == article_id)
                )
            )

    def revoke(self, article_id: int, workspace: str) -> set[str]:
        """Close the article to `workspace`; the workspaces it stays open to."""
        self._session.execute(
            delete(ArticleAccessRow).where(
                ArticleAccessRow.article_id == article_id,
                ArticleAccessRow.workspace == own_workspace(workspace),
            )
        )
        return self.workspaces(article_id)
