"""The App Home end to end: signed events, button clicks and modal submissions to the served app.

The server is the one `briefbot serve` runs (waitress + the Bolt app) in a thread, the store the real
SQLite store; views.publish/views.open land at tests/e2e/fake_slack.py, and the add-source probe
fetches a feed the fake serves on localhost.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from slack_sdk.models.views import View

from bot.bootstrap import build, build_slack_app
from bot.settings import Settings
from bot.slack.listeners import home as home_listener
from bot.slack.render_home import (
    ADD_SOURCE_MODAL,
    DIGEST_MODAL,
    NO_ALERTS,
    OPEN_ADD_SOURCE,
    PAUSE_SOURCE,
    RESUME_SOURCE,
)
from bot.slack.render_watch_modal import (
    KIND_INPUT,
    OPEN_WATCH,
    SUBJECT_INPUT,
    WATCH_CHANNEL_INPUT,
    WATCH_MODAL,
)
from bot.slack.server import create_server, make_wsgi_app
from bot.sources_probe import HttpSourceProbe
from tests.e2e.fake_slack import Call, FakeSlack
from tests.e2e.slack_seed import seed
from tests.e2e.test_slack_http import CONFIGURED_ADMIN, FEED_XML, MEMBER, SECRET, Stack, sign
from tests.e2e.waitress_thread import ServerThread
from tests.unit.block_kit import assert_valid_view


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    fake = FakeSlack().start()
    fake.state.users = {
        MEMBER: {"id": MEMBER, "is_admin": False, "is_owner": False},
        CONFIGURED_ADMIN: {"id": CONFIGURED_ADMIN, "is_admin": False, "is_owner": False},
    }
    fake.state.feeds["/feeds/gazette.xml"] = ("application/rss+xml", FEED_XML)
    db = Path(tmp_path_factory.mktemp("home")) / "home.db"
    settings = Settings(
        _env_file=None,
        DATABASE_URL=f"sqlite:///{db}",
        SLACK_BOT_TOKEN="xoxb-e2e",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.api_url,
        BRIEFBOT_ADMINS=CONFIGURED_ADMIN,
    )
    container = build(settings)
    container.upgrade_database()
    seed(container.uow)
    with container.uow() as uow:
        uow.sources.add(
            "https://feeds.example/harbour.xml", name="Harbour feed", kind="feed", created_by="seed"
        )
        uow.commit()
    app = build_slack_app(container, settings, probe=HttpSourceProbe(allow_private=True))
    server = create_server(make_wsgi_app(app), host="127.0.0.1", port=0, threads=4)
    running = ServerThread(server).start()
    try:
        yield Stack(url=f"http://127.0.0.1:{server.effective_port}", fake=fake, container=container)
    finally:
        running.stop()
        container.close()
        fake.stop()


def _post(stack: Stack, body: str, content_type: str) -> httpx.Response:
    headers = {**sign(body), "Content-Type": content_type}
    return httpx.post(f"{stack.url}/slack/events", content=body, headers=headers, timeout=10)


def open_home(stack: Stack, user: str) -> httpx.Response:
    """The event Slack sends when `user` opens the bot's Home tab."""
    envelope = {
        "token": "verification-token-unused",
        "team_id": "T0001",
        "api_app_id": "A0001",
        "type": "event_callback",
        "event_id": f"Ev{uuid.uuid4().hex[:10]}",
        "event_time": int(time.time()),
        "event": {
            "type": "app_home_opened",
            "user": user,
            "channel": "D0001",
            "tab": "home",
            "event_ts": "1.2",
        },
    }
    return _post(stack, json.dumps(envelope), "application/json")


