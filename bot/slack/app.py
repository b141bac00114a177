"""Build the Bolt app: Web client, listeners and error handler. Called by the composition root only."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any, cast

import httpx
from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry import default_retry_handlers
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.fetch.http import make_client
from bot.settings import Settings
from bot.slack.backend import AdminDesk, HandlerQuestions, Questions, SlackContainer
from bot.slack.channels import SlackChannels
from bot.slack.config import Mode, require_settings
from bot.slack.directory import SlackDirectory
from bot.slack.files import SlackOpmlReader
from bot.slack.listeners import briefbot, more, questions
from bot.sources_probe import HttpSourceProbe
from handlers.admin import SourceProbe

logger = logging.getLogger(__name__)


class _BoltLogFilter(logging.Filter):
    """Bolt's log, minus a warning about how it was built and a request's body.

    The Web client carries the bot token, so Bolt warns at every start that the SLACK_BOT_TOKEN it
    reads from the environment "will be unused": true, and nothing to act on. A request that fails
    its signature check is logged with its whole body (user ids, the text typed, response URLs):
    the line keeps only that it happened.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "`token` will be unused" in message:
            return False
        if message.startswith("Invalid request signature"):
            record.msg, record.args = "Refused a request with an invalid signature (body not logged)", ()
        return True


_BOLT_FILTER = _BoltLogFilter()


def quiet_bolt_logs() -> None:
    """Filter Bolt's loggers (once; calling again changes nothing)."""
    for name in ("slack_bolt.App", "slack_bolt.RequestVerification"):
        logger_ = logging.getLogger(name)
        if _BOLT_FILTER not in logger_.filters:
            logger_.addFilter(_BOLT_FILTER)


def make_web_client(settings: Settings, token: str | None = None) -> WebClient:
    """A Web API client on SLACK_API_URL that waits out 429s (Retry-After) and retries dropped connections."""
    return WebClient(
        token=token or settings.slack_bot_token,
        base_url=settings.slack_api_url,
        retry_handlers=[*default_retry_handlers(), RateLimitErrorRetryHandler(max_retry_count=2)],
    )


def build_slack_app(
    container: SlackContainer,
    settings: Settings,
    *,
    mode: Mode = "http",
    listener_executor: Executor | None = None,
    probe: SourceProbe | None = None,
    ask: Questions | None = None,
    verify_token: bool = True,
) -> App:
    """The Bolt app with every listener registered. Raises SlackSettingsError when settings are missing.

    `listener_executor` runs listeners after ack() (Bolt's thread pool by default; tests may pass their
    own); `probe` and `ask` replace the real source probe and question handlers.
    """
    require_settings(settings, mode)
    quiet_bolt_logs()
    client = make_web_client(settings)
    app = App(
        client=client,
        signing_secret=settings.slack_signing_secret or "",
        # Socket Mode requests arrive over an authenticated WebSocket; there is nothing to sign.
        request_verification_enabled=mode == "http",
        token_verification_enabled=verify_token,
        process_before_response=False,
        listener_executor=listener_executor,
    )
    answers = ask or HandlerQuestions(uow_factory=container.uow, clock=container.clock)
    desk = AdminDesk(
        uow_factory=container.uow,
        clock=container.clock,
        probe=probe or HttpSourceProbe(allow_private=settings.allow_private_fetch),
        directory=SlackDirectory(client),
        admin_ids=settings.admin_ids,
        opml_reader=SlackOpmlReader(
            client,
            token=settings.slack_bot_token or "",
            http_client_factory=container_http(container, settings),
        ),
        channels=SlackChannels(client),
    )
    questions.register(app, answers)
    more.register(app, answers)
    briefbot.register(app, answers, desk)
    app.error(_log_error)
    return app


def _log_error(error: Exception, body: dict[str, Any]) -> None:
    logger.error(
        "unhandled error in a listener (type=%s, command=%s, user=%s): %r",
        body.get("type"),
        body.get("command"),
        body.get("user_id") or (body.get("user") or {}).get("id"),
        error,
    )


def container_http(container: SlackContainer, settings: Settings) -> Callable[[], httpx.Client]:
    """The container's HTTP client factory when it has one (bootstrap's does), else a guarded default."""
    factory = getattr(container, "http_client_factory", None)
    if callable(factory):
        return cast(Callable[[], httpx.Client], factory)
    return lambda: make_client(allow_private=settings.allow_private_fetch)
