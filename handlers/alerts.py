"""Alerts: watch a person or a topic; post each new matching fact once, batched per poll.

    watch [person|topic] WORDS [in CHANNEL]   (channel watches are admin actions, audited)
    watch list · unwatch ID

What a watch finds is what the questions find (handlers.alert_match): a person watch the quotes
of whoever /whosaid resolves the name to, a topic watch what /timeline, /whosaid and /figures find
for its words, restricted to articles fetched since the watch last looked (and never before it
was created).

Exactly once, as digests (handlers.digests): every fact is claimed for the watch in the database
(alert_deliveries, unique per watch and fact) inside a batch, and the claim is committed BEFORE
anything is posted, so of two workers, a restarted one or a retried job only one posts a fact. A
batch whose post failed is retried, at most MAX_ATTEMPTS claims in all; one whose worker died
mid-post stays "claimed" and is never posted again (it may have reached Slack).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict

from handlers.admin import AdminError
from handlers.alert_match import find_new
from handlers.digests import PublishError
from handlers.domain import AlertBatch, Person, Watch, WatchKind
from handlers.home import AlertSummary
from handlers.ports import AlertUnitOfWork, Clock
from handlers.query import searchable
from handlers.tenancy import ALL_WORKSPACES, DEFAULT_WORKSPACE

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
# Facts of articles fetched this long before the last look are looked at again: an ingest
# transaction stamps its articles' fetched_at before it commits, so a look in between misses
# them. The claims keep what is found twice from being posted twice.
LOOKBACK = timedelta(minutes=10)
MAX_PERSONAL = 20  # personal watches a user may have: alerts are for a few things, not a feed
MAX_SUBJECT = 200
USAGE = (
    "/briefbot watch Zelensky · /briefbot watch topic port strike · "
    "/briefbot watch person Kellogg in #news (admins) · /briefbot watch list · /briefbot unwatch 3"
)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class WatchError(AdminError):
    """A watch command that cannot be done; the message says why, for the user."""


class AddWatch(_Model):
    subject: str
    kind: WatchKind | None = None  # None: a person when the words name a known speaker, else a topic
    channel: str | None = None  # None: a personal watch for `actor`
    actor: str
    team: str | None = None
    is_admin: bool = False


class RemoveWatch(_Model):
    watch_id: int
    actor: str
    is_admin: bool = False
    # The caller's workspace: another workspace's watch is "no such watch" (None: the default's)
    team: str | None = None


class WatchAdded(_Model):
    watch: Watch
    people: list[Person]  # whom a person watch finds now (more may be learned later)


class AlertPublisher(Protocol):
    def publish(self, watch: Watch, batch: AlertBatch) -> str:
        """Post the batch to the watch's destination; the posted message's id. Raises PublishError."""
        ...


class AlertOutcome(_Model):
    watch_id: int
    destination: str
    batch_id: int
    facts: int
    status: Literal["posted", "failed"]
    error: str | None = None


def add_watch(cmd: AddWatch, *, uow_factory: Callable[[], AlertUnitOfWork], clock: Clock) -> WatchAdded:
    """Start watching: check the words and who may, decide person or topic, store it, audit a channel's."""
    subject = " ".join(cmd.subject.split())
    if not subject:
        raise WatchError(f"What should I watch? Try: {USAGE}")
    if len(subject) > MAX_SUBJECT:
        raise WatchError(f"That is too long to watch (at most {MAX_SUBJECT} characters).")
    if cmd.channel is not None and not cmd.is_admin:
        raise WatchError(
            "Only admins can set alerts for a channel. Without `in #channel` the alerts come to you."
        )
    workspace = cmd.team or DEFAULT_WORKSPACE
    uow = uow_factory().of(workspace)
    with uow:
        people = uow.people.find(subject)
        kind: WatchKind = cmd.kind or ("person" if people else "topic")
        if kind == "topic" and not searchable(subject.split()):
            raise WatchError(f'"{subject}" has no word to look for; name a topic, e.g. port strike.')
        existing = uow.watches.find(channel=cmd.channel, owner=None if cmd.channel else cmd.actor)
        for w in existing:
            same_place = w.channel == cmd.channel and (cmd.channel or w.owner == cmd.actor)
            if same_place and w.kind == kind and w.subject.casefold() == subject.casefold():
                raise WatchError(f"Already watching that here, as watch {w.id}.")
        if cmd.channel is None and len([w for w in existing if w.personal]) >= MAX_PERSONAL:
            raise WatchError(f"You have {MAX_PERSONAL} watches already; unwatch one first.")
        watch = uow.watches.add(
            kind=kind, subject=subject, channel=cmd.channel, owner=cmd.actor, team=workspace, at=clock.now()
        )
        if not watch.personal:
            uow.audit.record(cmd.actor, "watch.add", _describe(watch), clock.now())
        uow.commit()
    return WatchAdded(watch=watch, people=people if kind == "person" else [])


