"""Alert watches, batches and deliveries; the unique (watch, kind, fact) makes a fact post once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, or_, select, tuple_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from handlers.domain import AlertBatch, AlertFacts, Watch
from store.orm import AlertBatchRow, AlertDeliveryRow, ArticleRow, WatchRow
from store.repositories.articles import row_values
from store.tenancy import owned_by

# Keys looked up per statement: far below either database's limit on bound parameters.
_CHUNK = 300


class SqlWatchRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self, *, kind: str, subject: str, channel: str | None, owner: str, team: str | None, at: datetime
    ) -> Watch:
        """Store a new watch, created at `at`."""
        row = WatchRow(kind=kind, subject=subject, channel=channel, owner=owner, team=team, created_at=at)
        self._session.add(row)
        self._session.flush()
        return Watch.model_validate(row_values(row))

    def get(self, watch_id: int) -> Watch | None:
        row = self._session.scalar(
            select(WatchRow).where(
                WatchRow.id == watch_id, *owned_by(WatchRow.team, self._session, "reading watches")
            )
        )
        return Watch.model_validate(row_values(row)) if row else None

    def find(
        self, *, team: str | None = None, channel: str | None = None, owner: str | None = None
    ) -> list[Watch]:
        """Every watch, oldest first; with `channel` and/or `owner`, the channel's and the user's own."""
        query = (
            select(WatchRow)
            .where(*owned_by(WatchRow.team, self._session, "reading watches"))
            .order_by(WatchRow.id)
        )
        if team is not None:
            query = query.where(or_(WatchRow.team == team, WatchRow.team.is_(None)))
        wanted = []
        if channel is not None:
            wanted.append(WatchRow.channel == channel)
        if owner is not None:
            wanted.append((WatchRow.owner == owner) & WatchRow.channel.is_(None))
        if wanted:
            query = query.where(or_(*wanted))
        return [Watch.model_validate(row_values(r)) for r in self._session.scalars(query)]

    def remove(self, watch_id: int) -> bool:
        """Drop the watch; its batches and deliveries go with it (ON DELETE CASCADE)."""
        if self.get(watch_id) is None:  # none, or another workspace's
            return False
        for table in (AlertDeliveryRow, AlertBatchRow):
            # SQLite enforces foreign keys only when asked: delete the children explicitly.
            self._session.execute(delete(table).where(table.watch_id == watch_id))
        result = self._session.execute(delete(WatchRow).where(WatchRow.id == watch_id))
        return bool(getattr(result, "rowcount", 0))

    def checked(self, watch_id: int, until: datetime) -> None:
        """Move the watch's cursor to `until`, never back (another worker may have gone further)."""
        self._session.execute(
            update(WatchRow)
            .where(
                WatchRow.id == watch_id,
                or_(WatchRow.checked_until.is_(None), WatchRow.checked_until < until),
            )
            .values(checked_until=until)
            .execution_options(synchronize_session=False)
        )

    def delivered(self, watch_id: int, keys: Sequence[tuple[str, int]]) -> set[tuple[str, int]]:
        """Those of `keys` already claimed by a batch of this watch."""
        found: set[tuple[str, int]] = set()
        keys = list(keys)
        for i in range(0, len(keys), _CHUNK):
            rows = self._session.execute(
                select(AlertDeliveryRow.kind, AlertDeliveryRow.fact_id).where(
                    AlertDeliveryRow.watch_id == watch_id,
                    tuple_(AlertDeliveryRow.kind, AlertDeliveryRow.fact_id).in_(keys[i : i + _CHUNK]),
                )
            )
            found.update((kind, fact_id) for kind, fact_id in rows)
        return found

    def claim(self, watch_id: int, facts: AlertFacts, *, at: datetime) -> AlertBatch | None:
        """A batch of the facts no other batch holds. Each delivery is inserted in its own savepoint:
        one that a concurrent worker holds fails on the unique constraint (on PostgreSQL after
        waiting for that worker's commit) and is left to it."""
        batch = AlertBatchRow(watch_id=watch_id, facts={}, claimed_at=at)
        self._session.add(batch)
        self._session.flush()
        won: set[tuple[str, int]] = set()
        for kind, fact_id in facts.claim_keys():
            try:
                with self._session.begin_nested():
                    self._session.add(
                        AlertDeliveryRow(watch_id=watch_id, batch_id=batch.id, kind=kind, fact_id=fact_id)
                    )
            except IntegrityError:
                continue
            won.add((kind, fact_id))
        if not won:
            self._session.delete(batch)
            self._session.flush()
            return None
        batch.facts = facts.only(won).model_dump(mode="json")
        self._session.flush()
        return _batch(batch)

    def retry(self, watch_id: int, *, max_attempts: int, at: datetime) -> list[AlertBatch]:
        """Failed batches claimed again; the UPDATE checks the status, so only one worker gets each."""
        ids = self._session.scalars(
            select(AlertBatchRow.id).where(
                AlertBatchRow.watch_id == watch_id,
                AlertBatchRow.status == "failed",
                AlertBatchRow.attempts < max_attempts,
            )
        ).all()
        claimed: list[AlertBatch] = []
        for batch_id in ids:
            result = self._session.execute(
                update(AlertBatchRow)
                .where(AlertBatchRow.id == batch_id, AlertBatchRow.status == "failed")
                .values(status="claimed", attempts=AlertBatchRow.attempts + 1, claimed_at=at, error=None)
                .execution_options(synchronize_session=False)
            )
            if getattr(result, "rowcount", 0):
                row = self._session.scalars(
                    select(AlertBatchRow)
                    .where(AlertBatchRow.id == batch_id)
                    .execution_options(populate_existing=True)
                ).one()
                claimed.append(_batch(row))
        return claimed

    def mark_posted(self, batch_id: int, *, message_ts: str | None, at: datetime) -> None:
        row = self._existing(batch_id)
        row.status, row.posted_at, row.message_ts = "posted", at, message_ts
        self._session.flush()

    def mark_failed(self, batch_id: int, *, error: str) -> None:
        row = self._existing(batch_id)
        row.status, row.error = "failed", error
        self._session.flush()

    def batches(self, watch_id: int, limit: int = 20) -> list[AlertBatch]:
        """The latest batches of a watch, newest first."""
        rows = self._session.scalars(
            select(AlertBatchRow)
            .where(AlertBatchRow.watch_id == watch_id)
            .order_by(AlertBatchRow.id.desc())
            .limit(limit)
        )
        return [_batch(r) for r in rows]

    def last_fetch(self) -> datetime | None:
        """The latest fetched_at of any article (ix_articles_fetched_at answers it)."""
        return self._session.scalar(select(func.max(ArticleRow.fetched_at)))

    def _existing(self, batch_id: int) -> AlertBatchRow:
        row = self._session.get(AlertBatchRow, batch_id)
        if row is None:
            raise LookupError(f"no alert batch {batch_id}")
        return row


def _batch(row: AlertBatchRow) -> AlertBatch:
    values = row_values(row)
    values["facts"] = AlertFacts.model_validate(row.facts or {})
    return AlertBatch.model_validate(values)
