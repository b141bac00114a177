"""Digest subscriptions and runs; the unique (subscription, slot) makes a posting happen once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from handlers.domain import DigestRun, DigestSubscription
from store.orm import DigestRunRow, DigestSubscriptionRow
from store.repositories.articles import row_values
from store.tenancy import owned_by


class SqlDigestRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def subscribe(
        self,
        channel: str,
        *,
        team: str | None,
        cadence: str,
        weekday: int | None,
        time: str,
        timezone: str,
        topic: str | None,
        post_empty: bool,
        created_by: str | None,
    ) -> DigestSubscription:
        """Add a digest subscription for `channel`."""
        row = DigestSubscriptionRow(
            channel=channel,
            team=team,
            cadence=cadence,
            weekday=weekday,
            time=time,
            timezone=timezone,
            topic=topic,
            post_empty=post_empty,
            created_by=created_by,
        )
        self._session.add(row)
        self._session.flush()
        return DigestSubscription.model_validate(row_values(row))

    def subscriptions(self, channel: str | None = None) -> list[DigestSubscription]:
        """All subscriptions, or one channel's, oldest first."""
        query = (
            select(DigestSubscriptionRow)
            .where(*owned_by(DigestSubscriptionRow.team, self._session, "reading digests"))
            .order_by(DigestSubscriptionRow.id)
        )
        if channel is not None:
            query = query.where(DigestSubscriptionRow.channel == channel)
        return [DigestSubscription.model_validate(row_values(r)) for r in self._session.scalars(query)]

    def get_subscription(self, subscription_id: int) -> DigestSubscription | None:
        row = self._session.scalar(
            select(DigestSubscriptionRow).where(
                DigestSubscriptionRow.id == subscription_id,
                *owned_by(DigestSubscriptionRow.team, self._session, "reading digests"),
            )
        )
        return DigestSubscription.model_validate(row_values(row)) if row else None

    def unsubscribe(self, subscription_id: int) -> bool:
        """Remove a subscription and its runs; False if there was none."""
        result = self._session.execute(
            delete(DigestSubscriptionRow).where(
                DigestSubscriptionRow.id == subscription_id,
                *owned_by(DigestSubscriptionRow.team, self._session, "removing digests"),
            )
        )
        return bool(getattr(result, "rowcount", 0))

    def claim(self, subscription_id: int, slot: datetime, *, at: datetime) -> DigestRun | None:
        """Take the run for this slot; None if another worker holds it or already posted it.

        The unique constraint decides between racing workers; a failed run can be claimed again
        (attempts counts up), and only by one of them, because the UPDATE checks the status.
        """
        try:
            with self._session.begin_nested():
                row = DigestRunRow(subscription_id=subscription_id, slot=slot, claimed_at=at)
                self._session.add(row)
            return DigestRun.model_validate(row_values(row))
        except IntegrityError:
            pass
        retried = self._session.execute(
            update(DigestRunRow)
            .where(
                DigestRunRow.subscription_id == subscription_id,
                DigestRunRow.slot == slot,
                DigestRunRow.status == "failed",
            )
            .values(status="claimed", attempts=DigestRunRow.attempts + 1, claimed_at=at, error=None)
            .execution_options(synchronize_session=False)
        )
        if not getattr(retried, "rowcount", 0):
            return None
        row = self._session.scalars(
            select(DigestRunRow)
            .where(DigestRunRow.subscription_id == subscription_id, DigestRunRow.slot == slot)
            .execution_options(populate_existing=True)
        ).one()
        return DigestRun.model_validate(row_values(row))

    def mark_posted(self, run_id: int, *, message_ts: str | None, at: datetime) -> None:
        """The digest went out: keep the message ts, and when the subscription last posted."""
        row = self._session.get(DigestRunRow, run_id)
        if row is None:
            raise LookupError(f"no digest run {run_id}")
        row.status, row.posted_at, row.message_ts = "posted", at, message_ts
        subscription = self._session.get(DigestSubscriptionRow, row.subscription_id)
        if subscription is not None:
            subscription.last_posted_at = at
        self._session.flush()

    def mark_failed(self, run_id: int, *, error: str) -> None:
        """The posting failed; a later claim of the same slot may retry it."""
        row = self._session.get(DigestRunRow, run_id)
        if row is None:
            raise LookupError(f"no digest run {run_id}")
        row.status, row.error = "failed", error
        self._session.flush()

    def mark_unknown(self, run_id: int, *, error: str) -> None:
        """The post may have reached Slack (no answer): not to be retried before someone looks."""
        row = self._session.get(DigestRunRow, run_id)
        if row is None:
            raise LookupError(f"no digest run {run_id}")
        row.status, row.error = "unknown", error
        self._session.flush()

    def retry_unknown(self, run_id: int, *, error: str) -> bool:
        """An unknown run found not posted becomes failed, so a claim may retry it; False when
        another worker settled it first (the UPDATE checks the status, as `claim` does)."""
        settled = self._session.execute(
            update(DigestRunRow)
            .where(DigestRunRow.id == run_id, DigestRunRow.status == "unknown")
            .values(status="failed", error=error)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(settled, "rowcount", 0))

    def runs(self, subscription_id: int | None = None, limit: int = 20) -> list[DigestRun]:
        """The latest runs (of one subscription, or of all), newest slot first."""
        query = select(DigestRunRow).order_by(DigestRunRow.slot.desc(), DigestRunRow.id.desc()).limit(limit)
        if subscription_id is not None:
            query = query.where(DigestRunRow.subscription_id == subscription_id)
        return [DigestRun.model_validate(row_values(r)) for r in self._session.scalars(query)]

    def run_for(self, subscription_id: int, slot: datetime) -> DigestRun | None:
        """The run of this subscription for this slot, if one was claimed."""
        row = self._session.scalar(
            select(DigestRunRow).where(
                DigestRunRow.subscription_id == subscription_id, DigestRunRow.slot == slot
            )
        )
        return DigestRun.model_validate(row_values(row)) if row else None
