"""Sources admins follow, and what their pollers have already seen."""

from __future__ import annotations

import builtins
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from handlers.domain import Source
from store.orm import SourceItemRow, SourceRow
from store.repositories.articles import row_values


def _to_source(row: SourceRow) -> Source:
    return Source.model_validate(row_values(row))


class SqlSourceRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, url: str, *, name: str | None, kind: str, created_by: str | None) -> Source:
        """Follow `url`; if it is already followed, the existing source is returned unchanged."""
        if kind not in ("feed", "page"):
            raise ValueError(f"a source is a 'feed' or a 'page', not {kind!r}")
        existing = self._by_url(url)
        if existing is not None:
            return _to_source(existing)
        row = SourceRow(url=url, name=name, kind=kind, created_by=created_by)
        try:
            with self._session.begin_nested():
                self._session.add(row)
        except IntegrityError:
            existing = self._by_url(url)
            if existing is None:
                raise
            return _to_source(existing)
        return _to_source(row)

    def get(self, source_id: int) -> Source | None:
        row = self._session.get(SourceRow, source_id)
        return _to_source(row) if row else None

    def get_by_url(self, url: str) -> Source | None:
        row = self._by_url(url)
        return _to_source(row) if row else None

    def list(self) -> list[Source]:
        """Every source, oldest first."""
        return [_to_source(r) for r in self._session.scalars(select(SourceRow).order_by(SourceRow.id))]

    def remove(self, source_id: int) -> bool:
        """Stop following a source (its articles stay). False if there was no such source."""
        result = self._session.execute(delete(SourceRow).where(SourceRow.id == source_id))
        return bool(getattr(result, "rowcount", 0))

    def set_active(self, source_id: int, active: bool) -> Source | None:
        row = self._session.get(SourceRow, source_id)
        if row is None:
            return None
        row.active = active
        self._session.flush()
        return _to_source(row)

    def seen_counts(self, since: datetime) -> dict[int, int]:
        """How many items each source's poller has taken since `since` (sources with none left out)."""
        rows = self._session.execute(
            select(SourceItemRow.source_id, func.count())
            .where(SourceItemRow.seen_at >= since)
            .group_by(SourceItemRow.source_id)
        ).all()
        return {source_id: count for source_id, count in rows}

    # Polling state: not in the handlers' ports yet; the poller uses these.

    def due(self, now: datetime) -> builtins.list[Source]:
        """Active sources whose interval has passed since their last poll (never polled: due)."""
        rows = self._session.scalars(select(SourceRow).where(SourceRow.active).order_by(SourceRow.id))
        return [
            _to_source(r)
            for r in rows
            if r.last_polled_at is None or r.last_polled_at + timedelta(minutes=r.interval_minutes) <= now
        ]

    def record_poll(
        self,
        source_id: int,
        *,
        at: datetime,
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Source | None:
        """Note a poll: success resets the failure count; validators given are kept for the next one
        (also by a poll whose feed was read but some items failed)."""
        row = self._session.get(SourceRow, source_id)
        if row is None:
            return None
        row.last_polled_at = at
        row.last_error = error
        row.etag, row.last_modified = etag or row.etag, last_modified or row.last_modified
        if error is None:
            row.consecutive_failures = 0
        else:
            row.consecutive_failures += 1
        self._session.flush()
        return _to_source(row)

    def mark_seen(
        self,
        source_id: int,
        guid: str,
        *,
        url: str | None,
        content_hash: str | None,
        at: datetime,
        error: str | None = None,
    ) -> bool:
        """Remember an item of a source (with why its link could not be read); False when seen already."""
        if self.has_seen(source_id, guid):
            return False
        try:
            with self._session.begin_nested():
                self._session.add(
                    SourceItemRow(
                        source_id=source_id,
                        guid=guid,
                        url=url,
                        content_hash=content_hash,
                        seen_at=at,
                        error=error,
                    )
                )
        except IntegrityError:
            return False
        return True

    def has_seen(self, source_id: int, guid: str) -> bool:
        """Whether a poller has already taken this item of the source."""
        found = self._session.scalar(
            select(SourceItemRow.id).where(SourceItemRow.source_id == source_id, SourceItemRow.guid == guid)
        )
        return found is not None

    def _by_url(self, url: str) -> SourceRow | None:
        return self._session.scalar(select(SourceRow).where(SourceRow.url == url))

    def set_interval(self, source_id: int, minutes: int) -> Source | None:
        """Poll this source every `minutes` (its own override of the 15-minute default)."""
        row = self._session.get(SourceRow, source_id)
        if row is None:
            return None
        row.interval_minutes = minutes
        self._session.flush()
        return _to_source(row)
