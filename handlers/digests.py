"""Scheduled digests: subscribe a channel, build what is new since its last digest, post each slot once.

Exactly once: a slot is claimed in the database (digest_runs, unique per subscription and slot)
and the claim committed BEFORE anything is posted, so of two workers, a restarted one or a retried
job only the one that won the claim posts. A failed post is recorded (status, error) and tried again
by a later run, at most MAX_ATTEMPTS claims in all; a claim whose worker died mid-post stays
"claimed" and is never posted again (it may have reached Slack: posting twice is the worse error).

A post whose outcome is unknown (Slack took longer than the client waits, or the connection dropped
once the request was sent) is recorded "unknown", not "failed". Every post carries its slot's
marker (`slot_marker`); a later run, once Slack has had UNKNOWN_SETTLE to finish, looks for that
marker in the channel's recent history: found, the run is posted; not there, it is retried like a
failed one; the history cannot be read (no channels:history scope, Slack unreachable), it stays
unknown and is not posted again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from handlers.digest_rank import rank_events, rank_figures, rank_quotes
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
from handlers.schedule import due_slot, next_slot, period
from handlers.tenancy import ALL_WORKSPACES, DEFAULT_WORKSPACE

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
MAX_EVENTS = 15
MAX_UPCOMING = 5
MAX_QUOTES = 8
MAX_FIGURES = 8
# How long after its claim an unknown post is left alone: a slow Slack finishes the post meanwhile.
UNKNOWN_SETTLE = timedelta(minutes=2)
# The facts of a window read at most: a digest ranks what is new, it does not page through it.
WINDOW_CAP = 500


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Digest(_Model):
    """What a channel's digest holds: facts from articles fetched in (since, until], ranked (see
    handlers.digest_rank); `totals` counts all of them (happenings, quotes, figures), so a reader is
    told how many more there are than shown and how to see them."""

    subscription: DigestSubscription
    since: datetime
    until: datetime
    topic_terms: list[str] = Field(default_factory=list)
    events: list[EventRecord] = Field(default_factory=list)  # happened: newest, best corroborated first
    upcoming: list[EventRecord] = Field(default_factory=list)  # still to come: soonest first
    quotes: list[QuoteRecord] = Field(default_factory=list)
    figures: list[FigureRecord] = Field(default_factory=list)
    totals: dict[str, int] = Field(default_factory=dict)  # events/quotes/figures matched in all
    outlets: dict[int, int] = Field(default_factory=dict)  # event id -> outlets reporting its story

    @property
    def empty(self) -> bool:
        return not (self.events or self.upcoming or self.quotes or self.figures)

    def more(self, kind: str) -> int:
        """How many of `kind` ("events", "quotes", "figures") are new but not shown."""
        shown = {
            "events": len(self.events) + len(self.upcoming),
            "quotes": len(self.quotes),
            "figures": len(self.figures),
        }
        return max(0, self.totals.get(kind, 0) - shown.get(kind, 0))

    def see_more(self, kind: str) -> str:
        """The command that lists them: "/timeline wildfire", "/whosaid", "/figures wildfire"."""
        command = {"events": "/timeline", "quotes": "/whosaid", "figures": "/figures"}[kind]
        return f"{command} {' '.join(self.topic_terms)}".strip()

    @property
    def sources(self) -> list[ArticleRef]:
        """Every article a shown fact comes from, once, in order of first use."""
        seen: dict[int, ArticleRef] = {}
        refs = (
            [f.article for f in self.events]
            + [f.article for f in self.upcoming]
            + [f.article for f in self.quotes]
            + [f.article for f in self.figures]
        )
        for ref in refs:
            seen.setdefault(ref.id, ref)
        return list(seen.values())


class PublishError(Exception):
    """Posting failed for good (after the publisher's own retries); the message says why."""


class PublishUnknown(PublishError):
    """The post was sent but no answer came: it may or may not be in the channel."""


class DigestPublisher(Protocol):
    def publish(self, channel: str, digest: Digest, *, marker: str) -> str:
        """Post the digest to `channel`, tagged with `marker`; the posted message's id (Slack ts).
        Raises PublishUnknown when it may have been posted, PublishError when it was not."""
        ...

    def find_posted(self, channel: str, marker: str, *, since: datetime) -> str | None:
        """The ts of a message tagged `marker` posted to `channel` after `since`, or None.
        Raises PublishError when the channel's history cannot be read."""
        ...


def slot_marker(subscription_id: int, slot: datetime) -> str:
    """What tags a slot's post, so a later run can tell whether it reached the channel."""
    return f"{subscription_id}@{slot.isoformat()}"


class DigestOutcome(_Model):
    subscription_id: int
    channel: str
    slot: datetime
    status: Literal["posted", "skipped-empty", "failed", "taken", "unknown"]
    error: str | None = None


def build_digest(sub: DigestSubscription, *, uow: UnitOfWork, since: datetime, until: datetime) -> Digest:
    """The facts new since `since` on the subscription's topic (all topics when it has none), ranked.

    A topic finds stories as /timeline does (through any of their reports), and the digest then
    holds every new report of those stories, with the quotes and figures of the articles that carry
    them, not only the sentences that happen to hold the topic's words.
    """
    terms = (sub.topic or "").split()
    window = FactSearch(limit=WINDOW_CAP, fetched_after=since)
    # The subscription's own workspace's articles only, whoever runs it (the worker, a preview).
    with uow.of(owner_of(sub)):
        events, _ = uow.events.search(window.model_copy(update={"newest_first": True}))
        quotes, n_quotes = uow.quotes.search(window)
        figures, n_figures = uow.figures.search(window)
        story_at = uow.stories.stories_at([(e.article.id, e.start) for e in events])
        story_of = {
            e.id: story_at[(e.article.id, e.start)] for e in events if (e.article.id, e.start) in story_at
        }
        named: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())
        if terms:
            events, quotes, figures, named = _on_topic(terms, window, events, quotes, figures, story_of, uow)
            n_quotes, n_figures = len(quotes), len(figures)
        stories = {
            s.id: s for s in uow.stories.load(sorted({story_of[e.id] for e in events if e.id in story_of}))
        }
    past, upcoming, outlets = rank_events(events, story_of, stories, until.date())
    shown = past[:MAX_EVENTS] + upcoming[:MAX_UPCOMING]
    return Digest(
        subscription=sub,
        since=since,
        until=until,
        topic_terms=terms,
        events=past[:MAX_EVENTS],
        upcoming=upcoming[:MAX_UPCOMING],
        quotes=rank_quotes(quotes, named[0])[:MAX_QUOTES],
        figures=rank_figures(figures, [e.article.id for e in shown], named[1])[:MAX_FIGURES],
        totals={"events": len(past) + len(upcoming), "quotes": n_quotes, "figures": n_figures},
        outlets={e.id: outlets[e.id] for e in shown},
    )


