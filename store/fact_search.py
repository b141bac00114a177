"""The full-text clause every fact search shares, for SQLite FTS5 and PostgreSQL tsvector.

Both indexes hold tokens already normalised by store.search_text, so this module only has to
say "all of these tokens" in each database's dialect; the index answers, not Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import Boolean, ColumnElement, Integer, Select, column, func, literal_column, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session, load_only
from sqlalchemy.sql.selectable import TextualSelect
from sqlalchemy.sql.util import find_tables

from handlers.domain import COUNT_CAP, FactSearch, count_cap
from store.orm import ArticleRow, EventRow, FigureRow, QuoteRow
from store.search_text import query_tokens
from store.tenancy import search_workspace, visible_articles

FactRow = TypeVar("FactRow", EventRow, QuoteRow, FigureRow)

# Above this many matches a term is common enough that walking the ORDER BY index and checking
# each row against the match set finds a page sooner than fetching and sorting every match.
DENSE_MATCHES = COUNT_CAP


def matches_all(
    session: Session,
    table: str,
    id_column: InstrumentedAttribute[int],
    tokens: list[str],
    *,
    walk_order: bool = False,
) -> ColumnElement[bool]:
    """A WHERE clause: the row of `table` whose id is `id_column` contains every token.

    `walk_order` (SQLite) asks for the match set to be probed while the rows are read in the
    ORDER BY index's order, rather than each match looked up by id and the lot sorted.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        ids = fts_ids(table, tokens)
        if walk_order:
            # A unary + keeps SQLite from using the id as the way in (its planner cannot tell a
            # common word from a rare one inside FTS5), so it reads in index order and probes.
            return literal_column(f"+{table}.id", Integer).in_(ids)
        return id_column.in_(ids)
    if dialect == "postgresql":
        vector: ColumnElement[Any] = literal_column(f"{table}.search_vector")
        return vector.op("@@", return_type=Boolean)(func.to_tsquery("simple", " & ".join(tokens)))
    raise NotImplementedError(f"full-text search is not implemented for {dialect}")


def fts_ids(
    table: str, tokens: list[str], *, from_id: int | None = None, param: str = "fts_query"
) -> TextualSelect:
    """SQLite: the ids of the rows of `table` that contain every token (from `from_id` up); `param`
    names the query's parameter, one of its own for each use in one statement."""
    sql = f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :{param}"
    params: dict[str, object] = {param: _fts_query(tokens)}
    if from_id is not None:
        # FTS5 seeks to the first id in each token's list: only the band asked for is read.
        sql += " AND rowid >= :fts_from_id"
        params["fts_from_id"] = from_id
    return text(sql).bindparams(**params).columns(column("rowid", Integer))


