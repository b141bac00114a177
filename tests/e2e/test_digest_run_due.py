"""`briefbot digest run-due` against the fake Slack: exactly one post per due slot, retries, failures.

Two run-due processes started together on one database (SQLite and PostgreSQL) race for each slot;
the claim in digest_runs lets exactly one of them post.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.slack.digest_publisher import SlackDigestPublisher
from bot.slack.limits import violations
from handlers.digests import run_due
from handlers.tenancy import DEFAULT_WORKSPACE
from store.database import make_engine, make_session_factory
from store.migrate import upgrade
from store.uow import SqlUnitOfWork
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.slack_seed import seed
from tests.integration.conftest import _postgres_unreachable_reason, throwaway_postgres_database

ROOT = Path(__file__).resolve().parents[2]
CHANNELS = ("C0DIGEST1", "C0DIGEST2", "C0DIGEST3")


class _Clock:
    def __init__(self, now: datetime) -> None:
        self._now = now

    def now(self) -> datetime:
        return self._now

    def today(self):  # type: ignore[no-untyped-def]
        return self._now.date()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'digests.db'}"
        return
    reason = _postgres_unreachable_reason()
    if reason:
        pytest.skip(reason)
    with throwaway_postgres_database() as url:
        yield url


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    slack = FakeSlack().start()
    yield slack
    slack.stop()


@pytest.fixture
def engines() -> Iterator[list[Engine]]:
    made: list[Engine] = []
    yield made
    for engine in made:
        engine.dispose()


def _prepare(url: str, engines: list[Engine]) -> tuple[SqlUnitOfWork, datetime]:
    """A migrated database with news and a digest per channel, due one minute before the returned `now`."""
    engine = make_engine(url)
    engines.append(engine)
    upgrade(engine)
    uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
    seed(lambda: uow)
    slot = (datetime.now(UTC) + timedelta(hours=1)).replace(second=0, microsecond=0)
    with uow:
        for i, channel in enumerate(CHANNELS):
            uow.digests.subscribe(
                channel,
                team=None,
                cadence="daily",
                weekday=None,
                time=slot.strftime("%H:%M"),
                timezone="UTC",
                topic="Velmora" if i == 0 else None,
                post_empty=i == 2,
                created_by="U1",
            )
        uow.commit()
    return uow, slot + timedelta(minutes=1)


def _top_level_posts(fake: FakeSlack) -> dict[str, int]:
    posts: dict[str, int] = {}
    for call in fake.api_calls("chat.postMessage"):
        if not call.body.get("thread_ts"):
            posts[call.body["channel"]] = posts.get(call.body["channel"], 0) + 1
    return posts


def test_two_run_due_processes_post_each_due_digest_exactly_once(
    database_url: str, fake: FakeSlack, tmp_path: Path, engines: list[Engine]
) -> None:
    uow, now = _prepare(database_url, engines)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BRIEFBOT_"))}
    env.update(
        PYTHONPATH=str(ROOT),
        DATABASE_URL=database_url,
        SLACK_BOT_TOKEN="xoxb-digest",
        SLACK_API_URL=fake.api_url,
    )
    command = [sys.executable, "-m", "bot", "digest", "run-due", "--now", now.isoformat()]
    processes = [
        subprocess.Popen(
            command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=60) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], [err[-3000:] for _, err in outputs]
    assert _top_level_posts(fake) == {c: 1 for c in CHANNELS}
    for call in fake.api_calls("chat.postMessage"):
        assert violations(call.body) == []
    with uow:
        runs = uow.digests.runs()
    assert sorted(r.status for r in runs) == ["posted"] * 3
    printed = "".join(out for out, _ in outputs)
    assert printed.count(" posted") == 3 and printed.count(" taken") <= 3
    # Run again at the same time (in this process, to keep the test fast): nothing more reaches Slack.
    publisher = SlackDigestPublisher(WebClient(token="xoxb", base_url=fake.api_url, retry_handlers=[]))
    assert run_due(now=now, uow_factory=lambda: uow, publisher=publisher, clock=_Clock(now)) == []
    assert _top_level_posts(fake) == {c: 1 for c in CHANNELS}


def test_long_digest_posts_a_summary_with_the_details_in_its_thread(
    tmp_path: Path, fake: FakeSlack, engines: list[Engine]
) -> None:
    uow, now = _prepare(f"sqlite:///{tmp_path / 'thread.db'}", engines)
    publisher = SlackDigestPublisher(WebClient(token="xoxb", base_url=fake.api_url, retry_handlers=[]))
    outcomes = run_due(now=now, uow_factory=lambda: uow, publisher=publisher, clock=_Clock(now))
    assert {o.status for o in outcomes} == {"posted"}
    calls = [c for c in fake.api_calls("chat.postMessage") if c.body["channel"] == CHANNELS[0]]
    summary, replies = calls[0], calls[1:]
    assert "thread_ts" not in summary.body or not summary.body["thread_ts"]
    summary_ts = f"{fake.calls.index(summary) + 1}.000100"  # the fake's ts: the call's number
    assert replies and {c.body["thread_ts"] for c in replies} == {summary_ts}
    assert "Digest: Velmora" in summary.body["text"]
    with uow:
        [run] = uow.digests.runs(outcomes[0].subscription_id)
    assert run.message_ts == replies[0].body["thread_ts"]


def test_a_rate_limited_post_is_retried_after_retry_after_and_posted_once(
    tmp_path: Path, fake: FakeSlack, engines: list[Engine]
) -> None:
    uow, now = _prepare(f"sqlite:///{tmp_path / 'ratelimit.db'}", engines)
    fake.state.rate_limited["chat.postMessage"] = 1
    waits: list[float] = []
    publisher = SlackDigestPublisher(
        WebClient(token="xoxb", base_url=fake.api_url, retry_handlers=[]), sleep=waits.append
    )
    outcomes = run_due(now=now, uow_factory=lambda: uow, publisher=publisher, clock=_Clock(now))
    assert [o.status for o in outcomes] == ["posted"] * 3
    assert waits == [1.0]  # the fake's Retry-After
    # The first channel's post was answered 429 once, then went through: two calls, one message.
    assert _top_level_posts(fake) == {CHANNELS[0]: 2, CHANNELS[1]: 1, CHANNELS[2]: 1}
    with uow:
        assert {r.attempts for r in uow.digests.runs()} == {1}  # one claim, retried within it


def test_slack_failing_every_time_gives_no_post_and_a_visible_failed_run(
    tmp_path: Path, fake: FakeSlack, engines: list[Engine]
) -> None:
    uow, now = _prepare(f"sqlite:///{tmp_path / 'down.db'}", engines)
    fake.state.server_errors["chat.postMessage"] = -1
    publisher = SlackDigestPublisher(
        WebClient(token="xoxb", base_url=fake.api_url, retry_handlers=[]), sleep=lambda _: None
    )
    outcomes = run_due(now=now, uow_factory=lambda: uow, publisher=publisher, clock=_Clock(now))
    assert [o.status for o in outcomes] == ["failed"] * 3
    assert len(fake.api_calls("chat.postMessage")) == 3 * 4  # four attempts per digest, none answered
    with uow:
        runs = uow.digests.runs()
    assert {(r.status, r.error) for r in runs} == {("failed", "Slack answered HTTP 500 after 4 attempts")}


def test_the_worker_process_posts_a_due_digest_and_stops_on_sigterm(
    tmp_path: Path, fake: FakeSlack, engines: list[Engine]
) -> None:
    url = f"sqlite:///{tmp_path / 'worker.db'}"
    uow, _now = _prepare(url, engines)
    # Due now: a slot a minute ago, on a subscription made before it.
    slot = (datetime.now(UTC) - timedelta(minutes=1)).replace(second=0, microsecond=0)
    with uow:
        for sub in uow.digests.subscriptions():
            uow.digests.unsubscribe(sub.id)
        uow.commit()
    engine = engines[-1]
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO digest_subscriptions (channel, cadence, time, timezone, post_empty, created_at) "
            "VALUES ('C0WORKER', 'daily', ?, 'UTC', 1, ?)",
            (slot.strftime("%H:%M"), (slot - timedelta(days=2)).strftime("%Y-%m-%d %H:%M:%S")),
        )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BRIEFBOT_"))}
    env.update(PYTHONPATH=str(ROOT), DATABASE_URL=url, SLACK_BOT_TOKEN="xoxb-w", SLACK_API_URL=fake.api_url)
    worker = subprocess.Popen(
        [sys.executable, "-m", "bot", "worker", "--every", "5"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while not fake.api_calls("chat.postMessage"):
            assert worker.poll() is None and time.monotonic() < deadline, "the worker did not post"
            time.sleep(0.1)
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=20)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.communicate()
    assert worker.returncode == 0, output
    assert "worker started" in output and "C0WORKER" in output
    assert _top_level_posts(fake) == {"C0WORKER": 1}
