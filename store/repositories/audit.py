"""The admin audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from handlers.domain import AdminAction
from handlers.tenancy import ALL_WORKSPACES, own_workspace
from store.orm import AdminActionRow
from store.tenancy import session_workspace


class SqlAuditLog:
    def __init__(self, session: Session) -> None:
        self._session = session

    def record(self, actor: str, action: str, detail: str, at: datetime) -> None:
        """Note what an admin did."""
        workspace = own_workspace(session_workspace(self._session, "an admin action"))
        self._session.add(
            AdminActionRow(actor=actor, action=action, detail=detail, at=at, workspace=workspace)
        )
        self._session.flush()

    def recent(self, limit: int = 50) -> list[AdminAction]:
        """The latest actions, newest first."""
        workspace = session_workspace(self._session, "reading the audit log")
        mine = [] if workspace == ALL_WORKSPACES else [AdminActionRow.workspace == workspace]
        rows = self._session.scalars(
            select(AdminActionRow)
            .where(*mine)
            .order_by(AdminActionRow.at.desc(), AdminActionRow.id.desc())
            .limit(limit)
        )
        return [AdminAction(actor=r.actor, action=r.action, detail=r.detail, at=r.at) for r in rows]
