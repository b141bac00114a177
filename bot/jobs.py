"""The worker's jobs with their ports bound: post due digests, poll due sources, post alerts.

Shared by the CLI (`briefbot digest run-due`, `briefbot sources poll`) and the worker's scheduler.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import cast

from slack_sdk import WebClient

from bot.bootstrap import Container
from bot.fetch.sources import HttpSourceReader
from bot.slack.alert_publisher import SlackAlertPublisher
from bot.slack.digest_publisher import SlackDigestPublisher
from handlers.alerts import AlertOutcome, run_alerts
from handlers.digests import DigestOutcome, run_due
from handlers.polling import PollReport, poll_due
from handlers.ports import AlertUnitOfWork, UnitOfWork


def make_publisher(c: Container) -> SlackDigestPublisher:
    """chat.postMessage on SLACK_API_URL with the bot token; retries are the publisher's own."""
    client = WebClient(token=c.settings.slack_bot_token, base_url=c.settings.slack_api_url, retry_handlers=[])
    return SlackDigestPublisher(client)


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
        publisher=make_publisher(c),
        clock=c.clock,
    )


def poll_due_sources(c: Container, now: datetime | None = None) -> list[PollReport]:
    """Poll every source whose interval has passed; new items are ingested."""
    reader = HttpSourceReader(allow_private=c.settings.allow_private_fetch)
    try:
        return poll_due(
            now=now or c.clock.now(),
            uow_factory=writer_uow_factory(c),
            reader=reader,
            clock=c.clock,
            extractor=c.extractor,
        )
    finally:
        reader.close()


def post_alerts(c: Container) -> list[AlertOutcome]:
    """Post every watch's new facts once (handlers.alerts.run_alerts)."""
    return run_alerts(
        uow_factory=cast(Callable[[], AlertUnitOfWork], writer_uow_factory(c)),
        publisher=SlackAlertPublisher(make_publisher(c)),
        clock=c.clock,
    )
