"""Sources workspaces follow, and what their pollers have already seen.

A source is stored once by URL, however many workspaces follow it (one fetch for all); each
workspace's follow (store.orm_tenancy.SourceFollowRow) holds its own active flag and interval.
The source row keeps what the poller needs of them all: active while any follow is, polled at the
shortest active interval (`_settle`), so `due` is one read of the sources.
"""

from __future__ import annotations

import builtins
from datetime import datetime, timedelta

from sqlalchemy import String, delete, func, literal, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from handlers.domain import Source
from handlers.tenancy import ALL_WORKSPACES, own_workspace
from store.orm import ArticleRow, SourceItemRow, SourceRow
from store.orm_tenancy import ArticleAccessRow, SourceFollowRow
from store.repositories.articles import row_values
from store.tenancy import as_all_workspaces, session_workspace

DEFAULT_INTERVAL = 15


def _to_source(row: SourceRow, follow: SourceFollowRow | None = None) -> Source:
    values = row_values(row)
    if follow is not None:  # as the workspace following it sees it
        values.update(
            active=follow.active, interval_minutes=follow.interval_minutes, created_by=follow.created_by
        )
    return Source.model_validate(values)


class SqlSourceRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _workspace(self, what: str) -> str:
        return session_workspace(self._session, what)

    def add(self, url: str, *, name: str | None, kind: str, created_by: str | None) -> Source:
        """Follow `url` for this workspace; if it already does, the source is returned unchanged.

        A source other workspaces follow is not fetched again: its stored articles are opened to
        this workspace at once, and later ones as they come.
        """
        if kind not in ("feed", "page"):
            raise ValueError(f"a source is a 'feed' or a 'page', not {kind!r}")
        workspace = own_workspace(self._workspace("following a source"))
        row = self._by_url(url)
        if row is None:
            row = SourceRow(url=url, name=name, kind=kind, created_by=created_by)
            try:
                with self._session.begin_nested():
                    self._session.add(row)
            except IntegrityError:
                row = self._by_url(url)
                if row is None:
                    raise
        follow = self._follow(row.id, workspace)
        if follow is not None:
            return _to_source(row, follow)
        follow = SourceFollowRow(source_id=row.id, workspace=workspace, created_by=created_by)
        follow.active, follow.interval_minutes = True, DEFAULT_INTERVAL
        try:
            with self._session.begin_nested():
                self._session.add(follow)
        except IntegrityError:  # the same workspace followed it meanwhile
            found = self._follow(row.id, workspace)
            if found is None:
                raise
            return _to_source(row, found)
        with as_all_workspaces(self._session):
            stored = select(ArticleRow.id, literal(workspace, String(50))).where(
                ArticleRow.source_id == row.id
            )
            self._session.execute(
                _insert(self._session)(ArticleAccessRow)
                .from_select(["article_id", "workspace"], stored)
                .on_conflict_do_nothing()
            )
            self._settle(row)
        return _to_source(row, follow)

    def get(self, source_id: int) -> Source | None:
        """The source if this workspace follows it."""
        found = self._followed(SourceRow.id == source_id)
        return found[0] if found else None

    def get_by_url(self, url: str) -> Source | None:
        """The source at `url` if this workspace follows it."""
        found = self._followed(SourceRow.url == url)
        return found[0] if found else None

    def list(self) -> builtins.list[Source]:
        """Every source this workspace follows, oldest first."""
        return self._followed()

    def followers(self, source_id: int) -> builtins.list[str]:
        """The workspaces following the source (actively or not), for opening its new articles to them."""
        with as_all_workspaces(self._session):
            return builtins.list(
                self._session.scalars(
                    select(SourceFollowRow.workspace)
                    .where(SourceFollowRow.source_id == source_id)
                    .order_by(SourceFollowRow.workspace)
                )
            )

    def remove(self, source_id: int) -> bool:
        """This workspace stops following a source (its articles stay). False if it did not follow it.

        The source itself goes when no workspace follows it any more.
        """
        workspace = own_workspace(self._workspace("unfollowing a source"))
        result = self._session.execute(
            delete(SourceFollowRow).where(
                SourceFollowRow.source_id == source_id, SourceFollowRow.workspace == workspace
            )
        )
        if not getattr(result, "rowcount", 0):
            return False
        row = self._session.get(SourceRow, source_id)
        if row is not None:
            with as_all_workspaces(self._session):
                self._settle(row)
        return True

    def set_active(self, source_id: int, active: bool) -> Source | None:
        """Pause or resume this workspace's follow of the source; None if it does not follow it."""
        return self._change(source_id, active=active)

    def set_interval(self, source_id: int, minutes: int) -> Source | None:
        """Poll this source every `minutes` for this workspace (the source: its shortest active interval)."""
        return self._change(source_id, interval=minutes)

    def seen_counts(self, since: datetime) -> dict[int, int]:
        """How many items each source the workspace follows has taken since `since` (none: left out)."""
        workspace = self._workspace("reading source health")
        query = (
            select(SourceItemRow.source_id, func.count())
            .where(SourceItemRow.seen_at >= since)
            .group_by(SourceItemRow.source_id)
        )
        if workspace != ALL_WORKSPACES:
            query = query.where(
                SourceItemRow.source_id.in_(
                    select(SourceFollowRow.source_id).where(SourceFollowRow.workspace == workspace)
                )
            )
        return {source_id: count for source_id, count in self._session.execute(query).all()}

    # Polling state: not in the handlers' ports yet; the poller (all workspaces) uses these.

    def due(self, now: datetime) -> builtins.list[Source]:
        """Sources some workspace follows whose shortest active interval has passed since their last
        poll (never polled: due)."""
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

    def _follow(self, source_id: int, workspace: str) -> SourceFollowRow | None:
        return self._session.scalar(
            select(SourceFollowRow).where(
                SourceFollowRow.source_id == source_id, SourceFollowRow.workspace == workspace
            )
        )

    def _followed(self, *where: object) -> builtins.list[Source]:
        """The sources (matching `where`) as this workspace follows them; every source for all workspaces."""
        workspace = self._workspace("reading sources")
        if workspace == ALL_WORKSPACES:
            rows = self._session.scalars(select(SourceRow).where(*where).order_by(SourceRow.id))  # type: ignore[arg-type]
            return [_to_source(r) for r in rows]
        pairs = self._session.execute(
            select(SourceRow, SourceFollowRow)
            .join(SourceFollowRow, SourceFollowRow.source_id == SourceRow.id)
            .where(SourceFollowRow.workspace == workspace, *where)  # type: ignore[arg-type]
            .order_by(SourceRow.id)
        ).all()
        return [_to_source(row, follow) for row, follow in pairs]

    def _change(
        self, source_id: int, *, active: bool | None = None, interval: int | None = None
    ) -> Source | None:
        workspace = self._workspace("changing a source")
        if workspace == ALL_WORKSPACES:  # an operator's job: every follow of it
            row = self._session.get(SourceRow, source_id)
            if row is None:
                return None
            follows = builtins.list(
                self._session.scalars(select(SourceFollowRow).where(SourceFollowRow.source_id == source_id))
            )
            follow = None
        else:
            row_follow = self._session.execute(
                select(SourceRow, SourceFollowRow)
                .join(SourceFollowRow, SourceFollowRow.source_id == SourceRow.id)
                .where(SourceRow.id == source_id, SourceFollowRow.workspace == workspace)
            ).first()
            if row_follow is None:
                return None
            row, follow = row_follow
            follows = [follow]
        for f in follows:
            if active is not None:
                f.active = active
            if interval is not None:
                f.interval_minutes = interval
        self._session.flush()
        with as_all_workspaces(self._session):
            self._settle(row)
        return _to_source(row, follow)

    def _settle(self, row: SourceRow) -> None:
        """The source as the poller sees it, from every follow: active while any is, at the shortest
        active interval; a source nobody follows any more is deleted (its articles stay)."""
        follows = self._session.execute(
            select(SourceFollowRow.active, SourceFollowRow.interval_minutes).where(
                SourceFollowRow.source_id == row.id
            )
        ).all()
        if not follows:
            self._session.delete(row)
            self._session.flush()
            return
        active = [minutes for on, minutes in follows if on]
        row.active = bool(active)
        row.interval_minutes = min(active or [minutes for _, minutes in follows])
        self._session.flush()


def _insert(session: Session):  # type: ignore[no-untyped-def]
    return postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
