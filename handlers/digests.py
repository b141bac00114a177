"""Scheduled digests: subscribe a channel, build what is new since its last digest, post each slot once.

Exactly once: a slot is claimed in the database (digest_runs, unique per subscription and slot)
and the claim committed BEFORE anything is posted, so of two workers, a restarted one or a retried
job only the one that won the claim posts. A failed post is recorded (status, error) and tried again
by a later run, at most MAX_ATTEMPTS claims in all; a claim whose worker died mid-post stays
"claimed" and is never posted again (it may have reached Slack: posting twice is the worse error).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from handlers.domain import (
    ArticleRef,
    DigestRun,
    DigestSubscription,
    EventRecord,
    FactSearch,
    FigureRecord,
    QuoteRecord,
)
from handlers.ports import Clock, UnitOfWork
from handlers.schedule import due_slot, period

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
MAX_EVENTS = 15
MAX_QUOTES = 8
MAX_FIGURES = 8


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Digest(_Model):
    """What a channel's digest holds: facts from articles fetched in (since, until]."""

    subscription: DigestSubscription
    since: datetime
    until: datetime
    topic_terms: list[str] = Field(default_factory=list)
    events: list[EventRecord] = Field(default_factory=list)
    quotes: list[QuoteRecord] = Field(default_factory=list)
    figures: list[FigureRecord] = Field(default_factory=list)
    totals: dict[str, int] = Field(default_factory=dict)  # events/quotes/figures matched in all

    @property
    def empty(self) -> bool:
        return not (self.events or self.quotes or self.figures)

    @property
    def sources(self) -> list[ArticleRef]:
        """Every article a shown fact comes from, once, in order of first use."""
        seen: dict[int, ArticleRef] = {}
        refs = (
            [f.article for f in self.events]
            + [f.article for f in self.quotes]
            + [f.article for f in self.figures]
        )
        for ref in refs:
            seen.setdefault(ref.id, ref)
        return list(seen.values())


class PublishError(Exception):
    """Posting failed for good (after the publisher's own retries); the message says why."""


class DigestPublisher(Protocol):
    def publish(self, channel: str, digest: Digest) -> str:
        """Post the digest to `channel`; the posted message's id (Slack ts). Raises PublishError."""
        ...


class DigestOutcome(_Model):
    subscription_id: int
    channel: str
    slot: datetime
    status: Literal["posted", "skipped-empty", "failed", "taken"]
    error: str | None = None


def build_digest(sub: DigestSubscription, *, uow: UnitOfWork, since: datetime, until: datetime) -> Digest:
    """The facts new since `since` on the subscription's topic (all topics when it has none)."""
    terms = (sub.topic or "").split()
    with uow:
        events, n_events = uow.events.search(_search(terms, since, MAX_EVENTS))
        quotes, n_quotes = uow.quotes.search(_search(terms, since, MAX_QUOTES))
        figures, n_figures = uow.figures.search(_search(terms, since, MAX_FIGURES))
    return Digest(
        subscription=sub,
        since=since,
        until=until,
        topic_terms=terms,
        events=events,
        quotes=quotes,
        figures=figures,
        totals={"events": n_events, "quotes": n_quotes, "figures": n_figures},
    )


def digest_since(sub: DigestSubscription, slot: datetime) -> datetime:
    """New means fetched after the channel's last digest; a first digest looks back one period."""
    return sub.last_posted_at or (slot - period(sub))


def run_due(
    *, now: datetime, uow_factory: Callable[[], UnitOfWork], publisher: DigestPublisher, clock: Clock
) -> list[DigestOutcome]:
    """Post every subscription's due slot once; report what happened to each slot this call looked at."""
    with uow_factory() as uow:
        subscriptions = uow.digests.subscriptions()
    outcomes: list[DigestOutcome] = []
    for sub in subscriptions:
        slot = due_slot(sub, now)
        if slot is None:
            continue
        outcome = _run_slot(sub, slot, uow_factory=uow_factory, publisher=publisher, clock=clock)
        if outcome is not None:
            outcomes.append(outcome)
    return outcomes


def _run_slot(
    sub: DigestSubscription,
    slot: datetime,
    *,
    uow_factory: Callable[[], UnitOfWork],
    publisher: DigestPublisher,
    clock: Clock,
) -> DigestOutcome | None:
    with uow_factory() as uow:
        existing = uow.digests.run_for(sub.id, slot)
        if existing is not None and (existing.status != "failed" or existing.attempts >= MAX_ATTEMPTS):
            return None  # done, in progress elsewhere, or given up on: nothing to do, quietly
        run = uow.digests.claim(sub.id, slot, at=clock.now())
        uow.commit()  # the claim must be visible to every other worker before anything is posted
    if run is None:
        return DigestOutcome(subscription_id=sub.id, channel=sub.channel, slot=slot, status="taken")
    cutoff = clock.now()
    try:
        digest = build_digest(sub, uow=uow_factory(), since=digest_since(sub, slot), until=cutoff)
        if digest.empty and not sub.post_empty:
            _finish(run, uow_factory, ts=None, at=cutoff)
            return DigestOutcome(
                subscription_id=sub.id, channel=sub.channel, slot=slot, status="skipped-empty"
            )
        ts = publisher.publish(sub.channel, digest)
    except PublishError as exc:
        return _failed(sub, run, slot, str(exc), uow_factory)
    except Exception as exc:  # a bug or the database: still leave the run visibly failed, not claimed
        log.exception("digest %s for slot %s failed", sub.id, slot.isoformat())
        return _failed(sub, run, slot, f"{type(exc).__name__}: {exc}", uow_factory)
    _finish(run, uow_factory, ts=ts, at=cutoff)
    return DigestOutcome(subscription_id=sub.id, channel=sub.channel, slot=slot, status="posted")


def _finish(run: DigestRun, uow_factory: Callable[[], UnitOfWork], *, ts: str | None, at: datetime) -> None:
    with uow_factory() as uow:
        uow.digests.mark_posted(run.id, message_ts=ts, at=at)
        uow.commit()


def _failed(
    sub: DigestSubscription, run: DigestRun, slot: datetime, error: str, uow_factory: Callable[[], UnitOfWork]
) -> DigestOutcome:
    log.warning("digest %s to %s for slot %s failed: %s", sub.id, sub.channel, slot.isoformat(), error)
    with uow_factory() as uow:
        uow.digests.mark_failed(run.id, error=error[:1000])
        uow.commit()
    return DigestOutcome(subscription_id=sub.id, channel=sub.channel, slot=slot, status="failed", error=error)


def preview_digest(channel: str, *, uow_factory: Callable[[], UnitOfWork], clock: Clock) -> Digest | None:
    """The digest the channel would get now (nothing is posted or claimed); None without a subscription."""
    with uow_factory() as uow:
        subs = uow.digests.subscriptions(channel)
    if not subs:
        return None
    sub = subs[-1]
    now = clock.now()
    return build_digest(sub, uow=uow_factory(), since=digest_since(sub, now), until=now)


def _search(terms: list[str], since: datetime, limit: int) -> FactSearch:
    return FactSearch(terms=terms, limit=limit, fetched_after=since)