def find_facts(
    session: Session,
    row_type: type[FactRow],
    search: FactSearch,
    *,
    filters: Sequence[ColumnElement[bool]],
    order_by: Sequence[ColumnElement[Any] | InstrumentedAttribute[Any]],
) -> tuple[list[tuple[FactRow, ArticleRow]], int]:
    """One page of facts (with their article) matching the search terms and `filters`, and the total.

    On SQLite the words' own match count (inside FTS5, capped, cheap) decides how the rest is
    read: a common word walks the ORDER BY or window index and probes the match set, a rare one
    fetches its few matches and sorts them. On PostgreSQL the capped count of all conditions decides
    whether the planner may fetch every match and sort (it underestimates several words' matches).
    """
    conditions = list(filters)
    conditions += visible_articles(row_type.article_id, search_workspace(session, search, "a fact search"))
    if search.fetched_after is not None:
        conditions.append(ArticleRow.fetched_at > search.fetched_after)
    tokens = query_tokens(search.terms)  # no terms: everything in the window
    table = row_type.__tablename__
    limit, offset = max(search.limit, 0), max(search.offset, 0)
    cap = count_cap(offset, limit)
    total: int | None = None
    if tokens:
        dense = False
        if session.get_bind().dialect.name == "sqlite":
            word_matches = _fts_count(session, table, tokens, cap)
            dense = word_matches > DENSE_MATCHES
            total = None if conditions else word_matches
        conditions.append(matches_all(session, table, row_type.id, tokens, walk_order=dense))
    if total is None:
        total = count_facts(session, row_type, conditions, cap=cap)
    if total == 0 or offset >= total:
        return [], total
    # PostgreSQL estimates two words' matches from each word's alone ("flood" & "defences": 381
    # rows guessed, 12,871 found at a million facts) and then fetches them all to sort them (85 ms).
    # Our capped count knows better: past it, reading articles newest first and probing each
    # one's facts finds a page in a few ms. The setting lasts for this query only.
    # Walking also means not sorting: a workspace that reads a tenth of the articles had the
    # planner read all of its articles by id and sort them (157 ms) rather than walk them newest
    # first, probing each (9 ms), as it guessed far fewer matches than the count found.
    walk = bool(tokens) and total > DENSE_MATCHES and session.get_bind().dialect.name == "postgresql"
    if walk:
        session.execute(text("SET LOCAL enable_bitmapscan = off"))
        session.execute(text("SET LOCAL enable_sort = off"))
    page = [
        (fact, article)
        for fact, article in session.execute(
            select(row_type, ArticleRow)
            .join(ArticleRow, ArticleRow.id == row_type.article_id)
            .where(*conditions)
            .order_by(*order_by)
            .limit(limit)
            .offset(offset)
            # The article's text can be long, and a citation needs only these.
            .options(
                load_only(
                    ArticleRow.id, ArticleRow.url, ArticleRow.title, ArticleRow.outlet, ArticleRow.published
                )
            )
        )
    ]
    if walk:
        session.execute(text("SET LOCAL enable_bitmapscan = on"))
        session.execute(text("SET LOCAL enable_sort = on"))
    return page, total


def count_facts(
    session: Session, row_type: type[FactRow], conditions: Sequence[ColumnElement[bool]], *, cap: int
) -> int:
    """How many facts meet `conditions`, counting no further than `cap` (see handlers.domain.COUNT_CAP).

    An exact count of a common word's 100k matches costs PostgreSQL a fifth of a second whatever
    the indexes; a page needs only to know whether there is more. Every fact has its article (a
    NOT NULL foreign key), so the join is made only for conditions on the article.
    """
    query: Select[tuple[Any]] = select(literal_column("1")).select_from(row_type)
    tables = {getattr(t, "name", None) for c in conditions for t in find_tables(c, check_columns=True)}
    if ArticleRow.__tablename__ in tables:
        query = query.join(ArticleRow, ArticleRow.id == row_type.article_id)
    capped = query.where(*conditions).limit(cap).subquery()
    return session.scalar(select(func.count()).select_from(capped)) or 0


def is_common(session: Session, table: str, tokens: list[str]) -> bool:
    """Whether the words match so many rows of `table` that reading in index order finds a page soonest.

    SQLite asks FTS5 (a capped count); PostgreSQL's planner judges from its own statistics, so
    there the answer is always "let the planner walk".
    """
    if session.get_bind().dialect.name != "sqlite":
        return True
    return _fts_count(session, table, tokens, DENSE_MATCHES + 1) > DENSE_MATCHES


def fts_count(session: Session, table: str, tokens: list[str], cap: int) -> int:
    """SQLite: how many rows of `table` hold every token, counted no further than `cap`."""
    return _fts_count(session, table, tokens, cap)


def _fts_count(session: Session, table: str, tokens: list[str], cap: int) -> int:
    return (
        session.scalar(
            text(
                f"SELECT count(*) FROM (SELECT 1 FROM {table}_fts WHERE {table}_fts MATCH :q LIMIT :cap)"
            ).bindparams(q=_fts_query(tokens), cap=cap)
        )
        or 0
    )


def _fts_query(tokens: list[str]) -> str:
    # FTS5 query syntax: space-separated quoted strings are ANDed.
    return " ".join(f'"{t}"' for t in tokens)


def published_window(search: FactSearch) -> list[ColumnElement[bool]]:
    """Filters on the article's publication date, for quotes and figures."""
    filters: list[ColumnElement[bool]] = []
    if search.since:
        filters.append(ArticleRow.published >= search.since)
    if search.until:
        filters.append(ArticleRow.published <= search.until)
    return filters


NEWEST_ARTICLE_FIRST = (ArticleRow.published.desc().nulls_last(), ArticleRow.id.desc())
