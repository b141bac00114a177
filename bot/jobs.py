"""The worker's jobs with their ports bound: post due digests, poll due sources, post alerts.

Shared by the CLI (`briefbot digest run-due`, `briefbot sources poll`) and the worker's scheduler.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import cast

from slack_sdk import WebClient

from bot.bootstrap import Container
from bot.fetch.sources import HttpSourceReader
from bot.slack.alert_publisher import SlackAlertPublisher
from bot.slack.digest_publisher import SlackDigestPublisher
from bot.slack.workspace_clients import WorkspaceClients
from handlers.alerts import AlertOutcome, run_alerts
from handlers.digests import DigestOutcome, run_due
from handlers.polling import PollReport, poll_due
from handlers.ports import AlertUnitOfWork, UnitOfWork


def workspace_clients(c: Container) -> WorkspaceClients:
    """Each workspace's client on SLACK_API_URL (its own bot token with OAuth, else SLACK_BOT_TOKEN);
    no retry handlers: retries are the publisher's own."""
    installations = None
    if c.settings.oauth_enabled:
        from store.repositories.installations import SqlInstallations

        installations = SqlInstallations(c.sessions(), c.settings.slack_client_id or "")
    base_url = c.settings.slack_api_url
    return WorkspaceClients(
        c.settings,
        lambda token: WebClient(token=token, base_url=base_url, retry_handlers=[]),
        installations=installations,
    )


def digest_publishers(c: Container) -> Callable[[str | None], SlackDigestPublisher | None]:
    """A workspace's digest publisher (chat.postMessage with its token); None when it has no bot."""
    clients = workspace_clients(c)

    def publisher_for(workspace: str | None) -> SlackDigestPublisher | None:
        client = clients.client_for(workspace)
        return None if client is None else SlackDigestPublisher(client)

    return publisher_for


def alert_publishers(c: Container) -> Callable[[str | None], SlackAlertPublisher | None]:
    """A workspace's alert publisher; None when it has no bot."""
    digests = digest_publishers(c)

    def publisher_for(workspace: str | None) -> SlackAlertPublisher | None:
        poster = digests(workspace)
        return None if poster is None else SlackAlertPublisher(poster)

    return publisher_for


def writer_uow_factory(c: Container) -> Callable[[], UnitOfWork]:
    """Units of work whose transactions take SQLite's write lock up front (BEGIN IMMEDIATE).

    Two processes (or polling threads) both read, then write; with SQLite's default deferred
    transactions the loser's write fails at once with "database is locked" instead of waiting
    for the winner. PostgreSQL ignores the option.
    """
    from store.database import make_session_factory
    from store.uow import SqlUnitOfWork

    c.upgrade_database()
    factory = make_session_factory(c.engine.execution_options(sqlite_begin="BEGIN IMMEDIATE"))
    return lambda: cast(UnitOfWork, SqlUnitOfWork(factory))


def run_due_digests(c: Container, now: datetime | None = None) -> list[DigestOutcome]:
    """Post every due digest slot once (`now` defaults to the clock's now)."""
    return run_due(
        now=now or c.clock.now(),
        uow_factory=writer_uow_factory(c),
        publishers=digest_publishers(c),
        clock=c.clock,
    )


class Stopping:
    """A stop request for the worker's jobs: set from a signal handler, seen by every running job.

    Setting it also runs the aborts jobs registered (a poll cuts its fetches in flight), so a job
    blocked on a slow server ends at once instead of at its fetch deadline.
    """

    def __init__(self) -> None:
        self._event = threading.Event()
        self._aborts: list[Callable[[], None]] = []
        self._running = 0
        self._lock = threading.Condition()

    def is_set(self) -> bool:
        return self._event.is_set()

    def set(self) -> None:
        """Ask running jobs to stop, cutting what they registered; safe to call from a signal handler."""
        self._event.set()
        with self._lock:
            aborts = list(self._aborts)
        for abort in aborts:
            abort()

    @contextmanager
    def running(self, abort: Callable[[], None] | None = None) -> Iterator[None]:
        """Mark a job running (for `wait_idle`), with what cuts it short when stopping."""
        with self._lock:
            self._running += 1
            if abort:
                self._aborts.append(abort)
        if abort and self.is_set():
            abort()
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1
                if abort:
                    self._aborts.remove(abort)
                self._lock.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until no job runs (True), or `timeout` seconds (False)."""
        with self._lock:
            return self._lock.wait_for(lambda: self._running == 0, timeout)


def poll_due_sources(
    c: Container, now: datetime | None = None, *, stopping: Stopping | None = None
) -> list[PollReport]:
    """Poll every source whose interval has passed; new items are ingested.

    With `stopping`, a stop request cuts the fetches in flight and ends the poll at once.
    """
    reader = HttpSourceReader(
        allow_private=c.settings.allow_private_fetch, deadline=c.settings.fetch_deadline
    )
    stop = stopping or Stopping()
    try:
        with stop.running(reader.abort):
            return poll_due(
                now=now or c.clock.now(),
                uow_factory=writer_uow_factory(c),
                reader=reader,
                clock=c.clock,
                extractor=c.extractor,
                should_stop=stop.is_set,
            )
    finally:
        reader.close()


def post_alerts(c: Container) -> list[AlertOutcome]:
    """Post every watch's new facts once (handlers.alerts.run_alerts)."""
    return run_alerts(
        uow_factory=cast(Callable[[], AlertUnitOfWork], writer_uow_factory(c)),
        publishers=alert_publishers(c),
        clock=c.clock,
    )