def list_watches(
    *,
    uow_factory: Callable[[], AlertUnitOfWork],
    team: str | None = None,
    channel: str | None = None,
    user: str | None = None,
) -> list[Watch]:
    """The watches of `channel` and the personal ones of `user` (all of them when neither is given),
    oldest first. What `/briefbot watch list` shows and App Home can show. Only the workspace `team`'s."""
    uow = uow_factory().of(team or DEFAULT_WORKSPACE)
    with uow:
        return uow.watches.find(team=team, channel=channel, owner=user)


def remove_watch(cmd: RemoveWatch, *, uow_factory: Callable[[], AlertUnitOfWork], clock: Clock) -> Watch:
    """Stop a watch: one's own personal watch, or (admins) any; audited unless it was one's own."""
    uow = uow_factory().of(cmd.team or DEFAULT_WORKSPACE)
    with uow:
        watch = uow.watches.get(cmd.watch_id)
        if watch is not None and cmd.team is not None and watch.team not in (None, cmd.team):
            watch = None  # another workspace's: not even its existence is told
        if watch is None:
            raise WatchError(f"No watch {cmd.watch_id} (/briefbot watch list shows yours).")
        own = watch.personal and watch.owner == cmd.actor
        if not own and not cmd.is_admin:
            whose = "a channel's" if not watch.personal else "someone else's"
            raise WatchError(f"Watch {watch.id} is {whose}; only admins can remove it.")
        uow.watches.remove(watch.id)
        if not own:
            uow.audit.record(cmd.actor, "watch.remove", _describe(watch), clock.now())
        uow.commit()
    return watch


def _describe(watch: Watch) -> str:
    where = watch.channel or f"DM {watch.owner}"
    return f"#{watch.id} {watch.kind} {watch.subject!r} -> {where}"


def run_alerts(
    *,
    uow_factory: Callable[[], AlertUnitOfWork],
    publisher: AlertPublisher | None = None,
    clock: Clock,
    publishers: Callable[[str | None], AlertPublisher | None] | None = None,
) -> list[AlertOutcome]:
    """Post every watch's new facts once (and retry failed posts); what happened to each batch.

    One `publisher` posts every alert, or `publishers` gives each watch's workspace its own; a
    workspace with none is skipped and logged (nothing claimed, so nothing fails for it).
    """
    if publishers is None and publisher is None:
        raise ValueError("run_alerts needs a publisher or publishers")
    pick = publishers or (lambda _team: publisher)
    uow = uow_factory().of(ALL_WORKSPACES)
    with uow:
        watches = uow.watches.find()
        # Read before any watch looks: an article stored meanwhile is newer, and looked for next time.
        last_fetch = uow.watches.last_fetch()
    outcomes: list[AlertOutcome] = []
    for watch in watches:
        chosen = pick(watch.team)
        if chosen is None:
            log.warning("alerts of watch %s skipped: workspace %s has no installation", watch.id, watch.team)
            continue
        try:
            outcomes.extend(
                _run_watch(watch, last_fetch, uow_factory=uow_factory, publisher=chosen, clock=clock)
            )
        except Exception:  # one watch's failure (the database, a bug) must not starve the others
            log.exception("alerts for watch %s (%s %r) failed", watch.id, watch.kind, watch.subject)
    return outcomes


