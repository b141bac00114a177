"""The full-text clause every fact search shares, for SQLite FTS5 and PostgreSQL tsvector.

Both indexes hold tokens already normalised by store.search_text, so this module only has to
say "all of these tokens" in each database's dialect; the index answers, not Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import Boolean, ColumnElement, Integer, column, func, literal_column, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

from handlers.domain import FactSearch
from store.orm import ArticleRow, EventRow, FigureRow, QuoteRow
from store.search_text import query_tokens

FactRow = TypeVar("FactRow", EventRow, QuoteRow, FigureRow)


def matches_all(
    session: Session, table: str, id_column: InstrumentedAttribute[int], tokens: list[str]
) -> ColumnElement[bool]:
    """A WHERE clause: the row of `table` whose id is `id_column` contains every token."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        # FTS5 query syntax: space-separated quoted strings are ANDed.
        fts_query = " ".join(f'"{t}"' for t in tokens)
        ids = (
            text(f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :fts_query")
            .bindparams(fts_query=fts_query)
            .columns(column("rowid", Integer))
        )
        return id_column.in_(ids)
    if dialect == "postgresql":
        vector: ColumnElement[Any] = literal_column(f"{table}.search_vector")
        return vector.op("@@", return_type=Boolean)(func.to_tsquery("simple", " & ".join(tokens)))
    raise NotImplementedError(f"full-text search is not implemented for {dialect}")


def find_facts(
    session: Session,
    row_type: type[FactRow],
    search: FactSearch,
    *,
    filters: Sequence[ColumnElement[bool]],
    order_by: Sequence[ColumnElement[Any] | InstrumentedAttribute[Any]],
) -> tuple[list[tuple[FactRow, ArticleRow]], int]:
    """One page of facts (with their article) matching the search terms and `filters`, and the total."""
    conditions = list(filters)
    if search.fetched_after is not None:
        conditions.append(ArticleRow.fetched_at > search.fetched_after)
    tokens = query_tokens(search.terms)  # no terms: everything in the window
    if tokens:
        conditions.append(matches_all(session, row_type.__tablename__, row_type.id, tokens))
    joined = ArticleRow.id == row_type.article_id
    limit, offset = max(search.limit, 0), max(search.offset, 0)
    page = [
        (fact, article)
        for fact, article in session.execute(
            select(row_type, ArticleRow)
            .join(ArticleRow, joined)
            .where(*conditions)
            .order_by(*order_by)
            .limit(limit)
            .offset(offset)
        )
    ]
    if offset == 0 and len(page) < limit:
        return page, len(page)  # the whole result fits on this page: no need to count
    total = session.scalar(
        select(func.count()).select_from(row_type).join(ArticleRow, joined).where(*conditions)
    )
    return page, total or 0


def published_window(search: FactSearch) -> list[ColumnElement[bool]]:
    """Filters on the article's publication date, for quotes and figures."""
    filters: list[ColumnElement[bool]] = []
    if search.since:
        filters.append(ArticleRow.published >= search.since)
    if search.until:
        filters.append(ArticleRow.published <= search.until)
    return filters


NEWEST_ARTICLE_FIRST = (ArticleRow.published.desc().nulls_last(), ArticleRow.id.desc())
