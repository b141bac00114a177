"""Socket Mode for development: no public URL needed, events arrive over a WebSocket."""

from __future__ import annotations

import logging
import time

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.socket_mode.internals import run_bolt_app, send_response
from slack_sdk.socket_mode.client import BaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest

access_log = logging.getLogger("briefbot.access")


class LoggedSocketModeHandler(SocketModeHandler):
    """Bolt's handler, writing one access line a request as `briefbot serve` does over HTTP."""

    def handle(self, client: BaseSocketModeClient, req: SocketModeRequest) -> None:
        started = time.time()
        status: int | str = "-"
        try:
            response = run_bolt_app(self.app, req)
            status = response.status
            send_response(client, req, response, started)
        finally:
            payload = req.payload if isinstance(req.payload, dict) else {}
            what = payload.get("command") or payload.get("type") or req.type
            access_log.info("socket %s %s %.0f ms", what, status, (time.time() - started) * 1000)


def serve_socket(app: App, *, app_token: str) -> None:
    """Connect with the app-level token (xapp-...) and handle requests until interrupted."""
    LoggedSocketModeHandler(app, app_token=app_token).start()  # type: ignore[no-untyped-call]
