"""The Bolt app: Web client, listeners and error handler, over a front door built by bot/bootstrap.py."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any, cast

from slack_bolt import App
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.http_retry import default_retry_handlers
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.settings import Settings
from bot.slack import workspace
from bot.slack.backend import Door
from bot.slack.config import Mode
from bot.slack.listeners import files_out, home, mentions, more, questions, uninstall
from bot.slack.request_client import ContextExecutor, RequestScopedClient
from handlers.alerts import watch_summaries
from handlers.ports import AlertUnitOfWork, Clock, UnitOfWork, WorkspaceUnitOfWork

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
    # Request-scoped: with OAuth, the ports built on it speak with each request's workspace token.
    return RequestScopedClient(
        token=settings.slack_bot_token if token is None else (token or None),
        base_url=settings.slack_api_url,
        retry_handlers=[*default_retry_handlers(), RateLimitErrorRetryHandler(max_retry_count=2)],
    )


def create_app(
    client: WebClient,
    settings: Settings,
    door: Door,
    *,
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    mode: Mode = "http",
    listener_executor: Executor | None = None,
    verify_token: bool = True,
    oauth: OAuthSettings | None = None,
) -> App:
    """The Bolt app with every listener registered, over the front door the composition root built.

    `listener_executor` runs listeners after ack() (Bolt's thread pool by default; tests may pass their own);
    `oauth` serves many workspaces (Add to Slack), each request with its own workspace's token.
    """
    app = App(
        client=client,
        signing_secret=settings.slack_signing_secret or "",
        # Socket Mode requests arrive over an authenticated WebSocket; there is nothing to sign.
        request_verification_enabled=mode == "http",
        token_verification_enabled=verify_token and oauth is None,
        process_before_response=False,
        # Listeners run after the ack in the request's context: its workspace token goes with them.
        listener_executor=ContextExecutor(listener_executor or ThreadPoolExecutor(max_workers=5)),
        oauth_settings=oauth,
    )
    workspace.attach(app, settings)
    # The store's units of work hold watches and the workspace's own rows too.
    workspace_units = cast(Callable[[], WorkspaceUnitOfWork], uow_factory)
    uninstall.register(app, workspace_units, clock, settings=settings, oauth=oauth is not None)
    files_out.register(app, uow_factory, clock)  # before the questions: it takes those ending in csv/chart
    questions.register(app, door)
    more.register(app, door)
    alert_units = cast(Callable[[], AlertUnitOfWork], uow_factory)  # the store's units hold watches
    home.register(
        app,
        door,
        uow_factory=uow_factory,
        clock=clock,
        alerts=lambda user, team: watch_summaries(user, team, uow_factory=alert_units),
    )
    mentions.register(app, door, uow_factory=uow_factory, clock=clock)
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
