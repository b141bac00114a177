"""`briefbot serve` (HTTP, for production) and `briefbot socket` (Socket Mode, for development)."""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING, Any

from bot.cli.context import error, open_container
from bot.settings import Settings

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.bootstrap import Container
    from bot.slack.config import Mode


def register(sub: Any) -> None:
    serve = sub.add_parser(
        "serve",
        help="answer Slack over HTTP (POST /slack/events, GET /healthz)",
        description="Serve Slack over HTTP (waitress). Needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.",
    )
    serve.add_argument("--host", default="0.0.0.0", help="interface to listen on (default: all)")
    serve.add_argument("--port", type=int, default=None, help="port (default: $PORT, else 3000)")
    serve.add_argument("--threads", type=int, default=8, help="request threads (default: 8)")
    serve.set_defaults(func=_serve)
    socket = sub.add_parser(
        "socket",
        help="answer Slack over Socket Mode (development: no public URL needed)",
        description="Connect to Slack over Socket Mode. Needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN.",
    )
    socket.set_defaults(func=_socket)


def _serve(args: argparse.Namespace) -> int:
    from bot.slack.server import serve_http

    settings = Settings()
    with open_container(args, settings) as container:
        app = _build(container, settings, "http", "serve")
        if app is None:
            return 2
        serve_http(
            app,
            host=args.host,
            port=args.port if args.port is not None else settings.port,
            threads=args.threads,
            health=lambda: _database_answers(container),
        )
    return 0


def _socket(args: argparse.Namespace) -> int:
    from bot.slack.socket_mode import serve_socket

    settings = Settings()
    with open_container(args, settings) as container:
        app = _build(container, settings, "socket", "socket")
        if app is None:
            return 2
        serve_socket(app, app_token=settings.slack_app_token or "")
    return 0


def _build(container: Container, settings: Settings, mode: Mode, command: str) -> App | None:
    from slack_bolt.error import BoltError

    from bot.bootstrap import build_slack_app
    from bot.slack.config import SlackSettingsError

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        app = build_slack_app(container, settings, mode=mode)
    except SlackSettingsError as exc:
        error(command, str(exc))
        return None
    except (BoltError, OSError) as exc:
        # The bot token is checked with auth.test at start: a wrong token or no route to Slack ends here.
        error(command, f"could not verify SLACK_BOT_TOKEN with Slack at {settings.slack_api_url}: {exc}")
        return None
    # Upgrade now, once, rather than racing on it in the first concurrent requests.
    container.upgrade_database()
    return app


def _database_answers(container: Container) -> bool:
    with container.uow() as uow:
        uow.articles.count()
    return True
