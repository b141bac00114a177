"""The Slack app end to end: signed requests to the real HTTP server, answers at a fake Slack on localhost.

The server is the one `briefbot serve` runs (waitress + the Bolt app), bound to a free port in a thread;
the store is the real SQLite store; the Web API and every response_url are tests/e2e/fake_slack.py.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import socket
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from bot.bootstrap import Container, build, build_slack_app
from bot.settings import Settings
from bot.slack.limits import violations
from bot.slack.server import create_server, make_wsgi_app
from bot.sources_probe import HttpSourceProbe
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.slack_seed import EVENT_COUNT, seed
from tests.e2e.waitress_thread import ServerThread

SECRET = "e2e-signing-secret"
CONFIGURED_ADMIN = "UCONFIGADMIN"
WORKSPACE_ADMIN = "UWORKSPACEADMIN"
MEMBER = "UMEMBER"
FEED_XML = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Velmora Harbour Gazette</title><link>https://gazette.example/</link>
<description>Port news</description>
<item><title>Cranes arrive</title><link>https://gazette.example/1</link></item>
<item><title>Dockers vote</title><link>https://gazette.example/2</link></item>
<item><title>Ferry delayed</title><link>https://gazette.example/3</link></item>
</channel></rss>"""


@dataclass
class Stack:
    url: str
    fake: FakeSlack
    container: Container


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    fake = FakeSlack().start()
    fake.state.users = {
        MEMBER: {"id": MEMBER, "is_admin": False, "is_owner": False},
        WORKSPACE_ADMIN: {"id": WORKSPACE_ADMIN, "is_admin": True, "is_owner": False},
        CONFIGURED_ADMIN: {"id": CONFIGURED_ADMIN, "is_admin": False, "is_owner": False},
    }
    fake.state.feeds["/feeds/gazette.xml"] = ("application/rss+xml", FEED_XML)
    db = Path(tmp_path_factory.mktemp("slack")) / "e2e.db"
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
    # The probe must reach the fake's feed on localhost, which production refuses.
    app = build_slack_app(container, settings, probe=HttpSourceProbe(allow_private=True))
    server = create_server(make_wsgi_app(app), host="127.0.0.1", port=0, threads=4)
    running = ServerThread(server).start()
    try:
        yield Stack(url=f"http://127.0.0.1:{server.effective_port}", fake=fake, container=container)
    finally:
        running.stop()
        container.close()
        fake.stop()


def sign(body: str, *, secret: str = SECRET, timestamp: int | None = None) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": f"v0={digest}",
        "Content-Type": "application/x-www-form-urlencoded",
    }


def slash(
    stack: Stack,
    command: str,
    text: str,
    *,
    user: str = MEMBER,
    secret: str = SECRET,
    timestamp: int | None = None,
    response_url: str | None = None,
) -> tuple[httpx.Response, float, str]:
    """POST a slash command exactly as Slack does; returns the response, its latency and the reply name."""
    name = uuid.uuid4().hex
    body = urlencode(
        {
            "token": "verification-token-unused",
            "team_id": "T0001",
            "team_domain": "fake",
            "channel_id": "C0001",
            "channel_name": "newsroom",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": "A0001",
            "is_enterprise_install": "false",
            "response_url": response_url or stack.fake.response_url(name),
            "trigger_id": "13345224609.738474920.8088930838d88",
        }
    )
    started = time.monotonic()
    response = httpx.post(
        f"{stack.url}/slack/events",
        content=body,
        headers=sign(body, secret=secret, timestamp=timestamp),
        timeout=10,
    )
    return response, time.monotonic() - started, name


def click_more(stack: Stack, value: str, *, user: str = MEMBER) -> tuple[httpx.Response, str]:
    name = uuid.uuid4().hex
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": user.lower(), "team_id": "T0001"},
        "api_app_id": "A0001",
        "token": "verification-token-unused",
        "trigger_id": "1.2.3",
        "container": {
            "type": "message",
            "message_ts": "1.000100",
            "channel_id": "C0001",
            "is_ephemeral": True,
        },
        "team": {"id": "T0001", "domain": "fake"},
        "channel": {"id": "C0001", "name": "newsroom"},
        "response_url": stack.fake.response_url(name),
        "actions": [
            {
                "action_id": "briefbot_more",
                "block_id": "briefbot_paging",
                "type": "button",
                "text": {"type": "plain_text", "text": "More"},
                "value": value,
                "action_ts": "1.2",
            }
        ],
    }
    body = urlencode({"payload": json.dumps(payload)})
    return httpx.post(f"{stack.url}/slack/events", content=body, headers=sign(body), timeout=10), name


def all_text(message: dict[str, Any]) -> str:
    return json.dumps(message["blocks"], ensure_ascii=False)


def more_value(message: dict[str, Any]) -> str | None:
    for block in message["blocks"]:
        for element in block["elements"] if block["type"] == "actions" else []:
            if element["action_id"] == "briefbot_more":
                return str(element["value"])
    return None


def assert_valid_message(message: dict[str, Any]) -> None:
    assert message["text"].strip(), "fallback text missing"
    assert 0 < len(message["blocks"]) <= 50
    assert violations(message) == []


