"""The workspace filter: the one place in store/ that decides which rows a workspace reads.

The unit of work is opened for a workspace (SqlUnitOfWork.of) and notes it in the session; every
user-facing read adds `visible_articles(...)` for it. On PostgreSQL the same rule is also enforced
by row-level security (migration 0019), keyed by the per-transaction setting written here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, select, text
from sqlalchemy.orm import Session, aliased

from handlers.domain import FactSearch
from handlers.tenancy import ALL_WORKSPACES, require
from store.orm import QuoteRow
from store.orm_tenancy import ArticleAccessRow

_KEY = "workspace"
SETTING = "briefbot.workspace"  # the PostgreSQL setting the row-level policies read


def open_for(session: Session, workspace: str | None) -> None:
    """Note the workspace this session's transaction is for (and tell PostgreSQL, for its policies)."""
    if workspace is None:
        session.info.pop(_KEY, None)
        return
    session.info[_KEY] = workspace
    if session.get_bind().dialect.name == "postgresql":
        # Local to the transaction: a pooled connection never carries it to another one.
        session.execute(text("SELECT set_config(:name, :ws, true)"), {"name": SETTING, "ws": workspace})


def session_workspace(session: Session, what: str) -> str:
    """The workspace the session was opened for; WorkspaceRequired when none was given."""
    workspace: str | None = session.info.get(_KEY)
    return require(workspace, what)


def search_workspace(session: Session, search: FactSearch, what: str) -> str:
    """The workspace a search is for: its own, else the unit of work's; refused when neither says."""
    return require(search.workspace or session.info.get(_KEY), what)


def visible_articles(article_id: Any, workspace: str) -> list[ColumnElement[bool]]:
    """WHERE clauses: the article `article_id` is open to `workspace` (none for ALL_WORKSPACES).

    A correlated EXISTS on article_access's primary key (article_id, workspace): SQLite probes it
    for each row its usual plan reads (an IN made it build the workspace's whole list of articles
    first, and read from that: /whosaid went from 1 to 34 ms at 100k facts), PostgreSQL plans it
    as a semi-join, probing that key or scanning the (workspace, article_id) index, whichever is
    cheaper. A list, so that an internal job's query is exactly what it was before workspaces.
    """
    if workspace == ALL_WORKSPACES:
        return []
    access = aliased(ArticleAccessRow)
    return [exists().where(access.article_id == article_id, access.workspace == workspace)]


def granted_articles(workspace: str) -> Select[int]:
    """The ids of the articles open to `workspace` (not ALL_WORKSPACES)."""
    return select(ArticleAccessRow.article_id).where(ArticleAccessRow.workspace == workspace)


def visible_people(person_id: Any, workspace: str) -> list[ColumnElement[bool]]:
    """WHERE clauses: the person `person_id` is quoted in an article open to `workspace` (none for
    ALL_WORKSPACES), so that names only another workspace's articles hold are never offered."""
    if workspace == ALL_WORKSPACES:
        return []
    # Per candidate person (a name look-up has a few): its quotes by ix_quotes_person_id, each
    # probed for access, stopping at the first the workspace may read.
    quote = aliased(QuoteRow)
    return [exists().where(quote.person_id == person_id, *visible_articles(quote.article_id, workspace))]


@contextmanager
def as_all_workspaces(session: Session) -> Iterator[None]:
    """Within the block, PostgreSQL's row-level policies let this transaction see every workspace.

    For the store's own bookkeeping across workspaces only (who else follows a source, who else
    may read an article, granting a followed source's articles): never around a read whose rows
    reach a user. The store's own filters still apply to what the caller reads.
    """
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    before = session.info.get(_KEY)
    session.execute(text("SELECT set_config(:name, :ws, true)"), {"name": SETTING, "ws": ALL_WORKSPACES})
    try:
        yield
    finally:
        # None: back to no setting at all (an empty one), which sees nothing.
        session.execute(text("SELECT set_config(:name, :ws, true)"), {"name": SETTING, "ws": before or ""})


def owned_by(column: Any, session: Session, what: str) -> list[ColumnElement[bool]]:
    """WHERE clauses: the row's owning workspace `column` is the session's (none for ALL_WORKSPACES)."""
    workspace = session_workspace(session, what)
    return [] if workspace == ALL_WORKSPACES else [column == workspace]
