"""`/briefbot digest ...`: an admin subscribes a channel to a digest, turns it off, or looks at it.

    digest daily HH:MM [Area/City] [topic words] [--post-empty]
    digest weekly DAY HH:MM [Area/City] [topic words] [--post-empty]
    digest off | digest show

A channel has at most one digest: subscribing again replaces it. Every action is audited.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from handlers.admin import AdminError
from handlers.digests import MAX_ATTEMPTS
from handlers.domain import DigestCadence, DigestRun, DigestSubscription
from handlers.ports import Clock, UnitOfWork
from handlers.schedule import ScheduleError, describe, next_slot, parse_time, parse_weekday, zone_name
from handlers.tenancy import DEFAULT_WORKSPACE

USAGE = (
    "/briefbot digest daily 08:00 Europe/Kyiv [topic words] · "
    "/briefbot digest weekly mon 09:00 UTC [topic words] · /briefbot digest off · /briefbot digest show "
    "(add --post-empty to post a short note when nothing is new)"
)
_POST_EMPTY = {"--post-empty", "—post-empty", "post-empty", "--empty"}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class DigestSpec(_Model):
    cadence: DigestCadence
    weekday: int | None = None
    time: str
    timezone: str = "UTC"
    topic: str | None = None
    post_empty: bool = False


class DigestCommand(_Model):
    """One `/briefbot digest` line from `actor` in `channel`."""

    action: Literal["set", "off", "show"]
    channel: str
    actor: str
    team: str | None = None
    spec: DigestSpec | None = None


class DigestView(_Model):
    """What `digest show` (and a change) reports: the subscription, its next slot, its latest runs."""

    action: Literal["set", "off", "show"]
    channel: str
    subscription: DigestSubscription | None = None
    schedule: str | None = None
    next_slot: datetime | None = None
    runs: list[DigestRun] = Field(default_factory=list)
    max_attempts: int = MAX_ATTEMPTS


def parse_digest(words: list[str], *, channel: str, actor: str, team: str | None = None) -> DigestCommand:
    """Read the words after `digest`; AdminError with the usage when they cannot be read."""
    if not words or words[0].lower() == "show":
        return DigestCommand(action="show", channel=channel, actor=actor, team=team)
    verb = words[0].lower()
    if verb == "off" and len(words) == 1:
        return DigestCommand(action="off", channel=channel, actor=actor, team=team)
    if verb not in ("daily", "weekly"):
        raise AdminError(f'I can\'t read "digest {" ".join(words)[:100]}". Try: {USAGE}')
    rest = [w for w in words[1:] if w.lower() not in _POST_EMPTY]
    post_empty = len(rest) < len(words) - 1
    try:
        weekday = None
        if verb == "weekly":
            if not rest:
                raise ScheduleError("A weekly digest needs a day, e.g. weekly mon 09:00.")
            weekday = parse_weekday(rest.pop(0))
        if not rest:
            raise ScheduleError("The digest needs a time of day, e.g. daily 08:00.")
        time = parse_time(rest.pop(0))
    except ScheduleError as exc:
        raise AdminError(f"{exc} ({USAGE})") from None
    timezone = "UTC"
    if rest and zone_name(rest[0]):
        timezone = zone_name(rest.pop(0)) or "UTC"
    elif rest and "/" in rest[0]:
        raise AdminError(f"'{rest[0][:60]}' is not a time zone; use an IANA name such as Europe/Kyiv or UTC.")
    spec = DigestSpec(
        cadence=verb,
        weekday=weekday,
        time=time,
        timezone=timezone,
        topic=" ".join(rest) or None,
        post_empty=post_empty,
    )
    return DigestCommand(action="set", channel=channel, actor=actor, team=team, spec=spec)


def manage_digest(cmd: DigestCommand, *, uow_factory: Callable[[], UnitOfWork], clock: Clock) -> DigestView:
    """Carry out a parsed digest command (subscribe/replace, off, show) and audit it."""
    now = clock.now()
    workspace = cmd.team or DEFAULT_WORKSPACE  # the channel's digest as its workspace holds it
    with uow_factory().of(workspace) as uow:
        current = uow.digests.subscriptions(cmd.channel)
        if cmd.action == "set" and cmd.spec is not None:
            for old in current:
                uow.digests.unsubscribe(old.id)
            s = cmd.spec
            sub = uow.digests.subscribe(
                cmd.channel,
                team=workspace,
                cadence=s.cadence,
                weekday=s.weekday,
                time=s.time,
                timezone=s.timezone,
                topic=s.topic,
                post_empty=s.post_empty,
                created_by=cmd.actor,
            )
            detail = f"{cmd.channel}: {describe(sub)}" + (f" about {sub.topic}" if sub.topic else "")
            uow.audit.record(cmd.actor, "digest.set", detail, now)
            current = [sub]
        elif cmd.action == "off":
            if not current:
                raise AdminError("This channel has no digest to turn off.")
            for old in current:
                uow.digests.unsubscribe(old.id)
            uow.audit.record(cmd.actor, "digest.off", f"{cmd.channel}: {describe(current[-1])}", now)
            current = []
        else:
            uow.audit.record(cmd.actor, "digest.show", cmd.channel, now)
        shown = current[-1] if current else None
        runs = uow.digests.runs(shown.id, limit=5) if shown else []
        uow.commit()
    return DigestView(
        action=cmd.action,
        channel=cmd.channel,
        subscription=shown,
        schedule=describe(shown) if shown else None,
        next_slot=next_slot(shown, now) if shown else None,
        runs=runs,
    )


def recent_runs(
    *, uow_factory: Callable[[], UnitOfWork], limit: int = 20, workspace: str = DEFAULT_WORKSPACE
) -> list[tuple[DigestRun, str]]:
    """The latest runs across the workspace's channels (every one: ALL_WORKSPACES), with their channel."""
    with uow_factory().of(workspace) as uow:
        channels = {s.id: s.channel for s in uow.digests.subscriptions()}
        runs = [r for r in uow.digests.runs(limit=limit) if r.subscription_id in channels]
    return [(r, channels[r.subscription_id]) for r in runs]
