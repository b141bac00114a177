"""@briefbot in a channel and DMs with the bot, end to end: signed Events API requests to the server
`briefbot serve` runs (waitress + the Bolt app), answers posted to the fake Slack Web API on
localhost. Two apps on one database stand for two workers (or one restarted): a follow-up in a
thread reaches the other one and still refines the thread's question."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from slack_sdk.models.blocks import Block

from bot.bootstrap import Container, build, build_slack_app
from bot.settings import Settings
from bot.slack.message import SlackMessage
from bot.slack.server import create_server, make_wsgi_app
from tests.e2e.fake_slack import Call, FakeSlack
from tests.e2e.slack_seed import EVENT_COUNT, seed
from tests.e2e.waitress_thread import ServerThread
from tests.unit.block_kit import assert_valid as assert_valid_message

SECRET = "e2e-mentions-secret"
BOT = "UBOT"  # what the fake's auth.test says the bot user is
MEMBER = "UMEMBER"
CHANNEL = "C0001"
DM = "D0001"


@dataclass
class Workers:
    urls: list[str]
    fake: FakeSlack
    container: Container


@pytest.fixture(scope="module")
def workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workers]:
    fake = FakeSlack().start()
    db = Path(tmp_path_factory.mktemp("mentions")) / "e2e.db"
    settings = Settings(
        _env_file=None,
        DATABASE_URL=f"sqlite:///{db}",
        SLACK_BOT_TOKEN="xoxb-e2e",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.api_url,
    )
    container = build(settings)
    container.upgrade_database()
    seed(container.uow)
    running: list[ServerThread] = []
    urls: list[str] = []
    for _ in range(2):
        # Each worker has its own Bolt app and process state; they share only the database.
        server = create_server(
            make_wsgi_app(build_slack_app(build(settings), settings)), host="127.0.0.1", port=0
        )
        running.append(ServerThread(server).start())
        urls.append(f"http://127.0.0.1:{server.effective_port}")
    try:
        yield Workers(urls=urls, fake=fake, container=container)
    finally:
        for r in running:
            r.stop()
        container.close()
        fake.stop()


def send_event(url: str, event: dict[str, Any]) -> tuple[httpx.Response, float]:
    """POST an Events API callback signed as Slack signs it; the response and how long the ack took."""
    body = json.dumps(
        {
            "token": "verification-token-unused",
            "team_id": "T0001",
            "api_app_id": "A0001",
            "type": "event_callback",
            "event_id": f"Ev{uuid.uuid4().hex[:10]}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": "T0001", "user_id": BOT, "is_bot": True}],
            "event": event,
        }
    )
    ts = str(int(time.time()))
    signature = hmac.new(SECRET.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    headers = {
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": f"v0={signature}",
        "Content-Type": "application/json",
    }
    started = time.monotonic()
    response = httpx.post(f"{url}/slack/events", content=body, headers=headers, timeout=10)
    return response, time.monotonic() - started


def _ts() -> str:
    return f"{time.time():.6f}"


def mention(text: str, *, ts: str, thread_ts: str | None = None) -> dict[str, Any]:
    event = {"type": "app_mention", "user": MEMBER, "text": f"<@{BOT}> {text}", "ts": ts, "channel": CHANNEL}
    return event | ({"thread_ts": thread_ts} if thread_ts else {})


def direct(text: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "message",
        "channel_type": "im",
        "user": MEMBER,
        "text": text,
        "ts": _ts(),
        "channel": DM,
    } | extra


def posted_after(fake: FakeSlack, seen: int, timeout: float = 8.0) -> Call:
    """The next chat.postMessage after the first `seen` ones (AssertionError if none comes)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        calls = fake.api_calls("chat.postMessage")
        if len(calls) > seen:
            return calls[seen]
        time.sleep(0.05)
    raise AssertionError("no chat.postMessage arrived")


def assert_valid(body: dict[str, Any]) -> None:
    """A posted message, parsed back into `slack_sdk.models` blocks: each validates and the whole
    stays within Block Kit's limits (tests/unit/block_kit.py)."""
    blocks = [Block.parse(raw) for raw in body["blocks"]]
    assert all(b is not None for b in blocks), body["blocks"]
    parsed = SlackMessage(text=body["text"], blocks=[b for b in blocks if b is not None])
    assert parsed.payload()["blocks"] == body["blocks"]  # nothing lost in the round trip
    assert_valid_message(parsed)


def text_of(body: dict[str, Any]) -> str:
    return json.dumps(body["blocks"], ensure_ascii=False)


def test_a_channel_mention_is_answered_in_its_thread_with_what_was_understood(workers: Workers) -> None:
    seen = len(workers.fake.api_calls("chat.postMessage"))
    ts = _ts()
    response, latency = send_event(workers.urls[0], mention("what did Okafor say about capacity?", ts=ts))
    assert response.status_code == 200 and latency < 3.0
    body = posted_after(workers.fake, seen).body
    assert_valid(body)
    assert (body["channel"], body["thread_ts"]) == (CHANNEL, ts)
    assert body["blocks"][0]["type"] == "context"
    assert body["blocks"][0]["elements"][0]["text"] == "Quotes by Amara Okafor about capacity"
    assert body["text"].startswith("Quotes by Amara Okafor about capacity.")
    assert "*Amara Okafor*, harbour master" in text_of(body)