def test_timeline_is_acked_within_3s_and_answered_with_valid_blocks(stack: Stack) -> None:
    response, latency, name = slash(stack, "/timeline", "harbour")
    assert response.status_code == 200
    assert latency < 3.0
    [message] = stack.fake.wait_for_response(name)
    assert_valid_message(message)
    assert message["response_type"] == "ephemeral"
    headers = [b["text"]["text"] for b in message["blocks"] if b["type"] == "header"]
    # The 20 most recent stories, latest first (and the heading says so).
    assert headers[:2] == ["Timeline: harbour, latest first", "25 March 2025"]
    assert more_value(message) is not None
    _, _, name = slash(stack, "/timeline", "harbour until 2025-03-05")
    [message] = stack.fake.wait_for_response(name)
    text = all_text(message)
    # The article title's mrkdwn specials arrive escaped, inside a working link.
    assert "<https://news.example/velmora/0?page=1&amp;ref=feed|Port ∗expands∗ &lt;fast&gt; &amp;" in text
    assert "*expands*" not in text and "<fast>" not in text


def test_public_word_answers_in_channel(stack: Stack) -> None:
    _, _, name = slash(stack, "/figures", "containers public")
    [message] = stack.fake.wait_for_response(name)
    assert message["response_type"] == "in_channel"
    assert "at least 1,204 containers" in all_text(message)
    assert_valid_message(message)


def test_whosaid_shows_speaker_role_outlet_and_escaped_quote(stack: Stack) -> None:
    _, _, name = slash(stack, "/whosaid", "Okafor")
    [message] = stack.fake.wait_for_response(name)
    assert_valid_message(message)
    text = all_text(message)
    assert "*Amara Okafor*, harbour master" in text
    assert "&lt;b&gt;double&lt;/b&gt; ∗our∗ capacity &amp; more" in text
    assert "(Coastal Times)" in text


def test_more_button_returns_the_next_page(stack: Stack) -> None:
    _, _, name = slash(stack, "/timeline", "harbour limit 10")
    [first] = stack.fake.wait_for_response(name)
    value = more_value(first)
    assert value is not None
    response, more_name = click_more(stack, value)
    assert response.status_code == 200
    [second] = stack.fake.wait_for_response(more_name)
    assert_valid_message(second)
    assert f"Showing 11–20 of {EVENT_COUNT}" in all_text(second)
    # The next page replaces the message whose button was clicked.
    assert second["replace_original"] is True
    # Pages go on back in time where the last one stopped: one order, latest first.
    assert "Harbour crane 14 was" in all_text(second) and "Harbour crane 15 was" not in all_text(second)
    assert "Harbour crane 5 was" in all_text(second) and "Harbour crane 4 was" not in all_text(second)
    text = all_text(second)
    assert text.index("Harbour crane 14 was") < text.index("Harbour crane 5 was")
    assert "No more results" not in text
    [last] = stack.fake.wait_for_response(click_more(stack, more_value(second) or "")[1])
    assert f"Showing 21–{EVENT_COUNT} of {EVENT_COUNT}" in all_text(last)
    assert more_value(last) is None
    assert last["replace_original"] is True
    assert "No more results" in all_text(last) and "No more results" in last["text"]
    assert_valid_message(last)


def test_wrong_signature_gets_401_and_no_answer(stack: Stack) -> None:
    response, _, name = slash(stack, "/timeline", "harbour", secret="not-the-secret")
    assert response.status_code == 401
    time.sleep(0.5)  # an answer, if one were coming, would come from a listener thread by now
    assert stack.fake.responses(name) == []


def test_timestamp_older_than_5_minutes_gets_401_and_no_answer(stack: Stack) -> None:
    response, _, name = slash(stack, "/timeline", "harbour", timestamp=int(time.time()) - 6 * 60)
    assert response.status_code == 401
    time.sleep(0.5)
    assert stack.fake.responses(name) == []


def _sources_and_audit(stack: Stack) -> tuple[list[str], list[tuple[str, str]]]:
    with stack.container.uow() as uow:
        return [s.url for s in uow.sources.list()], [(a.actor, a.action) for a in uow.audit.recent(100)]


def test_members_are_refused_sources_add_and_nothing_changes(stack: Stack) -> None:
    before = _sources_and_audit(stack)
    feed = f"{stack.fake.url}/feeds/gazette.xml"
    _, _, name = slash(stack, "/briefbot", f"sources add {feed} Gazette", user=MEMBER)
    [message] = stack.fake.wait_for_response(name)
    assert "admins only" in message["text"]
    sources, audit = _sources_and_audit(stack)
    assert sources == before[0]
    # Nothing changed but the audit log, which keeps the refusal (newest first).
    assert audit[0] == (MEMBER, "sources.refused") and audit[1:] == before[1]
    assert not any(c.path == "/feeds/gazette.xml" for c in stack.fake.calls), "a refused add must not fetch"


