"""Slack installations, bots and OAuth states as plain records (column name -> value).

Bolt calls its installation and state stores from its own threads, outside any unit of work, so
each call here is its own short transaction. bot/slack/installations.py turns the records into
slack_sdk's `Installation` and `Bot`; nothing here knows Slack's types.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session, sessionmaker

from store.orm_slack import SlackBotRow, SlackInstallationRow, SlackOAuthStateRow

Record = dict[str, Any]

INSTALLATION_COLUMNS = tuple(c.key for c in SlackInstallationRow.__table__.columns if c.key != "id")
BOT_COLUMNS = tuple(c.key for c in SlackBotRow.__table__.columns if c.key != "id")


class SqlInstallations:
    """Installations of one Slack app (`client_id`) in many workspaces and orgs."""

    def __init__(self, session_factory: sessionmaker[Session], client_id: str) -> None:
        self._sessions = session_factory
        self.client_id = client_id

    def save_installation(self, record: Record) -> None:
        """Keep one installation (a new row each time: the latest of a workspace is the current one)."""
        values = {k: record.get(k) for k in INSTALLATION_COLUMNS if k != "client_id"}
        with self._sessions.begin() as session:
            session.add(SlackInstallationRow(client_id=self.client_id, **values))

    def save_bot(self, record: Record) -> None:
        """Keep a workspace's bot and token (rotation saves the refreshed token as a new row)."""
        values = {k: record.get(k) for k in BOT_COLUMNS if k != "client_id"}
        with self._sessions.begin() as session:
            session.add(SlackBotRow(client_id=self.client_id, **values))

    def find_bot(self, enterprise_id: str | None, team_id: str | None, *, org_wide: bool) -> Record | None:
        """The latest bot of a workspace, or of an org for an org-wide install."""
        where = self._key(SlackBotRow, enterprise_id, team_id, org_wide)
        with self._sessions() as session:
            row = session.scalars(
                select(SlackBotRow)
                .where(*where)
                .order_by(SlackBotRow.installed_at.desc(), SlackBotRow.id.desc())
            ).first()
            return None if row is None else {k: getattr(row, k) for k in BOT_COLUMNS}

    def find_installation(
        self, enterprise_id: str | None, team_id: str | None, *, user_id: str | None, org_wide: bool
    ) -> Record | None:
        """The latest installation of a workspace (by one user when `user_id` is given)."""
        where = self._key(SlackInstallationRow, enterprise_id, team_id, org_wide)
        if user_id is not None:
            where.append(SlackInstallationRow.user_id == user_id)
        with self._sessions() as session:
            row = session.scalars(
                select(SlackInstallationRow)
                .where(*where)
                .order_by(SlackInstallationRow.installed_at.desc(), SlackInstallationRow.id.desc())
            ).first()
            return None if row is None else {k: getattr(row, k) for k in INSTALLATION_COLUMNS}

    def delete_bot(self, enterprise_id: str | None, team_id: str | None) -> int:
        """Forget a workspace's bot tokens; how many rows went."""
        where = self._key(SlackBotRow, enterprise_id, team_id, None)
        with self._sessions.begin() as session:
            return int(session.execute(delete(SlackBotRow).where(*where)).rowcount)  # type: ignore[attr-defined]

    def delete_installation(self, enterprise_id: str | None, team_id: str | None, user_id: str | None) -> int:
        """Forget a workspace's installations (one user's when `user_id` is given); how many went."""
        where = self._key(SlackInstallationRow, enterprise_id, team_id, None)
        if user_id is not None:
            where.append(SlackInstallationRow.user_id == user_id)
        with self._sessions.begin() as session:
            return int(session.execute(delete(SlackInstallationRow).where(*where)).rowcount)  # type: ignore[attr-defined]

    def teams(self) -> list[tuple[str | None, str | None]]:
        """(enterprise id, team id) of every workspace or org with a bot."""
        with self._sessions() as session:
            rows = session.execute(
                select(SlackBotRow.enterprise_id, SlackBotRow.team_id)
                .where(SlackBotRow.client_id == self.client_id)
                .distinct()
            )
            return [(e, t) for e, t in rows]

    def issue_state(self, state: str, expire_at: datetime) -> None:
        """Remember a state given to an Add to Slack link."""
        with self._sessions.begin() as session:
            session.add(SlackOAuthStateRow(state=state, expire_at=expire_at))

    def consume_state(self, state: str, now: datetime) -> bool:
        """True once for a state issued and not expired; it cannot be used again."""
        with self._sessions.begin() as session:
            row = session.scalars(select(SlackOAuthStateRow).where(SlackOAuthStateRow.state == state)).first()
            if row is None:
                return False
            session.delete(row)
            return row.expire_at > now

    def _key(
        self,
        table: type[SlackBotRow] | type[SlackInstallationRow],
        enterprise_id: str | None,
        team_id: str | None,
        org_wide: bool | None,
    ) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = [table.client_id == self.client_id]
        where.append(table.enterprise_id == enterprise_id if enterprise_id else table.enterprise_id.is_(None))
        if org_wide:
            # An org-wide install answers for every workspace of the org: its team id is not kept.
            where.append(table.is_enterprise_install.is_(True))
        elif team_id:
            where.append(table.team_id == team_id)
        else:
            where.append(table.team_id.is_(None))
        return where
