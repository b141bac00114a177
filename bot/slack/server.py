"""The HTTP side: a WSGI app (POST /slack/events, GET /healthz) served by waitress.

waitress is a production WSGI server (pure Python, threaded); Bolt acks within the request and
answers from its own thread pool afterwards, so a slow query never holds Slack's 3-second window.
Before Bolt, bot.slack.request_guard refuses what is too large, unsigned, replayed or malformed,
so a stranger's request costs a length check and one HMAC, never a parse or a listener.
"""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import waitress
from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.slack.request_guard import MAX_BODY_BYTES, Refusal, RequestGuard, declared_length

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

logger = logging.getLogger(__name__)
access_log = logging.getLogger("briefbot.access")
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"


def make_wsgi_app(
    app: App, *, health: Callable[[], bool] | None = None, signing_secret: str | None = None
) -> WSGIApplication:
    """POST /slack/events to Bolt (commands, actions, events share it); GET /healthz for the platform.

    `signing_secret` defaults to the one the Bolt app was built with (Bolt checks it again: cheap).
    """
    slack = SlackRequestHandler(app, path=EVENTS_PATH)
    secret = signing_secret if signing_secret is not None else str(getattr(app, "_signing_secret", ""))
    guard = RequestGuard(secret)

    def logged(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        """One access line a request: method, path, status, time taken (never the body)."""
        started = time.monotonic()
        status = ["-"]

        def recording(status_line: str, headers: Any, exc_info: Any = None) -> Any:
            status[0] = status_line.split(" ", 1)[0]
            if exc_info is None:
                return start_response(status_line, headers)
            return start_response(status_line, headers, exc_info)

        try:
            return wsgi(environ, recording)
        finally:
            access_log.info(
                "%s %s %s %.0f ms",
                environ.get("REQUEST_METHOD", "-"),
                environ.get("PATH_INFO", "-"),
                status[0],
                (time.monotonic() - started) * 1000,
            )

    def wsgi(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            ok = _healthy(health)
            body = json.dumps({"ok": ok}).encode()
            start_response(
                "200 OK" if ok else "503 Service Unavailable",
                [("Content-Type", "application/json"), ("Content-Length", str(len(body)))],
            )
            return [body]
        if environ.get("PATH_INFO") == EVENTS_PATH and environ.get("REQUEST_METHOD") == "POST":
            return guarded(environ, start_response)
        return slack(environ, start_response)

    def guarded(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        length = declared_length(environ.get("CONTENT_LENGTH"))
        if isinstance(length, Refusal):
            return _refuse(length, start_response)
        headers = {
            "x-slack-request-timestamp": environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", ""),
            "x-slack-signature": environ.get("HTTP_X_SLACK_SIGNATURE", ""),
        }
        early = guard.precheck(headers)
        if early is not None:
            return _refuse(early, start_response)
        body = environ["wsgi.input"].read(length) if length else b""
        refusal = guard.check(body, headers, environ.get("CONTENT_TYPE"))
        if refusal is not None:
            return _refuse(refusal, start_response)
        # Bolt reads the body again from wsgi.input: hand it exactly what was checked.
        checked = dict(environ, CONTENT_LENGTH=str(len(body)))
        checked["wsgi.input"] = io.BytesIO(body)
        return slack(checked, start_response)

    return logged


def _refuse(refusal: Refusal, start_response: StartResponse) -> Iterable[bytes]:
    body = refusal.reason.encode()
    start_response(
        refusal.status,
        [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))],
    )
    return [body]


def create_server(wsgi: WSGIApplication, *, host: str, port: int, threads: int = 8) -> Any:
    """A waitress server bound to host:port (port 0 picks a free one: see `.effective_port`)."""
    return waitress.create_server(
        wsgi,
        host=host,
        port=port,
        threads=threads,
        ident="briefbot",
        max_request_body_size=MAX_BODY_BYTES,
        clear_untrusted_proxy_headers=True,
    )


def serve_http(
    app: App, *, host: str, port: int, threads: int = 8, health: Callable[[], bool] | None = None
) -> None:
    """Serve until interrupted; `health` (e.g. "can we reach the database") backs GET /healthz."""
    server = create_server(make_wsgi_app(app, health=health), host=host, port=port, threads=threads)
    logger.info("briefbot listening on http://%s:%s%s", host, server.effective_port, EVENTS_PATH)
    try:
        server.run()
    finally:
        server.close()


def _healthy(health: Callable[[], bool] | None) -> bool:
    if health is None:
        return True
    try:
        return health()
    except Exception:
        logger.exception("health check failed")
        return False