def test_configured_admin_adds_a_feed_which_is_probed_stored_and_audited(stack: Stack) -> None:
    feed = f"{stack.fake.url}/feeds/gazette.xml"
    _, _, name = slash(stack, "/briefbot", f"sources add {feed}", user=CONFIGURED_ADMIN)
    [message] = stack.fake.wait_for_response(name)
    assert_valid_message(message)
    assert "a feed with 3 items titled Velmora Harbour Gazette" in all_text(message)
    urls, audit = _sources_and_audit(stack)
    assert feed in urls
    assert (CONFIGURED_ADMIN, "sources.add") in audit
    agent = next(c for c in stack.fake.calls if c.path == "/feeds/gazette.xml").headers.get("User-Agent", "")
    assert agent.startswith("briefbot/")


def test_workspace_admin_is_recognised_through_users_info_and_can_pause(stack: Stack) -> None:
    feed = f"{stack.fake.url}/feeds/gazette.xml?workspace"
    stack.fake.state.feeds.setdefault("/feeds/gazette.xml", ("application/rss+xml", FEED_XML))
    _, _, name = slash(stack, "/briefbot", f"sources add <{feed}> Workspace copy", user=WORKSPACE_ADMIN)
    [added] = stack.fake.wait_for_response(name)
    assert "Now following source" in added["text"], added
    assert any(c.body.get("user") == WORKSPACE_ADMIN for c in stack.fake.api_calls("users.info"))
    source_id = added["text"].split("#")[1].split()[0]
    _, _, name = slash(stack, "/briefbot", f"sources pause {source_id}", user=WORKSPACE_ADMIN)
    [paused] = stack.fake.wait_for_response(name)
    assert f"Source #{source_id} paused" in paused["text"]
    _, _, name = slash(stack, "/briefbot", "sources list", user=WORKSPACE_ADMIN)
    [listing] = stack.fake.wait_for_response(name)
    assert_valid_message(listing)
    assert f"#{source_id} " in all_text(listing) and "paused" in all_text(listing)
    _, audit = _sources_and_audit(stack)
    assert {
        (WORKSPACE_ADMIN, "sources.add"),
        (WORKSPACE_ADMIN, "sources.pause"),
        (WORKSPACE_ADMIN, "sources.list"),
    } <= set(audit)


def test_rate_limited_users_info_is_retried_after_retry_after(stack: Stack) -> None:
    stack.fake.state.rate_limited["users.info"] = 1
    _, _, name = slash(stack, "/briefbot", "sources list", user=WORKSPACE_ADMIN)
    [message] = stack.fake.wait_for_response(name, timeout=8)
    assert "admins only" not in message["text"]
    assert stack.fake.state.rate_limited["users.info"] == 0


def test_unknown_briefbot_subcommand_gets_help(stack: Stack) -> None:
    _, _, name = slash(stack, "/briefbot", "frobnicate now")
    [message] = stack.fake.wait_for_response(name)
    assert_valid_message(message)
    assert "/timeline" in all_text(message) and "sources add" in all_text(message)


def test_healthz_answers_ok(stack: Stack) -> None:
    response = httpx.get(f"{stack.url}/healthz", timeout=5)
    assert response.status_code == 200 and response.json() == {"ok": True}
    assert httpx.get(f"{stack.url}/nowhere", timeout=5).status_code == 404


def _wait_for_log(caplog: pytest.LogCaptureFixture, needle: str, timeout: float = 5.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [r.getMessage() for r in caplog.records if needle in r.getMessage()]
        if found:
            return found[0]
        time.sleep(0.05)
    raise AssertionError(f"no log line with {needle!r}")


def test_a_failing_response_url_is_logged_with_context_and_the_app_keeps_answering(
    stack: Stack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="bot.slack.replies")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    response, _, _ = slash(stack, "/figures", "containers", response_url=f"{stack.fake.url}/expired/hook")
    assert response.status_code == 200
    line = _wait_for_log(caplog, "HTTP 404")
    assert "command=/figures" in line and f"user={MEMBER}" in line and "channel=C0001" in line
    slash(stack, "/whosaid", "Okafor", response_url=f"http://127.0.0.1:{closed_port}/hook")
    assert "command=/whosaid" in _wait_for_log(caplog, "respond() failed", timeout=10)
    _, _, name = slash(stack, "/timeline", "harbour")
    assert stack.fake.wait_for_response(name)


def test_a_more_button_we_did_not_make_gets_a_polite_error(stack: Stack) -> None:
    response, name = click_more(stack, '{"c": "drop table", "o": "x"}')
    assert response.status_code == 200
    [message] = stack.fake.wait_for_response(name)
    assert "expired" in message["text"]


def test_a_more_button_naming_a_command_that_does_not_page_runs_nothing(stack: Stack) -> None:
    # Even an admin's click on such a value must not run `/briefbot sources remove 1`.
    value = '{"c": "briefbot", "q": "sources remove 1", "o": 0}'
    response, name = click_more(stack, value, user=CONFIGURED_ADMIN)
    assert response.status_code == 200
    [message] = stack.fake.wait_for_response(name)
    assert "expired" in message["text"]
    with stack.container.uow() as uow:
        assert all(a.action != "sources.remove" for a in uow.audit.recent(50))
