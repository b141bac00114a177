"""Alerts in Slack: the watch commands through /briefbot's dispatch, and the alert messages."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from bot.slack.alert_publisher import SlackAlertPublisher
from bot.slack.listeners.questions import run_slash
from bot.slack.message import SlackMessage
from bot.slack.render_alerts import IN_MESSAGE, render_alert
from handlers.admin import ProbeResult
from handlers.catalog import default_registry
from handlers.desk import Ports
from handlers.domain import (
    AlertBatch,
    AlertFacts,
    ArticleRef,
    EventRecord,
    FigureRecord,
    QuoteRecord,
    Watch,
)
from handlers.errors import UserError
from handlers.front_door import FrontDoor
from tests.fakes import FakeAlertUnitOfWork, FixedClock
from tests.unit.block_kit import assert_valid

CLOCK = FixedClock(date(2026, 3, 2))
T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
REF = ArticleRef(id=7, url="https://news.example/dockers", title="Dockers out", outlet="Harbour Post")


class StubProbe:
    def probe(self, url: str) -> ProbeResult:
        raise AssertionError("not used")


class StubDirectory:
    def is_workspace_admin(self, user_id: str) -> bool:
        return user_id == "UOWNER"


class StubChannels:
    def find(self, name: str) -> str | None:
        return {"news": "C0NEWS1"}.get(name)


@pytest.fixture
def setup() -> tuple[FakeAlertUnitOfWork, FrontDoor]:
    uow = FakeAlertUnitOfWork()
    ports = Ports(
        uow_factory=lambda: uow,
        clock=CLOCK,
        probe=StubProbe(),
        directory=StubDirectory(),
        admin_ids=frozenset(),
        channels=StubChannels(),
    )
    return uow, FrontDoor(default_registry(), ports, "slack")


def said(setup: tuple[FakeAlertUnitOfWork, FrontDoor], line: str, user: str = "U1") -> str:
    _, door = setup
    message = run_slash(door, "briefbot", line, user, "C0HERE1", "T1").message
    assert_valid(message)
    return f"{message.text} {json.dumps(message.payload(), ensure_ascii=False)}"


def test_anyone_watches_for_themselves_and_lists_and_stops_it(setup) -> None:  # type: ignore[no-untyped-def]
    uow = setup[0]
    assert "Now watching" in said(setup, "watch port strike")
    [w] = uow.watches.rows
    assert (w.kind, w.subject, w.channel, w.owner, w.team) == ("topic", "port strike", None, "U1", "T1")
    assert "port strike" in said(setup, "watch list") and "by direct message" in said(setup, "watch list")
    assert "Stopped" in said(setup, f"unwatch {w.id}")
    assert uow.watches.rows == [] and uow.audit.rows == []


@pytest.mark.parametrize(
    ("line", "channel", "subject", "kind"),
    [
        ("watch topic port strike in here", "C0HERE1", "port strike", "topic"),
        ("watch person Okafor in this channel", "C0HERE1", "Okafor", "person"),
        ("watch dockers in <#C0ESC12|news>", "C0ESC12", "dockers", "topic"),
        ("watch dockers in #news", "C0NEWS1", "dockers", "topic"),
        ("watch strike in Kyiv", None, "strike in Kyiv", "topic"),  # a place, not a channel
    ],
)
def test_an_admin_points_a_watch_at_a_channel(
    setup, line: str, channel: str | None, subject: str, kind: str
) -> None:  # type: ignore[no-untyped-def]
    uow = setup[0]
    assert "Now watching" in said(setup, line, user="UOWNER")
    [w] = uow.watches.rows
    assert (w.channel, w.subject, w.kind) == (channel, subject, kind)
    assert [a.action for a in uow.audit.rows] == (["watch.add"] if channel else [])


def test_members_may_not_watch_for_a_channel_or_stop_another_s_watch(setup) -> None:  # type: ignore[no-untyped-def]
    uow = setup[0]
    assert "Only admins" in said(setup, "watch dockers in here")
    assert uow.watches.rows == []
    said(setup, "watch dockers in here", user="UOWNER")
    assert "only admins" in said(setup, "unwatch 1")
    assert "ids are numbers" in said(setup, "unwatch dockers")
    assert "find a public channel #elsewhere" in said(setup, "watch dockers in #elsewhere", user="UOWNER")
    assert len(uow.watches.rows) == 1


def _batch(n_events: int) -> AlertBatch:
    events = [
        EventRecord(
            id=i,
            date="2026-03-01",
            summary=f"Dockers walked out at gate {i}",
            sentence="s",
            start=i,
            end=i + 1,
            article=REF,
        )
        for i in range(n_events)
    ]
    quote = QuoteRecord(
        id=1,
        text="We stay out until the cranes are safe",
        kind="direct",
        speaker="Maria Okafor",
        start=500,
        end=540,
        article=REF,
    )
    figure = FigureRecord(
        id=1,
        text="40 ships",
        value=40,
        unit="ships",
        sentence="40 ships waited offshore",
        start=600,
        end=608,
        article=REF,
    )
    return AlertBatch(
        id=1, watch_id=3, facts=AlertFacts(events=events, quotes=[quote], figures=[figure]), claimed_at=T0
    )


WATCH = Watch(id=3, kind="topic", subject="dockers", channel="C1", owner="U1", created_at=T0)


def test_a_small_batch_is_one_message_with_each_fact_as_the_questions_show_it() -> None:
    [message] = render_alert(WATCH, _batch(1))
    assert_valid(message)
    text = json.dumps(message.payload(), ensure_ascii=False)
    assert "New on dockers" in text and "1 event, 1 quote, 1 figure" in text
    assert "*Maria Okafor*:\\n“We stay out until the cranes are safe”" in text  # quoted as said
    assert "40 ships — “40 ships waited offshore”" in text  # worded as /figures words it
    assert text.count("<https://news.example/dockers|Dockers out>") == 3  # each item its source
    assert message.text.startswith(
        "New on dockers: 1 event, 1 quote, 1 figure. 1 March 2026: Dockers walked out"
    )


def test_a_large_batch_puts_the_rest_in_the_thread_within_block_kit_limits() -> None:
    messages = render_alert(WATCH, _batch(40))
    for m in messages:
        assert_valid(m)
    first = json.dumps(messages[0].payload()["blocks"])
    assert first.count("Dockers walked out") == IN_MESSAGE and "37 more in the thread" in first
    thread = " ".join(json.dumps(m.payload(), ensure_ascii=False) for m in messages[1:])
    assert all(f"gate {i}\\n" in thread for i in range(IN_MESSAGE, 40)) and "Maria Okafor" in thread
    assert messages[1].text.startswith("New on dockers, 6–25 of 42: ")


class Poster:
    def __init__(self) -> None:
        self.calls: list[tuple[str, SlackMessage, str | None]] = []

    def post(self, channel: str, message: SlackMessage, *, thread_ts: str | None = None) -> str:
        self.calls.append((channel, message, thread_ts))
        return "111.222"


def test_the_publisher_posts_a_personal_alert_to_its_owner_and_the_rest_in_the_thread() -> None:
    poster = Poster()
    personal = WATCH.model_copy(update={"channel": None})
    ts = SlackAlertPublisher(poster).publish(personal, _batch(10))  # type: ignore[arg-type]
    assert ts == "111.222"
    assert [(c, t) for c, _, t in poster.calls] == [("U1", None), ("U1", "111.222")]


def test_a_channel_watch_by_name_without_a_lookup_explains_how_to_name_the_channel() -> None:
    uow = FakeAlertUnitOfWork()
    ports = Ports(uow_factory=lambda: uow, clock=CLOCK, admin_ids=frozenset({"U1"}))
    door = FrontDoor(default_registry(), ports, "slack")
    with pytest.raises(UserError, match="in here"):
        door.answer(
            ["briefbot", "watch", "port", "strike", "in", "#news"], door.call(actor="U1", channel="C1")
        )


def test_a_long_watch_list_shows_every_watch_within_block_kit_limits() -> None:
    from bot.slack.render_alerts import render_watch_list

    watches = [
        Watch(
            id=i,
            kind="topic",
            subject=f"{i} " + "harbour strike " * 20,
            channel="C0NEWS1",
            owner="U1",
            created_at=T0,
        )
        for i in range(1, 31)
    ]
    message = render_watch_list(watches)
    assert_valid(message)
    text = json.dumps(message.payload()["blocks"])
    assert all(f"watch {i}:" in text for i in range(1, 31)) and "…\\n" not in text