def _run_watch(
    watch: Watch,
    last_fetch: datetime | None,
    *,
    uow_factory: Callable[[], AlertUnitOfWork],
    publisher: AlertPublisher,
    clock: Clock,
) -> list[AlertOutcome]:
    uow = uow_factory().of(ALL_WORKSPACES)
    with uow:
        retried = uow.watches.retry(watch.id, max_attempts=MAX_ATTEMPTS, at=clock.now())
        uow.commit()
    # Posted before the search: a search that fails must not leave them claimed (never retried).
    outcomes = [_post(watch, b, uow_factory=uow_factory, publisher=publisher, clock=clock) for b in retried]
    until = clock.now()
    since = max(watch.created_at, (watch.checked_until or watch.created_at) - LOOKBACK)
    if last_fetch is None or last_fetch <= since:
        # Nothing stored since the watch last looked: no search (the usual cycle). The cursor
        # stays, so the next look still reaches back to whatever is stored meanwhile.
        return outcomes
    # What the watch looks through is its own workspace's articles only.
    uow = uow_factory().of(watch.team or DEFAULT_WORKSPACE)
    with uow:
        if uow.watches.get(watch.id) is None:
            return outcomes  # removed since the list was read
        new, complete = find_new(watch, uow=uow, since=since)
        batch = uow.watches.claim(watch.id, new, at=clock.now()) if new.count else None
        if complete:
            uow.watches.checked(watch.id, until)  # else the rest are found again next time
        uow.commit()  # the claim must be visible to every other worker before anything is posted
    if batch is not None:
        outcomes.append(_post(watch, batch, uow_factory=uow_factory, publisher=publisher, clock=clock))
    return outcomes


def _post(
    watch: Watch,
    batch: AlertBatch,
    *,
    uow_factory: Callable[[], AlertUnitOfWork],
    publisher: AlertPublisher,
    clock: Clock,
) -> AlertOutcome:
    try:
        ts = publisher.publish(watch, batch)
    except PublishError as exc:
        error = str(exc)
    except Exception as exc:  # a bug: still leave the batch visibly failed (retried), not claimed
        log.exception("alert batch %s of watch %s failed", batch.id, watch.id)
        error = f"{type(exc).__name__}: {exc}"
    else:
        uow = uow_factory().of(ALL_WORKSPACES)
        with uow:
            uow.watches.mark_posted(batch.id, message_ts=ts, at=clock.now())
            uow.commit()
        return _outcome(watch, batch, "posted")
    log.warning("alert batch %s of watch %s to %s failed: %s", batch.id, watch.id, watch.destination, error)
    uow = uow_factory().of(ALL_WORKSPACES)
    with uow:
        uow.watches.mark_failed(batch.id, error=error[:1000])
        uow.commit()
    return _outcome(watch, batch, "failed", error)


def _outcome(
    watch: Watch, batch: AlertBatch, status: Literal["posted", "failed"], error: str | None = None
) -> AlertOutcome:
    return AlertOutcome(
        watch_id=watch.id,
        destination=watch.destination,
        batch_id=batch.id,
        facts=batch.facts.count,
        status=status,
        error=error,
    )


def watch_summaries(
    user: str, team: str | None, *, uow_factory: Callable[[], AlertUnitOfWork]
) -> list[AlertSummary]:
    """A user's own watches and the channel watches of the workspace, as the Home tab lists them."""
    watches = list_watches(uow_factory=uow_factory, team=team)
    shown = [w for w in watches if not w.personal or w.owner == user]
    return [
        AlertSummary(
            watching=w.subject,
            where=w.channel,
            note=f"watch {w.id}, {'quotes by' if w.kind == 'person' else 'news on'} it",
        )
        for w in shown
    ]
