"""Building the app for each mode: which settings each needs, and the Web client it talks through."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urlencode

import pytest
from slack_bolt.request import BoltRequest
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.bootstrap import build_slack_app
from bot.settings import Settings
from bot.slack.config import SlackSettingsError
from bot.slack.server import make_wsgi_app
from handlers.catalog import default_registry
from handlers.registry import Call
from handlers.results import QueryError
from tests.e2e.fake_slack import FakeSlack
from tests.fakes import FakeUnitOfWork, FixedClock


class Container:
    clock = FixedClock(date(2025, 9, 10))

    def __init__(self) -> None:
        self._uow = FakeUnitOfWork()

    def uow(self) -> FakeUnitOfWork:
        return self._uow


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    server = FakeSlack().start()
    yield server
    server.stop()


def settings(**env: str) -> Settings:
    return Settings(_env_file=None, **env)


def test_socket_mode_needs_the_app_token_not_the_signing_secret(
    fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SLACK_APP_TOKEN", raising=False)
    with pytest.raises(SlackSettingsError, match="SLACK_APP_TOKEN") as missing:
        build_slack_app(
            Container(), settings(SLACK_BOT_TOKEN="xoxb-1", SLACK_API_URL=fake.api_url), mode="socket"
        )
    assert "SLACK_SIGNING_SECRET" not in str(missing.value)
    app = build_slack_app(
        Container(),
        settings(SLACK_BOT_TOKEN="xoxb-1", SLACK_APP_TOKEN="xapp-1", SLACK_API_URL=fake.api_url),
        mode="socket",
    )
    assert app.client.base_url == fake.api_url


def test_http_mode_without_token_or_secret_names_both(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(SlackSettingsError) as missing:
        build_slack_app(Container(), settings(), mode="http")
    assert "SLACK_BOT_TOKEN" in str(missing.value) and "SLACK_SIGNING_SECRET" in str(missing.value)


def test_web_client_uses_slack_api_url_and_retries_rate_limits(fake: FakeSlack) -> None:
    app = build_slack_app(
        Container(),
        settings(SLACK_BOT_TOKEN="xoxb-1", SLACK_SIGNING_SECRET="s", SLACK_API_URL=fake.url + "/api"),
    )
    assert app.client.base_url == fake.api_url
    assert any(isinstance(h, RateLimitErrorRetryHandler) for h in app.client.retry_handlers)
    assert [c.api_method for c in fake.calls] == ["auth.test"]


class SlowQuestions:
    """A front door that answers after `delay` seconds: a slow database, a cold cache."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.registry = default_registry()

    def call(self, **where: Any) -> Call:
        return Call(today=date(2025, 9, 10), **where)

    def answer(self, words: Any, call: Call) -> Any:
        time.sleep(self.delay)
        raise QueryError("still thinking")


def test_the_ack_goes_back_before_a_slow_answer_is_ready(fake: FakeSlack) -> None:
    secret = "s3"
    app = build_slack_app(
        Container(),
        settings(SLACK_BOT_TOKEN="xoxb-1", SLACK_SIGNING_SECRET=secret, SLACK_API_URL=fake.api_url),
        door=SlowQuestions(1.5),
    )
    body = urlencode(
        {
            "command": "/timeline",
            "text": "x",
            "user_id": "U1",
            "channel_id": "C1",
            "team_id": "T1",
            "response_url": fake.response_url("slow"),
            "trigger_id": "1.2",
        }
    )
    ts = str(int(time.time()))
    sig = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    started = time.monotonic()
    response = app.dispatch(
        BoltRequest(
            body=body,
            headers={
                "content-type": ["application/x-www-form-urlencoded"],
                "x-slack-request-timestamp": [ts],
                "x-slack-signature": [sig],
            },
        )
    )
    acked_after = time.monotonic() - started
    # The answer takes 1.5 s, so an ack sooner than that cannot have waited for it (a tighter
    # bound would only measure how busy the machine is).
    assert response.status == 200 and acked_after < 1.5
    assert fake.responses("slow") == []
    [message] = fake.wait_for_response("slow", timeout=5)
    assert "still thinking" in message["text"]
    assert time.monotonic() - started >= 1.5


def test_healthz_is_503_when_the_health_check_fails(fake: FakeSlack) -> None:
    app = build_slack_app(
        Container(), settings(SLACK_BOT_TOKEN="xoxb-1", SLACK_SIGNING_SECRET="s", SLACK_API_URL=fake.api_url)
    )

    def database_down() -> bool:
        raise OSError("connection refused")

    statuses: list[str] = []
    body = make_wsgi_app(app, health=database_down)(
        {"PATH_INFO": "/healthz", "REQUEST_METHOD": "GET"}, lambda status, headers: statuses.append(status)
    )
    assert statuses == ["503 Service Unavailable"] and b'"ok": false' in b"".join(body)
