"""Building the app for each mode: which settings each needs, and the Web client it talks through."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.settings import Settings
from bot.slack.app import build_slack_app
from bot.slack.config import SlackSettingsError
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


def test_socket_mode_needs_the_app_token_not_the_signing_secret(fake: FakeSlack,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SLACK_APP_TOKEN", raising=False)
    with pytest.raises(SlackSettingsError, match="SLACK_APP_TOKEN") as missing:
        build_slack_app(Container(), settings(SLACK_BOT_TOKEN="xoxb-1", SLACK_API_URL=fake.api_url),
                        mode="socket")
    assert "SLACK_SIGNING_SECRET" not in str(missing.value)
    app = build_slack_app(Container(), settings(SLACK_BOT_TOKEN="xoxb-1", SLACK_APP_TOKEN="xapp-1",
                                                SLACK_API_URL=fake.api_url), mode="socket")
    assert app.client.base_url == fake.api_url


def test_http_mode_without_token_or_secret_names_both(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(SlackSettingsError) as missing:
        build_slack_app(Container(), settings(), mode="http")
    assert "SLACK_BOT_TOKEN" in str(missing.value) and "SLACK_SIGNING_SECRET" in str(missing.value)


def test_web_client_uses_slack_api_url_and_retries_rate_limits(fake: FakeSlack) -> None:
    app = build_slack_app(Container(), settings(SLACK_BOT_TOKEN="xoxb-1", SLACK_SIGNING_SECRET="s",
                                                SLACK_API_URL=fake.url + "/api"))
    assert app.client.base_url == fake.api_url
    assert any(isinstance(h, RateLimitErrorRetryHandler) for h in app.client.retry_handlers)
    assert [c.api_method for c in fake.calls] == ["auth.test"]
