"""Rows a workspace owns, deleted when it uninstalls with BRIEFBOT_PURGE_ON_UNINSTALL
(handlers.ports.WorkspaceRows).

Each kind is keyed by a `workspace` column. A table or column the schema does not hold (yet) has
nothing of any workspace to delete: 0, logged, so a purge never fails half way for lack of it.
"""

from __future__ import annotations

import logging

from sqlalchemy import Table, delete
from sqlalchemy.orm import Session

from store.orm import Base

logger = logging.getLogger(__name__)


class SqlWorkspaceRows:
    def __init__(self, session: Session) -> None:
        self._session = session

    def delete_thread_questions(self, workspace: str) -> int:
        return self._delete("thread_questions", workspace)

    def delete_audit(self, workspace: str) -> int:
        return self._delete("admin_actions", workspace)

    def delete_follows(self, workspace: str) -> int:
        return self._delete("source_follows", workspace)

    def delete_article_access(self, workspace: str) -> int:
        return self._delete("article_access", workspace)

    def _delete(self, name: str, workspace: str) -> int:
        table: Table | None = Base.metadata.tables.get(name)
        if table is None or "workspace" not in table.c:
            logger.warning(
                "purge of workspace %s: %s keeps no workspace here, nothing deleted", workspace, name
            )
            return 0
        result = self._session.execute(delete(table).where(table.c.workspace == workspace))
        return int(getattr(result, "rowcount", 0) or 0)
