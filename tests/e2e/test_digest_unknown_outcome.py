"""A digest post Slack answers only after the client gave up is not posted twice.

The fake Slack stores the message, then answers after the client's timeout: the run is "unknown",
and later runs (in a restarted process: a new engine, client and publisher) look for the slot's
marker in conversations.history before posting anything again.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.slack.digest_publisher import SlackDigestPublisher
from handlers.digests import UNKNOWN_SETTLE, run_due
from handlers.tenancy import DEFAULT_WORKSPACE
from store.database import make_engine, make_session_factory
from store.uow import SqlUnitOfWork
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.test_digest_run_due import CHANNELS, _Clock, _prepare, _top_level_posts, engines, fake

__all__ = ["engines", "fake"]  # fixtures, used by name


def _restart(url: str, fake: FakeSlack, engines: list[Engine]) -> tuple[SqlUnitOfWork, SlackDigestPublisher]:
    """What a new worker process builds: its own engine, unit of work, Web client and publisher."""
    engine = make_engine(url)
    engines.append(engine)
    client = WebClient(token="xoxb", base_url=fake.api_url, retry_handlers=[], timeout=1)
    return SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE), SlackDigestPublisher(
        client
    )


def _late_first_post(
    tmp_path: Path, fake: FakeSlack, engines: list[Engine], name: str
) -> tuple[str, datetime]:
    url = f"sqlite:///{tmp_path / name}"
    _, now = _prepare(url, engines)
    fake.state.clock = lambda: now.timestamp()  # Slack's clock is the worker's here
    fake.state.late_answers["chat.postMessage"] = 1
    fake.state.late_seconds = 2.0
    uow, publisher = _restart(url, fake, engines)
    outcomes = run_due(now=now, uow_factory=lambda: uow, publisher=publisher, clock=_Clock(now))
    assert [o.status for o in outcomes] == ["unknown", "posted", "posted"]
    assert _top_level_posts(fake) == {c: 1 for c in CHANNELS}
    return url, now


def test_a_post_answered_after_the_timeout_is_found_not_posted_again(
    tmp_path: Path, fake: FakeSlack, engines: list[Engine]
) -> None:
    url, now = _late_first_post(tmp_path, fake, engines, "late.db")
    [summary] = [c for c in fake.api_calls("chat.postMessage") if c.body["channel"] == CHANNELS[0]]
    assert summary.body["metadata"]["event_type"] == "briefbot_digest"
    # Too early to tell: nothing is posted or looked up.
    uow, publisher = _restart(url, fake, engines)
    outcomes = run_due(now=now, uow_factory=lambda: uow, publisher=publisher, clock=_Clock(now))
    assert [o.status for o in outcomes] == ["unknown"]
    assert not fake.api_calls("conversations.history")
    # A restarted worker, once Slack has had time: the post is found in the history and counted.
    later = now + UNKNOWN_SETTLE + timedelta(seconds=1)
    uow, publisher = _restart(url, fake, engines)
    outcomes = run_due(now=later, uow_factory=lambda: uow, publisher=publisher, clock=_Clock(later))
    assert [o.status for o in outcomes] == ["posted"]
    assert run_due(now=later, uow_factory=lambda: uow, publisher=publisher, clock=_Clock(later)) == []
    assert _top_level_posts(fake) == {c: 1 for c in CHANNELS}
    with uow:
        runs = {r.subscription_id: r for r in uow.digests.runs()}
    assert {r.status for r in runs.values()} == {"posted"}
    assert runs[outcomes[0].subscription_id].message_ts == fake.state.messages[CHANNELS[0]][0]["ts"]


def test_a_post_that_never_arrived_is_posted_again_once(
    tmp_path: Path, fake: FakeSlack, engines: list[Engine]
) -> None:
    url, now = _late_first_post(tmp_path, fake, engines, "lost.db")
    fake.state.messages[CHANNELS[0]].clear()  # Slack lost it after all
    later = now + UNKNOWN_SETTLE + timedelta(seconds=1)
    uow, publisher = _restart(url, fake, engines)
    outcomes = run_due(now=later, uow_factory=lambda: uow, publisher=publisher, clock=_Clock(later))
    assert [o.status for o in outcomes] == ["posted"]
    assert run_due(now=later, uow_factory=lambda: uow, publisher=publisher, clock=_Clock(later)) == []
    assert len([m for m in fake.state.messages[CHANNELS[0]] if not m["thread_ts"]]) == 1
    with uow:
        assert {(r.status, r.attempts) for r in uow.digests.runs()} == {("posted", 1), ("posted", 2)}


def test_without_access_to_the_history_an_unknown_post_is_never_repeated(
    tmp_path: Path, fake: FakeSlack, engines: list[Engine]
) -> None:
    url, now = _late_first_post(tmp_path, fake, engines, "noscope.db")
    fake.state.history_error = "missing_scope"
    for minutes in (3, 10, 60):
        later = now + timedelta(minutes=minutes)
        restarted, publisher = _restart(url, fake, engines)
        outcomes = run_due(
            now=later, uow_factory=lambda u=restarted: u, publisher=publisher, clock=_Clock(later)
        )
        assert [(o.status, o.error) for o in outcomes] == [
            ("unknown", "cannot check the channel: conversations.history: missing_scope")
        ]
    assert _top_level_posts(fake) == {c: 1 for c in CHANNELS}