def _interaction(stack: Stack, payload: dict[str, Any]) -> httpx.Response:
    return _post(stack, urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")


def click(stack: Stack, user: str, action_id: str, value: str) -> httpx.Response:
    """A button on the Home tab, clicked (or forged: nothing stops anyone posting one)."""
    return _interaction(
        stack,
        {
            "type": "block_actions",
            "user": {"id": user, "username": user.lower(), "team_id": "T0001"},
            "api_app_id": "A0001",
            "token": "verification-token-unused",
            "trigger_id": f"trigger-{uuid.uuid4().hex[:8]}",
            "team": {"id": "T0001", "domain": "fake"},
            "container": {"type": "view", "view_id": "VHOME"},
            "view": {"id": "VHOME", "type": "home", "callback_id": "briefbot_home"},
            "actions": [
                {
                    "action_id": action_id,
                    "block_id": "b1",
                    "type": "button",
                    "value": value,
                    "action_ts": "1.3",
                }
            ],
        },
    )


def submit(stack: Stack, user: str, callback_id: str, values: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A modal submitted; the HTTP answer (Bolt's ack: errors, an update, or nothing) as JSON."""
    response = _interaction(
        stack,
        {
            "type": "view_submission",
            "team": {"id": "T0001", "domain": "fake"},
            "user": {"id": user, "username": user.lower(), "team_id": "T0001"},
            "api_app_id": "A0001",
            "token": "verification-token-unused",
            "trigger_id": "1.2.3",
            "view": {
                "id": "VMODAL",
                "type": "modal",
                "callback_id": callback_id,
                "state": {"values": values},
            },
        },
    )
    assert response.status_code == 200
    return response.json() if response.content else {}


def wait_calls(stack: Stack, method: str, count: int, timeout: float = 5.0) -> list[Call]:
    deadline = time.monotonic() + timeout
    while len(stack.fake.api_calls(method)) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    calls = stack.fake.api_calls(method)
    assert len(calls) >= count, f"{count} {method} call(s) expected, got {len(calls)}"
    return calls


def published_to(stack: Stack, user: str, after: int) -> dict[str, Any]:
    """The first Home tab published to `user` after the first `after` views.publish calls; validated."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        for call in stack.fake.api_calls("views.publish")[after:]:
            if call.body.get("user_id") == user:
                view = call.body["view"]
                view = json.loads(view) if isinstance(view, str) else view
                return assert_valid_view(View(**view))
        time.sleep(0.05)
    raise AssertionError(f"no Home tab published to {user}")


def _source(stack: Stack, url: str) -> Any:
    with stack.container.uow() as uow:
        return uow.sources.get_by_url(url)


def _audit(stack: Stack) -> list[tuple[str, str]]:
    with stack.container.uow() as uow:
        return [(a.actor, a.action) for a in uow.audit.recent(100)]


def test_opening_the_home_tab_publishes_sources_digests_alerts_and_top_stories(stack: Stack) -> None:
    before = len(stack.fake.api_calls("views.publish"))
    assert open_home(stack, MEMBER).status_code == 200
    text = json.dumps(published_to(stack, MEMBER, before))
    assert "Harbour feed" in text and "not polled yet" in text
    assert "Harbour crane" in text  # the seeded stories were stored (fetched) just now
    assert NO_ALERTS in text
    assert PAUSE_SOURCE not in text and OPEN_ADD_SOURCE not in text  # a member gets no admin buttons


def test_an_admin_pauses_a_source_from_the_home_tab_and_sees_it_paused(stack: Stack) -> None:
    source = _source(stack, "https://feeds.example/harbour.xml")
    before = len(stack.fake.api_calls("views.publish"))
    assert click(stack, CONFIGURED_ADMIN, PAUSE_SOURCE, str(source.id)).status_code == 200
    view = published_to(stack, CONFIGURED_ADMIN, before)
    assert not _source(stack, source.url).active
    assert (CONFIGURED_ADMIN, "sources.pause") in _audit(stack)
    assert RESUME_SOURCE in json.dumps(view)
    click(stack, CONFIGURED_ADMIN, RESUME_SOURCE, str(source.id))
    published_to(stack, CONFIGURED_ADMIN, before + 1)
    assert _source(stack, source.url).active


def test_a_forged_pause_from_a_member_is_refused_and_changes_nothing(stack: Stack) -> None:
    source = _source(stack, "https://feeds.example/harbour.xml")
    audit = _audit(stack)
    before = len(stack.fake.api_calls("views.publish"))
    assert click(stack, MEMBER, PAUSE_SOURCE, str(source.id)).status_code == 200
    view = published_to(stack, MEMBER, before)  # the tab is redrawn, still without buttons
    assert _source(stack, source.url).active
    assert _audit(stack) == [(MEMBER, "sources.refused"), *audit]  # only the refusal, audited (newest first)
    assert PAUSE_SOURCE not in json.dumps(view)
    opened = len(stack.fake.api_calls("views.open"))
    click(stack, MEMBER, OPEN_ADD_SOURCE, "open")
    time.sleep(0.3)
    assert len(stack.fake.api_calls("views.open")) == opened


def test_the_add_source_button_opens_the_modal_with_its_trigger(stack: Stack) -> None:
    opened = len(stack.fake.api_calls("views.open"))
    click(stack, CONFIGURED_ADMIN, OPEN_ADD_SOURCE, "open")
    call = wait_calls(stack, "views.open", opened + 1)[-1]
    assert str(call.body["trigger_id"]).startswith("trigger-")
    view = call.body["view"]
    assert_valid_view(View(**(json.loads(view) if isinstance(view, str) else view)))


def test_submitting_the_add_source_modal_probes_stores_and_refreshes_the_home_tab(stack: Stack) -> None:
    feed = f"{stack.fake.url}/feeds/gazette.xml"
    before = len(stack.fake.api_calls("views.publish"))
    answer = submit(
        stack,
        CONFIGURED_ADMIN,
        ADD_SOURCE_MODAL,
        {
            "home_url": {"url": {"type": "plain_text_input", "value": feed}},
            "home_name": {"name": {"value": None}},
        },
    )
    assert answer["response_action"] == "update"
    assert "a feed with 3 items titled Velmora Harbour Gazette" in json.dumps(answer["view"])
    assert _source(stack, feed) is not None and (CONFIGURED_ADMIN, "sources.add") in _audit(stack)
    assert "Velmora Harbour Gazette" in json.dumps(published_to(stack, CONFIGURED_ADMIN, before))
    again = submit(stack, CONFIGURED_ADMIN, ADD_SOURCE_MODAL, {"home_url": {"url": {"value": feed}}})
    assert again["response_action"] == "errors" and "Already following" in again["errors"]["home_url"]


def test_the_add_source_modal_shows_what_the_slash_command_would_refuse(stack: Stack) -> None:
    answer = submit(
        stack, CONFIGURED_ADMIN, ADD_SOURCE_MODAL, {"home_url": {"url": {"value": "ftp://x.example/feed"}}}
    )
    assert answer["response_action"] == "errors"
    assert "is not an http(s) URL" in answer["errors"]["home_url"]
    refused = submit(stack, MEMBER, ADD_SOURCE_MODAL, {"home_url": {"url": {"value": "https://x.example/f"}}})
    assert refused["response_action"] == "errors" and "admins" in refused["errors"]["home_url"]
    assert _source(stack, "https://x.example/f") is None


def _digest_form(channel: str, time_: str, zone: str, topic: str | None) -> dict[str, dict[str, Any]]:
    return {
        "home_channel": {"channel": {"type": "conversations_select", "selected_conversation": channel}},
        "home_cadence": {"cadence": {"type": "static_select", "selected_option": {"value": "daily"}}},
        "home_time": {"time": {"type": "timepicker", "selected_time": time_}},
        "home_zone": {"zone": {"type": "static_select", "selected_option": {"value": zone}}},
        "home_topic": {"topic": {"type": "plain_text_input", "value": topic}},
    }


def test_the_digest_modal_sets_a_digest_and_refuses_what_the_command_refuses(stack: Stack) -> None:
    bad = submit(stack, CONFIGURED_ADMIN, DIGEST_MODAL, _digest_form("C0042", "", "UTC", None))
    assert bad["response_action"] == "errors" and "time of day" in bad["errors"]["home_time"]
    before = len(stack.fake.api_calls("views.publish"))
    assert (
        submit(
            stack, CONFIGURED_ADMIN, DIGEST_MODAL, _digest_form("C0042", "07:30", "Europe/Kyiv", "harbour")
        )
        == {}
    )
    with stack.container.uow() as uow:
        [sub] = uow.digests.subscriptions("C0042")
    # One bot token: the deployment's one workspace (BRIEFBOT_WORKSPACE), whatever team id Slack sent.
    assert (sub.time, sub.timezone, sub.topic, sub.team) == ("07:30", "Europe/Kyiv", "harbour", "default")
    assert "daily at 07:30 Europe/Kyiv" in json.dumps(published_to(stack, CONFIGURED_ADMIN, before))


def test_a_slow_probe_answers_with_a_fetching_modal_then_updates_it(
    stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(home_listener, "PROBE_WAIT", 0.2)
    stack.fake.state.feeds["/feeds/slow.xml"] = ("application/rss+xml", FEED_XML)
    stack.fake.state.feed_delays["/feeds/slow.xml"] = 1.0
    feed = f"{stack.fake.url}/feeds/slow.xml"
    updates = len(stack.fake.api_calls("views.update"))
    started = time.monotonic()
    answer = submit(stack, CONFIGURED_ADMIN, ADD_SOURCE_MODAL, {"home_url": {"url": {"value": feed}}})
    assert time.monotonic() - started < 1.0  # acked before the fetch ended
    assert answer["response_action"] == "update" and "Fetching" in json.dumps(answer["view"])
    call = wait_calls(stack, "views.update", updates + 1)[-1]
    assert call.body["view_id"] == "VMODAL"
    assert "Now following source" in json.dumps(call.body["view"])
    assert _source(stack, feed) is not None


def _watch_form(subject: str, kind: str, channel: str | None) -> dict[str, dict[str, Any]]:
    return {
        SUBJECT_INPUT[0]: {SUBJECT_INPUT[1]: {"type": "plain_text_input", "value": subject}},
        KIND_INPUT[0]: {KIND_INPUT[1]: {"type": "static_select", "selected_option": {"value": kind}}},
        WATCH_CHANNEL_INPUT[0]: {
            WATCH_CHANNEL_INPUT[1]: {"type": "conversations_select", "selected_conversation": channel}
        },
    }


def test_anyone_watches_from_the_home_tab_and_only_admins_for_a_channel(stack: Stack) -> None:
    opened = len(stack.fake.api_calls("views.open"))
    click(stack, MEMBER, OPEN_WATCH, "open")
    modal = wait_calls(stack, "views.open", opened + 1)[-1].body["view"]
    assert_valid_view(View(**(json.loads(modal) if isinstance(modal, str) else modal)))
    before = len(stack.fake.api_calls("views.publish"))
    assert submit(stack, MEMBER, WATCH_MODAL, _watch_form("harbour cranes", "topic", None)) == {}
    view = published_to(stack, MEMBER, before)  # the tab again, with the new watch in its Alerts
    assert "harbour cranes" in json.dumps(view)
    refused = submit(stack, MEMBER, WATCH_MODAL, _watch_form("harbour cranes", "topic", "C0NEWS1"))
    assert refused["response_action"] == "errors" and "admins" in refused["errors"][WATCH_CHANNEL_INPUT[0]]
    with stack.container.uow() as uow:
        watches = uow.watches.find()  # type: ignore[attr-defined]
    assert [(w.subject, w.channel, w.owner) for w in watches if w.subject == "harbour cranes"] == [
        ("harbour cranes", None, MEMBER)
    ]