def test_a_follow_up_in_the_thread_refines_the_question_on_another_worker(workers: Workers) -> None:
    fake = workers.fake
    ts = _ts()
    seen = len(fake.api_calls("chat.postMessage"))
    send_event(workers.urls[0], mention("timeline of the harbour limit 10", ts=ts))
    first = posted_after(fake, seen).body
    assert_valid(first)
    assert f"Showing 1–10 of {EVENT_COUNT}" in text_of(first)

    # "more" reaches the other worker, which reads the thread's question from the database.
    send_event(workers.urls[1], mention("more", ts=_ts(), thread_ts=ts))
    second = posted_after(fake, seen + 1).body
    assert_valid(second)
    assert second["thread_ts"] == ts
    assert second["blocks"][0]["elements"][0]["text"] == "More of: Timeline of harbour (up to 10)"
    assert f"Showing 11–20 of {EVENT_COUNT}" in text_of(second)

    send_event(workers.urls[0], mention("only since 2025-03-21", ts=_ts(), thread_ts=ts))
    third = posted_after(fake, seen + 2).body
    assert_valid(third)
    assert third["blocks"][0]["elements"][0]["text"].startswith("Timeline of harbour since Fri 21 Mar 2025")
    assert "Showing 1–5 of 5" in text_of(third) and "Harbour crane 19 was" not in text_of(third)

    send_event(workers.urls[1], mention("just the figures", ts=_ts(), thread_ts=ts))
    fourth = posted_after(fake, seen + 3).body
    assert_valid(fourth)
    assert fourth["blocks"][0]["elements"][0]["text"].startswith("Figures on harbour since Fri 21 Mar 2025")
    assert "1,204 containers" in text_of(fourth)


def test_a_direct_message_is_answered_in_the_dm(workers: Workers) -> None:
    seen = len(workers.fake.api_calls("chat.postMessage"))
    response, latency = send_event(workers.urls[1], direct("how many containers?"))
    assert response.status_code == 200 and latency < 3.0
    body = posted_after(workers.fake, seen).body
    assert_valid(body)
    assert body["channel"] == DM and not body.get("thread_ts")
    assert body["blocks"][0]["elements"][0]["text"] == "Figures on containers"
    assert "at least 1,204 containers" in text_of(body)


def test_a_reply_in_a_thread_under_a_dm_answer_refines_the_dms_question(workers: Workers) -> None:
    fake = workers.fake
    seen = len(fake.api_calls("chat.postMessage"))
    send_event(workers.urls[0], direct("what did Okafor say since 2025-04-03"))
    first = posted_after(fake, seen).body
    assert_valid(first)
    assert "Showing 1–3 of 3" in text_of(first)
    answer_ts = "1234.000100"  # the user replies in a thread under the answer
    send_event(workers.urls[1], direct("only since 2025-04-05", thread_ts=answer_ts))
    second = posted_after(fake, seen + 1).body
    assert_valid(second)
    assert (second["channel"], second["thread_ts"]) == (DM, answer_ts)
    assert second["blocks"][0]["elements"][0]["text"] == "Quotes by Amara Okafor since Sat 5 Apr 2025"
    assert "Showing 1–1 of 1" in text_of(second)


def test_an_unclear_dm_gets_the_slash_forms_not_a_guess(workers: Workers) -> None:
    seen = len(workers.fake.api_calls("chat.postMessage"))
    send_event(workers.urls[0], direct("velmora cranes"))
    body = posted_after(workers.fake, seen).body
    assert_valid(body)
    assert "/timeline velmora cranes" in body["text"] and "/whosaid velmora cranes" in body["text"]


def test_bot_messages_edits_and_our_own_messages_get_no_answer(workers: Workers) -> None:
    seen = len(workers.fake.api_calls("chat.postMessage"))
    for event in (
        direct("how many containers?", bot_id="B0THER"),
        direct("how many containers?", subtype="message_changed"),
        direct("how many containers?", user=BOT),
        mention("how many containers?", ts=_ts()) | {"channel": DM},  # the DM's message event answers
        {
            "type": "message",
            "channel_type": "channel",
            "user": MEMBER,
            "text": "how many?",
            "ts": _ts(),
            "channel": CHANNEL,
        },
    ):
        assert send_event(workers.urls[0], event)[0].status_code == 200
    # A DM that is answered, sent last: once its answer is in, the others had their chance.
    send_event(workers.urls[0], direct("help"))
    body = posted_after(workers.fake, seen).body
    assert body["channel"] == DM and "timeline of the port strike since Monday" in body["text"]
    time.sleep(0.3)
    assert len(workers.fake.api_calls("chat.postMessage")) == seen + 1
