"""`briefbot serve` (HTTP, for production) and `briefbot socket` (Socket Mode, for development)."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from typing import Any

from bot.settings import Settings


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
    app = _build(settings, "http")
    if app is None:
        return 2
    serve_http(app, host=args.host, port=args.port if args.port is not None else settings.port,
               threads=args.threads)
    return 0


def _socket(args: argparse.Namespace) -> int:
    from bot.slack.socket_mode import serve_socket

    settings = Settings()
    app = _build(settings, "socket")
    if app is None:
        return 2
    serve_socket(app, app_token=settings.slack_app_token or "")
    return 0


def _build(settings: Settings, mode: str) -> Any:
    from bot.slack.app import build_slack_app
    from bot.slack.config import SlackSettingsError, require_settings

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        require_settings(settings, "http" if mode == "http" else "socket")
    except SlackSettingsError as exc:
        print(f"briefbot: {exc}", file=sys.stderr)
        return None
    bootstrap = importlib.import_module("bot.bootstrap")
    container = bootstrap.build(settings)
    return build_slack_app(container, settings, mode="http" if mode == "http" else "socket")
