"""The workspace filter: the one place in store/ that decides which rows a workspace reads.

The unit of work is opened for a workspace (SqlUnitOfWork.of) and notes it in the session; every
user-facing read adds `visible_articles(...)` for it. On PostgreSQL the same rule is also enforced
by row-level security (migration 0019), keyed by the per-transaction setting written here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import ColumnElement, Select, select, text
from sqlalchemy.orm import Session

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

    An IN over the workspace's (workspace, article_id) index: PostgreSQL and SQLite plan it as a
    semi-join, probing or scanning that index whichever is cheaper. A list, so that an internal
    job's query is exactly what it was before workspaces.
    """
    if workspace == ALL_WORKSPACES:
        return []
    return [article_id.in_(granted_articles(workspace))]


def granted_articles(workspace: str) -> Select[int]:
    """The ids of the articles open to `workspace` (not ALL_WORKSPACES)."""
    return select(ArticleAccessRow.article_id).where(ArticleAccessRow.workspace == workspace)


def visible_people(person_id: Any, workspace: str) -> list[ColumnElement[bool]]:
    """WHERE clauses: the person `person_id` is quoted in an article open to `workspace` (none for
    ALL_WORKSPACES), so that names only another workspace's articles hold are never offered."""
    if workspace == ALL_WORKSPACES:
        return []
    quoted = select(QuoteRow.person_id).where(
        QuoteRow.person_id.is_not(None), QuoteRow.article_id.in_(granted_articles(workspace))
    )
    return [person_id.in_(quoted)]


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
