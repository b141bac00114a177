"""The admin audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from handlers.domain import AdminAction
from store.orm import AdminActionRow


class SqlAuditLog:
    def __init__(self, session: Session) -> None:
        self._session = session

    def record(self, actor: str, action: str, detail: str, at: datetime) -> None:
        """Note what an admin did."""
        self._session.add(AdminActionRow(actor=actor, action=action, detail=detail, at=at))
        self._session.flush()

    def recent(self, limit: int = 50) -> list[AdminAction]:
        """The latest actions, newest first."""
        rows = self._session.scalars(
            select(AdminActionRow).order_by(AdminActionRow.at.desc(), AdminActionRow.id.desc()).limit(limit)
        )
        return [AdminAction(actor=r.actor, action=r.action, detail=r.detail, at=r.at) for r in rows]