def _on_topic(
    terms: list[str],
    window: FactSearch,
    events: list[EventRecord],
    quotes: list[QuoteRecord],
    figures: list[FigureRecord],
    story_of: dict[int, int],
    uow: UnitOfWork,
) -> tuple[list[EventRecord], list[QuoteRecord], list[FigureRecord], tuple[frozenset[int], frozenset[int]]]:
    """The window's facts about the topic: the reports of every story the topic finds, and the
    quotes and figures that name it (their ids, which lead) or come from an article reporting one
    of those stories."""
    on_topic = window.model_copy(update={"terms": terms})
    stories = {h.id for h in uow.stories.search(FactSearch(terms=terms))}
    named = {e.id for e in uow.events.search(on_topic)[0]}
    kept = [e for e in events if e.id in named or story_of.get(e.id) in stories]
    articles = {e.article.id for e in kept}
    said = {q.id for q in uow.quotes.search(on_topic)[0]}
    counted = {f.id for f in uow.figures.search(on_topic)[0]}
    return (
        kept,
        [q for q in quotes if q.id in said or q.article.id in articles],
        [f for f in figures if f.id in counted or f.article.id in articles],
        (frozenset(said), frozenset(counted)),
    )


def owner_of(sub: DigestSubscription) -> str:
    """The workspace a digest subscription belongs to: what it reads, whose token posts it."""
    return sub.team or DEFAULT_WORKSPACE


def digest_since(sub: DigestSubscription, slot: datetime) -> datetime:
    """New means fetched after the channel's last digest; a first digest looks back one period."""
    return sub.last_posted_at or (slot - period(sub))


# A workspace's publisher (its own Slack token), None when it has none (uninstalled, never installed).
PublisherFor = Callable[[str | None], DigestPublisher | None]


