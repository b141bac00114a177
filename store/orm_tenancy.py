"""Who sees what: the workspaces following a source and the workspaces an article is open to.

Sources and articles stay global (one fetch, one stored copy however many workspaces want them);
these rows say which workspace follows a source and which may read an article (issue 21,
/work design: every user-facing read goes through store.tenancy.visible_articles).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from store.orm import Base
from store.types import utcnow

WORKSPACE_LENGTH = 50  # a Slack team or enterprise id, or a name given to the CLI


class SourceFollowRow(Base):
    """A workspace follows a source: its own active flag and poll interval for it."""

    __tablename__ = "source_follows"
    __table_args__ = (
        UniqueConstraint("source_id", "workspace"),
        Index("ix_source_follows_workspace", "workspace", "source_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    workspace: Mapped[str] = mapped_column(String(WORKSPACE_LENGTH))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    interval_minutes: Mapped[int] = mapped_column(Integer, default=15)
    created_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ArticleAccessRow(Base):
    """A workspace may read an article (and its facts). The (workspace, article_id) index is the
    way in for every filtered read: a semi-join from the workspace's articles."""

    __tablename__ = "article_access"
    __table_args__ = (Index("ix_article_access_workspace", "workspace", "article_id"),)

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    workspace: Mapped[str] = mapped_column(String(WORKSPACE_LENGTH), primary_key=True)