def run_due(
    *,
    now: datetime,
    uow_factory: Callable[[], UnitOfWork],
    publisher: DigestPublisher | None = None,
    clock: Clock,
    publishers: PublisherFor | None = None,
) -> list[DigestOutcome]:
    """Post every subscription's due slot once; report what happened to each slot this call looked at.

    One `publisher` posts every digest, or `publishers` gives each subscription's workspace its own;
    a workspace with none is skipped and logged (its slot is not claimed, so nothing fails for it).
    """
    if publishers is None and publisher is None:
        raise ValueError("run_due needs a publisher or publishers")
    pick: PublisherFor = publishers or (lambda _team: publisher)
    with uow_factory().of(ALL_WORKSPACES) as uow:
        subscriptions = uow.digests.subscriptions()
    outcomes: list[DigestOutcome] = []
    for sub in subscriptions:
        slot = due_slot(sub, now)
        if slot is None:
            continue
        chosen = pick(sub.team)
        if chosen is None:
            log.warning(
                "digest %s to %s skipped: workspace %s has no installation", sub.id, sub.channel, sub.team
            )
            continue
        outcome = _run_slot(sub, slot, uow_factory=uow_factory, publisher=chosen, clock=clock)
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
    with uow_factory().of(ALL_WORKSPACES) as uow:
        unsure = uow.digests.run_for(sub.id, slot)
    if unsure is not None and unsure.status == "unknown":
        settled = _settle_unknown(sub, unsure, uow_factory=uow_factory, publisher=publisher, clock=clock)
        if settled is not None:
            return settled
    with uow_factory().of(ALL_WORKSPACES) as uow:
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
        ts = publisher.publish(sub.channel, digest, marker=slot_marker(sub.id, slot))
    except PublishUnknown as exc:
        log.warning("digest %s to %s for slot %s: outcome unknown: %s", sub.id, sub.channel, slot, exc)
        with uow_factory().of(ALL_WORKSPACES) as uow:
            uow.digests.mark_unknown(run.id, error=str(exc)[:1000])
            uow.commit()
        return DigestOutcome(
            subscription_id=sub.id, channel=sub.channel, slot=slot, status="unknown", error=str(exc)
        )
    except PublishError as exc:
        return _failed(sub, run, slot, str(exc), uow_factory)
    except Exception as exc:  # a bug or the database: still leave the run visibly failed, not claimed
        log.exception("digest %s for slot %s failed", sub.id, slot.isoformat())
        return _failed(sub, run, slot, f"{type(exc).__name__}: {exc}", uow_factory)
    _finish(run, uow_factory, ts=ts, at=cutoff)
    return DigestOutcome(subscription_id=sub.id, channel=sub.channel, slot=slot, status="posted")


def _settle_unknown(
    sub: DigestSubscription,
    run: DigestRun,
    *,
    uow_factory: Callable[[], UnitOfWork],
    publisher: DigestPublisher,
    clock: Clock,
) -> DigestOutcome | None:
    """Was the unknown post made? An outcome when settled here (posted, or still unknown); None
    when it was not made and the slot is now failed, for the caller to claim and post again."""
    if clock.now() - run.claimed_at < UNKNOWN_SETTLE:
        return _outcome(sub, run, "unknown", run.error)  # too early to tell: never post meanwhile
    try:
        ts = publisher.find_posted(sub.channel, slot_marker(sub.id, run.slot), since=run.claimed_at)
    except PublishError as exc:
        log.warning(
            "digest %s to %s: cannot tell whether slot %s was posted, not posting again: %s",
            sub.id,
            sub.channel,
            run.slot.isoformat(),
            exc,
        )
        return _outcome(sub, run, "unknown", f"cannot check the channel: {exc}")
    if ts is not None:
        log.info("digest %s to %s for slot %s had been posted (%s)", sub.id, sub.channel, run.slot, ts)
        _finish(run, uow_factory, ts=ts, at=clock.now())
        return _outcome(sub, run, "posted", None)
    with uow_factory().of(ALL_WORKSPACES) as uow:
        uow.digests.retry_unknown(run.id, error="not in the channel's history: to post again")
        uow.commit()
    return None


def _outcome(
    sub: DigestSubscription, run: DigestRun, status: Literal["posted", "unknown"], error: str | None
) -> DigestOutcome:
    return DigestOutcome(
        subscription_id=sub.id, channel=sub.channel, slot=run.slot, status=status, error=error
    )


def _finish(run: DigestRun, uow_factory: Callable[[], UnitOfWork], *, ts: str | None, at: datetime) -> None:
    with uow_factory().of(ALL_WORKSPACES) as uow:
        uow.digests.mark_posted(run.id, message_ts=ts, at=at)
        uow.commit()


def _failed(
    sub: DigestSubscription, run: DigestRun, slot: datetime, error: str, uow_factory: Callable[[], UnitOfWork]
) -> DigestOutcome:
    log.warning("digest %s to %s for slot %s failed: %s", sub.id, sub.channel, slot.isoformat(), error)
    with uow_factory().of(ALL_WORKSPACES) as uow:
        uow.digests.mark_failed(run.id, error=error[:1000])
        uow.commit()
    return DigestOutcome(subscription_id=sub.id, channel=sub.channel, slot=slot, status="failed", error=error)


def preview_digest(
    channel: str, *, uow_factory: Callable[[], UnitOfWork], clock: Clock, workspace: str = DEFAULT_WORKSPACE
) -> Digest | None:
    """The digest the channel's next post would hold if it were posted now (nothing is posted or
    claimed): the same window as that post, from its slot; None without a subscription (of this
    workspace's)."""
    with uow_factory().of(workspace) as uow:
        subs = uow.digests.subscriptions(channel)
    if not subs:
        return None
    sub = subs[-1]
    now = clock.now()
    slot = due_slot(sub, now)
    if slot is not None:
        with uow_factory().of(workspace) as uow:
            run = uow.digests.run_for(sub.id, slot)
        if run is not None and run.status != "failed":
            slot = None  # posted (or being posted): the next post is the next slot's
    slot = slot or next_slot(sub, now)
    return build_digest(sub, uow=uow_factory(), since=digest_since(sub, slot), until=now)


def _search(terms: list[str], since: datetime, limit: int) -> FactSearch:
    return FactSearch(terms=terms, limit=limit, fetched_after=since)
